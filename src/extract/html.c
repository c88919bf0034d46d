/* html.c - main text and metadata of an HTML page. The page is read into
 * the fast hdom tree (hdom.h); one iterative pre-order walk records every
 * element with its parent index and collects metadata (JSON-LD via jansson,
 * OpenGraph and <meta>, <time>, itemprop, rel=author, bylines, headings);
 * reverse passes over that array aggregate text, link text and paragraph
 * text bottom-up, so nothing recurses on DOM depth and all is O(n). The main
 * text follows readability's scoring (paragraph scores spread to ancestors,
 * class/id hints, link density, Readability.js's only-child climb, sibling
 * merging with continuation blocks), then a cleanup drops link-dense and
 * boilerplate blocks, and a line pass drops boilerplate, bylines, repost
 * credits, teaser boxes and everything from a reader-comment section on.
 * Build with -DXC_HTML_DEBUG and set XC_HTML_DEBUG=1 to see the scoring. */
#include "extract.h"
#include "hdom.h"

#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- tags ---- */
enum {
  F_DROP = 1 << 0,   /* no text, no score (script, nav, ...) */
  F_BLOCK = 1 << 1,  /* starts a new line */
  F_PARA = 1 << 2,   /* scored as a paragraph */
  F_HEAD = 1 << 3,   /* h1..h6 */
  F_LIST = 1 << 4,   /* ul, ol, dl */
  F_LI = 1 << 5,
  F_A = 1 << 6,
  F_BR = 1 << 7,
  F_IMG = 1 << 8,
  F_INPUT = 1 << 9,
  F_CELL = 1 << 10,  /* td, th */
  F_PRE = 1 << 11,
  F_EMBED = 1 << 12,
  F_P = 1 << 13,     /* a real <p> */
  F_SOFT = 1 << 15,  /* dropped unless its class says it is the article */
  F_TITLE = 1 << 14, /* <title>: its own text is not body text, but broken
                        pages nest the whole body in it */
};

typedef struct {
  const char *name;
  unsigned flags;
  int base; /* readability's initial score by tag */
} tag_info;

/* sorted by name for bsearch */
static const tag_info tags[] = {
    {"a", F_A, 0},
    {"address", F_BLOCK, -3},
    {"applet", F_DROP, 0},
    {"area", F_DROP, 0},
    {"article", F_BLOCK, 8},
    {"aside", F_DROP | F_SOFT | F_BLOCK, 0},
    {"audio", F_DROP, 0},
    {"blockquote", F_BLOCK | F_PARA, 3},
    {"body", F_BLOCK, 0},
    {"br", F_BR, 0},
    {"button", F_DROP, 0},
    {"canvas", F_DROP, 0},
    {"caption", F_BLOCK, 0},
    {"center", F_BLOCK, 0},
    {"dd", F_BLOCK, -3},
    {"details", F_BLOCK, 0},
    {"dialog", F_DROP | F_BLOCK, 0},
    {"dir", F_BLOCK | F_LIST, -3},
    {"div", F_BLOCK, 5},
    {"dl", F_BLOCK | F_LIST, -3},
    {"dt", F_BLOCK, -3},
    {"embed", F_DROP | F_EMBED, 0},
    {"fieldset", F_BLOCK, 0},
    {"figcaption", F_DROP | F_BLOCK, 0},
    {"figure", F_BLOCK, 0},
    {"footer", F_DROP | F_SOFT | F_BLOCK, 0},
    {"form", F_BLOCK, -3},
    {"frame", F_DROP, 0},
    {"frameset", F_DROP, 0},
    {"h1", F_BLOCK | F_HEAD, -5},
    {"h2", F_BLOCK | F_HEAD, -5},
    {"h3", F_BLOCK | F_HEAD, -5},
    {"h4", F_BLOCK | F_HEAD, -5},
    {"h5", F_BLOCK | F_HEAD, -5},
    {"h6", F_BLOCK | F_HEAD, -5},
    {"head", 0, 0},
    {"header", F_DROP | F_SOFT | F_BLOCK, 0},
    {"hr", F_BLOCK, 0},
    {"iframe", F_DROP, 0},
    {"img", F_IMG, 0},
    {"input", F_DROP | F_INPUT, 0},
    {"label", F_DROP, 0},
    {"legend", F_DROP, 0},
    {"li", F_BLOCK | F_LI, -3},
    {"link", F_DROP, 0},
    {"main", F_BLOCK, 5},
    {"map", F_DROP, 0},
    {"menu", F_DROP | F_BLOCK, 0},
    {"meta", F_DROP, 0},
    {"nav", F_DROP | F_BLOCK, 0},
    {"noscript", F_DROP, 0},
    {"object", F_DROP | F_EMBED, 0},
    {"ol", F_BLOCK | F_LIST, -3},
    {"option", F_DROP, 0},
    {"p", F_BLOCK | F_PARA | F_P, 0},
    {"param", F_DROP, 0},
    {"picture", F_IMG, 0},
    {"pre", F_BLOCK | F_PARA | F_PRE, 3},
    {"script", F_DROP, 0},
    {"section", F_BLOCK, 0},
    {"select", F_DROP | F_INPUT, 0},
    {"source", F_DROP, 0},
    {"style", F_DROP, 0},
    {"summary", F_BLOCK, 0},
    {"svg", F_DROP, 0},
    {"table", F_BLOCK, 0},
    {"tbody", F_BLOCK, 0},
    {"td", F_BLOCK | F_PARA | F_CELL, 3},
    {"template", F_DROP, 0},
    {"textarea", F_DROP | F_INPUT, 0},
    {"tfoot", F_BLOCK, 0},
    {"th", F_BLOCK | F_CELL, -5},
    {"thead", F_BLOCK, 0},
    {"title", F_TITLE, 0},
    {"tr", F_BLOCK, 0},
    {"ul", F_BLOCK | F_LIST, -3},
    {"video", F_DROP, 0},
};

static int tag_cmp(const void *k, const void *e) {
  return strcmp((const char *)k, ((const tag_info *)e)->name);
}

static const tag_info *tag_lookup(const char *name) {
  char low[16];
  size_t i = 0;
  for (; name[i] && i < sizeof low - 1; i++) low[i] = (char)xc_lower(name[i]);
  if (name[i]) return NULL;
  low[i] = 0;
  return bsearch(low, tags, sizeof tags / sizeof tags[0], sizeof tags[0],
                 tag_cmp);
}

/* tags[] by hdom tag id, and the ids of the elements the walk singles out
 * (-1 when hdom does not know the name, which matches no node); filled
 * once by tables_init, with char_class. */
static const tag_info *tag_by_id[256];
/* xc_text_chars: what a byte is */
enum { C_COUNTS = 1, C_COMMA = 2, C_C2 = 4, C_NUL = 8 };
static unsigned char char_class[256];
static int T_BODY, T_HTML, T_META, T_TITLE, T_SCRIPT, T_LINK, T_TIME, T_H1,
    T_H2, T_H3;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static int known_id(const char *name) {
  uint8_t id = xc_hdom_tag_id(name);
  return id ? id : -1;
}

static void meta_names_init(void);

static void tables_init(void) {
  meta_names_init();
  for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
    uint8_t id = xc_hdom_tag_id(tags[i].name);
    if (id) tag_by_id[id] = &tags[i];
  }
  T_BODY = known_id("body"), T_HTML = known_id("html");
  T_META = known_id("meta"), T_TITLE = known_id("title");
  T_SCRIPT = known_id("script"), T_LINK = known_id("link");
  T_TIME = known_id("time"), T_H1 = known_id("h1");
  T_H2 = known_id("h2"), T_H3 = known_id("h3");
  for (int ch = 0; ch < 256; ch++) {
    int space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f';
    char_class[ch] = (unsigned char)((space || (ch & 0xC0) == 0x80 ? 0 : C_COUNTS) |
                                     (ch == ',' ? C_COMMA : 0) | (ch == 0xC2 ? C_C2 : 0) |
                                     (ch == 0 ? C_NUL : 0));
  }
}

/* The tag_info of element n, or NULL: by id for names hdom knows (its
 * known names are the only ones with an id), by name otherwise. */
static const tag_info *node_tag(const xc_hnode *n) {
  return n->tag ? tag_by_id[n->tag] : tag_lookup(n->name);
}

/* Memo of class/id strings already judged, by their 64-bit hash: pages
 * repeat a few names, and pages of one site the same ones. It outlives the
 * page (one per thread): class_hints is a pure function of the string. */
typedef struct {
  uint64_t h;
  signed char weight; /* -25, 0 or 25 */
  unsigned char unlikely, hidden, title_cls, byline_cls, used;
} hint_memo;
#define HINT_MEMO 4096 /* entries, a power of two */
static _Thread_local hint_memo hint_memo_tab[HINT_MEMO];

/* ---- per element record ---- */
/* Character counts: a page has fewer than 2^31 bytes (xc_extract_html),
 * so they fit; products of them are taken in size_t. */
typedef uint32_t count_t;
typedef struct {
  xc_hnode *node;
  double score;
  int parent;          /* index, -1 for the root */
  int end;             /* index after the subtree */
  int weight;          /* class/id weight */
  uint16_t flags;
  signed char base;    /* tag score */
  unsigned char unlikely, hidden, in_a, excl, scored;
  unsigned char title_cls, byline_cls; /* class/id names a headline, byline */
  count_t own_text, own_link, own_commas; /* direct text children */
  count_t text, link, commas;             /* subtree, excluded parts left out */
  count_t itext, ilink, icommas;          /* inline text: not under a block */
  count_t ptext;                          /* text of good paragraphs inside */
  count_t all;                            /* subtree text, nothing excluded */
  unsigned np, nimg, nli, ninput, nembed, nhead;
} rec;

typedef struct {
  rec *r;
  size_t n, cap;
  /* metadata candidates */
  char *title_tag, *h1[4];
  int nh1;
  xc_strv heads;     /* h1-h3 and class "title"/"headline" texts */
  int *heads_at;     /* their element indexes */
  int probes;        /* small_text calls from metadata hunting */
  size_t min_para;   /* characters that make a block a paragraph */
  char *og_title, *tw_title, *og_site, *og_url, *canonical, *description;
  char *lang, *meta_lang;
  char *ld_headline, *ld_date, *ld_body, *ld_site;
  char *meta_date, *time_date, *itemprop_date;
  xc_strv ld_authors, meta_authors, prop_authors, byline_authors, tags;
  char *byline_text;
  xc_arena scratch; /* attribute values copied as C strings (attr_str) */
  const char *page; /* the page, page_n bytes: hdom's text points into it */
  size_t page_n;
  struct para_t *paras; /* score's lists, nlist records long */
  int *cand;
  size_t nlist;
} ctx;

/* Attribute id of n, decoded, as a C string that lives as long as c, or
 * NULL. */
static const char *attr_str(ctx *c, const xc_hnode *n, int id) {
  const xc_hattr *a = xc_hdom_attr_id(n, (uint8_t)id);
  if (!a) return NULL;
  if (!a->refs) return xc_arena_strndup(&c->scratch, a->value, a->len);
  xc_buf b;
  xc_buf_init(&b);
  xc_hdom_attr_text(a, &b);
  char *s = xc_arena_strndup(&c->scratch, xc_buf_cstr(&b), b.n);
  xc_buf_release(&b);
  return s;
}

static void set_once(char **dst, const char *s) {
  if (*dst || !s) return;
  char *c = xc_collapse_ws(s, strlen(s));
  if (!*c) {
    free(c);
    return;
  }
  *dst = c;
}

/* Attribute id (XC_A_*) of n, or NULL. */
static const xc_hattr *attr(const xc_hnode *n, int id) {
  return xc_hdom_attr_id(n, (uint8_t)id);
}

/* Is attribute a exactly s? */
static int attr_is(const xc_hattr *a, const char *s) {
  size_t l = strlen(s);
  return a->len == l && memcmp(a->value, s, l) == 0;
}

/* Is attribute a s, ignoring ASCII case? */
static int attr_case_is(const xc_hattr *a, const char *s) {
  size_t l = strlen(s);
  return a->len == l && xc_strncaseeq(a->value, s, l);
}

/* Text of a small element, iteratively, at most max bytes; caller frees. */
static char *small_text(xc_hnode *root, size_t max) {
  xc_buf b;
  xc_buf_init(&b);
  xc_hnode *n = root->first;
  size_t steps = 0;
  /* the blank text nodes of XC_HSPACE_* are visited as nodes were (they
   * count as steps): 1 while the one before n is due, 2 for n's last */
  int blank = n && (n->space & XC_HSPACE_BEFORE);
  while (n && b.n < max && ++steps < 5000) {
    if (blank) {
      xc_buf_putc(&b, ' ');
      int before = blank == 1;
      blank = 0;
      if (before) continue; /* n itself next */
    } else if (!n->name) {
      xc_buf_put(&b, n->text, n->text_len);
    } else {
      const tag_info *t = node_tag(n);
      if (t && (t->flags & (F_BLOCK | F_BR))) xc_buf_putc(&b, ' ');
      if (!(t && (t->flags & F_DROP))) {
        if (n->first) {
          n = n->first;
          blank = (n->space & XC_HSPACE_BEFORE) != 0;
          continue;
        }
        if (n->space & XC_HSPACE_END) {
          blank = 2;
          continue;
        }
      }
    }
    /* up to the next node; the root's last blank would only add a
     * trailing space */
    while (n && !n->next) {
      n = n->parent;
      if (n == root) n = NULL;
      else if (n->space & XC_HSPACE_END) blank = 2;
      if (blank) break;
    }
    if (blank) continue;
    if (n) {
      n = n->next;
      blank = (n->space & XC_HSPACE_BEFORE) != 0;
    }
  }
  char *c = xc_collapse_ws(b.p ? b.p : "", b.n);
  xc_buf_release(&b);
  return c;
}

/* ---- class / id hints ---- */
static const char *const neg_sub[] = {
    "comment", "footer", "footnote", "sidebar", "related", "share", "social",
    "menu", "promo", "advert", "newsletter", "subscribe", "widget",
    "breadcrumb", "author-bio", "authorbio", "masthead", "outbrain", "taboola",
    "sponsor", "shopping", "skyscraper", "banner", "combx", "shoutbox",
    "popup", "cookie", "gdpr", "disqus", "recommend", "trending", "popular",
    "most-read", "mostread", "signup", "sign-up", "pagination", "pager",
    "toolbar", "tool-bar", "print", "navbar", "navigation", "caption",
    "credit", "byline", "dateline", "timestamp", "hidden", "modal", "rss",
    "login", "register", "teaser", "more-stories", "morestories", "headline",
    "copyright", "legal", "about-author", "author-info", "author-box",
    "authorbox", "author-profile", "secondary", "slideshow", "carousel", "profile", NULL};
static const char *const neg_tok[] = {"nav", "ad", "ads", "tags", "tag",
                                      "meta", "foot", "extra", "hid", "bio",
                                      "share", "follow", "wp-caption-text",
                                      "top", "header", "links", "author", "module", NULL};
static const char *const pos_sub[] = {
    "article", "content", "entry", "post", "story", "text", "blog",
    "hentry", "main", "body", NULL};
static const char *const unlikely_sub[] = {
    "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community",
    "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends",
    "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
    "pagination", "pager", "popup", "yom-remote", "outbrain", "taboola",
    "cookie", NULL};
/* unlikely names of reader-comment threads: never the article, even when
 * the strict pass found little (a photo post with a long thread below) */
static const char *const comment_sub[] = {"comment", "disqus", "dsq-", "replies",
                                          "shoutbox", "remark", NULL};
static const char *const maybe_sub[] = {"article", "body", "column", "content",
                                        "main", "shadow", "story", "entry",
                                        "post", "text", NULL};

static int has_tok(const char *s, size_t n, const char *tok) {
  size_t l = strlen(tok);
  for (size_t i = 0; i + l <= n; i++) {
    if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '-' && s[i - 1] != '_') continue;
    if (memcmp(s + i, tok, l) != 0) continue;
    if (i + l == n || s[i + l] == ' ' || s[i + l] == '-' || s[i + l] == '_')
      return 1;
  }
  return 0;
}

/* The attributes the walk looks at, found in one pass: at[id] for the
 * ids XC_A_CLASS .. XC_A_STYLE, NULL when absent. */
#define WALK_ATTRS XC_A_STYLE
typedef struct {
  const xc_hattr *at[WALK_ATTRS + 1];
} node_attrs;

static void attrs_of(const xc_hnode *n, node_attrs *a) {
  memset(a, 0, sizeof *a);
  for (uint16_t i = 0; i < n->nattr; i++) {
    unsigned id = n->attr[i].id;
    if (id && id <= WALK_ATTRS) a->at[id] = &n->attr[i];
  }
}

#ifdef __SSE2__
/* The 16 bytes at p, ASCII capitals in lower case, stored at out. */
static inline void lower16(const char *p, char *out) {
  __m128i c = _mm_loadu_si128((const __m128i *)(const void *)p);
  __m128i up = _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8('A' - 1)),
                             _mm_cmplt_epi8(c, _mm_set1_epi8('Z' + 1)));
  c = _mm_or_si128(c, _mm_and_si128(up, _mm_set1_epi8(0x20)));
  _mm_storeu_si128((__m128i *)(void *)out, c);
}
#endif

/* Byte c in lower case at buf[*k], kept (*k moves on) unless a space:
 * written either way, so that no branch depends on the byte. */
static inline void put_unspaced(char *buf, size_t *k, char c) {
  buf[*k] = (char)xc_lower((unsigned char)c);
  *k += c != ' ';
}

/* s[0..l) lower-cased and without its spaces (' ') into buf, cut to cap - 1
 * bytes and NUL-terminated. Style values have few spaces: 16 bytes
 * without one are copied in one step, those with one byte by byte. */
static void lower_unspaced(const char *s, size_t l, char *buf, size_t cap) {
  size_t i = 0, k = 0;
#ifdef __SSE2__
  while (i + 16 <= l && k + 16 < cap) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
    if (!_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')))) {
      lower16(s + i, buf + k);
      i += 16, k += 16;
      continue;
    }
    for (size_t e = i + 16; i < e; i++) put_unspaced(buf, &k, s[i]);
  }
#endif
  for (; i < l && k < cap - 1; i++) put_unspaced(buf, &k, s[i]);
  buf[k] = 0;
}

/* Lower-cased "class id" into buf (truncated); returns its length. */
static size_t class_id_of(const xc_hattr *cls, const xc_hattr *id, char *buf, size_t cap) {
  size_t k = 0;
  const xc_hattr *names[2] = {cls, id};
  for (int j = 0; j < 2; j++) {
    if (!names[j]) continue;
    if (k && k < cap - 1) buf[k++] = ' ';
    const char *v = names[j]->value;
    size_t l = strnlen(v, names[j]->len < cap - 1 - k ? names[j]->len : cap - 1 - k);
    size_t i = 0;
#ifdef __SSE2__
    /* 16 bytes at a time: values are long lists of class names */
    for (; i + 16 <= l; i += 16) lower16(v + i, buf + k + i);
#endif
    for (; i < l; i++) buf[k + i] = (char)xc_lower((unsigned char)v[i]);
    k += l;
  }
  buf[k] = 0;
  return k;
}

static size_t class_id(const xc_hnode *n, char *buf, size_t cap) {
  return class_id_of(attr(n, XC_A_CLASS), attr(n, XC_A_ID), buf, cap);
}

/* Bytes of the "class id" text hints judges (class_id_of's cap). */
#define CLASS_MAX 256

static void class_hints(const char *buf, size_t k, rec *r);

static void hints(const node_attrs *a, rec *r) {
  const xc_hattr *ip = a->at[XC_A_ITEMPROP];
  if (ip && xc_memcasemem(ip->value, ip->len, "articlebody")) r->weight += 50;
  const xc_hattr *role = a->at[XC_A_ROLE];
  if (role && (attr_is(role, "navigation") || attr_is(role, "complementary") ||
               attr_is(role, "banner") || attr_is(role, "contentinfo") ||
               attr_is(role, "menu") || attr_is(role, "dialog")))
    r->hidden = 1;
  const xc_hattr *ca = a->at[XC_A_CLASS], *ia = a->at[XC_A_ID];
  const char *cls = ca ? ca->value : "", *id = ia ? ia->value : "";
  size_t lc = ca ? ca->len : 0, li = ia ? ia->len : 0;
  if (!lc && !li) return; /* no "class id" text */
  /* the memo key is the raw pair: equal pairs make equal "class id" text,
   * which is only built (lower-cased) when the memo misses */
  uint64_t h = xc_hash64(cls, lc, 0);
  if (li) h = xc_hash64(id, li, h);
  hint_memo *m = &hint_memo_tab[(h >> 7) & (HINT_MEMO - 1)];
  if (!m->used || m->h != h) {
    char buf[CLASS_MAX];
    size_t k = class_id_of(ca, ia, buf, sizeof buf);
    rec t;
    memset(&t, 0, sizeof t);
    class_hints(buf, k, &t);
    m->used = 1, m->h = h, m->weight = (signed char)t.weight, m->unlikely = t.unlikely,
    m->hidden = t.hidden, m->title_cls = t.title_cls, m->byline_cls = t.byline_cls;
  }
  r->weight += m->weight;
  r->unlikely |= m->unlikely;
  r->hidden |= m->hidden;
  r->title_cls = m->title_cls;
  r->byline_cls = m->byline_cls;
}

/* All substring lists in one automaton: one pass over the class/id text
 * says which lists occur in it. */
enum { G_NEG = 1, G_POS = 2, G_UNLIKELY = 4, G_MAYBE = 8, G_COMMENT = 16,
       G_TITLE = 32, G_BYLINE = 64, G_BIO = 128 };
static pthread_once_t hint_once = PTHREAD_ONCE_INIT;

/* An Aho-Corasick automaton, made a full table: bytes that occur in no
 * pattern share class 0 (back to the start), the others get a class each;
 * out[s] is the groups of every pattern that ends in state s (a suffix of
 * what was read). Matching is one table step per byte. */
#define AC_STATES 1024
#define AC_CLASSES 32
typedef struct {
  uint16_t next[AC_STATES][AC_CLASSES];
  uint32_t out[AC_STATES];
  unsigned char cls[256];
  unsigned nstates, nclasses;
} hint_dfa;
static hint_dfa hint_ac;

/* Adds pattern s (bytes) with its groups to the trie of d. */
static void dfa_add(hint_dfa *d, const char *s, uint32_t groups) {
  unsigned st = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (!d->cls[*p]) d->cls[*p] = (unsigned char)d->nclasses++;
    unsigned c = d->cls[*p];
    if (!d->next[st][c]) d->next[st][c] = (uint16_t)d->nstates++;
    st = d->next[st][c];
    if (d->nstates >= AC_STATES || d->nclasses >= AC_CLASSES) {
      fputs("html.c: class/id hint lists outgrow the automaton\n", stderr);
      abort();
    }
  }
  d->out[st] |= groups;
}

/* Turns the trie into the full automaton: breadth first, a missing edge
 * takes the edge of the longest proper suffix (the failure state), whose
 * row is already complete. */
static void dfa_build(hint_dfa *d) {
  uint16_t queue[AC_STATES], fail[AC_STATES] = {0};
  size_t head = 0, tail = 0;
  for (unsigned c = 0; c < d->nclasses; c++)
    if (d->next[0][c]) queue[tail++] = d->next[0][c];
  while (head < tail) {
    unsigned st = queue[head++];
    d->out[st] |= d->out[fail[st]];
    for (unsigned c = 0; c < d->nclasses; c++) {
      unsigned t = d->next[st][c];
      if (t) {
        fail[t] = d->next[fail[st]][c];
        queue[tail++] = (uint16_t)t;
      } else {
        d->next[st][c] = d->next[fail[st]][c];
      }
    }
  }
}

/* OR of the groups of all patterns occurring in s[0..n). */
static uint32_t dfa_match(const hint_dfa *d, const char *s, size_t n) {
  unsigned st = 0;
  uint32_t m = 0;
  for (size_t i = 0; i < n; i++) {
    st = d->next[st][d->cls[(unsigned char)s[i]]];
    m |= d->out[st];
  }
  return m;
}

/* Bits of a word of a class/id string: a negative token, "author", a
 * whole class name that hides the element. */
enum { W_NEG = 1, W_AUTHOR = 2, W_HIDE = 4 };
typedef struct {
  const char *s;
  unsigned char len, bits;
} hint_word;

/* A set of short words bucketed by length: a lookup compares only the
 * words of the right length. */
#define WORD_MAX 24 /* longest word */
#define WORD_SET_MAX 40
typedef struct {
  hint_word w[WORD_SET_MAX];
  unsigned char at[WORD_MAX + 2]; /* length l: w[at[l] .. at[l + 1]) */
} word_set;

/* Fills s with the n words of list (each at most WORD_MAX bytes). */
static void word_set_build(word_set *s, const hint_word *list, size_t n) {
  size_t k = 0;
  for (size_t l = 0; l <= WORD_MAX; l++) {
    s->at[l] = (unsigned char)k;
    for (size_t i = 0; i < n; i++)
      if (list[i].len == l && k < WORD_SET_MAX) s->w[k++] = list[i];
  }
  s->at[WORD_MAX + 1] = (unsigned char)k;
}

/* Bits of p[0..n) when it is a word of s, else 0. */
static unsigned word_set_bits(const word_set *s, const char *p, size_t n) {
  if (n > WORD_MAX) return 0;
  for (unsigned i = s->at[n]; i < s->at[n + 1]; i++)
    if (!memcmp(s->w[i].s, p, n)) return s->w[i].bits;
  return 0;
}

static word_set tok_set;  /* neg_tok words without a separator, "author" */
static word_set hide_set; /* whole class names that hide an element */
static const char *neg_multi[WORD_SET_MAX + 1]; /* the other neg_tok */

static void hint_init(void) {
  static const char *const title_sub[] = {"title", "headline", NULL};
  static const char *const byline_sub[] = {"byline", "author-name", "authorname", NULL};
  static const char *const bio_sub[] = {"bio", NULL};
  const struct {
    const char *const *list;
    uint32_t groups;
  } lists[] = {{neg_sub, G_NEG},         {pos_sub, G_POS},     {unlikely_sub, G_UNLIKELY},
               {maybe_sub, G_MAYBE},     {comment_sub, G_COMMENT}, {title_sub, G_TITLE},
               {byline_sub, G_BYLINE},   {bio_sub, G_BIO}};
  hint_ac.nstates = hint_ac.nclasses = 1; /* state 0 starts, class 0 is "other" */
  for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
    for (int k = 0; lists[l].list[k]; k++) dfa_add(&hint_ac, lists[l].list[k], lists[l].groups);
  dfa_build(&hint_ac);
  /* a word part equal to a token is what has_tok finds, for tokens
   * without a separator inside */
  hint_word tw[WORD_SET_MAX];
  size_t nw = 0, nm = 0;
  for (int j = 0; neg_tok[j] && nw + nm < WORD_SET_MAX - 1; j++) {
    if (strpbrk(neg_tok[j], " -_")) neg_multi[nm++] = neg_tok[j];
    else tw[nw++] = (hint_word){neg_tok[j], (unsigned char)strlen(neg_tok[j]), W_NEG};
  }
  size_t j = 0;
  while (j < nw && strcmp(tw[j].s, "author")) j++;
  if (j == nw) tw[nw++] = (hint_word){"author", 6, 0};
  tw[j].bits |= W_AUTHOR;
  word_set_build(&tok_set, tw, nw);
#define HW(w) {w, sizeof w - 1, W_HIDE}
  static const hint_word hide[] = {
      HW("hidden"), HW("hide"), HW("hiddenbox"), HW("is-hidden"), HW("d-none"),
      HW("visually-hidden"), HW("sr-only"), HW("screen-reader-text")};
#undef HW
  word_set_build(&hide_set, hide, sizeof hide / sizeof hide[0]);
}

/* What one word of a class/id string (no ' ' inside) says: the lists
 * found in it (G_* groups), its W_* bits, and W_MULTI when it holds
 * a neg_tok with a separator inside. No list entry holds a space, so a
 * string says what its words say together. */
enum { W_MULTI = 8 };
/* Bits of bytes of a class/id string (at most CLASS_MAX bytes): bit i of
 * w[i / 64] stands for byte i. Words and their parts are found by bit
 * scans, not byte by byte: a loop per byte mispredicts at each word's
 * end. */
typedef struct {
  uint64_t w[CLASS_MAX / 64];
} byte_map;

/* The first offset in [from, end) whose bit in m is set (set) or clear
 * (!set), or end. */
static size_t map_next(const byte_map *m, size_t from, size_t end, int set) {
  for (size_t i = from; i < end; i = (i | 63) + 1) {
    uint64_t w = m->w[i >> 6] ^ (set ? 0 : ~0ull);
    w &= ~0ull << (i & 63);
    if (w) {
      size_t at = (i & ~(size_t)63) + (size_t)__builtin_ctzll(w);
      return at < end ? at : end;
    }
  }
  return end;
}

/* Sets space to the spaces of buf[0..k) and sep to its '-' and '_';
 * buf has CLASS_MAX bytes (k < CLASS_MAX), read 16 at a time (a multiple
 * of 16: no block crosses its end). */
static void byte_maps(const char *buf, size_t k, byte_map *space, byte_map *sep) {
  memset(space, 0, sizeof *space);
  memset(sep, 0, sizeof *sep);
  for (size_t i = 0; i < k; i += 16) {
    uint64_t sp, sp2;
#ifdef __SSE2__
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(buf + i));
    sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
    sp2 = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')),
                                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('_'))));
#else
    sp = sp2 = 0;
    for (size_t j = 0; j < 16; j++) {
      sp |= (uint64_t)(buf[i + j] == ' ') << j;
      sp2 |= (uint64_t)(buf[i + j] == '-' || buf[i + j] == '_') << j;
    }
#endif
    if (k - i < 16) { /* the bytes past k are not the string's */
      uint64_t in = ((uint64_t)1 << (k - i)) - 1;
      sp &= in, sp2 &= in;
    }
    space->w[i >> 6] |= sp << (i & 63);
    sep->w[i >> 6] |= sp2 << (i & 63);
  }
}

/* What the word buf[a..e) says (see class_hints); sep maps the '-' and
 * '_' of buf. */
static uint32_t word_hints(const char *buf, size_t a, size_t e, const byte_map *sep,
                           unsigned *bits) {
  const char *p = buf + a;
  size_t n = e - a;
  unsigned b = word_set_bits(&hide_set, p, n);
  for (size_t i = a; i < e;) {
    size_t j = map_next(sep, i, e, 1);
    if (j > i) b |= word_set_bits(&tok_set, buf + i, j - i);
    i = j + 1;
  }
  for (int j = 0; !(b & W_MULTI) && neg_multi[j]; j++)
    if (has_tok(p, n, neg_multi[j])) b |= W_MULTI;
  *bits = b;
  return dfa_match(&hint_ac, p, n);
}

/* Memo of word_hints by the word's hash (one per thread, like the string
 * memo): a miss of the string memo mostly repeats known words ("post",
 * "entry") next to a new one ("post-4711"). */
typedef struct {
  uint64_t h;
  uint32_t m;
  unsigned char bits, used;
} word_memo;
#define WORD_MEMO 2048 /* entries, a power of two */
static _Thread_local word_memo word_memo_tab[WORD_MEMO];

static void class_hints(const char *buf, size_t k, rec *r) {
  pthread_once(&hint_once, hint_init);
  uint32_t m = 0;
  unsigned bits = 0;
  byte_map space, sep;
  byte_maps(buf, k, &space, &sep);
  for (size_t i = map_next(&space, 0, k, 0); i < k;) {
    size_t w = map_next(&space, i, k, 1);
    uint64_t h = xc_hash64(buf + i, w - i, 0);
    word_memo *e = &word_memo_tab[(h >> 7) & (WORD_MEMO - 1)];
    if (!e->used || e->h != h) {
      unsigned wb;
      e->m = word_hints(buf, i, w, &sep, &wb);
      e->h = h, e->bits = (unsigned char)wb, e->used = 1;
    }
    m |= e->m, bits |= e->bits;
    i = map_next(&space, w, k, 0);
  }
  r->title_cls = (m & G_TITLE) != 0;
  r->byline_cls = ((m & G_BYLINE) || (bits & W_AUTHOR)) && !(m & G_BIO);
  int neg = (m & G_NEG) || (bits & (W_NEG | W_MULTI)), pos = (m & G_POS) != 0;
  if (neg) r->weight -= 25;
  if (pos) r->weight += 25;
  if ((m & G_UNLIKELY) && !(m & G_MAYBE))
    r->unlikely = (m & G_COMMENT) ? 3 : 1;
  if (bits & W_HIDE) r->hidden = 1;
}

static int is_hidden(const node_attrs *at) {
  if (at->at[XC_A_HIDDEN]) return 1;
  if (at->at[XC_A_ARIA_HIDDEN] && attr_is(at->at[XC_A_ARIA_HIDDEN], "true")) return 1;
  const xc_hattr *st = at->at[XC_A_STYLE];
  if (st) {
    const char *s = st->value;
    size_t l = strnlen(s, st->len);
    char buf[128];
    lower_unspaced(s, l, buf, sizeof buf);
    if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden"))
      return 1;
  }
  return 0;
}

/* ---- JSON-LD ---- */
static int ld_is_article(json_t *t) {
  static const char *const kinds[] = {"article", "newsarticle", "blogposting",
                                      "reportagenewsarticle", "analysisnewsarticle",
                                      "opinionnewsarticle", "backgroundnewsarticle",
                                      "reviewnewsarticle", "liveblogposting",
                                      "webpage", "socialmediaposting", NULL};
  if (json_is_array(t)) {
    size_t i;
    json_t *v;
    int best = 0;
    json_array_foreach(t, i, v) {
      int k = ld_is_article(v);
      if (k > best) best = k;
    }
    return best;
  }
  if (!json_is_string(t)) return 0;
  const char *s = json_string_value(t);
  for (int k = 0; kinds[k]; k++)
    if (!strcasecmp(s, kinds[k])) return strcmp(kinds[k], "webpage") ? 2 : 1;
  return 0;
}

static void ld_names(json_t *a, xc_strv *out, int depth) {
  if (depth > 3 || !a) return;
  if (json_is_string(a)) {
    const char *s = json_string_value(a);
    xc_authors_from_byline(s, strlen(s), out);
  } else if (json_is_object(a)) {
    ld_names(json_object_get(a, "name"), out, depth + 1);
  } else if (json_is_array(a)) {
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) ld_names(v, out, depth + 1);
  }
}

static const char *jstr(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  if (json_is_array(v) && json_array_size(v)) v = json_array_get(v, 0);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static void ld_visit(ctx *c, json_t *v, int depth) {
  if (depth > 6 || !v) return;
  if (json_is_array(v)) {
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) ld_visit(c, e, depth + 1);
    return;
  }
  if (!json_is_object(v)) return;
  int kind = ld_is_article(json_object_get(v, "@type"));
  if (kind == 2 || (kind == 1 && json_object_get(v, "headline"))) {
    set_once(&c->ld_headline, jstr(v, "headline"));
    set_once(&c->ld_date, jstr(v, "datePublished"));
    set_once(&c->ld_date, jstr(v, "dateCreated"));
    if (!c->ld_authors.n) ld_names(json_object_get(v, "author"), &c->ld_authors, 0);
    if (kind == 2) {
      const char *body = jstr(v, "articleBody");
      if (body && !c->ld_body) c->ld_body = xc_xstrdup(body);
      json_t *pub = json_object_get(v, "publisher");
      if (json_is_object(pub)) set_once(&c->ld_site, jstr(pub, "name"));
    }
  }
  ld_visit(c, json_object_get(v, "@graph"), depth + 1);
  ld_visit(c, json_object_get(v, "mainEntity"), depth + 1);
}

static void ld_parse(ctx *c, xc_hnode *script) {
  xc_buf b;
  xc_buf_init(&b);
  for (xc_hnode *t = script->first; t; t = t->next)
    if (!t->name) xc_buf_put(&b, t->text, t->text_len);
  if (b.n) {
    json_error_t je;
    json_t *root = json_loadb(b.p, b.n, JSON_DECODE_ANY, &je);
    if (root) {
      ld_visit(c, root, 0);
      json_decref(root);
    }
  }
  xc_buf_release(&b);
}

/* ---- <meta> ---- */
/* What a <meta> name says (meta_tag), by name: one binary search instead
 * of comparing against every name in turn. */
enum { M_OG_TITLE = 1, M_TW_TITLE, M_OG_SITE, M_OG_URL, M_DESC, M_LANG, M_DATE,
       M_AUTHOR, M_TAGS };
typedef struct {
  const char *name; /* lower case */
  int what;         /* M_* */
} meta_name;

static meta_name meta_names[] = {
    {"og:title", M_OG_TITLE}, {"twitter:title", M_TW_TITLE},
    {"og:site_name", M_OG_SITE}, {"og:url", M_OG_URL},
    {"description", M_DESC}, {"og:description", M_DESC},
    {"content-language", M_LANG}, {"og:locale", M_LANG}, {"language", M_LANG},
    {"dc.language", M_LANG},
    {"article:published_time", M_DATE}, {"og:published_time", M_DATE},
    {"og:article:published_time", M_DATE}, {"datepublished", M_DATE},
    {"date", M_DATE}, {"pubdate", M_DATE}, {"publishdate", M_DATE},
    {"publish-date", M_DATE}, {"publish_date", M_DATE}, {"dc.date", M_DATE},
    {"dc.date.issued", M_DATE}, {"dcterms.created", M_DATE},
    {"dcterms.date", M_DATE}, {"dc.date.created", M_DATE},
    {"sailthru.date", M_DATE}, {"parsely-pub-date", M_DATE},
    {"article.published", M_DATE}, {"article_date_original", M_DATE},
    {"publication_date", M_DATE}, {"original-publish-date", M_DATE},
    {"displaydate", M_DATE}, {"cxenseparse:recs:publishtime", M_DATE},
    {"article:published", M_DATE}, {"pub_date", M_DATE}, {"date.release", M_DATE},
    {"citation_publication_date", M_DATE}, {"creation_date", M_DATE},
    {"og:pubdate", M_DATE}, {"dc.date.published", M_DATE},
    {"author", M_AUTHOR}, {"article:author", M_AUTHOR}, {"parsely-author", M_AUTHOR},
    {"sailthru.author", M_AUTHOR}, {"dc.creator", M_AUTHOR}, {"byl", M_AUTHOR},
    {"dcterms.creator", M_AUTHOR}, {"twitter:creator:name", M_AUTHOR},
    {"citation_author", M_AUTHOR},
    {"article:tag", M_TAGS}, {"keywords", M_TAGS}, {"news_keywords", M_TAGS},
    {"parsely-tags", M_TAGS},
};
#define NMETA (sizeof meta_names / sizeof meta_names[0])

/* strcasecmp orders lower-case names as strcmp does: sorted once by
 * tables_init, searched with strcasecmp */
static int meta_sort_cmp(const void *a, const void *b) {
  return strcmp(((const meta_name *)a)->name, ((const meta_name *)b)->name);
}

static int meta_find_cmp(const void *k, const void *e) {
  return strcasecmp(k, ((const meta_name *)e)->name);
}

static void meta_names_init(void) {
  qsort(meta_names, NMETA, sizeof *meta_names, meta_sort_cmp);
}

static int meta_what(const char *k) {
  const meta_name *m = bsearch(k, meta_names, NMETA, sizeof *meta_names, meta_find_cmp);
  return m ? m->what : 0;
}

static void meta_tag(ctx *c, xc_hnode *n) {
  const char *k = attr_str(c, n, XC_A_PROPERTY);
  if (!k) k = attr_str(c, n, XC_A_NAME);
  if (!k) k = attr_str(c, n, XC_A_ITEMPROP);
  if (!k) k = attr_str(c, n, XC_A_HTTP_EQUIV);
  const char *v = attr_str(c, n, XC_A_CONTENT);
  if (!k || !v || !*v) return;
  switch (meta_what(k)) {
  case M_OG_TITLE: set_once(&c->og_title, v); break;
  case M_TW_TITLE: set_once(&c->tw_title, v); break;
  case M_OG_SITE: set_once(&c->og_site, v); break;
  case M_OG_URL: set_once(&c->og_url, v); break;
  case M_DESC: set_once(&c->description, v); break;
  case M_LANG: set_once(&c->meta_lang, v); break;
  case M_DATE: set_once(&c->meta_date, v); break;
  case M_AUTHOR:
    if (!strstr(v, "://") && c->meta_authors.n < 8)
      xc_authors_from_byline(v, strlen(v), &c->meta_authors);
    break;
  case M_TAGS:
    for (const char *s = v; *s && c->tags.n < 64;) {
      const char *e = strchr(s, ',');
      size_t l = e ? (size_t)(e - s) : strlen(s);
      xc_slice t = xc_trim(s, l);
      if (t.n && t.n < 80) {
        char *tt = xc_xstrndup(t.p, t.n);
        xc_strv_push_unique(&c->tags, tt);
        free(tt);
      }
      s += l + (e ? 1 : 0);
    }
    break;
  }
}

/* ---- pass 1: record elements, collect metadata ---- */
#ifdef __SSE2__
/* The lanes of v that xc_text_chars does not count: white space but for \v
 * (\t \n \f \r are 9..13) and UTF-8 continuation bytes (80..BF, the
 * signed bytes below -64). */
static inline __m128i skip_lanes(__m128i v) {
  const __m128i t = _mm_sub_epi8(v, _mm_set1_epi8(9));
  __m128i ctl = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(11)),
                                 _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(4)), t));
  return _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)),
                                   _mm_cmpeq_epi8(v, _mm_set1_epi8(' '))),
                      ctl);
}

/* The lanes of v that need xc_text_chars' slow path: C2 (an NBSP's first
 * byte) and NUL. */
static inline __m128i rare_lanes(__m128i v) {
  return _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)),
                      _mm_cmpeq_epi8(v, _mm_setzero_si128()));
}

/* xc_text_chars over whole 16-byte blocks of p[0..n): sets *skipped to the
 * spaces and UTF-8 continuation bytes among them, adds their commas to
 * *commas and returns the blocks' length; *seen gets C_C2 or C_NUL when a
 * block holds that byte. Lane counters are summed every 255 blocks, before
 * a byte lane can overflow. */
static size_t text_blocks(const unsigned char *p, size_t n, size_t *skipped,
                          size_t *commas, unsigned *seen) {
  const __m128i comma = _mm_set1_epi8(','), zero = _mm_setzero_si128();
  size_t i = 0;
  __m128i rare = zero;
  while (i + 16 <= n) {
    __m128i skip = zero, com = zero;
    for (int b = 0; b < 255 && i + 16 <= n; b++, i += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
      skip = _mm_sub_epi8(skip, skip_lanes(v));
      com = _mm_sub_epi8(com, _mm_cmpeq_epi8(v, comma));
      rare = _mm_or_si128(rare, rare_lanes(v));
    }
    __m128i s1 = _mm_sad_epu8(skip, zero), s2 = _mm_sad_epu8(com, zero);
    *skipped += (size_t)_mm_cvtsi128_si32(s1) + (size_t)_mm_extract_epi16(s1, 4);
    *commas += (size_t)_mm_cvtsi128_si32(s2) + (size_t)_mm_extract_epi16(s2, 4);
  }
  if (_mm_movemask_epi8(rare)) *seen |= C_C2 | C_NUL; /* looked for below */
  return i;
}

/* Set bits of a 16-bit mask. */
static inline unsigned bits16(unsigned m) {
  m = m - ((m >> 1) & 0x5555);
  m = (m & 0x3333) + ((m >> 2) & 0x3333);
  m = (m + (m >> 4)) & 0x0F0F;
  return (m + (m >> 8)) & 0x1F;
}

/* The last n < 16 bytes of a text as one vector step, where 16 bytes are
 * readable at p: adds the characters to *k and commas to *com. Returns 0,
 * adding nothing, when they hold a C2 or a NUL (the slow path's). */
static inline int text_tail16(const unsigned char *p, size_t n, size_t *k, size_t *com) {
  __m128i v = _mm_loadu_si128((const __m128i *)p);
  unsigned in = (1u << n) - 1;
  if ((unsigned)_mm_movemask_epi8(rare_lanes(v)) & in) return 0;
  unsigned counts = ~(unsigned)_mm_movemask_epi8(skip_lanes(v)) & in;
  unsigned commas = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(','))) & in;
  *k += bits16(counts), *com += bits16(commas);
  return 1;
}
#endif

/* Characters of s[0..n) (s[n] readable), up to a NUL, that are not white
 * space; adds its commas to *commas. A byte counts unless it is a space or
 * a UTF-8 continuation byte, a NBSP (C2 A0) not at all. One pass over the
 * bytes (16 at a time where SSE2 is there, the class table for the rest,
 * or one more vector step where avail >= n bytes readable at s allow);
 * the rare NBSPs and NULs are then found by memchr only when the pass saw
 * one. */
size_t xc_text_chars(const char *s, size_t n, size_t avail, size_t *commas) {
  const unsigned char *p = (const unsigned char *)s;
  size_t k = 0, i = 0, com = 0;
  unsigned seen = 0;
#ifdef __SSE2__
  size_t skipped = 0;
  i = text_blocks(p, n, &skipped, &com, &seen);
  k = i - skipped;
  if (i < n && avail >= i + 16 && text_tail16(p + i, n - i, &k, &com)) i = n;
#else
  (void)avail;
#endif
  for (; i < n; i++) {
    unsigned v = char_class[p[i]];
    k += v & C_COUNTS;
    com += (v & C_COMMA) != 0;
    seen |= v;
  }
  if ((seen & C_NUL) && memchr(s, 0, n)) {
    size_t m = strnlen(s, n);
    return xc_text_chars(s, m, m, commas);
  }
  *commas += com;
  if (seen & C_C2)
    for (const char *q = memchr(s, 0xC2, n); q; q = memchr(q + 1, 0xC2, (size_t)(s + n - q - 1)))
      k -= (unsigned char)q[1] == 0xA0;
  return k;
}

/* small_text for metadata hunting, bounded in count so that nested markup
 * cannot make the walk quadratic; NULL once the budget is spent. */
static char *probe_text(ctx *c, xc_hnode *n, size_t max) {
  if (c->probes >= 600) return NULL;
  c->probes++;
  return small_text(n, max);
}

static void on_element(ctx *c, xc_hnode *n, rec *r, const node_attrs *na) {
  int tag = n->tag;
  if (tag == T_META) {
    meta_tag(c, n);
    return;
  }
  if (tag == T_HTML) {
    set_once(&c->lang, attr_str(c, n, XC_A_LANG));
    set_once(&c->lang, attr_str(c, n, XC_A_XML_LANG));
    return;
  }
  if (tag == T_TITLE) {
    if (!c->title_tag) { /* own text only: broken pages nest the body */
      xc_buf b;
      xc_buf_init(&b);
      for (xc_hnode *t = n->first; t && b.n < 1000; t = t->next) {
        /* a blank (XC_HSPACE_*) as its own step; the last one would
         * only add a trailing space */
        if ((t->space & XC_HSPACE_BEFORE) && (xc_buf_putc(&b, ' '), b.n >= 1000)) break;
        if (!t->name) xc_buf_put(&b, t->text, t->text_len);
      }
      c->title_tag = xc_collapse_ws(xc_buf_cstr(&b), b.n);
      xc_buf_release(&b);
      if (!*c->title_tag) {
        free(c->title_tag);
        c->title_tag = NULL;
      }
    }
    return;
  }
  if (tag == T_SCRIPT) {
    const xc_hattr *t = attr(n, XC_A_TYPE);
    if (t && xc_memcasemem(t->value, t->len, "ld+json")) ld_parse(c, n);
    return;
  }
  if (tag == T_LINK) {
    const xc_hattr *rel = attr(n, XC_A_REL);
    if (rel && attr_case_is(rel, "canonical"))
      set_once(&c->canonical, attr_str(c, n, XC_A_HREF));
    return;
  }
  if (tag == T_H1 && c->nh1 < 4 && !r->hidden) {
    char *t = probe_text(c, n, 600);
    if (t && *t) c->h1[c->nh1++] = t;
    else free(t);
  }
  if (tag == T_TIME) {
    const char *d = attr_str(c, n, XC_A_DATETIME);
    if (!d) d = attr_str(c, n, XC_A_CONTENT);
    set_once(&c->time_date, d);
  }
  /* attributes any element may carry */
  const xc_hattr *ip = na->at[XC_A_ITEMPROP];
  if (ip) {
    if (attr_case_is(ip, "datePublished")) {
      const char *d = attr_str(c, n, XC_A_CONTENT);
      if (!d) d = attr_str(c, n, XC_A_DATETIME);
      if (d) set_once(&c->itemprop_date, d);
      else if (!c->itemprop_date) c->itemprop_date = probe_text(c, n, 200);
    } else if (attr_case_is(ip, "author") || attr_case_is(ip, "creator")) {
      if (c->prop_authors.n < 8) {
        const char *v = attr_str(c, n, XC_A_CONTENT);
        char *t = v ? xc_xstrdup(v) : NULL;
        if (!t) t = probe_text(c, n, 300);
        if (t) xc_authors_from_byline(t, strlen(t), &c->prop_authors);
        free(t);
      }
    }
  }
  const xc_hattr *rel = na->at[XC_A_REL];
  if (rel && has_tok(rel->value, strnlen(rel->value, rel->len), "author") &&
      c->prop_authors.n < 8) {
    char *t = probe_text(c, n, 300);
    if (t) xc_authors_from_byline(t, strlen(t), &c->prop_authors);
    free(t);
  }
  int hn = tag == T_H1 || tag == T_H2 || tag == T_H3;
  if ((hn || r->title_cls) && c->heads.n < 200 && !r->hidden) {
    char *t = probe_text(c, n, 400);
    if (t && strlen(t) >= 4 && strlen(t) < 300) {
      if (!c->heads_at) c->heads_at = xc_xmalloc(200 * sizeof *c->heads_at);
      c->heads_at[c->heads.n] = (int)c->n;
      xc_strv_push(&c->heads, t);
    }
    free(t);
  }
  if (r->byline_cls && c->byline_authors.n < 8) {
    char *t = probe_text(c, n, 400);
    if (t && *t && strlen(t) < 300) {
      xc_authors_from_byline(t, strlen(t), &c->byline_authors);
      if (!c->byline_text) c->byline_text = xc_xstrdup(t);
    }
    free(t);
  }
}

/* Closes record i, whose subtree is all recorded: sets its subtree text
 * (all, nothing excluded) and the index after its subtree (end), what
 * score needs whatever the pass, and adds its text to its parent's.
 * Done as the walk leaves an element, not in passes of their own over
 * the records: those outgrow the L1 cache. Returns i's parent. */
static int close_span(ctx *c, int i) {
  rec *e = &c->r[i];
  e->all += e->own_text;
  e->end = (int)c->n;
  if (e->parent >= 0) c->r[e->parent].all += e->all;
  return e->parent;
}

/* Bytes readable at the text of text node t: to the end of the page when
 * it points into the page, else its own. */
static size_t readable(const ctx *c, const xc_hnode *t) {
  uintptr_t at = (uintptr_t)t->text, page = (uintptr_t)c->page;
  return at >= page && at - page < c->page_n ? c->page_n - (at - page) : t->text_len;
}

static void record(ctx *c, xc_hnode *root) {
  xc_hnode *n = root;
  int parent = -1;
  while (n) {
    int descend = 0;
    if (n->name) {
      if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 1024;
        c->r = xc_xrealloc(c->r, c->cap * sizeof *c->r);
      }
      rec *r = &c->r[c->n];
      const tag_info *t = node_tag(n);
      /* only what record reads and the spans it closes: score sets the
       * rest */
      r->node = n, r->parent = parent, r->weight = 0;
      r->all = 0, r->end = (int)c->n + 1;
      r->unlikely = r->hidden = r->in_a = r->title_cls = r->byline_cls = 0;
      r->own_text = r->own_link = r->own_commas = 0;
      r->flags = t ? (uint16_t)t->flags : 0;
      r->base = t ? (signed char)t->base : 0;
      if (parent >= 0) r->in_a = c->r[parent].in_a;
      if (r->flags & F_A) r->in_a = 1;
      node_attrs na;
      attrs_of(n, &na);
      hints(&na, r);
      if ((r->flags & F_SOFT) && r->weight > 0) r->flags &= ~(unsigned)F_DROP;
      if (is_hidden(&na)) r->hidden = 1;
      if (n->tag == T_BODY || n->tag == T_HTML)
        r->unlikely = r->hidden = 0, r->weight = 0;
      on_element(c, n, r, &na);
      descend = n->first != NULL;
      if (descend) parent = (int)c->n;
      c->n++;
    } else if (parent >= 0 &&
               !(c->r[parent].flags & F_TITLE) &&
               (c->r[parent].flags & (F_DROP | F_SOFT)) != F_DROP) {
      rec *p = &c->r[parent];
      size_t commas = 0;
      /* most text nodes are the single space hdom keeps for white space
       * between tags: it counts nothing, and needs no call */
      int blank = n->text_len == 1 && n->text[0] == ' ';
      size_t k = blank ? 0 : xc_text_chars(n->text, n->text_len, readable(c, n), &commas);
      p->own_text += k;
      p->own_commas += commas;
      if (p->in_a) p->own_link += k;
    }
    if (descend) {
      n = n->first;
      continue;
    }
    /* going up: parent is the record of n->parent (every element has
     * one), so the record of the element above is its parent; each
     * element left has its whole subtree recorded */
    while (n && n != root && !n->next) {
      n = n->parent;
      if (n) parent = close_span(c, parent);
    }
    if (!n || n == root) break;
    n = n->next;
  }
}

#ifdef XC_HTML_DEBUG
#include <stdio.h>
static void dbg_path(const ctx *c, int i, char *buf, size_t cap) {
  int chain[64], k = 0;
  for (int a = i; a >= 0 && k < 64; a = c->r[a].parent) chain[k++] = a;
  size_t o = 0;
  buf[0] = 0;
  while (k-- > 0 && o + 2 < cap) {
    char cls[96];
    const xc_hnode *n = c->r[chain[k]].node;
    class_id(c->r[chain[k]].node, cls, sizeof cls);
    o += (size_t)snprintf(buf + o, cap - o, "%s%s%s%s", o ? ">" : "", n->name,
                          *cls ? "." : "", cls);
    if (o >= cap) o = cap - 1;
  }
}
static void dbg_rec(const ctx *c, const char *what, int i) {
  char path[1024];
  dbg_path(c, i, path, sizeof path);
  const rec *e = &c->r[i];
  fprintf(stderr, "%s [%d] score=%.1f w=%d text=%u link=%u ptext=%u np=%u excl=%d unl=%d %s\n",
          what, i, e->score, e->weight, e->text, e->link, e->ptext, e->np, e->excl, e->unlikely,
          path + (strlen(path) > 300 ? strlen(path) - 300 : 0));
}
#define DBG(...) dbg_rec(__VA_ARGS__)
#else
#define DBG(...) ((void)0)
#endif

/* ---- scoring ---- */
static double link_density(const rec *r) {
  return r->text ? (double)r->link / (double)r->text : 0.0;
}

/* Is e paragraph-like (a <p>, or a block's own inline text) with enough
 * text that is not mostly links? Sets its length, link length, commas. */
static int para_len(const rec *e, size_t *len, size_t *lnk, size_t *com, size_t min_para) {
  if (e->flags & F_PARA) *len = e->text, *lnk = e->link, *com = e->commas;
  else if ((e->flags & F_BLOCK) && !(e->flags & (F_HEAD | F_LIST | F_LI)))
    *len = e->itext, *lnk = e->ilink, *com = e->icommas;
  else if ((e->flags & F_LI) && e->itext >= 100 && (size_t)e->ilink * 4 <= e->itext)
    *len = e->itext, *lnk = e->ilink, *com = e->icommas; /* an item of prose */
  else return 0;
  return *len >= min_para && *lnk * 2 <= *len;
}

static int is_body(const rec *e) {
  int t = e->node->tag;
  return e->parent < 0 || t == T_BODY || t == T_HTML;
}

/* As Readability.js does: a parent that holds the winner as its only
 * element child takes its place, so that text the parent holds directly (a
 * paragraph cut in two by a heading the parser closed it at) and the
 * parent's siblings are read too. */
static int refine_top(ctx *c, int best) {
  rec *r = c->r;
  for (int a = r[best].parent; a >= 0 && !is_body(&r[a]) && !r[a].excl; a = r[a].parent) {
    int kids = 0;
    for (const xc_hnode *k = r[a].node->first; k && kids < 2; k = k->next) kids += k->name != NULL;
    if (kids != 1) break;
    best = a;
  }
  return best;
}

/* A paragraph found by score's bottom-up pass: its record and the score
 * it spreads to its ancestors. */
typedef struct para_t {
  int at;
  double s;
} para_t;

/* Sets what score aggregates to e's own values and whether e is excluded
 * (its parent's excl already set); page is the page's text. */
static void score_init(rec *e, const rec *r, int strict, size_t page) {
  int drop = (e->flags & F_DROP) && !((e->flags & F_SOFT) && (size_t)e->all * 2 > page);
  e->excl = drop || e->hidden || (strict && e->unlikely) || (e->unlikely & 2);
  if (e->parent >= 0 && r[e->parent].excl) e->excl = 1;
  e->text = e->own_text;
  e->link = e->own_link;
  e->commas = e->own_commas;
  e->itext = e->own_text;
  e->ilink = e->own_link;
  e->icommas = e->own_commas;
  e->ptext = 0;
  e->np = (e->flags & F_P) ? 1 : 0;
  e->nimg = (e->flags & F_IMG) ? 1 : 0;
  e->nli = (e->flags & F_LI) ? 1 : 0;
  e->ninput = (e->flags & F_INPUT) ? 1 : 0;
  e->nembed = (e->flags & F_EMBED) ? 1 : 0;
  e->nhead = (e->flags & F_HEAD) ? 1 : 0;
  e->score = 0;
  e->scored = 0;
}

/* Adds e's (complete) aggregates to its parent p's. */
static void score_add(const rec *e, rec *p) {
  p->ptext += e->ptext;
  p->text += e->text;
  p->link += e->link;
  p->commas += e->commas;
  p->np += e->np;
  p->nimg += e->nimg;
  p->nli += e->nli;
  p->ninput += e->ninput;
  p->nembed += e->nembed;
  p->nhead += e->nhead;
  if (!(e->flags & (F_BLOCK | F_PARA))) {
    p->itext += e->itext;
    p->ilink += e->ilink;
    p->icommas += e->icommas;
  }
}

/* Spreads the score of paragraph e (record at) to its ancestors, noting
 * each ancestor scored for the first time in cand (*ncand of them). */
static void spread(rec *r, int at, double s, int *cand, size_t *ncand) {
  int a = r[at].parent;
  for (int lvl = 0; a >= 0 && lvl < 5; lvl++, a = r[a].parent) {
    rec *an = &r[a];
    if (!an->scored) {
      an->scored = 1;
      an->score = an->base + an->weight;
      cand[(*ncand)++] = a;
    }
    an->score += s / (lvl == 0 ? 1.0 : lvl == 1 ? 2.0 : lvl * 3.0);
  }
}

/* Excludes, aggregates and scores; strict also drops unlikely candidates.
 * Returns the best candidate's index or -1. Two passes over the records
 * (they outgrow the L1 cache): down for exclusion, up for the aggregates,
 * which also lists the paragraphs; scores then spread from that list in
 * document order (the order of the sums: doubles) and the best is found
 * among the records scored. */
static int score(ctx *c, int strict) {
  rec *r = c->r;
  /* header/aside/footer hold the article when a page leaves them open */
  size_t page = c->n ? r[0].all : 0;
  for (size_t i = 0; i < c->n; i++) score_init(&r[i], r, strict, page);
  if (c->nlist < c->n) {
    free(c->paras), free(c->cand);
    c->paras = xc_xmalloc(c->n * sizeof *c->paras);
    c->cand = xc_xmalloc(c->n * sizeof *c->cand);
    c->nlist = c->n;
  }
  size_t npara = 0, ncand = 0;
  for (size_t i = c->n; i-- > 1;) {
    rec *e = &r[i];
    if (e->parent < 0) continue;
    rec *p = &r[e->parent];
    if (e->excl) {
      if (e->flags & F_INPUT) p->ninput++;
      continue;
    }
    size_t len, lnk, com;
    if (para_len(e, &len, &lnk, &com, c->min_para)) {
      if (e->flags & F_PARA) e->ptext = len;
      else e->ptext += len;
      /* e is complete here: what the spread of its score needs */
      double s = 1.0 + (double)com + (double)(len / 100 < 3 ? len / 100 : 3);
      c->paras[npara++] = (para_t){(int)i, s};
    }
    score_add(e, p);
  }
  /* paragraphs spread their score to ancestors, in document order */
  while (npara--) spread(r, c->paras[npara].at, c->paras[npara].s, c->cand, &ncand);
  int best = -1;
  double bs = 0;
  for (size_t k = 0; k < ncand; k++) {
    int i = c->cand[k];
    rec *e = &r[i];
    if (e->excl) continue;
    e->score *= 1.0 - link_density(e);
    /* a class name alone does not make a few words the article */
    if (e->ptext < 250) e->score *= (double)(e->ptext + 50) / 300.0;
    /* the first in document order of the best: candidates come in the
     * order they were first scored */
    if (best < 0 || e->score > bs || (e->score == bs && i < best)) best = i, bs = e->score;
  }
#ifdef XC_HTML_DEBUG
  if (getenv("XC_HTML_DEBUG"))
    for (size_t i = 0; i < c->n; i++)
      if (r[i].scored && !r[i].excl && r[i].score >= bs * 0.25) dbg_rec(c, "cand", (int)i);
#endif
  if (best >= 0) best = refine_top(c, best);
  return best;
}

/* ---- output ---- */
typedef struct {
  xc_buf b;
} out_t;

static void nl(xc_buf *b) {
  if (b->n && b->p[b->n - 1] != '\n') xc_buf_putc(b, '\n');
}

/* Appends text s[0..n) (up to a NUL) with runs of white space (and NBSP)
 * as one space, no space at the start of a line; pre keeps newlines.
 * Writes straight into b, which never grows by more than n. */
static void put_text(xc_buf *b, const char *s, size_t n, int pre) {
  if (!n) return;
  xc_buf_reserve(b, n);
  char *start = b->p, *o = b->p + b->n;
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  while (p < end) {
#ifdef __SSE2__
    /* the bytes before the first space, control byte or C2 (an NBSP's
     * first byte) go as they are, 16 at a time: o is never ahead of p, so
     * the store stays within the n bytes reserved */
    if (end - p >= 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
      __m128i plain = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)),
                                       _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x21)), v));
      unsigned stop = ~(unsigned)_mm_movemask_epi8(plain) & 0xFFFF;
      _mm_storeu_si128((__m128i *)(void *)o, v);
      size_t k = stop ? (size_t)__builtin_ctz(stop) : 16;
      o += k, p += k;
      if (k == 16) continue;
    }
#endif
    unsigned char ch = *p++;
    if (!ch) break;
    if (ch > ' ' && ch != 0xC2) { /* most bytes: neither space nor NBSP */
      *o++ = (char)ch;
      continue;
    }
    int sp = ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\n';
    if (pre && ch == '\n') {
      *o++ = '\n';
      continue;
    }
    if (ch == 0xC2 && p < end && *p == 0xA0) sp = 1, p++;
    if (sp) {
      if (o > start && o[-1] != ' ' && o[-1] != '\n') *o++ = ' ';
      continue;
    }
    *o++ = (char)ch;
  }
  b->n = (size_t)(o - start);
  b->p[b->n] = 0;
}

/* Readability's conditional clean: is this block inside the content junk? */
static int junk_block(const rec *e, const rec *root) {
  if (!(e->flags & (F_BLOCK | F_PARA))) return 0;
  if ((size_t)e->text * 2 > root->text) return 0; /* most of the chosen text */
  if (e->weight < 0 && e->text < 2000 && e->ptext < 200) return 1;
  if (e->flags & (F_P | F_PRE)) return link_density(e) > 0.8 && e->text < 200;
  if (e->flags & F_HEAD) return e->weight < 0 || link_density(e) > 0.33;
  if (!(e->flags & (F_BLOCK))) return 0;
  if (e->commas >= 10 || e->ptext >= 300) return 0;
  double ld = link_density(e);
  int list = (e->flags & F_LIST) != 0;
  if (e->nli > e->np + 3 && !list && ld > 0.2) return 1;
  if (e->ninput > 1 && e->ninput * 3 > e->np) return 1;
  if (list && ld > 0.4) return 1;
  if (e->weight < 25 && ld > 0.33 && e->text < 1000) return 1;
  if (e->weight >= 25 && ld > 0.5) return 1;
  if (e->nembed > 0 && e->text < 75) return 1;
  return 0;
}

/* The " " of a blank text node (XC_HSPACE_*) whose parent has record
 * cur, as emit writes a text node. */
static void put_blank(const ctx *c, xc_buf *b, int cur) {
  unsigned pf = cur >= 0 ? c->r[cur].flags : 0;
  if (!(pf & F_TITLE)) put_text(b, " ", 1, (pf & F_PRE) != 0);
}

/* Writes the text of element top's subtree into b. Records are in
 * document order, so the walk keeps record indexes as it goes instead of
 * looking nodes up: the next element is the next record, or the one after
 * a skipped subtree (rec.end, set by record); text takes its parent's. */
static void emit(ctx *c, xc_buf *b, int top) {
  xc_hnode *root = c->r[top].node;
  const rec *rt = &c->r[top];
  xc_hnode *n = root;
  int next = top; /* record of the next element in document order */
  int cur = -1;   /* record of n's parent */
  nl(b);
  while (n) {
    int descend = 0;
    if ((n->space & XC_HSPACE_BEFORE) && n != root) put_blank(c, b, cur);
    if (n->name) {
      int at = next;
      rec *e = &c->r[at];
      if (!e->excl && (n == root || !junk_block(e, rt))) {
        if (e->flags & F_BR) xc_buf_putc(b, '\n');
        else if (e->flags & F_CELL) xc_buf_putc(b, ' ');
        else if (e->flags & F_BLOCK) nl(b);
        descend = n->first != NULL;
        if (!descend && (n->space & XC_HSPACE_END)) put_blank(c, b, at);
        if (!descend && (e->flags & F_BLOCK)) nl(b);
      }
      next = descend ? at + 1 : e->end;
      if (descend) cur = at;
    } else {
      unsigned pf = cur >= 0 ? c->r[cur].flags : 0;
      if (!(pf & F_TITLE)) put_text(b, n->text, n->text_len, (pf & F_PRE) != 0);
    }
    if (descend) {
      n = n->first;
      continue;
    }
    while (n && n != root && !n->next) {
      n = n->parent;
      if (n->space & XC_HSPACE_END) put_blank(c, b, cur);
      if (c->r[cur].flags & F_BLOCK) nl(b);
      cur = c->r[cur].parent;
    }
    if (!n || n == root) break;
    n = n->next;
  }
  nl(b);
}

/* Is sibling block e more of the story t: paragraphs of text without links
 * (an article split over two wrappers, a "read more" part)? Before the
 * winner only a link-free block of some length counts (a standfirst); a
 * block without <p> that is bigger than half the winner is a column. */
static int continues_story(const rec *e, const rec *t, int after) {
  if (e->weight < 0 || (e->flags & (F_P | F_HEAD)) || e->ninput) return 0;
  if (!after && (e->link || e->ptext < 150)) return 0;
  size_t pt = e->ptext;
  return pt >= 100 && pt * 8 >= t->ptext && (e->np || pt * 2 <= t->ptext) &&
         pt * 10 >= (size_t)e->text * 7 &&
         link_density(e) < 0.1;
}

/* Picks the best candidate and its article-like siblings into b. */
static void main_text(ctx *c, int best, xc_buf *b) {
  rec *r = c->r;
  rec *t = &r[best];
  int par = t->parent;
  if (par < 0) {
    emit(c, b, best);
    return;
  }
  DBG(c, "top", best);
  double thr = t->score * 0.2;
  if (thr < 10) thr = 10;
  char tcls[256];
  class_id(t->node, tcls, sizeof tcls);
  int after = 0;
  /* the element children of par, in order: records are in document
   * order, and each child's subtree ends where the next child starts */
  for (int i = par + 1; i < r[par].end; i = r[i].end) {
    xc_hnode *s = r[i].node;
    rec *e = &r[i];
    if (e->excl) continue;
    int take = i == best;
    if (take) after = 1;
    if (!take) {
      double bonus = 0;
      char cls[256];
      if (class_id(s, cls, sizeof cls) && !strcmp(cls, tcls)) bonus = t->score * 0.2;
      if (e->scored && e->score + bonus >= thr && link_density(e) < 0.2 &&
          (bonus > 0 || (size_t)e->ptext * 4 >= t->ptext || e->score * 2 >= t->score))
        take = 1;
      else if (continues_story(e, t, after))
        take = 1;
      else if (e->flags & F_P) {
        double ld = link_density(e);
        if (e->text > 80 && ld < 0.25) take = 1;
        else if (e->text > 0 && e->text <= 80 && ld == 0) {
          char *tx = small_text(s, 400);
          size_t l = strlen(tx);
          if (l && (tx[l - 1] == '.' || strstr(tx, ". "))) take = 1;
          free(tx);
        }
      }
    }
    DBG(c, take ? "  take" : "  skip", i);
    if (take) emit(c, b, i);
  }
}

static size_t words(const char *s, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) w++;
  return w;
}

/* ---- lines: boilerplate and repost credits ---- */
static int boiler_line(const char *p, size_t n) {
  if (n > 120) return 0;
  char low[128];
  size_t k = 0;
  for (size_t i = 0; i < n && k < sizeof low - 1; i++) {
    unsigned char ch = (unsigned char)p[i];
    if (ch == ':' || ch == '.' || ch == '!' || ch == '|' || ch == '>' ||
        ch == 0xbb)
      continue;
    low[k++] = (char)xc_lower(ch);
  }
  while (k && low[k - 1] == ' ') k--;
  low[k] = 0;
  char *s = low;
  while (*s == ' ') s++;
  static const char *const exact[] = {
      "advertisement", "advertisements", "ad", "read more", "continue reading",
      "related", "related articles", "related stories", "related content",
      "related posts", "share", "share this", "share this article",
      "share this story", "share on facebook", "share on twitter", "tweet",
      "email", "print", "comments", "comment", "click here", "sign up",
      "subscribe", "story continues below", "story continues below advertisement",
      "scroll to continue", "skip ad", "more", "see also", "also read",
      "read next", "you may also like", "recommended", "facebook", "twitter",
      "linkedin", "whatsapp", "pinterest", "reddit", "copy link", "top",
      "back to top", "loading", "loading…", "photo", "video", "image",
      "watch", "listen", "save", "follow", "follow us", "print this article",
      "email this article", "font size", "a a a", "aa", "next", "previous",
      "next article", "previous article", "leave a comment", "post a comment",
      "add a comment", "view comments", "show comments", "most read",
      "most popular", "trending", "tags", "topics", "filed under", "enlarge photo",
      "enlarge image", "click to enlarge", "click photo to enlarge", "hide caption",
      "view larger image", "back to story", "‹ back to story", "no comments yet",
      "no related posts found", "no recommendations", NULL};
  for (int i = 0; exact[i]; i++) /* first bytes first: most lines differ there */
    if (s[0] == exact[i][0] && !strcmp(s, exact[i])) return 1;
  static const char *const prefix[] = {
      "sign up for", "sign up to", "subscribe to our", "subscribe to the",
      "follow us on", "share on ", "share this", "read more ", "related ",
      "see also ", "click here to", "all rights reserved", "copyright ©",
      "© ", "(c) copyright", "get our newsletter", "get the latest",
      "join our newsletter", "sign up for our", "enter your email",
      "we use cookies", "this site uses cookies", "by continuing to use",
      "accept cookies", "like us on facebook", "follow us on twitter",
      "do you have a news tip", "report an error", "filed under", "tags ",
      "topics ", "more from ", "more stories", "you might also like",
      "recommended for you", "this article was", "photo credit", "photo by ",
      "photos by ", "photo courtesy", "image credit", "image courtesy", "pages 1 ",
      NULL};
  for (int i = 0; prefix[i]; i++)
    if (s[0] == prefix[i][0] && !strncmp(s, prefix[i], strlen(prefix[i]))) {
      if (!strcmp(prefix[i], "this article was"))
        return strstr(s, "helpful") != NULL;
      return 1;
    }
  if (strstr(s, "newsletter") && n < 90) return 1;
  /* slideshow paging: "Previous 1 / 13 Next" */
  if (!strncmp(s, "previous ", 9) && n < 40 && strstr(s, " next") && strchr(s, '/')) return 1;
  if (!strncmp(s, "follow ", 7) && (strstr(s, "twitter") || strstr(s, "facebook")) && n < 100)
    return 1;
  if (strstr(s, "all rights reserved")) return 1;
  if (strstr(s, "not responsible for the content of external")) return 1;
  return 0;
}

static int same_text(const char *a, const char *b) {
  /* compares letters and digits only, case-insensitively */
  const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
  for (;;) {
    while (*p && !((*p | 32) >= 'a' && (*p | 32) <= 'z') && !(*p >= '0' && *p <= '9') && *p < 0x80) p++;
    while (*q && !((*q | 32) >= 'a' && (*q | 32) <= 'z') && !(*q >= '0' && *q <= '9') && *q < 0x80) q++;
    if (!*p || !*q) return !*p && !*q;
    if (xc_lower(*p) != xc_lower(*q)) return 0;
    p++, q++;
  }
}

/* Does this short line open a reader-comment section? */
static int comment_header(const char *p, size_t n) {
  if (n > 80) return 0;
  char low[96];
  size_t k = 0;
  for (size_t i = 0; i < n && k < sizeof low - 1; i++) {
    unsigned char ch = (unsigned char)p[i];
    if (k == 0 && ((ch >= '0' && ch <= '9') || ch == ' ' || ch == '(')) continue;
    low[k++] = (char)xc_lower(ch);
  }
  low[k] = 0;
  /* the whole line, give or take counts and punctuation */
  static const char *const heads[] = {
      "comments are closed", "comments are now closed", "comments closed",
      "comments", "comment", "post a comment", "post your comment",
      "leave a comment", "leave a reply", "add a comment", "add your comment",
      "add new comment", "reader comments", "readers' comments",
      "readers comments", "your comments", "have your say",
      "join the discussion", "trackbacks", "user comments", "show comments",
      "comments for this story are closed", "comments for this thread are now closed",
      NULL};
  /* the start of the line */
  static const char *const starts[] = {
      "responses to ", "thoughts on ", "thanks for your comments",
      "comments are closed", "comments are now closed", "comments (", "post comment",
      "read comments",
      "we welcome your comments", "post a comment (", "add your comment",
      "click here to report offensive", "reader comments", "comment rules",
      "comment policy", "comments policy", "commenting policy", "commenting guidelines",
      NULL};
  for (int i = 0; heads[i]; i++) {
    size_t l = strlen(heads[i]);
    if (strncmp(low, heads[i], l) != 0) continue;
    const char *r = low + l;
    while (*r && !((*r >= 'a' && *r <= 'z') || (unsigned char)*r >= 0x80)) r++;
    if (!*r) return 1;
  }
  for (int i = 0; starts[i]; i++)
    if (!strncmp(low, starts[i], strlen(starts[i]))) return 1;
  return 0;
}

/* A line of metadata rather than text: a byline ("By Jane Roe"), a date
 * alone, or "Published: <date>". */
static int meta_line(const char *p, size_t n) {
  if (n > 80 || n < 3) return 0;
  size_t w = words(p, n);
  if (xc_strncaseeq(p, "by ", 3) && w <= 7) return 1;
  static const char *const lead[] = {"published", "posted", "updated",
                                     "last updated", "date", "first published",
                                     "article from", NULL};
  size_t i = 0;
  for (int k = 0; lead[k]; k++) {
    size_t l = strlen(lead[k]);
    if (n >= l && xc_strncaseeq(p, lead[k], l)) {
      i = l;
      while (i < n && (p[i] == ':' || p[i] == ' ' || p[i] == '-' || p[i] == ','))
        i++;
      if (i == n) return 1;
      break;
    }
  }
  char d[11];
  size_t used = xc_date_scan(p + i, n - i, d);
  if (!used) return 0;
  /* what follows the date may only be a time */
  for (size_t j = i + used; j < n; j++) {
    unsigned char ch = (unsigned char)p[j];
    if ((ch >= '0' && ch <= '9') || strchr(" :.,-|apmAPMGTESDCTUtc()", ch)) continue;
    return 0;
  }
  return 1;
}

/* A heading that opens a list of other stories ("Related on Site:",
 * "Related Articles", "You may also like"). */
static int related_header(const char *p, size_t n) {
  if (n > 50) return 0;
  static const char *const starts[] = {"related", "more on this", "you may also like",
                                       "you might also like", "recommended for you",
                                       "also on ", "more stories", "more from ",
                                       "read more about", "more in ", "more news",
                                       "other news", "other recent", "also in the news",
                                       "latest news", "top stories", "more headlines",
                                       "sponsored links", "around the web",
                                       "from around the web", "most popular", "most read",
                                       "popular stories", "we recommend", "don't miss",
                                       NULL};
  int hit = 0;
  for (int k = 0; starts[k] && !hit; k++)
    hit = xc_strncaseeq(p, starts[k], strlen(starts[k]));
  if (!hit) return 0;
  const char *colon = memchr(p, ':', n);
  if (colon) return colon == p + n - 1; /* "Related: <a title>" is a link */
  return words(p, n) <= 6;
}

/* Copyright notices end an article: what follows belongs to the page. */
static int copyright_line(const char *p, size_t n) {
  if (n > 300) return 0;
  return (xc_strncaseeq(p, "copyright", 9) || xc_strncaseeq(p, "\xc2\xa9", 2) ||
          xc_strncaseeq(p, "(c)", 3)) &&
         (xc_memcasemem(p, n, "all rights reserved") ||
          xc_memcasemem(p, n, "may not be"));
}

/* A sentence blog engines print under every post ("This entry was posted
 * on <date> and is filed under ...", "comments powered by"). */
static int template_line(const char *p, size_t n) {
  if (n > 400) return 0;
  static const char *const starts[] = {
      "this entry was posted", "you can follow any responses to this entry",
      "both comments and pings are", "comments powered by", "you can leave a response",
      NULL};
  for (int k = 0; starts[k]; k++)
    if (xc_strncaseeq(p, starts[k], strlen(starts[k]))) return 1;
  return 0;
}

/* A comment signature: "Posted by: Name on January 3, 2008 08:40 AM". */
static int signature_line(const char *p, size_t n) {
  if (n > 150 || n < 12) return 0;
  /* a leading comment number: "Comment #4 - ", "#4 ", "4. " */
  size_t i = 0;
  if (xc_strncaseeq(p, "comment ", 8)) i = 8;
  if (i < n && p[i] == '#') i++;
  size_t d = i;
  while (i < n && p[i] >= '0' && p[i] <= '9') i++;
  if (i > d) {
    while (i < n && (p[i] == ' ' || p[i] == '-' || p[i] == '.' || p[i] == ':' || p[i] == ')'))
      i++;
  } else {
    i = 0;
  }
  const char *q = p + i;
  size_t m = n - i;
  if (m < 12) return 0;
  if (!xc_strncaseeq(q, "posted by", 9) && !xc_strncaseeq(q, "submitted by", 12) &&
      !xc_strncaseeq(q, "comment by", 10) && !xc_strncaseeq(q, "posted on", 9))
    return 0;
  for (size_t k = 0; k < m; k++)
    if (q[k] >= '0' && q[k] <= '9') return 1;
  return 0;
}

/* Do three paragraphs of 100 bytes or more in a row start within the ten
 * lines from p? Teaser lists alternate headlines with short blurbs. */
static int prose_follows(const char *p) {
  int run = 0;
  for (int lines = 0; *p && lines < 10;) {
    const char *e = strchr(p, '\n');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    xc_slice s = xc_trim(p, len);
    if (s.n) {
      lines++;
      run = s.n >= 100 ? run + 1 : 0;
      if (run == 3) return 1;
    }
    p += len + (e ? 1 : 0);
  }
  return 0;
}

/* Could xc_publisher_from_line find a repost credit in the trimmed line
 * p[0..n)? A cheap test that passes every line it may accept: one that
 * starts "the post ", "source: " or "originally from: ", ends in ':', or
 * (under 200 bytes) holds "appeared ", "published " or "reprinted ", which
 * all its "originally appeared in ..." phrases contain. */
static int may_credit(const char *p, size_t n) {
  if (n < 8) return 0;
  if (p[n - 1] == ':' || xc_strncaseeq(p, "the post ", 9) ||
      xc_strncaseeq(p, "source: ", 8) ||
      (n >= 17 && xc_strncaseeq(p, "originally from: ", 17)))
    return 1;
  if (n >= 200) return 0;
  for (size_t i = 8; i < n; i++) /* "...ed " */
    if (p[i] == ' ' && xc_lower((unsigned char)p[i - 1]) == 'd' &&
        xc_lower((unsigned char)p[i - 2]) == 'e' &&
        (xc_strncaseeq(p + i - 8, "appeared", 8) ||
         (i >= 9 && (xc_strncaseeq(p + i - 9, "published", 9) ||
                     xc_strncaseeq(p + i - 9, "reprinted", 9)))))
      return 1;
  return 0;
}

/* Filters lines of raw text into out: drops boilerplate, the title, repost
 * credits (which set *publisher), and everything from a reader-comment
 * section on (a comments heading, or the first of several signatures). */
static void filter_lines(const char *t, const char *title, xc_buf *out,
                         char **publisher) {
  size_t sigs = 0;
  for (const char *p = t; *p;) {
    const char *e = strchr(p, '\n');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    xc_slice s = xc_trim(p, len);
    sigs += (size_t)signature_line(s.p, s.n);
    p += len + (e ? 1 : 0);
  }
  size_t kept = 0, chars = 0;
  int inset = 0; /* dropping the short lines of an inset box */
  const char *p = t;
  while (*p) {
    const char *e = strchr(p, '\n');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    xc_slice s = xc_trim(p, len);
    int keep = s.n > 0;
    if (keep && chars >= 150 &&
        (comment_header(s.p, s.n) || (sigs >= 3 && signature_line(s.p, s.n))))
      break;
    if (keep && chars >= 300 && copyright_line(s.p, s.n)) break;
    if (keep && chars >= 300 && related_header(s.p, s.n)) {
      /* a box of links set inside the story: its list is gone, the
       * story goes on below it */
      if (!prose_follows(p + len + (e ? 1 : 0))) break;
      inset = 1;
      keep = 0;
    }
    if (keep && inset) {
      if (s.n < 100) keep = 0;
      else inset = 0;
    }
    if (keep && (boiler_line(s.p, s.n) || meta_line(s.p, s.n) || template_line(s.p, s.n)))
      keep = 0;
    if (keep && kept == 0 && title && s.n < 600) {
      char *l = xc_xstrndup(s.p, s.n);
      if (same_text(l, title)) keep = 0;
      free(l);
    }
    if (keep && s.n < 400 && may_credit(s.p, s.n)) {
      char *pub = xc_publisher_from_line(s.p, s.n);
      if (pub) {
        if (!*publisher) *publisher = pub;
        else free(pub);
        keep = 0;
      }
    }
    if (keep) {
      xc_buf_put(out, s.p, s.n);
      xc_buf_putc(out, '\n');
      kept++;
      chars += s.n;
    }
    p += len + (e ? 1 : 0);
  }
}

/* ---- title and site ---- */
static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " « ",
                                   " » ", " · ", " / ", " : ", NULL};


/* Length of a title separator at p, or 0. */
static size_t sep_at(const char *p) {
  static const char *const more[] = {" > ", " >> ", " -- ", " || ", NULL};
  if (*p != ' ') return 0; /* every separator starts with a space */
  for (int k = 0; seps[k]; k++)
    if (!strncmp(p, seps[k], strlen(seps[k]))) return strlen(seps[k]);
  for (int k = 0; more[k]; k++)
    if (!strncmp(p, more[k], strlen(more[k]))) return strlen(more[k]);
  return 0;
}

/* Strips site names and sections from a page title ("Site > News --
 * Headline", "Headline - Section - Site"): segments at either end go while
 * they name the site or are short next to what remains. Sets *site_out to
 * the first segment removed. Returns a new string. */
static char *strip_site(const char *t, const char *site, char **site_out) {
  const char *seg[16];
  size_t segn[16];
  int ns = 0;
  const char *start = t;
  for (const char *p = t; *p && ns < 15;) {
    size_t sl = sep_at(p);
    if (sl && p > start) {
      seg[ns] = start, segn[ns++] = (size_t)(p - start);
      p += sl;
      start = p;
      continue;
    }
    p++;
  }
  seg[ns] = start, segn[ns++] = strlen(start);
  int lo = 0, hi = ns - 1;
  while (lo < hi) {
    size_t rest = 0;
    for (int i = lo; i <= hi; i++) rest += words(seg[i], segn[i]);
    int took = 0;
    for (int end = 0; end < 2 && !took; end++) {
      int i = end == 0 ? hi : lo;
      char *x = xc_xstrndup(seg[i], segn[i]);
      size_t w = words(seg[i], segn[i]);
      int is_site = site && (same_text(x, site) || xc_memcasemem(x, strlen(x), site));
      if (is_site || (w <= (end == 0 ? 4u : 3u) && rest - w >= 3 && rest - w >= w)) {
        if (site_out && !*site_out) *site_out = xc_collapse_ws(x, strlen(x));
        if (end == 0) hi--;
        else lo++;
        took = 1;
      }
      free(x);
    }
    if (!took) break;
  }
  return xc_xstrndup(seg[lo], (size_t)(seg[hi] + segn[hi] - seg[lo]));
}

/* Lower-case letters and digits of s (other ASCII dropped), or NULL when
 * they are more than max bytes; caller frees. */
static char *alnum_key_upto(const char *s, size_t max) {
  size_t n = strlen(s);
  if (max > n) max = n;
  char *k = xc_xmalloc(max + 1), *o = k;
  /* every byte is written, the pointer moves on only for kept ones (bit c
   * of keep: digits, letters, bytes >= 0x80): no branch on the byte */
  static const uint64_t keep[4] = {0x03FF000000000000ull, 0x07FFFFFE07FFFFFEull,
                                   ~0ull, ~0ull};
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    unsigned c = *p;
    *o = (char)(c + 32 * (c - 'A' < 26u));
    o += (keep[c >> 6] >> (c & 63)) & 1;
    if ((size_t)(o - k) > max) {
      free(k);
      return NULL;
    }
  }
  *o = 0;
  return k;
}

static char *alnum_key(const char *s) { return alnum_key_upto(s, SIZE_MAX); }

static char *pick_title(ctx *c, int top, char **site_guess) {
  const char *site = c->og_site ? c->og_site : c->ld_site;
  if (c->title_tag && !*site_guess) {
    char *x = strip_site(c->title_tag, site, site_guess);
    free(x);
  }
  /* a heading on the page that the declared titles contain is the headline
   * as printed: the longest such heading wins */
  const char *decl[] = {c->title_tag, c->og_title, c->ld_headline, c->tw_title};
  char *keys[4];
  for (int k = 0; k < 4; k++) keys[k] = decl[k] ? alnum_key(decl[k]) : NULL;
  const char *best = NULL;
  size_t best_len = 0;
  /* a banner heading that names the site and more ("Crafts for Kids - Site")
   * is not the headline; one that is just the guessed name may be, as the
   * guess takes the shortest end of the title */
  const char *sname = site ? site : *site_guess;
  char *skey = sname ? alnum_key(sname) : NULL;
  if (skey && strlen(skey) < 4) {
    free(skey);
    skey = NULL;
  }
  /* a heading's key longer than every declared title's is in none of
   * them: its making stops there (headings can hold whole blocks) */
  size_t key_max = 0;
  for (int k = 0; k < 4; k++)
    if (keys[k] && strlen(keys[k]) > key_max) key_max = strlen(keys[k]);
  for (size_t i = 0; i < c->heads.n; i++) {
    char *hk = alnum_key_upto(c->heads.v[i], key_max);
    if (!hk) continue;
    size_t hl = strlen(hk);
    if (hl > best_len && hl >= 8 && !(skey && hl > strlen(skey) && strstr(hk, skey)))
      for (int k = 0; k < 4; k++)
        if (keys[k] && strstr(keys[k], hk) &&
            (hl * 4 >= strlen(keys[k]) || words(c->heads.v[i], strlen(c->heads.v[i])) >= 3)) {
          best = c->heads.v[i], best_len = hl;
          break;
        }
    free(hk);
  }
  free(skey);
  for (int k = 0; k < 4; k++) free(keys[k]);
  if (best) return xc_xstrdup(best);
  if (c->ld_headline) return strip_site(c->ld_headline, site, NULL);
  /* the heading that opens the main text, or the last one before it */
  if (top >= 0 && !c->og_title) {
    const char *near = NULL;
    for (size_t i = 0; i < c->heads.n; i++) {
      int at = c->heads_at[i];
      size_t w = words(c->heads.v[i], strlen(c->heads.v[i]));
      if (w < 3 || w > 30) continue;
      if (at < top) near = c->heads.v[i];
      else if (at < c->r[top].end) {
        near = c->heads.v[i];
        break;
      } else break;
    }
    if (near) return xc_xstrdup(near);
  }
  const char *src = c->og_title ? c->og_title : c->tw_title ? c->tw_title : c->title_tag;
  if (src) return strip_site(src, site, NULL);
  if (c->nh1) return xc_xstrdup(c->h1[0]);
  return NULL;
}

static char *norm_date(const char *s) {
  if (!s) return NULL;
  char d[11];
  if (xc_date_normalize(s, strlen(s), d)) return xc_xstrdup(d);
  /* compact 20260314 or 20260314T... */
  size_t l = strlen(s);
  if (l >= 8) {
    int ok = 1;
    for (int i = 0; i < 8; i++) ok &= s[i] >= '0' && s[i] <= '9';
    if (ok && (l == 8 || s[8] == 'T' || s[8] == ' ')) {
      int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
      int m = (s[4] - '0') * 10 + (s[5] - '0'), dd = (s[6] - '0') * 10 + (s[7] - '0');
      if (y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && dd >= 1 && dd <= 31) {
        char o[11];
        o[0] = s[0], o[1] = s[1], o[2] = s[2], o[3] = s[3], o[4] = '-';
        o[5] = s[4], o[6] = s[5], o[7] = '-', o[8] = s[6], o[9] = s[7], o[10] = 0;
        return xc_xstrdup(o);
      }
    }
  }
  return NULL;
}

/* The record array of the last page (one per thread): pages come one
 * after another, and reusing warm memory spares a large malloc, its page
 * faults and its free per page. record() sets every field it reads. */
static _Thread_local rec *rec_cache;
static _Thread_local size_t rec_cache_cap;
#define REC_CACHE_MAX ((size_t)1 << 18) /* records kept at most */

static void records_take(ctx *c, size_t cap) {
  if (rec_cache_cap >= cap) {
    c->r = rec_cache, c->cap = rec_cache_cap;
  } else {
    free(rec_cache);
    c->r = xc_xmalloc(cap * sizeof *c->r), c->cap = cap;
  }
  rec_cache = NULL, rec_cache_cap = 0;
}

static void records_give_back(ctx *c) {
  if (c->cap > REC_CACHE_MAX || rec_cache) {
    free(c->r);
  } else {
    rec_cache = c->r, rec_cache_cap = c->cap;
  }
  c->r = NULL;
}

static void ctx_release(ctx *c) {
  records_give_back(c);
  free(c->title_tag);
  for (int i = 0; i < c->nh1; i++) free(c->h1[i]);
  free(c->og_title);
  free(c->tw_title);
  free(c->og_site);
  free(c->og_url);
  free(c->canonical);
  free(c->description);
  free(c->lang);
  free(c->meta_lang);
  free(c->ld_headline);
  free(c->ld_date);
  free(c->ld_body);
  free(c->ld_site);
  free(c->meta_date);
  free(c->time_date);
  free(c->itemprop_date);
  free(c->byline_text);
  xc_strv_release(&c->ld_authors);
  xc_strv_release(&c->meta_authors);
  xc_strv_release(&c->prop_authors);
  xc_strv_release(&c->byline_authors);
  xc_strv_release(&c->tags);
  xc_strv_release(&c->heads);
  free(c->heads_at);
  free(c->paras);
  free(c->cand);
  xc_arena_release(&c->scratch);
}

static size_t count_chars(const char *s) {
  size_t commas = 0;
  size_t n = strlen(s);
  return xc_text_chars(s, n, n, &commas);
}

int xc_extract_html(const char *p, size_t n, xc_extracted *out, xc_err *err) {
  if (n > (size_t)INT32_MAX)
    return xc_err_set(err, XC_ELIMIT, "HTML page too large (%zu bytes)", n);
  pthread_once(&tables_once, tables_init);
  xc_hdom dom;
  xc_hdom_parse_flags(&dom, p, n, XC_HDOM_EXTRACT); /* an unclosed <title> ends at the next tag */
  ctx c;
  memset(&c, 0, sizeof c);
  c.min_para = 25;
  c.page = p, c.page_n = n;
  records_take(&c, dom.nelements + 1); /* one per element and the root */
  xc_buf raw, text;
  xc_buf_init(&raw);
  xc_buf_init(&text);
  int top = -1;
  if (dom.root) {
    record(&c, dom.root);
    int best = score(&c, 1);
    if (best >= 0) main_text(&c, best, &raw);
    top = best;
    size_t have = count_chars(xc_buf_cstr(&raw)); /* of raw */
    if (have < 150) {
      int b2 = score(&c, 0);
      xc_buf alt;
      xc_buf_init(&alt);
      if (b2 >= 0) main_text(&c, b2, &alt);
      /* unlikely blocks (comments, sidebars) win only by a clear margin */
      size_t alt_have;
      if (b2 >= 0 && (best < 0 || c.r[b2].weight >= c.r[best].weight) &&
          (alt_have = count_chars(xc_buf_cstr(&alt))) > 2 * have + 100) {
        xc_buf_release(&raw);
        raw = alt;
        top = b2;
        have = alt_have;
      } else {
        xc_buf_release(&alt);
      }
    }
    if (!have) {
      /* a photo or video post with a line of text: no block made a
       * paragraph, so take the best short one */
      c.min_para = 1;
      int b3 = score(&c, 1);
      if (b3 >= 0) {
        xc_buf_clear(&raw);
        main_text(&c, b3, &raw);
        top = b3;
      }
    }
  }
  char *site_guess = NULL;
  out->title = pick_title(&c, top, &site_guess);
  filter_lines(xc_buf_cstr(&raw), out->title, &text, &out->publisher);
  /* the page's declared article body when scoring found much less */
  if (c.ld_body) {
    size_t have = count_chars(xc_buf_cstr(&text)), ld = count_chars(c.ld_body);
    if (ld > 200 && have * 2 < ld) {
      xc_buf_clear(&text);
      filter_lines(c.ld_body, out->title, &text, &out->publisher);
    }
  }
  out->text = xc_buf_detach(&text);
  xc_buf_release(&raw);

  const char *site = c.og_site ? c.og_site : c.ld_site ? c.ld_site : site_guess;
  if (site) out->site = xc_xstrdup(site);
  free(site_guess);
  const char *dates[] = {c.ld_date, c.meta_date, c.itemprop_date, c.time_date,
                         c.byline_text};
  for (int i = 0; i < 5 && !out->published; i++) out->published = norm_date(dates[i]);
  xc_strv *as[] = {&c.ld_authors, &c.prop_authors, &c.meta_authors, &c.byline_authors};
  for (int i = 0; i < 4; i++)
    if (as[i]->n) {
      for (size_t k = 0; k < as[i]->n; k++) xc_strv_push_unique(&out->authors, as[i]->v[k]);
      break;
    }
  const char *lang = c.lang ? c.lang : c.meta_lang;
  if (lang) {
    char code[3] = {0};
    size_t k = 0;
    while (k < 2 && ((lang[k] | 32) >= 'a' && (lang[k] | 32) <= 'z')) code[k] = (char)xc_lower(lang[k]), k++;
    if (k == 2 && !((lang[2] | 32) >= 'a' && (lang[2] | 32) <= 'z')) out->language = xc_xstrdup(code);
  }
  if (c.canonical) out->canonical = xc_xstrdup(c.canonical);
  else if (c.og_url) out->canonical = xc_xstrdup(c.og_url);
  if (c.description) out->description = xc_xstrdup(c.description);
  for (size_t k = 0; k < c.tags.n; k++) xc_strv_push(&out->tags, c.tags.v[k]);
  xc_hdom_release(&dom);
  ctx_release(&c);
  return 0;
}
