/* markdown.c - Markdown with YAML front matter. Placeholder: the body as is. */
#include "extract.h"

int xc_extract_markdown(const char *p, size_t n, xc_extracted *out,
                        xc_err *err) {
  (void)err;
  out->text = xc_xstrndup(p, n);
  return 0;
}
