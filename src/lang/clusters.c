/* clusters.c - the word classes as one open-addressing table from word
 * hash to its classes, built from the linked-in TSV on first use. */
#include "clusters.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"
#include "gazetteer.h"

extern const unsigned char xc_clusters_data_start[], xc_clusters_data_end[];

typedef struct {
  uint64_t key; /* 0 = empty */
  uint16_t cls[XC_CLUSTER_LEVELS];
} cl_slot;

static cl_slot *table;
static size_t mask;

static cl_slot *slot(uint64_t key) {
  size_t h = (size_t)(key ^ (key >> 31)) & mask;
  while (table[h].key && table[h].key != key) h = (h + 1) & mask;
  return &table[h];
}

/* Parses the lines "word<TAB>class<TAB>class..." into the table. */
static void build(void) {
  const char *p = (const char *)xc_clusters_data_start, *end = (const char *)xc_clusters_data_end;
  size_t lines = 0;
  for (const char *q = p; q < end; q++) lines += *q == '\n';
  size_t cap = 1024;
  while (cap < lines * 2) cap <<= 1;
  mask = cap - 1;
  table = xc_xcalloc(cap, sizeof *table);
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) nl = end;
    const char *tab = memchr(p, '\t', (size_t)(nl - p));
    if (tab && tab > p) {
      uint64_t k = xc_gaz_word_hash(p, (size_t)(tab - p));
      cl_slot *s = slot(k);
      s->key = k;
      const char *q = tab;
      for (int l = 0; l < XC_CLUSTER_LEVELS && q < nl && *q == '\t'; l++) {
        unsigned v = 0;
        for (q++; q < nl && *q >= '0' && *q <= '9'; q++) v = v * 10 + (unsigned)(*q - '0');
        s->cls[l] = (uint16_t)(v + 1);
      }
    }
    p = nl + 1;
  }
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

void xc_clusters_prefetch(uint64_t w) {
  pthread_once(&once, build);
  w = w ? w : 1;
  __builtin_prefetch(&table[(size_t)(w ^ (w >> 31)) & mask]);
}

int xc_clusters_of(uint64_t w, uint16_t cls[XC_CLUSTER_LEVELS]) {
  pthread_once(&once, build);
  const cl_slot *s = slot(w ? w : 1);
  if (!s->key) {
    memset(cls, 0, XC_CLUSTER_LEVELS * sizeof *cls);
    return 0;
  }
  memcpy(cls, s->cls, XC_CLUSTER_LEVELS * sizeof *cls);
  return 1;
}
