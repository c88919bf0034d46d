/* story_quotes.h - a story's quotes across its reports: the same quote in
 * several reports (word for word, one a shortened form of the other, or
 * reworded: nearly all the words of the shorter in the longer) is one
 * item with all its documents and the speaker each gives it; support
 * counts the independent reports (a copy does not corroborate its
 * original). */
#ifndef XC_STORY_QUOTES_H
#define XC_STORY_QUOTES_H

#include <stddef.h>

#include "lang/resolve.h"
#include "quote/quote.h"

typedef struct xc_sq_item {
  char *text;    /* the quoted words, white space collapsed */
  char *speaker; /* resolved name or description; NULL when unknown */
  int *docs;     /* the reports that carry it, in the order added */
  char **speakers; /* per report (as docs): the speaker it gives, or NULL */
  unsigned char *named; /* per report: 1 when that speaker is a person the
                           story names (not a description, a pronoun or
                           an organisation) */
  size_t ndocs;
  size_t independent; /* how many of docs are not copies */
} xc_sq_item;

typedef struct xc_story_quotes {
  xc_sq_item *v;
  size_t n, cap;
} xc_story_quotes;

void xc_story_quotes_init(xc_story_quotes *sq);
void xc_story_quotes_release(xc_story_quotes *sq);

/* Adds the direct quotes (indirect attributions are left out) of report
 * doc: q found in text, speakers named by r (the story's resolver, or
 * NULL); copy: the report is a copy of another. */
void xc_story_quotes_add(xc_story_quotes *sq, int doc, int copy, const char *text,
                         const xc_quotes *q, const xc_resolver *r);

/* Gives each quote the speaker most of its reports give (a name before a
 * description; ties go to the first report's). Call after the last add. */
void xc_story_quotes_finish(xc_story_quotes *sq);

#endif
