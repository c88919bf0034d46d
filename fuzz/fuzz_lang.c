/* fuzz_lang.c - libFuzzer target: arbitrary bytes through the tokenizer and
 * the sentence splitter; traps unless tokens are non-empty, in order and
 * inside the input, and sentences cover every token once, in order. Then
 * the whole layer (tagger) and entity resolution over the same bytes, split
 * at a 0xFF byte into two documents: mentions must lie inside the text
 * and every entity must name a document it came from. */
#include <stdint.h>
#include <stdlib.h>

#include <string.h>

#include "lang/lang.h"
#include "lang/resolve.h"
#include "lang/sentence.h"
#include "lang/token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  xc_tokens t;
  xc_sentv v;
  xc_tokens_init(&t);
  xc_sentv_init(&v);
  if (xc_tokenize((const char *)data, size, &t) != 0) abort();
  xc_sentences((const char *)data, size, &t, &v);
  uint32_t last = 0;
  for (size_t i = 0; i < t.n; i++) {
    const xc_token *k = &t.v[i];
    if (k->start < last || k->end <= k->start || k->end > size || k->kind >= XC_TK_COUNT)
      abort();
    last = k->end;
  }
  size_t next = 0;
  for (size_t i = 0; i < v.n; i++) {
    const xc_sent *s = &v.v[i];
    if (s->tok != next || s->tok_end <= s->tok || s->tok_end > t.n ||
        s->start != t.v[s->tok].start || s->end != t.v[s->tok_end - 1].end)
      abort();
    next = s->tok_end;
  }
  if (next != t.n) abort();
  xc_sentv_release(&v);
  xc_tokens_release(&t);
  /* the whole layer and resolution, two documents */
  const char *p = (const char *)data;
  const char *cut = memchr(p, 0xFF, size);
  size_t n0 = cut ? (size_t)(cut - p) : size;
  xc_resolver *r = xc_resolve_new();
  xc_lang_doc d;
  xc_lang_doc_init(&d);
  for (int k = 0; k < 2; k++) {
    const char *text = k ? p + n0 + (cut ? 1 : 0) : p;
    size_t n = k ? size - n0 - (cut ? 1 : 0) : n0;
    if (xc_lang_analyze(text, n, NULL, &d) != 0) abort();
    for (size_t i = 0; i < d.nmentions; i++)
      if (d.mentions[i].start >= d.mentions[i].end || d.mentions[i].end > n) abort();
    if (xc_resolve_add(r, (uint32_t)k, text, n, &d) != 0) abort();
  }
  xc_resolve_finish(r);
  for (size_t i = 0; i < xc_resolve_count(r); i++) {
    const xc_entity *e = xc_resolve_entity(r, i);
    if (!e || !e->name || !e->ndocs || e->docs[e->ndocs - 1] > 1) abort();
  }
  xc_lang_doc_release(&d);
  xc_resolve_free(r);
  return 0;
}
