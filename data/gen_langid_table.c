/* gen_langid_table.c - builds the language-id table (layout in
 * src/extract/langid_table.h) from the n-gram profiles of
 * src/extract/langid.inc (made by data/gen_langid.py from Debian's
 * libexttextcat-data) and writes it to the file argv[1]. Run by the build
 * (Makefile: BUILD/gen/langid.bin); deterministic: the same profiles give
 * the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/langid_table.h"
#include "extract/langid.inc"

#define NLANGS (sizeof lid_profiles / sizeof lid_profiles[0])
_Static_assert(NLANGS <= LID_LANES * LID_BLOCKS, "more languages than lanes");

static lid_slot *table;
static size_t mask;
static unsigned shift;

static lid_slot *slot_for(uint64_t h) {
  size_t i = lid_index(h, shift);
  while (table[i].h && table[i].h != h) i = (i + 1) & mask;
  return &table[i];
}

/* Calls fn(slot, language, rank) for each of the first LID_MAX_RANK grams
 * of every profile. */
static void each_gram(void (*fn)(lid_slot *, size_t, uint16_t, void *), void *ctx) {
  for (size_t l = 0; l < NLANGS; l++) {
    const char *g = lid_profiles[l].grams;
    for (uint16_t rank = 0; *g && rank < LID_MAX_RANK; rank++) {
      const char *e = strchr(g, '\n');
      size_t len = e ? (size_t)(e - g) : strlen(g);
      uint64_t h = lid_gram_key(g, len);
      lid_slot *s = slot_for(h);
      s->h = h;
      fn(s, l, rank, ctx);
      g += len + (e ? 1 : 0);
    }
  }
}

static void count(lid_slot *s, size_t l, uint16_t rank, void *ctx) {
  (void)l, (void)rank, (void)ctx;
  s->n++;
}

typedef struct {
  lid_entry *entries;
  lid_row *rows;
} fill_ctx;

static void fill(lid_slot *s, size_t l, uint16_t rank, void *vctx) {
  fill_ctx *c = vctx;
  if (s->dense) ((int16_t *)&c->rows[s->first])[l] = (int16_t)rank;
  else c->entries[s->first + s->n++] = (lid_entry){(uint16_t)l, rank};
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: gen_langid_table OUT\n", stderr);
    return 2;
  }
  size_t total = 0;
  for (size_t l = 0; l < NLANGS; l++)
    for (const char *g = lid_profiles[l].grams; (g = strchr(g, '\n')); g++) total++;
  /* about half the grams are shared between languages, so a table of
   * `total` slots ends up about a third full */
  size_t cap = 2;
  shift = 63;
  while (cap < total) cap <<= 1, shift--;
  mask = cap - 1;
  table = calloc(cap, sizeof *table);
  if (!table) return 1;
  each_gram(count, NULL);
  uint32_t nentries = 0, nrows = 0;
  for (size_t i = 0; i < cap; i++) {
    if (!table[i].h) continue;
    if (table[i].n >= LID_DENSE_MIN) {
      table[i].dense = 1, table[i].first = nrows++;
    } else {
      table[i].first = nentries, nentries += table[i].n, table[i].n = 0;
    }
  }
  nentries = (nentries + 3) & ~3u; /* the rows stay 16-byte aligned */
  fill_ctx c = {calloc(nentries ? nentries : 1, sizeof(lid_entry)),
                malloc((nrows ? nrows : 1) * sizeof(lid_row))};
  if (!c.entries || !c.rows) return 1;
  for (size_t i = 0; i < (size_t)nrows * sizeof(lid_row) / sizeof(int16_t); i++)
    ((int16_t *)c.rows)[i] = LID_ABSENT;
  each_gram(fill, &c);

  lid_header hd;
  memset(&hd, 0, sizeof hd);
  hd.magic = LID_MAGIC, hd.nlangs = (uint32_t)NLANGS, hd.shift = shift;
  hd.cap = (uint32_t)cap, hd.nentries = nentries, hd.nrows = nrows;
  for (size_t l = 0; l < NLANGS; l++) memcpy(hd.codes[l], lid_profiles[l].code, 2);
  FILE *f = fopen(argv[1], "wb");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  int ok = fwrite(&hd, sizeof hd, 1, f) == 1 &&
           fwrite(table, sizeof *table, cap, f) == cap &&
           fwrite(c.entries, sizeof(lid_entry), nentries, f) == nentries &&
           fwrite(c.rows, sizeof(lid_row), nrows, f) == nrows;
  if (fclose(f) != 0 || !ok) {
    fprintf(stderr, "gen_langid_table: %s: write failed\n", argv[1]);
    return 1;
  }
  return 0;
}
