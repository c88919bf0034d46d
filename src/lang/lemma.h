/* lemma.h - the dictionary form of an English word, so that "found" and
 * "find", "started" and "start", "children" and "child" compare equal:
 * WordNet's irregular forms, then the regular -s/-es/-ed/-ing endings of
 * the verbs WordNet lists (with a doubled consonant undone: "stopped"),
 * then a plural's -s. Lists: data/lemmas.tsv (data/gen_lemmas.sh). */
#ifndef XC_LEMMA_H
#define XC_LEMMA_H

#include <stddef.h>

/* Writes the lemma of the lower-case word w[0..n) into out (cap bytes,
 * NUL-terminated, cut to fit; out may be w) and returns its length; a
 * word it does not know comes back as it is. Thread-safe. */
size_t xc_lemma(const char *w, size_t n, char *out, size_t cap);

/* When the lower-case word w[0..n) is a verb in a past, participle or
 * -ing form ("shot", "fled", "stormed", "fleeing"), writes the verb into
 * out (as xc_lemma) and returns its length; else returns 0 (a base form,
 * an -s form, which reads as a plural as often, or not a verb). */
size_t xc_verb_form(const char *w, size_t n, char *out, size_t cap);

#endif
