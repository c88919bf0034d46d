/* langid.c - language identification by character n-gram profiles (Cavnar
 * & Trenkle 1994, "N-Gram-Based Text Categorization"), with the profiles of
 * Debian's libexttextcat-data compiled in (data/gen_langid.py). The text's
 * 1..5-grams of words padded with '_' are ranked by frequency; each language
 * scores the out-of-place distance of the top grams against its profile.
 * A gram -> (language, rank) hash table built once makes a guess cost tens
 * of microseconds instead of comparing against every profile in turn. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "langid.inc"

#define NLANGS (sizeof lid_profiles / sizeof lid_profiles[0])
#define MAX_RANK 400
#define DOC_GRAMS 300     /* top grams of the text that are compared */
#define SAMPLE_BYTES 1000 /* text looked at */

typedef struct {
  uint64_t h;         /* 0 = empty slot */
  uint32_t first, n;  /* entries[first .. first+n) */
} gslot;

typedef struct {
  uint16_t lang, rank;
} gentry;

static gslot *table;
static size_t table_mask;
static gentry *entries;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static uint64_t gram_hash(const char *p, size_t n) {
  uint64_t h = xc_hash64(p, n, 0x6c616e67);
  return h ? h : 1;
}

static gslot *slot_for(uint64_t h) {
  size_t i = (size_t)h & table_mask;
  while (table[i].h && table[i].h != h) i = (i + 1) & table_mask;
  return &table[i];
}

/* Two passes over the profiles: count entries per gram, then fill. */
static void build(void) {
  size_t total = 0;
  for (size_t l = 0; l < NLANGS; l++)
    for (const char *g = lid_profiles[l].grams; *g; g++) total += *g == '\n';
  size_t cap = 1;
  while (cap < total * 2) cap <<= 1;
  table = xc_xcalloc(cap, sizeof *table);
  table_mask = cap - 1;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t l = 0; l < NLANGS; l++) {
      const char *g = lid_profiles[l].grams;
      for (uint16_t rank = 0; *g && rank < MAX_RANK; rank++) {
        const char *e = strchr(g, '\n');
        size_t len = e ? (size_t)(e - g) : strlen(g);
        gslot *s = slot_for(gram_hash(g, len));
        s->h = gram_hash(g, len);
        if (pass == 0) s->n++;
        else entries[s->first + s->n++] = (gentry){(uint16_t)l, rank};
        g += len + (e ? 1 : 0);
      }
    }
    if (pass == 0) {
      uint32_t off = 0;
      for (size_t i = 0; i < cap; i++)
        if (table[i].h) table[i].first = off, off += table[i].n, table[i].n = 0;
      entries = xc_xmalloc((off ? off : 1) * sizeof *entries);
    }
  }
}

/* ---- the text's grams ---- */
typedef struct {
  uint64_t h;
  uint32_t count;
} dgram;

typedef struct {
  dgram *slots;
  size_t mask, used;
} dtable;

static void count_gram(dtable *t, const char *p, size_t n) {
  uint64_t h = gram_hash(p, n);
  size_t i = (size_t)h & t->mask;
  while (t->slots[i].h && t->slots[i].h != h) i = (i + 1) & t->mask;
  if (!t->slots[i].h) {
    if (t->used * 2 >= t->mask) return; /* full enough: ignore new grams */
    t->slots[i].h = h;
    t->used++;
  }
  t->slots[i].count++;
}

static int letter(uint32_t cp) {
  if (cp < 0x80) return ((cp | 32) >= 'a' && (cp | 32) <= 'z');
  if (xc_uspace(cp)) return 0;
  /* general punctuation, CJK punctuation and symbols are not letters */
  if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0xFFFD || (cp >= 0xA0 && cp <= 0xBF) ||
      cp == 0xD7 || cp == 0xF7)
    return 0;
  return 1;
}

const char *xc_language_guess(const char *p, size_t n) {
  if (n > SAMPLE_BYTES) {
    n = SAMPLE_BYTES;
    while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80) n--;
  }
  pthread_once(&once, build);
  dgram slots[4096];
  memset(slots, 0, sizeof slots);
  dtable t = {slots, 4095, 0};
  /* words as runs of letters, padded: "_word_" */
  char word[128];
  size_t letters = 0, i = 0, len;
  while (i < n) {
    uint32_t cp = xc_utf8_decode(p + i, n - i, &len);
    if (!letter(cp)) {
      i += len;
      continue;
    }
    size_t w = 0, offs[34], nc = 0;
    word[w++] = '_';
    offs[nc++] = 0;
    while (i < n) {
      cp = xc_utf8_decode(p + i, n - i, &len);
      if (!letter(cp)) break;
      if (w + len + 2 < sizeof word && nc < 32) {
        offs[nc++] = w;
        memcpy(word + w, p + i, len);
        w += len;
        letters++;
      }
      i += len;
    }
    offs[nc++] = w;
    word[w++] = '_';
    offs[nc] = w; /* offs[k]: byte start of character k; offs[nc]: end */
    for (size_t a = 0; a < nc; a++)
      for (size_t k = 1; k <= 5 && a + k <= nc; k++)
        count_gram(&t, word + offs[a], offs[a + k] - offs[a]);
  }
  if (letters < 20) return NULL;
  /* the most frequent grams, ranked by a counting sort (counts are small;
   * ties keep table order, which depends only on the grams) */
  enum { MAXC = 512 };
  uint32_t hist[MAXC + 1];
  memset(hist, 0, sizeof hist);
  for (size_t s = 0; s <= t.mask; s++)
    if (slots[s].h) hist[slots[s].count > MAXC ? MAXC : slots[s].count]++;
  uint32_t start[MAXC + 1], acc = 0; /* descending: highest count first */
  for (int c = MAXC; c >= 0; c--) start[c] = acc, acc += hist[c];
  static _Thread_local uint64_t ranked[4096];
  for (size_t s = 0; s <= t.mask; s++)
    if (slots[s].h) {
      uint32_t c = slots[s].count > MAXC ? MAXC : slots[s].count;
      ranked[start[c]++] = slots[s].h;
    }
  size_t m = acc < DOC_GRAMS ? acc : DOC_GRAMS;
  /* score = sum over shared grams of (MAX_RANK - |rank difference|) */
  long score[NLANGS];
  memset(score, 0, sizeof score);
  for (size_t r = 0; r < m; r++) {
    gslot *s = slot_for(ranked[r]);
    if (!s->h) continue;
    for (uint32_t k = 0; k < s->n; k++) {
      const gentry *e = &entries[s->first + k];
      long d = (long)r - (long)e->rank;
      score[e->lang] += MAX_RANK - (d < 0 ? -d : d);
    }
  }
  size_t best = 0;
  for (size_t l = 1; l < NLANGS; l++)
    if (score[l] > score[best]) best = l;
  return score[best] > 0 ? lid_profiles[best].code : NULL;
}
