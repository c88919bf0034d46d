/* fuzz_hdom.c - libFuzzer target: arbitrary bytes through the fast HTML
 * tree builder, then a full walk of the tree. */
#include <stdint.h>

#include "extract/hdom.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  xc_hdom d;
  xc_hdom_parse(&d, (const char *)data, size);
  size_t n = 0;
  for (xc_hnode *x = d.root->first; x; x = xc_hdom_next(d.root, x, 0)) n++;
  xc_hdom_release(&d);
  return n == (size_t)-1;
}
