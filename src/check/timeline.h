/* timeline.h - a story's timeline: what its reports say happened on which
 * date. The items are the story's facts (claims.h) that give a calendar
 * date (a day or a month, resolved against each report's own publication
 * date): one fact told by several reports in their own words is one item
 * with all their documents, dated as most of its tellings date it. */
#ifndef XC_TIMELINE_H
#define XC_TIMELINE_H

#include <stddef.h>

#include "check/claims.h"

typedef struct xc_tl_item {
  char date[11]; /* YYYY-MM-DD or YYYY-MM */
  char *text;    /* the fact as worded (white space collapsed, cut near 240 bytes) */
  int *docs;     /* the documents that say it, first reporter first */
  size_t ndocs;
} xc_tl_item;

typedef struct xc_timeline {
  xc_tl_item *v;
  size_t n, cap;
} xc_timeline;

void xc_timeline_init(xc_timeline *tl);
void xc_timeline_release(xc_timeline *tl);

/* Adds an item: reports docs[0..ndocs) say text happened on date. */
void xc_timeline_add(xc_timeline *tl, const char *date, const char *text, const int *docs,
                     size_t ndocs);

/* Adds every dated fact of c (finished) as an item, then orders the
 * items as xc_timeline_finish. */
void xc_timeline_from_claims(xc_timeline *tl, const xc_claims *c);

/* Orders the items by date (a month before the days of that month; ties
 * keep the order they were added). Call once, after the last add. */
void xc_timeline_finish(xc_timeline *tl);

#endif
