/* sentence.h - sentence splitting over the tokens of one text: token
 * ranges and byte ranges (end exclusive). */
#ifndef XC_SENTENCE_H
#define XC_SENTENCE_H

#include <stddef.h>
#include <stdint.h>

#include "lang/token.h"

/* Sentence flags. */
enum {
  XC_SF_PARA = 1 << 0,   /* first sentence of a paragraph (or of the text) */
  XC_SF_NOTERM = 1 << 1, /* ends without . ! ? ... (a heading, list item, line) */
  XC_SF_BULLET = 1 << 2  /* starts with a list marker ("•", "- ", "1.", "2)") */
};

/* One sentence: tokens [tok, tok_end) and bytes [start, end) of the text. */
typedef struct xc_sent {
  uint32_t tok, tok_end;
  uint32_t start, end;
  uint32_t flags; /* XC_SF_* */
} xc_sent;

/* A growable array of sentences; owns v. */
typedef struct xc_sentv {
  xc_sent *v;
  size_t n, cap;
} xc_sentv;

/* Starts an empty array (a zeroed struct is the same). */
void xc_sentv_init(xc_sentv *s);
/* Frees the array; s is empty and reusable afterwards. */
void xc_sentv_release(xc_sentv *s);

/* Splits the tokens t of text[0..n) (from xc_tokenize on the same text)
 * into sentences, replacing the contents of out. Every token belongs to
 * exactly one sentence; sentences are in order and never empty. Rules: a
 * blank line always ends a sentence, and so does a single line break unless
 * the next line starts in lower case, the line ends with a comma or dash
 * (a dateline), or the text is hard-wrapped; after . ! ? (and closing quotes
 * or brackets) a sentence ends unless a lower-case word or , ; : follows;
 * after an abbreviation ("U.S.", "Corp.", an initial) only when a word that
 * usually starts sentences follows ("He", "The"). */
void xc_sentences(const char *text, size_t n, const xc_tokens *t, xc_sentv *out);

#endif
