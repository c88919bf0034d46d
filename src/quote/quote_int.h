/* quote_int.h - what the files of the quote module share: the word
 * classes of lexicon.c, the working state of one document, and the
 * attribution steps of speaker.c used by quote.c. Not a public header. */
#ifndef XC_QUOTE_INT_H
#define XC_QUOTE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "quote/quote.h"

/* Word classes (bits). */
enum {
  QK_CUE = 1 << 0,     /* a reporting verb */
  QK_INV = 1 << 1,     /* may follow a quote inverted: "..., said Smith" */
  QK_OBJ = 1 << 2,     /* a listener or target follows: "told reporters" */
  QK_IND = 1 << 3,     /* introduces reported speech without marks */
  QK_ING = 1 << 4,     /* a participle: "..., saying" (the clause's subject speaks) */
  QK_ACC = 1 << 5,     /* "accused X of ...", "blamed X for ..." */
  QK_CALL = 1 << 6,    /* naming: "called it ..." (partial quotes only) */
  QK_WEAK = 1 << 7,    /* also a plural noun ("claims"): a cue only next to a quote */
  QK_PRON = 1 << 8,    /* a pronoun that can be a speaker */
  QK_DET = 1 << 9,     /* determiner, possessive, quantifier */
  QK_ADV = 1 << 10,    /* may stand between speaker and verb */
  QK_STOP = 1 << 11,   /* never inside a noun phrase */
  QK_PREP = 1 << 12,   /* a preposition inside a noun phrase ("of", "for") */
  QK_TITLE = 1 << 13,  /* names a work: "book", "show" */
  QK_SPEECH = 1 << 14, /* a speech event: "statement", "interview" */
  QK_QUANT = 1 << 15   /* a quantifier that can stand alone: "Several said" */
};
/* More classes, beyond the 16 bits of the token table: a cue for things
 * only ("the sign read", "the poll shows"; "Ortiz reads" is reading). */
#define QK_THING (1u << 16)
/* a plain verb of saying, whose subject or inverted object is a source
 * rather than an actor ("Howard said", "said Howard"; "announced" and
 * "denied" are things people do in a story too) */
#define QK_PLAIN (1u << 17)

/* Pronoun features. */
enum { QG_M = 1, QG_F = 2, QG_N = 4, QG_P = 8, QG_1 = 16 };

/* Classes of the word p[0..n) (case-insensitive); its pronoun features in
 * *gender when not NULL. 0 for words in no class. Thread-safe. */
uint32_t xc_qlex(const char *p, size_t n, unsigned *gender);
/* The same for a word written with curly apostrophes ("n’t"). */
uint32_t xc_qlex_apos(const char *p, size_t n, unsigned *gender);

#define QNONE UINT32_MAX

/* Kinds of noun phrase. */
enum { NP_NONE, NP_NAME, NP_PRON, NP_DESC, NP_REL };

/* A noun phrase: tokens [a, b), its head token and, for a name, the
 * mention that is its head. A relative pronoun (NP_REL: "Smith, who
 * said") has its antecedent's phrase in [ra, rb) and its head and
 * mention. */
typedef struct qnp {
  uint32_t a, b, head;
  uint32_t ra, rb;
  int32_t mention;
  uint8_t kind;
} qnp;

/* An attribution: the speaker's phrase, the cue, how it was found. */
typedef struct qatt {
  qnp sp;
  uint32_t cue_a, cue_b; /* cue tokens [cue_a, cue_b); cue_a == QNONE when none */
  uint8_t how;           /* XC_QH_* */
  uint8_t guess;         /* no cue: the subject of the quote's clause */
} qatt;

/* One stretch between quote marks. A quote that runs over paragraphs is
 * several segments sharing a group (the index of its first segment). */
typedef struct qseg {
  uint32_t open, close; /* mark tokens; close == QNONE when never closed */
  uint32_t a, b;        /* content tokens [a, b) */
  uint32_t group;
  uint32_t s0, s1;      /* first and last sentence it touches */
  uint32_t words;       /* word and number tokens inside */
  uint8_t single;       /* single marks ('like this') */
  uint8_t flags;        /* XC_QF_UNCLOSED, XC_QF_PARA */
  uint8_t keep;         /* reported */
  qatt at;
} qseg;

/* The working state of one document. */
typedef struct qctx {
  const char *text;
  size_t n;
  const xc_lang_doc *d;
  const xc_token *t;
  size_t nt;
  const xc_sent *s;
  size_t ns;
  const xc_resolver *r;
  uint32_t doc;
  uint32_t *sent_of;   /* token -> its sentence */
  int32_t *mention_of; /* token -> the mention holding it, or -1 */
  uint32_t *seg_of;    /* token -> the segment whose marks or words hold it, or QNONE */
  uint32_t *lex;       /* token -> word classes */
  uint8_t *gen;        /* token -> pronoun features */
  uint8_t *markup;     /* token -> inside a <tag ...> left in the text */
  qseg *segs;
  size_t nsegs, segcap;
  uint8_t *egender; /* entity -> QG_M / QG_F learnt so far */
  size_t nent;
  xc_buf scratch;
} qctx;

/* ---- token tests (quote.c) ---- */
/* Is token i inside a quote (its marks or its words)? */
static inline int xc_q_in_quote(const qctx *c, uint32_t i) { return c->seg_of[i] != QNONE; }
/* Is token i the clitic 's (or s')? */
static inline int xc_q_clitic_s(const qctx *c, uint32_t i) {
  return i < c->nt && (c->t[i].flags & XC_TF_CLITIC) && c->t[i].end - c->t[i].start <= 4 &&
         (c->text[c->t[i].end - 1] | 0x20) == 's';
}
int xc_q_punct(const qctx *c, uint32_t i, int sub);
int xc_q_word(const qctx *c, uint32_t i);
int xc_q_is(const qctx *c, uint32_t i, const char *w);
int xc_q_para_start(const qctx *c, uint32_t i);

/* ---- attribution (speaker.c) ---- */
/* Finds the speaker of segment k (its group's first segment is tried
 * first by the caller); 1 when found, the result in k's at. */
int xc_q_attribute(qctx *c, size_t k);
/* The sentences around a whole quote (segments first..last): "Smith
 * said:" before it, "Smith said." after it; the result in first's at. */
int xc_q_attribute_near(qctx *c, size_t first, size_t last);
/* Last resort for a partial quote: the person that is its clause's
 * subject. */
int xc_q_attribute_subject(qctx *c, size_t k);
/* Speaker of the attribution of an indirect statement in sentence si
 * without quote marks: fills at and the content tokens [*a, *b). */
int xc_q_indirect(qctx *c, uint32_t si, qatt *at, uint32_t *a, uint32_t *b);
/* ---- naming (name.c) ---- */
/* The display name of a speaker phrase and its entity and type: the
 * entity's name for a name or a resolved pronoun or description, else the
 * phrase itself. Writes the name into c->scratch. */
void xc_q_speaker_name(qctx *c, const qnp *np, long *entity, int *type, int *described);

#endif
