/* dedupe.h - near-copies among documents (syndication, reposts). */
#ifndef XC_DEDUPE_H
#define XC_DEDUPE_H

#include <stddef.h>

/* Marks copies among n texts: copy_of[i] = index of the document i copies,
 * or -1. rank[i] orders precedence (lower = published earlier); the earliest
 * of a group of copies is the original. */
void xc_dedupe_copies(const char *const *texts, size_t n, const int *rank,
                      int *copy_of);

/* Word 5-gram shingle resemblance of two texts (Jaccard, 0..1). */
double xc_dedupe_resemblance(const char *a, const char *b);

#endif
