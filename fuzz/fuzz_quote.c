/* fuzz_quote.c - libFuzzer target: arbitrary bytes through the language
 * layer and the quote finder; traps unless every quote lies inside the
 * text, in order of start, with its speaker and cue spans inside too and
 * a speaker string wherever a speaker span is given. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lang/lang.h"
#include "quote/quote.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *p = (const char *)data;
  xc_lang_doc d;
  xc_lang_doc_init(&d);
  xc_quotes q;
  xc_quotes_init(&q);
  if (xc_lang_analyze(p, size, NULL, &d) != 0) abort();
  if (xc_quote_find(p, size, &d, NULL, 0, &q) != 0) abort();
  uint32_t last = 0;
  for (size_t i = 0; i < q.n; i++) {
    const xc_quote *x = &q.v[i];
    if (x->start > x->end || x->end > size || x->start < last) abort();
    last = x->start;
    if ((x->flags & XC_QF_SPAN) && (x->spk_start >= x->spk_end || x->spk_end > size || !x->speaker))
      abort();
    if ((x->flags & XC_QF_CUE) && (x->cue_start >= x->cue_end || x->cue_end > size)) abort();
  }
  xc_buf out;
  xc_buf_init(&out);
  xc_quotes_json(p, &q, &out);
  xc_buf_release(&out);
  xc_quotes_release(&q);
  xc_lang_doc_release(&d);
  return 0;
}
