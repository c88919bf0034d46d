/* cluster.h - incremental story clustering: reports arrive one at a time
 * (as event signatures, signature.h); each joins the story it matches best
 * or starts a new one, and two stories merge when a later report bridges
 * them. Look-alike events (the same kind of event with other participants,
 * another place or another date) are kept apart by conflict checks, and a
 * report that recalls an earlier event links its story to that event's.
 * With XC_CLUSTER_TRACE set in the environment, every decision goes to
 * stderr: each candidate story's similarity, score and conflict bits, and
 * the story joined (crosscheck analyze also names each report's file). */
#ifndef XC_CLUSTER_H
#define XC_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "cluster/signature.h"

typedef struct xc_clusterer xc_clusterer;

/* A new empty clusterer; free with xc_clusterer_free. */
xc_clusterer *xc_clusterer_new(void);

/* Frees c; NULL is fine. */
void xc_clusterer_free(xc_clusterer *c);

/* Counts the words and names of s in the document frequencies that weigh
 * them. xc_clusterer_add counts a report it was not shown before; a batch
 * that knows all its reports shows them all first (better weights for the
 * first reports). */
void xc_clusterer_observe(xc_clusterer *c, const xc_evsig *s);

/* Adds the next report (numbered 0, 1, 2, ... in the order added) with
 * signature s; copy_of is the number of an earlier report it copies, or
 * -1 (a copy joins its original's story). observed: 1 when s was passed
 * to xc_clusterer_observe already. Returns the report's story. */
uint32_t xc_clusterer_add(xc_clusterer *c, const xc_evsig *s, long copy_of, int observed);

/* The score report s would have with the story it matches best now
 * (-HUGE_VAL when no story is a candidate), adding nothing. s must have
 * been observed. */
double xc_clusterer_peek(xc_clusterer *c, const xc_evsig *s);

/* For a batch that adds its reports without a date after its dated ones:
 * fills order[0..n) with the indexes of s[0..n) (observed, not added) in
 * the order to add them, the farthest from every story first (lowest
 * xc_clusterer_peek), copies (copy[i] nonzero) last, ties in index order. */
void xc_clusterer_order_undated(xc_clusterer *c, const xc_evsig *const *s, const int *copy,
                                size_t n, size_t *order);

/* Late binding, for a batch after its last report (idle stories get it
 * before they leave the index): a report that started a story no other
 * report joined is scored again against the stories as they are now, and
 * joins the best one that clears the same test it failed on arrival. */
void xc_clusterer_settle(xc_clusterer *c);

/* The story report r is in now (stories merge: ask again after adds). */
uint32_t xc_clusterer_story_of(xc_clusterer *c, uint32_t report);

/* Reports added so far. */
size_t xc_clusterer_count(const xc_clusterer *c);

/* Related stories: pairs (later, earlier) where a report of the later
 * story (added later) recalls the earlier story's event, or looks very
 * much like it but conflicts with it (another victim, another date).
 * Fills *pairs (2 story numbers per pair, current stories, no duplicates,
 * never a story with itself; caller frees) and returns how many pairs. */
size_t xc_clusterer_links(xc_clusterer *c, uint32_t **pairs);

/* Bytes the clusterer holds (stories, index, frequencies). */
size_t xc_clusterer_memory(const xc_clusterer *c);

#endif
