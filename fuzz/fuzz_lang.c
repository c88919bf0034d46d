/* fuzz_lang.c - libFuzzer target: arbitrary bytes through the tokenizer and
 * the sentence splitter; traps unless tokens are non-empty, in order and
 * inside the input, and sentences cover every token once, in order. */
#include <stdint.h>
#include <stdlib.h>

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
  return 0;
}
