/* copyidx.h - an incremental index of shingle sets that finds, for a new
 * text, the earlier texts it may be a copy of (or that may be copies of
 * it): near-duplicates through MinHash signatures and LSH banding, and
 * containment (a page carrying a whole report, a page made mostly of
 * another's paragraphs) through bottom-k sketches. Documents are added one
 * at a time and numbered 0, 1, 2, ... in the order added. Index memory is
 * about 1 KiB per document whatever its length (xc_copyidx_memory). */
#ifndef XC_COPYIDX_H
#define XC_COPYIDX_H

#include <stddef.h>
#include <stdint.h>

#include "shingle.h"

typedef struct xc_copyidx xc_copyidx;

/* A new empty index; free with xc_copyidx_free. */
xc_copyidx *xc_copyidx_new(void);

/* Frees the index; NULL is fine. */
void xc_copyidx_free(xc_copyidx *ix);

/* What the index keeps of a text and looks up for it: 16 LSH band keys
 * (MinHash, 3 rows each) and the bottom-32 sketch. Make it once per text
 * with xc_copyidx_sign, then query and add with it. */
#define XC_COPY_BANDS 16
#define XC_COPY_SKETCH 32
typedef struct xc_copy_sig {
  uint32_t band[XC_COPY_BANDS];
  uint32_t sketch[XC_COPY_SKETCH]; /* ascending */
  uint32_t nsketch;                /* valid sketch values */
  uint32_t nshingles;
} xc_copy_sig;

/* Fills g with the signature of the shingle set s (the same for equal sets
 * in every index: the hash functions are fixed). */
void xc_copyidx_sign(const xc_copyidx *ix, const xc_shingles *s, xc_copy_sig *g);

/* Adds a document by its signature (only the signature is kept); returns
 * its number. */
uint32_t xc_copyidx_add(xc_copyidx *ix, const xc_copy_sig *g);

/* Documents added so far. */
size_t xc_copyidx_count(const xc_copyidx *ix);

/* Bytes the index holds (tables, sketches, chains): what a million
 * documents cost. */
size_t xc_copyidx_memory(const xc_copyidx *ix);

/* A possible copy relation between the queried text Q and an indexed
 * document D, estimated from their sketches. */
typedef struct xc_copy_cand {
  uint32_t doc;
  float cover_q;   /* estimated share of Q's shingles in D */
  float cover_d;   /* estimated share of D's shingles in Q */
} xc_copy_cand;

/* The indexed documents that share a band key or sketch value with the
 * text signed g and whose estimated overlap could make one a copy of the
 * other, most overlapping first; writes up to max of them to out and
 * returns how many. Bounded work per query: long posting chains
 * (boilerplate shared by thousands of pages, a wire story reprinted
 * everywhere) are walked only over their most recent entries. */
size_t xc_copyidx_candidates(const xc_copyidx *ix, const xc_copy_sig *g,
                             xc_copy_cand *out, size_t max);

/* Fills out with the shingles of indexed document doc (the caller keeps the
 * texts; the index does not). Returns 0, or -1 when they are unavailable. */
typedef int (*xc_copy_fetch)(void *ctx, uint32_t doc, xc_shingles *out);

/* The best copy candidate of the text with shingles s and signature g,
 * confirmed exactly: the candidates are checked on their full shingle sets
 * (fetch), and of those whose overlap with s makes a copy relation
 * (xc_copy_related, either way round) the one sharing most shingles wins.
 * Returns its number and its exact overlap (A = s, B = the document) in
 * *o, or -1 when there is none. The usual incremental step is sign, best,
 * add. */
long xc_copyidx_best(const xc_copyidx *ix, const xc_shingles *s,
                     const xc_copy_sig *g, xc_copy_fetch fetch, void *ctx,
                     xc_overlap *o);

/* ---- the copy rule, on exact overlaps ---- */

/* Texts shorter than this many shingles (about 25 words) are never judged
 * copies: too short to tell a copy from a shared sentence. */
#define XC_COPY_MIN_SHINGLES 20

/* 1 when B's text is a copy of A's: B is mostly A's text (at least 60% of
 * B's shingles are A's: a syndicated or trimmed copy, a page that is mostly
 * A's paragraphs), or B carries A whole (80% of A) and A is a substantial
 * part of B (30%: a repost plus commentary, not a long report that quotes a
 * short statement). Reports of one event that share quotes or a
 * press-release paragraph but are mostly their own text are not copies. */
int xc_copy_b_of_a(xc_overlap o);

/* 1 when either text is a copy of the other. */
int xc_copy_related(xc_overlap o);

#endif
