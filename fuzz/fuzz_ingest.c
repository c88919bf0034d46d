/* fuzz_ingest.c - libFuzzer target: arbitrary bytes through sniffing,
 * charset decoding, format detection and the matching extractor. */
#include <stdint.h>

#include "extract/extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  xc_input in;
  xc_err err;
  if (xc_ingest_bytes("fuzz", (const char *)data, size, &in, &err) == 0) {
    xc_extracted x;
    xc_extract(&in, &x, &err);
    xc_extracted_release(&x);
  }
  xc_input_release(&in);
  return 0;
}
