/* fuzz_extractor.c - libFuzzer target for one extractor, chosen at build
 * time with -DFUZZ_EXTRACT=xc_extract_html (or _text, _markdown): arbitrary
 * bytes, UTF-8 repaired and NULs replaced as ingest would hand them over. */
#include <stdint.h>
#include <stdlib.h>

#include "extract/extract.h"

#ifndef FUZZ_EXTRACT
#error "build with -DFUZZ_EXTRACT=xc_extract_html (or _text, _markdown)"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  xc_buf b;
  xc_buf_init(&b);
  xc_utf8_sanitize(&b, (const char *)data, size);
  for (size_t i = 0; i < b.n; i++)
    if (b.p[i] == 0) b.p[i] = ' ';
  xc_extracted x = {0};
  xc_err err;
  FUZZ_EXTRACT(b.p ? b.p : "", b.n, &x, &err);
  xc_extracted_release(&x);
  xc_buf_release(&b);
  return 0;
}
