/* extract.c - dispatches an input to its format's extractor, then fills what
 * every format shares: title fallback from the first line, language guess,
 * and a tidy text (paragraphs separated by one blank line). */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

void xc_extracted_release(xc_extracted *x) {
  free(x->title);
  free(x->published);
  free(x->site);
  free(x->publisher);
  free(x->language);
  free(x->canonical);
  free(x->description);
  free(x->text);
  xc_strv_release(&x->authors);
  xc_strv_release(&x->tags);
  memset(x, 0, sizeof *x);
}

/* Normalises paragraph breaks: trims each line, drops empty lines, joins
 * paragraphs with "\n\n". */
static char *tidy_text(const char *t) {
  xc_buf b;
  xc_buf_init(&b);
  const char *p = t;
  while (*p) {
    const char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    xc_slice s = xc_trim(p, len);
    if (s.n) {
      if (b.n) xc_buf_put(&b, "\n\n", 2);
      xc_buf_put(&b, s.p, s.n);
    }
    p += len + (nl ? 1 : 0);
  }
  return xc_buf_detach(&b);
}

static char *clean_field(char *s) {
  if (!s) return NULL;
  char *c = xc_collapse_ws(s, strlen(s));
  free(s);
  if (!*c) {
    free(c);
    return NULL;
  }
  return c;
}

int xc_extract(const xc_input *in, xc_extracted *out, xc_err *err) {
  memset(out, 0, sizeof *out);
  int rc;
  switch (in->format) {
  case XC_FMT_HTML: rc = xc_extract_html(in->data, in->len, out, err); break;
  case XC_FMT_MARKDOWN:
    rc = xc_extract_markdown(in->data, in->len, out, err);
    break;
  default: rc = xc_extract_text(in->data, in->len, out, err); break;
  }
  if (rc < 0) return rc;
  if (!out->text) out->text = xc_xstrdup("");
  char *t = tidy_text(out->text);
  free(out->text);
  out->text = t;
  out->title = clean_field(out->title);
  out->site = clean_field(out->site);
  out->publisher = clean_field(out->publisher);
  out->description = clean_field(out->description);
  if (!out->language) {
    const char *lang = xc_language_guess(out->text, strlen(out->text));
    if (lang) out->language = xc_xstrdup(lang);
  }
  return 0;
}
