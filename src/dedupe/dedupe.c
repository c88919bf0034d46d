/* dedupe.c - first copy detection: word 5-gram shingles hashed to 64 bits,
 * sorted, compared pairwise by Jaccard resemblance (Broder 1997). Quadratic:
 * fine for a folder of reports; MinHash/LSH replaces it for crawls. */
#include "dedupe.h"

#include <stdlib.h>
#include <string.h>

#include "../core/core.h"

#define SHINGLE 5
#define COPY_THRESHOLD 0.8

typedef struct {
  uint64_t *h;
  size_t n;
} shingles;

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static int word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

static shingles make_shingles(const char *t) {
  shingles s = {0};
  size_t cap = 0, nw = 0;
  uint64_t win[SHINGLE];
  const unsigned char *p = (const unsigned char *)t;
  while (*p) {
    while (*p && !word_char(*p)) p++;
    if (!*p) break;
    uint64_t h = 1469598103934665603ULL;
    while (*p && word_char(*p)) h = (h ^ (uint64_t)xc_lower(*p++)) * 1099511628211ULL;
    win[nw % SHINGLE] = h;
    nw++;
    if (nw >= SHINGLE) {
      uint64_t x = 0;
      for (size_t k = 0; k < SHINGLE; k++)
        x = x * 0x9E3779B97F4A7C15ULL + win[(nw - SHINGLE + k) % SHINGLE];
      if (s.n == cap) {
        cap = cap ? cap * 2 : 256;
        s.h = xc_xrealloc(s.h, cap * sizeof *s.h);
      }
      s.h[s.n++] = x;
    }
  }
  if (s.n) {
    qsort(s.h, s.n, sizeof *s.h, cmp_u64);
    size_t k = 1;
    for (size_t i = 1; i < s.n; i++)
      if (s.h[i] != s.h[k - 1]) s.h[k++] = s.h[i];
    s.n = k;
  }
  return s;
}

static double jaccard(const shingles *a, const shingles *b) {
  if (!a->n || !b->n) return 0;
  size_t i = 0, j = 0, both = 0;
  while (i < a->n && j < b->n) {
    if (a->h[i] == b->h[j]) both++, i++, j++;
    else if (a->h[i] < b->h[j]) i++;
    else j++;
  }
  return (double)both / (double)(a->n + b->n - both);
}

double xc_dedupe_resemblance(const char *a, const char *b) {
  shingles x = make_shingles(a), y = make_shingles(b);
  double r = jaccard(&x, &y);
  free(x.h);
  free(y.h);
  return r;
}

void xc_dedupe_copies(const char *const *texts, size_t n, const int *rank,
                      int *copy_of) {
  shingles *s = xc_xcalloc(n ? n : 1, sizeof *s);
  for (size_t i = 0; i < n; i++) {
    s[i] = make_shingles(texts[i]);
    copy_of[i] = -1;
  }
  /* visit in precedence order so an original is settled before its copies */
  size_t *order = xc_xmalloc((n ? n : 1) * sizeof *order);
  for (size_t i = 0; i < n; i++) order[i] = i;
  for (size_t i = 1; i < n; i++)
    for (size_t k = i; k > 0 && rank[order[k]] < rank[order[k - 1]]; k--) {
      size_t t = order[k];
      order[k] = order[k - 1], order[k - 1] = t;
    }
  for (size_t oi = 0; oi < n; oi++) {
    size_t i = order[oi];
    int best = -1;
    for (size_t j = 0; j < n; j++) {
      if (j == i || s[j].n < 20 || s[i].n < 20) continue;
      int earlier = rank[j] < rank[i] || (rank[j] == rank[i] && j < i);
      if (!earlier || copy_of[j] >= 0) continue;
      if (jaccard(&s[i], &s[j]) >= COPY_THRESHOLD &&
          (best < 0 || rank[j] < rank[best]))
        best = (int)j;
    }
    copy_of[i] = best;
  }
  for (size_t i = 0; i < n; i++) free(s[i].h);
  free(s);
  free(order);
}
