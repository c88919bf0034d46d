/* hdom.c - one-pass HTML tokenizer and tree builder (see hdom.h). Text runs
 * and quoted values are scanned once for their end and for '&' together
 * (16 bytes at a time); tag and attribute names are found and keyed in
 * one vector load (word loads or bytes near the end of the page) and
 * matched against tables of known names (interned, lower case); a
 * stack of open elements handles implied end tags as HTML5 does for p, li,
 * dt/dd, tr/td/th, option and headings; end tags close the nearest open
 * element of that name within a bounded search, and stray end tags are
 * ignored. */
#define _GNU_SOURCE /* memmem */
#include "hdom.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* Attribute names by XC_A_* id (index id - 1): those extraction reads,
 * then frequent ones interned only to spare a copy of their name. */
static const char *const known_attr[] = {
    "class", "id", "itemprop", "role", "rel", "hidden", "aria-hidden", "style",
    "type", "content", "name", "property", "http-equiv", "href", "lang",
    "xml:lang", "datetime",
    /* not read */
    "title", "src", "value", "alt", "width", "height", "onclick", "target",
    "border", "dir", "media", "for", "action", "method", "language", "align",
    "tabindex", "size", "charset", "data-src", "frameborder", "scrolling",
    "cellpadding", "cellspacing", "colspan", "rowspan", "valign", "bgcolor",
    "color", "face", "async", "defer", "srcset", "sizes", "loading",
    "data-id", "aria-label", "placeholder", "onload", "onmouseover",
    "onmouseout", "xmlns", "itemscope", "itemtype", "integrity",
    "crossorigin", "sandbox", "allowfullscreen",
    "marginwidth", "marginheight", "vspace", "hspace", "nowrap", "shape",
    "coords", "usemap", "checked", "selected", "disabled", "readonly",
    "maxlength", "autocomplete", "accept-charset", "enctype", "label",
    "data-url", "data-href", "data-type", "data-original", "data-lazy-src",
    "aria-expanded", "aria-haspopup", "aria-controls", "aria-labelledby",
    "accesskey", "clear", "noshade", "version",
    "profile", "prefix", "dc:title", "xmlns:og", "xmlns:fb", "rev",
};

#define NATTR (sizeof known_attr / sizeof known_attr[0])

/* Names are looked up by a key taken while they are read (lower-cased):
 * names of at most NAME_KEY bytes as two words, byte k at bits 8k of word
 * k / 8 (built in registers: reading back bytes just stored would stall).
 * An open-addressing table maps a hash of the key to an index + 1; a hit
 * is one length and two word compares. Filled once (tags_init). */
#define NAME_KEY 16
typedef struct {
  uint64_t w[2];
} name_key;

/* Adds byte c at position k (< NAME_KEY) of key. */
static void key_add(name_key *key, size_t k, unsigned char c) {
  key->w[k >> 3] |= (uint64_t)c << (8 * (k & 7));
}

static name_key key_of(const char *s, size_t n) {
  name_key key = {{0, 0}};
  for (size_t k = 0; k < n && k < NAME_KEY; k++) key_add(&key, k, (unsigned char)s[k]);
  return key;
}

/* Word w with its ASCII capitals in lower case, all 8 bytes at once: a
 * byte gets 0x20 when its low seven bits are 'A'..'Z' and its top bit is
 * clear. */
static uint64_t lower8(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
  uint64_t low7 = w & ~high;
  uint64_t ge_a = low7 + ones * (0x80 - 'A'), gt_z = low7 + ones * (0x80 - 'Z' - 1);
  return w | ((ge_a & ~gt_z & ~w & high) >> 2);
}

/* The key of the n-byte name at p in lower case (as key_add builds it),
 * from two word loads: p must have 16 readable bytes. Little-endian only
 * (byte k of a loaded word is then at bits 8k). */
static name_key key_load(const char *p, size_t n) {
  name_key key;
  memcpy(key.w, p, sizeof key.w);
  key.w[0] = n >= 8 ? lower8(key.w[0]) : lower8(key.w[0]) & ((1ull << (8 * n)) - 1);
  key.w[1] = n >= 16 ? lower8(key.w[1])
             : n <= 8 ? 0
                      : lower8(key.w[1]) & ((1ull << (8 * (n - 8))) - 1);
  return key;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define KEY_LOAD 1 /* key_load may stand for key_add */
#else
#define KEY_LOAD 0
#endif

/* The lower-case key of name p[0..n): key_load where 16 bytes of p are
 * readable (avail), else byte by byte. */
static name_key key_lower(const char *p, size_t n, size_t avail) {
  if (KEY_LOAD && avail >= NAME_KEY) return key_load(p, n);
  name_key key = {{0, 0}};
  for (size_t k = 0; k < n && k < NAME_KEY; k++)
    key_add(&key, k, (unsigned char)xc_lower((unsigned char)p[k]));
  return key;
}

typedef struct {
  unsigned mask;     /* slots - 1 */
  uint8_t slot[512]; /* index + 1, 0 when empty */
  uint8_t len[256];  /* name lengths by index */
  name_key key[256];
} name_table;

static name_table tag_table, attr_table;

static unsigned key_slot(const name_key *key, size_t n, unsigned mask) {
  uint64_t h = key->w[0] * 0x9E3779B97F4A7C15ull + key->w[1] * 0xC2B2AE3D27D4EB4Full + n;
  return (unsigned)(h >> 40) & mask;
}

/* Index + 1 in t of the name of n bytes with this key, or 0. */
static inline unsigned table_find(const name_table *t, const name_key *key, size_t n) {
  if (n > NAME_KEY) return 0;
  for (unsigned i = key_slot(key, n, t->mask);; i = (i + 1) & t->mask) {
    unsigned k = t->slot[i];
    if (!k) return 0;
    if (t->len[k - 1] == n && t->key[k - 1].w[0] == key->w[0] &&
        t->key[k - 1].w[1] == key->w[1])
      return k;
  }
}

/* table_find for a NUL-terminated name. */
static unsigned table_find_str(const name_table *t, const char *name) {
  size_t n = strlen(name);
  name_key key = key_of(name, n);
  return table_find(t, &key, n);
}

/* Adds name (at most NAME_KEY bytes) as index idx. */
static void table_add(name_table *t, unsigned mask, size_t idx, const char *name) {
  size_t n = strlen(name);
  name_key key = key_of(name, n);
  t->mask = mask;
  unsigned i = key_slot(&key, n, mask);
  while (t->slot[i]) i = (i + 1) & mask;
  t->slot[i] = (uint8_t)(idx + 1);
  t->len[idx] = (uint8_t)n;
  t->key[idx] = key;
}

/* FNV-1a, for the entity names */
static uint32_t hash_of(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static unsigned slot_of(uint32_t h, unsigned mask) { return (h ^ (h >> 15)) & mask; }

static const known_tag *known_lookup(const char *name) {
  unsigned k = table_find_str(&tag_table, name);
  return k ? &known[k - 1] : NULL;
}

_Static_assert(NATTR < 255 && NKNOWN < 255, "ids are bytes");

static void known_init(void) {
  for (size_t k = 0; k < NKNOWN; k++) table_add(&tag_table, 511, k, known[k].name);
  for (size_t k = 0; k < NATTR; k++) table_add(&attr_table, 255, k, known_attr[k]);
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

/* entities[] by hash of the name (index + 1, open addressing), and the
 * longest name without ';' (the legacy ones a prefix may match); filled
 * once by tags_init. */
#define NENTITIES (sizeof entities / sizeof entities[0])
#define ENT_SLOTS 8192
static uint16_t ent_slot[ENT_SLOTS];
static size_t legacy_max;
_Static_assert(NENTITIES < ENT_SLOTS / 2, "entity table too small");

static void entities_init(void) {
  for (size_t k = 0; k < NENTITIES; k++) {
    size_t n = strlen(entities[k].name);
    unsigned i = slot_of(hash_of(entities[k].name, n), ENT_SLOTS - 1);
    while (ent_slot[i]) i = (i + 1) & (ENT_SLOTS - 1);
    ent_slot[i] = (uint16_t)(k + 1);
    if (entities[k].name[n - 1] != ';' && n > legacy_max) legacy_max = n;
  }
}

/* UTF-8 of the reference named name[0..n) (with its ';', if any), or NULL. */
static const char *entity_lookup(const char *name, size_t n) {
  for (unsigned i = slot_of(hash_of(name, n), ENT_SLOTS - 1);; i = (i + 1) & (ENT_SLOTS - 1)) {
    unsigned k = ent_slot[i];
    if (!k) return NULL;
    const char *e = entities[k - 1].name;
    if (strncmp(e, name, n) == 0 && e[n] == 0) return entities[k - 1].utf8;
  }
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
  pthread_once(&tags_once, tags_init);
  if (k < n && p[k] == ';') {
    const char *u = entity_lookup(p + 1, len + 1);
    if (u) {
      xc_buf_puts(out, u);
      return k + 1;
    }
  }
  for (size_t l = len < legacy_max ? len : legacy_max; l >= 2; l--) {
    const char *u = entity_lookup(p + 1, l);
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

static int is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* What a byte is to the tokenizer (byte_class, filled by tags_init). */
enum {
  B_SPACE = 1,    /* is_space */
  B_NAME_END = 2, /* ends a tag name: space, '>', '/' */
  B_ATTR_END = 4, /* may end an attribute name: space, '>', '=', '/' */
  B_VALUE_END = 8, /* ends an unquoted value: space, '>' */
  B_SKIP = 16      /* skipped before an attribute name: space, '/' */
};
static unsigned char byte_class[256];

static int has_class(char c, unsigned bits) {
  return (byte_class[(unsigned char)c] & bits) != 0;
}

/* Offset of the first byte a in p[0..n), or n; sets *saw_b when byte b
 * comes before it. One pass for both (16 bytes at a time with SSE2),
 * instead of a memchr for each: text runs and attribute values are short.
 * Once b is seen, the rest is memchr's. */
static inline size_t find2(const char *p, size_t n, char a, char b, int *saw_b) {
  size_t i = 0;
#ifdef __SSE2__
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    unsigned ma = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, va));
    unsigned mb = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vb));
    if (ma) {
      if (mb & ((ma & -ma) - 1)) *saw_b = 1;
      return i + (size_t)__builtin_ctz(ma);
    }
    if (mb) {
      *saw_b = 1;
      break;
    }
  }
#endif
  for (; i < n && !*saw_b; i++) {
    if (p[i] == a) return i;
    if (p[i] == b) *saw_b = 1;
  }
  const char *q = i < n ? memchr(p + i, a, n - i) : NULL;
  return q ? (size_t)(q - p) : n;
}

/* Does the name at p[0..n) end at offset k? A tag name ends at a space,
 * '>' or '/'; an attribute name (attr) at a space, '>', '=' or a "/>". */
static inline int name_ends_at(const char *p, size_t n, size_t k, int attr) {
  if (!has_class(p[k], attr ? B_ATTR_END : B_NAME_END)) return 0;
  return !attr || p[k] != '/' || (k + 1 < n && p[k + 1] == '>');
}

/* Offset of the end of the name at p[0..n), looking from offset k on. */
static size_t name_end(const char *p, size_t n, size_t k, int attr) {
  while (k < n && !name_ends_at(p, n, k, attr)) k++;
  return k;
}

#ifdef __SSE2__
/* 16 bytes of 0xFF, then 16 of 0: 16 bytes loaded from 16 - k mask the
 * first k bytes of a vector. */
static const unsigned char prefix_mask[32] = {
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255};

/* The first offset below 16 in p (16 readable bytes) of a byte that may end
 * a name (any byte <= ' ', '>', '/', and '=' when attr), or 16; sets *key
 * to the lower-case key of the bytes before it, all in registers. A byte
 * found here still needs name_ends_at: a control byte that is not a
 * space, or a '/' inside an attribute name, does not end it. */
static inline size_t name16(const char *p, int attr, name_key *key) {
  __m128i v = _mm_loadu_si128((const __m128i *)p);
  __m128i end = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(' ')), v);
  end = _mm_or_si128(end, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
  end = _mm_or_si128(end, _mm_cmpeq_epi8(v, _mm_set1_epi8('/')));
  if (attr) end = _mm_or_si128(end, _mm_cmpeq_epi8(v, _mm_set1_epi8('=')));
  size_t k = (size_t)__builtin_ctz((unsigned)_mm_movemask_epi8(end) | 0x10000u);
  /* signed compares: bytes >= 0x80 are below 'A' and stay as they are */
  __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
  v = _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
  v = _mm_and_si128(v, _mm_loadu_si128((const __m128i *)(prefix_mask + 16 - k)));
  _mm_storeu_si128((__m128i *)(void *)key->w, v); /* byte j at bits 8j of w[j / 8] */
  return k;
}
#endif

/* Reads the name at p[0..n) (a tag name, or an attribute name when attr)
 * the slow way: byte by byte to its end, then keyed. Returns its length
 * and sets *id to its index + 1 in t (0 when t lacks it). */
static size_t name_lookup_slow(const name_table *t, const char *p, size_t n, int attr,
                               unsigned *id) {
  size_t k = name_end(p, n, 0, attr);
  name_key key = key_lower(p, k, n);
  *id = table_find(t, &key, k);
  return k;
}

/* name_lookup_slow, but for a name that ends within 16 bytes (nearly all)
 * where 16 bytes are readable: found and keyed in one vector step, and
 * small enough to be inlined where names are read. */
static inline size_t name_lookup(const name_table *t, const char *p, size_t n, int attr,
                                 unsigned *id) {
#ifdef __SSE2__
  if (KEY_LOAD && n >= NAME_KEY) {
    name_key key;
    size_t k = name16(p, attr, &key);
    if (k < 16 && name_ends_at(p, n, k, attr)) {
      *id = table_find(t, &key, k);
      return k;
    }
  }
#endif
  return name_lookup_slow(t, p, n, attr, id);
}

/* ---- tree building ---- */
typedef struct {
  xc_hdom *dom;
  xc_hnode *stack[XC_HDOM_MAX_DEPTH + 2];
  int top; /* index of the current element */
  char *free; /* bump space cut from the arena in chunks */
  size_t left;
  xc_buf tmp;
  int extract; /* XC_HDOM_EXTRACT: only the attributes extraction reads */
} builder;

/* n bytes (8-aligned) of the document's memory: small objects are cut from
 * a chunk of the arena without a call, big ones get their own. */
static inline void *take(builder *b, size_t n) {
  n = (n + 7) & ~(size_t)7;
  if (b->left < n) {
    enum { CHUNK = 16384 };
    if (n > CHUNK / 8) return xc_arena_alloc(&b->dom->arena, n);
    b->free = xc_arena_alloc(&b->dom->arena, CHUNK);
    b->left = CHUNK;
  }
  void *r = b->free;
  b->free += n, b->left -= n;
  return r;
}

/* A copy of p[0..n) in the document's memory (not NUL-terminated). */
static const char *keep_copy(builder *b, const char *p, size_t n) {
  char *c = take(b, n ? n : 1);
  memcpy(c, p, n);
  return c;
}

static inline xc_hnode *new_node(builder *b) {
  xc_hnode *n = take(b, sizeof *n);
  *n = (xc_hnode){0};
  return n;
}

static void append(xc_hnode *parent, xc_hnode *n) {
  n->parent = parent;
  if (parent->last) parent->last->next = n;
  else parent->first = n;
  parent->last = n;
  n->depth = (uint16_t)(parent->depth + 1);
  /* a blank that ended parent's children so far now comes before n */
  n->space = parent->space & XC_HSPACE_END ? XC_HSPACE_BEFORE : 0;
  parent->space &= (uint8_t)~XC_HSPACE_END;
}

/* Is p[0..n) all white space (xc_is_space)? avail (>= n) bytes are
 * readable at p: with SSE2, 16 of them are tested at a time, so that the
 * short runs between tags take one step. */
static inline int all_space(const char *p, size_t n, size_t avail) {
  size_t k = 0;
#ifdef __SSE2__
  const __m128i tab = _mm_set1_epi8('\t'), four = _mm_set1_epi8(4), sp = _mm_set1_epi8(' ');
  for (; k < n && k + 16 <= avail; k += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + k));
    __m128i t = _mm_sub_epi8(v, tab); /* \t \n \v \f \r are 9..13 */
    __m128i space = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(t, four), t), _mm_cmpeq_epi8(v, sp));
    unsigned other = ~(unsigned)_mm_movemask_epi8(space) & 0xFFFF;
    if (other) return k + (size_t)__builtin_ctz(other) >= n;
  }
#endif
  for (; k < n; k++)
    if (!xc_is_space((unsigned char)p[k])) return 0;
  return 1;
}

/* A text node of white space only in a tree built for extraction: a bit
 * on the current element (XC_HSPACE_END), unless it follows text. */
static inline void add_blank(builder *b) {
  xc_hnode *cur = b->stack[b->top];
  if (!cur->last || cur->last->name) cur->space |= XC_HSPACE_END;
}

/* Adds text p[0..n) to the current element: pointing into the page unless
 * it holds character references to decode (decode: it has an '&'); avail
 * (>= n) bytes are readable at p. */
static void add_text(builder *b, const char *p, size_t n, size_t avail, int decode) {
  if (!n) return;
  xc_hnode *cur = b->stack[b->top];
  const char *text = p;
  size_t len = n;
  int decoded = 0;
  if (decode) {
    xc_buf_clear(&b->tmp);
    xc_html_unescape(&b->tmp, p, n);
    text = b->tmp.p, len = avail = b->tmp.n, decoded = 1;
  }
  /* white space only: keep one space (it separates inline words), as a
   * bit when the tree is built for extraction (XC_HSPACE_END) */
  if (all_space(text, len, avail)) {
    if (b->extract) {
      add_blank(b); /* a second blank in a row adds nothing */
      return;
    }
    if (cur->last && !cur->last->name) return; /* already after text */
    text = " ", len = 1, decoded = 0;
  }
  if (len > UINT32_MAX) len = UINT32_MAX;
  xc_hnode *t = new_node(b);
  t->text = decoded ? keep_copy(b, text, len) : text;
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
  entities_init();
  for (int c = 0; c < 256; c++) {
    int sp = is_space((unsigned char)c);
    byte_class[c] = (unsigned char)((sp ? B_SPACE | B_NAME_END | B_ATTR_END | B_VALUE_END | B_SKIP : 0) |
                                    (c == '>' ? B_NAME_END | B_ATTR_END | B_VALUE_END : 0) |
                                    (c == '/' ? B_NAME_END | B_ATTR_END | B_SKIP : 0) |
                                    (c == '=' ? B_ATTR_END : 0));
  }
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

/* The first "-->" in p[0..n), or NULL: found by its '>' with memchr,
 * which outruns memmem on the short comments pages are full of. */
static const char *comment_end(const char *p, size_t n) {
  for (size_t k = 2; k < n;) {
    const char *gt = memchr(p + k, '>', n - k);
    if (!gt) return NULL;
    if (gt[-1] == '-' && gt[-2] == '-') return gt - 2;
    k = (size_t)(gt - p) + 1;
  }
  return NULL;
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

/* Sets a->name (and a->id) to the attribute name p[0..n) (n < 64) with
 * interned id (0 when unknown), in lower case: the interned name, or a
 * copy. Returns 0, setting nothing, when it repeats one of attrs[0..na)
 * (the first one wins). */
static int attr_name(builder *b, const char *p, size_t n, unsigned id,
                     const xc_hattr *attrs, int na, xc_hattr *a) {
  if (id) {
    for (int k = 0; k < na; k++)
      if (attrs[k].id == id) return 0;
    a->id = (uint8_t)id;
    a->name = known_attr[id - 1];
    return 1;
  }
  char low[64];
  for (size_t k = 0; k < n; k++) low[k] = (char)xc_lower((unsigned char)p[k]);
  low[n] = 0;
  for (int k = 0; k < na; k++)
    if (!attrs[k].id && strcmp(attrs[k].name, low) == 0) return 0;
  a->id = 0;
  a->name = keep_copy(b, low, n + 1);
  return 1;
}

/* Sets a's value to v[0..n): pointing into the page when it holds no
 * character reference (amp: it has an '&'), else decoded into the
 * document's memory, or left as it is with a->refs set when the tree is
 * built for extraction and the id is one only read as a string. */
static void attr_value(builder *b, const char *v, size_t n, int amp, xc_hattr *a) {
  a->refs = 0;
  if (amp && b->extract && a->id >= XC_A_CONTENT) {
    a->refs = 1;
  } else if (amp) {
    xc_buf_clear(&b->tmp);
    xc_html_unescape(&b->tmp, v, n);
    v = keep_copy(b, b->tmp.p, b->tmp.n), n = b->tmp.n;
  }
  a->value = v;
  a->len = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

/* Reads an attribute value at p[0..n) (just after the '='); returns the
 * offset past it, sets *v and *len to the value, and *amp when it holds an
 * '&'. */
static size_t attr_value_at(const char *p, size_t n, const char **v, size_t *len,
                            int *amp) {
  size_t i = 0;
  while (i < n && has_class(p[i], B_SPACE)) i++;
  if (i < n && (p[i] == '"' || p[i] == '\'')) {
    size_t e = i + 1 + find2(p + i + 1, n - i - 1, p[i], '&', amp);
    *v = p + i + 1, *len = e - i - 1;
    return e < n ? e + 1 : n;
  }
  size_t vs = i;
  while (i < n && !has_class(p[i], B_VALUE_END)) *amp |= p[i++] == '&';
  *v = p + vs, *len = i - vs;
  return i;
}

/* Parses attributes from p (just after the tag name) up to '>'. Returns the
 * offset just past '>' (or n) and whether the tag self-closes. A tree built
 * for extraction keeps only the attributes it reads (ids below
 * XC_A_NKNOWN_READ): the others are stepped over, neither copied nor
 * decoded. */
static size_t parse_attrs(builder *b, const char *p, size_t n, xc_hnode *el,
                          int *self_close) {
  xc_hattr attrs[64];
  int na = 0;
  size_t i = 0;
  *self_close = 0;
  while (i < n) {
    while (i < n && has_class(p[i], B_SKIP)) {
      if (p[i] == '/' && i + 1 < n && p[i + 1] == '>') *self_close = 1;
      i++;
    }
    if (i >= n) break;
    if (p[i] == '>') {
      i++;
      break;
    }
    size_t ns = i;
    unsigned id;
    size_t nlen = name_lookup(&attr_table, p + i, n - i, 1, &id);
    i += nlen;
    if (!nlen) {
      i++; /* a lone '=' */
      continue;
    }
    int keep = na < 64 && nlen < 64 && (!b->extract || (id && id < XC_A_NKNOWN_READ));
    while (i < n && has_class(p[i], B_SPACE)) i++;
    const char *v = "";
    size_t vlen = 0;
    int amp = 0;
    if (i < n && p[i] == '=') {
      i++;
      i += attr_value_at(p + i, n - i, &v, &vlen, &amp);
    }
    if (keep && attr_name(b, p + ns, nlen, id, attrs, na, &attrs[na]))
      attr_value(b, v, vlen, amp, &attrs[na++]);
  }
  if (el && na) {
    el->attr = take(b, (size_t)na * sizeof *el->attr);
    memcpy(el->attr, attrs, (size_t)na * sizeof *attrs);
    el->nattr = (uint16_t)na;
  }
  return i;
}

/* Reads a tag name at p (n bytes left); returns its length and sets *id
 * to its known tag id. An unknown name (id 0) is also put into buf in
 * lower case (at most cap - 1 bytes kept, NUL-terminated): known ones
 * are only ever used by id. */
static inline size_t tag_name(const char *p, size_t n, char *buf, size_t cap, uint8_t *id) {
  unsigned found;
  size_t k = name_lookup(&tag_table, p, n, 0, &found);
  *id = (uint8_t)found;
  if (!*id) {
    size_t m = k < cap - 1 ? k : cap - 1;
    for (size_t j = 0; j < m; j++) buf[j] = (char)xc_lower((unsigned char)p[j]);
    buf[m] = 0;
  }
  return k;
}

/* Does the name at p (n bytes left) start with the name of element cur,
 * ignoring case? Sets *k to that name's length. A known name of at most 8
 * bytes is one word compare of its key where 16 bytes are readable (the
 * key_load rule); others go byte by byte. */
static int names_current(const xc_hnode *cur, const char *p, size_t n, size_t *k) {
  if (KEY_LOAD && cur->tag && n >= NAME_KEY) {
    size_t len = tag_table.len[cur->tag - 1];
    if (len <= 8) {
      uint64_t w;
      memcpy(&w, p, sizeof w);
      *k = len;
      return (lower8(w) & (~0ull >> (64 - 8 * len))) == tag_table.key[cur->tag - 1].w[0];
    }
  }
  const char *name = cur->name;
  size_t j = 0;
  while (name[j] && j < n && xc_lower((unsigned char)p[j]) == (unsigned char)name[j]) j++;
  *k = j;
  return !name[j];
}

/* Closes the current element when the end tag whose name starts at p
 * (n bytes left) names it, setting *used to the bytes up to and with its
 * '>' (or n). Most end tags close the current element: comparing its name
 * spares reading the name and looking it up. Returns 0, doing nothing,
 * for any other end tag. */
static int closes_current(builder *b, const char *p, size_t n, size_t *used) {
  if (b->top < 1) return 0;
  const xc_hnode *cur = b->stack[b->top];
  size_t k;
  if (!names_current(cur, p, n, &k) || (k < n && !has_class(p[k], B_NAME_END))) return 0;
  const char *gt = k < n && p[k] == '>' ? p + k : memchr(p + k, '>', n - k);
  *used = gt ? (size_t)(gt - p) + 1 : n;
  b->top--;
  return 1;
}

void xc_hdom_parse(xc_hdom *dom, const char *p, size_t n) {
  xc_hdom_parse_flags(dom, p, n, 0);
}

void xc_hdom_parse_flags(xc_hdom *dom, const char *p, size_t n, unsigned opts) {
  pthread_once(&tags_once, tags_init);
  memset(dom, 0, sizeof *dom);
  builder b;
  b.dom = dom;
  b.extract = (opts & XC_HDOM_EXTRACT) != 0;
  b.top = 0;
  b.free = NULL, b.left = 0;
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
    int amp = 0; /* an '&' in p[i..a) */
    for (;;) {
      a += find2(p + a, n - a, '<', '&', &amp);
      if (a >= n) break;
      c1 = a + 1 < n ? (unsigned char)p[a + 1] : 0;
      if (((c1 | 32) >= 'a' && (c1 | 32) <= 'z') || c1 == '/' || c1 == '!' ||
          c1 == '?')
        break;
      a++;
    }
    if (a > i) {
      if (b.extract && !amp && all_space(p + i, a - i, n - i))
        add_blank(&b); /* most runs between tags: no call */
      else
        add_text(&b, p + i, a - i, n - i, amp);
    }
    if (a >= n) break;
    const char *s = p + a;
    size_t r = n - a;
    if (c1 == '!') {
      if (r >= 4 && s[2] == '-' && s[3] == '-') {
        const char *e = comment_end(s + 4, r - 4);
        i = e ? (size_t)(e - p) + 3 : n;
      } else if (r >= 9 && memcmp(s + 2, "[CDATA[", 7) == 0) {
        const char *e = memmem(s + 9, r - 9, "]]>", 3);
        if (e) add_text(&b, s + 9, (size_t)(e - s) - 9, r - 9, 0);
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
    uint8_t tag;
    if (c1 == '/') {
      if (closes_current(&b, s + 2, r - 2, &i)) {
        i += a + 2;
        continue;
      }
      size_t k = tag_name(s + 2, r - 2, name, sizeof name, &tag);
      const char *e = memchr(s + 2 + k, '>', r - 2 - k);
      i = e ? (size_t)(e - p) + 1 : n;
      if (!k) continue;
      uint8_t etag = tag;
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
    size_t k = tag_name(s + 1, r - 1, name, sizeof name, &tag);
    const known_tag *kt = tag ? &known[tag - 1] : NULL;
    unsigned flags = kt ? kt->flags : 0;
    xc_hnode *el = new_node(&b);
    el->name = kt ? kt->name : keep_copy(&b, name, strlen(name) + 1);
    el->tag = tag;
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
        const xc_hattr *type = xc_hdom_attr_id(el, XC_A_TYPE);
        keep = type && memmem(type->value, type->len, "json", 4) != NULL;
      }
      if (e && keep) {
        b.stack[b.top + 1] = el; /* temporarily current for add_text */
        b.top++;
        add_text(&b, p + i, e, n - i, (flags & K_RCDATA) && memchr(p + i, '&', e));
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

void xc_hdom_attr_text(const xc_hattr *a, xc_buf *out) {
  if (a->refs) xc_html_unescape(out, a->value, a->len);
  else xc_buf_put(out, a->value, a->len);
}

const xc_hattr *xc_hdom_attr_id(const xc_hnode *n, uint8_t id) {
  for (uint16_t i = 0; i < n->nattr; i++)
    if (n->attr[i].id == id) return &n->attr[i];
  return NULL;
}

const xc_hattr *xc_hdom_attr(const xc_hnode *n, const char *name) {
  pthread_once(&tags_once, tags_init);
  unsigned id = table_find_str(&attr_table, name);
  if (id) return xc_hdom_attr_id(n, (uint8_t)id);
  for (uint16_t i = 0; i < n->nattr; i++)
    if (!n->attr[i].id && strcmp(n->attr[i].name, name) == 0) return &n->attr[i];
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
