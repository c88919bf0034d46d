/* lang.h - the language layer over one document's text: tokens,
 * sentences and named-entity mentions, all as byte offsets into the text.
 * The stages are token.c, sentence.c and ner.c; this file runs them. */
#ifndef XC_LANG_H
#define XC_LANG_H

#include <stddef.h>
#include <stdint.h>

#include "lang/ner.h"
#include "lang/sentence.h"
#include "lang/token.h"

/* One entity mention: tokens [tok, tok_end), bytes [start, end). */
typedef struct xc_mention {
  uint32_t tok, tok_end;
  uint32_t start, end;
  uint8_t type; /* XC_NER_PER, ... */
} xc_mention;

/* A document's analysis; owns its arrays and reuses them when analysed
 * again. Zero it (or xc_lang_doc_init) before first use. */
typedef struct xc_lang_doc {
  xc_tokens tokens;
  xc_sentv sents;
  xc_mention *mentions;
  size_t nmentions, mcap;
  /* scratch for the tagger */
  xc_slice *words;
  size_t *starts;
  uint8_t *tags;
  size_t wcap, scap;
} xc_lang_doc;

void xc_lang_doc_init(xc_lang_doc *d);
void xc_lang_doc_release(xc_lang_doc *d);
/* Frees the tagger's scratch of d, keeping tokens, sentences and
 * mentions: for analyses kept for later (the next analyze regrows it). */
void xc_lang_doc_trim(xc_lang_doc *d);

/* Tokenizes text[0..n), splits sentences and tags entities with model m
 * (xc_ner_default() when NULL; no mentions when there is no model).
 * Returns 0 or XC_ELIMIT for text too long for 32-bit offsets. */
int xc_lang_analyze(const char *text, size_t n, const xc_ner *m, xc_lang_doc *d);

#endif
