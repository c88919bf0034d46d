/* story_quotes.c - a story's quotes merged across reports (see
 * story_quotes.h). */
#include "check/story_quotes.h"

#include <stdlib.h>
#include <string.h>

#include "check/words.h"
#include "core/core.h"

#define MIN_WORDS 3    /* shorter quotes are too common to match on */
#define MAX_WORDS 256  /* words of a quote compared */
#define REWORD_MIN 6   /* words of a quote matched when reworded */
#define REWORD_SHARE 0.8 /* ... the share of its words the other must have */

void xc_story_quotes_init(xc_story_quotes *sq) { memset(sq, 0, sizeof *sq); }

void xc_story_quotes_release(xc_story_quotes *sq) {
  for (size_t i = 0; i < sq->n; i++) {
    xc_sq_item *it = &sq->v[i];
    for (size_t k = 0; k < it->ndocs; k++) free(it->speakers[k]);
    free(it->text), free(it->speaker), free(it->docs), free(it->speakers), free(it->named);
  }
  free(sq->v);
  memset(sq, 0, sizeof *sq);
}

/* Is the word sequence a[0..na) inside b[0..nb)? */
static int inside(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  for (size_t i = 0; i + na <= nb; i++)
    if (!memcmp(a, b + i, na * sizeof *a)) return 1;
  return 0;
}

/* How many of the words a[0..na) are among b[0..nb)? (Quotes are short.) */
static size_t found_in(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  size_t k = 0;
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb; j++)
      if (a[i] == b[j]) {
        k++;
        break;
      }
  return k;
}

/* The same quote: word for word, one a shortened form of the other (its
 * words a run of the other's), or reworded: a quote of REWORD_MIN words
 * or more nearly all of whose words the other has ("we will rebuild the
 * bridge this year" / "we will rebuild this bridge within the year"). */
static int same_quote(const char *x, const char *y) {
  static _Thread_local uint64_t a[MAX_WORDS], b[MAX_WORDS];
  size_t na = xc_word_hashes(x, 1, a, MAX_WORDS), nb = xc_word_hashes(y, 1, b, MAX_WORDS);
  if (na < MIN_WORDS || nb < MIN_WORDS) return 0;
  const uint64_t *s = a, *l = b; /* the shorter, the longer */
  size_t ns = na, nl = nb;
  if (na > nb) s = b, l = a, ns = nb, nl = na;
  if (inside(s, ns, l, nl)) return 1;
  return ns >= REWORD_MIN && (double)found_in(s, ns, l, nl) >= REWORD_SHARE * (double)ns;
}

/* Adds report doc, giving the speaker name (named: a name, not a
 * description), to item it; a report already there keeps its first. */
static void add_doc(xc_sq_item *it, int doc, int copy, const char *name, int named) {
  for (size_t i = 0; i < it->ndocs; i++)
    if (it->docs[i] == doc) return;
  it->docs = xc_xrealloc(it->docs, (it->ndocs + 1) * sizeof *it->docs);
  it->speakers = xc_xrealloc(it->speakers, (it->ndocs + 1) * sizeof *it->speakers);
  it->named = xc_xrealloc(it->named, it->ndocs + 1);
  it->speakers[it->ndocs] = name ? xc_xstrdup(name) : NULL;
  it->named[it->ndocs] = (unsigned char)(name && named);
  it->docs[it->ndocs++] = doc;
  it->independent += !copy;
}

/* The name a quote's speaker goes by: its entity's, else as written. */
static const char *speaker_name(const xc_quote *q, const xc_resolver *r) {
  if (r && q->entity >= 0) {
    const xc_entity *e = xc_resolve_entity(r, (size_t)q->entity);
    if (e && e->name) return e->name;
  }
  return q->speaker;
}

/* Is the quote's speaker a person the story names (not a description,
 * not an unresolved pronoun, not an organisation speaking)? */
static int is_person(const xc_quote *q) {
  return q->entity >= 0 && q->speaker_type == XC_NER_PER && !(q->flags & XC_QF_DESCRIBED);
}

void xc_story_quotes_add(xc_story_quotes *sq, int doc, int copy, const char *text,
                         const xc_quotes *q, const xc_resolver *r) {
  for (size_t i = 0; i < q->n; i++) {
    const xc_quote *qt = &q->v[i];
    if (qt->flags & XC_QF_INDIRECT || qt->end <= qt->start) continue;
    char *t = xc_collapse_ws(text + qt->start, qt->end - qt->start);
    size_t k = 0;
    while (k < sq->n && !same_quote(sq->v[k].text, t)) k++;
    if (k < sq->n) {
      xc_sq_item *it = &sq->v[k];
      if (strlen(t) > strlen(it->text)) free(it->text), it->text = t; /* the fuller form */
      else free(t);
      const char *name = speaker_name(qt, r);
      if (!it->speaker && name) it->speaker = xc_xstrdup(name);
      add_doc(it, doc, copy, name, is_person(qt));
      continue;
    }
    if (sq->n == sq->cap) {
      sq->cap = sq->cap ? sq->cap * 2 : 16;
      sq->v = xc_xrealloc(sq->v, sq->cap * sizeof *sq->v);
    }
    xc_sq_item *it = &sq->v[sq->n++];
    memset(it, 0, sizeof *it);
    it->text = t;
    const char *name = speaker_name(qt, r);
    it->speaker = name ? xc_xstrdup(name) : NULL;
    add_doc(it, doc, copy, name, is_person(qt));
  }
}

/* How many of item q's reports give speaker who (names only when named). */
static size_t speaker_votes(const xc_sq_item *q, const char *who, int named) {
  size_t n = 0;
  for (size_t k = 0; k < q->ndocs; k++)
    n += q->speakers[k] && q->named[k] == named && !strcmp(q->speakers[k], who);
  return n;
}

void xc_story_quotes_finish(xc_story_quotes *sq) {
  for (size_t i = 0; i < sq->n; i++) {
    xc_sq_item *q = &sq->v[i];
    const char *best = NULL;
    size_t votes = 0;
    int best_named = 0;
    for (size_t k = 0; k < q->ndocs; k++) {
      if (!q->speakers[k]) continue;
      int named = q->named[k];
      size_t v = speaker_votes(q, q->speakers[k], named);
      if (!best || (named && !best_named) || (named == best_named && v > votes))
        best = q->speakers[k], votes = v, best_named = named;
    }
    if (best && (!q->speaker || strcmp(q->speaker, best))) {
      free(q->speaker);
      q->speaker = xc_xstrdup(best);
    }
  }
}
