/* html.c - main text and metadata of an HTML page (libxml2). Placeholder:
 * title and the text of <p> elements; replaced by DOM scoring. */
#include "extract.h"

#include <libxml/HTMLparser.h>
#include <string.h>

static void collect(xmlNode *n, xc_buf *b, int depth) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || depth > 200) continue;
    if (xmlStrcasecmp(n->name, BAD_CAST "p") == 0) {
      xmlChar *t = xmlNodeGetContent(n);
      if (t) {
        xc_buf_puts(b, (const char *)t);
        xc_buf_putc(b, '\n');
        xmlFree(t);
      }
    } else {
      collect(n->children, b, depth + 1);
    }
  }
}

int xc_extract_html(const char *p, size_t n, xc_extracted *out, xc_err *err) {
  (void)err;
  htmlDocPtr doc = htmlReadMemory(p, (int)n, NULL, "UTF-8",
                                  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_RECOVER);
  xc_buf b;
  xc_buf_init(&b);
  if (doc) {
    collect(xmlDocGetRootElement(doc), &b, 0);
    xmlFreeDoc(doc);
  }
  out->text = xc_buf_detach(&b);
  return 0;
}
