/* gen_clusters.c - word classes for the entity tagger, learned from
 * unlabelled text by the exchange algorithm (Kneser & Ney 1993; Martin,
 * Liermann & Ney 1998): words are moved, one at a time, to the class that
 * most raises the likelihood of a class bigram model of the text.
 *
 * usage: gen_clusters MINCOUNT ITERS K1 [K2...] < corpus > table
 * The corpus has one sentence a line, tokens split on spaces; words are
 * lower-cased (ASCII letters) and sentence ends are a word of their own.
 * Prints "word<TAB>class at K1<TAB>class at K2..." for every word seen at
 * least MINCOUNT times, in order of falling frequency (ties by bytes).
 * Deterministic: no random numbers. Data-making tool, not part of the
 * engine (built and run by data/gen_clusters.sh). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xmalloc(size_t n) {
  void *p = calloc(n ? n : 1, 1);
  if (!p) {
    fprintf(stderr, "gen_clusters: out of memory\n");
    exit(1);
  }
  return p;
}

/* ---- the vocabulary: an open-addressing table of words ---- */
typedef struct {
  char *s;
  long count;
} word;

static word *words;
static size_t nwords, wcap;
static int32_t *table;
static size_t tmask;

static uint64_t hash(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

/* Id of word s, added when new. */
static int32_t word_id(const char *s) {
  size_t h = (size_t)hash(s) & tmask;
  while (table[h] >= 0) {
    if (!strcmp(words[table[h]].s, s)) return table[h];
    h = (h + 1) & tmask;
  }
  if (nwords == wcap) {
    wcap = wcap ? wcap * 2 : 1024;
    words = realloc(words, wcap * sizeof *words);
    if (!words) exit(1);
  }
  words[nwords].s = strdup(s);
  words[nwords].count = 0;
  table[h] = (int32_t)nwords;
  return (int32_t)nwords++;
}

/* ---- bigrams: per word, its successors and predecessors with counts ---- */
typedef struct {
  int32_t w;
  int32_t n;
} edge;

typedef struct {
  edge *e;
  int32_t n;
} adj;

static int edge_cmp(const void *a, const void *b) {
  const edge *x = a, *y = b;
  return x->w < y->w ? -1 : x->w > y->w;
}

/* Merges equal neighbours of a sorted edge list. */
static void adj_compact(adj *a) {
  qsort(a->e, (size_t)a->n, sizeof *a->e, edge_cmp);
  int32_t k = 0;
  for (int32_t i = 0; i < a->n; i++) {
    if (k && a->e[k - 1].w == a->e[i].w) a->e[k - 1].n += a->e[i].n;
    else a->e[k++] = a->e[i];
  }
  a->n = k;
}

static double xlogx(double x) { return x > 0 ? x * log(x) : 0; }

/* Class counts: bigrams big[a*K+b], left and right unigrams. */
typedef struct {
  int K;
  long *big, *left, *right;
  int32_t *cls;
} model;

/* Clusters the V words (ids 0..V-1 by falling frequency; id V is "other")
 * into K classes; writes cls. */
static void exchange(int K, int iters, int32_t V, const adj *succ, const adj *pred,
                     const long *nl, const long *nr, int32_t *cls) {
  model m = {K, xmalloc((size_t)K * K * sizeof(long)), xmalloc((size_t)K * sizeof(long)),
             xmalloc((size_t)K * sizeof(long)), cls};
  for (int32_t w = 0; w <= V; w++) cls[w] = w < V ? w % K : K - 1;
  for (int32_t w = 0; w <= V; w++) {
    m.left[cls[w]] += nl[w];
    m.right[cls[w]] += nr[w];
    for (int32_t j = 0; j < succ[w].n; j++)
      m.big[(size_t)cls[w] * K + cls[succ[w].e[j].w]] += succ[w].e[j].n;
  }
  long *R = xmalloc((size_t)K * sizeof(long)), *L = xmalloc((size_t)K * sizeof(long));
  int32_t *rl = xmalloc((size_t)K * sizeof(int32_t)), *ll = xmalloc((size_t)K * sizeof(int32_t));
  for (int it = 0; it < iters; it++) {
    long moved = 0;
    for (int32_t w = 0; w < V; w++) {
      int a = cls[w];
      long self = 0;
      int nrl = 0, nll = 0;
      /* class-aggregated counts of w's neighbours, w itself apart */
      for (int32_t j = 0; j < succ[w].n; j++) {
        const edge *e = &succ[w].e[j];
        if (e->w == w) {
          self += e->n;
          continue;
        }
        int d = cls[e->w];
        if (!R[d]) rl[nrl++] = d;
        R[d] += e->n;
      }
      for (int32_t j = 0; j < pred[w].n; j++) {
        const edge *e = &pred[w].e[j];
        if (e->w == w) continue;
        int d = cls[e->w];
        if (!L[d]) ll[nll++] = d;
        L[d] += e->n;
      }
      /* take w out of class a */
      for (int k = 0; k < nrl; k++) m.big[(size_t)a * K + rl[k]] -= R[rl[k]];
      for (int k = 0; k < nll; k++) m.big[(size_t)ll[k] * K + a] -= L[ll[k]];
      m.big[(size_t)a * K + a] -= self;
      m.left[a] -= nl[w];
      m.right[a] -= nr[w];
      /* the gain of putting it into each class b */
      int best = a;
      double bestg = -INFINITY;
      for (int b = 0; b < K; b++) {
        double g = 0;
        for (int k = 0; k < nrl; k++) {
          int d = rl[k];
          if (d == b) continue;
          long x = m.big[(size_t)b * K + d];
          g += xlogx((double)(x + R[d])) - xlogx((double)x);
        }
        for (int k = 0; k < nll; k++) {
          int d = ll[k];
          if (d == b) continue;
          long x = m.big[(size_t)d * K + b];
          g += xlogx((double)(x + L[d])) - xlogx((double)x);
        }
        long bb = m.big[(size_t)b * K + b];
        g += xlogx((double)(bb + R[b] + L[b] + self)) - xlogx((double)bb);
        g -= xlogx((double)(m.left[b] + nl[w])) - xlogx((double)m.left[b]);
        g -= xlogx((double)(m.right[b] + nr[w])) - xlogx((double)m.right[b]);
        if (g > bestg + 1e-9) bestg = g, best = b;
      }
      int b = best;
      moved += b != a;
      for (int k = 0; k < nrl; k++) m.big[(size_t)b * K + rl[k]] += R[rl[k]];
      for (int k = 0; k < nll; k++) m.big[(size_t)ll[k] * K + b] += L[ll[k]];
      m.big[(size_t)b * K + b] += self;
      m.left[b] += nl[w];
      m.right[b] += nr[w];
      cls[w] = b;
      for (int k = 0; k < nrl; k++) R[rl[k]] = 0;
      for (int k = 0; k < nll; k++) L[ll[k]] = 0;
    }
    fprintf(stderr, "K=%d iteration %d: %ld words moved\n", K, it + 1, moved);
    if (!moved) break;
  }
  free(R), free(L), free(rl), free(ll);
  free(m.big), free(m.left), free(m.right);
}

static int by_count(const void *a, const void *b) {
  const word *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return strcmp(x->s, y->s);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: gen_clusters MINCOUNT ITERS K1 [K2...] < corpus\n");
    return 2;
  }
  long minc = atol(argv[1]);
  int iters = atoi(argv[2]);
  tmask = (1u << 22) - 1;
  table = xmalloc((tmask + 1) * sizeof *table);
  memset(table, 0xff, (tmask + 1) * sizeof *table);
  /* pass 1: the text as word ids, "</s>" between sentences */
  size_t ntok = 0, tcap = 1 << 20;
  int32_t *tok = xmalloc(tcap * sizeof *tok);
  int32_t eos = word_id("</s>");
  static char line[1 << 16];
  while (fgets(line, sizeof line, stdin)) {
    for (char *s = strtok(line, " \t\r\n"); s; s = strtok(NULL, " \t\r\n")) {
      for (char *c = s; *c; c++)
        if (*c >= 'A' && *c <= 'Z') *c = (char)(*c + 32);
      if (ntok + 2 > tcap) {
        tcap *= 2;
        tok = realloc(tok, tcap * sizeof *tok);
        if (!tok) return 1;
      }
      tok[ntok++] = word_id(s);
    }
    tok[ntok++] = eos;
  }
  for (size_t i = 0; i < ntok; i++) words[tok[i]].count++;
  /* renumber: frequent words first, rare ones share id V */
  word *sorted = xmalloc(nwords * sizeof *sorted);
  memcpy(sorted, words, nwords * sizeof *sorted);
  qsort(sorted, nwords, sizeof *sorted, by_count);
  int32_t V = 0;
  while ((size_t)V < nwords && sorted[V].count >= minc) V++;
  int32_t *newid = xmalloc(nwords * sizeof *newid);
  for (size_t i = 0; i < nwords; i++) newid[i] = V;
  for (int32_t i = 0; i < V; i++) newid[word_id(sorted[i].s)] = i;
  adj *succ = xmalloc(((size_t)V + 1) * sizeof *succ), *pred = xmalloc(((size_t)V + 1) * sizeof *pred);
  long *nl = xmalloc(((size_t)V + 1) * sizeof *nl), *nr = xmalloc(((size_t)V + 1) * sizeof *nr);
  int32_t *ecap = xmalloc(((size_t)V + 1) * 2 * sizeof *ecap);
  for (size_t i = 0; i + 1 < ntok; i++) {
    int32_t a = newid[tok[i]], b = newid[tok[i + 1]];
    nl[a]++, nr[b]++;
    adj *x[2] = {&succ[a], &pred[b]};
    int32_t y[2] = {b, a}, *c[2] = {&ecap[2 * a], &ecap[2 * b + 1]};
    for (int k = 0; k < 2; k++) {
      if (x[k]->n == *c[k]) {
        *c[k] = *c[k] ? *c[k] * 2 : 4;
        x[k]->e = realloc(x[k]->e, (size_t)*c[k] * sizeof(edge));
        if (!x[k]->e) return 1;
        if (*c[k] >= 64) adj_compact(x[k]); /* keep lists of frequent words short */
      }
      x[k]->e[x[k]->n++] = (edge){y[k], 1};
    }
  }
  for (int32_t w = 0; w <= V; w++) adj_compact(&succ[w]), adj_compact(&pred[w]);
  fprintf(stderr, "%zu tokens, %d words of count >= %ld\n", ntok, V, minc);
  int nk = argc - 3;
  int32_t **cls = xmalloc((size_t)nk * sizeof *cls);
  for (int k = 0; k < nk; k++) {
    cls[k] = xmalloc(((size_t)V + 1) * sizeof **cls);
    exchange(atoi(argv[3 + k]), iters, V, succ, pred, nl, nr, cls[k]);
  }
  for (int32_t w = 0; w < V; w++) {
    if (!strcmp(sorted[w].s, "</s>")) continue;
    printf("%s", sorted[w].s);
    for (int k = 0; k < nk; k++) printf("\t%d", cls[k][w]);
    printf("\n");
  }
  return 0;
}
