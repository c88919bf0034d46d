/* extract.h - main text and metadata of one decoded input. One extractor per
 * format (HTML, Markdown with front matter, plain text copied from the web),
 * sharing the metadata helpers in meta.c. */
#ifndef XC_EXTRACT_H
#define XC_EXTRACT_H

#include "../core/core.h"
#include "../ingest/ingest.h"

/* What extraction found. Every char* is owned (NULL when unknown). */
typedef struct xc_extracted {
  char *title;
  char *published;   /* ISO 8601 date, YYYY-MM-DD */
  char *site;        /* site name of the page that was read */
  char *publisher;   /* outlet that first published it (repost credit) */
  char *language;    /* ISO 639-1 code */
  char *canonical;   /* canonical URL */
  char *description;
  xc_strv authors;   /* person names: no "By", no dates */
  xc_strv tags;
  char *text;        /* main text: paragraphs separated by "\n\n"; never NULL
                        after success */
} xc_extracted;

/* Extracts in according to in->format. Returns 0 or a negative XC_E* code
 * (bad content is not an error: it gives best-effort output). Release out
 * with xc_extracted_release even on failure. */
int xc_extract(const xc_input *in, xc_extracted *out, xc_err *err);

/* Frees every field; safe on a zeroed or released value. */
void xc_extracted_release(xc_extracted *x);

/* Per-format extractors: p[0..n) is UTF-8. out must be zeroed. */
int xc_extract_html(const char *p, size_t n, xc_extracted *out, xc_err *err);
int xc_extract_markdown(const char *p, size_t n, xc_extracted *out,
                        xc_err *err);
int xc_extract_text(const char *p, size_t n, xc_extracted *out, xc_err *err);

/* Drops the units of p[0..n) (paragraphs and lines) that are boilerplate on
 * their own: share prompts, newsletter boxes, comment counters, image
 * credits, tag strips, and everything after a closing section marker
 * ("Related Posts", "About the Author") that little prose follows. Used on
 * text rendered from Markdown. Returns a new string (caller frees); sets
 * *publisher (caller frees, NULL when none) from a repost credit line. */
char *xc_text_strip_boilerplate(const char *p, size_t n, char **publisher);

/* ---- shared metadata helpers (meta.c) ---- */

/* Parses a date written in any common way ("2026-02-07T02:11:55-05:00",
 * "February 6, 2026", "Feb. 6, 2026", "6 February 2026", "02/06/2026",
 * "Friday, February 6, 2026 10:31 AM") into YYYY-MM-DD in out (>= 11 bytes).
 * Returns 1 when a full date was found, 0 otherwise. */
int xc_date_normalize(const char *p, size_t n, char *out);

/* Finds a date at the start of p (after optional weekday); returns the number
 * of bytes it spans and writes YYYY-MM-DD, or 0 when p does not start with a
 * date. */
size_t xc_date_scan(const char *p, size_t n, char *out);

/* Splits a byline ("By Jane Roe and John Doe, Staff Writers | May 2, 2024")
 * into clean person names appended to authors: drops "By", dates, times
 * ("Posted by X at 11:20 AM"), roles after commas, "Email the author",
 * "Updated", outlet suffixes, and names that are desks or outlets rather
 * than people ("News Desk", "Staff", "New York Times"). */
void xc_authors_from_byline(const char *p, size_t n, xc_strv *authors);

/* Recognises a repost credit line and returns the outlet (caller frees):
 * "The post X appeared first on Outlet.", "Jane Roe reports in the Outlet:",
 * "This article originally appeared in Outlet", "Reprinted from Outlet",
 * "Source: Outlet" (a short name, not a sentence). */
char *xc_publisher_from_line(const char *p, size_t n);

/* Appends a name declared in structured metadata (front matter, JSON-LD,
 * <meta name=author>) as it is written: only "By" and spacing are tidied, so
 * a desk or an outlet credited as author stays ("US News Desk"). E-mail
 * addresses and URLs are dropped. */
void xc_authors_declared(const char *p, size_t n, xc_strv *authors);

/* Characters of s[0..n), up to a NUL, that are not white space (a UTF-8
 * sequence is one, an NBSP none), as html.c weighs text; adds the commas
 * to *commas. avail >= n bytes are readable at s: 16 of them let the last
 * bytes go in one vector step. */
size_t xc_text_chars(const char *s, size_t n, size_t avail, size_t *commas);

/* Language of text p[0..n) as an ISO 639-1 code (static string), or NULL
 * when too short or unknown (langid.c). */
const char *xc_language_guess(const char *p, size_t n);

#endif
