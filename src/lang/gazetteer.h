/* gazetteer.h - name lists (data/gazetteer.tsv, made by
 * data/gen_gazetteer.sh from npm data packages) looked up by phrase: which
 * lists hold the words w1..wk. The entity tagger uses the answers as
 * features. Words are keyed by xc_gaz_word_hash of their lower-cased form
 * (ASCII letters lowered, other bytes as they are). */
#ifndef XC_GAZETTEER_H
#define XC_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#define XC_GAZ_CLASSES(X)                                                      \
  X(FIRST, "first") X(LAST, "last") X(NAME, "name") X(CITY, "city")            \
  X(COUNTRY, "country") X(REGION, "region") X(ORG, "org") X(DEMONYM, "demonym")  \
  X(COMPANY, "company") X(COMMON, "common") X(PROPER, "proper")
enum {
#define XC_GAZ_ENUM(id, name) XC_GAZ_##id,
  XC_GAZ_CLASSES(XC_GAZ_ENUM)
#undef XC_GAZ_ENUM
  XC_GAZ_NCLASSES
};

/* Longest phrase, in words. */
#define XC_GAZ_MAXWORDS 6

typedef struct xc_gaz xc_gaz;

/* The lists linked into the binary, parsed on first use (thread-safe once
 * called); never NULL. Owned by the library. */
const xc_gaz *xc_gaz_default(void);

/* Hash of one lower-cased word. */
uint64_t xc_gaz_word_hash(const char *p, size_t n);

/* Bit set (1 << XC_GAZ_x) of the lists holding the phrase of the n word
 * hashes w (1 <= n <= XC_GAZ_MAXWORDS); 0 when none. */
unsigned xc_gaz_lookup(const xc_gaz *g, const uint64_t *w, size_t n);

/* Most words of a phrase starting with word hash w; 0 when none. */
size_t xc_gaz_maxlen(const xc_gaz *g, uint64_t w);

/* Prefetches where xc_gaz_maxlen(g, w) will look, so that a caller with
 * many words can overlap their cache misses. */
void xc_gaz_prefetch_maxlen(const xc_gaz *g, uint64_t w);

#endif
