/* resolve.c - entity resolution over a story's mentions: every mention is a
 * node of a union-find forest; hash tables join nodes with equal keys (a
 * person's first-name and surname skeletons, an organisation's folded
 * name, a country's common name), then small candidate sets decide the
 * rest (a bare surname, an initial, an acronym). In the spirit of the
 * precise-first sieves of Raghunathan et al. 2010 and Lee et al. 2013:
 * exact and near-exact links first, a looser link only when one
 * candidate is left. Word lists: data/resolve.tsv (data/gen_resolve.sh). */
#include "lang/resolve.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "lang/gazetteer.h"

extern const unsigned char xc_resolve_data_start[], xc_resolve_data_end[];

/* ---- hash map from non-zero 64-bit keys to 32-bit values ---- */

typedef struct kmap {
  uint64_t *k;
  uint32_t *v;
  size_t mask, n;
} kmap;

static void kmap_release(kmap *m) {
  free(m->k);
  free(m->v);
  memset(m, 0, sizeof *m);
}

static size_t kmap_find(const kmap *m, uint64_t key) {
  size_t h = (size_t)(key ^ (key >> 29)) & m->mask;
  while (m->k[h] && m->k[h] != key)
    h = (h + 1) & m->mask;
  return h;
}

/* The value of key, or UINT32_MAX. */
static uint32_t kmap_get(const kmap *m, uint64_t key) {
  if (!m->k) return UINT32_MAX;
  size_t h = kmap_find(m, key | 1);
  return m->k[h] ? m->v[h] : UINT32_MAX;
}

/* The value slot of key, inserted with UINT32_MAX when new. */
static uint32_t *kmap_put(kmap *m, uint64_t key) {
  key |= 1;
  if (!m->k || (m->n + 1) * 2 > m->mask + 1) {
    kmap old = *m;
    size_t cap = old.k ? (old.mask + 1) * 2 : 64;
    m->k = xc_xcalloc(cap, sizeof *m->k);
    m->v = xc_xmalloc(cap * sizeof *m->v);
    m->mask = cap - 1;
    for (size_t i = 0; old.k && i <= old.mask; i++)
      if (old.k[i]) {
        size_t h = kmap_find(m, old.k[i]);
        m->k[h] = old.k[i], m->v[h] = old.v[i];
      }
    free(old.k);
    free(old.v);
  }
  size_t h = kmap_find(m, key);
  if (!m->k[h]) m->k[h] = key, m->v[h] = UINT32_MAX, m->n++;
  return &m->v[h];
}

static uint64_t mix(uint64_t a, uint64_t b) {
  uint64_t z = a * 0x9E3779B97F4A7C15ull ^ b;
  z = (z ^ (z >> 29)) * 0xBF58476D1CE4E5B9ull;
  return z ^ (z >> 32);
}

/* ---- folding ---- */

/* Appends p[0..n) case folded, accents stripped, letters and digits only
 * (ASCII directly; other text through utf8proc). */
static void fold(xc_buf *out, const char *p, size_t n) {
  size_t i = 0;
  for (; i < n && !(p[i] & 0x80); i++) {
    int c = (unsigned char)p[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      xc_buf_putc(out, (char)c);
    else if (c >= 'A' && c <= 'Z')
      xc_buf_putc(out, (char)(c + 32));
  }
  if (i == n) return;
  utf8proc_uint8_t *m = NULL;
  utf8proc_ssize_t len =
      utf8proc_map((const utf8proc_uint8_t *)p + i, (utf8proc_ssize_t)(n - i), &m,
                   UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  for (utf8proc_ssize_t k = 0; len > 0 && k < len;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t l = utf8proc_iterate(m + k, len - k, &cp);
    if (l <= 0) break;
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat <= UTF8PROC_CATEGORY_LO || (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
      xc_buf_put(out, (const char *)m + k, (size_t)l);
    k += l;
  }
  free(m);
}

static int is_vowel(int c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* The transliteration folds, on folded text s[0..n) into out (n bytes at
 * most), for the spellings of Russian and Ukrainian names in English, German
 * and French news and for English spelling variants:
 *   ks -> x      Aleksei = Alexei, Maksim = Maxim
 *   ck -> k, c -> k unless before h     Viktor = Victor, Kirill = Cyril
 *   ph -> f, kh -> h, w -> v            Khodorkovsky = Hodorkovsky, Wladimir
 *   ye -> e      Yevgeny = Evgeny, Alekseyev = Alekseev (after the
 *                doubling fold)
 *   y -> i       Sergey = Sergei, Dmitry = Dmitri, Zelenskyy = Zelenskiy
 *   doubled letters once  Zelenskii = Zelenski, Dmitrii = Dmitri, Kirill
 *   a final consonant + "er" -> consonant + "r"  Alexander = Aleksandr,
 *                Peter = Petr
 * Vowels otherwise stay, so Navalny (navalni) and Navalnaya (navalnaia),
 * Ivanov and Ivanova stay apart. Bytes >= 0x80 pass unchanged. */
static size_t skeleton(const char *s, size_t n, char *out) {
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i], nx = i + 1 < n ? s[i + 1] : 0;
    if (c == 'k' && nx == 's')
      c = 'x', i++;
    else if (c == 'c' && nx == 'k')
      c = 'k', i++;
    else if (c == 'c' && nx != 'h')
      c = 'k';
    else if (c == 'p' && nx == 'h')
      c = 'f', i++;
    else if (c == 'k' && nx == 'h')
      c = 'h', i++;
    else if (c == 'y' && nx == 'e')
      continue;
    else if (c == 'y')
      c = 'i';
    else if (c == 'w')
      c = 'v';
    if (o && out[o - 1] == c && !(c & 0x80)) continue;
    out[o++] = c;
  }
  if (o >= 3 && out[o - 1] == 'r' && out[o - 2] == 'e' && !is_vowel(out[o - 3]) &&
      !(out[o - 3] & 0x80))
    out[o - 2] = 'r', o--;
  return o;
}

void xc_resolve_skeleton(const char *p, size_t n, xc_buf *out) {
  xc_buf f;
  xc_buf_init(&f);
  fold(&f, p, n);
  xc_buf_reserve(out, f.n + 1);
  out->n += skeleton(f.p ? f.p : "", f.n, out->p + out->n);
  out->p[out->n] = 0;
  xc_buf_release(&f);
}

/* ---- word lists ---- */

enum {
  W_HON = 1,
  W_RANK = 2,
  W_ROLE = 4,
  W_STOP = 8,
  W_FN = 16,
  W_HEAD = W_HON | W_RANK | W_ROLE,
  W_MOD = 32 /* titles_before: a modifier */
};

typedef struct lists {
  kmap words;      /* folded word -> W_* bits */
  kmap country;    /* folded name -> canonical index */
  kmap demonym;    /* folded demonym -> canonical index */
  uint64_t *canon; /* canonical index -> the key of the country's name */
  size_t ncanon;
} lists;

static lists L;

#define SEED_WORD 11
#define SEED_PHRASE 12

/* Hash of a phrase folded word by word, words joined by one space. */
static uint64_t phrase_key(xc_buf *tmp, const char *p, size_t n) {
  xc_buf_clear(tmp);
  for (size_t i = 0; i < n;) {
    while (i < n && p[i] == ' ')
      i++;
    size_t s = i;
    while (i < n && p[i] != ' ')
      i++;
    size_t before = tmp->n;
    if (before) xc_buf_putc(tmp, ' ');
    size_t mid = tmp->n;
    fold(tmp, p + s, i - s);
    if (tmp->n == mid) tmp->n = before;
  }
  return xc_hash64(tmp->p ? tmp->p : "", tmp->n, SEED_PHRASE);
}

static void lists_build(void) {
  const char *p = (const char *)xc_resolve_data_start, *end = (const char *)xc_resolve_data_end;
  xc_buf tmp;
  xc_buf_init(&tmp);
  kmap canon_ix = {0};
  size_t ccap = 0;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) nl = end;
    const char *t1 = memchr(p, '\t', (size_t)(nl - p));
    if (*p != '#' && t1) {
      const char *w = t1 + 1, *t2 = memchr(w, '\t', (size_t)(nl - w));
      size_t cl = (size_t)(t1 - p), wl = (size_t)((t2 ? t2 : nl) - w);
      int bits = cl == 9 && !memcmp(p, "honorific", 9) ? W_HON
                 : cl == 4 && !memcmp(p, "rank", 4)    ? W_RANK
                 : cl == 4 && !memcmp(p, "role", 4)    ? W_ROLE
                 : cl == 4 && !memcmp(p, "stop", 4)    ? W_STOP
                 : cl == 2 && !memcmp(p, "fn", 2)      ? W_FN
                                                       : 0;
      if (bits) {
        uint32_t *v = kmap_put(&L.words, xc_hash64(w, wl, SEED_WORD));
        *v = (*v == UINT32_MAX ? 0 : *v) | (uint32_t)bits;
      } else if (t2 &&
                 ((cl == 7 && !memcmp(p, "country", 7)) || (cl == 7 && !memcmp(p, "demonym", 7)))) {
        uint64_t ck = phrase_key(&tmp, t2 + 1, (size_t)(nl - t2 - 1));
        uint32_t *ci = kmap_put(&canon_ix, ck);
        if (*ci == UINT32_MAX) {
          if (L.ncanon == ccap) {
            ccap = ccap ? ccap * 2 : 256;
            L.canon = xc_xrealloc(L.canon, ccap * sizeof *L.canon);
          }
          L.canon[L.ncanon] = ck;
          *ci = (uint32_t)L.ncanon++;
        }
        uint32_t ix = *ci;
        *kmap_put(p[0] == 'c' ? &L.country : &L.demonym, phrase_key(&tmp, w, wl)) = ix;
      }
    }
    p = nl + 1;
  }
  kmap_release(&canon_ix);
  xc_buf_release(&tmp);
}

static const lists *lists_get(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, lists_build);
  return &L;
}

/* ---- the resolver ---- */

enum { C_PER, C_NAME, C_LOC }; /* key spaces: people; bodies and others; places */
enum { N_SKIP = 1, N_DEMONYM = 2, N_INITIAL = 4, N_FULL = 8, N_MAYBE_PER = 16 };

typedef struct rnode {
  uint32_t parent;
  uint32_t doc;
  const char *form;     /* the name as written, titles stripped (arena) */
  uint64_t first, last; /* people (and N_MAYBE_PER): skeleton hashes of first
                           name and surname */
  uint64_t acr;         /* acronym key, or 0 */
  uint64_t place;       /* a demonym's country key, or 0 */
  uint16_t nwords;
  uint8_t type, cls, flags;
  char init, init2; /* people: the first name's initial (folded, skeleton) */
} rnode;

/* A title, role or demonym string of a node, for the entity lists. */
enum { A_TITLE, A_ROLE };
typedef struct attach {
  uint32_t node;
  uint8_t kind;
  const char *s;
} attach;

/* Initials of a multi-word name (key) and its node. */
typedef struct initials {
  uint64_t key;
  uint32_t node;
} initials;

struct xc_resolver {
  xc_arena arena;
  rnode *nodes;
  size_t n, cap;
  attach *att;
  size_t natt, attcap;
  initials *ini;
  size_t nini, inicap;
  kmap keys;                    /* exact keys -> a node */
  /* the documents added, ascending by index: their first mention's number
   * and how many mentions (a story holds a few documents of a corpus of
   * millions: a table by document index would cost the corpus per story) */
  struct doc_slot {
    uint32_t doc, base, count;
  } *slots;
  size_t nslots, slotcap;
  xc_buf tmp, tmp2;
  int finished;
  /* results */
  xc_entity *ents;
  size_t nents;
  int32_t *ent_of; /* node -> entity */
};

xc_resolver *xc_resolve_new(void) {
  lists_get();
  return xc_xcalloc(1, sizeof(xc_resolver));
}

void xc_resolve_free(xc_resolver *r) {
  if (!r) return;
  xc_arena_release(&r->arena);
  free(r->nodes);
  free(r->att);
  free(r->ini);
  kmap_release(&r->keys);
  free(r->slots);
  xc_buf_release(&r->tmp);
  xc_buf_release(&r->tmp2);
  free(r->ents);
  free(r->ent_of);
  free(r);
}

static uint32_t find(xc_resolver *r, uint32_t a) {
  while (r->nodes[a].parent != a) {
    r->nodes[a].parent = r->nodes[r->nodes[a].parent].parent;
    a = r->nodes[a].parent;
  }
  return a;
}

/* Joins the sets of a and b; the earlier node stays the root. */
static void unite(xc_resolver *r, uint32_t a, uint32_t b) {
  a = find(r, a), b = find(r, b);
  if (a == b) return;
  if (a < b)
    r->nodes[b].parent = a;
  else
    r->nodes[a].parent = b;
}

/* Joins node i with the node that holds key first, or makes i hold it. */
static void unite_key(xc_resolver *r, uint64_t key, uint32_t i) {
  uint32_t *v = kmap_put(&r->keys, key);
  if (*v == UINT32_MAX)
    *v = i;
  else
    unite(r, *v, i);
}

static void add_attach(xc_resolver *r, uint32_t node, int kind, const char *s) {
  if (r->natt == r->attcap) {
    r->attcap = r->attcap ? r->attcap * 2 : 64;
    r->att = xc_xrealloc(r->att, r->attcap * sizeof *r->att);
  }
  r->att[r->natt++] = (attach){node, (uint8_t)kind, s};
}

static void add_initials(xc_resolver *r, uint64_t key, uint32_t node) {
  if (r->nini == r->inicap) {
    r->inicap = r->inicap ? r->inicap * 2 : 64;
    r->ini = xc_xrealloc(r->ini, r->inicap * sizeof *r->ini);
  }
  r->ini[r->nini++] = (initials){key, node};
}

/* The text p[0..n) with runs of white space as one space, in the arena. */
static const char *arena_text(xc_resolver *r, const char *p, size_t n) {
  char *s = xc_arena_alloc(&r->arena, n + 1);
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    char c = p[i];
    if (xc_is_space((unsigned char)c)) {
      if (o && s[o - 1] != ' ') s[o++] = ' ';
    } else {
      s[o++] = c;
    }
  }
  while (o && s[o - 1] == ' ')
    o--;
  s[o] = 0;
  return s;
}

/* One document's view, for the helpers below. */
typedef struct dview {
  const char *text;
  const xc_token *t;
  size_t nt;
  const xc_mention *m;
  size_t nm;
  uint32_t base; /* node of mention 0 */
} dview;

/* Can a name start or end with token t? Not with a bullet, dash or quote
 * the tagger took in ("• Apple", "”Twitter"). */
static int is_name_token(const xc_token *t) {
  return t->kind == XC_TK_WORD || t->kind == XC_TK_NUMBER;
}

static int tok_is_word(const xc_token *t) {
  return t->kind == XC_TK_WORD && !(t->flags & XC_TF_CLITIC);
}

/* W_* bits of token k's word, a final period dropped ("Gen." -> gen). */
static unsigned word_bits(xc_resolver *r, const dview *v, size_t k) {
  const xc_token *t = &v->t[k];
  if (t->kind != XC_TK_WORD) return 0;
  size_t n = t->end - t->start;
  const char *p = v->text + t->start;
  if (n > 1 && p[n - 1] == '.') n--;
  if (n > 40) return 0;
  xc_buf_clear(&r->tmp2);
  fold(&r->tmp2, p, n);
  uint32_t b = kmap_get(&L.words, xc_hash64(r->tmp2.p ? r->tmp2.p : "", r->tmp2.n, SEED_WORD));
  return b == UINT32_MAX ? 0 : b;
}

/* The gazetteer's lists (1 << XC_GAZ_*) holding token k's word; ~0 for a
 * word too long to look up. */
static unsigned gaz_bits(const dview *v, size_t k) {
  const xc_token *t = &v->t[k];
  char w[48];
  size_t n = t->end - t->start;
  if (n >= sizeof w) return ~0u;
  for (size_t i = 0; i < n; i++)
    w[i] = (char)xc_lower((unsigned char)v->text[t->start + i]);
  uint64_t h = xc_gaz_word_hash(w, n);
  return xc_gaz_lookup(xc_gaz_default(), &h, 1);
}

/* Can token k modify a title word ("Foreign", "Police", "Defence")? A
 * common English word, or a capitalised word no name list knows. */
static int is_modifier(const dview *v, size_t k) {
  unsigned b = gaz_bits(v, k);
  return (b & (1u << XC_GAZ_COMMON)) || ((v->t[k].flags & XC_TF_UPPER) && !b);
}

static int is_first_name(const dview *v, size_t k) {
  unsigned b = gaz_bits(v, k);
  return b != ~0u && (b & (1u << XC_GAZ_FIRST));
}

static int is_initial(const dview *v, size_t k) {
  const xc_token *t = &v->t[k];
  if (t->sub == XC_AB_INITIAL) return 1;
  return t->end - t->start == 1 && (t->flags & XC_TF_UPPER);
}

static int is_lower_word(const dview *v, size_t k) {
  return tok_is_word(&v->t[k]) && (v->t[k].flags & XC_TF_LOWER);
}

/* Is the whole of mention mi title words ("Lt.", "President")? */
static int title_only(xc_resolver *r, const dview *v, size_t mi) {
  const xc_mention *m = &v->m[mi];
  for (size_t k = m->tok; k < m->tok_end; k++)
    if (!(word_bits(r, v, k) & W_HEAD)) return 0;
  return 1;
}

/* Hash of tokens [a, b) folded, joined by a space where the text has one. */
static uint64_t tokens_key(xc_resolver *r, const dview *v, size_t a, size_t b, uint64_t seed) {
  xc_buf *f = &r->tmp;
  xc_buf_clear(f);
  for (size_t k = a; k < b; k++) {
    size_t before = f->n;
    if (before && (v->t[k].flags & XC_TF_SPACE)) xc_buf_putc(f, ' ');
    size_t mid = f->n;
    fold(f, v->text + v->t[k].start, v->t[k].end - v->t[k].start);
    if (f->n == mid) f->n = before;
  }
  return xc_hash64(f->p ? f->p : "", f->n, seed);
}

/* The skeleton hash of the words [a, b) run together, and the folded and
 * skeleton first letters of word a. */
static uint64_t skel_key(xc_resolver *r, const dview *v, const uint32_t *w, size_t a, size_t b,
                         char *init, char *init2) {
  xc_buf *f = &r->tmp;
  xc_buf_clear(f);
  for (size_t i = a; i < b; i++)
    fold(f, v->text + v->t[w[i]].start, v->t[w[i]].end - v->t[w[i]].start);
  xc_buf_reserve(&r->tmp2, f->n + 1);
  size_t n = skeleton(f->p ? f->p : "", f->n, r->tmp2.p);
  if (init) *init = f->n ? f->p[0] : 0;
  if (init2) *init2 = n ? r->tmp2.p[0] : 0;
  return xc_hash64(r->tmp2.p, n, 200) | 1;
}

/* Is token k inside a mention other than mi that is not a lone title?
 * *j walks back over the mentions before mi (start it at mi). */
static int in_other_mention(const xc_resolver *r, const dview *v, size_t mi, size_t *j, size_t k) {
  while (*j > 0 && v->m[*j - 1].tok > k)
    (*j)--;
  if (*j == 0 || *j > mi) return 0;
  const xc_mention *m = &v->m[*j - 1];
  return m->tok <= k && k < m->tok_end && !(r->nodes[v->base + *j - 1].flags & N_SKIP);
}

/* Is the word before token k "to" or a modal ("to anger President X",
 * "would please Minister Y")? Then the lower-case word at k is a verb,
 * not a modifier of the title after it. */
static int after_verb_marker(const dview *v, size_t k) {
  static const char *const markers[] = {"to", "will", "would", "could", "can", "may",
                                        "might", "must", "shall", "should", "not", NULL};
  if (k == 0 || !tok_is_word(&v->t[k - 1])) return 0;
  const xc_token *t = &v->t[k - 1];
  size_t n = t->end - t->start;
  for (int i = 0; markers[i]; i++)
    if (strlen(markers[i]) == n && xc_strncaseeq(v->text + t->start, markers[i], n)) return 1;
  return 0;
}

/* Titles in front of a person's name starting at token ns (the mention's
 * own leading title words, if any, come first): the nearest word must be
 * a title, rank or role word; before it more of those, and modifiers of
 * roles and ranks ("Foreign Minister", "Police Chief"; is_modifier; not
 * "accusing Mr."), up to six words,
 * stopping at punctuation, function words, pronouns, verbs, adverbs,
 * other mentions, a capitalised first name ("Don"), a lower-case word
 * after "to" or a modal (a verb: "to anger President"), and after a
 * lower-case modifier ("former"). The phrase is split after its last role word: to the
 * left a role ("Defense Minister"), to the right a title ("Gen."). */
static void titles_before(xc_resolver *r, const dview *v, size_t mi, size_t ns, uint32_t node) {
  size_t ps = ns, lastrole = SIZE_MAX, j = mi;
  unsigned right = 0; /* bits of the word to the right */
  for (size_t k = ns; k-- > 0 && ns - k <= 6;) {
    const xc_token *t = &v->t[k];
    if (!tok_is_word(t)) break;
    if (k < v->m[mi].tok && in_other_mention(r, v, mi, &j, k)) break;
    unsigned bits = word_bits(r, v, k);
    int lower = (t->flags & XC_TF_LOWER) != 0;
    if (bits & W_HEAD) {
      if (!lower && t->sub != XC_AB_LISTED && is_first_name(v, k)) break; /* "Don" */
      if ((bits & W_ROLE) && lastrole == SIZE_MAX) lastrole = k;
    } else if (!(right & (W_ROLE | W_RANK | W_MOD)) || (bits & (W_STOP | W_FN)) ||
               !is_modifier(v, k) || (lower && after_verb_marker(v, k))) {
      break; /* modifiers go with roles and ranks, not "Mr."; not "to anger" */
    } else {
      bits |= W_MOD;
    }
    right = bits;
    ps = k;
    if (lower && !(bits & W_HEAD)) break; /* "former": one lower-case modifier, first */
  }
  if (ps == ns) return;
  size_t split = lastrole == SIZE_MAX ? ps : lastrole + 1;
  if (split > ps)
    add_attach(r, node, A_ROLE,
               arena_text(r, v->text + v->t[ps].start, v->t[split - 1].end - v->t[ps].start));
  if (split < ns)
    add_attach(r, node, A_TITLE,
               arena_text(r, v->text + v->t[split].start, v->t[ns - 1].end - v->t[split].start));
}

/* A role in apposition after a person's mention mi: ", deputy head of the
 * GRU," or ", the country's foreign minister,". The phrase runs from the
 * comma to the next punctuation mark, quote, pronoun, verb or adverb
 * (at most twelve tokens), must hold a role or rank word and no other
 * person, and must not end in a function word; a leading "a"/"an" is
 * dropped. */
static void role_after(xc_resolver *r, const dview *v, size_t mi, uint32_t node) {
  size_t k = v->m[mi].tok_end;
  if (k + 1 >= v->nt || v->t[k].kind != XC_TK_PUNCT || v->t[k].sub != XC_PU_COMMA) return;
  size_t a = k + 1, b = a, next = mi + 1;
  int head = 0;
  for (; b < v->nt && b - a < 12; b++) {
    const xc_token *t = &v->t[b];
    if (t->kind != XC_TK_WORD && t->kind != XC_TK_NUMBER) break;
    while (next < v->nm && v->m[next].tok_end <= b)
      next++;
    if (next < v->nm && v->m[next].tok <= b && v->m[next].type == XC_NER_PER &&
        !(r->nodes[v->base + next].flags & N_SKIP))
      return;
    unsigned bits = word_bits(r, v, b);
    if (bits & W_STOP) break;
    if (bits & (W_ROLE | W_RANK)) head = 1;
  }
  if (!head || b == a || (word_bits(r, v, b - 1) & W_FN)) return;
  if (b == v->nt || (v->t[b].kind != XC_TK_PUNCT && !(word_bits(r, v, b) & W_STOP))) return;
  size_t n0 = v->t[a].end - v->t[a].start;
  const char *p0 = v->text + v->t[a].start;
  if (b - a > 1 &&
      ((n0 == 1 && (*p0 == 'a' || *p0 == 'A')) || (n0 == 2 && xc_strncaseeq(p0, "an", 2))))
    a++;
  add_attach(r, node, A_ROLE,
             arena_text(r, v->text + v->t[a].start, v->t[b - 1].end - v->t[a].start));
}

static int is_roman(const char *p, size_t n) {
  if (n == 0 || n > 4) return 0;
  for (size_t i = 0; i < n; i++)
    if (p[i] != 'I' && p[i] != 'V' && p[i] != 'X') return 0;
  return 1;
}

#define MAXW 16

/* A person's mention: its name words without the titles in front and the
 * suffixes behind ("Jr.", "III"), its titles and roles, and its keys:
 * first name and surname skeletons (a lower-case word after the first
 * starts the surname: "Ursula von der Leyen"). */
static void person(xc_resolver *r, const dview *v, size_t mi, uint32_t id) {
  rnode *nd = &r->nodes[id];
  const xc_mention *m = &v->m[mi];
  uint32_t w[MAXW];
  size_t nw = 0, j = 0;
  for (size_t k = m->tok; k < m->tok_end && nw < MAXW; k++)
    if (tok_is_word(&v->t[k])) w[nw++] = (uint32_t)k;
  if (!nw) {
    nd->flags |= N_SKIP;
    return;
  }
  while (nw - j > 1 && (word_bits(r, v, w[j]) & W_HEAD) &&
         (v->t[w[j]].sub == XC_AB_LISTED || !is_first_name(v, w[j])))
    j++;
  while (nw - j > 1) {
    const xc_token *t = &v->t[w[nw - 1]];
    if (!is_roman(v->text + t->start, t->end - t->start) &&
        !((word_bits(r, v, w[nw - 1]) & W_HON) && (t->flags & XC_TF_ABBR)))
      break;
    nw--;
  }
  nd->form = arena_text(r, v->text + v->t[w[j]].start, v->t[w[nw - 1]].end - v->t[w[j]].start);
  nd->nwords = (uint16_t)(nw - j);
  titles_before(r, v, mi, w[j], id);
  role_after(r, v, mi, id);
  if (nw - j == 1 || is_lower_word(v, w[j])) {
    nd->last = skel_key(r, v, w, j, nw, NULL, NULL);
    return;
  }
  size_t s = nw - 1;
  for (size_t i = j + 1; i < nw - 1; i++)
    if (is_lower_word(v, w[i])) {
      s = i;
      break;
    }
  nd->last = skel_key(r, v, w, s, nw, NULL, NULL);
  if (is_initial(v, w[j])) {
    skel_key(r, v, w, j, j + 1, &nd->init, &nd->init2);
    nd->flags |= N_INITIAL;
    unite_key(r, mix(mix(C_PER, (uint64_t)(unsigned char)nd->init), nd->last), id);
  } else {
    nd->first = skel_key(r, v, w, j, j + 1, &nd->init, &nd->init2);
    nd->flags |= N_FULL;
    unite_key(r, mix(mix(C_PER, nd->first), nd->last), id);
  }
}

static int word_is(const dview *v, size_t k, const char *s) {
  size_t n = strlen(s);
  return k < v->nt && v->t[k].kind == XC_TK_WORD && v->t[k].end - v->t[k].start == n &&
         xc_strncaseeq(v->text + v->t[k].start, s, n);
}

/* Is token k a country or a city or region of the gazetteer? */
static int is_place(xc_resolver *r, const dview *v, size_t k) {
  if (kmap_get(&L.country, tokens_key(r, v, k, k + 1, SEED_PHRASE)) != UINT32_MAX) return 1;
  unsigned b = gaz_bits(v, k);
  return (b & ((1u << XC_GAZ_CITY) | (1u << XC_GAZ_COUNTRY) | (1u << XC_GAZ_REGION))) != 0;
}

/* Is token k an acronym: one word in capitals ("GRU") or dotted ("U.N.")? */
static int is_acronym(const dview *v, size_t k) {
  const xc_token *t = &v->t[k];
  size_t n = t->end - t->start;
  return t->kind == XC_TK_WORD && n >= 2 && n <= 16 &&
         ((t->flags & XC_TF_ALLCAPS) || (t->sub == XC_AB_DOTTED && (t->flags & XC_TF_UPPER)));
}

/* An organisation, place or other name: folded words without a leading
 * "the"; a place by its country's common name when it is one; a demonym
 * notes its country; an acronym and the initials of a longer name are
 * kept for xc_resolve_finish. */
static void other(xc_resolver *r, const dview *v, size_t mi, uint32_t id) {
  rnode *nd = &r->nodes[id];
  const xc_mention *m = &v->m[mi];
  size_t a = m->tok, b = m->tok_end;
  while (b - a > 1 && !is_name_token(&v->t[a]))
    a++;
  while (b - a > 1 && !is_name_token(&v->t[b - 1]))
    b--;
  if (b - a > 1 && word_is(v, a, "the")) a++;
  nd->form = arena_text(r, v->text + v->t[a].start, v->t[b - 1].end - v->t[a].start);
  char caps[MAXW + 1], all[MAXW + 1];
  size_t nc = 0, na = 0;
  for (size_t k = a; k < b; k++) {
    const xc_token *t = &v->t[k];
    if (!tok_is_word(t)) continue;
    nd->nwords++;
    /* a word's initial; all the letters of a short word in capitals ("NY") */
    size_t len = t->end - t->start, take = (t->flags & XC_TF_ALLCAPS) && len <= 4 ? len : 1;
    for (size_t i = 0; i < take; i++) {
      char c = (char)xc_lower((unsigned char)v->text[t->start + i]);
      if (c == '.') continue;
      if (na < MAXW) all[na++] = c;
      if (nc < MAXW && !(t->flags & XC_TF_LOWER)) caps[nc++] = c;
    }
  }
  uint64_t h = tokens_key(r, v, a, b, SEED_PHRASE);
  uint64_t key = mix(nd->cls, h);
  if (nd->cls == C_LOC) {
    uint32_t ci = kmap_get(&L.country, h);
    if (ci != UINT32_MAX) key = mix(C_LOC, L.canon[ci]);
  } else if (nd->type == XC_NER_MISC) {
    uint32_t ci = kmap_get(&L.demonym, h);
    if (ci != UINT32_MAX) nd->place = mix(C_LOC, L.canon[ci]), nd->flags |= N_DEMONYM;
  }
  unite_key(r, key, id);
  if (b - a == 1 && is_acronym(v, a)) {
    if (kmap_get(&L.country, h) == UINT32_MAX) nd->acr = mix(nd->cls + 8, h); /* not "US" */
  } else if ((nd->cls == C_NAME || (b - a == 1 && !is_place(r, v, a))) && b - a <= 2 &&
             nd->nwords == b - a && nc == b - a && !(v->t[a].flags & XC_TF_ALLCAPS) &&
             !(v->t[b - 1].flags & XC_TF_ALLCAPS)) {
    uint32_t w[2] = {(uint32_t)a, (uint32_t)(b - 1)};
    nd->flags |= N_MAYBE_PER;
    nd->last = skel_key(r, v, w, b - a - 1, b - a, NULL, NULL);
    if (b - a == 2) nd->first = skel_key(r, v, w, 0, 1, &nd->init, &nd->init2);
  }
  if (nd->nwords >= 2 && nc >= 2) {
    uint64_t kc = mix(nd->cls + 8, xc_hash64(caps, nc, SEED_PHRASE));
    add_initials(r, kc, id);
    if (na != nc) add_initials(r, mix(nd->cls + 8, xc_hash64(all, na, SEED_PHRASE)), id);
  }
}

/* The mention starting at token k, or SIZE_MAX. */
static size_t mention_at(const dview *v, size_t from, size_t k) {
  for (size_t j = from; j < v->nm && v->m[j].tok <= k; j++)
    if (v->m[j].tok == k) return j;
  return SIZE_MAX;
}

/* Names defined in the text: "the Main Intelligence Directorate (GRU)",
 * "GRU (Main Intelligence Directorate)", "..., known as the GRU" and
 * "..., also known as GRU". The acronym joins the long name even when the
 * tagger missed it: its key goes to the long name's set. Brackets define
 * only organisations and other names, never places, never after a name
 * in capitals (the datelines "NEW YORK (AP)", "KYIV (Reuters)") and
 * never with a country's code ("National Academy of Sciences (US)"). */
static void definitions(xc_resolver *r, const dview *v, size_t mi, uint32_t id) {
  const rnode *nd = &r->nodes[id];
  size_t k = v->m[mi].tok_end;
  if (k + 2 < v->nt && v->t[k].sub == XC_PU_BRACKET && (v->t[k].flags & XC_TF_OPEN) &&
      v->text[v->t[k].start] == '(') {
    size_t j = mention_at(v, mi + 1, k + 1);
    size_t close = j != SIZE_MAX ? v->m[j].tok_end : k + 2;
    if (close < v->nt && v->t[close].sub == XC_PU_BRACKET && (v->t[close].flags & XC_TF_CLOSE)) {
      /* a long name defines the acronym in brackets, or an acronym the
       * long name; neither a place nor in capitals ("NEW YORK (AP)") */
      const xc_mention *out = &v->m[mi], *in = j != SIZE_MAX ? &v->m[j] : NULL;
      int acr_out = out->tok_end - out->tok == 1 && is_acronym(v, out->tok);
      int acr_in = close == k + 2 && is_acronym(v, k + 1);
      const xc_mention *lng = acr_in && !acr_out ? out : acr_out && !acr_in ? in : NULL;
      uint64_t ak =
          tokens_key(r, v, acr_in ? k + 1 : out->tok, acr_in ? k + 2 : out->tok + 1, SEED_PHRASE);
      if (kmap_get(&L.country, ak) != UINT32_MAX) lng = NULL; /* "Academy of Sciences (US)" */
      if (lng && lng->type != XC_NER_LOC && lng->type != XC_NER_PER &&
          !(v->t[lng->tok].flags & XC_TF_ALLCAPS) && lng->tok_end - lng->tok >= 2) {
        if (lng == out) unite_key(r, mix(nd->cls, ak), id);
        if (in && in->type != XC_NER_PER && in->type != XC_NER_LOC &&
            !(r->nodes[v->base + j].flags & N_SKIP))
          unite(r, id, v->base + (uint32_t)j);
      }
    }
    return;
  }
  if (k < v->nt && v->t[k].sub == XC_PU_COMMA) k++;
  if (k < v->nt && !word_is(v, k, "known") && (v->t[k].flags & XC_TF_LOWER)) k++;
  if (!word_is(v, k, "known") || !word_is(v, k + 1, "as")) return;
  k += 2;
  size_t j = mention_at(v, mi + 1, k);
  if (j == SIZE_MAX && word_is(v, k, "the")) j = mention_at(v, mi + 1, ++k);
  if (j != SIZE_MAX && v->m[j].type != XC_NER_PER && !(r->nodes[v->base + j].flags & N_SKIP))
    unite(r, id, v->base + (uint32_t)j);
  else if (k < v->nt && is_acronym(v, k))
    unite_key(r, mix(nd->cls, tokens_key(r, v, k, k + 1, SEED_PHRASE)), id);
}

/* A person's full name in a document, for linking the bare surnames and
 * initials of the same document. */
typedef struct fullname {
  uint64_t key, first, last;
  uint32_t node;
  char init, init2;
} fullname;

static int cmp_fullname(const void *a, const void *b) {
  const fullname *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  if (x->first != y->first) return x->first < y->first ? -1 : 1;
  return (x->node > y->node) - (x->node < y->node);
}

/* The one person among the entries f[0..n) (sorted) with this key and,
 * when init is set, that initial: a node of it, or UINT32_MAX when there
 * is none or two names differ. */
static uint32_t unique_match(const fullname *f, size_t n, uint64_t key, char init) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (f[mid].key < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  uint32_t found = UINT32_MAX;
  uint64_t first = 0, last = 0;
  for (size_t i = lo; i < n && f[i].key == key; i++) {
    if (init && f[i].init != init && f[i].init2 != init) continue;
    if (found == UINT32_MAX)
      found = f[i].node, first = f[i].first, last = f[i].last;
    else if (f[i].first != first || f[i].last != last)
      return UINT32_MAX;
  }
  return found;
}

/* Within a document: a bare name joins the one full name with that
 * surname; failing that, the one full name with that first name
 * ("Yulia" after "Yulia Navalnaya"). "J. Smith" joins the one full name
 * with that surname and initial. When two people share the surname (John
 * and Jane Smith) a bare "Smith" joins neither: it stays its own,
 * unresolved entity rather than a guess. */
static void link_document(xc_resolver *r, const dview *v) {
  size_t nf = 0;
  for (size_t i = 0; i < v->nm; i++)
    nf += (r->nodes[v->base + i].flags & N_FULL) != 0;
  if (!nf) return;
  fullname *by_last = xc_xmalloc(2 * nf * sizeof *by_last), *by_first = by_last + nf;
  size_t k = 0;
  for (size_t i = 0; i < v->nm; i++) {
    const rnode *nd = &r->nodes[v->base + i];
    if (!(nd->flags & N_FULL)) continue;
    by_last[k] =
        (fullname){nd->last, nd->first, nd->last, v->base + (uint32_t)i, nd->init, nd->init2};
    by_first[k] = by_last[k];
    by_first[k++].key = nd->first;
  }
  qsort(by_last, nf, sizeof *by_last, cmp_fullname);
  qsort(by_first, nf, sizeof *by_first, cmp_fullname);
  for (size_t i = 0; i < v->nm; i++) {
    uint32_t id = v->base + (uint32_t)i;
    const rnode *nd = &r->nodes[id];
    if (nd->type != XC_NER_PER || (nd->flags & (N_SKIP | N_FULL))) continue;
    uint32_t to;
    if (nd->flags & N_INITIAL) {
      to = unique_match(by_last, nf, nd->last, nd->init);
    } else {
      to = unique_match(by_last, nf, nd->last, 0);
      if (to == UINT32_MAX && nd->nwords == 1) to = unique_match(by_first, nf, nd->last, 0);
    }
    if (to != UINT32_MAX) unite(r, id, to);
  }
  free(by_last);
}

/* The tagger now and then calls a surname alone an organisation or a
 * place ("Zelenskyy" after "Volodymyr Zelenskiy", "Romney"): a one-word
 * mention (after any titles), not in capitals, whose skeleton is the
 * surname of a person named in full in the same document is taken for
 * that person, unless it is a known place ("Jordan" the country beside
 * "Michael Jordan"). */
static int retyped(xc_resolver *r, const dview *v, size_t mi, const kmap *surnames) {
  const xc_mention *m = &v->m[mi];
  /* titles and ranks in front ("Lieutenant General Petrov" tagged ORG)
   * are skipped: what counts is the one word after them */
  uint32_t w = m->tok;
  while (w + 1 < m->tok_end && (word_bits(r, v, w) & W_HEAD)) w++;
  if (m->tok_end - w != 1 || !tok_is_word(&v->t[w]) || (v->t[w].flags & XC_TF_ALLCAPS) ||
      (m->type == XC_NER_LOC && w == m->tok && is_place(r, v, w)))
    return 0;
  return kmap_get(surnames, skel_key(r, v, &w, 0, 1, NULL, NULL)) != UINT32_MAX;
}

/* The position of doc in r->slots, or where it would go (*found: 0). */
static size_t slot_find(const xc_resolver *r, uint32_t doc, int *found) {
  size_t lo = 0, hi = r->nslots;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (r->slots[mid].doc < doc) lo = mid + 1;
    else hi = mid;
  }
  *found = lo < r->nslots && r->slots[lo].doc == doc;
  return lo;
}

int xc_resolve_add(xc_resolver *r, uint32_t doc, const char *text, size_t n, const xc_lang_doc *d) {
  if (r->finished) return XC_EINVAL;
  int found;
  size_t at = slot_find(r, doc, &found);
  if (found) return XC_EINVAL;
  for (size_t i = 0; i < d->nmentions; i++) {
    const xc_mention *m = &d->mentions[i];
    if (m->tok >= m->tok_end || m->tok_end > d->tokens.n || d->tokens.v[m->tok_end - 1].end > n)
      return XC_EINVAL;
  }
  dview v = {text, d->tokens.v, d->tokens.n, d->mentions, d->nmentions, (uint32_t)r->n};
  if (r->nslots == r->slotcap) {
    r->slotcap = r->slotcap ? 2 * r->slotcap : 8;
    r->slots = xc_xrealloc(r->slots, r->slotcap * sizeof *r->slots);
  }
  memmove(r->slots + at + 1, r->slots + at, (r->nslots - at) * sizeof *r->slots);
  r->slots[at] = (struct doc_slot){doc, (uint32_t)r->n, (uint32_t)d->nmentions};
  r->nslots++;
  if (r->n + v.nm > r->cap) {
    while (r->n + v.nm > r->cap)
      r->cap = r->cap ? r->cap * 2 : 256;
    r->nodes = xc_xrealloc(r->nodes, r->cap * sizeof *r->nodes);
  }
  for (size_t i = 0; i < v.nm; i++) {
    rnode *nd = &r->nodes[r->n + i];
    memset(nd, 0, sizeof *nd);
    nd->parent = (uint32_t)(r->n + i);
    nd->doc = doc;
    nd->type = v.m[i].type;
    nd->cls = nd->type == XC_NER_PER ? C_PER : nd->type == XC_NER_LOC ? C_LOC : C_NAME;
    nd->form = "";
  }
  r->n += v.nm;
  for (size_t i = 0; i < v.nm; i++)
    if (title_only(r, &v, i)) r->nodes[v.base + i].flags |= N_SKIP;
  kmap surnames = {0};
  for (size_t i = 0; i < v.nm; i++) {
    uint32_t id = v.base + (uint32_t)i;
    if ((r->nodes[id].flags & N_SKIP) || r->nodes[id].type != XC_NER_PER) continue;
    person(r, &v, i, id);
    if (r->nodes[id].flags & N_FULL) *kmap_put(&surnames, r->nodes[id].last) = id;
  }
  for (size_t i = 0; i < v.nm; i++) {
    uint32_t id = v.base + (uint32_t)i;
    rnode *nd = &r->nodes[id];
    if ((nd->flags & N_SKIP) || nd->type == XC_NER_PER) continue;
    if (surnames.n && retyped(r, &v, i, &surnames)) {
      nd->type = XC_NER_PER, nd->cls = C_PER;
      person(r, &v, i, id);
    } else {
      other(r, &v, i, id);
    }
  }
  kmap_release(&surnames);
  for (size_t i = 0; i < v.nm; i++) {
    uint32_t id = v.base + (uint32_t)i;
    if (!(r->nodes[id].flags & N_SKIP) && r->nodes[id].type != XC_NER_PER)
      definitions(r, &v, i, id);
  }
  link_document(r, &v);
  return 0;
}

/* ---- across the story ---- */

/* A person's set: the best-known name of its members (a full first name
 * over an initial over none). */
typedef struct pset {
  uint64_t last, first;
  uint32_t root;
  char init, init2, rank; /* rank: 2 full first name, 1 initial, 0 bare */
} pset;

static int cmp_pset(const void *a, const void *b) {
  const pset *x = a, *y = b;
  if (x->last != y->last) return x->last < y->last ? -1 : 1;
  if (x->rank != y->rank) return y->rank - x->rank;
  if (x->first != y->first) return x->first < y->first ? -1 : 1;
  return (x->root > y->root) - (x->root < y->root);
}

/* People across documents, per surname skeleton:
 *   - equal first name and surname skeletons join (by key already, but
 *     for names retype_people gave back to people);
 *   - "J. Smith" joins the one full name with that surname and initial;
 *     with none or several, the sets with the same initial join;
 *   - a bare surname joins the one named person with that surname; with
 *     none or several, the bare sets join each other (an unresolved
 *     "Smith" rather than a guess);
 *   - different first names never join. */
static void link_people(xc_resolver *r) {
  size_t np = 0;
  uint32_t *slot = xc_xmalloc(r->n * sizeof *slot);
  pset *p = xc_xmalloc(r->n * sizeof *p);
  for (size_t i = 0; i < r->n; i++)
    slot[i] = UINT32_MAX;
  for (size_t i = 0; i < r->n; i++) {
    const rnode *nd = &r->nodes[i];
    if (nd->type != XC_NER_PER || (nd->flags & N_SKIP)) continue;
    uint32_t root = find(r, (uint32_t)i);
    if (slot[root] == UINT32_MAX)
      slot[root] = (uint32_t)np, p[np++] = (pset){nd->last, 0, root, 0, 0, -1};
    pset *s = &p[slot[root]];
    char rank = (nd->flags & N_FULL) ? 2 : (nd->flags & N_INITIAL) ? 1 : 0;
    if (rank > s->rank)
      s->rank = rank, s->last = nd->last, s->first = nd->first, s->init = nd->init,
      s->init2 = nd->init2;
  }
  qsort(p, np, sizeof *p, cmp_pset);
  for (size_t a = 0, b; a < np; a = b) {
    size_t nfull = 0;
    for (b = a; b < np && p[b].last == p[a].last; b++)
      nfull += p[b].rank == 2;
    uint32_t named = UINT32_MAX, bare = UINT32_MAX;
    int several = 0;
    for (size_t i = a + 1; i < a + nfull; i++) /* retyped names join theirs */
      if (p[i].first == p[i - 1].first) unite(r, p[i - 1].root, p[i].root);
    for (size_t i = a; i < b; i++) {
      if (p[i].rank == 1) {
        uint32_t to = UINT32_MAX;
        int hits = 0;
        for (size_t f = a; f < a + nfull; f++)
          if (p[f].init == p[i].init || p[f].init2 == p[i].init) to = p[f].root, hits++;
        if (hits != 1) /* the first set with this initial */
          for (size_t f = a + nfull; f < i; f++)
            if (p[f].init == p[i].init) {
              to = p[f].root, hits = 1;
              break;
            }
        if (hits == 1) unite(r, p[i].root, to);
      }
    }
    for (size_t i = a; i < b; i++) {
      if (p[i].rank == 0) {
        bare = bare == UINT32_MAX ? p[i].root : (unite(r, bare, p[i].root), bare);
      } else {
        uint32_t root = find(r, p[i].root);
        if (named == UINT32_MAX)
          named = root;
        else if (find(r, named) != root)
          several = 1;
      }
    }
    if (bare != UINT32_MAX && named != UINT32_MAX && !several) unite(r, bare, named);
  }
  free(p);
  free(slot);
}

/* Acronyms join the one name of the story whose initials they are
 * ("FBI" and "Federal Bureau of Investigation"): initials of capitalised
 * words, and of all words; none when two names share them. */
static void link_acronyms(xc_resolver *r) {
  if (!r->nini) return;
  kmap by = {0};
  for (size_t i = 0; i < r->nini; i++) {
    uint32_t root = find(r, r->ini[i].node), *v = kmap_put(&by, r->ini[i].key);
    if (*v == UINT32_MAX)
      *v = root;
    else if (*v != UINT32_MAX - 1 && find(r, *v) != root)
      *v = UINT32_MAX - 1;
  }
  for (size_t i = 0; i < r->n; i++) {
    if (!r->nodes[i].acr) continue;
    uint32_t to = kmap_get(&by, r->nodes[i].acr);
    if (to < UINT32_MAX - 1) unite(r, (uint32_t)i, to);
  }
  kmap_release(&by);
}

/* The tagger's people called organisations, across the story: a one- or
 * two-word ORG or MISC name in mixed case ("Petrov", "Yuliya Navalnaya"),
 * or a one-word place no list knows, whose skeletons are the surname, or
 * first name and surname, of a person named in full somewhere in the
 * story becomes that person's. */
static void retype_people(xc_resolver *r) {
  kmap surname = {0}, full = {0};
  size_t maybe = 0;
  for (size_t i = 0; i < r->n; i++) {
    const rnode *nd = &r->nodes[i];
    maybe += (nd->flags & N_MAYBE_PER) != 0;
    if (!(nd->flags & N_FULL)) continue;
    *kmap_put(&surname, nd->last) = 0;
    *kmap_put(&full, mix(nd->first, nd->last)) = 0;
  }
  for (size_t i = 0; maybe && surname.n && i < r->n; i++) {
    rnode *nd = &r->nodes[i];
    if (!(nd->flags & N_MAYBE_PER)) continue;
    if (nd->first ? kmap_get(&full, mix(nd->first, nd->last)) != UINT32_MAX
                  : kmap_get(&surname, nd->last) != UINT32_MAX) {
      nd->type = XC_NER_PER, nd->cls = C_PER;
      nd->flags = (uint8_t)((nd->flags & ~N_MAYBE_PER) | (nd->first ? N_FULL : 0));
    }
  }
  kmap_release(&surname);
  kmap_release(&full);
}

/* Demonyms join their country when the story names it. */
static void link_demonyms(xc_resolver *r) {
  for (size_t i = 0; i < r->n; i++) {
    if (!(r->nodes[i].flags & N_DEMONYM)) continue;
    uint32_t to = kmap_get(&r->keys, r->nodes[i].place);
    if (to != UINT32_MAX) unite(r, (uint32_t)i, to);
  }
}

/* ---- entities ---- */

enum { L_ALIAS, L_DEMONYM, L_TITLE, L_ROLE, L_N };

typedef struct item {
  uint32_t ent;
  uint8_t list;
  const char *s;
} item;

typedef struct items {
  item *v;
  size_t n, cap;
  kmap seen;
} items;

static void item_add(items *it, uint32_t ent, int list, const char *s) {
  uint64_t key = mix(mix(ent + 1, (uint64_t)list), xc_hash64(s, strlen(s), 5));
  uint32_t *v = kmap_put(&it->seen, key);
  if (*v != UINT32_MAX) return;
  *v = 0;
  if (it->n == it->cap) {
    it->cap = it->cap ? it->cap * 2 : 256;
    it->v = xc_xrealloc(it->v, it->cap * sizeof *it->v);
  }
  it->v[it->n++] = (item){ent, (uint8_t)list, s};
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Is s written in capitals: letters, none of them lower case? */
static int all_caps(const char *s) {
  int letters = 0;
  for (; *s; s++) {
    if (*s >= 'a' && *s <= 'z') return 0;
    letters += *s >= 'A' && *s <= 'Z';
  }
  return letters > 1;
}

/* Builds the entities from the sets: type by majority of the members' words
 * (demonyms aside; ties go to ORG, LOC, PER, MISC in that order), name
 * the member form with the most words (then bytes; then mixed case before
 * capitals; then the first),
 * lists in first-seen order. */
static void build_entities(xc_resolver *r) {
  r->ent_of = xc_xmalloc((r->n ? r->n : 1) * sizeof *r->ent_of);
  typedef struct {
    uint32_t best, count[XC_NER_NTYPES];
  } acc;
  acc *ac = NULL;
  size_t acap = 0;
  for (size_t i = 0; i < r->n; i++) {
    r->ent_of[i] = -1;
    if (r->nodes[i].flags & N_SKIP) continue;
    uint32_t root = find(r, (uint32_t)i);
    if (r->ent_of[root] < 0) {
      if (r->nents == acap) {
        acap = acap ? acap * 2 : 64;
        ac = xc_xrealloc(ac, acap * sizeof *ac);
        r->ents = xc_xrealloc(r->ents, acap * sizeof *r->ents);
      }
      memset(&ac[r->nents], 0, sizeof *ac);
      ac[r->nents].best = (uint32_t)i;
      memset(&r->ents[r->nents], 0, sizeof *r->ents);
      r->ent_of[root] = (int32_t)r->nents++;
    }
    uint32_t e = (uint32_t)r->ent_of[root];
    r->ent_of[i] = (int32_t)e;
    const rnode *nd = &r->nodes[i], *bn = &r->nodes[ac[e].best];
    r->ents[e].nmentions++;
    if (!(nd->flags & N_DEMONYM)) {
      /* each word of a mention is a vote: a full name, tagged with more
       * context, outweighs its bare acronym or surname */
      ac[e].count[nd->type] += nd->nwords ? nd->nwords : 1;
      size_t l = strlen(nd->form), bl = strlen(bn->form);
      /* a name in capitals (a dateline's "KYIV —") gives way to the same
       * name in mixed case */
      int caps = all_caps(bn->form) && !all_caps(nd->form);
      if ((bn->flags & N_DEMONYM) || nd->nwords > bn->nwords ||
          (nd->nwords == bn->nwords && (l > bl || (l == bl && caps))))
        ac[e].best = (uint32_t)i;
    }
  }
  static const int order[XC_NER_NTYPES] = {XC_NER_ORG, XC_NER_LOC, XC_NER_PER, XC_NER_MISC};
  for (size_t e = 0; e < r->nents; e++) {
    int t = XC_NER_MISC;
    uint32_t most = 0;
    for (int k = 0; k < XC_NER_NTYPES; k++)
      if (ac[e].count[order[k]] > most) most = ac[e].count[order[k]], t = order[k];
    r->ents[e].type = t;
    r->ents[e].name = r->nodes[ac[e].best].form;
  }
  /* the lists: forms, demonyms, titles, roles; and the documents */
  items it = {0};
  uint32_t *dv = xc_xmalloc((r->n ? r->n : 1) * 2 * sizeof *dv);
  size_t nd2 = 0;
  kmap dseen = {0};
  for (size_t i = 0; i < r->n; i++) {
    int32_t e = r->ent_of[i];
    if (e < 0) continue;
    const rnode *nd = &r->nodes[i];
    int dem = (nd->flags & N_DEMONYM) && r->ents[e].type == XC_NER_LOC;
    if (dem || strcmp(nd->form, r->ents[e].name) != 0)
      item_add(&it, (uint32_t)e, dem ? L_DEMONYM : L_ALIAS, nd->form);
    uint32_t *v = kmap_put(&dseen, mix((uint64_t)e + 1, nd->doc));
    if (*v == UINT32_MAX) *v = 0, dv[2 * nd2] = (uint32_t)e, dv[2 * nd2 + 1] = nd->doc, nd2++;
  }
  for (size_t i = 0; i < r->natt; i++) {
    int32_t e = r->ent_of[r->att[i].node];
    if (e >= 0 && r->ents[e].type == XC_NER_PER)
      item_add(&it, (uint32_t)e, r->att[i].kind == A_TITLE ? L_TITLE : L_ROLE, r->att[i].s);
  }
  /* counting sort by entity and list, stable */
  size_t nb = r->nents * L_N + 1;
  size_t *off = xc_xcalloc(nb + 1, sizeof *off);
  for (size_t i = 0; i < it.n; i++)
    off[it.v[i].ent * L_N + it.v[i].list + 1]++;
  for (size_t b = 1; b <= nb; b++)
    off[b] += off[b - 1];
  const char **ptr = xc_arena_alloc(&r->arena, (it.n ? it.n : 1) * sizeof *ptr);
  size_t *fill = xc_xmalloc(nb * sizeof *fill);
  memcpy(fill, off, nb * sizeof *fill);
  for (size_t i = 0; i < it.n; i++)
    ptr[fill[it.v[i].ent * L_N + it.v[i].list]++] = it.v[i].s;
  for (size_t e = 0; e < r->nents; e++) {
    xc_entity *en = &r->ents[e];
    const size_t *o = off + e * L_N;
    en->aliases = ptr + o[L_ALIAS], en->naliases = o[L_ALIAS + 1] - o[L_ALIAS];
    en->demonyms = ptr + o[L_DEMONYM], en->ndemonyms = o[L_DEMONYM + 1] - o[L_DEMONYM];
    en->titles = ptr + o[L_TITLE], en->ntitles = o[L_TITLE + 1] - o[L_TITLE];
    en->roles = ptr + o[L_ROLE], en->nroles = o[L_ROLE + 1] - o[L_ROLE];
  }
  /* documents, the same way */
  memset(off, 0, (r->nents + 2) * sizeof *off);
  for (size_t i = 0; i < nd2; i++)
    off[dv[2 * i] + 1]++;
  for (size_t e = 1; e <= r->nents; e++)
    off[e] += off[e - 1];
  uint32_t *docs = xc_arena_alloc(&r->arena, (nd2 ? nd2 : 1) * sizeof *docs);
  memcpy(fill, off, (r->nents + 1) * sizeof *fill);
  for (size_t i = 0; i < nd2; i++)
    docs[fill[dv[2 * i]]++] = dv[2 * i + 1];
  for (size_t e = 0; e < r->nents; e++) {
    r->ents[e].docs = docs + off[e];
    r->ents[e].ndocs = off[e + 1] - off[e];
    qsort(docs + off[e], r->ents[e].ndocs, sizeof *docs, cmp_u32);
  }
  free(fill);
  free(off);
  free(dv);
  kmap_release(&dseen);
  kmap_release(&it.seen);
  free(it.v);
  free(ac);
}

void xc_resolve_finish(xc_resolver *r) {
  if (r->finished) return;
  r->finished = 1;
  retype_people(r);
  link_demonyms(r);
  link_acronyms(r);
  link_people(r);
  build_entities(r);
}

size_t xc_resolve_count(const xc_resolver *r) { return r->nents; }

const xc_entity *xc_resolve_entity(const xc_resolver *r, size_t i) {
  return i < r->nents ? &r->ents[i] : NULL;
}

long xc_resolve_mention(const xc_resolver *r, uint32_t doc, size_t mention) {
  int found;
  size_t at = r->ent_of ? slot_find(r, doc, &found) : 0;
  if (!r->ent_of || !found || mention >= r->slots[at].count) return -1;
  return r->ent_of[r->slots[at].base + mention];
}
