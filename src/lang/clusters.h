/* clusters.h - word classes learned from unlabelled text
 * (data/clusters.tsv, made by data/gen_clusters.sh with the exchange
 * algorithm): for a lower-cased word, its class in each of
 * XC_CLUSTER_LEVELS clusterings, coarse to fine. The entity tagger uses
 * them as features, so that words rare in its training data share
 * weights with words used alike. */
#ifndef XC_CLUSTERS_H
#define XC_CLUSTERS_H

#include <stdint.h>

#define XC_CLUSTER_LEVELS 2

/* Classes of the word with hash w (xc_gaz_word_hash of its lower-cased
 * form) into cls[XC_CLUSTER_LEVELS], each 1 + the class number; returns 0
 * and zeroes cls when the word is not in the table. Thread-safe; the
 * table is parsed on first use. */
int xc_clusters_of(uint64_t w, uint16_t cls[XC_CLUSTER_LEVELS]);

/* Prefetches where xc_clusters_of(w) will look, so that a caller with
 * many words can overlap their cache misses. */
void xc_clusters_prefetch(uint64_t w);

#endif
