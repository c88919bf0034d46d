/* ner.c - named-entity tagging: hashed features of a word and its window
 * (form, lower case, shape, affixes, word classes and pairs of them,
 * neighbours and their pairs), a first-order structured perceptron's
 * weights (trained by ner_train.c, averaged, stored as int16 with one
 * scale) and Viterbi decoding over IOB2 tags with the B/I constraints
 * built in. */
#include "ner.h"

#include "clusters.h"
#include "gazetteer.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <utf8proc.h>

/* ---- tag names ---- */
static const char *const type_names[] = {
#define XC_NER_TYPE_NAME(name) #name,
    XC_NER_TYPES(XC_NER_TYPE_NAME)
#undef XC_NER_TYPE_NAME
};

static const char *const tag_names[XC_NER_NTAGS] = {
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"};

const char *xc_ner_type_name(int t) {
  return t >= 0 && t < XC_NER_NTYPES ? type_names[t] : "?";
}

const char *xc_ner_tag_name(int tag) {
  return tag >= 0 && tag < XC_NER_NTAGS ? tag_names[tag] : "O";
}

void xc_ner_to_states(const uint8_t *iob2, size_t n, uint8_t *st) {
  for (size_t i = 0; i < n; i++) {
    int tag = iob2[i];
    if (tag == XC_NER_O) {
      st[i] = 0;
      continue;
    }
    int t = XC_NER_TYPE_OF(tag), more = i + 1 < n && iob2[i + 1] == XC_NER_I(t);
    st[i] = (uint8_t)XC_NER_STATE(t, XC_NER_IS_B(tag) ? (more ? 0 : 3) : (more ? 1 : 2));
  }
}

void xc_ner_to_iob2(const uint8_t *st, size_t n, uint8_t *iob2) {
  for (size_t i = 0; i < n; i++) {
    int s = st[i];
    if (!s) {
      iob2[i] = XC_NER_O;
      continue;
    }
    int t = (s - 1) / 4, k = (s - 1) % 4;
    iob2[i] = (uint8_t)(k == 0 || k == 3 ? XC_NER_B(t) : XC_NER_I(t));
  }
}

int xc_ner_tag_parse(const char *s, size_t n) {
  if (n == 1 && s[0] == 'O') return XC_NER_O;
  if (n < 3 || s[1] != '-' || (s[0] != 'B' && s[0] != 'I')) return -1;
  for (int t = 0; t < XC_NER_NTYPES; t++)
    if (strlen(type_names[t]) == n - 2 && !memcmp(s + 2, type_names[t], n - 2))
      return s[0] == 'B' ? XC_NER_B(t) : XC_NER_I(t);
  return -1;
}

/* ---- features ---- */
enum {
  F_BIAS, F_LW, F_SHAPE, F_P3, F_S1, F_S3, F_S4,
  F_LWM1, F_LWP1, F_LWM2, F_LWP2, F_SSM1, F_SSP1, F_SSM1_0, F_SS0_P1,
  F_LWM1_0, F_LW0_P1, F_FIRST_SS, F_CAPS_LW, F_SS0_LWP1,
  F_LWM2_M1, F_DOC, F_CAPRUN,
  F_CL0, F_CL1, F_CLM1, F_CLP1, /* word classes (clusters.h) */
  F_CLM1_0, F_CL0_P1, F_CLM2, F_CLP2,
  F_GAZ, F_COUNT = F_GAZ + XC_GAZ_NCLASSES,
  F_H1 = XC_NER_HIST, F_H2, F_H3, F_H4, F_H5, /* the second stage's, last */
  F_END
};
_Static_assert(F_COUNT == XC_NER_HIST && F_END == XC_NER_NFEAT, "XC_NER_NFEAT is wrong");

/* splitmix64's finaliser: a feature key from a template and a value */
static uint64_t mix(uint64_t t, uint64_t v) {
  uint64_t z = v + 0x9E3779B97F4A7C15ull * (t + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return z ? z : 1; /* 0 means "no feature" */
}

#define LOWER_MAX 64

/* What the features need of one word. */
typedef struct {
  uint64_t lw, shape, sshape;
  uint64_t pre3, suf[3]; /* prefix of 3, suffixes of 1, 3 and 4 */
  int upper, lower, first_upper;
  uint16_t cl[XC_CLUSTER_LEVELS]; /* word classes, 1-based; 0 unknown */
} word_info;

/* Character class for shapes: X upper, x lower, d digit, else itself
 * (ASCII) or 'o'. */
static char shape_class(uint32_t cp) {
  if (cp < 128) {
    if (cp >= 'A' && cp <= 'Z') return 'X';
    if (cp >= 'a' && cp <= 'z') return 'x';
    if (cp >= '0' && cp <= '9') return 'd';
    return (char)cp;
  }
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LT: return 'X';
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_LM: return 'x';
  case UTF8PROC_CATEGORY_ND: return 'd';
  default: return 'o';
  }
}

static void word_info_of(const xc_slice *s, word_info *wi) {
  char low[LOWER_MAX], shape[16], ss[16];
  size_t nl = 0, nsh = 0, nss = 0;
  int run = 0, len = 0;
  char last = 0;
  wi->upper = wi->lower = wi->first_upper = 0;
  for (size_t i = 0; i < s->n;) {
    unsigned char c = (unsigned char)s->p[i];
    uint32_t cp;
    size_t k = 1;
    if (c < 0x80) cp = c;
    else cp = xc_utf8_decode(s->p + i, s->n - i, &k);
    if (nl + k <= LOWER_MAX) {
      if (c >= 'A' && c <= 'Z') low[nl++] = (char)(c + 32);
      else memcpy(low + nl, s->p + i, k), nl += k;
    }
    char cl = shape_class(cp);
    if (!len) wi->first_upper = cl == 'X';
    wi->upper += cl == 'X';
    wi->lower += cl == 'x';
    if (cl == last) run++;
    else run = 1, last = cl;
    if (run <= 3 && nsh < sizeof shape) shape[nsh++] = cl;
    if (run == 1 && nss < sizeof ss) ss[nss++] = cl;
    len++;
    i += k;
  }
  wi->lw = xc_gaz_word_hash(low, nl); /* its classes: xc_ner_features */
  wi->shape = xc_hash64(shape, nsh, 3);
  wi->sshape = xc_hash64(ss, nss, 4);
  wi->pre3 = nl > 3 ? xc_hash64(low, 3, 6) : 0;
  static const size_t suf_len[3] = {1, 3, 4};
  for (int j = 0; j < 3; j++) {
    size_t l = suf_len[j];
    wi->suf[j] = nl > l ? xc_hash64(low + nl - l, l, 9 + (uint64_t)l) : 0;
  }
}

/* What the document says about each lower-cased form: seen capitalised
 * inside a sentence, seen in lower case (headlines in capitals and the
 * first word of a sentence say nothing). A small open-addressing set. */
enum { DOC_CAPMID = 1, DOC_LOWER = 2 };

typedef struct {
  uint64_t *key;
  uint8_t *flags;
  size_t mask;
} doc_forms;

static uint8_t *doc_slot(doc_forms *d, uint64_t k) {
  size_t h = (size_t)(k ^ (k >> 31)) & d->mask;
  while (d->key[h] && d->key[h] != k) h = (h + 1) & d->mask;
  d->key[h] = k;
  return &d->flags[h];
}

/* Gazetteer positions: for each word of a sentence and each list, 0 or
 * the place of the word in the longest phrase of that list covering it
 * (1 alone, 2 first, 3 inside, 4 last). Phrases start at a capitalised
 * word (any word in a headline in capitals). */
static void gaz_marks(const word_info *wi, size_t n, int caps, uint8_t (*pos)[XC_GAZ_NCLASSES]) {
  const xc_gaz *g = xc_gaz_default();
  uint8_t len[XC_GAZ_NCLASSES];
  memset(pos, 0, n * sizeof *pos);
  for (size_t i = 0; i < n; i++) {
    if (!wi[i].first_upper && !(caps && wi[i].upper)) continue;
    size_t max = xc_gaz_maxlen(g, wi[i].lw);
    if (max > n - i) max = n - i;
    memset(len, 0, sizeof len);
    uint64_t w[XC_GAZ_MAXWORDS];
    for (size_t k = 0; k < max; k++) w[k] = wi[i + k].lw;
    for (size_t l = max; l >= 1; l--) {
      unsigned bits = xc_gaz_lookup(g, w, l);
      for (int c = 0; c < XC_GAZ_NCLASSES; c++) {
        if (!(bits & (1u << c)) || len[c]) continue;
        len[c] = (uint8_t)l;
        for (size_t k = 0; k < l; k++) {
          uint8_t p = l == 1 ? 1 : k == 0 ? 2 : k + 1 == l ? 4 : 3;
          if (!pos[i + k][c]) pos[i + k][c] = p;
        }
      }
    }
  }
}

/* Features of the words of sentence [a, b); wi are the document's word
 * infos, caps whether the sentence is a headline in capitals. */
static void sentence_features(const word_info *wi, size_t a, size_t b, int caps, doc_forms *df,
                              uint64_t *out) {
  static const uint64_t BOS = 0x51, EOS = 0x52, BOS2 = 0x53, EOS2 = 0x54;
  size_t n = b - a;
  wi += a;
  uint8_t (*gz)[XC_GAZ_NCLASSES] = xc_xmalloc(n * sizeof *gz);
  gaz_marks(wi, n, caps, gz);
  for (size_t i = 0; i < n; i++) {
    uint64_t *f = out + (a + i) * XC_NER_NFEAT;
    const word_info *w = &wi[i];
    uint64_t lm1 = i >= 1 ? wi[i - 1].lw : BOS, lm2 = i >= 2 ? wi[i - 2].lw : BOS2;
    uint64_t lp1 = i + 1 < n ? wi[i + 1].lw : EOS, lp2 = i + 2 < n ? wi[i + 2].lw : EOS2;
    uint64_t sm1 = i >= 1 ? wi[i - 1].sshape : BOS, sp1 = i + 1 < n ? wi[i + 1].sshape : EOS;
    f[F_BIAS] = mix(F_BIAS, 0);
    f[F_LW] = mix(F_LW, w->lw);
    f[F_SHAPE] = mix(F_SHAPE, w->shape);
    if (w->pre3) f[F_P3] = mix(F_P3, w->pre3);
    for (int j = 0; j < 3; j++)
      if (w->suf[j]) f[F_S1 + j] = mix(F_S1 + (uint64_t)j, w->suf[j]);
    f[F_LWM1] = mix(F_LWM1, lm1);
    f[F_LWP1] = mix(F_LWP1, lp1);
    f[F_LWM2] = mix(F_LWM2, lm2);
    f[F_LWP2] = mix(F_LWP2, lp2);
    f[F_SSM1] = mix(F_SSM1, sm1);
    f[F_SSP1] = mix(F_SSP1, sp1);
    f[F_SSM1_0] = mix(F_SSM1_0, mix(sm1, w->sshape));
    f[F_SS0_P1] = mix(F_SS0_P1, mix(w->sshape, sp1));
    f[F_LWM1_0] = mix(F_LWM1_0, mix(lm1, w->lw));
    f[F_LW0_P1] = mix(F_LW0_P1, mix(w->lw, lp1));
    f[F_FIRST_SS] = mix(F_FIRST_SS, mix(i == 0, w->sshape));
    if (caps) f[F_CAPS_LW] = mix(F_CAPS_LW, w->lw);
    f[F_SS0_LWP1] = mix(F_SS0_LWP1, mix(w->sshape, lp1));
    f[F_LWM2_M1] = mix(F_LWM2_M1, mix(lm2, lm1));
    if (w->upper) {
      uint64_t fl = *doc_slot(df, w->lw);
      f[F_DOC] = mix(F_DOC, mix(fl | (uint64_t)(i == 0 || caps) << 2, w->sshape));
    }
    for (int l = 0; l < XC_CLUSTER_LEVELS; l++)
      if (w->cl[l]) f[F_CL0 + l] = mix(F_CL0 + (uint64_t)l, w->cl[l]);
    if (i >= 1) f[F_CLM1] = mix(F_CLM1, wi[i - 1].cl[XC_CLUSTER_LEVELS - 1]);
    if (i + 1 < n) f[F_CLP1] = mix(F_CLP1, wi[i + 1].cl[XC_CLUSTER_LEVELS - 1]);
    /* pairs of coarse classes (word and neighbour), fine classes two away */
    uint64_t cm1 = i >= 1 ? wi[i - 1].cl[0] : BOS, cp1 = i + 1 < n ? wi[i + 1].cl[0] : EOS;
    f[F_CLM1_0] = mix(F_CLM1_0, mix(cm1, w->cl[0]));
    f[F_CL0_P1] = mix(F_CL0_P1, mix(w->cl[0], cp1));
    f[F_CLM2] = mix(F_CLM2, i >= 2 ? wi[i - 2].cl[XC_CLUSTER_LEVELS - 1] : BOS2);
    f[F_CLP2] = mix(F_CLP2, i + 2 < n ? wi[i + 2].cl[XC_CLUSTER_LEVELS - 1] : EOS2);
    for (int c = 0; c < XC_GAZ_NCLASSES; c++)
      if (gz[i][c]) f[F_GAZ + c] = mix(F_GAZ + (uint64_t)c, gz[i][c]);
    /* place in a run of capitalised words, and the run's length */
    if (w->first_upper && !caps) {
      size_t r0 = i, r1 = i + 1;
      while (r0 > 0 && wi[r0 - 1].first_upper) r0--;
      while (r1 < n && wi[r1].first_upper) r1++;
      uint64_t len = r1 - r0 > 4 ? 4 : r1 - r0;
      uint64_t at = r1 - r0 == 1 ? 0 : i == r0 ? 1 : i + 1 == r1 ? 3 : 2;
      f[F_CAPRUN] = mix(F_CAPRUN, len * 4 + at + (r0 == 0 ? 32 : 0));
    }
  }
  free(gz);
}

/* Is sentence [a, b) a headline in capitals (no lower-case letter, some
 * letters)? */
static int caps_sentence(const word_info *wi, size_t a, size_t b) {
  int letters = 0;
  for (size_t i = a; i < b; i++) {
    if (wi[i].lower) return 0;
    letters += wi[i].upper;
  }
  return letters >= 8;
}

void xc_ner_features(const xc_ner_doc *doc, uint64_t *out) {
  size_t n = doc->nwords;
  if (!n) return;
  memset(out, 0, n * XC_NER_NFEAT * sizeof *out); /* at once: far cheaper than by word */
  word_info *wi = xc_xmalloc(n * sizeof *wi);
  for (size_t i = 0; i < n; i++) word_info_of(&doc->words[i], &wi[i]);
  /* the word classes apart, a few words after the prefetch of their slots
   * (and of the name lists' slots of the words gaz_marks will look up) */
  enum { AHEAD = 8 };
  const xc_gaz *g = xc_gaz_default();
  for (size_t i = 0; i < n + AHEAD; i++) {
    if (i < n) {
      xc_clusters_prefetch(wi[i].lw);
      if (wi[i].upper) xc_gaz_prefetch_maxlen(g, wi[i].lw);
    }
    if (i >= AHEAD) xc_clusters_of(wi[i - AHEAD].lw, wi[i - AHEAD].cl);
  }
  doc_forms df;
  size_t cap = 64;
  while (cap < n * 2) cap <<= 1;
  df.mask = cap - 1;
  df.key = xc_xcalloc(cap, sizeof *df.key);
  df.flags = xc_xcalloc(cap, 1);
  uint8_t *caps = xc_xmalloc(doc->nsent + 1);
  for (size_t k = 0; k < doc->nsent; k++) {
    size_t a = doc->sent[k], b = k + 1 < doc->nsent ? doc->sent[k + 1] : n;
    caps[k] = (uint8_t)caps_sentence(wi, a, b);
    for (size_t i = a; i < b && !caps[k]; i++) {
      uint8_t *fl = doc_slot(&df, wi[i].lw);
      if (wi[i].lower && !wi[i].upper) *fl |= DOC_LOWER;
      else if (i > a && wi[i].upper && wi[i].first_upper) *fl |= DOC_CAPMID;
    }
  }
  for (size_t k = 0; k < doc->nsent; k++) {
    size_t a = doc->sent[k], b = k + 1 < doc->nsent ? doc->sent[k + 1] : n;
    if (b > a) sentence_features(wi, a, b, caps[k], &df, out);
  }
  free(caps);
  free(df.key);
  free(df.flags);
  free(wi);
}

/* ---- history features (the second stage) ---- */
/* What the first stage said of each word form in the document: how often
 * it tagged the form O or each type, the types of the longer names it
 * ended or began, and the longest name that held it ('Clinton' in 'Bill
 * Clinton', 'Pirelli' in 'Pirelli SpA'). */
typedef struct {
  uint64_t key;
  uint16_t count[1 + XC_NER_NTYPES];
  uint8_t last, first; /* 1 + type of a 2+ word name it ends / begins */
  uint8_t at_first;     /* 1 + what it was tagged (0 O, 1 + type) where first capitalised */
  uint8_t sup_len, sup; /* the longest such name: its words; 4 * (1 + type) + place
                           (1 first, 2 inside, 3 last) */
} form_hist;

static form_hist *hist_slot(form_hist *t, size_t mask, uint64_t k) {
  size_t h = (size_t)(k ^ (k >> 31)) & mask;
  while (t[h].key && t[h].key != k) h = (h + 1) & mask;
  t[h].key = k;
  return &t[h];
}

static int is_cap(const xc_slice *w) {
  unsigned char c = w->n ? (unsigned char)w->p[0] : 0;
  return (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

void xc_ner_history(const xc_ner_doc *doc, const uint8_t *stage1, uint64_t *f) {
  size_t n = doc->nwords;
  if (!n) return;
  size_t cap = 64;
  while (cap < n * 2) cap <<= 1;
  form_hist *t = xc_xcalloc(cap, sizeof *t);
#define FORM(i) (f[(i) * XC_NER_NFEAT + F_LW])
  for (size_t i = 0; i < n; i++) {
    int tag = stage1[i], ty = tag ? 1 + XC_NER_TYPE_OF(tag) : 0;
    form_hist *h = hist_slot(t, cap - 1, FORM(i));
    if (h->count[ty] < UINT16_MAX) h->count[ty]++;
    if (!h->at_first && is_cap(&doc->words[i])) h->at_first = (uint8_t)(1 + ty);
    if (XC_NER_IS_B(tag) && i + 1 < n && stage1[i + 1] == tag + 1) {
      size_t e = i + 1;
      while (e + 1 < n && stage1[e + 1] == tag + 1) e++;
      hist_slot(t, cap - 1, FORM(i))->first = (uint8_t)ty;
      hist_slot(t, cap - 1, FORM(e))->last = (uint8_t)ty;
      size_t len = e + 1 - i > 255 ? 255 : e + 1 - i;
      for (size_t k = i; k <= e; k++) {
        form_hist *hk = hist_slot(t, cap - 1, FORM(k));
        if (len > hk->sup_len)
          hk->sup_len = (uint8_t)len, hk->sup = (uint8_t)(ty * 4 + (k == i ? 1 : k == e ? 3 : 2));
      }
    }
  }
  for (size_t i = 0; i < n; i++) {
    uint64_t *fi = f + i * XC_NER_NFEAT;
    if (!is_cap(&doc->words[i])) continue;
    const form_hist *h = hist_slot(t, cap - 1, FORM(i));
    int own = stage1[i] ? 1 + XC_NER_TYPE_OF(stage1[i]) : 0, best = -1;
    unsigned bc = 0;
    for (int k = 0; k <= XC_NER_NTYPES; k++) {
      unsigned c = h->count[k] - (k == own);
      if (c > bc) bc = c, best = k;
    }
    uint64_t maj = best < 0 ? 7 : (uint64_t)best;
    fi[F_H1] = mix(F_H1, maj);
    fi[F_H2] = mix(F_H2, (uint64_t)h->last * 8 + h->first);
    fi[F_H3] = mix(F_H3, maj * 8 + (uint64_t)own);
    fi[F_H4] = mix(F_H4, h->at_first);
    fi[F_H5] = mix(F_H5, h->sup);
  }
#undef FORM
  free(t);
}

/* ---- the model ---- */
/* File layout (little-endian): "XCNER003", then two stages, each
 *   u32 ntags | u32 nfeat | f32 scale | f32 trans[(ntags+1)*ntags]
 *   | u64 keys[nfeat] | i16 weights[nfeat * ntags]
 * over the BILOU states (ntags = XC_NER_NSTATES); trans row ntags holds
 * the start scores. Stage 2 sees the history
 * features made from stage 1's tags. */
#define MAGIC "XCNER003"

/* One feature: its key and its weight per state in each stage, padded
 * to 24 lanes a stage so that the sums vectorise; a slot is two 64-byte
 * cache lines. Both stages share the table, so a feature of the first
 * stage is looked up once for both. */
#define NER_LANES 24
_Static_assert(XC_NER_NSTATES <= NER_LANES, "NER_LANES too small");
typedef struct {
  uint64_t key; /* 0 = empty */
  int16_t w[2][NER_LANES];
  uint64_t pad[3];
} ner_slot;
_Static_assert(sizeof(ner_slot) == 128, "ner_slot is two cache lines");

struct xc_ner {
  float scale[2];
  float trans[2][(XC_NER_NSTATES + 1) * XC_NER_NSTATES];
  ner_slot *slots; /* open addressing, linear probing */
  uint16_t *tags;  /* per slot: 16 bits of its key (never 0), 0 when empty;
                      then the first TAG_RUN again, so a run read never wraps */
  size_t mask;
};

enum { TAG_RUN = 4 }; /* tags probed at once (tag_probe) */

/* The tags are probed before the slots: they take an eighth of a slot's
 * cache line each, so a feature the model does not know (a third of them
 * in news text) is turned away without reading a slot. */
static uint16_t key_tag(uint64_t k) {
  uint16_t t = (uint16_t)(k >> 48);
  return (uint16_t)(t | !t); /* t, or 1 for 0; without a branch */
}

void xc_ner_free(xc_ner *m) {
  if (!m) return;
  free(m->slots);
  free(m->tags);
  free(m);
}

static int rd(const unsigned char **p, const unsigned char *end, void *dst, size_t n) {
  if ((size_t)(end - *p) < n) return -1;
  memcpy(dst, *p, n);
  *p += n;
  return 0;
}

/* A stage as stored: its header read, its keys and weights in place. */
typedef struct {
  uint32_t nfeat;
  const unsigned char *keys, *weights;
} stored_stage;

/* Reads stage k's header into m and locates its keys and weights. */
static int read_stage(const unsigned char **pp, const unsigned char *end, xc_ner *m, int k,
                      stored_stage *s) {
  uint32_t ntags = 0;
  if (rd(pp, end, &ntags, 4) < 0 || ntags != XC_NER_NSTATES || rd(pp, end, &s->nfeat, 4) < 0 ||
      rd(pp, end, &m->scale[k], 4) < 0 || rd(pp, end, m->trans[k], sizeof m->trans[k]) < 0 ||
      (size_t)(end - *pp) / (8 + 2 * XC_NER_NSTATES) < s->nfeat)
    return -1;
  s->keys = *pp;
  s->weights = *pp + (size_t)s->nfeat * 8;
  *pp += (size_t)s->nfeat * (8 + 2 * XC_NER_NSTATES);
  return 0;
}

/* Adds stage k's weights to the shared table. */
static int add_stage(xc_ner *m, int k, const stored_stage *s) {
  for (uint32_t i = 0; i < s->nfeat; i++) {
    uint64_t key;
    memcpy(&key, s->keys + (size_t)i * 8, 8);
    if (!key) return -1;
    size_t h = (size_t)(key ^ (key >> 29)) & m->mask;
    while (m->slots[h].key && m->slots[h].key != key) h = (h + 1) & m->mask;
    m->slots[h].key = key;
    m->tags[h] = key_tag(key);
    memcpy(m->slots[h].w[k], s->weights + (size_t)i * XC_NER_NSTATES * 2, XC_NER_NSTATES * 2);
  }
  return 0;
}

/* The slots, on huge pages where the system has them: the lookups jump
 * about the whole table (16 MB), and with 4 kB pages nearly every one
 * would also miss the TLB. */
static ner_slot *slots_alloc(size_t cap) {
  enum { HUGE = 2u << 20 };
  size_t size = cap * sizeof(ner_slot); /* a multiple of 128 */
  int huge = size >= HUGE;
  if (huge) size = (size + HUGE - 1) / HUGE * HUGE;
  ner_slot *s = aligned_alloc(huge ? HUGE : 64, size);
  if (!s) abort();
#ifdef MADV_HUGEPAGE
  if (huge) madvise(s, size, MADV_HUGEPAGE);
#endif
  return s;
}

xc_ner *xc_ner_load(const void *data, size_t n, xc_err *err) {
  const unsigned char *p = data, *end = p + n;
  char magic[8];
  stored_stage st[2];
  xc_ner *m = xc_xcalloc(1, sizeof *m);
  int ok = rd(&p, end, magic, 8) == 0 && memcmp(magic, MAGIC, 8) == 0 &&
           read_stage(&p, end, m, 0, &st[0]) == 0 && read_stage(&p, end, m, 1, &st[1]) == 0 &&
           p == end;
  if (ok) {
    size_t cap = 16, nfeat = (size_t)st[0].nfeat + st[1].nfeat;
    while (cap * 2 < nfeat * 3) cap <<= 1; /* load at most 2/3 */
    m->mask = cap - 1;
    m->slots = slots_alloc(cap);
    memset(m->slots, 0, cap * sizeof *m->slots);
    m->tags = xc_xcalloc(cap + TAG_RUN, sizeof *m->tags);
    ok = add_stage(m, 0, &st[0]) == 0 && add_stage(m, 1, &st[1]) == 0;
    memcpy(m->tags + cap, m->tags, TAG_RUN * sizeof *m->tags); /* wraps */
  }
  if (!ok) {
    xc_ner_free(m);
    xc_err_set(err, XC_EFORMAT, "not a crosscheck entity model");
    return NULL;
  }
  return m;
}

/* Slot of feature key k, or NULL. */
static const ner_slot *slot_of(const xc_ner *m, uint64_t k) {
  uint16_t t = key_tag(k);
  for (size_t h = (size_t)(k ^ (k >> 29)) & m->mask; m->tags[h]; h = (h + 1) & m->mask)
    if (m->tags[h] == t && m->slots[h].key == k) return &m->slots[h];
  return NULL;
}

/* The model linked in from model/ner.bin (ner_model.S). */
extern const unsigned char xc_ner_model_start[], xc_ner_model_end[];

static xc_ner *default_model;

static void default_load(void) {
  default_model =
      xc_ner_load(xc_ner_model_start, (size_t)(xc_ner_model_end - xc_ner_model_start), NULL);
}

const xc_ner *xc_ner_default(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, default_load);
  return default_model;
}

/* May state b follow state a in BILOU (a = -1 at the start)? */
static int allowed(int a, int b) {
  int ak = a > 0 ? (a - 1) % 4 : 3, bk = b > 0 ? (b - 1) % 4 : 0;
  if (ak == 0 || ak == 1) /* inside a name: only I or L of its type */
    return b > 0 && (b - 1) / 4 == (a - 1) / 4 && (bk == 1 || bk == 2);
  return b == 0 || bk == 0 || bk == 3;
}

/* May a sentence end in state a? */
static int may_end(int a) { return a == 0 || (a - 1) % 4 >= 2; }

/* BILOU splits the states in two. O, B and U ("openers") all follow
 * exactly the same states, O, L and U ("closers"), so Viterbi takes their
 * maxima together, four openers to a vector; I and L of a type follow
 * only B and I of that type: two candidates each. Both lists are made
 * once, in ascending order (ties keep the lower predecessor, as a scalar
 * loop over predecessors would). */
enum { NOPEN = 1 + 2 * XC_NER_NTYPES, NOPEN_V = (NOPEN + 3) / 4 };
static uint8_t openers[NOPEN], closers[NOPEN];

static void groups_init(void) {
  int no = 0, nc = 0;
  for (int s = 0; s < XC_NER_NSTATES; s++) {
    if (allowed(-1, s)) openers[no++] = (uint8_t)s;
    if (allowed(s, XC_NER_O)) closers[nc++] = (uint8_t)s;
  }
  if (no != NOPEN || nc != NOPEN) abort();
}

typedef float v4f __attribute__((vector_size(16)));
typedef int32_t v4i __attribute__((vector_size(16)));

/* The transitions from closers to openers, packed: ct[p][v] holds the
 * scores of closers[p] to openers[4v .. 4v+3]. */
typedef struct {
  v4f ct[NOPEN][NOPEN_V];
} packed_trans;

static void pack_trans(const float *trans, packed_trans *pt) {
  enum { T = XC_NER_NSTATES };
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, groups_init);
  memset(pt, 0, sizeof *pt);
  for (int p = 0; p < NOPEN; p++)
    for (int j = 0; j < NOPEN; j++) pt->ct[p][j / 4][j % 4] = trans[closers[p] * T + openers[j]];
}

/* One step of Viterbi for the openers: d[t] = max over closers s of
 * prev[s] + trans[s][t], plus em[t]. Which s reached it is not kept:
 * the backtrace finds it again for the one state it follows
 * (best_pred), which costs less than keeping it for every state. */
static void step_openers(const packed_trans *pt, const float *prev, const float *em, float *d) {
  v4f best[NOPEN_V];
  float pv = prev[closers[0]];
  for (int v = 0; v < NOPEN_V; v++) best[v] = pv + pt->ct[0][v];
  for (int p = 1; p < NOPEN; p++) {
    pv = prev[closers[p]];
#pragma GCC unroll 4 /* keeps best in registers */
    for (int v = 0; v < NOPEN_V; v++) {
      v4f x = pv + pt->ct[p][v];
      v4i gt = x > best[v];
      best[v] = (v4f)(((v4i)x & gt) | ((v4i)best[v] & ~gt));
    }
  }
  for (int j = 0; j < NOPEN; j++) d[openers[j]] = best[j / 4][j % 4] + em[openers[j]];
}

/* One step for the I and L states of every type: from B or I of it. */
static void step_inside(const float *trans, const float *prev, const float *em, float *d) {
  enum { T = XC_NER_NSTATES };
  for (int ty = 0; ty < XC_NER_NTYPES; ty++) {
    int b = XC_NER_STATE(ty, 0), in = XC_NER_STATE(ty, 1);
    for (int t = in; t <= XC_NER_STATE(ty, 2); t++) {
      float vb = prev[b] + trans[b * T + t], vi = prev[in] + trans[in * T + t];
      d[t] = (vi > vb ? vi : vb) + em[t];
    }
  }
}

/* The state before t on the best path, given the scores prev one word
 * before: the first allowed s (ascending) with the largest prev[s] +
 * trans[s][t], the same sums and order as the step that scored t. */
static int best_pred(const float *trans, const float *prev, int t) {
  enum { T = XC_NER_NSTATES };
  int k = t ? (t - 1) % 4 : 0;
  if (k == 1 || k == 2) { /* I or L: from B or I of the type */
    int b = t - k, in = b + 1;
    return prev[in] + trans[in * T + t] > prev[b] + trans[b * T + t] ? in : b;
  }
  int arg = closers[0];
  float best = prev[arg] + trans[arg * T + t];
  for (int p = 1; p < NOPEN; p++) { /* selects: which closer wins is not predictable */
    float v = prev[closers[p]] + trans[closers[p] * T + t];
    int gt = v > best;
    best = gt ? v : best;
    arg = gt ? closers[p] : arg;
  }
  return arg;
}

/* xc_ner_viterbi with trans packed (pack_trans) by the caller: once for
 * all the sentences of a document. */
static void viterbi_packed(const float *em, size_t n, const float *trans, const packed_trans *pt,
                           uint8_t *tags) {
  enum { T = XC_NER_NSTATES };
  if (!n) return;
  float stack_d[64 * T];
  float *d = n <= 64 ? stack_d : xc_xmalloc(n * T * sizeof *d);
  for (int t = 0; t < T; t++)
    d[t] = allowed(-1, t) ? trans[T * T + t] + em[t] : -INFINITY;
  for (size_t i = 1; i < n; i++) {
    step_openers(pt, d + (i - 1) * T, em + i * T, d + i * T);
    step_inside(trans, d + (i - 1) * T, em + i * T, d + i * T);
  }
  int t = 0;
  for (int s = 1; s < T; s++)
    if (may_end(s) && d[(n - 1) * T + s] > d[(n - 1) * T + t]) t = s;
  for (size_t i = n; i-- > 0;) {
    tags[i] = (uint8_t)t;
    if (i) t = best_pred(trans, d + (i - 1) * T, t);
  }
  if (d != stack_d) free(d);
}

void xc_ner_viterbi(const float *em, size_t n, const float *trans, uint8_t *tags) {
  packed_trans pt;
  pack_trans(trans, &pt);
  viterbi_packed(em, n, trans, &pt, tags);
}

/* Sums of int16 weights in int32 lanes. Eight weights are loaded as four
 * int32 pairs and split by shifts (the low half of a pair is the
 * lower-addressed weight: little-endian, as the model file is read), so
 * the even and the odd states are summed apart: fewer instructions than
 * widening without SSE4, and few enough registers that both stages' sums
 * stay in them. The sums are put back in state order once per word
 * (lanes_scores). */
typedef uint32_t v4u __attribute__((vector_size(16)));
_Static_assert(NER_LANES == 24, "lanes_add sums three vectors of eight");
typedef struct {
  v4i ev[3], od[3];
} lanes;

static inline void lanes_add(lanes *a, const int16_t *w) {
  v4i x[3];
  memcpy(x, w, sizeof x);
#pragma GCC unroll 3 /* so that the sums stay in registers */
  for (int k = 0; k < 3; k++) {
    a->ev[k] += (v4i)((v4u)x[k] << 16) >> 16;
    a->od[k] += x[k] >> 16;
  }
}

/* Emission scores of one word, in state order, from its sums. */
static void lanes_scores(const lanes *a, float scale, float *em) {
  v4f out[2 * 3];
  for (int k = 0; k < 3; k++) {
    v4f e = __builtin_convertvector(a->ev[k], v4f) * scale;
    v4f o = __builtin_convertvector(a->od[k], v4f) * scale;
    out[2 * k] = __builtin_shufflevector(e, o, 0, 4, 1, 5);
    out[2 * k + 1] = __builtin_shufflevector(e, o, 2, 6, 3, 7);
  }
  memcpy(em, out, XC_NER_NSTATES * sizeof *em);
}

/* Where the probe for tag t from slot h stops: the first slot from h
 * that holds t or is empty. The first TAG_RUN tags are tested at once, as
 * the four 16-bit lanes of one word (a lane is flagged when it is zero,
 * or equal to t: zero after xor; the lowest flag is exact), so that the
 * usual probe has no branch to mispredict. */
static size_t tag_probe(const xc_ner *m, size_t h, uint16_t t) {
  const uint64_t ones = 0x0001000100010001ull, high = 0x8000800080008000ull;
  uint64_t x, y;
  memcpy(&x, &m->tags[h], sizeof x); /* lane i = tags[h + i] (little-endian) */
  y = x ^ (t * ones);
  uint64_t flags = (((x - ones) & ~x) | ((y - ones) & ~y)) & high;
  if (flags) return (h + (size_t)__builtin_ctzll(flags) / 16) & m->mask;
  h = (h + TAG_RUN) & m->mask;
  while (m->tags[h] && m->tags[h] != t) h = (h + 1) & m->mask;
  return h;
}

/* A slot of no weights: where a key the model lacks leads. */
static const ner_slot zero_slot;

/* The slots of one word's features that the model has (by their tags;
 * keys are checked when the weights are read, slot_checked), with the
 * keys looked for. */
typedef struct {
  const ner_slot *s[XC_NER_NFEAT];
  uint64_t k[XC_NER_NFEAT];
  int n;
} word_slots;

/* Finds the slots of features f[j0, j1) of one word into ws and
 * prefetches them. The list grows without a branch on whether the model
 * knows a feature (a third of news text's features it does not, and
 * which cannot be predicted): each is written, and counted if found. */
static void find_slots(const xc_ner *m, const uint64_t *f, int j0, int j1, word_slots *ws) {
  int n = 0;
  for (int j = j0; j < j1; j++) {
    uint64_t k = f[j];
    size_t h = tag_probe(m, (size_t)(k ^ (k >> 29)) & m->mask, key_tag(k));
    int found = (k != 0) & (m->tags[h] != 0);
    ws->s[n] = &m->slots[h & -(size_t)found]; /* not found: slot 0, always cached */
    ws->k[n] = k;
    __builtin_prefetch(ws->s[n]);
    __builtin_prefetch((const char *)ws->s[n] + 64);
    n += found;
  }
  ws->n = n;
}

/* Prefetches the tags that find_slots will probe for features f[j0, j1)
 * of one word: a word ahead of find_slots, so that the probes find them
 * in the first-level cache. */
static void prefetch_tags(const xc_ner *m, const uint64_t *f, int j0, int j1) {
  for (int j = j0; j < j1; j++)
    __builtin_prefetch(&m->tags[(size_t)(f[j] ^ (f[j] >> 29)) & m->mask]);
}

/* The slot of key k given find_slots' guess: the guess when its key is k,
 * else (two keys with one tag) the slot found by a full probe. */
static const ner_slot *slot_checked(const xc_ner *m, const ner_slot *sl, uint64_t k) {
  if (sl->key == k) return sl;
  const ner_slot *s = slot_of(m, k);
  return s ? s : &zero_slot;
}

/* Emission scores of the first stage into em, and the second stage's sums
 * over the same (non-history) features into part. The tags of a word's
 * features are prefetched two words ahead, its slots found and prefetched
 * one word ahead, so that their cache misses overlap. */
static void first_emissions(const xc_ner *m, const uint64_t *f, size_t nw, float *em,
                            lanes *part) {
  enum { T = XC_NER_NSTATES };
  word_slots ws[2];
  for (size_t i = 0; i < 2 && i < nw; i++) prefetch_tags(m, f + i * XC_NER_NFEAT, 0, XC_NER_HIST);
  find_slots(m, f, 0, XC_NER_HIST, &ws[0]);
  for (size_t i = 0; i < nw; i++) {
    if (i + 2 < nw) prefetch_tags(m, f + (i + 2) * XC_NER_NFEAT, 0, XC_NER_HIST);
    if (i + 1 < nw) find_slots(m, f + (i + 1) * XC_NER_NFEAT, 0, XC_NER_HIST, &ws[(i + 1) & 1]);
    const word_slots *cur = &ws[i & 1];
    lanes acc = {0}, acc2 = {0};
    for (int j = 0; j < cur->n; j++) {
      const ner_slot *s = slot_checked(m, cur->s[j], cur->k[j]);
      lanes_add(&acc, s->w[0]);
      lanes_add(&acc2, s->w[1]);
    }
    part[i] = acc2;
    lanes_scores(&acc, m->scale[0], em + i * T);
  }
}

/* Emission scores of the second stage: part plus the history features. */
static void second_emissions(const xc_ner *m, const uint64_t *f, size_t nw, const lanes *part,
                             float *em) {
  enum { T = XC_NER_NSTATES };
  word_slots ws[2];
  for (size_t i = 0; i < 2 && i < nw; i++)
    prefetch_tags(m, f + i * XC_NER_NFEAT, XC_NER_HIST, XC_NER_NFEAT);
  find_slots(m, f, XC_NER_HIST, XC_NER_NFEAT, &ws[0]);
  for (size_t i = 0; i < nw; i++) {
    if (i + 2 < nw) prefetch_tags(m, f + (i + 2) * XC_NER_NFEAT, XC_NER_HIST, XC_NER_NFEAT);
    if (i + 1 < nw)
      find_slots(m, f + (i + 1) * XC_NER_NFEAT, XC_NER_HIST, XC_NER_NFEAT, &ws[(i + 1) & 1]);
    const word_slots *cur = &ws[i & 1];
    lanes acc = part[i];
    for (int j = 0; j < cur->n; j++) lanes_add(&acc, slot_checked(m, cur->s[j], cur->k[j])->w[1]);
    lanes_scores(&acc, m->scale[1], em + i * T);
  }
}

static void stage_decode(const float *trans, const xc_ner_doc *doc, const float *em,
                         uint8_t *tags) {
  packed_trans pt;
  pack_trans(trans, &pt);
  for (size_t k = 0; k < doc->nsent; k++) {
    size_t a = doc->sent[k], b = k + 1 < doc->nsent ? doc->sent[k + 1] : doc->nwords;
    if (b > a) {
      viterbi_packed(em + a * XC_NER_NSTATES, b - a, trans, &pt, tags + a);
      xc_ner_to_iob2(tags + a, b - a, tags + a);
    }
  }
}

void xc_ner_tag(const xc_ner *m, const xc_ner_doc *doc, uint8_t *tags) {
  size_t nw = doc->nwords;
  if (!nw) return;
  if (!m) {
    memset(tags, XC_NER_O, nw);
    return;
  }
  uint64_t *f = xc_xmalloc(nw * XC_NER_NFEAT * sizeof *f);
  float *em = xc_xmalloc(nw * XC_NER_NSTATES * sizeof *em);
  lanes *part = aligned_alloc(32, nw * sizeof *part);
  if (!part) abort();
  xc_ner_features(doc, f);
  first_emissions(m, f, nw, em, part);
  stage_decode(m->trans[0], doc, em, tags);
  xc_ner_history(doc, tags, f);
  second_emissions(m, f, nw, part, em);
  stage_decode(m->trans[1], doc, em, tags);
  free(f);
  free(em);
  free(part);
}
