/* text.c - plain text copied from web pages. Placeholder: all lines kept. */
#include "extract.h"

int xc_extract_text(const char *p, size_t n, xc_extracted *out, xc_err *err) {
  (void)err;
  out->text = xc_xstrndup(p, n);
  return 0;
}
