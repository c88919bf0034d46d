/* cluster.h - groups documents into stories (reports of one event). */
#ifndef XC_CLUSTER_H
#define XC_CLUSTER_H

#include <stddef.h>

/* Groups n documents by their titles and texts: story[i] receives a group
 * number 0..k-1 (numbered by first appearance); returns k. copy_of[i] >= 0
 * puts a copy in its original's group. */
size_t xc_cluster_group(const char *const *titles, const char *const *texts,
                        const int *copy_of, size_t n, int *story);

#endif
