/* dedupe.c - copies among a set of documents and their origin. Each
 * document is shingled, asks the copy index (copyidx.c) for earlier
 * documents it may copy or be copied by, then joins it; every candidate
 * pair is confirmed on exact shingle sets. The origin rule (earliest date,
 * else the outlet the copy credits) decides which of a pair is the
 * original, and copies of copies are pointed at the first original. */
#include "dedupe.h"

#include <stdlib.h>
#include <string.h>

#include "../core/core.h"

/* ---- outlet names ---- */

/* An outlet name reduced for comparison: ASCII letters and digits,
 * lowercased, without "the" in front; a domain ("www.washingtonpost.com",
 * "news.example.co.uk") gives its last label that is not a short suffix. */
static size_t outlet_key(const char *s, char *out, size_t cap) {
  const char *p = s, *end = s + strlen(s);
  if (!strchr(s, ' ') && strchr(s, '.')) {
    const char *q = strstr(s, "://");
    if (q) p = q + 3;
    const char *slash = strchr(p, '/');
    if (slash) end = slash;
    /* drop trailing labels of up to three letters (com, co, uk, org) */
    const char *e = end;
    for (;;) {
      const char *dot = e;
      while (dot > p && dot[-1] != '.') dot--;
      if (dot == p || e - dot > 3) break;
      e = dot - 1;
    }
    const char *b = e;
    while (b > p && b[-1] != '.') b--;
    p = b, end = e;
  }
  size_t n = 0;
  for (; p < end && n + 1 < cap; p++)
    if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) out[n++] = *p;
    else if (*p >= 'A' && *p <= 'Z') out[n++] = (char)(*p + 32);
  out[n] = 0;
  if (n > 3 && !strncmp(out, "the", 3) && xc_strncaseeq(s, "the ", 4)) {
    memmove(out, out + 3, n - 2);
    n -= 3;
  }
  return n;
}

int xc_dedupe_same_outlet(const char *credit, const char *outlet) {
  if (!credit || !outlet) return 0;
  char a[128], b[128];
  size_t na = outlet_key(credit, a, sizeof a), nb = outlet_key(outlet, b, sizeof b);
  if (!na || !nb) return 0;
  if (na == nb) return !memcmp(a, b, na);
  /* "Herald" for "Dornholt Herald": the shorter as a prefix or suffix */
  const char *lo = na < nb ? a : b, *hi = na < nb ? b : a;
  size_t nl = na < nb ? na : nb, nh = na < nb ? nb : na;
  return nl >= 5 && (!memcmp(hi, lo, nl) || !memcmp(hi + nh - nl, lo, nl));
}

/* The page credits an outlet other than its own site: a repost. */
static int credits_other(const xc_dedupe_doc *d) {
  return d->publisher && !xc_dedupe_same_outlet(d->publisher, d->site);
}

/* ---- the origin rule ---- */

enum { ORIGIN_STRONG, ORIGIN_WEAK };

/* 0 when a is the original, 1 when b; *strength tells whether dates or a
 * credit decided (strong) or only the dated-before-undated and input-order
 * defaults (weak, which the text itself may overrule). */
static int origin(const xc_dedupe_doc *a, size_t ia, const xc_dedupe_doc *b, size_t ib,
                  int *strength) {
  *strength = ORIGIN_STRONG;
  if (a->published && b->published) {
    int c = strcmp(a->published, b->published);
    if (c) return c > 0;
  }
  int b_credits_a = credits_other(b) && xc_dedupe_same_outlet(b->publisher, a->site);
  int a_credits_b = credits_other(a) && xc_dedupe_same_outlet(a->publisher, b->site);
  if (b_credits_a != a_credits_b) return a_credits_b;
  int ca = credits_other(a), cb = credits_other(b);
  if (ca != cb) return ca;
  *strength = ORIGIN_WEAK;
  if (!a->published != !b->published) return !a->published;
  return ia > ib;
}

int xc_dedupe_original(const xc_dedupe_doc *a, size_t ia, const xc_dedupe_doc *b,
                       size_t ib) {
  int strength;
  return origin(a, ia, b, ib, &strength);
}

/* ---- batch ---- */

/* The pair (i, j) with exact overlap o (A = i, B = j): sets *copy and
 * *orig and returns 1 when one copies the other. */
static int judge(const xc_dedupe_doc *docs, size_t i, size_t j, xc_overlap o,
                 size_t *copy, size_t *orig) {
  int strength;
  int j_first = origin(&docs[i], i, &docs[j], j, &strength);
  xc_overlap r = {o.nb, o.na, o.shared};          /* A = j, B = i */
  int i_copies_j = xc_copy_b_of_a(r), j_copies_i = xc_copy_b_of_a(o);
  /* the origin rule picks the direction; when only the defaults spoke and
   * the text says the other way round (the later one is the one made of
   * the other's text), the text wins */
  int i_is_copy;
  if (j_first ? i_copies_j : j_copies_i) i_is_copy = j_first;
  else if (strength == ORIGIN_WEAK && (i_copies_j || j_copies_i)) i_is_copy = i_copies_j;
  else return 0;
  *copy = i_is_copy ? i : j;
  *orig = i_is_copy ? j : i;
  return 1;
}

/* Follows original pointers to the first original; breaks any cycle the
 * pairwise rule may form at the member given first. state: 0 new,
 * 1 on the current path, 2 done. */
static void resolve_roots(int *best, size_t n) {
  unsigned char *state = xc_xcalloc(n ? n : 1, 1);
  int *path = xc_xmalloc((n ? n : 1) * sizeof *path);
  for (size_t s = 0; s < n; s++) {
    size_t len = 0;
    int x = (int)s;
    while (x >= 0 && state[x] == 0) {
      state[x] = 1;
      path[len++] = x;
      x = best[x];
    }
    if (x >= 0 && state[x] == 1) { /* a cycle: its first-given member leads */
      int lead = x;
      for (int y = best[x]; y != x; y = best[y]) lead = y < lead ? y : lead;
      best[lead] = -1;
    }
    /* point each path member at its root, from the end of the path */
    for (size_t k = len; k-- > 0;) {
      int o = best[path[k]];
      if (o >= 0 && best[o] >= 0) best[path[k]] = best[o];
      state[path[k]] = 2;
    }
  }
  free(state);
  free(path);
}

#define CANDS 16

void xc_dedupe_copies(const xc_dedupe_doc *docs, size_t n, int *copy_of) {
  if (!n) return;
  xc_shingles *s = xc_xcalloc(n, sizeof *s);
  size_t *shared = xc_xcalloc(n, sizeof *shared);
  xc_copyidx *ix = xc_copyidx_new();
  xc_copy_cand cand[CANDS];
  for (size_t i = 0; i < n; i++) copy_of[i] = -1;
  for (size_t i = 0; i < n; i++) {
    xc_shingles_make(&s[i], docs[i].text, docs[i].len);
    xc_copy_sig g;
    xc_copyidx_sign(ix, &s[i], &g);
    size_t nc = xc_copyidx_candidates(ix, &g, cand, CANDS);
    xc_copyidx_add(ix, &g);
    for (size_t k = 0; k < nc; k++) {
      size_t j = cand[k].doc, c, o;
      xc_overlap ov = xc_shingles_overlap(&s[i], &s[j]);
      if (!judge(docs, i, j, ov, &c, &o)) continue;
      /* a copy of several: the one it shares most with, then the first */
      if (copy_of[c] < 0 || ov.shared > shared[c] ||
          (ov.shared == shared[c] && (int)o < copy_of[c]))
        copy_of[c] = (int)o, shared[c] = ov.shared;
    }
  }
  resolve_roots(copy_of, n);
  for (size_t i = 0; i < n; i++) xc_shingles_release(&s[i]);
  free(s);
  free(shared);
  xc_copyidx_free(ix);
}

double xc_dedupe_resemblance(const char *a, const char *b) {
  xc_shingles x = {0}, y = {0};
  xc_shingles_make(&x, a, strlen(a));
  xc_shingles_make(&y, b, strlen(b));
  double r = xc_overlap_jaccard(xc_shingles_overlap(&x, &y));
  xc_shingles_release(&x);
  xc_shingles_release(&y);
  return r;
}
