/* langid.c - language identification by character n-gram profiles (Cavnar
 * & Trenkle 1994, "N-Gram-Based Text Categorization"), with the profiles of
 * Debian's libexttextcat-data (data/gen_langid.py). The text's 1..5-grams
 * of words padded with '_' are ranked by frequency; each language scores
 * the out-of-place distance of the top grams against its profile. A gram
 * -> (language, rank) table, built at compile time (langid_table.h), makes
 * a guess cost tens of microseconds instead of comparing against every
 * profile in turn. */
#include <string.h>

#include "extract.h"
#include "langid_table.h"

#define DOC_GRAMS 300     /* top grams of the text that are compared */
#define SAMPLE_BYTES 1000 /* text looked at */

extern const unsigned char xc_langid_table_start[];

/* The parts of the table (langid_data.S). */
typedef struct {
  const lid_header *hd;
  const lid_slot *slots;
  const lid_entry *entries;
  const lid_row *rows;
  size_t mask;
} lid_table;

static lid_table table_get(void) {
  lid_table t;
  t.hd = (const lid_header *)(const void *)xc_langid_table_start;
  t.slots = (const lid_slot *)(t.hd + 1);
  t.entries = (const lid_entry *)(t.slots + t.hd->cap);
  t.rows = (const lid_row *)(const void *)(t.entries + t.hd->nentries);
  t.mask = t.hd->cap - 1;
  return t;
}

static const lid_slot *slot_for(const lid_table *t, uint64_t h) {
  size_t i = lid_index(h, t->hd->shift);
  while (t->slots[i].h && t->slots[i].h != h) i = (i + 1) & t->mask;
  return &t->slots[i];
}

/* lid_gram_key of the 1 <= n bytes at p when 8 bytes may be read there: a
 * short gram is one load and a mask, with no branch on its length. */
static uint64_t gram_key_padded(const char *p, size_t n) {
  if (n >= 8) return lid_gram_key(p, n);
  return (xc_load_le((const unsigned char *)p, 8) & (~0ULL >> (64 - 8 * n))) | (uint64_t)n << 56;
}

/* ---- the text's grams ---- */
/* The grams of a sample in the order they first occur: key, count and
 * length in dense arrays, found through open addressing over DSLOTS
 * slots of 16-bit indices; 30 KB in all, so the counting stays in the
 * first-level cache and the ranking reads the arrays front to back. At
 * most DSLOTS / 2 grams are kept. Counts fit 16 bits: a word of c >= 1
 * letters makes at most 5 (c + 2) <= 15 c grams, so a sample of
 * SAMPLE_BYTES makes fewer than 15000. */
#define DSLOTS 4096
#define DSHIFT (64 - 12)
#define DGRAMS (DSLOTS / 2)
typedef struct {
  uint16_t slot[DSLOTS]; /* index of the gram, 0 = empty */
  uint64_t key[DGRAMS + 1]; /* grams 1..used; key[0] = 0 matches no gram */
  uint16_t count[DGRAMS + 1];
  uint8_t chars[DGRAMS + 1]; /* length in characters, 1..5 */
  size_t used;
} dtable;

static _Thread_local dtable dtab; /* empty between guesses */

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

/* Counts mult occurrences of the gram of key h (never 0), of g
 * characters. */
static void count_gram(dtable *t, uint64_t h, size_t g, unsigned mult) {
  size_t i = lid_index(h, DSHIFT);
  for (;; i = (i + 1) & (DSLOTS - 1)) {
    unsigned s = t->slot[i];
    if (!s) break;
    if (t->key[s] == h) {
      t->count[s] = (uint16_t)(t->count[s] + mult);
      return;
    }
  }
  if (t->used == DGRAMS) return; /* full enough: ignore new grams */
  size_t k = ++t->used;
  t->slot[i] = (uint16_t)k;
  t->key[k] = h, t->count[k] = (uint16_t)mult, t->chars[k] = (uint8_t)g;
}

/* The distinct words of a sample, padded ("_word_", at most 32 letters),
 * in order of first occurrence, with how often each occurs. A word's
 * grams are counted once, times its count: the grams meet the gram table
 * in the same order as word by word, so the counts and the order of first
 * occurrence come out the same, with a third of the work. */
#define MAXW 512     /* distinct words kept; a sample has at most 500 */
#define WSLOTS 1024  /* word hash slots, a power of two */
typedef struct {
  uint32_t at, len;       /* padded bytes in wbytes[at .. at+len) */
  uint16_t count;
  uint8_t nc;             /* characters, the two pads included */
  uint8_t offs[35];       /* offs[k]: byte start of character k; offs[nc]: end */
} dword;
typedef struct {
  dword w[MAXW];
  size_t n;
  uint16_t slot[WSLOTS];  /* 1 + index into w, 0 = empty */
  char bytes[SAMPLE_BYTES * 2 + 8 * MAXW + 8];
  size_t nbytes;
} wtable;

static _Thread_local wtable wtab;

/* Adds the padded word word[0..len) (characters at offs[0..nc]) to t. */
static void add_word(wtable *t, const char *word, size_t len, const size_t *offs, size_t nc) {
  uint64_t h = xc_hash64(word, len, 0);
  size_t i = (size_t)h & (WSLOTS - 1);
  for (; t->slot[i]; i = (i + 1) & (WSLOTS - 1)) {
    dword *d = &t->w[t->slot[i] - 1];
    if (d->len == len && memcmp(t->bytes + d->at, word, len) == 0) {
      d->count++;
      return;
    }
  }
  if (t->n == MAXW || t->nbytes + len + 8 > sizeof t->bytes) return; /* cannot happen */
  dword *d = &t->w[t->n];
  d->at = (uint32_t)t->nbytes, d->len = (uint32_t)len, d->count = 1, d->nc = (uint8_t)nc;
  for (size_t k = 0; k <= nc; k++) d->offs[k] = (uint8_t)offs[k];
  memcpy(t->bytes + t->nbytes, word, len);
  memset(t->bytes + t->nbytes + len, 0, 8); /* grams are read 8 bytes at a time */
  t->nbytes += len + 8;
  t->slot[i] = (uint16_t)++t->n;
}

/* Counts the 1..5-grams of the words of p[0..n) (runs of letters, padded:
 * "_word_", at most 32 letters each) into t; returns the letters seen. */
static size_t count_words(dtable *t, const char *p, size_t n) {
  wtable *wt = &wtab;
  char word[128 + 8] = {0};
  size_t letters = 0, i = 0, len;
  while (i < n) {
    if (!letter_at(p + i, n - i, &len)) {
      i += len;
      continue;
    }
    size_t w = 0, offs[35], nc = 0;
    word[w++] = '_';
    offs[nc++] = 0;
    while (i < n && letter_at(p + i, n - i, &len)) {
      if (w + len + 2 < sizeof word - 8 && nc < 32) {
        offs[nc++] = w;
        memcpy(word + w, p + i, len);
        w += len;
        letters++;
      }
      i += len;
    }
    offs[nc++] = w;
    word[w++] = '_';
    offs[nc] = w;
    add_word(wt, word, w, offs, nc);
  }
  for (size_t k = 0; k < wt->n; k++) {
    const dword *d = &wt->w[k];
    const char *b = wt->bytes + d->at;
    for (size_t a = 0; a < d->nc; a++)
      for (size_t g = 1; g <= 5 && a + g <= d->nc; g++)
        count_gram(t, gram_key_padded(b + d->offs[a], (size_t)(d->offs[a + g] - d->offs[a])), g,
                   d->count);
  }
  memset(wt->slot, 0, sizeof wt->slot);
  wt->n = 0, wt->nbytes = 0;
  return letters;
}

/* Puts the keys of the DOC_GRAMS most frequent grams of t into ranked,
 * most frequent first, and empties t. Ties, common in a short text, go to
 * the shorter gram (in any language's profile a gram is about as frequent
 * as its longer extensions or more), then to the one that occurred first.
 * A counting sort on count and length: counts are small. Returns how many
 * were stored. */
enum { MAXC = 512, NKEYS = (MAXC + 1) * 5 };
static unsigned rank_key(const dtable *t, size_t k) {
  unsigned c = t->count[k] > MAXC ? MAXC : t->count[k];
  return c * 5 + (5u - t->chars[k]); /* larger ranks first */
}

static size_t rank_grams(dtable *t, uint64_t *ranked) {
  static _Thread_local uint32_t start[NKEYS];
  unsigned top = 0;
  for (size_t k = 1; k <= t->used; k++) {
    unsigned key = rank_key(t, k);
    start[key]++;
    if (key > top) top = key;
  }
  uint32_t acc = 0; /* descending: the highest key first */
  for (int c = (int)top; c >= 0; c--) {
    uint32_t h = start[c];
    start[c] = acc, acc += h;
  }
  for (size_t k = 1; k <= t->used; k++) {
    uint32_t *at = &start[rank_key(t, k)];
    if (*at < DOC_GRAMS) ranked[*at] = t->key[k];
    (*at)++;
  }
  memset(start, 0, (top + 1) * sizeof start[0]);
  memset(t->slot, 0, sizeof t->slot);
  t->used = 0;
  return acc < DOC_GRAMS ? acc : DOC_GRAMS;
}

const char *xc_language_guess(const char *p, size_t n) {
  if (n > SAMPLE_BYTES) {
    n = SAMPLE_BYTES;
    while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80) n--;
  }
  dtable *t = &dtab;
  size_t letters = count_words(t, p, n);
  uint64_t ranked[DOC_GRAMS];
  size_t m = rank_grams(t, ranked);
  if (letters < 20) return NULL;
  const lid_table tb = table_get();
  const unsigned shift = tb.hd->shift;
  /* score = sum over shared grams of (LID_MAX_RANK - |rank difference|);
   * the table is far bigger than the caches, so slots are fetched ahead.
   * Dense rows add into 16-bit lanes, spilled into score before they
   * could overflow (81 grams of at most 400). */
  enum { AHEAD = 8, SPILL = 32767 / LID_MAX_RANK, NL = LID_BLOCKS * LID_LANES };
  for (size_t r = 0; r < m && r < AHEAD; r++)
    __builtin_prefetch(&tb.slots[lid_index(ranked[r], shift)]);
  long score[NL];
  memset(score, 0, sizeof score);
  lid_row acc;
  memset(&acc, 0, sizeof acc);
  int pending = 0;
  for (size_t r = 0; r < m; r++) {
    if (r + AHEAD < m) __builtin_prefetch(&tb.slots[lid_index(ranked[r + AHEAD], shift)]);
    const lid_slot *s = slot_for(&tb, ranked[r]);
    if (!s->h) continue;
    if (s->dense) {
      const lid_row *row = &tb.rows[s->first];
      lid_v8h rv = {0}, top = {0}, zero = {0};
      rv += (int16_t)r, top += (int16_t)LID_MAX_RANK;
      for (size_t b = 0; b < LID_BLOCKS; b++) {
        lid_v8h d = rv - row->b[b];
        lid_v8h neg = d < zero;
        lid_v8h c = top - ((d ^ neg) - neg);
        acc.b[b] += c & (c > zero);
      }
      if (++pending == SPILL) {
        for (size_t l = 0; l < NL; l++) score[l] += ((int16_t *)&acc)[l];
        memset(&acc, 0, sizeof acc);
        pending = 0;
      }
      continue;
    }
    for (uint32_t k = 0; k < s->n; k++) {
      const lid_entry *e = &tb.entries[s->first + k];
      long d = (long)r - (long)e->rank;
      score[e->lang] += LID_MAX_RANK - (d < 0 ? -d : d);
    }
  }
  for (size_t l = 0; l < NL; l++) score[l] += ((int16_t *)&acc)[l];
  size_t best = 0;
  for (size_t l = 1; l < tb.hd->nlangs; l++)
    if (score[l] > score[best]) best = l;
  return score[best] > 0 ? tb.hd->codes[best] : NULL;
}
