/* gazetteer.c - the name lists as one open-addressing table from phrase
 * keys (a chain of word hashes) to list bits, plus, per first word, the
 * longest phrase it starts, so a caller tries only lengths that exist. */
#include "gazetteer.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"

extern const unsigned char xc_gaz_data_start[], xc_gaz_data_end[];

typedef struct {
  uint64_t key;
  uint16_t bits;  /* list bits of the phrase with this key */
  uint8_t maxlen; /* longest phrase starting with this word */
} gaz_slot;

struct xc_gaz {
  gaz_slot *t;
  size_t mask;
};

uint64_t xc_gaz_word_hash(const char *p, size_t n) { return xc_hash64(p, n, 2); }

static uint64_t chain(uint64_t h, uint64_t w) {
  uint64_t z = h * 0x9E3779B97F4A7C15ull ^ w;
  z = (z ^ (z >> 29)) * 0xBF58476D1CE4E5B9ull;
  return z ^ (z >> 32);
}

/* Key of the phrase w[0..n), and of a first word's length slot. */
static uint64_t phrase_key(const uint64_t *w, size_t n) {
  uint64_t h = 0x517CC1B727220A95ull + n;
  for (size_t i = 0; i < n; i++) h = chain(h, w[i]);
  return h ? h : 1;
}

static uint64_t first_key(uint64_t w) {
  uint64_t h = chain(0xA0761D6478BD642Full, w);
  return h ? h : 1;
}

static gaz_slot *slot(const xc_gaz *g, uint64_t key) {
  size_t h = (size_t)(key ^ (key >> 31)) & g->mask;
  while (g->t[h].key && g->t[h].key != key) h = (h + 1) & g->mask;
  return &g->t[h];
}

static int class_of(const char *p, size_t n) {
  static const char *const names[] = {
#define XC_GAZ_NAME(id, name) name,
      XC_GAZ_CLASSES(XC_GAZ_NAME)
#undef XC_GAZ_NAME
  };
  for (int c = 0; c < XC_GAZ_NCLASSES; c++)
    if (strlen(names[c]) == n && !memcmp(names[c], p, n)) return c;
  return -1;
}

static xc_gaz gaz;

static void gaz_build(void) {
  const char *p = (const char *)xc_gaz_data_start, *end = (const char *)xc_gaz_data_end;
  size_t lines = 0;
  for (const char *q = p; q < end; q++) lines += *q == '\n';
  size_t cap = 1024;
  while (cap < lines * 3) cap <<= 1; /* phrases plus first-word slots */
  gaz.mask = cap - 1;
  gaz.t = xc_xcalloc(cap, sizeof *gaz.t);
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) nl = end;
    const char *tab = memchr(p, '\t', (size_t)(nl - p));
    int c = tab ? class_of(p, (size_t)(tab - p)) : -1;
    if (c >= 0) {
      uint64_t w[XC_GAZ_MAXWORDS];
      size_t n = 0;
      for (const char *s = tab + 1; s < nl && n < XC_GAZ_MAXWORDS;) {
        const char *e = s;
        while (e < nl && *e != ' ') e++;
        if (e > s) w[n++] = xc_gaz_word_hash(s, (size_t)(e - s));
        s = e + 1;
      }
      if (n) {
        gaz_slot *ps = slot(&gaz, phrase_key(w, n));
        ps->key = phrase_key(w, n);
        ps->bits |= (uint16_t)(1u << c);
        gaz_slot *fs = slot(&gaz, first_key(w[0]));
        fs->key = first_key(w[0]);
        if (fs->maxlen < n) fs->maxlen = (uint8_t)n;
      }
    }
    p = nl + 1;
  }
}

const xc_gaz *xc_gaz_default(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, gaz_build);
  return &gaz;
}

unsigned xc_gaz_lookup(const xc_gaz *g, const uint64_t *w, size_t n) {
  if (!n || n > XC_GAZ_MAXWORDS) return 0;
  gaz_slot *s = slot(g, phrase_key(w, n));
  return s->key ? s->bits : 0;
}

size_t xc_gaz_maxlen(const xc_gaz *g, uint64_t w) {
  gaz_slot *s = slot(g, first_key(w));
  return s->key ? s->maxlen : 0;
}
