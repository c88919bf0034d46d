/* ner.h - named-entity tagger: a first-order structured averaged perceptron
 * (Collins 2002) over BIO tags for PER, ORG, LOC and MISC, with hashed
 * features of each word, its neighbours and name lists, decoded by
 * Viterbi; a second stage adds what the first said of the same words
 * elsewhere in the document. */
#ifndef XC_NER_H
#define XC_NER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/core.h"

/* Entity types, in tag order. */
#define XC_NER_TYPES(X) X(PER) X(ORG) X(LOC) X(MISC)
enum {
#define XC_NER_TYPE_ENUM(name) XC_NER_##name,
  XC_NER_TYPES(XC_NER_TYPE_ENUM)
#undef XC_NER_TYPE_ENUM
  XC_NER_NTYPES
};

/* Tags: 0 is O; type t is B at 1 + 2t and I at 2 + 2t. */
#define XC_NER_O 0
#define XC_NER_NTAGS (1 + 2 * XC_NER_NTYPES)
#define XC_NER_B(t) (1 + 2 * (t))
#define XC_NER_I(t) (2 + 2 * (t))
#define XC_NER_TYPE_OF(tag) (((tag) - 1) / 2)
#define XC_NER_IS_B(tag) ((tag) > 0 && ((tag) & 1))

/* The model's own tag set ("states"): BILOU, i.e. O and, per type, the
 * Begin, Inside and Last word of a longer name and a Unit name of one
 * word (Ratinov & Roth 2009: better than BIO for a linear model). */
#define XC_NER_NSTATES (1 + 4 * XC_NER_NTYPES)
#define XC_NER_STATE(t, k) (1 + 4 * (t) + (k)) /* k: 0 B, 1 I, 2 L, 3 U */

/* IOB2 tags of a sentence to states and back. */
void xc_ner_to_states(const uint8_t *iob2, size_t n, uint8_t *states);
void xc_ner_to_iob2(const uint8_t *states, size_t n, uint8_t *iob2);

/* Name of type t ("PER", ...). */
const char *xc_ner_type_name(int t);
/* Tag name in IOB2 ("O", "B-PER", "I-PER", ...). */
const char *xc_ner_tag_name(int tag);
/* Parses "O", "B-X", "I-X" (X one of the types); -1 when unknown. */
int xc_ner_tag_parse(const char *s, size_t n);

typedef struct xc_ner xc_ner;

/* The model compiled into the binary (model/ner.bin); NULL if it is
 * missing or malformed. Owned by the library; do not free. */
const xc_ner *xc_ner_default(void);

/* Loads a model from bytes (copied). Returns NULL and sets err when the
 * bytes are not a model. Free with xc_ner_free. */
xc_ner *xc_ner_load(const void *p, size_t n, xc_err *err);
void xc_ner_free(xc_ner *m);

/* A document to tag: its words, split into sentences. Words are borrowed
 * slices (no NUL needed). sent[k] is the index of sentence k's first
 * word; sentences run to the next start or to nwords. */
typedef struct xc_ner_doc {
  const xc_slice *words;
  size_t nwords;
  const size_t *sent;
  size_t nsent;
} xc_ner_doc;

/* Tags every word of doc into tags[nwords] (IOB2 tag ids). */
void xc_ner_tag(const xc_ner *m, const xc_ner_doc *doc, uint8_t *tags);

/* Features (ner.c, shared with the trainer): every word i of doc gets
 * exactly XC_NER_NFEAT hashed features (0 = none), written to
 * out[i * XC_NER_NFEAT + f]. Some look at the whole document. */
#define XC_NER_NFEAT 47
/* The history features (xc_ner_history) are the last five. */
#define XC_NER_HIST (XC_NER_NFEAT - 5)
void xc_ner_features(const xc_ner_doc *doc, uint64_t *out);
/* Fills the second stage's history features of f (made by
 * xc_ner_features) from stage1, the first stage's tags of every word:
 * what the first stage said of the same word elsewhere in the document. */
void xc_ner_history(const xc_ner_doc *doc, const uint8_t *stage1, uint64_t *f);

/* Viterbi over emission scores em[n * XC_NER_NSTATES] and transition
 * scores trans[(XC_NER_NSTATES + 1) * XC_NER_NSTATES] (last row: start),
 * keeping BILOU well-formed; writes the best states[n]. */
void xc_ner_viterbi(const float *em, size_t n, const float *trans, uint8_t *tags);

/* Training (ner_train.c). Reads CoNLL files (token in column 1, tag in the
 * last column, IOB1 or IOB2; blank line between sentences; -DOCSTART-
 * between documents), trains for up to epochs passes keeping the
 * averaged weights that score best on dev (span F1), and writes the model
 * to out. Progress goes to log (may be NULL). Returns 0 or a negative
 * XC_E* with err set. */
int xc_ner_train(const char *train_path, const char *dev_path, int epochs,
                 const char *out_path, FILE *log, xc_err *err);

/* A labelled corpus read from a CoNLL file. */
typedef struct xc_conll {
  xc_buf text;          /* all tokens, NUL-separated */
  xc_slice *words;      /* into text */
  uint8_t *gold;        /* gold tag per word (IOB2) */
  size_t nwords, cap;
  size_t *sent;         /* first word of each sentence */
  size_t nsent, scap;
  size_t *doc;          /* first sentence of each document */
  size_t ndoc, dcap;
} xc_conll;

/* Reads path into c (which must be zeroed). Lines whose tag column is not
 * a known tag get O. Returns 0 or XC_EIO with err set. */
int xc_conll_read(const char *path, xc_conll *c, xc_err *err);
void xc_conll_release(xc_conll *c);

/* Span-level precision, recall and F1 (conlleval: exact type and extent)
 * of pred against gold over n tags; per[t] gets the type's counts when
 * not NULL: {true positives, predicted, gold}. */
double xc_ner_span_f1(const uint8_t *gold, const uint8_t *pred, size_t n,
                      const size_t *sent, size_t nsent, size_t per[][3]);

#endif
