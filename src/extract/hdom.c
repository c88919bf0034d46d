/* hdom.c - one-pass HTML tokenizer and tree builder (see hdom.h). Text runs
 * are found with memchr; tag names are matched against a sorted table of
 * known elements (interned, lower case); a stack of open elements handles
 * implied end tags as HTML5 does for p, li, dt/dd, tr/td/th, option and
 * headings; end tags close the nearest open element of that name within a
 * bounded search, and stray end tags are ignored. */
#define _GNU_SOURCE /* memmem */
#include "hdom.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "entities.inc"

/* ---- known elements ---- */
enum {
  K_VOID = 1 << 0,     /* no content, never pushed */
  K_RAW = 1 << 1,      /* raw text until the matching end tag */
  K_RCDATA = 1 << 2,   /* raw text with character references */
  K_CLOSES_P = 1 << 3, /* a start tag that ends an open <p> */
  K_INLINE = 1 << 4,   /* formatting/phrasing: searched through for <p> */
};

typedef struct {
  const char *name;
  unsigned flags;
} known_tag;

/* sorted by name */
static const known_tag known[] = {
    {"a", K_INLINE},         {"abbr", K_INLINE},      {"address", K_CLOSES_P},
    {"area", K_VOID},        {"article", K_CLOSES_P}, {"aside", K_CLOSES_P},
    {"audio", 0},            {"b", K_INLINE},         {"base", K_VOID},
    {"basefont", K_VOID},    {"bdi", K_INLINE},       {"bdo", K_INLINE},
    {"bgsound", K_VOID},     {"big", K_INLINE},       {"blockquote", K_CLOSES_P},
    {"body", 0},             {"br", K_VOID},          {"button", 0},
    {"canvas", 0},           {"caption", 0},          {"center", K_CLOSES_P},
    {"cite", K_INLINE},      {"code", K_INLINE},      {"col", K_VOID},
    {"colgroup", 0},         {"dd", K_CLOSES_P},      {"del", K_INLINE},
    {"details", K_CLOSES_P}, {"dfn", K_INLINE},       {"dialog", K_CLOSES_P},
    {"dir", K_CLOSES_P},     {"div", K_CLOSES_P},     {"dl", K_CLOSES_P},
    {"dt", K_CLOSES_P},      {"em", K_INLINE},        {"embed", K_VOID},
    {"fieldset", K_CLOSES_P},{"figcaption", K_CLOSES_P}, {"figure", K_CLOSES_P},
    {"font", K_INLINE},      {"footer", K_CLOSES_P},  {"form", K_CLOSES_P},
    {"frame", K_VOID},       {"frameset", 0},         {"h1", K_CLOSES_P},
    {"h2", K_CLOSES_P},      {"h3", K_CLOSES_P},      {"h4", K_CLOSES_P},
    {"h5", K_CLOSES_P},      {"h6", K_CLOSES_P},      {"head", 0},
    {"header", K_CLOSES_P},  {"hgroup", K_CLOSES_P},  {"hr", K_VOID | K_CLOSES_P},
    {"html", 0},             {"i", K_INLINE},         {"iframe", K_RAW},
    {"img", K_VOID},         {"input", K_VOID},       {"ins", K_INLINE},
    {"kbd", K_INLINE},       {"keygen", K_VOID},      {"label", K_INLINE},
    {"legend", 0},           {"li", K_CLOSES_P},      {"link", K_VOID},
    {"main", K_CLOSES_P},    {"map", 0},              {"mark", K_INLINE},
    {"menu", K_CLOSES_P},    {"meta", K_VOID},        {"nav", K_CLOSES_P},
    {"noembed", K_RAW},      {"noframes", K_RAW},     {"noscript", K_RAW},
    {"object", 0},           {"ol", K_CLOSES_P},      {"optgroup", 0},
    {"option", 0},           {"p", K_CLOSES_P},       {"param", K_VOID},
    {"picture", 0},          {"plaintext", K_RAW},    {"pre", K_CLOSES_P},
    {"q", K_INLINE},         {"s", K_INLINE},         {"samp", K_INLINE},
    {"script", K_RAW},       {"section", K_CLOSES_P}, {"select", 0},
    {"small", K_INLINE},     {"source", K_VOID},      {"span", K_INLINE},
    {"strike", K_INLINE},    {"strong", K_INLINE},    {"style", K_RAW},
    {"sub", K_INLINE},       {"summary", K_CLOSES_P}, {"sup", K_INLINE},
    {"svg", 0},              {"table", K_CLOSES_P},   {"tbody", 0},
    {"td", 0},               {"template", K_RAW},     {"textarea", K_RCDATA},
    {"tfoot", 0},            {"th", 0},               {"thead", 0},
    {"time", K_INLINE},      {"title", K_RCDATA},     {"tr", 0},
    {"track", K_VOID},       {"tt", K_INLINE},        {"u", K_INLINE},
    {"ul", K_CLOSES_P},      {"var", K_INLINE},       {"video", 0},
    {"wbr", K_VOID},         {"xmp", K_RAW},
};

#define NKNOWN (sizeof known / sizeof known[0])

/* Open-addressing table from a name hash to known[] index + 1, filled once
 * (tags_init): a tag name costs one short hash and one compare. */
static uint8_t known_slot[512];

static size_t name_hash(const char *s) {
  size_t h = 2166136261u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

static const known_tag *known_lookup(const char *name) {
  for (size_t i = name_hash(name) & 511;; i = (i + 1) & 511) {
    uint8_t k = known_slot[i];
    if (!k) return NULL;
    if (strcmp(known[k - 1].name, name) == 0) return &known[k - 1];
  }
}

static void known_init(void) {
  for (size_t k = 0; k < NKNOWN; k++) {
    size_t i = name_hash(known[k].name) & 511;
    while (known_slot[i]) i = (i + 1) & 511;
    known_slot[i] = (uint8_t)(k + 1);
  }
}

static void tags_init(void);
static pthread_once_t tags_once = PTHREAD_ONCE_INIT;

uint8_t xc_hdom_tag_id(const char *name) {
  pthread_once(&tags_once, tags_init);
  const known_tag *k = known_lookup(name);
  return k ? (uint8_t)(k - known + 1) : 0;
}

/* ---- character references ---- */
static const uint16_t cp1252[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

static int is_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

static const char *entity_lookup(const char *name) {
  size_t lo = 0, hi = sizeof entities / sizeof entities[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(name, entities[mid].name);
    if (c == 0) return entities[mid].utf8;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return NULL;
}

/* Decodes one reference at p (p[0] == '&'); returns bytes consumed or 0. */
static size_t unescape_one(xc_buf *out, const char *p, size_t n) {
  if (n < 3) return 0;
  if (p[1] == '#') {
    size_t i = 2;
    uint32_t cp = 0;
    int hex = i < n && (p[i] == 'x' || p[i] == 'X'), digits = 0;
    if (hex) i++;
    for (; i < n && digits < 8; i++, digits++) {
      unsigned char c = (unsigned char)p[i];
      int v;
      if (c >= '0' && c <= '9') v = c - '0';
      else if (hex && (c | 32) >= 'a' && (c | 32) <= 'f') v = (c | 32) - 'a' + 10;
      else break;
      cp = cp * (hex ? 16 : 10) + (uint32_t)v;
    }
    if (!digits) return 0;
    while (i < n && is_alnum((unsigned char)p[i])) i++; /* over-long numbers */
    if (i < n && p[i] == ';') i++;
    if (cp >= 0x80 && cp < 0xA0) cp = cp1252[cp - 0x80];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    xc_utf8_encode(out, cp);
    return i;
  }
  /* named: "&name;" exactly, else the longest legacy name without ';'
   * that prefixes the run ("&copy2026" is the copyright sign and "2026") */
  size_t k = 1;
  while (k < n && k < 34 && is_alnum((unsigned char)p[k])) k++;
  size_t len = k - 1;
  if (!len) return 0;
  char name[40];
  memcpy(name, p + 1, len);
  if (k < n && p[k] == ';') {
    name[len] = ';', name[len + 1] = 0;
    const char *u = entity_lookup(name);
    if (u) {
      xc_buf_puts(out, u);
      return k + 1;
    }
  }
  for (size_t l = len; l >= 2; l--) {
    name[l] = 0;
    const char *u = entity_lookup(name);
    if (u) {
      xc_buf_puts(out, u);
      return 1 + l;
    }
  }
  return 0;
}

void xc_html_unescape(xc_buf *out, const char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    const char *amp = memchr(p + i, '&', n - i);
    if (!amp) {
      xc_buf_put(out, p + i, n - i);
      return;
    }
    size_t a = (size_t)(amp - p);
    xc_buf_put(out, p + i, a - i);
    size_t used = unescape_one(out, amp, n - a);
    if (!used) {
      xc_buf_putc(out, '&');
      used = 1;
    }
    i = a + used;
  }
}

/* ---- tree building ---- */
typedef struct {
  xc_hdom *dom;
  xc_hnode *stack[XC_HDOM_MAX_DEPTH + 2];
  int top; /* index of the current element */
  xc_buf tmp;
} builder;

static xc_hnode *new_node(builder *b) {
  xc_hnode *n = xc_arena_alloc(&b->dom->arena, sizeof *n);
  memset(n, 0, sizeof *n);
  return n;
}

static void append(xc_hnode *parent, xc_hnode *n) {
  n->parent = parent;
  n->prev = parent->last;
  if (parent->last) parent->last->next = n;
  else parent->first = n;
  parent->last = n;
  n->depth = (uint16_t)(parent->depth + 1);
}

static void add_text(builder *b, const char *p, size_t n, int decode) {
  if (!n) return;
  xc_hnode *cur = b->stack[b->top];
  const char *text;
  size_t len;
  if (decode && memchr(p, '&', n)) {
    xc_buf_clear(&b->tmp);
    xc_html_unescape(&b->tmp, p, n);
    text = b->tmp.p, len = b->tmp.n;
  } else {
    text = p, len = n;
  }
  /* white space only: keep one space (it separates inline words) */
  size_t k = 0;
  while (k < len && xc_is_space((unsigned char)text[k])) k++;
  if (k == len) {
    if (cur->last && !cur->last->name) return; /* already after text */
    text = " ", len = 1;
  }
  if (len > UINT32_MAX) len = UINT32_MAX;
  xc_hnode *t = new_node(b);
  t->text = xc_arena_strndup(&b->dom->arena, text, len);
  t->text_len = (uint32_t)len;
  append(cur, t);
  b->dom->ntext++;
}

static void pop_to(builder *b, int level) {
  if (level >= 1) b->top = level - 1;
}

/* A set of tag ids (scope boundaries for implied end tags). */
typedef struct {
  uint64_t w[4];
} tagset;

static int in_set(const tagset *t, uint8_t id) {
  return id && (t->w[id >> 6] >> (id & 63)) & 1;
}

/* known_lookup as an id, for use inside tags_init (no pthread_once) */
static uint8_t raw_id(const char *name) {
  const known_tag *k = known_lookup(name);
  return k ? (uint8_t)(k - known + 1) : 0;
}

static tagset make_set(const char *const *names) {
  tagset t = {{0, 0, 0, 0}};
  for (int k = 0; names[k]; k++) {
    uint8_t id = raw_id(names[k]);
    t.w[id >> 6] |= (uint64_t)1 << (id & 63);
  }
  return t;
}

static tagset list_scope, dl_scope, row_scope, cell_scope, p_scope;
static uint8_t T_P, T_LI, T_DT, T_DD, T_TR, T_TD, T_TH, T_OPTION, T_BR, T_SCRIPT,
    T_TITLE, T_H1, T_H6;

static void tags_init(void) {
  known_init();
  static const char *const ls[] = {"ul", "ol", "menu", "dir", "table", "div", "body", NULL};
  static const char *const ds[] = {"dl", "table", "div", "body", NULL};
  static const char *const rs[] = {"table", "tbody", "thead", "tfoot", NULL};
  static const char *const cs[] = {"tr", "table", NULL};
  static const char *const ps[] = {"div", "td", "th", "table", "body", "article",
                                   "section", "li", "button", NULL};
  list_scope = make_set(ls), dl_scope = make_set(ds), row_scope = make_set(rs);
  cell_scope = make_set(cs), p_scope = make_set(ps);
  T_P = raw_id("p"), T_LI = raw_id("li");
  T_DT = raw_id("dt"), T_DD = raw_id("dd");
  T_TR = raw_id("tr"), T_TD = raw_id("td");
  T_TH = raw_id("th"), T_OPTION = raw_id("option");
  T_BR = raw_id("br"), T_SCRIPT = raw_id("script");
  T_TITLE = raw_id("title");
  T_H1 = raw_id("h1"), T_H6 = raw_id("h6");
}

/* Index of the nearest open element with this tag id (or, for an unknown
 * tag, this name), searching down from the top but not past a boundary in
 * stop; 0 when none. */
static int find_open(builder *b, uint8_t tag, const char *name,
                     const tagset *stop, int max) {
  for (int i = b->top; i >= 1 && b->top - i < max; i--) {
    const xc_hnode *n = b->stack[i];
    if (tag) {
      if (n->tag == tag) return i;
    } else if (name && !n->tag && n->name[0] == name[0] &&
               strcmp(n->name, name) == 0) {
      return i;
    }
    if (stop && in_set(stop, n->tag)) return 0;
  }
  return 0;
}

static int is_heading(uint8_t t) { return t >= T_H1 && t <= T_H6; }

static void implied_ends(builder *b, uint8_t tag, unsigned flags) {
  int at = 0;
  if (flags & K_CLOSES_P) at = find_open(b, T_P, NULL, &p_scope, 12);
  if (at) pop_to(b, at);
  at = 0;
  if (tag == T_LI) at = find_open(b, T_LI, NULL, &list_scope, 64);
  else if (tag == T_DT || tag == T_DD) {
    at = find_open(b, T_DD, NULL, &dl_scope, 64);
    int at2 = find_open(b, T_DT, NULL, &dl_scope, 64);
    if (at2 > at) at = at2;
  } else if (tag == T_TR) at = find_open(b, T_TR, NULL, &row_scope, 64);
  else if (tag == T_TD || tag == T_TH) {
    at = find_open(b, T_TD, NULL, &cell_scope, 64);
    int at2 = find_open(b, T_TH, NULL, &cell_scope, 64);
    if (at2 > at) at = at2;
  } else if (tag == T_OPTION) at = find_open(b, T_OPTION, NULL, NULL, 4);
  else if (is_heading(tag) && is_heading(b->stack[b->top]->tag)) at = b->top;
  if (at) pop_to(b, at);
}

static int is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Finds the end tag "</name" (case-insensitive) from p; returns its offset
 * or n when absent. */
static size_t find_end_tag(const char *p, size_t n, const char *name) {
  size_t k = strlen(name), i = 0;
  while (i < n) {
    const char *lt = memchr(p + i, '<', n - i);
    if (!lt) return n;
    size_t a = (size_t)(lt - p);
    if (a + 2 + k <= n && p[a + 1] == '/' && xc_strncaseeq(p + a + 2, name, k) &&
        (a + 2 + k == n || !is_alnum((unsigned char)p[a + 2 + k])))
      return a;
    i = a + 1;
  }
  return n;
}

/* Parses attributes from p (just after the tag name) up to '>'. Returns the
 * offset just past '>' (or n) and whether the tag self-closes. */
static size_t parse_attrs(builder *b, const char *p, size_t n, xc_hnode *el,
                          int *self_close) {
  xc_hattr attrs[64];
  int na = 0;
  size_t i = 0;
  *self_close = 0;
  while (i < n) {
    while (i < n && (is_space((unsigned char)p[i]) || p[i] == '/')) {
      if (p[i] == '/' && i + 1 < n && p[i + 1] == '>') *self_close = 1;
      i++;
    }
    if (i >= n) break;
    if (p[i] == '>') {
      i++;
      break;
    }
    size_t ns = i;
    while (i < n && !is_space((unsigned char)p[i]) && p[i] != '>' &&
           p[i] != '=' && !(p[i] == '/' && i + 1 < n && p[i + 1] == '>'))
      i++;
    size_t nlen = i - ns;
    if (!nlen) {
      i++; /* a lone '=' */
      continue;
    }
    while (i < n && is_space((unsigned char)p[i])) i++;
    const char *v = "";
    size_t vlen = 0;
    if (i < n && p[i] == '=') {
      i++;
      while (i < n && is_space((unsigned char)p[i])) i++;
      if (i < n && (p[i] == '"' || p[i] == '\'')) {
        const char *q = memchr(p + i + 1, p[i], n - i - 1);
        size_t e = q ? (size_t)(q - p) : n;
        v = p + i + 1, vlen = e - i - 1;
        i = q ? e + 1 : n;
      } else {
        size_t vs = i;
        while (i < n && !is_space((unsigned char)p[i]) && p[i] != '>') i++;
        v = p + vs, vlen = i - vs;
      }
    }
    if (na < 64 && nlen < 64) {
      char *name = xc_arena_alloc(&b->dom->arena, nlen + 1);
      for (size_t k = 0; k < nlen; k++) name[k] = (char)xc_lower((unsigned char)p[ns + k]);
      name[nlen] = 0;
      int dup = 0;
      for (int k = 0; k < na && !dup; k++)
        dup = attrs[k].name[0] == name[0] && strcmp(attrs[k].name, name) == 0;
      if (!dup) {
        attrs[na].name = name;
        if (memchr(v, '&', vlen)) {
          xc_buf_clear(&b->tmp);
          xc_html_unescape(&b->tmp, v, vlen);
          attrs[na].value = xc_arena_strndup(&b->dom->arena, b->tmp.p, b->tmp.n);
        } else {
          attrs[na].value = xc_arena_strndup(&b->dom->arena, v, vlen);
        }
        na++;
      }
    }
  }
  if (el && na) {
    el->attr = xc_arena_alloc(&b->dom->arena, (size_t)na * sizeof *el->attr);
    memcpy(el->attr, attrs, (size_t)na * sizeof *attrs);
    el->nattr = (uint16_t)na;
  }
  return i;
}

/* Reads a tag name at p into buf (lower case); returns its length. */
static size_t tag_name(const char *p, size_t n, char *buf, size_t cap) {
  size_t k = 0;
  while (k < n && !is_space((unsigned char)p[k]) && p[k] != '>' && p[k] != '/') {
    if (k + 1 < cap) buf[k] = (char)xc_lower((unsigned char)p[k]);
    k++;
  }
  buf[k < cap ? k : cap - 1] = 0;
  return k;
}

void xc_hdom_parse(xc_hdom *dom, const char *p, size_t n) {
  pthread_once(&tags_once, tags_init);
  memset(dom, 0, sizeof *dom);
  builder b;
  b.dom = dom;
  b.top = 0;
  xc_buf_init(&b.tmp);
  xc_hnode *root = new_node(&b);
  root->name = "#document";
  dom->root = root;
  b.stack[0] = root;
  size_t i = 0;
  while (i < n) {
    /* the next '<' that starts markup; a literal '<' stays in the text */
    size_t a = i;
    unsigned char c1 = 0;
    for (;;) {
      const char *lt = memchr(p + a, '<', n - a);
      if (!lt) {
        a = n;
        break;
      }
      a = (size_t)(lt - p);
      c1 = a + 1 < n ? (unsigned char)p[a + 1] : 0;
      if (((c1 | 32) >= 'a' && (c1 | 32) <= 'z') || c1 == '/' || c1 == '!' ||
          c1 == '?')
        break;
      a++;
    }
    add_text(&b, p + i, a - i, 1);
    if (a >= n) break;
    const char *s = p + a;
    size_t r = n - a;
    if (c1 == '!') {
      if (r >= 4 && s[2] == '-' && s[3] == '-') {
        const char *e = r > 4 ? memmem(s + 4, r - 4, "-->", 3) : NULL;
        i = e ? (size_t)(e - p) + 3 : n;
      } else if (r >= 9 && memcmp(s + 2, "[CDATA[", 7) == 0) {
        const char *e = memmem(s + 9, r - 9, "]]>", 3);
        if (e) add_text(&b, s + 9, (size_t)(e - s) - 9, 0);
        i = e ? (size_t)(e - p) + 3 : n;
      } else {
        const char *e = memchr(s, '>', r);
        i = e ? (size_t)(e - p) + 1 : n;
      }
      continue;
    }
    if (c1 == '?') {
      const char *e = memchr(s, '>', r);
      i = e ? (size_t)(e - p) + 1 : n;
      continue;
    }
    char name[64];
    if (c1 == '/') {
      size_t k = tag_name(s + 2, r - 2, name, sizeof name);
      const char *e = memchr(s + 2 + k, '>', r - 2 - k);
      i = e ? (size_t)(e - p) + 1 : n;
      if (!k) continue;
      uint8_t etag = raw_id(name);
      if (etag == T_BR) { /* </br> acts as <br> */
        xc_hnode *el = new_node(&b);
        el->name = known[T_BR - 1].name;
        el->tag = T_BR;
        append(b.stack[b.top], el);
        dom->nelements++;
        continue;
      }
      int at = find_open(&b, etag, name, NULL, 64);
      if (at) pop_to(&b, at);
      continue;
    }
    size_t k = tag_name(s + 1, r - 1, name, sizeof name);
    const known_tag *kt = known_lookup(name);
    unsigned flags = kt ? kt->flags : 0;
    xc_hnode *el = new_node(&b);
    el->name = kt ? kt->name : xc_arena_strndup(&dom->arena, name, strlen(name));
    el->tag = kt ? (uint8_t)(kt - known + 1) : 0;
    int self_close;
    size_t used = parse_attrs(&b, s + 1 + k, r - 1 - k, el, &self_close);
    i = a + 1 + k + used;
    if (kt) implied_ends(&b, el->tag, flags);
    append(b.stack[b.top], el);
    dom->nelements++;
    if (flags & (K_RAW | K_RCDATA)) {
      size_t e = find_end_tag(p + i, n - i, el->name);
      int is_title = el->tag == T_TITLE, cut = 0;
      if (is_title) {
        /* a title holds no markup: one that runs into a tag ends there, as
         * browsers' error recovery effectively does for unclosed titles */
        const char *lt2 = memchr(p + i, '<', e);
        while (lt2) {
          unsigned char c2 = (size_t)(lt2 - p) + 1 < n ? (unsigned char)lt2[1] : 0;
          if (((c2 | 32) >= 'a' && (c2 | 32) <= 'z') || c2 == '/' || c2 == '!') {
            e = (size_t)(lt2 - (p + i));
            cut = 1;
            break;
          }
          lt2 = memchr(lt2 + 1, '<', (size_t)(p + i + e - lt2 - 1));
        }
      }
      /* raw text is kept only where a reader needs it: JSON in scripts
       * (JSON-LD metadata), and RCDATA (title, textarea) */
      int keep = (flags & K_RCDATA) != 0;
      if (!keep && el->tag == T_SCRIPT) {
        const char *type = xc_hdom_attr(el, "type");
        keep = type && strstr(type, "json") != NULL;
      }
      if (e && keep) {
        b.stack[b.top + 1] = el; /* temporarily current for add_text */
        b.top++;
        add_text(&b, p + i, e, (flags & K_RCDATA) != 0);
        b.top--;
      }
      if (cut) { /* the title ended at a tag that is not its own end tag */
        i += e;
        continue;
      }
      i += e;
      const char *gt = i < n ? memchr(p + i, '>', n - i) : NULL;
      i = gt ? (size_t)(gt - p) + 1 : n;
      continue;
    }
    if ((flags & K_VOID) || self_close) continue;
    if (b.top < XC_HDOM_MAX_DEPTH) b.stack[++b.top] = el;
  }
  xc_buf_release(&b.tmp);
}

void xc_hdom_release(xc_hdom *dom) {
  xc_arena_release(&dom->arena);
  memset(dom, 0, sizeof *dom);
}

const char *xc_hdom_attr(const xc_hnode *n, const char *name) {
  for (uint16_t i = 0; i < n->nattr; i++)
    if (strcmp(n->attr[i].name, name) == 0) return n->attr[i].value;
  return NULL;
}

xc_hnode *xc_hdom_next(const xc_hnode *root, const xc_hnode *n,
                       int skip_children) {
  if (!skip_children && n->first) return n->first;
  while (n && n != root) {
    if (n->next) return n->next;
    n = n->parent;
  }
  return NULL;
}
