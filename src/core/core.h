/* core.h - the base every module builds on: allocation, strings, errors,
 * UTF-8, hashing and JSON output. Depends on libc alone. */
#ifndef XC_CORE_H
#define XC_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ---- allocation: out-of-memory aborts; no other code checks malloc ---- */
void *xc_xmalloc(size_t n);
void *xc_xcalloc(size_t count, size_t size);
void *xc_xrealloc(void *p, size_t n);
char *xc_xstrdup(const char *s);
/* Copy of p[0..n) with a terminating NUL; caller frees. */
char *xc_xstrndup(const char *p, size_t n);

/* ---- arena: many small objects freed in one call ---- */
typedef struct xc_arena_block xc_arena_block;
typedef struct xc_arena {
  xc_arena_block *head;
  size_t used, cap; /* in the head block */
} xc_arena;

/* A zeroed arena needs no init. Returns n bytes aligned for any type; the
 * memory lives until xc_arena_release. */
void *xc_arena_alloc(xc_arena *a, size_t n);
/* Copy of p[0..n) with a NUL, in the arena. */
char *xc_arena_strndup(xc_arena *a, const char *p, size_t n);
/* Frees every block; the arena can be used again. */
void xc_arena_release(xc_arena *a);

/* ---- errors: X-macro list gives the codes and their names ---- */
#define XC_ERRORS(X)                                                           \
  X(XC_OK, 0, "ok")                                                            \
  X(XC_EIO, -1, "i/o error")                                                   \
  X(XC_EINVAL, -2, "invalid argument")                                         \
  X(XC_ELIMIT, -3, "limit exceeded")                                           \
  X(XC_EFORMAT, -4, "unsupported content")                                     \
  X(XC_EEMPTY, -5, "empty input")

enum {
#define XC_ERR_ENUM(name, value, text) name = value,
  XC_ERRORS(XC_ERR_ENUM)
#undef XC_ERR_ENUM
};

/* A failure's code and message; callers own it (usually on the stack). */
typedef struct xc_err {
  int code;
  char msg[512];
} xc_err;

/* Sets err (when not NULL) and returns code, so callers can `return xc_err_set(...)`. */
int xc_err_set(xc_err *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Static name of an error code. */
const char *xc_err_name(int code);

/* ---- strings ---- */
/* Borrowed bytes: pointer and length, not NUL-terminated. */
typedef struct xc_slice {
  const char *p;
  size_t n;
} xc_slice;

/* Owned growable bytes, always NUL-terminated once anything was added. */
typedef struct xc_buf {
  char *p;
  size_t n, cap;
} xc_buf;

void xc_buf_init(xc_buf *b);
void xc_buf_release(xc_buf *b);
void xc_buf_reserve(xc_buf *b, size_t extra);
void xc_buf_put(xc_buf *b, const char *p, size_t n);
void xc_buf_puts(xc_buf *b, const char *s);
void xc_buf_putc(xc_buf *b, char c);
void xc_buf_printf(xc_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void xc_buf_clear(xc_buf *b);
/* Returns the bytes (never NULL) and leaves b empty; caller frees. */
char *xc_buf_detach(xc_buf *b);
/* Contents as a C string ("" when empty); owned by b. */
const char *xc_buf_cstr(const xc_buf *b);

/* A growable list of owned C strings. */
typedef struct xc_strv {
  char **v;
  size_t n, cap;
} xc_strv;

void xc_strv_push(xc_strv *sv, const char *s);
void xc_strv_pushn(xc_strv *sv, const char *p, size_t n);
/* Appends s unless an equal string (ASCII case-insensitive) is present. */
void xc_strv_push_unique(xc_strv *sv, const char *s);
void xc_strv_release(xc_strv *sv);

/* ASCII helpers that ignore locale (inline: they sit in every scan loop). */
static inline int xc_is_space(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
static inline int xc_lower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
int xc_strncaseeq(const char *a, const char *b, size_t n);
/* Case-insensitive search of needle in p[0..n); returns pointer or NULL. */
const char *xc_memcasemem(const char *p, size_t n, const char *needle);
/* Trims ASCII and Unicode spaces (NBSP, thin spaces) from both ends. */
xc_slice xc_trim(const char *p, size_t n);
/* Copies p[0..n) with runs of whitespace collapsed to one space, trimmed. */
char *xc_collapse_ws(const char *p, size_t n);

/* ---- substring sets: which groups of patterns occur in a string ---- */
/* Patterns bucketed by first byte; matching is one pass over the string
 * with a few short compares per position (cheaper than a strstr per
 * pattern). Build once, then match from any thread. */
typedef struct xc_pattern {
  const char *s; /* borrowed: string literals */
  uint32_t len, groups;
} xc_pattern;

typedef struct xc_patset {
  xc_pattern *pat;
  size_t n, cap;
  uint16_t start[257]; /* patterns with first byte c: [start[c], start[c+1]) */
  uint64_t pairs[1024]; /* bit (a << 8 | b): some pattern starts with a, b */
} xc_patset;

/* Adds every pattern of the NULL-terminated list to the groups bitmask. */
void xc_patset_add(xc_patset *ps, const char *const *list, uint32_t groups);
/* Sorts the patterns into buckets; call after the last add. */
void xc_patset_build(xc_patset *ps);
/* OR of the groups of all patterns occurring in s[0..n). */
uint32_t xc_patset_match(const xc_patset *ps, const char *s, size_t n);
void xc_patset_release(xc_patset *ps);

/* ---- UTF-8 ---- */
/* Decodes one code point at p (n bytes left); stores its length in *len.
 * Invalid bytes decode as U+FFFD with length 1. */
uint32_t xc_utf8_decode(const char *p, size_t n, size_t *len);
/* Appends the UTF-8 encoding of cp. */
void xc_utf8_encode(xc_buf *b, uint32_t cp);
/* Returns the number of invalid sequences in p[0..n). */
size_t xc_utf8_invalid_count(const char *p, size_t n);
/* Copies p[0..n) into out replacing each invalid sequence with U+FFFD. */
void xc_utf8_sanitize(xc_buf *out, const char *p, size_t n);
/* True for Unicode white space (incl. NBSP, U+2000..U+200A, U+3000). */
int xc_uspace(uint32_t cp);

/* ---- hashing ---- */
uint64_t xc_hash64(const void *p, size_t n, uint64_t seed);

/* ---- JSON output ---- */
/* A streaming writer into a buffer. Strings are escaped and invalid UTF-8
 * is replaced; commas are placed automatically. */
typedef struct xc_json {
  xc_buf *out;
  int depth;
  int pretty;
  unsigned char first[64]; /* per depth: no member written yet */
  int after_key;
} xc_json;

void xc_json_init(xc_json *j, xc_buf *out, int pretty);
void xc_json_obj_begin(xc_json *j);
void xc_json_obj_end(xc_json *j);
void xc_json_arr_begin(xc_json *j);
void xc_json_arr_end(xc_json *j);
void xc_json_key(xc_json *j, const char *key);
void xc_json_str(xc_json *j, const char *s);
void xc_json_strn(xc_json *j, const char *p, size_t n);
/* Writes s, or null when s is NULL. */
void xc_json_str_or_null(xc_json *j, const char *s);
void xc_json_null(xc_json *j);
void xc_json_int(xc_json *j, long long v);
void xc_json_num(xc_json *j, double v);
void xc_json_bool(xc_json *j, int v);
/* Array of strings. */
void xc_json_strv(xc_json *j, const xc_strv *sv);
/* Escapes p[0..n) as a JSON string body (no quotes) onto out. */
void xc_json_escape(xc_buf *out, const char *p, size_t n);

#endif
