/* core.h - the base every module builds on: allocation, strings, errors,
 * UTF-8, hashing and JSON output. Depends on libc alone. */
#ifndef XC_CORE_H
#define XC_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
  char *base;       /* the head block's memory */
  size_t used, cap; /* in the head block */
} xc_arena;

/* xc_arena_alloc's slow path: a new head block, then its first n bytes
 * (n a multiple of 16). */
void *xc_arena_grow(xc_arena *a, size_t n);

/* A zeroed arena needs no init. Returns n bytes aligned for any type; the
 * memory lives until xc_arena_release. Inline: a parse makes millions of
 * small objects and the bump is cheaper than the call. */
static inline void *xc_arena_alloc(xc_arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (!a->head || a->used + n > a->cap) return xc_arena_grow(a, n);
  void *p = a->base + a->used;
  a->used += n;
  return p;
}
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
  X(XC_EEMPTY, -5, "empty input")                                             \
  X(XC_ENOTFOUND, -6, "not found")

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

/* The next line of the tab-separated bytes [*p, end) split at its tabs
 * into f (at most max fields; the last keeps any further tabs): returns
 * how many, 0 for an empty or '#' comment line, and moves *p past the
 * line. For the word lists linked into the binary. */
size_t xc_tsv_line(const char **p, const char *end, xc_slice *f, size_t max);
/* Copies p[0..n) with runs of whitespace collapsed to one space, trimmed. */
char *xc_collapse_ws(const char *p, size_t n);

/* ---- substring sets: which groups of patterns occur in a string ---- */
/* Patterns bucketed by their first two bytes; matching is one pass over the
 * string with a bitmap test per position, and compares only against the
 * patterns that start with the two bytes found there (cheaper than a strstr
 * per pattern). Build once, then match from any thread. */
typedef struct xc_pattern {
  const char *s; /* borrowed: string literals */
  uint32_t len, groups;
} xc_pattern;

/* A run of patterns sharing their first two bytes. */
typedef struct xc_pattern_run {
  uint32_t key; /* (a << 8 | b) + 1; 0 = empty slot */
  uint16_t first, end; /* pat[first .. end) */
} xc_pattern_run;

typedef struct xc_patset {
  xc_pattern *pat; /* after build: the patterns of 2+ bytes, by first two */
  size_t n, cap;
  uint64_t pairs[1024]; /* bit (a << 8 | b): some pattern starts with a, b */
  uint32_t single[256]; /* groups of the one-byte patterns, by byte */
  xc_pattern_run *runs; /* open addressing by first two bytes */
  size_t runs_mask;
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
/* xc_utf8_invalid_count, also telling in *multibyte (when not NULL)
 * whether p holds a valid multi-byte sequence other than U+FFFD: the
 * evidence that bytes really are UTF-8. */
size_t xc_utf8_scan(const char *p, size_t n, int *multibyte);
/* Copies p[0..n) into out replacing each invalid sequence with U+FFFD. */
void xc_utf8_sanitize(xc_buf *out, const char *p, size_t n);
/* True for Unicode white space (incl. NBSP, U+2000..U+200A, U+3000). */
int xc_uspace(uint32_t cp);

/* ---- hashing ---- */
/* 8 bytes at a time: xor, multiply, rotate (the shape of wyhash/xxhash's
 * inner loop), then the splitmix64 finaliser; several GB/s. Inline: most
 * keys are short (n-grams, class names) and the call would cost as much as
 * the hash. */
static inline uint64_t xc_rotl64(uint64_t x, int r) {
  return (x << r) | (x >> (64 - r));
}

/* The k <= 8 bytes at p as a little-endian number. (On a big-endian machine
 * the bytes copied to the front of v are its high end, and the swap brings
 * them down in little-endian order.) */
static inline uint64_t xc_load_le(const unsigned char *p, size_t k) {
  uint64_t v = 0;
  memcpy(&v, p, k);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  return v;
}

/* The n < 8 bytes at p as a little-endian number, read with at most three
 * loads that stay inside p[0..n) (overlapping bytes are equal, so OR-ing
 * them is harmless). */
static inline uint64_t xc_load_tail(const unsigned char *p, size_t n) {
  if (n >= 4) return xc_load_le(p, 4) | xc_load_le(p + n - 4, 4) << (8 * (n - 4));
  if (n == 0) return 0;
  return (uint64_t)p[0] | (uint64_t)p[n / 2] << (8 * (n / 2)) |
         (uint64_t)p[n - 1] << (8 * (n - 1));
}

#define XC_HASH_K1 0x9E3779B97F4A7C15ULL
#define XC_HASH_K2 0xC2B2AE3D27D4EB4FULL

/* The last step of xc_hash64: mixes in the lanes h, h2 and the tail (the
 * last n % 8 bytes, little-endian), then the splitmix64 finaliser. */
static inline uint64_t xc_hash64_end(uint64_t h, uint64_t h2, uint64_t tail) {
  h ^= xc_rotl64(h2, 17) ^ (tail * XC_HASH_K2);
  h ^= h >> 30, h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27, h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

/* xc_hash64 of n < 8 bytes given as their little-endian value: for callers
 * that already hold the bytes in a register. */
static inline uint64_t xc_hash64_short(uint64_t bytes, size_t n, uint64_t seed) {
  return xc_hash64_end(seed ^ (n * XC_HASH_K1), xc_rotl64(seed, 32) ^ XC_HASH_K2,
                       bytes);
}

static inline uint64_t xc_hash64(const void *data, size_t n, uint64_t seed) {
  const unsigned char *p = data;
  uint64_t h = seed ^ (n * XC_HASH_K1), h2 = xc_rotl64(seed, 32) ^ XC_HASH_K2;
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    uint64_t a, b;
    memcpy(&a, p + i, 8);
    memcpy(&b, p + i + 8, 8);
    h = xc_rotl64((h ^ a) * XC_HASH_K1, 29);
    h2 = xc_rotl64((h2 ^ b) * XC_HASH_K2, 31);
  }
  for (; i + 8 <= n; i += 8) {
    uint64_t a;
    memcpy(&a, p + i, 8);
    h = xc_rotl64((h ^ a) * XC_HASH_K1, 29);
  }
  return xc_hash64_end(h, h2, xc_load_tail(p + i, n - i));
}

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
/* The same, for a value that will sit depth levels deep in a document
 * assembled from parts: pretty output is indented for that place, and the
 * value starts with its newline and indentation (no comma). */
void xc_json_init_at(xc_json *j, xc_buf *out, int pretty, int depth);
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
/* A value already in JSON (trusted: written as it is). */
void xc_json_raw(xc_json *j, const char *json);
void xc_json_int(xc_json *j, long long v);
void xc_json_num(xc_json *j, double v);
void xc_json_bool(xc_json *j, int v);
/* Array of strings. */
void xc_json_strv(xc_json *j, const xc_strv *sv);
/* Escapes p[0..n) as a JSON string body (no quotes) onto out. */
void xc_json_escape(xc_buf *out, const char *p, size_t n);

#endif
