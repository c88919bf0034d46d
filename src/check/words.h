/* words.h - the words of a sentence as hashes, for comparing statements
 * across reports (story_quotes.c, claims.c). */
#ifndef XC_CHECK_WORDS_H
#define XC_CHECK_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* Hashes of the lower-cased words of s (runs of ASCII letters and digits
 * and non-ASCII characters) of at least min_len bytes, in order, into w
 * (at most cap); returns how many. */
size_t xc_word_hashes(const char *s, size_t min_len, uint64_t *w, size_t cap);

#endif
