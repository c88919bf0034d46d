/* signature.h - what story clustering keeps of one report: its event
 * signature. Made once per report from what the language layer found
 * (tokens, sentences, entity mentions, resolved time expressions): the
 * content words (title and lead weighted up), the named participants,
 * places and bodies, the date of the event it reports, and the dates of
 * earlier events it mentions as background. */
#ifndef XC_CLUSTER_SIGNATURE_H
#define XC_CLUSTER_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

#include "lang/lang.h"
#include "time/timex.h"

#define XC_SIG_NODATE INT32_MIN /* no date known */
#define XC_SIG_BACKGROUND 8     /* earlier event dates kept per report */
#define XC_SIG_NUMBER 1         /* a word that is a specific number (a toll, an age) */
#define XC_SIG_SOURCE 0x80      /* a person named only as a source of what is said
                                   ("Howard said", "according to Howard") */
#define XC_SIG_QTY 8            /* quantities kept per report */

/* A quantity the title or lead gives: a number and the word it counts
 * ("28 stranded", "two dead", "5.6-magnitude"). */
typedef struct xc_sig_qty {
  uint32_t unit;  /* key of the counted word (xc_evsig_word_key, lower case) */
  uint32_t value; /* the number times 10, rounded ("5.6" is 56) */
} xc_sig_qty;

/* A weighted key: a content word or a name (32-bit hashes). */
typedef struct xc_sig_item {
  uint32_t key;
  float w;     /* occurrences, weighted by where they are */
  uint8_t type; /* names: XC_NER_PER, ...; words: 0, or XC_SIG_NUMBER */
} xc_sig_item;

/* One report's event signature; owns its arrays and reuses them when made
 * again. Zero it (or xc_evsig_init) before first use. */
typedef struct xc_evsig {
  xc_sig_item *words; /* distinct content words, by key */
  size_t nwords, wcap;
  xc_sig_item *names; /* distinct names (entity keys), by key */
  size_t nnames, ncap;
  int32_t date;      /* day number (xc_timex_day_number) of the event */
  int32_t published; /* day number of publication */
  int date_in_text;  /* 1: date comes from the lead, 0: publication */
  uint8_t wday;      /* weekday of the lead's event day (1 Monday .. 7
                        Sunday), from its date or, undated, from the day
                        it names ("on Saturday"); 0 unknown */
  int16_t year;      /* with no publication date: the year its dates name
                        most often ("in December 2008"), 0 when none */
  uint32_t unplaced; /* dates it names that could not be placed in time
                        ("on Saturday" in a report with no publication date) */
  int32_t background[XC_SIG_BACKGROUND]; /* earlier events' days, ascending */
  size_t nbackground;
  xc_sig_qty qty[XC_SIG_QTY]; /* title and lead quantities, first ones */
  size_t nqty;
} xc_evsig;

void xc_evsig_init(xc_evsig *s);
void xc_evsig_release(xc_evsig *s);

/* Makes s from a report: its title (may be NULL), text[0..n) as analysed
 * into ld (xc_lang_analyze) with its time expressions tx (xc_timex_tag
 * against its publication date), and published ("YYYY-MM-DD...", or
 * NULL). Replaces what s held. */
void xc_evsig_make(xc_evsig *s, const char *title, const char *text, size_t n,
                   const xc_lang_doc *ld, const xc_timexv *tx, const char *published);

/* The signature as bytes (appended to out), for a caller that keeps it
 * between runs; the same machine reads it back with xc_evsig_unpack. */
void xc_evsig_pack(const xc_evsig *s, xc_buf *out);

/* Replaces what s held with the signature packed in p[0..n). Returns 0,
 * or -1 when the bytes are not a signature of this build's layout (s is
 * then empty): make it again. */
int xc_evsig_unpack(xc_evsig *s, const void *p, size_t n);

/* Makes s from a title and a publication date alone (a report whose text
 * the language layer could not take). */
void xc_evsig_make_empty(xc_evsig *s, const char *title, const char *published);

/* The key of a lower-cased content word p[0..n) (what make stores):
 * exposed for tests and for callers that want to look a word up. */
uint32_t xc_evsig_word_key(const char *p, size_t n);

/* The key of a name as make stores it: the spelling skeleton of its last
 * word for a person (a surname alone matches the full name), of all its
 * words for other entities. */
uint32_t xc_evsig_name_key(const char *p, size_t n, int type);

#endif
