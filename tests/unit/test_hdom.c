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

/* dump for a tree built with XC_HDOM_EXTRACT: its XC_HSPACE_* bits are
 * written as the " " text nodes they stand for, so that it reads like the
 * tree dump gives for the same page. */
static void dump_bits(const xc_hnode *n, xc_buf *out) {
  if (!n->name) {
    dump(n, out);
    return;
  }
  xc_buf_putc(out, '(');
  xc_buf_puts(out, n->name);
  for (const xc_hnode *c = n->first; c; c = c->next) {
    if (c->space & XC_HSPACE_BEFORE) xc_buf_puts(out, " \" \"");
    xc_buf_putc(out, ' ');
    dump_bits(c, out);
  }
  if (n->space & XC_HSPACE_END) xc_buf_puts(out, " \" \"");
  xc_buf_putc(out, ')');
}

/* The tree of html (built with opts), parsed from a copy of exactly its
 * bytes (no NUL after them), so that the sanitizers see any read past the
 * end. */
static char *tree_opts(const char *html, unsigned opts) {
  size_t n = strlen(html);
  char *copy = malloc(n ? n : 1);
  memcpy(copy, html, n);
  xc_hdom d;
  xc_hdom_parse_flags(&d, copy, n, opts);
  xc_buf b;
  xc_buf_init(&b);
  for (const xc_hnode *c = d.root->first; c; c = c->next) {
    if (c->space & XC_HSPACE_BEFORE) xc_buf_puts(&b, b.n ? " \" \"" : "\" \"");
    if (b.n) xc_buf_putc(&b, ' ');
    if (opts & XC_HDOM_EXTRACT) dump_bits(c, &b);
    else dump(c, &b);
  }
  if (d.root->space & XC_HSPACE_END) xc_buf_puts(&b, b.n ? " \" \"" : "\" \"");
  xc_hdom_release(&d);
  free(copy);
  return xc_buf_detach(&b);
}

static char *tree(const char *html) { return tree_opts(html, 0); }

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

/* Value of attribute name on n as a C string in buf, or NULL. */
static const char *attr_val(const xc_hnode *n, const char *name, char *buf, size_t cap) {
  const xc_hattr *a = xc_hdom_attr(n, name);
  if (!a) return NULL;
  size_t l = a->len < cap - 1 ? a->len : cap - 1;
  memcpy(buf, a->value, l);
  buf[l] = 0;
  return buf;
}

/* Parses html into d and returns its first top-level node. */
static xc_hnode *parse_first(xc_hdom *d, const char *html) {
  xc_hdom_parse(d, html, strlen(html));
  return d->root->first;
}

TEST(hdom_attributes) {
  const char *html = "<a HREF=/x class='c d' data-x=\"1 &amp; 2\" hidden id=a id=b "
                     "Data-Y=3 data-y=4>t</a>";
  xc_hdom d;
  xc_hnode *a = parse_first(&d, html);
  char buf[64];
  CHECK(a && a->name && strcmp(a->name, "a") == 0);
  CHECK_STR(attr_val(a, "href", buf, sizeof buf), "/x");
  CHECK_STR(attr_val(a, "class", buf, sizeof buf), "c d");
  CHECK_STR(attr_val(a, "data-x", buf, sizeof buf), "1 & 2");
  CHECK_STR(attr_val(a, "hidden", buf, sizeof buf), "");
  CHECK_STR(attr_val(a, "id", buf, sizeof buf), "a"); /* first one wins */
  CHECK_STR(attr_val(a, "data-y", buf, sizeof buf), "3"); /* unknown names too */
  CHECK(a->nattr == 6);
  CHECK(xc_hdom_attr(a, "title") == NULL);
  CHECK(xc_hdom_attr(a, "HREF") == NULL); /* names are asked in lower case */
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
    if (!n->name && n->text_len == 9 && memcmp(n->text, "deep text", 9) == 0) found_deep = 1;
    if (!n->name && n->text_len == 5 && memcmp(n->text, "after", 5) == 0) found_after = 1;
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

TEST(hdom_interned_attribute_ids) {
  /* the names extraction reads carry their XC_A_* id; others carry 0 */
  const char *html = "<div CLASS=x Id=y itemprop=z role=r rel=l hidden style=s aria-hidden=true "
                     "type=t content=c name=n property=p http-equiv=h href=u lang=l "
                     "xml:lang=en datetime=d data-foo=1>t</div>";
  xc_hdom d;
  xc_hnode *div = parse_first(&d, html);
  static const struct { const char *name; int id; } want[] = {
      {"class", XC_A_CLASS}, {"id", XC_A_ID}, {"itemprop", XC_A_ITEMPROP},
      {"role", XC_A_ROLE}, {"rel", XC_A_REL}, {"hidden", XC_A_HIDDEN},
      {"style", XC_A_STYLE}, {"aria-hidden", XC_A_ARIA_HIDDEN}, {"type", XC_A_TYPE},
      {"content", XC_A_CONTENT}, {"name", XC_A_NAME}, {"property", XC_A_PROPERTY},
      {"http-equiv", XC_A_HTTP_EQUIV}, {"href", XC_A_HREF}, {"lang", XC_A_LANG},
      {"xml:lang", XC_A_XML_LANG}, {"datetime", XC_A_DATETIME}};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    const xc_hattr *a = xc_hdom_attr_id(div, (uint8_t)want[i].id);
    CHECK(a != NULL && strcmp(a->name, want[i].name) == 0);
    CHECK(a == xc_hdom_attr(div, want[i].name));
  }
  const xc_hattr *f = xc_hdom_attr(div, "data-foo");
  CHECK(f != NULL && f->id == 0 && f->len == 1 && f->value[0] == '1');
  CHECK(xc_hdom_attr_id(d.root, XC_A_CLASS) == NULL);
  xc_hdom_release(&d);
}

TEST(hdom_text_points_into_the_page) {
  /* text without references is not copied: it is a slice of the input,
   * not NUL-terminated; decoded text and attribute values are copies */
  const char *html = "<p class=\"a b\" title=\"x&amp;y\">plain words</p><p>a &amp; b</p>";
  xc_hdom d;
  xc_hnode *p1 = parse_first(&d, html), *p2 = p1->next;
  CHECK(p1->first->text == strstr(html, "plain") && p1->first->text_len == 11);
  const xc_hattr *cls = xc_hdom_attr_id(p1, XC_A_CLASS);
  CHECK(cls->value == strstr(html, "a b") && cls->len == 3);
  const xc_hattr *title = xc_hdom_attr(p1, "title");
  CHECK(title->len == 3 && memcmp(title->value, "x&y", 3) == 0);
  CHECK(p2->first->text_len == 5 && memcmp(p2->first->text, "a & b", 5) == 0);
  xc_hdom_release(&d);
}

TEST(hdom_scans_past_sixteen_bytes) {
  /* '<' and '&' are looked for 16 bytes at a time: references and literal
   * '<' after the first block, in text and in quoted values */
  CHECK_TREE("<p>sixteen bytes here, then &amp; a < b &lt; c</p>",
             "(p \"sixteen bytes here, then & a < b < c\")");
  CHECK_TREE("<p>0123456789abcdef0123456789 < x</p>", "(p \"0123456789abcdef0123456789 < x\")");
  CHECK_TREE("<p>&amp;0123456789abcdef0123456789&amp;</p>",
             "(p \"&0123456789abcdef0123456789&\")");
  xc_hdom d;
  xc_hnode *a = parse_first(&d, "<a title=\"0123456789abcdef0123 &amp; x\" "
                                "Data-Long-Attribute-Name=1 CLASS=k>t</a>");
  char buf[64];
  CHECK_STR(attr_val(a, "title", buf, sizeof buf), "0123456789abcdef0123 & x");
  CHECK_STR(attr_val(a, "data-long-attribute-name", buf, sizeof buf), "1");
  CHECK(xc_hdom_attr_id(a, XC_A_CLASS) && xc_hdom_attr_id(a, XC_A_CLASS)->value[0] == 'k');
  xc_hdom_release(&d);
}

TEST(hdom_names_near_the_end_of_the_page) {
  /* names are keyed from word loads where 16 bytes are left, byte by byte
   * nearer the end: both give the same ids */
  CHECK_TREE("<DIV>x</DIV><SPAN>y", "(div \"x\") (span \"y\")");
  CHECK_TREE("<P>a<BR", "(p \"a\" (br))");
  CHECK_TREE("<Custom-Element-Name-Long>z</custom-element-name-long>",
             "(custom-element-name-long \"z\")");
  xc_hdom d;
  xc_hnode *p = parse_first(&d, "<p ID=x");
  CHECK(xc_hdom_attr_id(p, XC_A_ID) != NULL);
  xc_hdom_release(&d);
  p = parse_first(&d, "<p data-something-long-enough=1 ID=y>");
  CHECK(xc_hdom_attr_id(p, XC_A_ID) != NULL && xc_hdom_attr(p, "data-something-long-enough"));
  xc_hdom_release(&d);
}

/* The tree of prefix + pad spaces + html: the same markup at every offset
 * from the end of the buffer, so that names and runs are read both 16
 * bytes at a time and byte by byte near the end. */
static void check_padded(const char *prefix, const char *html, const char *want) {
  for (int pad = 0; pad < 40; pad++) {
    xc_buf in, out;
    xc_buf_init(&in), xc_buf_init(&out);
    xc_buf_puts(&in, prefix);
    for (int k = 0; k < pad; k++) xc_buf_putc(&in, ' ');
    xc_buf_puts(&in, html);
    char *t = tree(xc_buf_cstr(&in));
    xc_buf_puts(&out, pad && !*prefix ? "\" \" " : "");
    xc_buf_puts(&out, want);
    CHECK_STR(t, xc_buf_cstr(&out));
    free(t);
    xc_buf_release(&in), xc_buf_release(&out);
  }
}

TEST(hdom_names_read_sixteen_bytes_at_a_time) {
  /* a name ending at the last byte of the buffer, at byte 15 or 16 of
   * the vector, or after it; upper case; bytes >= 0x80 are not letters
   * to lower-case and make other names */
  check_padded("", "<DIV>x</div", "(div \"x\")");
  check_padded("", "<abcdefghijklmno>x</ABCDEFGHIJKLMNO>y",
               "(abcdefghijklmno \"x\") \"y\"");
  check_padded("", "<abcdefghijklmnop>x</abcdefghijklmnop>y",
               "(abcdefghijklmnop \"x\") \"y\"");
  check_padded("", "<abcdefghijklmnopq>x</abcdefghijklmnopq>y",
               "(abcdefghijklmnopq \"x\") \"y\"");
  check_padded("", "<D\xC3\x8FV>x</d\xC3\x8Fv>y", "(d\xC3\x8Fv \"x\") \"y\"");
  check_padded("", "<p>a</p\xC3\xA9>b</p>c", "(p \"a\" \"b\") \"c\"");
  /* a control byte that is not a space, and \v, stay inside a name */
  check_padded("", "<d\x01iv>x</d\x01iv>y", "(d\x01iv \"x\") \"y\"");
  check_padded("", "<di\vv>x", "(di\vv \"x\")");
  check_padded("", "<span\tclass=a>x</span\n>y", "(span \"x\") \"y\"");
  check_padded("", "<br/>", "(br)");
  check_padded("", "<p", "(p)");
}

TEST(hdom_attribute_names_read_sixteen_bytes_at_a_time) {
  for (int pad = 0; pad < 40; pad++) {
    xc_buf in;
    xc_buf_init(&in);
    xc_buf_puts(&in, "<a ");
    for (int k = 0; k < pad; k++) xc_buf_putc(&in, ' ');
    xc_buf_puts(&in, "b/c=1 ID=x data-\xC3\xA9=2 CLASS = \"k\" =3 rel/>");
    xc_hdom d;
    xc_hnode *a = parse_first(&d, xc_buf_cstr(&in));
    char buf[64];
    CHECK_STR(attr_val(a, "b/c", buf, sizeof buf), "1"); /* '/' inside a name */
    CHECK_STR(attr_val(a, "id", buf, sizeof buf), "x");
    CHECK_STR(attr_val(a, "data-\xC3\xA9", buf, sizeof buf), "2");
    CHECK_STR(attr_val(a, "class", buf, sizeof buf), "k");
    CHECK_STR(attr_val(a, "rel", buf, sizeof buf), "");
    CHECK(xc_hdom_attr(a, "3") != NULL); /* after a lone '=' */
    CHECK(a->nattr == 6);
    xc_hdom_release(&d);
    xc_buf_release(&in);
  }
}

TEST(hdom_white_space_runs) {
  /* runs of white space (\v too) of 1 to 40 bytes, one space kept; a run
   * with anything else at its last byte, or a NBSP (bytes >= 0x80), is
   * text */
  for (int len = 1; len <= 40; len++) {
    char html[64], want[128];
    snprintf(html, sizeof html, "<b>a</b>%*s\v\t\r\n\f<b>c</b>", len - 1, "");
    CHECK_TREE(html, "(b \"a\") \" \" (b \"c\")");
    snprintf(html, sizeof html, "<b>a</b>%*s", len, "");
    CHECK_TREE(html, "(b \"a\") \" \"");
    snprintf(html, sizeof html, "<b>a</b>%*s.<b>c</b>", len - 1, "");
    snprintf(want, sizeof want, "(b \"a\") \"%*s.\" (b \"c\")", len - 1, "");
    CHECK_TREE(html, want);
    snprintf(html, sizeof html, "<b>a</b>%*s\xC2\xA0<b>c</b>", len - 1, "");
    snprintf(want, sizeof want, "(b \"a\") \"%*s\xC2\xA0\" (b \"c\")", len - 1, "");
    CHECK_TREE(html, want);
  }
  CHECK_TREE("<p>a<b>b</b> <i>c</i></p> ", "(p \"a\" (b \"b\") \" \" (i \"c\")) \" \"");
}

TEST(hdom_end_tags_of_the_current_element) {
  /* compared with the current element's name first: a longer name, or
   * one of an element further up, is looked up as before */
  CHECK_TREE("<div><span>a</spanx>b</span>c</div>d",
             "(div (span \"a\" \"b\") \"c\") \"d\"");
  CHECK_TREE("<div><span>a</div>b", "(div (span \"a\")) \"b\"");
  CHECK_TREE("<my-el>a</MY-EL >b", "(my-el \"a\") \"b\"");
  CHECK_TREE("<div>a</div", "(div \"a\")");
  CHECK_TREE("<div>a</d", "(div \"a\")");
  CHECK_TREE("</#document>x", "\"x\"");
}

TEST(hdom_extract_keeps_what_extraction_reads) {
  /* XC_HDOM_EXTRACT: no other attributes; values read as strings keep
   * their references until xc_hdom_attr_text, the others are decoded */
  const char *html = "<meta title=\"a&amp;b\" data-x=1 class=\"c&amp;d\" "
                     "content=\"e&amp;f\" name=n>";
  xc_hdom d;
  xc_hdom_parse_flags(&d, html, strlen(html), XC_HDOM_EXTRACT);
  xc_hnode *m = d.root->first;
  CHECK(m->nattr == 3);
  CHECK(xc_hdom_attr(m, "title") == NULL && xc_hdom_attr(m, "data-x") == NULL);
  const xc_hattr *cls = xc_hdom_attr_id(m, XC_A_CLASS);
  CHECK(cls && !cls->refs && cls->len == 3 && memcmp(cls->value, "c&d", 3) == 0);
  const xc_hattr *content = xc_hdom_attr_id(m, XC_A_CONTENT);
  CHECK(content && content->refs && content->len == 7);
  xc_buf b;
  xc_buf_init(&b);
  xc_hdom_attr_text(content, &b);
  CHECK_STR(xc_buf_cstr(&b), "e&f");
  xc_buf_clear(&b);
  xc_hdom_attr_text(xc_hdom_attr_id(m, XC_A_NAME), &b);
  CHECK_STR(xc_buf_cstr(&b), "n");
  xc_buf_release(&b);
  xc_hdom_release(&d);
}

TEST(hdom_comment_ends) {
  /* the first "-->" ends a comment, found from its '>' */
  CHECK_TREE("<!---->a", "\"a\"");
  CHECK_TREE("<!-->a-->b", "\"b\"");
  CHECK_TREE("<!--->a-->b", "\"b\"");
  CHECK_TREE("<!-- a -> b > c --->d", "\"d\"");
  CHECK_TREE("<!-- <b>x</b> -- > --><i>y</i>", "(i \"y\")");
  CHECK_TREE("<p>a<!-- x --", "(p \"a\")");
  CHECK_TREE("<p>a<!-- x ->", "(p \"a\")");
  CHECK_TREE("<p>a<!--", "(p \"a\")");
  CHECK_TREE("<p>a<!-->", "(p \"a\")");
}

TEST(hdom_extract_blanks_are_bits) {
  /* XC_HDOM_EXTRACT keeps no white-space text nodes: its XC_HSPACE_*
   * bits say where the " " nodes of the other trees are */
  static const char *const pages[] = {
      "<b>a</b> <i>b</i>",
      "<div>\n  <p>x</p>\n  <p>y</p>\n</div>\n",
      "<div> </div><div>\t\r\n</div>",
      "  <p>lead",
      "<p>a <!-- c -->  <!-- d --> b</p>",
      "<p>text<!-- c --> <b>x</b> <!-- d --> </p>",
      "<ul> <li> a </li> <li>b</li> </ul> ",
      "<span> </span> <span> </span> x",
      "<div><br> <br>\n<img> </div>",
      "<p> &#32; </p><p>&nbsp;</p><p> &amp; </p>",
      "<table> <tr> <td> 1 </td> </tr> </table>",
      "<script> </script><title> </title><textarea> </textarea>",
      "<div> <div> <div> deep </div> </div> </div> ",
      "<p>a</p> <![CDATA[ ]]> <p>b</p>",
      "x<p> </br> </p>",
      " ",
      "",
  };
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    char *plain = tree(pages[i]), *bits = tree_opts(pages[i], XC_HDOM_EXTRACT);
    CHECK_STR(bits, plain);
    free(plain);
    free(bits);
  }
  /* a blank is a bit, not a node */
  xc_hdom d;
  const char *html = "<div> <p>a</p> </div>";
  xc_hdom_parse_flags(&d, html, strlen(html), XC_HDOM_EXTRACT);
  const xc_hnode *div = d.root->first, *p = div->first;
  CHECK(div->space == XC_HSPACE_END && p->space == XC_HSPACE_BEFORE);
  CHECK(p->next == NULL && p->first && !p->first->name && d.ntext == 1);
  xc_hdom_release(&d);
}

TEST(hdom_end_tag_of_current_element) {
  /* the end tag of the current element (closes_current), near the end
   * of the page and with 16 bytes after its '</' (the padding) */
  const char *pad = "<i>________________</i>";
  char html[256];
  static const char *const cases[][2] = {
      {"<div>a</DIV>b", "(div \"a\") \"b\""},
      {"<div>a</div >b", "(div \"a\") \"b\""},
      {"<div>a</div/>b", "(div \"a\") \"b\""},
      {"<div>a</divx>b</div>c", "(div \"a\" \"b\") \"c\""},
      {"<div>a</di>b</div>c", "(div \"a\" \"b\") \"c\""},
      {"<div>a</d\x01iv>b</div>c", "(div \"a\" \"b\") \"c\""},
      {"<blockquote>a</blockQuote\n>b", "(blockquote \"a\") \"b\""},
      {"<figcaption>a</figcaptions>b</figcaption>c", "(figcaption \"a\" \"b\") \"c\""},
      {"<my-element>a</MY-ELEMENT>b", "(my-element \"a\") \"b\""},
      /* known names of 1 and 8 bytes: one word compare with the padding */
      {"<p>a</P>b", "(p \"a\") \"b\""},
      {"<b>a</br>c</b>d", "(b \"a\" (br) \"c\") \"d\""},
      {"<fieldset>a</FIELDSET\t>b", "(fieldset \"a\") \"b\""},
      {"<fieldset>a</fieldsex>b</fieldset>c", "(fieldset \"a\" \"b\") \"c\""},
      {"<fieldset>a</fieldsets>b</fieldset>c", "(fieldset \"a\" \"b\") \"c\""},
      {"<address>a</addres>b</address>c", "(address \"a\" \"b\") \"c\""},
      {"<span>a</sp\xc1n>b</span>c", "(span \"a\" \"b\") \"c\""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    CHECK_TREE(cases[i][0], cases[i][1]);
    snprintf(html, sizeof html, "%s%s", cases[i][0], pad);
    char want[256];
    snprintf(want, sizeof want, "%s (i \"________________\")", cases[i][1]);
    CHECK_TREE(html, want);
  }
}
