/* langid_table.h - the layout of the language-id table that
 * data/gen_langid_table.c builds at compile time from the profiles in
 * langid.inc and langid_data.S links in (BUILD/gen/langid.bin), shared by
 * that generator and langid.c. Built once by the build, the table costs a
 * run nothing: building it at start-up was most of the time of a
 * one-file `crosscheck extract`.
 *
 * The bytes: a header, then `cap` gram slots (open addressing by
 * lid_index of the gram key), then the entries of the rare grams, then a
 * dense row over all languages for each gram found in DENSE_MIN or more
 * profiles (about 400 grams, the most frequent in any text). */
#ifndef XC_LANGID_TABLE_H
#define XC_LANGID_TABLE_H

#include <stdint.h>

#include "core/core.h"

#define LID_MAGIC 0x3144494cu /* "LID1" */
#define LID_MAX_RANK 400      /* grams of a profile that are used */
#define LID_DENSE_MIN 16
#define LID_LANES 8
#define LID_BLOCKS 16 /* up to 128 languages */
#define LID_ABSENT 0x4000 /* rank of a language without the gram: scores 0 */
#define LID_GRAM_SEED 0x6c616e67
#define LID_MIX 0x9E3779B97F4A7C15ULL

typedef struct {
  uint32_t magic, nlangs, shift, cap; /* shift: 64 - log2(cap) */
  uint32_t nentries, nrows, pad[2];
  char codes[LID_LANES * LID_BLOCKS][4]; /* ISO 639-1, NUL-terminated */
} lid_header;

typedef struct {
  uint64_t h;     /* gram key; 0 = empty slot */
  uint32_t first; /* entries[first .. first+n), or rows[first] when dense */
  uint16_t n, dense;
} lid_slot;

typedef struct {
  uint16_t lang, rank;
} lid_entry;

/* a dense row: the gram's rank in each language, LID_ABSENT where none;
 * scored eight languages per vector operation (GCC vector extensions:
 * SSE2 on x86-64, plain code elsewhere) */
typedef int16_t lid_v8h __attribute__((vector_size(16)));
typedef struct {
  lid_v8h b[LID_BLOCKS];
} lid_row;

_Static_assert(sizeof(lid_header) % 16 == 0, "lid_header keeps the slots aligned");
_Static_assert(sizeof(lid_slot) == 16, "lid_slot is 16 bytes");

/* A gram's key, never 0: a gram of up to 7 bytes is its bytes and length
 * (exact, no collisions); a longer one (several multi-byte characters) a
 * hash with the top bit set. */
static inline uint64_t lid_gram_key(const char *p, size_t n) {
  if (n >= 8) return xc_hash64(p, n, LID_GRAM_SEED) | 1ULL << 63;
  return xc_load_le((const unsigned char *)p, n) | (uint64_t)n << 56;
}

/* The first slot to probe for key h in a table of 2^(64 - shift) slots. */
static inline size_t lid_index(uint64_t h, unsigned shift) {
  return (size_t)((h * LID_MIX) >> shift);
}

#endif
