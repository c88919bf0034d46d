/* timex.h - time expressions in English news text: where they are (byte
 * offsets), their TimeML type, and their value resolved against the
 * document's creation time (DCT). */
#ifndef XC_TIMEX_H
#define XC_TIMEX_H

#include <stddef.h>
#include <stdint.h>

/* TimeML TIMEX3 types (X-macro: the enum and the name table). */
#define XC_TIMEX_TYPES(X)                                                      \
  X(XC_TIMEX_DATE, "DATE")         /* 2013-03-22, 2013-W12, 1998-Q3, PAST_REF */ \
  X(XC_TIMEX_TIME, "TIME")         /* 2013-03-22T14:30, 2013-03-22TMO */         \
  X(XC_TIMEX_DURATION, "DURATION") /* P3D, PT2H, PXY */                          \
  X(XC_TIMEX_SET, "SET")           /* P1W, XXXX-WXX-5, XXXX */

enum {
#define XC_TIMEX_ENUM(name, text) name,
  XC_TIMEX_TYPES(XC_TIMEX_ENUM)
#undef XC_TIMEX_ENUM
  XC_TIMEX_COUNT
};

/* A calendar date (proleptic Gregorian). */
typedef struct xc_date {
  int y, m, d;
} xc_date;

/* One time expression: bytes [start, end) of the text. */
typedef struct xc_timex {
  uint32_t start, end;
  uint8_t type;   /* XC_TIMEX_* */
  char value[32]; /* TimeML value, NUL-terminated */
} xc_timex;

/* A growable array of time expressions; owns v. */
typedef struct xc_timexv {
  xc_timex *v;
  size_t n, cap;
} xc_timexv;

/* Starts an empty array (a zeroed struct is the same). */
void xc_timexv_init(xc_timexv *t);
/* Frees the array; t is empty and reusable afterwards. */
void xc_timexv_release(xc_timexv *t);

/* Parses "YYYY-MM-DD" (exactly; a valid date, years 1..9999) from s[0..n).
 * Returns 0, or XC_EINVAL when s is not such a date. */
int xc_timex_parse_date(const char *s, size_t n, xc_date *out);

/* Finds the time expressions of the UTF-8 text[0..n) and resolves them
 * against dct (the document's creation date; NULL when unknown, and then
 * relative expressions get underspecified values such as XXXX-XX-XX).
 * Replaces the contents of out; expressions are in text order and never
 * overlap. Never fails on content (odd or invalid bytes are skipped);
 * returns 0, or XC_ELIMIT when n does not fit 32-bit offsets (out is then
 * empty). */
int xc_timex_tag(const char *text, size_t n, const xc_date *dct, xc_timexv *out);

/* Days since 1970-01-01 of the valid date *d (proleptic Gregorian): what
 * date differences are computed with. */
long xc_timex_day_number(const xc_date *d);
/* The date of day number z (the inverse of xc_timex_day_number). */
void xc_timex_day_date(long z, xc_date *out);

/* Static name of a type ("DATE", ...; "?" when out of range). */
const char *xc_timex_type_name(int type);

/* 1 when the built-in word list is in the order lookups assume (for the
 * unit tests). */
int xc_timex_lexicon_ok(void);

#endif
