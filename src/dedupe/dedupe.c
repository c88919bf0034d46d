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

/* Candidate pairs: documents that share at least one sampled shingle (those
 * whose hash is 0 mod SAMPLE), found by sorting (hash, doc) postings.
 * Shingles shared by very many documents (boilerplate) are skipped. */
#define SAMPLE 8
#define MAX_POSTING 64

typedef struct {
  uint64_t h;
  uint32_t doc;
} posting;

static int cmp_posting(const void *a, const void *b) {
  const posting *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return (x->doc > y->doc) - (x->doc < y->doc);
}

static int cmp_pair(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Returns sorted unique pair keys (i << 32 | j, i < j); count in *npairs. */
static uint64_t *candidate_pairs(const shingles *s, size_t n, size_t *npairs) {
  posting *ps = NULL;
  size_t np = 0, cap = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < s[i].n; k++) {
      if (s[i].h[k] % SAMPLE) continue;
      if (np == cap) {
        cap = cap ? cap * 2 : 1024;
        ps = xc_xrealloc(ps, cap * sizeof *ps);
      }
      ps[np++] = (posting){s[i].h[k], (uint32_t)i};
    }
  if (np) qsort(ps, np, sizeof *ps, cmp_posting);
  uint64_t *pairs = NULL;
  size_t npr = 0, pcap = 0;
  for (size_t a = 0; a < np;) {
    size_t b = a;
    while (b < np && ps[b].h == ps[a].h) b++;
    if (b - a > 1 && b - a <= MAX_POSTING)
      for (size_t x = a; x < b; x++)
        for (size_t y = x + 1; y < b; y++) {
          if (npr == pcap) {
            pcap = pcap ? pcap * 2 : 1024;
            pairs = xc_xrealloc(pairs, pcap * sizeof *pairs);
          }
          pairs[npr++] = (uint64_t)ps[x].doc << 32 | ps[y].doc;
        }
    a = b;
  }
  free(ps);
  if (npr) qsort(pairs, npr, sizeof *pairs, cmp_pair);
  size_t k = 0;
  for (size_t i = 0; i < npr; i++)
    if (!k || pairs[k - 1] != pairs[i]) pairs[k++] = pairs[i];
  *npairs = k;
  return pairs;
}

void xc_dedupe_copies(const char *const *texts, size_t n, const int *rank,
                      int *copy_of) {
  shingles *s = xc_xcalloc(n ? n : 1, sizeof *s);
  for (size_t i = 0; i < n; i++) {
    s[i] = make_shingles(texts[i]);
    copy_of[i] = -1;
  }
  size_t npairs;
  uint64_t *pairs = candidate_pairs(s, n, &npairs);
  /* each document's best earlier original among its candidates */
  double *best_sim = xc_xcalloc(n ? n : 1, sizeof *best_sim);
  int *best = xc_xmalloc((n ? n : 1) * sizeof *best);
  for (size_t i = 0; i < n; i++) best[i] = -1;
  for (size_t k = 0; k < npairs; k++) {
    size_t i = (size_t)(pairs[k] >> 32), j = (size_t)(pairs[k] & 0xffffffffu);
    if (s[i].n < 20 || s[j].n < 20) continue;
    double r = jaccard(&s[i], &s[j]);
    if (r < COPY_THRESHOLD) continue;
    /* the later one (by rank, then input order) copies the earlier */
    size_t later = (rank[j] > rank[i] || (rank[j] == rank[i] && j > i)) ? j : i;
    size_t earlier = later == j ? i : j;
    if (best[later] < 0 || rank[earlier] < rank[best[later]] ||
        (rank[earlier] == rank[best[later]] && r > best_sim[later]))
      best[later] = (int)earlier, best_sim[later] = r;
  }
  /* point every copy at the root original, never at another copy */
  for (size_t i = 0; i < n; i++) {
    int o = best[i];
    for (int hops = 0; o >= 0 && best[o] >= 0 && hops < 64; hops++) o = best[o];
    copy_of[i] = o;
  }
  for (size_t i = 0; i < n; i++) free(s[i].h);
  free(s);
  free(pairs);
  free(best);
  free(best_sim);
}
