/* copyidx.c - candidate copies among many texts in bounded memory.
 *
 * Near-duplicates: a MinHash signature of 48 values (Broder 1997), cut into
 * 16 bands of 3 rows; texts agreeing on a whole band meet (LSH, Indyk and
 * Motwani 1998): resemblance 0.5 meets with probability 0.88, 0.7 with
 * 0.998, 0.2 with 0.12. Containment: a bottom-k sketch (the 32 smallest
 * shingle hashes, Cohen and Kaplan 2007) whose values are looked up too; a
 * text inside a longer one shares the smallest values of its own that fall
 * below the longer one's cut, so a report carried whole by a page four
 * times its length still meets it. Candidates are ranked by overlap
 * estimated on the two sketches below the lower of their cuts, then the
 * caller confirms on exact shingle sets (xc_copyidx_best).
 *
 * Memory: every document owns 48 postings (16 band keys, 32 sketch values)
 * chained through one open-addressing table keyed by 32-bit values (8 bytes
 * an entry), plus its sketch: 328 bytes in fixed-size chunks and 0.3-0.55
 * KiB of table (its load swings between 3/8 and 3/4), whatever the text's
 * length: 0.65-0.85 KiB a document measured at 100k and 1M. */
#include "copyidx.h"

#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "../core/core.h"

#define BANDS XC_COPY_BANDS
#define ROWS 3
#define NHASH (BANDS * ROWS)
#define SKETCH XC_COPY_SKETCH
#define SLOTS (BANDS + SKETCH)   /* postings per document */
#define CHUNK 1024               /* documents per storage chunk */
#define NONE UINT32_MAX
#define MAX_DOCS (NONE / SLOTS)  /* posting numbers stay below NONE */
/* walk at most this many postings of one key (newest first): bounded work
 * per query even when a shingle is shared by thousands of pages */
#define MAX_WALK 32
#define MAX_CANDS 256
/* an estimated share below this on both sides cannot become a copy */
#define EST_MIN 0.25f

typedef struct {
  uint32_t sketch[SKETCH]; /* ascending; the first nsketch are valid */
  uint32_t next[SLOTS];    /* previous posting with the same key, or NONE */
  uint32_t nsketch;
  uint32_t nshingles;
} doc_rec;

typedef struct {
  uint32_t key;
  uint32_t head; /* newest posting with this key; NONE = empty slot */
} entry;

struct xc_copyidx {
  doc_rec **chunks;
  size_t nchunks, ndocs;
  entry *tab;
  size_t cap, used; /* cap a power of two */
  uint64_t mul[NHASH], add[NHASH]; /* the MinHash functions */
};

/* splitmix64: fixed seeds, so every run builds the same index */
static uint64_t splitmix(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static entry *table_new(size_t cap) {
  entry *t = xc_xmalloc(cap * sizeof *t);
  for (size_t i = 0; i < cap; i++) t[i].head = NONE;
  return t;
}

xc_copyidx *xc_copyidx_new(void) {
  xc_copyidx *ix = xc_xcalloc(1, sizeof *ix);
  uint64_t seed = 0x636f70696573ULL; /* "copies" */
  for (int i = 0; i < NHASH; i++) {
    ix->mul[i] = splitmix(&seed) | 1;
    ix->add[i] = splitmix(&seed);
  }
  ix->cap = 1024;
  ix->tab = table_new(ix->cap);
  return ix;
}

void xc_copyidx_free(xc_copyidx *ix) {
  if (!ix) return;
  for (size_t i = 0; i < ix->nchunks; i++) free(ix->chunks[i]);
  free(ix->chunks);
  free(ix->tab);
  free(ix);
}

size_t xc_copyidx_count(const xc_copyidx *ix) { return ix->ndocs; }

size_t xc_copyidx_memory(const xc_copyidx *ix) {
  return sizeof *ix + ix->nchunks * (sizeof(doc_rec *) + CHUNK * sizeof(doc_rec)) +
         ix->cap * sizeof(entry);
}

/* Asks the memory system for what a lookup will read: at a million
 * documents every table slot and chain link is a cache miss, and issuing
 * the loads of all keys first lets the misses overlap. */
static inline void prefetch(const void *p) {
#if defined(__GNUC__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

static doc_rec *rec(const xc_copyidx *ix, size_t doc) {
  return &ix->chunks[doc / CHUNK][doc % CHUNK];
}

static size_t slot_of(uint32_t key, size_t mask) {
  return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}

/* The table slot holding key, or the empty slot where it would go. */
static entry *find(entry *tab, size_t cap, uint32_t key) {
  size_t i = slot_of(key, cap - 1);
  while (tab[i].head != NONE && tab[i].key != key) i = (i + 1) & (cap - 1);
  return &tab[i];
}

static void grow(xc_copyidx *ix) {
  size_t cap = ix->cap * 2;
  entry *t = table_new(cap);
  for (size_t i = 0; i < ix->cap; i++)
    if (ix->tab[i].head != NONE) *find(t, cap, ix->tab[i].key) = ix->tab[i];
  free(ix->tab);
  ix->tab = t, ix->cap = cap;
}

/* MinHash: per hash function the least of (mul * x + add) >> 32 over the
 * shingles x (multiply-add-shift; the shingles are already XXH3 values, so
 * a universal family is enough); then each band's three minima hashed to a
 * 32-bit key that also depends on the band's number. */
static void make_bands(const xc_copyidx *ix, const xc_shingles *s, uint32_t *band) {
  uint32_t mins[NHASH];
  for (int i = 0; i < NHASH; i++) mins[i] = NONE;
  for (size_t k = 0; k < s->n; k++) {
    uint64_t x = s->h[k];
    for (int i = 0; i < NHASH; i++) {
      uint32_t v = (uint32_t)((x * ix->mul[i] + ix->add[i]) >> 32);
      mins[i] = v < mins[i] ? v : mins[i];
    }
  }
  for (int b = 0; b < BANDS; b++)
    band[b] = (uint32_t)XXH3_64bits_withSeed(&mins[b * ROWS], ROWS * sizeof *mins,
                                             (uint64_t)b);
}

/* Bottom-k sketch: the shingles are sorted, so the k smallest distinct top
 * halves are the first ones. */
static uint32_t make_sketch(const xc_shingles *s, uint32_t *sketch) {
  uint32_t k = 0;
  for (size_t i = 0; i < s->n && k < SKETCH; i++) {
    uint32_t v = (uint32_t)(s->h[i] >> 32);
    if (!k || sketch[k - 1] != v) sketch[k++] = v;
  }
  return k;
}

void xc_copyidx_sign(const xc_copyidx *ix, const xc_shingles *s, xc_copy_sig *g) {
  make_bands(ix, s, g->band);
  g->nsketch = make_sketch(s, g->sketch);
  g->nshingles = s->n > UINT32_MAX ? UINT32_MAX : (uint32_t)s->n;
}

/* Posting k of a document has key band[k] (k < BANDS) or sketch[k - BANDS]. */
static uint32_t posting_key(const xc_copy_sig *g, int k) {
  return k < BANDS ? g->band[k] : g->sketch[k - BANDS];
}

uint32_t xc_copyidx_add(xc_copyidx *ix, const xc_copy_sig *g) {
  size_t doc = ix->ndocs;
  if (doc % CHUNK == 0) {
    ix->chunks = xc_xrealloc(ix->chunks, (ix->nchunks + 1) * sizeof *ix->chunks);
    ix->chunks[ix->nchunks++] = xc_xmalloc(CHUNK * sizeof(doc_rec));
  }
  ix->ndocs++;
  doc_rec *r = rec(ix, doc);
  memcpy(r->sketch, g->sketch, sizeof r->sketch);
  r->nsketch = g->nsketch;
  r->nshingles = g->nshingles;
  for (int k = 0; k < SLOTS; k++) r->next[k] = NONE;
  /* too short to be judged, or past the posting numbers: kept, not indexed */
  if (g->nshingles < XC_COPY_MIN_SHINGLES || doc >= MAX_DOCS) return (uint32_t)doc;
  int nslots = BANDS + (int)g->nsketch;
  while ((ix->used + (size_t)nslots) * 4 > ix->cap * 3) grow(ix);
  for (int k = 0; k < nslots; k++) prefetch(&ix->tab[slot_of(posting_key(g, k), ix->cap - 1)]);
  for (int k = 0; k < nslots; k++) {
    entry *e = find(ix->tab, ix->cap, posting_key(g, k));
    uint32_t p = (uint32_t)(doc * SLOTS + (size_t)k);
    if (e->head == NONE) {
      e->key = posting_key(g, k);
      ix->used++;
    } else {
      r->next[k] = e->head;
    }
    e->head = p;
  }
  return (uint32_t)doc;
}

/* Values of the ascending sketch v[0..n) that are <= tau. */
static uint32_t count_upto(const uint32_t *v, uint32_t n, uint32_t tau) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (v[mid] <= tau) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Estimated shares of A in B and of B in A from their sketches and the
 * number of values they share: both sketches hold every value of their
 * set up to their last one, so below the lower of the two cuts each is a
 * uniform sample of its set, and the shared values (all below both cuts)
 * estimate the intersection (Cohen and Kaplan 2007). */
static void estimate(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb,
                     uint32_t shared, float *cover_a, float *cover_b) {
  uint32_t ta = na == SKETCH ? a[na - 1] : NONE, tb = nb == SKETCH ? b[nb - 1] : NONE;
  uint32_t tau = ta < tb ? ta : tb;
  uint32_t ka = count_upto(a, na, tau), kb = count_upto(b, nb, tau);
  *cover_a = ka ? (float)(shared < ka ? shared : ka) / (float)ka : 0;
  *cover_b = kb ? (float)(shared < kb ? shared : kb) / (float)kb : 0;
}

/* Values two ascending sketches share (for a candidate met only through a
 * band key). */
static uint32_t sketch_shared(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb) {
  uint32_t i = 0, j = 0, shared = 0;
  while (i < na && j < nb) {
    if (a[i] == b[j]) shared++, i++, j++;
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

/* A small set of candidate documents met in the posting chains, with the
 * sketch values each was met through (= the values it shares with the
 * query, unless a long chain was cut) and whether a band met it. */
typedef struct {
  uint32_t slot[2 * MAX_CANDS]; /* index into doc[] + 1, 0 = empty */
  uint32_t doc[MAX_CANDS];
  uint8_t hits[MAX_CANDS], band[MAX_CANDS];
  size_t n;
} cand_set;

static void cand_add(cand_set *c, uint32_t doc, int is_band) {
  size_t i = (size_t)((doc * 0x9E3779B97F4A7C15ULL) >> 40) & (2 * MAX_CANDS - 1);
  for (; c->slot[i]; i = (i + 1) & (2 * MAX_CANDS - 1))
    if (c->doc[c->slot[i] - 1] == doc) {
      size_t k = c->slot[i] - 1;
      if (is_band) c->band[k] = 1;
      else c->hits[k]++;
      return;
    }
  if (c->n == MAX_CANDS) return;
  c->slot[i] = (uint32_t)c->n + 1;
  c->doc[c->n] = doc;
  c->hits[c->n] = !is_band;
  c->band[c->n] = (uint8_t)is_band;
  c->n++;
}

/* Collects the documents met through the postings of g's keys. The chains
 * are walked side by side, one link of every chain per round, so that the
 * rounds' cache misses overlap. */
static void collect(const xc_copyidx *ix, const xc_copy_sig *g, cand_set *c) {
  memset(c->slot, 0, sizeof c->slot);
  c->n = 0;
  int nslots = BANDS + (int)g->nsketch;
  uint32_t cur[SLOTS];
  for (int k = 0; k < nslots; k++) prefetch(&ix->tab[slot_of(posting_key(g, k), ix->cap - 1)]);
  for (int k = 0; k < nslots; k++) cur[k] = find(ix->tab, ix->cap, posting_key(g, k))->head;
  for (int walked = 0; walked < MAX_WALK; walked++) {
    int active = 0;
    for (int k = 0; k < nslots; k++)
      if (cur[k] != NONE) prefetch(&rec(ix, cur[k] / SLOTS)->next[cur[k] % SLOTS]);
    for (int k = 0; k < nslots; k++) {
      uint32_t p = cur[k];
      if (p == NONE) continue;
      uint32_t doc = p / SLOTS, slot = p % SLOTS;
      /* a band key only counts in its own band; a sketch value in any sketch
       * slot (32-bit keys of different kinds may collide) */
      if (k < BANDS ? slot == (uint32_t)k : slot >= BANDS) cand_add(c, doc, k < BANDS);
      cur[k] = rec(ix, doc)->next[slot];
      active++;
    }
    if (!active) break;
  }
}

static float best_cover(const xc_copy_cand *c) {
  return c->cover_q > c->cover_d ? c->cover_q : c->cover_d;
}

static int cmp_cand(const void *x, const void *y) {
  const xc_copy_cand *a = x, *b = y;
  float ca = best_cover(a), cb = best_cover(b);
  if (ca != cb) return ca > cb ? -1 : 1;
  return (a->doc < b->doc) - (a->doc > b->doc); /* newer first */
}

size_t xc_copyidx_candidates(const xc_copyidx *ix, const xc_copy_sig *g,
                             xc_copy_cand *out, size_t max) {
  if (g->nshingles < XC_COPY_MIN_SHINGLES || !ix->ndocs || !max) return 0;
  cand_set c;
  collect(ix, g, &c);
  xc_copy_cand all[MAX_CANDS];
  size_t n = 0;
  for (size_t i = 0; i < c.n; i++) prefetch(rec(ix, c.doc[i])->sketch);
  for (size_t i = 0; i < c.n; i++) {
    const doc_rec *r = rec(ix, c.doc[i]);
    xc_copy_cand x = {c.doc[i], 0, 0};
    uint32_t shared = c.hits[i] ? c.hits[i]
                                : sketch_shared(g->sketch, g->nsketch, r->sketch, r->nsketch);
    estimate(g->sketch, g->nsketch, r->sketch, r->nsketch, shared, &x.cover_q, &x.cover_d);
    if (best_cover(&x) >= EST_MIN) all[n++] = x;
  }
  qsort(all, n, sizeof *all, cmp_cand);
  if (n > max) n = max;
  memcpy(out, all, n * sizeof *out);
  return n;
}

/* candidates confirmed per query: copies of one text are few, and the
 * estimate ranks them first */
#define CONFIRM 8

long xc_copyidx_best(const xc_copyidx *ix, const xc_shingles *s,
                     const xc_copy_sig *g, xc_copy_fetch fetch, void *ctx,
                     xc_overlap *o) {
  xc_copy_cand cand[CONFIRM];
  size_t n = xc_copyidx_candidates(ix, g, cand, CONFIRM);
  long best = -1;
  xc_shingles other = {0};
  for (size_t i = 0; i < n; i++) {
    if (fetch(ctx, cand[i].doc, &other) != 0) continue;
    xc_overlap x = xc_shingles_overlap(s, &other);
    if (!xc_copy_related(x)) continue;
    if (best < 0 || x.shared > o->shared) best = (long)cand[i].doc, *o = x;
    /* a near-identical text: no other can share much more */
    if (xc_overlap_cover_a(x) >= 0.9 && xc_overlap_cover_b(x) >= 0.9) break;
  }
  xc_shingles_release(&other);
  return best;
}

/* ---- the copy rule ---- */

#define MOSTLY 0.6   /* share of the copy's text taken from the original */
#define WHOLE 0.8    /* share of the original a repost carries */
#define PART 0.3     /* ... and the least share of the repost it makes */

int xc_copy_b_of_a(xc_overlap o) {
  if (o.na < XC_COPY_MIN_SHINGLES || o.nb < XC_COPY_MIN_SHINGLES) return 0;
  double a = xc_overlap_cover_a(o), b = xc_overlap_cover_b(o);
  return b >= MOSTLY || (a >= WHOLE && b >= PART);
}

int xc_copy_related(xc_overlap o) {
  xc_overlap r = {o.nb, o.na, o.shared};
  return xc_copy_b_of_a(o) || xc_copy_b_of_a(r);
}
