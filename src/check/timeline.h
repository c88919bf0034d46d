/* timeline.h - a story's timeline: what its reports say happened on which
 * date. Each report's time expressions (src/time) are resolved against its
 * own publication date; every sentence with a calendar date (a day, or a
 * month) becomes an item, and items of several reports with the same date
 * that tell the same thing (enough content words in common) are one item
 * with all their documents. */
#ifndef XC_TIMELINE_H
#define XC_TIMELINE_H

#include <stddef.h>

#include "lang/lang.h"
#include "time/timex.h"

typedef struct xc_tl_item {
  char date[11]; /* YYYY-MM-DD or YYYY-MM */
  char *text;    /* the sentence (white space collapsed, cut near 240 bytes) */
  int *docs;     /* the documents that say it, first reporter first */
  size_t ndocs;
} xc_tl_item;

typedef struct xc_timeline {
  xc_tl_item *v;
  size_t n, cap;
} xc_timeline;

void xc_timeline_init(xc_timeline *tl);
void xc_timeline_release(xc_timeline *tl);

/* Adds document doc's dated sentences: text as analysed into ld (its
 * sentences), tx its time expressions (xc_timex_tag over the same text). */
void xc_timeline_add(xc_timeline *tl, int doc, const char *text, const xc_lang_doc *ld,
                     const xc_timexv *tx);

/* Orders the items by date (a month before the days of that month; ties
 * keep the order they were added). Call once, after the last add. */
void xc_timeline_finish(xc_timeline *tl);

#endif
