/* fuzz_timex.c - libFuzzer target: arbitrary bytes through the time
 * expression tagger, against a creation date taken from the first bytes
 * (or none); traps unless expressions are non-empty, in order, inside the
 * input and never overlap, with a known type and a NUL-terminated value. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "time/timex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  xc_date dct = {1990, 1, 1}, *pd = &dct;
  if (size >= 3) { /* a valid date from the first three bytes, or none */
    dct.y = 1 + (data[0] << 4 | data[1] >> 4) % 9999;
    dct.m = 1 + (data[1] & 15) % 12;
    dct.d = 1 + data[2] % 28;
    if (data[2] >= 250) pd = NULL;
  }
  xc_timexv v;
  xc_timexv_init(&v);
  if (xc_timex_tag((const char *)data, size, pd, &v) != 0) abort();
  uint32_t last = 0;
  for (size_t i = 0; i < v.n; i++) {
    const xc_timex *x = &v.v[i];
    if (x->start < last || x->end <= x->start || x->end > size || x->type >= XC_TIMEX_COUNT ||
        !memchr(x->value, 0, sizeof x->value) || !x->value[0])
      abort();
    last = x->end;
  }
  xc_timexv_release(&v);
  return 0;
}
