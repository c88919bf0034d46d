/* test_hdom.c - the fast HTML tree: implied end tags, raw text, character
 * references, attributes, depth cap, stray and missing end tags. */
#include <stdlib.h>

#include "extract/hdom.h"
#include "test.h"

/* Serialises the tree as (name child child ...) with text in quotes. */
static void dump(const xc_hnode *n, xc_buf *out) {
  if (!n->name) {
    xc_buf_putc(out, '"');
    xc_buf_put(out, n->text, n->text_len);
    xc_buf_putc(out, '"');
    return;
  }
  xc_buf_putc(out, '(');
  xc_buf_puts(out, n->name);
  for (const xc_hnode *c = n->first; c; c = c->next) {
    xc_buf_putc(out, ' ');
    dump(c, out);
  }
  xc_buf_putc(out, ')');
}

static char *tree(const char *html) {
  xc_hdom d;
  xc_hdom_parse(&d, html, strlen(html));
  xc_buf b;
  xc_buf_init(&b);
  for (const xc_hnode *c = d.root->first; c; c = c->next) {
    if (b.n) xc_buf_putc(&b, ' ');
    dump(c, &b);
  }
  xc_hdom_release(&d);
  return xc_buf_detach(&b);
}

#define CHECK_TREE(html, want)                                                 \
  do {                                                                         \
    char *t_ = tree(html);                                                     \
    CHECK_STR(t_, want);                                                       \
    free(t_);                                                                  \
  } while (0)

TEST(hdom_implied_end_tags) {
  CHECK_TREE("<p>one<p>two", "(p \"one\") (p \"two\")");
  CHECK_TREE("<p>a<div>b</div>", "(p \"a\") (div \"b\")");
  CHECK_TREE("<ul><li>a<li>b</ul>", "(ul (li \"a\") (li \"b\"))");
  CHECK_TREE("<ul><li>a<ul><li>b</ul><li>c</ul>",
             "(ul (li \"a\" (ul (li \"b\"))) (li \"c\"))");
  CHECK_TREE("<table><tr><td>a<td>b<tr><td>c</table>",
             "(table (tr (td \"a\") (td \"b\")) (tr (td \"c\")))");
  CHECK_TREE("<p><b>bold<p>next", "(p (b \"bold\")) (p \"next\")");
}

TEST(hdom_raw_text_and_comments) {
  /* raw text is skipped (only JSON scripts keep theirs), markup inside it
   * never becomes elements */
  CHECK_TREE("<script>if (a<b && c) { x = '<p>'; }</script><p>x",
             "(script) (p \"x\")");
  CHECK_TREE("<style>p{}</STYLE >after", "(style) \"after\"");
  CHECK_TREE("<script type=application/ld+json>{\"a\":\"<b>\"}</script>",
             "(script \"{\"a\":\"<b>\"}\")");
  CHECK_TREE("<!DOCTYPE html><!-- <p>no</p> --><p>yes</p>", "(p \"yes\")");
  CHECK_TREE("<p>open<!-- never closed", "(p \"open\")");
  CHECK_TREE("<title>A &amp; B</title>", "(title \"A & B\")");
  CHECK_TREE("a < b and c<3", "\"a < b and c<3\"");
}

TEST(hdom_character_references) {
  CHECK_TREE("<p>&amp; &lt;x&gt; &#8217; &#x2014; &#150; &copy2026 &bogus; &nbsp;</p>",
             "(p \"& <x> \xE2\x80\x99 \xE2\x80\x94 \xE2\x80\x93 \xC2\xA9" "2026 &bogus; \xC2\xA0\")");
  xc_buf b;
  xc_buf_init(&b);
  xc_html_unescape(&b, "&#0; &#xD800; &#99999999;", 25);
  CHECK_STR(b.p, "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
  xc_buf_release(&b);
}

TEST(hdom_attributes) {
  const char *html = "<a HREF=/x class='c d' data-x=\"1 &amp; 2\" hidden id=a id=b>t</a>";
  xc_hdom d;
  xc_hdom_parse(&d, html, strlen(html));
  xc_hnode *a = d.root->first;
  CHECK(a && a->name && strcmp(a->name, "a") == 0);
  CHECK_STR(xc_hdom_attr(a, "href"), "/x");
  CHECK_STR(xc_hdom_attr(a, "class"), "c d");
  CHECK_STR(xc_hdom_attr(a, "data-x"), "1 & 2");
  CHECK_STR(xc_hdom_attr(a, "hidden"), "");
  CHECK_STR(xc_hdom_attr(a, "id"), "a"); /* first one wins */
  CHECK(xc_hdom_attr(a, "title") == NULL);
  xc_hdom_release(&d);
  CHECK_TREE("<img src=x.png/><br/><p>after", "(img) (br) (p \"after\")");
}

TEST(hdom_stray_and_missing_end_tags) {
  CHECK_TREE("</div><p>x</span></p></p>", "(p \"x\")");
  CHECK_TREE("<div><span>a</div>b", "(div (span \"a\")) \"b\"");
  CHECK_TREE("<div>a</br>b</div>", "(div \"a\" (br) \"b\")");
  CHECK_TREE("<div", "(div)");
  CHECK_TREE("<p class=\"unterminated>text", "(p)");
}

TEST(hdom_deep_nesting_is_capped) {
  size_t depth = 100000;
  xc_buf b;
  xc_buf_init(&b);
  for (size_t i = 0; i < depth; i++) xc_buf_puts(&b, "<div>");
  xc_buf_puts(&b, "deep text");
  for (size_t i = 0; i < depth; i++) xc_buf_puts(&b, "</div>");
  xc_buf_puts(&b, "<p>after</p>");
  xc_hdom d;
  xc_hdom_parse(&d, b.p, b.n);
  int found_deep = 0, found_after = 0, max_depth = 0;
  for (xc_hnode *n = d.root->first; n; n = xc_hdom_next(d.root, n, 0)) {
    if (n->depth > max_depth) max_depth = n->depth;
    if (!n->name && strcmp(n->text, "deep text") == 0) found_deep = 1;
    if (!n->name && strcmp(n->text, "after") == 0) found_after = 1;
  }
  CHECK(found_deep && found_after);
  CHECK(max_depth <= XC_HDOM_MAX_DEPTH + 2);
  CHECK(d.nelements == depth + 1);
  xc_hdom_release(&d);
  xc_buf_release(&b);
}

TEST(hdom_unclosed_title_ends_at_the_next_tag) {
  CHECK_TREE("<title>Crane falls<meta name=x><body><p>Body text</p>",
             "(title \"Crane falls\") (meta) (body (p \"Body text\"))");
  CHECK_TREE("<title>A < B</title><p>x", "(title \"A < B\") (p \"x\")");
  CHECK_TREE("<script>var a = '<p>';</script><script type=\"application/ld+json\">{}</script>",
             "(script) (script \"{}\")");
}
