/* shingle.h - a text as the set of its word 5-grams (shingles), each hashed
 * to 64 bits, and exact overlap of two such sets. The base of copy
 * detection: two texts share a shingle only where five words in a row agree. */
#ifndef XC_SHINGLE_H
#define XC_SHINGLE_H

#include <stddef.h>
#include <stdint.h>

#define XC_SHINGLE_WORDS 5
/* a longer text is cut here: enough to compare any news report */
#define XC_SHINGLE_MAX (1u << 17)

/* Sorted distinct shingle hashes. Owned by whoever made it; zero-initialise,
 * fill with xc_shingles_make (which reuses the memory), free with
 * xc_shingles_release. */
typedef struct xc_shingles {
  uint64_t *h;
  size_t n, cap;
} xc_shingles;

/* Fills s with the shingles of the UTF-8 text p[0..n). Words are runs of
 * letters and digits, ASCII-lowercased; punctuation (ASCII, typographic
 * quotes, dashes, NBSP) separates words and is otherwise ignored, so a
 * copy that swaps quote styles or reflows lines keeps its shingles. */
void xc_shingles_make(xc_shingles *s, const char *p, size_t n);

/* Frees the hashes; s may be reused after. */
void xc_shingles_release(xc_shingles *s);

/* Exact overlap of two shingle sets. */
typedef struct xc_overlap {
  size_t na, nb;   /* set sizes */
  size_t shared;   /* |A ∩ B| */
} xc_overlap;

/* Counts the shingles a and b share (a merge of two sorted arrays). */
xc_overlap xc_shingles_overlap(const xc_shingles *a, const xc_shingles *b);

/* |A ∩ B| / |A ∪ B| (0 when both are empty). */
double xc_overlap_jaccard(xc_overlap o);

/* Share of A's shingles found in B, |A ∩ B| / |A| (0 when A is empty). */
double xc_overlap_cover_a(xc_overlap o);

/* Share of B's shingles found in A. */
double xc_overlap_cover_b(xc_overlap o);

#endif
