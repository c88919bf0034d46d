/* ingest.h - turns files and folders into decoded inputs: reads bytes with
 * limits, rejects what is not text, converts charsets to UTF-8 and recognises
 * the format by content (never by file name). */
#ifndef XC_INGEST_H
#define XC_INGEST_H

#include "../core/core.h"

#define XC_FORMATS(X)                                                          \
  X(XC_FMT_TEXT, "text")                                                       \
  X(XC_FMT_HTML, "html")                                                       \
  X(XC_FMT_MARKDOWN, "markdown")

typedef enum {
#define XC_FMT_ENUM(name, text) name,
  XC_FORMATS(XC_FMT_ENUM)
#undef XC_FMT_ENUM
} xc_format;

/* Static name of a format ("html", ...). */
const char *xc_format_name(xc_format f);

/* Largest input file accepted, in bytes. */
#define XC_INGEST_MAX_BYTES ((size_t)256 << 20)

/* One decoded input. All fields owned; release with xc_input_release. */
typedef struct xc_input {
  char *path;      /* as given or found while walking */
  char *data;      /* UTF-8, NUL-terminated, BOM removed */
  size_t len;      /* bytes in data */
  xc_format format;
  char charset[32]; /* source encoding that was decoded ("utf-8", ...) */
  int repaired;     /* invalid UTF-8 sequences were replaced by U+FFFD */
} xc_input;

/* Reads and decodes the file at path. Returns 0, or a negative XC_E* code
 * with err->msg giving the reason (empty, binary, too large, unreadable). */
int xc_ingest_load(const char *path, xc_input *in, xc_err *err);

/* Same as xc_ingest_load over bytes already in memory (copied). */
int xc_ingest_bytes(const char *path, const char *p, size_t n, xc_input *in,
                    xc_err *err);

/* Frees everything in in; safe on a zeroed or released input. */
void xc_input_release(xc_input *in);

/* Format of UTF-8 text p[0..n), decided by content. */
xc_format xc_ingest_detect(const char *p, size_t n);

/* Calls fn for every regular file at or below path, in sorted order;
 * hidden entries inside folders are skipped. Paths that cannot be read are
 * passed to on_error with a reason. Returns the number of errors. */
typedef void (*xc_walk_fn)(const char *path, void *ctx);
typedef void (*xc_walk_err_fn)(const char *path, const char *reason, void *ctx);
int xc_ingest_walk(const char *path, xc_walk_fn fn, xc_walk_err_fn on_error,
                   void *ctx);

#endif
