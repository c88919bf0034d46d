/* fuzz_markdown.c - libFuzzer target: arbitrary bytes through the markdown extractor
 * (after UTF-8 repair, as ingest would hand them over). */
#include <stdint.h>
#include <stdlib.h>

#include "extract/extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  xc_buf b;
  xc_buf_init(&b);
  xc_utf8_sanitize(&b, (const char *)data, size);
  for (size_t i = 0; i < b.n; i++)
    if (b.p[i] == 0) b.p[i] = ' ';
  xc_extracted x = {0};
  xc_err err;
  xc_extract_markdown(b.p ? b.p : "", b.n, &x, &err);
  xc_extracted_release(&x);
  xc_buf_release(&b);
  return 0;
}
