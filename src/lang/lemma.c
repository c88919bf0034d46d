/* lemma.c - English lemmas from WordNet's lists (see lemma.h). */
#include "lang/lemma.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "core/core.h"

extern const unsigned char xc_lemma_data_start[], xc_lemma_data_end[];

#define SEED 0x1e44a
#define MIN_BASE 3 /* a regular ending leaves at least this many letters */

/* Open addressing from a word's hash to its entry: an irregular form's
 * lemma (offset and length in the linked list) or, for a verb, itself. */
typedef struct {
  uint64_t key;
  uint32_t at, len; /* the lemma's bytes in the data; len 0: a verb */
  uint32_t verb;    /* an irregular form of a verb ("shot", "fled") */
} slot;

static struct {
  slot *exc, *verb;
  size_t exc_mask, verb_mask;
} L;

static size_t find(const slot *t, size_t mask, uint64_t key) {
  size_t h = (size_t)(key ^ (key >> 31)) & mask;
  while (t[h].key && t[h].key != key) h = (h + 1) & mask;
  return h;
}

static uint64_t key_of(const char *w, size_t n) { return xc_hash64(w, n, SEED) | 1; }

/* Counts the lines of each kind, then fills tables of twice that size. */
static void build(void) {
  const char *p = (const char *)xc_lemma_data_start, *end = (const char *)xc_lemma_data_end;
  size_t nexc = 0, nverb = 0;
  for (const char *q = p; q < end; q++)
    if ((q == p || q[-1] == '\n') && end - q > 4) {
      int vexc = !memcmp(q, "vexc", 4);
      nexc += *q == 'e' || vexc, nverb += *q == 'v' && !vexc;
    }
  for (L.exc_mask = 1; L.exc_mask < 2 * nexc; L.exc_mask <<= 1) {}
  for (L.verb_mask = 1; L.verb_mask < 2 * nverb; L.verb_mask <<= 1) {}
  L.exc = xc_xcalloc(L.exc_mask, sizeof *L.exc), L.exc_mask--;
  L.verb = xc_xcalloc(L.verb_mask, sizeof *L.verb), L.verb_mask--;
  xc_slice f[3];
  while (p < end) {
    size_t nf = xc_tsv_line(&p, end, f, 3);
    int vexc = nf == 3 && f[0].n == 4 && !memcmp(f[0].p, "vexc", 4);
    if (vexc || (nf == 3 && f[0].n == 3 && !memcmp(f[0].p, "exc", 3))) {
      slot *s = &L.exc[find(L.exc, L.exc_mask, key_of(f[1].p, f[1].n))];
      s->key = key_of(f[1].p, f[1].n);
      s->at = (uint32_t)(f[2].p - (const char *)xc_lemma_data_start);
      s->len = (uint32_t)f[2].n;
      s->verb = (uint32_t)vexc;
    } else if (nf == 2 && f[0].n == 4 && !memcmp(f[0].p, "verb", 4)) {
      L.verb[find(L.verb, L.verb_mask, key_of(f[1].p, f[1].n))].key = key_of(f[1].p, f[1].n);
    }
  }
}

static void lists(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, build);
}

static int is_verb(const char *w, size_t n) {
  return n >= MIN_BASE && L.verb[find(L.verb, L.verb_mask, key_of(w, n))].key != 0;
}

static size_t put(char *out, size_t cap, const char *w, size_t n) {
  if (!cap) return 0;
  if (n >= cap) n = cap - 1;
  memmove(out, w, n); /* out may be w itself */
  out[n] = 0;
  return n;
}

/* A regular verb form back to a verb WordNet lists, into base (at least
 * n + 2 bytes); returns its length, or 0. The endings of WordNet's morphy
 * in its order, then a doubled consonant undone ("stopped", "planning"). */
static size_t verb_base(const char *w, size_t n, char *base) {
  static const char *const from[] = {"ies", "es", "es", "s", "ed", "ed", "ing", "ing"};
  static const char *const to[] = {"y", "e", "", "", "e", "", "e", ""};
  for (size_t r = 0; r < sizeof from / sizeof *from; r++) {
    size_t fl = strlen(from[r]), tl = strlen(to[r]);
    if (n <= fl || memcmp(w + n - fl, from[r], fl)) continue;
    if (fl == 1 && w[n - 2] == 's') continue; /* "press" is no plural */
    size_t k = n - fl;
    memcpy(base, w, k);
    memcpy(base + k, to[r], tl);
    if (is_verb(base, k + tl)) return k + tl;
    /* "stopped" -> "stop": a consonant doubled before -ed or -ing */
    if (!tl && fl >= 2 && k >= MIN_BASE + 1 && base[k - 1] == base[k - 2] &&
        !strchr("aeiou", base[k - 1]) && is_verb(base, k - 1))
      return k - 1;
  }
  return 0;
}

size_t xc_lemma(const char *w, size_t n, char *out, size_t cap) {
  lists();
  if (n == 0 || n > 64) return put(out, cap, w, n);
  const slot *e = &L.exc[find(L.exc, L.exc_mask, key_of(w, n))];
  if (e->key) return put(out, cap, (const char *)xc_lemma_data_start + e->at, e->len);
  char base[72];
  size_t b = verb_base(w, n, base);
  if (b) return put(out, cap, base, b);
  /* a plural: -ies -> -y, -s dropped (not -ss, -us, -is: "press", "virus") */
  if (n > 4 && !memcmp(w + n - 3, "ies", 3)) {
    memcpy(base, w, n - 3);
    base[n - 3] = 'y';
    return put(out, cap, base, n - 2);
  }
  if (n > 3 && w[n - 1] == 's' && !strchr("sui", w[n - 2])) return put(out, cap, w, n - 1);
  return put(out, cap, w, n);
}

size_t xc_verb_form(const char *w, size_t n, char *out, size_t cap) {
  lists();
  if (n < MIN_BASE || n > 64) return 0;
  const slot *e = &L.exc[find(L.exc, L.exc_mask, key_of(w, n))];
  if (e->key) return e->verb ? put(out, cap, (const char *)xc_lemma_data_start + e->at, e->len) : 0;
  /* -ed and -ing only: an -s form reads as a plural as often */
  if (!(n > 4 && !memcmp(w + n - 2, "ed", 2)) && !(n > 5 && !memcmp(w + n - 3, "ing", 3))) return 0;
  char base[72];
  size_t b = verb_base(w, n, base);
  return b ? put(out, cap, base, b) : 0;
}
