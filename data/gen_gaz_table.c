/* gen_gaz_table.c - builds the name-list table (layout in
 * src/lang/gaz_table.h) from data/gazetteer.tsv (argv[1]; lines
 * "class<TAB>words", made by data/gen_gazetteer.sh) and writes it to
 * argv[2]. Run by the build (Makefile: BUILD/gen/gazetteer.bin);
 * deterministic. Fails when two keys would share a slot tag (never seen;
 * it would merge two entries). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/gaz_table.h"
#include "lang/gazetteer.h"

static int class_of(const char *p, size_t n) {
  static const char *const names[] = {
#define XC_GAZ_NAME(id, name) name,
      XC_GAZ_CLASSES(XC_GAZ_NAME)
#undef XC_GAZ_NAME
  };
  for (int c = 0; c < XC_GAZ_NCLASSES; c++)
    if (strlen(names[c]) == n && !memcmp(names[c], p, n)) return c;
  return -1;
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 20, len = 0, k;
  char *b = malloc(cap);
  while (b && (k = fread(b + len, 1, cap - len, f)) > 0) {
    len += k;
    if (len == cap) b = realloc(b, cap *= 2);
  }
  fclose(f);
  *n = len;
  return b;
}

/* Full keys beside the table, to tell two keys with one tag apart. */
static uint64_t *keys;

static uint64_t *put(uint64_t *t, uint64_t cap, uint64_t key) {
  size_t h = gaz_slot_of(t, cap, key);
  if (t[h] && keys[h] != key) {
    fprintf(stderr, "gen_gaz_table: two keys share a tag; change GAZ_SEED\n");
    exit(1);
  }
  t[h] |= gaz_tag(key), keys[h] = key;
  return &t[h];
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fputs("usage: gen_gaz_table GAZETTEER.tsv OUT\n", stderr);
    return 2;
  }
  size_t n;
  char *p = slurp(argv[1], &n);
  if (!p) {
    perror(argv[1]);
    return 1;
  }
  const char *end = p + n;
  size_t lines = 0;
  for (const char *q = p; q < end; q++) lines += *q == '\n';
  uint64_t cap = 1024;
  while (cap < lines * 2) cap <<= 1; /* phrases plus first words, under half full */
  uint64_t *t = calloc(cap, sizeof *t);
  keys = calloc(cap, sizeof *keys);
  if (!t || !keys) return 1;
  for (const char *s = p; s < end;) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    if (!nl) nl = end;
    const char *tab = memchr(s, '\t', (size_t)(nl - s));
    int c = tab ? class_of(s, (size_t)(tab - s)) : -1;
    if (c >= 0) {
      uint64_t w[XC_GAZ_MAXWORDS];
      size_t nw = 0;
      for (const char *a = tab + 1; a < nl && nw < XC_GAZ_MAXWORDS;) {
        const char *e = a;
        while (e < nl && *e != ' ') e++;
        if (e > a) w[nw++] = xc_hash64(a, (size_t)(e - a), GAZ_SEED);
        a = e + 1;
      }
      if (nw) {
        *put(t, cap, gaz_phrase_key(w, nw)) |= (uint64_t)(1u << c) << 4;
        uint64_t *f = put(t, cap, gaz_first_key(w[0]));
        if (GAZ_MAXLEN(*f) < nw) *f = (*f & ~(uint64_t)0xF) | nw;
      }
    }
    s = nl + 1;
  }
  gaz_header hd = {GAZ_MAGIC, 0, cap};
  FILE *f = fopen(argv[2], "wb");
  if (!f) {
    perror(argv[2]);
    return 1;
  }
  int ok = fwrite(&hd, sizeof hd, 1, f) == 1 && fwrite(t, sizeof *t, cap, f) == cap;
  if (fclose(f) != 0 || !ok) {
    fprintf(stderr, "gen_gaz_table: %s: write failed\n", argv[2]);
    return 1;
  }
  return 0;
}
