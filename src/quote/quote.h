/* quote.h - who said what: direct quotes (the words between quote marks,
 * straight or curly, nested, over several paragraphs) and indirect
 * attributions ("X said that ...", "X accused Y of ..."), each with its
 * speaker: a name resolved to its entity ("he", "Mr. Lavrov", "the
 * general"), or the description itself when no name exists ("a former
 * senior official"). Works on one document's language analysis
 * (lang/lang.h); every offset is a byte offset into the analysed text. */
#ifndef XC_QUOTE_H
#define XC_QUOTE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/core.h"
#include "lang/lang.h"
#include "lang/resolve.h"

/* How a quote's speaker was found (X-macro: enum and names). */
#define XC_QUOTE_HOWS(X)                                                       \
  X(XC_QH_NONE, "none")           /* no speaker */                            \
  X(XC_QH_ADJACENT, "adjacent")   /* a cue next to the quote: "..., he said" */ \
  X(XC_QH_SENTENCE, "sentence")   /* a cue elsewhere in its sentence */       \
  X(XC_QH_PREVIOUS, "previous")   /* the sentence before: "X said:" */        \
  X(XC_QH_NEXT, "next")           /* the sentence after: "X said." */         \
  X(XC_QH_CONTINUED, "continued") /* goes on from the last quote's speaker */

enum {
#define XC_QH_ENUM(name, text) name,
  XC_QUOTE_HOWS(XC_QH_ENUM)
#undef XC_QH_ENUM
  XC_QH_COUNT
};

/* Quote flags. */
enum {
  XC_QF_INDIRECT = 1 << 0, /* no quote marks: a reported statement */
  XC_QF_SPAN = 1 << 1,     /* spk_start/spk_end hold the speaker's words */
  XC_QF_CUE = 1 << 2,      /* cue_start/cue_end hold the cue ("said") */
  XC_QF_UNCLOSED = 1 << 3, /* the closing mark is missing (ends at its paragraph) */
  XC_QF_PARA = 1 << 4,     /* continues the quote of the paragraph before
                              (an opening mark repeated, no closing one) */
  XC_QF_DESCRIBED = 1 << 5 /* the speaker is a description, not a name */
};

/* One quote or attribution. start/end: the quoted words, marks excluded
 * (for an indirect one, the reported clause). spk_start/spk_end: the words
 * that name the speaker at this quote ("he", "a senior official",
 * "Mr. Lavrov"), valid with XC_QF_SPAN; without it the speaker was carried
 * over from elsewhere (an earlier quote). speaker: the resolved name, the
 * description, or NULL when unknown; owned by the xc_quotes. */
typedef struct xc_quote {
  uint32_t start, end;
  uint32_t spk_start, spk_end;
  uint32_t cue_start, cue_end;
  const char *speaker;
  long entity;      /* the speaker's entity in the resolver, or -1 */
  int speaker_type; /* XC_NER_PER, XC_NER_ORG, ..., or -1 when unknown */
  uint8_t how;      /* XC_QH_* */
  uint8_t flags;    /* XC_QF_* */
} xc_quote;

/* The quotes of one text, in order of start. Owns its array and strings. */
typedef struct xc_quotes {
  xc_quote *v;
  size_t n, cap;
  xc_arena arena; /* the speaker strings */
} xc_quotes;

/* A zeroed struct is the same as an initialised one. */
void xc_quotes_init(xc_quotes *q);
/* Frees everything; q is empty and reusable afterwards. */
void xc_quotes_release(xc_quotes *q);

/* Finds the quotes of text[0..n) with its analysis d (xc_lang_analyze of
 * the same text), replacing the contents of out. Names come from r, a
 * finished resolver that holds this text as document doc (a story's
 * resolver), or, when r is NULL, from a resolver made for this text
 * alone. Returns 0, or XC_EINVAL when d does not fit the text. */
int xc_quote_find(const char *text, size_t n, const xc_lang_doc *d,
                  const xc_resolver *r, uint32_t doc, xc_quotes *out);

/* Appends q as the JSON array of `crosscheck quotes` (SPEC.md; one object
 * per quote: start, end, text, speaker, speaker_start, speaker_end,
 * speaker_type, cue, how, indirect) and a newline to out; text is the
 * text q was found in. */
void xc_quotes_json(const char *text, const xc_quotes *q, xc_buf *out);

/* 1 when the word p[0..n) (any case) is a plain verb of saying, whose
 * subject is a source of what is said rather than an actor of the story
 * ("Howard said", "said Howard", "Howard told reporters"; not
 * "announced", "denied"). */
int xc_quote_speech_verb(const char *p, size_t n);

/* Static name of a XC_QH_* value ("adjacent", ...; "?" when out of range). */
const char *xc_quote_how_name(int how);

#endif
