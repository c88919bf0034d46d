/* gaz_table.h - the layout of the name-list table that
 * data/gen_gaz_table.c builds at compile time from data/gazetteer.tsv and
 * gazetteer_data.S links in (BUILD/gen/gazetteer.bin), shared by that
 * generator and gazetteer.c. Building it at start-up took a quarter of a
 * second, most of a one-file `crosscheck analyze`.
 *
 * The bytes: a header, then `cap` slots of open addressing. A slot is one
 * 64-bit word: the top 48 bits of its key (never 0), the list bits of the
 * phrase with that key (12 bits), and the longest phrase starting with the
 * word whose first-word key it is (4 bits). Phrase keys chain the word
 * hashes; first-word keys are a second chain, so both share the table. */
#ifndef XC_GAZ_TABLE_H
#define XC_GAZ_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

#define GAZ_MAGIC 0x315A4147u /* "GAZ1" */
#define GAZ_SEED 2

typedef struct {
  uint32_t magic, pad;
  uint64_t cap; /* slots, a power of two */
} gaz_header;

static inline uint64_t gaz_chain(uint64_t h, uint64_t w) {
  uint64_t z = h * 0x9E3779B97F4A7C15ull ^ w;
  z = (z ^ (z >> 29)) * 0xBF58476D1CE4E5B9ull;
  return z ^ (z >> 32);
}

/* Key of the phrase of word hashes w[0..n). */
static inline uint64_t gaz_phrase_key(const uint64_t *w, size_t n) {
  uint64_t h = 0x517CC1B727220A95ull + n;
  for (size_t i = 0; i < n; i++) h = gaz_chain(h, w[i]);
  return h;
}

/* Key of a first word's slot (the longest phrase it starts). */
static inline uint64_t gaz_first_key(uint64_t w) { return gaz_chain(0xA0761D6478BD642Full, w); }

/* What a slot stores of a key: its top 48 bits, never 0. */
static inline uint64_t gaz_tag(uint64_t key) {
  uint64_t t = key >> 16;
  return (t ? t : 1) << 16;
}

#define GAZ_TAG_MASK (~(uint64_t)0xFFFF)
#define GAZ_BITS(s) ((unsigned)(((s) >> 4) & 0xFFF))
#define GAZ_MAXLEN(s) ((size_t)((s)&0xF))

/* The slot of key in t (cap slots): where it is, or the empty one where
 * it goes. */
static inline size_t gaz_slot_of(const uint64_t *t, uint64_t cap, uint64_t key) {
  uint64_t tag = gaz_tag(key), mask = cap - 1;
  size_t h = (size_t)((key ^ (key >> 31)) & mask);
  while (t[h] && (t[h] & GAZ_TAG_MASK) != tag) h = (h + 1) & mask;
  return h;
}

#endif
