/* dedupe.h - copies among documents (syndication, reposts, pages made of
 * another's paragraphs) and which of them is the original. */
#ifndef XC_DEDUPE_H
#define XC_DEDUPE_H

#include <stddef.h>

#include "copyidx.h"
#include "shingle.h"

/* What copy detection needs of a document; every pointer is borrowed and
 * may be NULL except text. */
typedef struct xc_dedupe_doc {
  const char *text;
  size_t len;
  const char *published; /* YYYY-MM-DD */
  const char *site;      /* the site the page was read from */
  const char *publisher; /* the outlet the page credits ("originally
                            published by X") */
} xc_dedupe_doc;

/* Which of two documents that are copies of one another is the original:
 * the earlier published; when the dates tie or one is missing, the outlet
 * the other credits (its publisher names this one's site or publisher),
 * then the one that credits no other outlet, then the dated one, then the
 * first given. Returns 0 when a is the original, 1 when b is. ia and ib
 * are their input positions (the last tie-break). */
int xc_dedupe_original(const xc_dedupe_doc *a, size_t ia, const xc_dedupe_doc *b,
                       size_t ib);

/* 1 when the credited outlet name and an outlet name (site or publisher)
 * denote the same outlet: "The Washington Post", "Washington Post" and
 * "washingtonpost.com" all match. */
int xc_dedupe_same_outlet(const char *credit, const char *outlet);

/* Marks copies among n documents: copy_of[i] = the index of the original
 * document i copies, or -1. A copy of a copy points at the first original
 * (a copy never points at another copy). Candidates come from an
 * xc_copyidx; every pair is confirmed on exact shingle sets
 * (xc_copy_b_of_a) with the direction given by xc_dedupe_original. */
void xc_dedupe_copies(const xc_dedupe_doc *docs, size_t n, int *copy_of);

/* Word 5-gram resemblance of two texts (Jaccard, 0..1). */
double xc_dedupe_resemblance(const char *a, const char *b);

#endif
