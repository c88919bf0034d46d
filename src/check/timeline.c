/* timeline.c - dated sentences of a story's reports, merged across reports
 * (see timeline.h). */
#include "check/timeline.h"

#include <stdlib.h>
#include <string.h>

#include "check/words.h"
#include "core/core.h"

#define TEXT_MAX 240   /* bytes of a sentence kept */
#define SAME_WORDS 0.5 /* content-word overlap (of the shorter) for one item */

void xc_timeline_init(xc_timeline *tl) { memset(tl, 0, sizeof *tl); }

void xc_timeline_release(xc_timeline *tl) {
  for (size_t i = 0; i < tl->n; i++) free(tl->v[i].text), free(tl->v[i].docs);
  free(tl->v);
  memset(tl, 0, sizeof *tl);
}

/* The calendar date of a TimeML value, when it names a day or a month:
 * "2026-02-06", "2026-02-06TNI" and "2026-02" give their date part;
 * anything vaguer ("2026", "PAST_REF", "2026-W06", "XXXX-02") gives 0. */
static size_t calendar_date(const char *v, char *out) {
  size_t n = 0;
  while (n < 10 && v[n]) n++;
  for (size_t i = 0; i < n; i++) {
    int dash = i == 4 || i == 7;
    if (dash ? v[i] != '-' : (v[i] < '0' || v[i] > '9')) {
      n = i;
      break;
    }
  }
  if (n == 10 || (n == 7 && (v[7] == 0 || v[7] == 'T'))) {
    memcpy(out, v, n);
    out[n] = 0;
    return n;
  }
  return 0;
}

/* The sentence of ld around byte b, or NULL. */
static const xc_sent *sentence_at(const xc_lang_doc *ld, uint32_t b) {
  size_t lo = 0, hi = ld->sents.n;
  while (lo < hi) { /* the first sentence ending after b */
    size_t mid = (lo + hi) / 2;
    if (ld->sents.v[mid].end <= b) lo = mid + 1;
    else hi = mid;
  }
  return lo < ld->sents.n && ld->sents.v[lo].start <= b ? &ld->sents.v[lo] : NULL;
}

/* text[a..b) on one line, cut at a word near TEXT_MAX bytes. */
static char *sentence_text(const char *text, uint32_t a, uint32_t b) {
  char *s = xc_collapse_ws(text + a, b - a);
  size_t n = strlen(s);
  if (n > TEXT_MAX) {
    size_t k = TEXT_MAX;
    while (k > TEXT_MAX / 2 && s[k] != ' ') k--;
    while (k > 0 && (((unsigned char)s[k]) & 0xC0) == 0x80) k--; /* whole characters */
    memcpy(s + k, "\xE2\x80\xA6", 4);
  }
  return s;
}

/* Do sentences x and y tell the same thing: do at least SAME_WORDS of the
 * content words of the shorter occur in the other? */
static int same_thing(const char *x, const char *y) {
  uint64_t a[64], b[64];
  size_t na = xc_word_hashes(x, 4, a, 64), nb = xc_word_hashes(y, 4, b, 64), common = 0;
  if (!na || !nb) return 0;
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb; j++)
      if (a[i] == b[j]) {
        common++;
        break;
      }
  size_t shorter = na < nb ? na : nb;
  return (double)common >= SAME_WORDS * (double)shorter;
}

static int has_doc(const xc_tl_item *it, int doc) {
  for (size_t i = 0; i < it->ndocs; i++)
    if (it->docs[i] == doc) return 1;
  return 0;
}

static void add_item(xc_timeline *tl, int doc, const char *date, char *text) {
  for (size_t i = 0; i < tl->n; i++) {
    xc_tl_item *it = &tl->v[i];
    if (strcmp(it->date, date) != 0 || !same_thing(it->text, text)) continue;
    if (!has_doc(it, doc)) {
      it->docs = xc_xrealloc(it->docs, (it->ndocs + 1) * sizeof *it->docs);
      it->docs[it->ndocs++] = doc;
    }
    free(text);
    return;
  }
  if (tl->n == tl->cap) {
    tl->cap = tl->cap ? tl->cap * 2 : 16;
    tl->v = xc_xrealloc(tl->v, tl->cap * sizeof *tl->v);
  }
  xc_tl_item *it = &tl->v[tl->n++];
  memset(it, 0, sizeof *it);
  strcpy(it->date, date);
  it->text = text;
  it->docs = xc_xmalloc(sizeof *it->docs);
  it->docs[0] = doc, it->ndocs = 1;
}

void xc_timeline_add(xc_timeline *tl, int doc, const char *text, const xc_lang_doc *ld,
                     const xc_timexv *tx) {
  const xc_sent *last = NULL;
  for (size_t i = 0; i < tx->n; i++) {
    const xc_timex *t = &tx->v[i];
    char date[11];
    if (t->type != XC_TIMEX_DATE && t->type != XC_TIMEX_TIME) continue;
    if (!calendar_date(t->value, date)) continue;
    const xc_sent *s = sentence_at(ld, t->start);
    if (!s || s == last) continue; /* one item per sentence: its first date */
    last = s;
    add_item(tl, doc, date, sentence_text(text, s->start, s->end));
  }
}

/* Date order; a month ("2026-02") sorts before its days; ties keep the
 * order of addition (the index breaks them: qsort is not stable). */
typedef struct {
  xc_tl_item item;
  size_t index;
} ranked;

static int cmp_items(const void *x, const void *y) {
  const ranked *a = x, *b = y;
  int c = strcmp(a->item.date, b->item.date);
  if (c) return c;
  return (a->index > b->index) - (a->index < b->index);
}

void xc_timeline_finish(xc_timeline *tl) {
  if (tl->n < 2) return;
  ranked *r = xc_xmalloc(tl->n * sizeof *r);
  for (size_t i = 0; i < tl->n; i++) r[i] = (ranked){tl->v[i], i};
  qsort(r, tl->n, sizeof *r, cmp_items);
  for (size_t i = 0; i < tl->n; i++) tl->v[i] = r[i].item;
  free(r);
}
