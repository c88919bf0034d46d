/* timeline.c - a story's dated facts, in date order (see timeline.h). */
#include "check/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

#define TEXT_MAX 240 /* bytes of a fact's wording kept */

void xc_timeline_init(xc_timeline *tl) { memset(tl, 0, sizeof *tl); }

void xc_timeline_release(xc_timeline *tl) {
  for (size_t i = 0; i < tl->n; i++) free(tl->v[i].text), free(tl->v[i].docs);
  free(tl->v);
  memset(tl, 0, sizeof *tl);
}

/* text on one line, cut at a word near TEXT_MAX bytes. */
static char *item_text(const char *text) {
  char *s = xc_collapse_ws(text, strlen(text));
  size_t n = strlen(s);
  if (n > TEXT_MAX) {
    size_t k = TEXT_MAX;
    while (k > TEXT_MAX / 2 && s[k] != ' ') k--;
    while (k > 0 && (((unsigned char)s[k]) & 0xC0) == 0x80) k--; /* whole characters */
    memcpy(s + k, "\xE2\x80\xA6", 4);
  }
  return s;
}

void xc_timeline_add(xc_timeline *tl, const char *date, const char *text, const int *docs,
                     size_t ndocs) {
  if (tl->n == tl->cap) {
    tl->cap = tl->cap ? tl->cap * 2 : 16;
    tl->v = xc_xrealloc(tl->v, tl->cap * sizeof *tl->v);
  }
  xc_tl_item *it = &tl->v[tl->n++];
  memset(it, 0, sizeof *it);
  snprintf(it->date, sizeof it->date, "%s", date);
  it->text = item_text(text);
  it->docs = xc_xmalloc((ndocs ? ndocs : 1) * sizeof *it->docs);
  memcpy(it->docs, docs, ndocs * sizeof *docs);
  it->ndocs = ndocs;
}

void xc_timeline_from_claims(xc_timeline *tl, const xc_claims *c) {
  for (size_t i = 0; i < xc_claims_nfacts(c); i++) {
    const xc_fact *f = xc_claims_fact(c, i);
    if (f->date[0]) xc_timeline_add(tl, f->date, f->text, f->docs, f->ndocs);
  }
  xc_timeline_finish(tl);
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
