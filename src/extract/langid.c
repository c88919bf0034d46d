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

#define GRAM_SEED 0x6c616e67

static uint64_t gram_hash(const char *p, size_t n) {
  uint64_t h = xc_hash64(p, n, GRAM_SEED);
  return h ? h : 1;
}

/* gram_hash of the 1 <= n bytes at p when 8 bytes may be read there: a
 * short gram is one load and a mask, with no branch on its length. */
static uint64_t gram_hash_padded(const char *p, size_t n) {
  if (n >= 8) return gram_hash(p, n);
  uint64_t bytes = xc_load_le((const unsigned char *)p, 8) & (~0ULL >> (64 - 8 * n));
  uint64_t h = xc_hash64_short(bytes, n, GRAM_SEED);
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
    for (const char *g = lid_profiles[l].grams; (g = strchr(g, '\n')); g++) total++;
  /* about half the grams are shared between languages, so a table of
   * `total` slots ends up about a third full */
  size_t cap = 1;
  while (cap < total) cap <<= 1;
  table = xc_xcalloc(cap, sizeof *table);
  table_mask = cap - 1;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t l = 0; l < NLANGS; l++) {
      const char *g = lid_profiles[l].grams;
      for (uint16_t rank = 0; *g && rank < MAX_RANK; rank++) {
        const char *e = strchr(g, '\n');
        size_t len = e ? (size_t)(e - g) : strlen(g);
        uint64_t h = gram_hash(g, len);
        gslot *s = slot_for(h);
        s->h = h;
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
/* Open addressing over DSLOTS slots by gram hash, hashes and counts in
 * separate arrays so probing touches 32 KB. A bitmap of the used slots lets
 * the ranking visit them in slot order without scanning the whole table,
 * and clear them for the next guess. Counts fit 16 bits: a word of c >= 1
 * letters makes at most 5 (c + 2) <= 15 c grams, so a sample of
 * SAMPLE_BYTES makes fewer than 15000. */
#define DSLOTS 4096
typedef struct {
  uint64_t h[DSLOTS]; /* 0 = empty */
  uint16_t count[DSLOTS];
  uint64_t used_bits[DSLOTS / 64];
  size_t used;
} dtable;

static _Thread_local dtable dtab; /* empty between guesses */

/* Slot of hash h (never 0) in t: where it is, or the empty one where it
 * goes. One test per slot, min(x, x ^ h) == 0 (x is empty or h): found and
 * new are a coin toss, and two tests would mispredict on every other gram. */
static size_t dslot(const dtable *t, uint64_t h) {
  size_t i = (size_t)h & (DSLOTS - 1);
  for (;;) {
    uint64_t x = t->h[i], y = x ^ h;
    if ((x < y ? x : y) == 0) return i;
    i = (i + 1) & (DSLOTS - 1);
  }
}

/* Counts the gram of hash h. Found and new take the same branch-free path:
 * a found gram's hash and bit are rewritten as they were. */
static void count_gram(dtable *t, uint64_t h) {
  size_t i = dslot(t, h);
  int fresh = t->h[i] == 0;
  if (t->used * 2 >= DSLOTS - 1 && fresh) return; /* full enough: ignore new grams */
  t->h[i] = h;
  t->used_bits[i / 64] |= 1ULL << (i % 64);
  t->used += (size_t)fresh;
  t->count[i]++;
}

/* Index of the next used slot after the bits already taken from *word
 * (word k of the bitmap), or DSLOTS when none is left. */
static size_t next_used(const dtable *t, size_t *k, uint64_t *word) {
  while (!*word) {
    if (++*k >= DSLOTS / 64) return DSLOTS;
    *word = t->used_bits[*k];
  }
  size_t i = *k * 64 + (size_t)__builtin_ctzll(*word);
  *word &= *word - 1;
  return i;
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

/* Whether the character at p[0..n) is a letter; its length goes to *len.
 * ASCII, nearly all of a Latin-script text, skips the decoder. */
static int letter_at(const char *p, size_t n, size_t *len) {
  unsigned char c = (unsigned char)*p;
  if (c < 0x80) {
    *len = 1;
    return (unsigned)((c | 32) - 'a') < 26;
  }
  return letter(xc_utf8_decode(p, n, len));
}

/* Counts the 1..5-grams of the words of p[0..n) (runs of letters, padded:
 * "_word_", at most 32 letters each) into t; returns the letters seen. */
static size_t count_words(dtable *t, const char *p, size_t n) {
  char word[128 + 8] = {0}; /* the grams are read 8 bytes at a time */
  size_t letters = 0, i = 0, len;
  while (i < n) {
    if (!letter_at(p + i, n - i, &len)) {
      i += len;
      continue;
    }
    size_t w = 0, offs[34], nc = 0;
    word[w++] = '_';
    offs[nc++] = 0;
    while (i < n && letter_at(p + i, n - i, &len)) {
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
        count_gram(t, gram_hash_padded(word + offs[a], offs[a + k] - offs[a]));
  }
  return letters;
}

/* Puts the hashes of the DOC_GRAMS most frequent grams of t into ranked,
 * most frequent first (a counting sort: counts are small; ties keep slot
 * order, which depends only on the grams), and empties t. Returns how many
 * were stored. */
enum { MAXC = 512 };
static size_t rank_grams(dtable *t, uint64_t *ranked) {
  uint32_t hist[MAXC + 1];
  memset(hist, 0, sizeof hist);
  size_t k = 0, s;
  uint64_t word = t->used_bits[0];
  while ((s = next_used(t, &k, &word)) < DSLOTS)
    hist[t->count[s] > MAXC ? MAXC : t->count[s]]++;
  uint32_t start[MAXC + 1], acc = 0; /* descending: highest count first */
  for (int c = MAXC; c >= 0; c--) start[c] = acc, acc += hist[c];
  k = 0, word = t->used_bits[0];
  while ((s = next_used(t, &k, &word)) < DSLOTS) {
    uint32_t c = t->count[s] > MAXC ? MAXC : t->count[s];
    if (start[c] < DOC_GRAMS) ranked[start[c]] = t->h[s];
    start[c]++;
    t->h[s] = 0, t->count[s] = 0;
  }
  memset(t->used_bits, 0, sizeof t->used_bits);
  t->used = 0;
  return acc < DOC_GRAMS ? acc : DOC_GRAMS;
}

const char *xc_language_guess(const char *p, size_t n) {
  if (n > SAMPLE_BYTES) {
    n = SAMPLE_BYTES;
    while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80) n--;
  }
  pthread_once(&once, build);
  dtable *t = &dtab;
  size_t letters = count_words(t, p, n);
  uint64_t ranked[DOC_GRAMS];
  size_t m = rank_grams(t, ranked);
  if (letters < 20) return NULL;
  /* score = sum over shared grams of (MAX_RANK - |rank difference|); the
   * table is far bigger than the caches, so slots are fetched ahead */
  enum { AHEAD = 8 };
  for (size_t r = 0; r < m && r < AHEAD; r++)
    __builtin_prefetch(&table[ranked[r] & table_mask]);
  long score[NLANGS];
  memset(score, 0, sizeof score);
  for (size_t r = 0; r < m; r++) {
    if (r + AHEAD < m) __builtin_prefetch(&table[ranked[r + AHEAD] & table_mask]);
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
