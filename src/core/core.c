/* core.c - allocation that aborts on exhaustion, owned and borrowed strings,
 * error values, UTF-8 decoding and repair, and a streaming JSON writer (the
 * 64-bit hash is inline in core.h). libc only. */
#include "core.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n) {
  fprintf(stderr, "crosscheck: out of memory (%zu bytes)\n", n);
  abort();
}

void *xc_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) oom(n);
  return p;
}

void *xc_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p) oom(count * size);
  return p;
}

void *xc_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) oom(n);
  return q;
}

char *xc_xstrdup(const char *s) { return xc_xstrndup(s, strlen(s)); }

char *xc_xstrndup(const char *p, size_t n) {
  char *s = xc_xmalloc(n + 1);
  if (n) memcpy(s, p, n);
  s[n] = 0;
  return s;
}

/* ---- arena ---- */
struct xc_arena_block {
  xc_arena_block *next;
  size_t cap;
  max_align_t data[];
};

/* Released blocks are kept per thread (up to CACHE_BYTES) and handed to the
 * next arena: documents come one after another, and reusing warm memory
 * avoids an mmap, page faults and munmap per block per document. */
#define CACHE_SLOTS 16
#define CACHE_BYTES ((size_t)64 << 20)
static _Thread_local xc_arena_block *cache[CACHE_SLOTS];
static _Thread_local size_t cache_bytes;

static xc_arena_block *cache_take(size_t cap) {
  int best = -1;
  for (int i = 0; i < CACHE_SLOTS; i++)
    if (cache[i] && cache[i]->cap >= cap &&
        (best < 0 || cache[i]->cap < cache[best]->cap))
      best = i;
  if (best < 0) return NULL;
  xc_arena_block *b = cache[best];
  cache[best] = NULL;
  cache_bytes -= b->cap;
  return b;
}

static void cache_put(xc_arena_block *b) {
#if defined(__SANITIZE_ADDRESS__)
  free(b); /* under ASan every block is fresh, so stale pointers are caught */
  return;
#endif
  if (cache_bytes + b->cap <= CACHE_BYTES)
    for (int i = 0; i < CACHE_SLOTS; i++)
      if (!cache[i]) {
        cache[i] = b;
        cache_bytes += b->cap;
        return;
      }
  free(b);
}

void *xc_arena_grow(xc_arena *a, size_t n) {
  size_t cap = a->head ? a->cap * 2 : 16384;
  if (cap > (size_t)1 << 24) cap = (size_t)1 << 24;
  if (cap < n) cap = n;
  xc_arena_block *b = cache_take(cap);
  if (b) cap = b->cap;
  else b = xc_xmalloc(sizeof *b + cap);
  b->next = a->head;
  b->cap = cap;
  a->head = b;
  a->base = (char *)b->data;
  a->used = n;
  a->cap = cap;
  return a->base;
}

char *xc_arena_strndup(xc_arena *a, const char *p, size_t n) {
  char *s = xc_arena_alloc(a, n + 1);
  if (n) memcpy(s, p, n);
  s[n] = 0;
  return s;
}

void xc_arena_release(xc_arena *a) {
  xc_arena_block *b = a->head;
  while (b) {
    xc_arena_block *next = b->next;
    cache_put(b);
    b = next;
  }
  a->head = NULL;
  a->base = NULL;
  a->used = a->cap = 0;
}

/* ---- errors ---- */
int xc_err_set(xc_err *err, int code, const char *fmt, ...) {
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    err->code = code;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
  }
  return code;
}

const char *xc_err_name(int code) {
  switch (code) {
#define XC_ERR_CASE(name, value, text)                                         \
  case value:                                                                  \
    return text;
    XC_ERRORS(XC_ERR_CASE)
#undef XC_ERR_CASE
  }
  return "unknown error";
}

/* ---- buffers ---- */
void xc_buf_init(xc_buf *b) { b->p = NULL, b->n = b->cap = 0; }

void xc_buf_release(xc_buf *b) {
  free(b->p);
  xc_buf_init(b);
}

void xc_buf_reserve(xc_buf *b, size_t extra) {
  if (b->n + extra + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->n + extra + 1) cap *= 2;
  b->p = xc_xrealloc(b->p, cap);
  b->cap = cap;
  b->p[b->n] = 0; /* terminated even before anything is added */
}

void xc_buf_put(xc_buf *b, const char *p, size_t n) {
  xc_buf_reserve(b, n);
  if (n) memcpy(b->p + b->n, p, n);
  b->n += n;
  b->p[b->n] = 0;
}

void xc_buf_puts(xc_buf *b, const char *s) { xc_buf_put(b, s, strlen(s)); }

void xc_buf_putc(xc_buf *b, char c) {
  xc_buf_reserve(b, 1);
  b->p[b->n++] = c;
  b->p[b->n] = 0;
}

void xc_buf_printf(xc_buf *b, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  /* one pass when it fits in the room left (the usual case), else two */
  xc_buf_reserve(b, 64);
  size_t room = b->cap - b->n;
  int k = vsnprintf(b->p + b->n, room, fmt, ap);
  va_end(ap);
  if (k > 0 && (size_t)k >= room) {
    xc_buf_reserve(b, (size_t)k);
    vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap2);
  }
  if (k > 0) b->n += (size_t)k;
  else b->p[b->n] = 0;
  va_end(ap2);
}

void xc_buf_clear(xc_buf *b) {
  b->n = 0;
  if (b->p) b->p[0] = 0;
}

char *xc_buf_detach(xc_buf *b) {
  char *p = b->p ? b->p : xc_xstrdup("");
  xc_buf_init(b);
  return p;
}

const char *xc_buf_cstr(const xc_buf *b) { return b->p ? b->p : ""; }

/* ---- string lists ---- */
void xc_strv_pushn(xc_strv *sv, const char *p, size_t n) {
  if (sv->n == sv->cap) {
    sv->cap = sv->cap ? sv->cap * 2 : 4;
    sv->v = xc_xrealloc(sv->v, sv->cap * sizeof *sv->v);
  }
  sv->v[sv->n++] = xc_xstrndup(p, n);
}

void xc_strv_push(xc_strv *sv, const char *s) { xc_strv_pushn(sv, s, strlen(s)); }

void xc_strv_push_unique(xc_strv *sv, const char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < sv->n; i++)
    if (strlen(sv->v[i]) == n && xc_strncaseeq(sv->v[i], s, n)) return;
  xc_strv_pushn(sv, s, n);
}

void xc_strv_release(xc_strv *sv) {
  for (size_t i = 0; i < sv->n; i++) free(sv->v[i]);
  free(sv->v);
  sv->v = NULL, sv->n = sv->cap = 0;
}

/* ---- substring sets ---- */
void xc_patset_add(xc_patset *ps, const char *const *list, uint32_t groups) {
  for (int k = 0; list[k]; k++) {
    size_t len = strlen(list[k]);
    if (!len) continue;
    for (size_t i = 0; i < ps->n; i++) /* the same pattern in two lists */
      if (ps->pat[i].len == len && memcmp(ps->pat[i].s, list[k], len) == 0) {
        ps->pat[i].groups |= groups;
        len = 0;
        break;
      }
    if (!len) continue;
    if (ps->n == ps->cap) {
      ps->cap = ps->cap ? ps->cap * 2 : 64;
      ps->pat = xc_xrealloc(ps->pat, ps->cap * sizeof *ps->pat);
    }
    ps->pat[ps->n].s = list[k];
    ps->pat[ps->n].len = (uint32_t)len;
    ps->pat[ps->n].groups = groups;
    ps->n++;
  }
}

/* First two bytes of a pattern of 2+ bytes, as a number. */
static unsigned pattern_pair(const xc_pattern *q) {
  return (unsigned)(unsigned char)q->s[0] << 8 | (unsigned char)q->s[1];
}

static int cmp_pattern_pair(const void *a, const void *b) {
  unsigned x = pattern_pair(a), y = pattern_pair(b);
  return (x > y) - (x < y);
}

/* Slot of the run of pair pr (found, or the empty slot it would take). */
static xc_pattern_run *pattern_run(const xc_patset *ps, unsigned pr) {
  size_t i = (pr * 0x9E3779B1u >> 16) & ps->runs_mask;
  while (ps->runs[i].key && ps->runs[i].key != pr + 1) i = (i + 1) & ps->runs_mask;
  return &ps->runs[i];
}

void xc_patset_build(xc_patset *ps) {
  memset(ps->pairs, 0, sizeof ps->pairs);
  memset(ps->single, 0, sizeof ps->single);
  /* one-byte patterns match at any position with their byte: a group
   * mask per byte, and every pair that starts with it */
  size_t k = 0;
  for (size_t i = 0; i < ps->n; i++) {
    unsigned a = (unsigned char)ps->pat[i].s[0];
    if (ps->pat[i].len > 1) {
      ps->pat[k++] = ps->pat[i];
      continue;
    }
    ps->single[a] |= ps->pat[i].groups;
    for (unsigned b = 0; b < 4; b++) ps->pairs[a << 2 | b] = ~0ULL;
  }
  ps->n = k;
  if (ps->n) qsort(ps->pat, ps->n, sizeof *ps->pat, cmp_pattern_pair);
  size_t cap = 16;
  while (cap < ps->n * 2) cap <<= 1;
  free(ps->runs);
  ps->runs = xc_xcalloc(cap, sizeof *ps->runs);
  ps->runs_mask = cap - 1;
  for (size_t i = 0; i < ps->n; i++) {
    unsigned pr = pattern_pair(&ps->pat[i]);
    ps->pairs[pr >> 6] |= 1ULL << (pr & 63);
    xc_pattern_run *r = pattern_run(ps, pr);
    if (!r->key) r->key = pr + 1, r->first = (uint16_t)i;
    r->end = (uint16_t)(i + 1);
  }
}

uint32_t xc_patset_match(const xc_patset *ps, const char *s, size_t n) {
  uint32_t m = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned c = (unsigned char)s[i];
    unsigned pr = c << 8 | (i + 1 < n ? (unsigned char)s[i + 1] : 0);
    if (!((ps->pairs[pr >> 6] >> (pr & 63)) & 1)) continue; /* most positions */
    m |= ps->single[c];
    const xc_pattern_run *r = pattern_run(ps, pr);
    for (size_t k = r->first; k < r->end; k++) { /* empty when not found */
      const xc_pattern *q = &ps->pat[k];
      if (q->len > n - i) continue;
      size_t j = 2;
      while (j < q->len && q->s[j] == s[i + j]) j++;
      if (j >= q->len) m |= q->groups;
    }
  }
  return m;
}

void xc_patset_release(xc_patset *ps) {
  free(ps->pat);
  free(ps->runs);
  memset(ps, 0, sizeof *ps);
}

/* ---- ASCII ---- */
int xc_strncaseeq(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (xc_lower((unsigned char)a[i]) != xc_lower((unsigned char)b[i]))
      return 0;
  return 1;
}

/* Offset of the first byte of p[0..n) that is a or b, or n: 16 bytes at
 * a time with SSE2, where a first letter in either case is rare. */
static size_t find_either(const char *p, size_t n, char a, char b) {
  size_t i = 0;
#ifdef __SSE2__
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    unsigned m = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
    if (m) return i + (size_t)__builtin_ctz(m);
  }
#endif
  for (; i < n; i++)
    if (p[i] == a || p[i] == b) return i;
  return n;
}

const char *xc_memcasemem(const char *p, size_t n, const char *needle) {
  size_t k = strlen(needle);
  if (k == 0) return p;
  if (k > n) return NULL;
  int c0 = xc_lower((unsigned char)needle[0]);
  char up = (char)(c0 >= 'a' && c0 <= 'z' ? c0 - 32 : c0);
  /* candidates are the places of the first byte, in either case */
  size_t last = n - k + 1; /* starts at or after it do not fit */
  for (size_t i = 0; (i += find_either(p + i, last - i, (char)c0, up)) < last; i++)
    if (xc_strncaseeq(p + i + 1, needle + 1, k - 1)) return p + i;
  return NULL;
}

size_t xc_tsv_line(const char **p, const char *end, xc_slice *f, size_t max) {
  const char *s = *p, *nl = memchr(s, '\n', (size_t)(end - s));
  if (!nl) nl = end;
  *p = nl < end ? nl + 1 : end;
  if (s == nl || *s == '#' || !max) return 0;
  size_t k = 0;
  while (k + 1 < max) {
    const char *tab = memchr(s, '\t', (size_t)(nl - s));
    if (!tab) break;
    f[k++] = (xc_slice){s, (size_t)(tab - s)};
    s = tab + 1;
  }
  f[k++] = (xc_slice){s, (size_t)(nl - s)};
  return k;
}

xc_slice xc_trim(const char *p, size_t n) {
  size_t a = 0, b = n, len;
  while (a < b) {
    uint32_t cp = xc_utf8_decode(p + a, b - a, &len);
    if (!xc_uspace(cp)) break;
    a += len;
  }
  while (b > a) {
    size_t s = b - 1; /* step back to the start of the last code point */
    while (s > a && ((unsigned char)p[s] & 0xC0) == 0x80 && b - s < 4) s--;
    uint32_t cp = xc_utf8_decode(p + s, b - s, &len);
    if (s + len != b || !xc_uspace(cp)) break;
    b = s;
  }
  return (xc_slice){p + a, b - a};
}

char *xc_collapse_ws(const char *p, size_t n) {
  /* the result is never longer than p: written in place, no checks */
  char *out = xc_xmalloc(n + 1), *o = out;
  int pending = 0; /* white space seen since the last character kept */
  size_t len;
  for (size_t i = 0; i < n; i += len) {
    unsigned char c = (unsigned char)p[i];
    len = 1;
    if (c < 0x80 && c > ' ') { /* printable ASCII */
      if (pending && o > out) *o++ = ' ';
      pending = 0;
#ifdef __SSE2__
      /* and the printable ASCII after it, 16 bytes at a time: o is never
       * ahead of p + i, so the store stays within the n + 1 bytes */
      if (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        unsigned other = ~(unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(' '))) & 0xFFFF;
        _mm_storeu_si128((__m128i *)(void *)o, v);
        len = other ? (size_t)__builtin_ctz(other) : 16;
        o += len;
        continue;
      }
#endif
      *o++ = (char)c;
      continue;
    }
    if (c == ' ' || (c >= '\t' && c <= '\r')) { /* ASCII white space: no decoding */
      pending = 1;
      continue;
    }
    uint32_t cp = xc_utf8_decode(p + i, n - i, &len);
    if (cp == 0x200B || cp == 0xFEFF || cp == 0xAD) continue; /* invisible */
    if (xc_uspace(cp)) {
      pending = 1;
      continue;
    }
    if (pending && o > out) *o++ = ' ';
    pending = 0;
    memcpy(o, p + i, len);
    o += len;
  }
  *o = 0;
  return out;
}

/* ---- UTF-8 ---- */
uint32_t xc_utf8_decode(const char *s, size_t n, size_t *len) {
  const unsigned char *p = (const unsigned char *)s;
  if (n == 0) {
    *len = 0;
    return 0;
  }
  unsigned c = p[0];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  size_t need;
  uint32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) need = 1, cp = c & 0x1F, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF) need = 2, cp = c & 0x0F, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4) need = 3, cp = c & 0x07, min = 0x10000;
  else {
    *len = 1;
    return 0xFFFD;
  }
  if (n < need + 1) {
    *len = 1;
    return 0xFFFD;
  }
  for (size_t i = 1; i <= need; i++) {
    if ((p[i] & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *len = 1;
    return 0xFFFD;
  }
  *len = need + 1;
  return cp;
}

void xc_utf8_encode(xc_buf *b, uint32_t cp) {
  char t[4];
  size_t n;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) t[0] = (char)cp, n = 1;
  else if (cp < 0x800)
    t[0] = (char)(0xC0 | (cp >> 6)), t[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
  else if (cp < 0x10000)
    t[0] = (char)(0xE0 | (cp >> 12)), t[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
    t[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
  else
    t[0] = (char)(0xF0 | (cp >> 18)), t[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
    t[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), t[3] = (char)(0x80 | (cp & 0x3F)),
    n = 4;
  xc_buf_put(b, t, n);
}

/* A real U+FFFD in the input is valid; only malformed bytes count. */
static int utf8_bad_at(const char *p, size_t n, size_t *len) {
  uint32_t cp = xc_utf8_decode(p, n, len);
  return cp == 0xFFFD && *len == 1;
}

/* Length of the leading run of ASCII bytes, 32 at a time with SSE2 (a
 * page is mostly markup), then 8 at a time. */
static size_t ascii_run(const char *p, size_t n) {
  size_t i = 0;
#ifdef __SSE2__
  for (; i + 32 <= n; i += 32) {
    __m128i a = _mm_loadu_si128((const __m128i *)(p + i));
    __m128i b = _mm_loadu_si128((const __m128i *)(p + i + 16));
    if (_mm_movemask_epi8(_mm_or_si128(a, b))) break;
  }
#endif
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ULL) break;
  }
  while (i < n && (unsigned char)p[i] < 0x80) i++;
  return i;
}

size_t xc_utf8_scan(const char *p, size_t n, int *multibyte) {
  size_t bad = 0, len;
  int multi = 0;
  for (size_t i = 0; i < n; i += len) {
    if ((unsigned char)p[i] < 0x80) {
      len = ascii_run(p + i, n - i);
      continue;
    }
    uint32_t cp = xc_utf8_decode(p + i, n - i, &len);
    bad += cp == 0xFFFD && len == 1;
    multi |= len > 1 && cp != 0xFFFD;
  }
  if (multibyte) *multibyte = multi;
  return bad;
}

size_t xc_utf8_invalid_count(const char *p, size_t n) { return xc_utf8_scan(p, n, NULL); }

void xc_utf8_sanitize(xc_buf *out, const char *p, size_t n) {
  size_t len, run = 0;
  xc_buf_reserve(out, n);
  for (size_t i = 0; i < n; i += len) {
    if ((unsigned char)p[i] < 0x80) {
      len = 1;
      continue;
    }
    if (utf8_bad_at(p + i, n - i, &len)) {
      xc_buf_put(out, p + run, i - run);
      xc_buf_put(out, "\xEF\xBF\xBD", 3);
      run = i + 1;
    }
  }
  xc_buf_put(out, p + run, n - run);
}

int xc_uspace(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x85;
}

/* ---- JSON ---- */
/* Bytes a JSON string cannot hold as they are: controls, '"', '\\' and
 * DEL (escaped), and every byte >= 0x80 (checked as UTF-8). */
static unsigned char json_special(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\' || c >= 0x7F;
}

/* Whether one of the eight bytes of w is json_special: each test finds
 * "some byte is ..." exactly (a borrow or carry only runs out of a byte
 * that is itself a match). */
static int json_special8(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
  uint64_t ctl = (w - ones * 0x20) & ~w;     /* a byte below 0x20 */
  uint64_t quote = (q - ones) & ~q, back = (bs - ones) & ~bs;
  uint64_t del = w | (w + ones);              /* a byte of 0x7F or more */
  return ((ctl | quote | back | del) & high) != 0;
}

#ifdef __SSE2__
/* Bits of the json_special bytes among the 16 at p. UTF-8 text (bytes
 * >= 0x80) counts too: the caller leaves the vector step at such a byte
 * and steps over a valid sequence with one decode, then takes 16 again. */
static unsigned json_special16(const char *p) {
  __m128i v = _mm_loadu_si128((const __m128i *)p);
  __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
  __m128i q = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                           _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
  __m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F));
  __m128i m = _mm_or_si128(_mm_or_si128(ctl, q), _mm_or_si128(del, v));
  return (unsigned)_mm_movemask_epi8(m); /* v's own top bits: bytes >= 0x80 */
}
#endif

void xc_json_escape(xc_buf *out, const char *p, size_t n) {
  static const char hex[] = "0123456789abcdef";
  size_t len, run = 0; /* p[run..i) is plain and not yet copied */
  xc_buf_reserve(out, n + 2);
  for (size_t i = 0; i < n; i += len) {
#ifdef __SSE2__
    if (i + 16 <= n) { /* plain text goes 16 bytes at a time */
      unsigned m = json_special16(p + i);
      len = m ? (size_t)__builtin_ctz(m) : 16;
      if (len) continue;
    } else
#endif
    if (i + 8 <= n) { /* and the tail eight at a time */
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (!json_special8(w)) {
        len = 8;
        continue;
      }
    }
    unsigned char c = (unsigned char)p[i];
    len = 1;
    if (!json_special(c)) continue;
    if (c >= 0x80 && !utf8_bad_at(p + i, n - i, &len)) continue;
    xc_buf_put(out, p + run, i - run);
    run = i + len;
    switch (c) {
    case '"': xc_buf_put(out, "\\\"", 2); break;
    case '\\': xc_buf_put(out, "\\\\", 2); break;
    case '\n': xc_buf_put(out, "\\n", 2); break;
    case '\r': xc_buf_put(out, "\\r", 2); break;
    case '\t': xc_buf_put(out, "\\t", 2); break;
    default:
      if (c >= 0x80) { /* an invalid byte */
        xc_buf_put(out, "\xEF\xBF\xBD", 3);
      } else {
        char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        xc_buf_put(out, e, 6);
      }
    }
  }
  xc_buf_put(out, p + run, n - run);
}

void xc_json_init(xc_json *j, xc_buf *out, int pretty) {
  memset(j, 0, sizeof *j);
  j->out = out;
  j->pretty = pretty;
  j->first[0] = 1;
}

void xc_json_init_at(xc_json *j, xc_buf *out, int pretty, int depth) {
  xc_json_init(j, out, pretty);
  j->depth = depth < 63 ? depth : 63;
  j->first[j->depth] = 1;
}

static void json_indent(xc_json *j) {
  if (!j->pretty) return;
  xc_buf_putc(j->out, '\n');
  for (int i = 0; i < j->depth; i++) xc_buf_put(j->out, "  ", 2);
}

/* Before any value or key: comma and indentation as needed. */
static void json_sep(xc_json *j) {
  if (j->after_key) {
    j->after_key = 0;
    return;
  }
  int d = j->depth < 64 ? j->depth : 63;
  if (!j->first[d]) xc_buf_putc(j->out, ',');
  j->first[d] = 0;
  if (j->depth > 0) json_indent(j);
}

static void json_open(xc_json *j, char c) {
  json_sep(j);
  xc_buf_putc(j->out, c);
  j->depth++;
  if (j->depth < 64) j->first[j->depth] = 1;
}

static void json_close(xc_json *j, char c) {
  int empty = j->depth < 64 ? j->first[j->depth] : 0;
  j->depth--;
  if (!empty) json_indent(j);
  xc_buf_putc(j->out, c);
}

void xc_json_obj_begin(xc_json *j) { json_open(j, '{'); }
void xc_json_obj_end(xc_json *j) { json_close(j, '}'); }
void xc_json_arr_begin(xc_json *j) { json_open(j, '['); }
void xc_json_arr_end(xc_json *j) { json_close(j, ']'); }

void xc_json_key(xc_json *j, const char *key) {
  json_sep(j);
  xc_buf_putc(j->out, '"');
  xc_json_escape(j->out, key, strlen(key));
  xc_buf_put(j->out, j->pretty ? "\": " : "\":", j->pretty ? 3 : 2);
  j->after_key = 1;
}

void xc_json_strn(xc_json *j, const char *p, size_t n) {
  json_sep(j);
  xc_buf_putc(j->out, '"');
  xc_json_escape(j->out, p, n);
  xc_buf_putc(j->out, '"');
}

void xc_json_str(xc_json *j, const char *s) { xc_json_strn(j, s, strlen(s)); }

void xc_json_str_or_null(xc_json *j, const char *s) {
  if (s) xc_json_str(j, s);
  else xc_json_null(j);
}

void xc_json_raw(xc_json *j, const char *json) {
  json_sep(j);
  xc_buf_puts(j->out, json);
}

void xc_json_null(xc_json *j) {
  json_sep(j);
  xc_buf_put(j->out, "null", 4);
}

void xc_json_int(xc_json *j, long long v) {
  json_sep(j);
  xc_buf_printf(j->out, "%lld", v);
}

void xc_json_num(xc_json *j, double v) {
  json_sep(j);
  if (v != v) xc_buf_put(j->out, "null", 4);
  else xc_buf_printf(j->out, "%.4g", v);
}

void xc_json_bool(xc_json *j, int v) {
  json_sep(j);
  xc_buf_puts(j->out, v ? "true" : "false");
}

void xc_json_strv(xc_json *j, const xc_strv *sv) {
  xc_json_arr_begin(j);
  for (size_t i = 0; i < sv->n; i++) xc_json_str(j, sv->v[i]);
  xc_json_arr_end(j);
}
