/* cluster.c - first story grouping: tf-idf weighted bags of words (title
 * words counted three times, capitalised words twice), cosine similarity,
 * average-link agglomeration above a fixed threshold. A later issue replaces
 * this with event signatures (participants, place, date). */
#include "cluster.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core.h"

#define MERGE_THRESHOLD 0.30
#define MAX_TEXT 6000
#define MAX_DF 100
/* above this many documents the n x n matrix and average link give way to
 * single link over a sparse similarity (memory O(n), time ~ postings) */
#define DENSE_MAX 1500
#define SPARSE_THRESHOLD 0.45

typedef struct {
  uint64_t h;
  double w;
} term;

typedef struct {
  term *t;
  size_t n, cap;
} bag;

static int cmp_term(const void *a, const void *b) {
  uint64_t x = ((const term *)a)->h, y = ((const term *)b)->h;
  return x < y ? -1 : x > y;
}

static void bag_add(bag *g, uint64_t h, double w) {
  if (g->n == g->cap) {
    g->cap = g->cap ? g->cap * 2 : 64;
    g->t = xc_xrealloc(g->t, g->cap * sizeof *g->t);
  }
  g->t[g->n++] = (term){h, w};
}

static void bag_words(bag *g, const char *s, size_t limit, double weight) {
  const unsigned char *p = (const unsigned char *)s, *end = p + strnlen(s, limit);
  while (p < end) {
    while (p < end && !(((*p | 32) >= 'a' && (*p | 32) <= 'z') || *p >= 0x80)) p++;
    const unsigned char *w = p;
    while (p < end && (((*p | 32) >= 'a' && (*p | 32) <= 'z') || *p >= 0x80 || *p == '-')) p++;
    size_t n = (size_t)(p - w);
    if (n < 4) continue; /* short words are mostly function words */
    char low[64];
    if (n >= sizeof low) n = sizeof low - 1;
    for (size_t i = 0; i < n; i++) low[i] = (char)xc_lower(w[i]);
    int cap = w[0] >= 'A' && w[0] <= 'Z';
    bag_add(g, xc_hash64(low, n, 7), weight * (cap ? 2.0 : 1.0));
  }
}

/* sorts and merges equal terms */
static void bag_fold(bag *g) {
  if (!g->n) return;
  qsort(g->t, g->n, sizeof *g->t, cmp_term);
  size_t k = 0;
  for (size_t i = 0; i < g->n; i++) {
    if (k && g->t[k - 1].h == g->t[i].h) g->t[k - 1].w += g->t[i].w;
    else g->t[k++] = g->t[i];
  }
  g->n = k;
}

typedef struct {
  uint64_t h;
  uint32_t doc;
  double w;
} posting;

static int cmp_posting(const void *a, const void *b) {
  const posting *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return (x->doc > y->doc) - (x->doc < y->doc);
}

static int find_root(int *parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

static void unite(int *parent, int a, int b) {
  a = find_root(parent, a), b = find_root(parent, b);
  if (a != b) parent[a < b ? b : a] = a < b ? a : b;
}

/* Single link: documents whose cosine (over terms in at most MAX_DF
 * documents) reaches SPARSE_THRESHOLD join, plus copies and originals.
 * Each document's row of dot products is accumulated term by term from the
 * postings (sorted by term), so nothing quadratic in n is stored. */
static size_t group_sparse(const posting *ps, size_t np, const bag *g, size_t n,
                           const int *copy_of, int *story) {
  int *parent = xc_xmalloc(n * sizeof *parent);
  double *acc = xc_xcalloc(n, sizeof *acc);
  uint32_t *touched = xc_xmalloc(n * sizeof *touched);
  for (size_t i = 0; i < n; i++) parent[i] = (int)i;
  for (size_t i = 0; i < n; i++) {
    size_t nt = 0;
    for (size_t k = 0; k < g[i].n; k++) {
      /* the postings of this term: binary search for its first entry */
      size_t lo = 0, hi = np;
      while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ps[mid].h < g[i].t[k].h) lo = mid + 1;
        else hi = mid;
      }
      size_t e = lo;
      while (e < np && ps[e].h == g[i].t[k].h) e++;
      if (e - lo > MAX_DF) continue;
      for (size_t x = lo; x < e; x++) {
        uint32_t j = ps[x].doc;
        if (j <= i) continue;
        if (acc[j] == 0) touched[nt++] = j;
        acc[j] += g[i].t[k].w * ps[x].w;
      }
    }
    for (size_t t = 0; t < nt; t++) {
      if (acc[touched[t]] >= SPARSE_THRESHOLD) unite(parent, (int)i, (int)touched[t]);
      acc[touched[t]] = 0;
    }
    if (copy_of[i] >= 0) unite(parent, (int)i, copy_of[i]);
  }
  int *num = xc_xmalloc(n * sizeof *num);
  for (size_t i = 0; i < n; i++) num[i] = -1;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    int r = find_root(parent, (int)i);
    if (num[r] < 0) num[r] = (int)k++;
    story[i] = num[r];
  }
  free(parent);
  free(acc);
  free(touched);
  free(num);
  return k;
}

size_t xc_cluster_group(const char *const *titles, const char *const *texts,
                        const int *copy_of, size_t n, int *story) {
  if (n == 0) return 0;
  bag *g = xc_xcalloc(n, sizeof *g);
  for (size_t i = 0; i < n; i++) {
    if (titles[i]) bag_words(&g[i], titles[i], 1000, 3.0);
    bag_words(&g[i], texts[i], MAX_TEXT, 1.0);
    bag_fold(&g[i]);
  }
  /* document frequencies: merge all bags' distinct terms */
  bag df = {0};
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < g[i].n; k++) bag_add(&df, g[i].t[k].h, 1.0);
  bag_fold(&df);
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < g[i].n; k++) {
      term key = {g[i].t[k].h, 0};
      term *d = bsearch(&key, df.t, df.n, sizeof key, cmp_term);
      double idf = log((1.0 + (double)n) / (1.0 + (d ? d->w : 0))) + 1.0;
      g[i].t[k].w = (1.0 + log(g[i].t[k].w)) * idf;
    }
  /* cosines through an inverted index over unit vectors: only documents
   * sharing a term meet; terms in more than MAX_DF documents carry almost
   * no idf weight and are skipped */
  double *sim = n <= DENSE_MAX ? xc_xcalloc(n * n, sizeof *sim) : NULL;
  size_t total = 0;
  for (size_t i = 0; i < n; i++) {
    double norm = 0;
    for (size_t k = 0; k < g[i].n; k++) norm += g[i].t[k].w * g[i].t[k].w;
    norm = norm > 0 ? sqrt(norm) : 1;
    for (size_t k = 0; k < g[i].n; k++) g[i].t[k].w /= norm;
    total += g[i].n;
  }
  posting *ps = xc_xmalloc((total ? total : 1) * sizeof *ps);
  size_t np = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < g[i].n; k++)
      ps[np++] = (posting){g[i].t[k].h, (uint32_t)i, g[i].t[k].w};
  if (np) qsort(ps, np, sizeof *ps, cmp_posting);
  if (n > DENSE_MAX) {
    size_t k = group_sparse(ps, np, g, n, copy_of, story);
    free(ps);
    for (size_t i = 0; i < n; i++) free(g[i].t);
    free(g);
    free(df.t);
    free(sim);
    return k;
  }
  size_t max_df = n / 4 > MAX_DF ? n / 4 : MAX_DF;
  for (size_t x = 0; x < np;) {
    size_t y = x;
    while (y < np && ps[y].h == ps[x].h) y++;
    if (y - x <= max_df)
      for (size_t u = x; u < y; u++)
        for (size_t v = u + 1; v < y; v++) {
          double c = ps[u].w * ps[v].w;
          sim[(size_t)ps[u].doc * n + ps[v].doc] += c;
          sim[(size_t)ps[v].doc * n + ps[u].doc] += c;
        }
    x = y;
  }
  free(ps);
  /* average-link agglomeration over a matrix of summed similarities:
   * merging b into a adds row b to row a (O(n^2) per merge) */
  int *grp = xc_xmalloc(n * sizeof *grp);
  size_t *size = xc_xmalloc(n * sizeof *size);
  for (size_t i = 0; i < n; i++) {
    grp[i] = (int)i, size[i] = 1;
    if (copy_of[i] >= 0)
      sim[i * n + (size_t)copy_of[i]] = sim[(size_t)copy_of[i] * n + i] = 1.0;
  }
  for (;;) {
    double best = MERGE_THRESHOLD;
    int ba = -1, bb = -1;
    for (size_t a = 0; a < n; a++) {
      if (grp[a] != (int)a) continue;
      for (size_t b = a + 1; b < n; b++) {
        if (grp[b] != (int)b) continue;
        double s = sim[a * n + b] / (double)(size[a] * size[b]);
        if (s >= best) best = s, ba = (int)a, bb = (int)b;
      }
    }
    if (ba < 0) break;
    for (size_t c = 0; c < n; c++) {
      sim[(size_t)ba * n + c] += sim[(size_t)bb * n + c];
      sim[c * n + (size_t)ba] = sim[(size_t)ba * n + c];
    }
    for (size_t i = 0; i < n; i++)
      if (grp[i] == bb) grp[i] = ba;
    size[ba] += size[bb];
  }
  /* number groups by first appearance */
  int *num = xc_xmalloc(n * sizeof *num);
  for (size_t i = 0; i < n; i++) num[i] = -1;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (num[grp[i]] < 0) num[grp[i]] = (int)k++;
    story[i] = num[grp[i]];
  }
  for (size_t i = 0; i < n; i++) free(g[i].t);
  free(g);
  free(df.t);
  free(sim);
  free(grp);
  free(size);
  free(num);
  return k;
}
