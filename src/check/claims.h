/* claims.h - a story's checkable statements across its reports: each
 * report's sentences that state something checkable (a name, a number or
 * a date and enough content words) become statements; statements of
 * different independent sources that say the same thing in other words
 * are one fact; statements that give different numbers for the same
 * quantity, different outcomes for the same person, different dates for
 * the same fact, or the same thing asserted by one source and denied or
 * hedged by another are disputes.
 * Copies never corroborate their original: every statement carries its
 * origin (the report itself, or the report it copies). */
#ifndef XC_CLAIMS_H
#define XC_CLAIMS_H

#include <stddef.h>

#include "lang/lang.h"
#include "check/story_quotes.h"
#include "lang/resolve.h"
#include "quote/quote.h"
#include "time/timex.h"

enum { XC_FACT_SINGLE, XC_FACT_CORROBORATED, XC_FACT_DISPUTED };

#define XC_FACT_VERBS 4
#define XC_FACT_QTY 4

/* A count a fact gives: "six shots" is amount "six", value 6, noun
 * "shots"; "several shots" has value -1. */
typedef struct xc_fact_qty {
  char amount[16];
  double value;
  char noun[24];
} xc_fact_qty;

typedef struct xc_fact {
  char *text;         /* the telling closest to the others, white space collapsed */
  int *docs;          /* the reports that state it, first reporter first */
  size_t ndocs;
  size_t independent; /* how many different origins among docs */
  int support;        /* XC_FACT_* */
  char **asserted_by; /* who the reports say asserts it ("X said ...",
                         "according to X"), distinct; none: the outlets */
  size_t nasserted;
  int negated, hedged; /* as its wording (text) has it */
  int detail;          /* how much its wording pins down: the names,
                          numbers, dates and placings it gives */
  /* what its wording says, in parts (who did what, where, how many): */
  char **who;          /* the people it names in full, as the story names them */
  size_t nwho;
  char what[XC_FACT_VERBS][24]; /* its verbs of what happened ("shoot") */
  size_t nwhat;
  char where[48];      /* where it places it ("in Moscow", "inside the
                          tower"), "" when nowhere */
  xc_fact_qty qty[XC_FACT_QTY]; /* what it counts ("six shots") */
  size_t nqty;
  char date[11];       /* the calendar date (YYYY-MM-DD or YYYY-MM) most of
                          its tellings give, "" when none gives one */
} xc_fact;

/* One side of a dispute: what some reports say. */
typedef struct xc_dispute_claim {
  char *text;      /* the first report's sentence that says it */
  char value[64];  /* what it says in short: "6", "several", "killed",
                      "wounded", "asserted", "hedged", "denied", a date,
                      a speaker */
  int *docs;
  size_t ndocs;
} xc_dispute_claim;

typedef struct xc_dispute {
  char *about; /* "number of shots", "what happened to Anna Berg",
                  "whether: <fact>", "when: <fact>", "where: <fact>",
                  "which direction: <fact>", "who said: <quote>" */
  xc_dispute_claim *claims;
  size_t nclaims;
} xc_dispute;

typedef struct xc_claims xc_claims;

xc_claims *xc_claims_new(void);
void xc_claims_free(xc_claims *c);

/* Adds report doc's statements: text as analysed into ld, its mentions
 * named by r (the story's finished resolver, or NULL), its time
 * expressions tx resolved against its date (or NULL), its quotes q (or
 * NULL: a sentence that is mostly a direct quote is the quote's, not a
 * statement); origin: doc itself, or the report doc is a copy of. */
void xc_claims_add(xc_claims *c, int doc, int origin, const char *text, const xc_lang_doc *ld,
                   const xc_resolver *r, const xc_timexv *tx, const xc_quotes *q);

/* Adds a dispute for every quote of sq that reports give to different
 * named speakers ("who said: ..."); descriptions ("an official") dispute
 * no name. Call before xc_claims_finish. */
void xc_claims_add_quotes(xc_claims *c, const xc_story_quotes *sq);

/* Aligns the statements into facts and finds the disputes. Call once,
 * after the last add. */
void xc_claims_finish(xc_claims *c);

size_t xc_claims_nfacts(const xc_claims *c);
const xc_fact *xc_claims_fact(const xc_claims *c, size_t i);
size_t xc_claims_ndisputes(const xc_claims *c);
const xc_dispute *xc_claims_dispute(const xc_claims *c, size_t i);

/* How many statements report doc makes (*total) and how many of them
 * another origin also states (*supported). */
void xc_claims_doc_counts(const xc_claims *c, int doc, size_t *total, size_t *supported);

#endif
