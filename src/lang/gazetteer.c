/* gazetteer.c - the name lists as one open-addressing table from phrase
 * keys (a chain of word hashes) to list bits, plus, per first word, the
 * longest phrase it starts, so a caller tries only lengths that exist.
 * The table is built at compile time (gaz_table.h) and linked in by
 * gazetteer_data.S. */
#include "gazetteer.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "gaz_table.h"

extern const unsigned char xc_gaz_table_start[];

struct xc_gaz {
  const uint64_t *t;
  uint64_t cap;
};

uint64_t xc_gaz_word_hash(const char *p, size_t n) { return xc_hash64(p, n, GAZ_SEED); }

static xc_gaz gaz;

static void gaz_init(void) {
  const gaz_header *hd = (const gaz_header *)(const void *)xc_gaz_table_start;
  gaz.t = (const uint64_t *)(const void *)(hd + 1);
  gaz.cap = hd->magic == GAZ_MAGIC ? hd->cap : 0;
}

const xc_gaz *xc_gaz_default(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, gaz_init);
  return &gaz;
}

unsigned xc_gaz_lookup(const xc_gaz *g, const uint64_t *w, size_t n) {
  if (!n || n > XC_GAZ_MAXWORDS || !g->cap) return 0;
  return GAZ_BITS(g->t[gaz_slot_of(g->t, g->cap, gaz_phrase_key(w, n))]);
}

void xc_gaz_prefetch_maxlen(const xc_gaz *g, uint64_t w) {
  uint64_t key = gaz_first_key(w);
  if (g->cap) __builtin_prefetch(&g->t[(key ^ (key >> 31)) & (g->cap - 1)]);
}

size_t xc_gaz_maxlen(const xc_gaz *g, uint64_t w) {
  if (!g->cap) return 0;
  return GAZ_MAXLEN(g->t[gaz_slot_of(g->t, g->cap, gaz_first_key(w))]);
}
