/* lang_test.h - helpers shared by the tokenizer and sentence unit tests. */
#ifndef XC_LANG_TEST_H
#define XC_LANG_TEST_H

#include <time.h>

#include "lang/sentence.h"
#include "lang/token.h"
#include "test.h"

/* The tokens of s joined by '|' (a static buffer, overwritten each call). */
static inline const char *toks(const char *s) {
  static char out[400];
  xc_tokens t;
  xc_tokens_init(&t);
  xc_tokenize(s, strlen(s), &t);
  size_t o = 0;
  for (size_t i = 0; i < t.n && o + 2 < sizeof out; i++) {
    size_t len = t.v[i].end - t.v[i].start;
    if (o + len + 2 >= sizeof out) break;
    if (i) out[o++] = '|';
    memcpy(out + o, s + t.v[i].start, len);
    o += len;
  }
  out[o] = 0;
  xc_tokens_release(&t);
  return out;
}

/* Tokenizes and splits the C string s into t and v (both started here;
 * the caller releases them). */
static inline void lang_split(const char *s, xc_tokens *t, xc_sentv *v) {
  xc_tokens_init(t);
  xc_sentv_init(v);
  xc_tokenize(s, strlen(s), t);
  xc_sentences(s, strlen(s), t, v);
}

/* The sentences of s joined by " || " (a static buffer, as toks). */
static inline const char *sents(const char *s) {
  static char out[400];
  xc_tokens t;
  xc_sentv v;
  lang_split(s, &t, &v);
  size_t o = 0;
  for (size_t i = 0; i < v.n; i++) {
    size_t len = v.v[i].end - v.v[i].start;
    if (o + len + 5 >= sizeof out) break;
    if (i) memcpy(out + o, " || ", 4), o += 4;
    memcpy(out + o, s + v.v[i].start, len);
    o += len;
  }
  out[o] = 0;
  xc_sentv_release(&v);
  xc_tokens_release(&t);
  return out;
}

/* Checks what must hold for any input: tokens in order, non-empty, inside
 * the text; sentences cover every token once, in order, with matching
 * byte ranges. Returns 1 when all hold. */
static inline int lang_invariants(size_t n, const xc_tokens *t, const xc_sentv *v) {
  uint32_t last = 0;
  for (size_t i = 0; i < t->n; i++) {
    if (t->v[i].start < last || t->v[i].end <= t->v[i].start || t->v[i].end > n) return 0;
    last = t->v[i].end;
  }
  size_t next = 0;
  for (size_t i = 0; i < v->n; i++) {
    const xc_sent *s = &v->v[i];
    if (s->tok != next || s->tok_end <= s->tok || s->tok_end > t->n) return 0;
    if (s->start != t->v[s->tok].start || s->end != t->v[s->tok_end - 1].end) return 0;
    next = s->tok_end;
  }
  return next == t->n;
}

/* Tokenizes and splits p[0..n), checks the invariants, and returns the
 * seconds taken (CPU time). */
static inline double lang_run(const char *p, size_t n, size_t *ntok, size_t *nsent) {
  xc_tokens t;
  xc_sentv v;
  xc_tokens_init(&t);
  xc_sentv_init(&v);
  clock_t c0 = clock();
  CHECK(xc_tokenize(p, n, &t) == 0);
  xc_sentences(p, n, &t, &v);
  double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
  CHECK(lang_invariants(n, &t, &v));
  if (ntok) *ntok = t.n;
  if (nsent) *nsent = v.n;
  xc_sentv_release(&v);
  xc_tokens_release(&t);
  return secs;
}

#endif
