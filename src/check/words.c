/* words.c - sentence words as hashes (see words.h). */
#include "check/words.h"

#include "core/core.h"

/* A byte of a word: ASCII letters and digits, and every byte of a
 * non-ASCII character. */
static int word_byte(unsigned char c) {
  return (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u || c >= 0x80;
}

size_t xc_word_hashes(const char *s, size_t min_len, uint64_t *w, size_t cap) {
  size_t n = 0;
  while (*s && n < cap) {
    while (*s && !word_byte((unsigned char)*s)) s++;
    const char *a = s;
    char low[64];
    size_t k = 0;
    while (*s && word_byte((unsigned char)*s)) {
      if (k < sizeof low) low[k++] = (char)xc_lower((unsigned char)*s);
      s++;
    }
    if (k && (size_t)(s - a) >= min_len) w[n++] = xc_hash64(low, k, 11);
  }
  return n;
}
