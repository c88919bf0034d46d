/* story_quotes.c - a story's quotes merged across reports (see
 * story_quotes.h). */
#include "check/story_quotes.h"

#include <stdlib.h>
#include <string.h>

#include "check/words.h"
#include "core/core.h"

#define MIN_WORDS 3    /* shorter quotes are too common to match on */
#define MAX_WORDS 256  /* words of a quote compared */

void xc_story_quotes_init(xc_story_quotes *sq) { memset(sq, 0, sizeof *sq); }

void xc_story_quotes_release(xc_story_quotes *sq) {
  for (size_t i = 0; i < sq->n; i++)
    free(sq->v[i].text), free(sq->v[i].speaker), free(sq->v[i].docs);
  free(sq->v);
  memset(sq, 0, sizeof *sq);
}

/* Is the word sequence a[0..na) inside b[0..nb)? */
static int inside(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  for (size_t i = 0; i + na <= nb; i++)
    if (!memcmp(a, b + i, na * sizeof *a)) return 1;
  return 0;
}

/* The same quote: word for word, or one a shortened form of the other
 * (its words a run of the other's). */
static int same_quote(const char *x, const char *y) {
  static _Thread_local uint64_t a[MAX_WORDS], b[MAX_WORDS];
  size_t na = xc_word_hashes(x, 1, a, MAX_WORDS), nb = xc_word_hashes(y, 1, b, MAX_WORDS);
  if (na < MIN_WORDS || nb < MIN_WORDS) return 0;
  return na <= nb ? inside(a, na, b, nb) : inside(b, nb, a, na);
}

static void add_doc(xc_sq_item *it, int doc, int copy) {
  for (size_t i = 0; i < it->ndocs; i++)
    if (it->docs[i] == doc) return;
  it->docs = xc_xrealloc(it->docs, (it->ndocs + 1) * sizeof *it->docs);
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
      add_doc(it, doc, copy);
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
    add_doc(it, doc, copy);
  }
}
