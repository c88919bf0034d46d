/* shingle.c - word 5-gram shingles (Broder 1997): each word is hashed with
 * XXH3, each run of five word hashes hashed again, and the set kept sorted
 * (LSD radix sort) so that overlap is one linear merge and the smallest
 * values double as a bottom-k sketch (copyidx.c). */
#include "shingle.h"

#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "../core/core.h"

/* the longest word prefix hashed: longer "words" are URLs or junk, and a
 * prefix keeps them distinct enough */
#define WORD_MAX 64

/* Non-ASCII code points that separate words: Latin-1 punctuation and
 * symbols (NBSP, guillemets, middle dot), general punctuation (typographic
 * spaces, dashes, quotes, bullets, ellipsis), arrows and other symbols, CJK
 * and full-width punctuation, and U+FFFD. Letters of any script are word
 * characters. */
static int separator_cp(uint32_t c) {
  return (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
         (c >= 0x2000 && c <= 0x206F) || (c >= 0x2190 && c <= 0x2BFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE50 && c <= 0xFE6F) ||
         (c >= 0xFF00 && c <= 0xFF0F) || c == 0xFFFD;
}

static int ascii_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Byte length of the character at p (at least 1); *word says whether it
 * belongs to a word. */
static size_t char_at(const char *p, size_t left, int *word) {
  unsigned char c = (unsigned char)*p;
  if (c < 0x80) {
    *word = ascii_word(c);
    return 1;
  }
  size_t len;
  uint32_t cp = xc_utf8_decode(p, left, &len);
  *word = !separator_cp(cp);
  return len ? len : 1;
}

static void push(xc_shingles *s, uint64_t h) {
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 512;
    s->h = xc_xrealloc(s->h, s->cap * sizeof *s->h);
  }
  s->h[s->n++] = h;
}

static void insertion_sort(uint64_t *a, size_t n) {
  for (size_t i = 1; i < n; i++) {
    uint64_t v = a[i];
    size_t j = i;
    for (; j > 0 && a[j - 1] > v; j--) a[j] = a[j - 1];
    a[j] = v;
  }
}

/* LSD radix sort on the top 32 bits, one byte per pass, the four
 * histograms counted in one read; a pass whose byte is the same in every
 * key is skipped. Keys whose top halves tie (rare: one pair in millions)
 * are then put in full order by an insertion pass, which on a nearly
 * sorted array costs one comparison a key. tmp holds n keys. Several times
 * faster than qsort on the few hundred keys of a report. */
static void radix_sort(uint64_t *a, uint64_t *tmp, size_t n) {
  uint32_t count[4][256];
  memset(count, 0, sizeof count);
  for (size_t i = 0; i < n; i++)
    for (int d = 0; d < 4; d++) count[d][(a[i] >> (32 + 8 * d)) & 255]++;
  uint64_t *src = a, *dst = tmp;
  for (int d = 0; d < 4; d++) {
    int shift = 32 + 8 * d;
    if (count[d][(a[0] >> shift) & 255] == n) continue;
    uint32_t sum = 0;
    for (int b = 0; b < 256; b++) {
      uint32_t c = count[d][b];
      count[d][b] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; i++) dst[count[d][(src[i] >> shift) & 255]++] = src[i];
    uint64_t *t = src;
    src = dst, dst = t;
  }
  if (src != a) memcpy(a, src, n * sizeof *a);
  insertion_sort(a, n);
}

static void sort_unique(xc_shingles *s) {
  if (s->n > 48) {
    uint64_t *tmp = xc_xmalloc(s->n * sizeof *tmp);
    radix_sort(s->h, tmp, s->n);
    free(tmp);
  } else {
    insertion_sort(s->h, s->n);
  }
  size_t k = s->n ? 1 : 0;
  for (size_t i = 1; i < s->n; i++)
    if (s->h[i] != s->h[k - 1]) s->h[k++] = s->h[i];
  s->n = k;
}

void xc_shingles_make(xc_shingles *s, const char *p, size_t n) {
  s->n = 0;
  const unsigned char *u = (const unsigned char *)p;
  uint64_t ring[XC_SHINGLE_WORDS];
  size_t words = 0, i = 0;
  while (i < n && s->n < XC_SHINGLE_MAX) {
    int word;
    size_t len = u[i] >= 0x80 ? char_at(p + i, n - i, &word) : (word = ascii_word(u[i]), 1);
    if (!word) {
      i += len;
      continue;
    }
    char w[WORD_MAX];
    size_t wn = 0;
    for (;;) {
      /* ASCII letters and digits in a tight loop; other bytes by code point */
      while (i < n && ascii_word(u[i])) {
        /* | 0x20 lowercases a letter and leaves a digit as it is */
        if (wn < WORD_MAX) w[wn++] = (char)(u[i] | 0x20);
        i++;
      }
      if (i >= n || u[i] < 0x80) break;
      len = char_at(p + i, n - i, &word);
      if (!word) break;
      for (size_t k = 0; k < len; k++, i++)
        if (wn < WORD_MAX) w[wn++] = (char)u[i];
    }
    ring[words % XC_SHINGLE_WORDS] = XXH3_64bits(w, wn);
    words++;
    if (words >= XC_SHINGLE_WORDS) {
      uint64_t win[XC_SHINGLE_WORDS];
      for (size_t k = 0; k < XC_SHINGLE_WORDS; k++)
        win[k] = ring[(words + k) % XC_SHINGLE_WORDS];
      push(s, XXH3_64bits(win, sizeof win));
    }
  }
  sort_unique(s);
}

void xc_shingles_release(xc_shingles *s) {
  free(s->h);
  s->h = NULL;
  s->n = s->cap = 0;
}

xc_overlap xc_shingles_overlap(const xc_shingles *a, const xc_shingles *b) {
  xc_overlap o = {a->n, b->n, 0};
  size_t i = 0, j = 0;
  while (i < a->n && j < b->n) {
    if (a->h[i] == b->h[j]) o.shared++, i++, j++;
    else if (a->h[i] < b->h[j]) i++;
    else j++;
  }
  return o;
}

double xc_overlap_jaccard(xc_overlap o) {
  size_t u = o.na + o.nb - o.shared;
  return u ? (double)o.shared / (double)u : 0;
}

double xc_overlap_cover_a(xc_overlap o) {
  return o.na ? (double)o.shared / (double)o.na : 0;
}

double xc_overlap_cover_b(xc_overlap o) {
  return o.nb ? (double)o.shared / (double)o.nb : 0;
}
