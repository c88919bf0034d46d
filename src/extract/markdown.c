/* markdown.c - Markdown with YAML front matter. The front matter is parsed
 * with libyaml (a real YAML loader, not a regex) into metadata; the body is
 * rendered to plain text through md4c's SAX-style callbacks (blocks become
 * paragraphs, link text is kept, images and markup are dropped), then the
 * text extractor's unit classifier strips boilerplate lines. */
#include "extract.h"

#include <md4c.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* ---- front matter ---- */
static int key_is(const char *k, const char *const *names) {
  for (int i = 0; names[i]; i++) {
    const char *a = k, *b = names[i];
    /* compare ignoring case, '_' and '-' */
    for (;;) {
      while (*a == '_' || *a == '-') a++;
      while (*b == '_' || *b == '-') b++;
      if (!*a || !*b || xc_lower((unsigned char)*a) != xc_lower((unsigned char)*b))
        break;
      a++, b++;
    }
    if (!*a && !*b) return 1;
  }
  return 0;
}

static const char *scalar(yaml_node_t *n, size_t *len) {
  if (!n || n->type != YAML_SCALAR_NODE) return NULL;
  *len = n->data.scalar.length;
  return (const char *)n->data.scalar.value;
}

/* Calls fn on the value's scalar, on each scalar of a sequence, and on the
 * "name" of mappings in it ({name: Jane Roe}). */
typedef void (*each_fn)(const char *p, size_t n, xc_extracted *out);

static void each_value(yaml_document_t *doc, yaml_node_t *v, each_fn fn,
                       xc_extracted *out, int depth) {
  size_t len;
  const char *s;
  if (!v || depth > 2) return;
  if ((s = scalar(v, &len)) != NULL) {
    if (len) fn(s, len, out);
  } else if (v->type == YAML_SEQUENCE_NODE) {
    for (yaml_node_item_t *it = v->data.sequence.items.start;
         it < v->data.sequence.items.top; it++)
      each_value(doc, yaml_document_get_node(doc, *it), fn, out, depth + 1);
  } else if (v->type == YAML_MAPPING_NODE) {
    for (yaml_node_pair_t *pr = v->data.mapping.pairs.start;
         pr < v->data.mapping.pairs.top; pr++) {
      const char *k = scalar(yaml_document_get_node(doc, pr->key), &len);
      if (k && len == 4 && xc_strncaseeq(k, "name", 4))
        each_value(doc, yaml_document_get_node(doc, pr->value), fn, out,
                   depth + 1);
    }
  }
}

static void add_author(const char *p, size_t n, xc_extracted *out) {
  xc_authors_declared(p, n, &out->authors);
}

static void add_tags(const char *p, size_t n, xc_extracted *out) {
  size_t a = 0;
  for (size_t i = 0; i <= n; i++)
    if (i == n || p[i] == ',') {
      xc_slice s = xc_trim(p + a, i - a);
      if (s.n) {
        char *c = xc_collapse_ws(s.p, s.n);
        xc_strv_push_unique(&out->tags, c);
        free(c);
      }
      a = i + 1;
    }
}

static void set_once(char **field, const char *p, size_t n) {
  if (*field || !n) return;
  char *c = xc_collapse_ws(p, n);
  if (*c) *field = c;
  else free(c);
}

/* Parses YAML y[0..n) into out; returns 0 when it is not a YAML mapping. */
static int front_matter(const char *y, size_t n, xc_extracted *out) {
  static const char *const k_title[] = {"title", "headline", NULL};
  static const char *const k_date[] = {"date", "published", "pubdate",
                                       "publishdate", "publishedat", "created",
                                       "datepublished", NULL};
  static const char *const k_author[] = {"author", "authors", "byline",
                                         "creator", "creators", NULL};
  static const char *const k_tags[] = {"tags", "categories", "category",
                                       "keywords", "topics", NULL};
  static const char *const k_desc[] = {"description", "summary", "excerpt",
                                       "subtitle", NULL};
  static const char *const k_site[] = {"site", "sitename", NULL};
  static const char *const k_pub[] = {"publisher", "source", "originalsource",
                                      NULL};
  static const char *const k_url[] = {"canonical", "canonicalurl", "url",
                                      "link", "permalink", NULL};
  static const char *const k_lang[] = {"lang", "language", "locale", NULL};
  yaml_parser_t parser;
  yaml_document_t doc;
  if (!yaml_parser_initialize(&parser)) return 0;
  yaml_parser_set_input_string(&parser, (const unsigned char *)y, n);
  if (!yaml_parser_load(&parser, &doc)) {
    yaml_parser_delete(&parser);
    return 0;
  }
  yaml_node_t *root = yaml_document_get_root_node(&doc);
  int ok = root && root->type == YAML_MAPPING_NODE;
  if (ok) {
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start;
         pr < root->data.mapping.pairs.top; pr++) {
      size_t kl, vl = 0;
      const char *k = scalar(yaml_document_get_node(&doc, pr->key), &kl);
      yaml_node_t *vn = yaml_document_get_node(&doc, pr->value);
      if (!k || kl > 40) continue;
      char key[48];
      memcpy(key, k, kl);
      key[kl] = 0;
      const char *v = scalar(vn, &vl);
      char date[11];
      if (key_is(key, k_title) && v) set_once(&out->title, v, vl);
      else if (key_is(key, k_date) && v && !out->published &&
               xc_date_normalize(v, vl, date))
        out->published = xc_xstrdup(date);
      else if (key_is(key, k_author)) each_value(&doc, vn, add_author, out, 0);
      else if (key_is(key, k_tags)) each_value(&doc, vn, add_tags, out, 0);
      else if (key_is(key, k_desc) && v) set_once(&out->description, v, vl);
      else if (key_is(key, k_site) && v) set_once(&out->site, v, vl);
      else if (key_is(key, k_pub) && v) set_once(&out->publisher, v, vl);
      else if (key_is(key, k_url) && v) set_once(&out->canonical, v, vl);
      else if (key_is(key, k_lang) && v && vl >= 2 && !out->language) {
        char code[3] = {(char)xc_lower((unsigned char)v[0]),
                        (char)xc_lower((unsigned char)v[1]), 0};
        if (code[0] >= 'a' && code[0] <= 'z' && code[1] >= 'a' && code[1] <= 'z')
          out->language = xc_xstrdup(code);
      }
    }
  }
  yaml_document_delete(&doc);
  yaml_parser_delete(&parser);
  return ok;
}

/* Length of the front matter block at p ("---" line ... "---" or "..."
 * line), with the YAML inside at [*ys, *ye); 0 when there is none. */
static size_t front_block(const char *p, size_t n, size_t *ys, size_t *ye) {
  if (n < 4 || memcmp(p, "---", 3) != 0) return 0;
  size_t i = 3;
  while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r')) i++;
  if (i >= n || p[i] != '\n') return 0;
  *ys = ++i;
  while (i < n) {
    const char *nl = memchr(p + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - p) : n;
    size_t len = e - i;
    while (len && (p[i + len - 1] == '\r' || p[i + len - 1] == ' ')) len--;
    if (len == 3 && (memcmp(p + i, "---", 3) == 0 || memcmp(p + i, "...", 3) == 0)) {
      *ye = i;
      return nl ? e + 1 : n;
    }
    i = e + 1;
  }
  return 0;
}

/* ---- body rendering ---- */
typedef struct render {
  xc_buf out;
  int img;          /* depth inside images: their alt text is dropped */
  int html_tag;     /* inside a <...> of raw HTML */
  int html_skip;    /* inside <script> or <style> */
  int in_h1, blocks;
  size_t h1_start, h1_end; /* the first H1: the title, or a repeat of it */
  int h1_done;
} render;

static void para_break(render *r) {
  xc_buf *b = &r->out;
  if (!b->n) return;
  if (b->n >= 2 && b->p[b->n - 1] == '\n' && b->p[b->n - 2] == '\n') return;
  if (b->p[b->n - 1] == '\n') xc_buf_putc(b, '\n');
  else xc_buf_put(b, "\n\n", 2);
}

static int enter_block(MD_BLOCKTYPE t, void *detail, void *ud) {
  render *r = ud;
  switch (t) {
  case MD_BLOCK_H:
    para_break(r);
    if (!r->h1_done && ((MD_BLOCK_H_DETAIL *)detail)->level == 1) {
      r->in_h1 = 1;
      r->h1_start = r->out.n;
    }
    r->blocks++;
    break;
  case MD_BLOCK_P: case MD_BLOCK_LI: case MD_BLOCK_CODE: case MD_BLOCK_HTML:
  case MD_BLOCK_QUOTE: case MD_BLOCK_TABLE: case MD_BLOCK_TR: case MD_BLOCK_HR:
    para_break(r);
    r->blocks++;
    break;
  case MD_BLOCK_TD: case MD_BLOCK_TH:
    if (r->out.n && r->out.p[r->out.n - 1] != '\n') xc_buf_puts(&r->out, " | ");
    break;
  default: break;
  }
  return 0;
}

static int leave_block(MD_BLOCKTYPE t, void *detail, void *ud) {
  render *r = ud;
  (void)detail;
  if (t == MD_BLOCK_H && r->in_h1) {
    r->in_h1 = 0;
    r->h1_done = 1;
    r->h1_end = r->out.n;
  }
  if (t != MD_BLOCK_TD && t != MD_BLOCK_TH && t != MD_BLOCK_DOC) para_break(r);
  if (t == MD_BLOCK_HTML) r->html_tag = 0;
  return 0;
}

static int enter_span(MD_SPANTYPE t, void *detail, void *ud) {
  (void)detail;
  if (t == MD_SPAN_IMG) ((render *)ud)->img++;
  return 0;
}

static int leave_span(MD_SPANTYPE t, void *detail, void *ud) {
  (void)detail;
  if (t == MD_SPAN_IMG) ((render *)ud)->img--;
  return 0;
}

/* Named and numeric character references; unknown ones stay as written. */
static void put_entity(xc_buf *b, const char *p, size_t n) {
  static const struct {
    const char *name;
    uint32_t cp;
  } ents[] = {{"&amp;", '&'},      {"&lt;", '<'},       {"&gt;", '>'},
              {"&quot;", '"'},     {"&apos;", '\''},    {"&nbsp;", ' '},
              {"&mdash;", 0x2014}, {"&ndash;", 0x2013}, {"&hellip;", 0x2026},
              {"&lsquo;", 0x2018}, {"&rsquo;", 0x2019}, {"&ldquo;", 0x201C},
              {"&rdquo;", 0x201D}, {"&copy;", 0xA9},    {NULL, 0}};
  if (n > 3 && p[1] == '#') {
    uint32_t cp = 0;
    int hex = p[2] == 'x' || p[2] == 'X';
    for (size_t i = hex ? 3 : 2; i + 1 < n && cp < 0x110000; i++) {
      int c = xc_lower((unsigned char)p[i]);
      cp = cp * (hex ? 16 : 10) +
           (uint32_t)(c >= 'a' ? c - 'a' + 10 : c - '0');
    }
    if (cp == 0 || cp >= 0x110000 || (cp >= 0xD800 && cp < 0xE000)) cp = 0xFFFD;
    xc_utf8_encode(b, cp);
    return;
  }
  for (int i = 0; ents[i].name; i++)
    if (strlen(ents[i].name) == n && memcmp(ents[i].name, p, n) == 0) {
      xc_utf8_encode(b, ents[i].cp);
      return;
    }
  xc_buf_put(b, p, n);
}

/* Raw HTML: keeps the text between tags, drops script and style bodies. */
static void put_html(render *r, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = p[i];
    if (r->html_tag) {
      if (c == '>') r->html_tag = 0;
      continue;
    }
    if (c == '<') {
      size_t k = i + 1;
      int close = k < n && p[k] == '/';
      if (close) k++;
      if (n - k >= 6 && (xc_strncaseeq(p + k, "script", 6) ||
                         xc_strncaseeq(p + k, "style>", 6) ||
                         xc_strncaseeq(p + k, "style ", 6)))
        r->html_skip = !close;
      r->html_tag = 1;
      continue;
    }
    if (!r->html_skip) xc_buf_putc(&r->out, c == '\n' ? ' ' : c);
  }
}

static int on_text(MD_TEXTTYPE t, const MD_CHAR *p, MD_SIZE n, void *ud) {
  render *r = ud;
  if (r->img) return 0;
  switch (t) {
  case MD_TEXT_NULLCHAR: xc_utf8_encode(&r->out, 0xFFFD); break;
  case MD_TEXT_BR: xc_buf_putc(&r->out, '\n'); break;
  case MD_TEXT_SOFTBR: xc_buf_putc(&r->out, ' '); break;
  case MD_TEXT_ENTITY: put_entity(&r->out, p, n); break;
  case MD_TEXT_HTML: put_html(r, p, n); break;
  default: xc_buf_put(&r->out, p, n); break;
  }
  return 0;
}

int xc_extract_markdown(const char *p, size_t n, xc_extracted *out,
                        xc_err *err) {
  (void)err;
  size_t ys = 0, ye = 0, body = front_block(p, n, &ys, &ye);
  if (body && !front_matter(p + ys, ye - ys, out)) {
    /* not YAML after all: the block is part of the text */
    xc_strv_release(&out->authors);
    xc_strv_release(&out->tags);
    body = 0;
  }
  render r;
  memset(&r, 0, sizeof r);
  xc_buf_init(&r.out);
  MD_PARSER parser;
  memset(&parser, 0, sizeof parser);
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = on_text;
  md_parse(p + body, (MD_SIZE)(n - body), &parser, &r);

  /* the leading H1 is the title (or repeats it): not part of the text */
  const char *t = xc_buf_cstr(&r.out);
  size_t tn = r.out.n;
  int cut = 0;
  if (r.h1_done && r.h1_end > r.h1_start) {
    xc_slice h = xc_trim(t + r.h1_start, r.h1_end - r.h1_start);
    if (!out->title) out->title = xc_xstrndup(h.p, h.n);
    char *a = xc_collapse_ws(h.p, h.n);
    if (strcmp(a, out->title) == 0 || !body) cut = 1;
    free(a);
  }
  char *publisher = NULL;
  xc_buf body_text;
  xc_buf_init(&body_text);
  xc_buf_put(&body_text, t, cut ? r.h1_start : tn);
  if (cut) xc_buf_put(&body_text, t + r.h1_end, tn - r.h1_end);
  out->text = xc_text_strip_boilerplate(xc_buf_cstr(&body_text), body_text.n,
                                        &publisher);
  xc_buf_release(&body_text);
  if (publisher && !out->publisher) out->publisher = publisher;
  else free(publisher);
  xc_buf_release(&r.out);
  return 0;
}
