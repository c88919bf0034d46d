/* ner_train.c - trains the entity tagger: reads CoNLL-2003 style files,
 * runs the structured perceptron (Collins 2002) with weight averaging
 * (the w - u/c form of Daume's thesis), picks the epoch that scores best on
 * the dev set by span F1 (conlleval), and writes the model of ner.c. */
#include "ner.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- CoNLL files ---- */
static void push_size(size_t **v, size_t *n, size_t *cap, size_t x) {
  if (*n == *cap) {
    *cap = *cap ? *cap * 2 : 256;
    *v = xc_xrealloc(*v, *cap * sizeof **v);
  }
  (*v)[(*n)++] = x;
}

int xc_conll_read(const char *path, xc_conll *c, xc_err *err) {
  FILE *f = fopen(path, "r");
  if (!f) return xc_err_set(err, XC_EIO, "%s: %s", path, strerror(errno));
  char *line = NULL;
  size_t lcap = 0;
  ssize_t len;
  int in_sent = 0, prev = XC_NER_O;
  size_t *offs = NULL, noffs = 0, ocap = 0; /* word offsets into text */
  push_size(&c->doc, &c->ndoc, &c->dcap, 0);
  while ((len = getline(&line, &lcap, f)) >= 0) {
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
    char *tok = strtok(line, " \t");
    if (!tok) {
      in_sent = 0;
      continue;
    }
    if (!strcmp(tok, "-DOCSTART-")) {
      in_sent = 0;
      if (c->nsent > c->doc[c->ndoc - 1]) push_size(&c->doc, &c->ndoc, &c->dcap, c->nsent);
      continue;
    }
    char *last = tok, *col;
    while ((col = strtok(NULL, " \t"))) last = col;
    int tag = last == tok ? XC_NER_O : xc_ner_tag_parse(last, strlen(last));
    if (tag < 0) tag = XC_NER_O;
    if (!in_sent) {
      push_size(&c->sent, &c->nsent, &c->scap, c->nwords);
      in_sent = 1;
      prev = XC_NER_O;
    }
    /* IOB1 -> IOB2: an I- that does not continue its type begins */
    if (tag && !XC_NER_IS_B(tag) && (prev == XC_NER_O || XC_NER_TYPE_OF(prev) != XC_NER_TYPE_OF(tag)))
      tag = XC_NER_B(XC_NER_TYPE_OF(tag));
    prev = tag;
    if (c->nwords == c->cap) {
      c->cap = c->cap ? c->cap * 2 : 1024;
      c->gold = xc_xrealloc(c->gold, c->cap);
    }
    c->gold[c->nwords++] = (uint8_t)tag;
    push_size(&offs, &noffs, &ocap, c->text.n);
    xc_buf_put(&c->text, tok, strlen(tok));
    xc_buf_putc(&c->text, 0);
  }
  free(line);
  int bad = ferror(f);
  fclose(f);
  if (c->ndoc && c->doc[c->ndoc - 1] == c->nsent && c->ndoc > 1) c->ndoc--;
  c->words = xc_xmalloc((c->nwords ? c->nwords : 1) * sizeof *c->words);
  for (size_t i = 0; i < c->nwords; i++) {
    c->words[i].p = c->text.p + offs[i];
    c->words[i].n = strlen(c->words[i].p);
  }
  free(offs);
  if (bad) return xc_err_set(err, XC_EIO, "%s: read error", path);
  return 0;
}

void xc_conll_release(xc_conll *c) {
  xc_buf_release(&c->text);
  free(c->words);
  free(c->gold);
  free(c->sent);
  free(c->doc);
  memset(c, 0, sizeof *c);
}

/* ---- span F1 ---- */
typedef struct {
  size_t a, b;
  int type;
} span;

/* Spans of tags (IOB1 or IOB2), not crossing sentence starts. */
static size_t spans_of(const uint8_t *tags, size_t n, const size_t *sent, size_t nsent, span **out) {
  size_t ns = 0, cap = 0, k = 0;
  *out = NULL;
  int open = 0;
  span cur = {0, 0, 0};
  for (size_t i = 0; i <= n; i++) {
    int boundary = i == n || (k < nsent && sent[k] == i);
    while (k < nsent && sent[k] <= i) k++;
    int t = i < n ? tags[i] : XC_NER_O;
    int starts = t != XC_NER_O && (boundary || XC_NER_IS_B(t) || !open || XC_NER_TYPE_OF(t) != cur.type);
    if (open && (boundary || t == XC_NER_O || starts)) {
      cur.b = i;
      if (ns == cap) cap = cap ? cap * 2 : 256, *out = xc_xrealloc(*out, cap * sizeof **out);
      (*out)[ns++] = cur;
      open = 0;
    }
    if (starts) cur.a = i, cur.type = XC_NER_TYPE_OF(t), open = 1;
  }
  return ns;
}

double xc_ner_span_f1(const uint8_t *gold, const uint8_t *pred, size_t n,
                      const size_t *sent, size_t nsent, size_t per[][3]) {
  span *g, *p;
  size_t ng = spans_of(gold, n, sent, nsent, &g), np = spans_of(pred, n, sent, nsent, &p);
  size_t tp = 0;
  if (per) memset(per, 0, XC_NER_NTYPES * sizeof *per);
  for (size_t i = 0, j = 0; i < ng || j < np;) {
    if (j >= np || (i < ng && g[i].a < p[j].a)) {
      if (per) per[g[i].type][2]++;
      i++;
    } else if (i >= ng || p[j].a < g[i].a) {
      if (per) per[p[j].type][1]++;
      j++;
    } else {
      int same = g[i].b == p[j].b && g[i].type == p[j].type;
      tp += (size_t)same;
      if (per) per[g[i].type][2]++, per[p[j].type][1]++, per[g[i].type][0] += (size_t)same;
      i++, j++;
    }
  }
  free(g);
  free(p);
  double prec = np ? (double)tp / (double)np : 0, rec = ng ? (double)tp / (double)ng : 0;
  return prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
}

/* ---- training ---- */
enum { T = XC_NER_NTAGS, TR = (XC_NER_NTAGS + 1) * XC_NER_NTAGS };

typedef struct {
  uint64_t *keys;
  uint32_t *slot_row;
  size_t mask, nrows, rcap;
  float *w, *u;      /* weights and their time-weighted sums, per row */
  float tw[TR], tu[TR];
  double c;          /* updates so far (the averaging clock) */
} trainer;

static void table_grow(trainer *tr);

/* Row of key k; adds a row when add is set, else -1 when unknown. */
static long tr_row(trainer *tr, uint64_t k, int add) {
  size_t h = (size_t)(k ^ (k >> 29)) & tr->mask;
  while (tr->keys[h]) {
    if (tr->keys[h] == k) return tr->slot_row[h];
    h = (h + 1) & tr->mask;
  }
  if (!add) return -1;
  if (tr->nrows == tr->rcap) {
    tr->rcap = tr->rcap ? tr->rcap * 2 : 1 << 16;
    tr->w = xc_xrealloc(tr->w, tr->rcap * T * sizeof *tr->w);
    tr->u = xc_xrealloc(tr->u, tr->rcap * T * sizeof *tr->u);
  }
  memset(tr->w + tr->nrows * T, 0, T * sizeof *tr->w);
  memset(tr->u + tr->nrows * T, 0, T * sizeof *tr->u);
  tr->keys[h] = k;
  tr->slot_row[h] = (uint32_t)tr->nrows;
  long r = (long)tr->nrows++;
  if (tr->nrows * 2 > tr->mask) table_grow(tr);
  return r;
}

static void table_grow(trainer *tr) {
  size_t old = tr->mask + 1, cap = old * 2;
  uint64_t *ok = tr->keys;
  uint32_t *orow = tr->slot_row;
  tr->keys = xc_xcalloc(cap, sizeof *tr->keys);
  tr->slot_row = xc_xmalloc(cap * sizeof *tr->slot_row);
  tr->mask = cap - 1;
  for (size_t i = 0; i < old; i++) {
    if (!ok[i]) continue;
    size_t h = (size_t)(ok[i] ^ (ok[i] >> 29)) & tr->mask;
    while (tr->keys[h]) h = (h + 1) & tr->mask;
    tr->keys[h] = ok[i];
    tr->slot_row[h] = orow[i];
  }
  free(ok);
  free(orow);
}

/* Feature rows of every word of a corpus: rows[i * NFEAT + j], -1 absent.
 * Features are computed one document at a time. */
static int32_t *corpus_rows(trainer *tr, const xc_conll *c, int add) {
  int32_t *rows = xc_xmalloc((c->nwords ? c->nwords : 1) * XC_NER_NFEAT * sizeof *rows);
  uint64_t *f = NULL;
  size_t *sent = NULL, cap = 0;
  for (size_t d = 0; d < c->ndoc; d++) {
    size_t s0 = c->doc[d], s1 = d + 1 < c->ndoc ? c->doc[d + 1] : c->nsent;
    if (s1 <= s0) continue;
    size_t w0 = c->sent[s0], w1 = s1 < c->nsent ? c->sent[s1] : c->nwords;
    size_t n = w1 - w0;
    if (n > cap) {
      cap = n * 2;
      f = xc_xrealloc(f, cap * XC_NER_NFEAT * sizeof *f);
      sent = xc_xrealloc(sent, cap * sizeof *sent);
    }
    for (size_t k = s0; k < s1; k++) sent[k - s0] = c->sent[k] - w0;
    xc_ner_doc doc = {c->words + w0, n, sent, s1 - s0};
    xc_ner_features(&doc, f);
    for (size_t i = 0; i < n * XC_NER_NFEAT; i++)
      rows[w0 * XC_NER_NFEAT + i] = f[i] ? (int32_t)tr_row(tr, f[i], add) : -1;
  }
  free(f);
  free(sent);
  return rows;
}

static void emissions(const float *w, const int32_t *rows, size_t n, float *em) {
  for (size_t i = 0; i < n; i++) {
    float *e = em + i * T;
    for (int t = 0; t < T; t++) e[t] = 0;
    for (int j = 0; j < XC_NER_NFEAT; j++) {
      int32_t r = rows[i * XC_NER_NFEAT + j];
      if (r < 0) continue;
      const float *wr = w + (size_t)r * T;
      for (int t = 0; t < T; t++) e[t] += wr[t];
    }
  }
}

static void bump(float *w, float *u, size_t idx, float d, double c) {
  w[idx] += d;
  u[idx] += (float)(c * d);
}

/* One perceptron step on sentence [a, b). */
static void train_sentence(trainer *tr, const int32_t *rows, const uint8_t *gold, size_t n,
                           float *em, uint8_t *pred) {
  emissions(tr->w, rows, n, em);
  xc_ner_viterbi(em, n, tr->tw, pred);
  int differ = 0;
  for (size_t i = 0; i < n && !differ; i++) differ = pred[i] != gold[i];
  if (differ) {
    for (size_t i = 0; i < n; i++) {
      int g = gold[i], p = pred[i], gp = i ? gold[i - 1] : T, pp = i ? pred[i - 1] : T;
      if (g != p)
        for (int j = 0; j < XC_NER_NFEAT; j++) {
          int32_t r = rows[i * XC_NER_NFEAT + j];
          if (r < 0) continue;
          bump(tr->w, tr->u, (size_t)r * T + (size_t)g, 1, tr->c);
          bump(tr->w, tr->u, (size_t)r * T + (size_t)p, -1, tr->c);
        }
      if (g != p || gp != pp) {
        bump(tr->tw, tr->tu, (size_t)gp * T + (size_t)g, 1, tr->c);
        bump(tr->tw, tr->tu, (size_t)pp * T + (size_t)p, -1, tr->c);
      }
    }
  }
  tr->c += 1;
}

/* Averaged weights: w - u / c. */
static void averaged(const trainer *tr, float *aw, float *at) {
  double c = tr->c > 0 ? tr->c : 1;
  for (size_t i = 0; i < tr->nrows * T; i++) aw[i] = (float)(tr->w[i] - tr->u[i] / c);
  for (size_t i = 0; i < TR; i++) at[i] = (float)(tr->tw[i] - tr->tu[i] / c);
}

static double evaluate(const float *aw, const float *at, const xc_conll *c, const int32_t *rows,
                       uint8_t *pred, size_t per[][3]) {
  float *em = NULL;
  size_t cap = 0;
  for (size_t k = 0; k < c->nsent; k++) {
    size_t a = c->sent[k], b = k + 1 < c->nsent ? c->sent[k + 1] : c->nwords;
    if (b - a > cap) cap = (b - a) * 2, em = xc_xrealloc(em, cap * T * sizeof *em);
    emissions(aw, rows + a * XC_NER_NFEAT, b - a, em);
    xc_ner_viterbi(em, b - a, at, pred + a);
  }
  free(em);
  return xc_ner_span_f1(c->gold, pred, c->nwords, c->sent, c->nsent, per);
}

/* xorshift64*, for a reproducible sentence order */
static uint64_t next_rand(uint64_t *s) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * 0x2545F4914F6CDD1Dull;
}

typedef struct {
  uint64_t key;
  uint32_t row;
} keyrow;

static int keyrow_cmp(const void *a, const void *b) {
  uint64_t x = ((const keyrow *)a)->key, y = ((const keyrow *)b)->key;
  return x < y ? -1 : x > y;
}

/* Writes the averaged model, int16-quantised; rows that round to all
 * zeros are dropped. */
static int write_model(const trainer *tr, const float *aw, const float *at, const char *path,
                       size_t *kept, xc_err *err) {
  float mx = 0;
  for (size_t i = 0; i < tr->nrows * T; i++) mx = fmaxf(mx, fabsf(aw[i]));
  float scale = mx > 0 ? mx / 32767.0f : 1.0f;
  keyrow *kr = xc_xmalloc((tr->nrows ? tr->nrows : 1) * sizeof *kr);
  size_t n = 0;
  for (size_t h = 0; h <= tr->mask; h++) {
    if (!tr->keys[h]) continue;
    uint32_t r = tr->slot_row[h];
    int nz = 0;
    for (int t = 0; t < T && !nz; t++) nz = lrintf(aw[(size_t)r * T + t] / scale) != 0;
    if (nz) kr[n].key = tr->keys[h], kr[n++].row = r;
  }
  qsort(kr, n, sizeof *kr, keyrow_cmp);
  FILE *f = fopen(path, "wb");
  if (!f) {
    free(kr);
    return xc_err_set(err, XC_EIO, "%s: %s", path, strerror(errno));
  }
  uint32_t ntags = T, nfeat = (uint32_t)n;
  fwrite("XCNER001", 1, 8, f);
  fwrite(&ntags, 4, 1, f);
  fwrite(&nfeat, 4, 1, f);
  fwrite(&scale, 4, 1, f);
  fwrite(at, sizeof(float), TR, f);
  for (size_t i = 0; i < n; i++) fwrite(&kr[i].key, 8, 1, f);
  for (size_t i = 0; i < n; i++)
    for (int t = 0; t < T; t++) {
      long q = lrintf(aw[(size_t)kr[i].row * T + t] / scale);
      int16_t v = (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
      fwrite(&v, 2, 1, f);
    }
  free(kr);
  *kept = n;
  if (fclose(f) != 0) return xc_err_set(err, XC_EIO, "%s: write failed", path);
  return 0;
}

int xc_ner_train(const char *train_path, const char *dev_path, int epochs,
                 const char *out_path, FILE *log, xc_err *err) {
  xc_conll tc = {0}, dc = {0};
  int rc = xc_conll_read(train_path, &tc, err);
  if (rc == 0) rc = xc_conll_read(dev_path, &dc, err);
  if (rc < 0) goto done;
  trainer tr = {0};
  tr.mask = (1u << 16) - 1;
  tr.keys = xc_xcalloc(tr.mask + 1, sizeof *tr.keys);
  tr.slot_row = xc_xmalloc((tr.mask + 1) * sizeof *tr.slot_row);
  int32_t *trows = corpus_rows(&tr, &tc, 1);
  int32_t *drows = corpus_rows(&tr, &dc, 0);
  if (log)
    fprintf(log, "train: %zu words, %zu sentences; dev: %zu words; %zu features\n", tc.nwords,
            tc.nsent, dc.nwords, tr.nrows);
  size_t *order = xc_xmalloc((tc.nsent ? tc.nsent : 1) * sizeof *order);
  for (size_t k = 0; k < tc.nsent; k++) order[k] = k;
  float *em = xc_xmalloc(1024 * T * sizeof *em);
  size_t emcap = 1024;
  uint8_t *pred = xc_xmalloc(tc.nwords + dc.nwords + 1);
  float *aw = xc_xmalloc((tr.nrows ? tr.nrows : 1) * T * sizeof *aw), at[TR];
  float *best_w = xc_xmalloc((tr.nrows ? tr.nrows : 1) * T * sizeof *best_w), best_t[TR];
  double best = -1;
  int best_epoch = 0;
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  for (int ep = 1; ep <= epochs; ep++) {
    for (size_t k = tc.nsent; k > 1; k--) { /* Fisher-Yates */
      size_t j = (size_t)(next_rand(&seed) % k), tmp = order[k - 1];
      order[k - 1] = order[j], order[j] = tmp;
    }
    for (size_t o = 0; o < tc.nsent; o++) {
      size_t k = order[o];
      size_t a = tc.sent[k], b = k + 1 < tc.nsent ? tc.sent[k + 1] : tc.nwords;
      if (b - a > emcap) emcap = (b - a) * 2, em = xc_xrealloc(em, emcap * T * sizeof *em);
      train_sentence(&tr, trows + a * XC_NER_NFEAT, tc.gold + a, b - a, em, pred);
    }
    averaged(&tr, aw, at);
    double f1 = evaluate(aw, at, &dc, drows, pred, NULL);
    if (log) fprintf(log, "epoch %2d: dev span F1 %.4f\n", ep, f1);
    if (f1 > best) {
      best = f1, best_epoch = ep;
      memcpy(best_w, aw, tr.nrows * T * sizeof *aw);
      memcpy(best_t, at, sizeof at);
    }
  }
  size_t kept = 0;
  rc = write_model(&tr, best_w, best_t, out_path, &kept, err);
  if (rc == 0 && log)
    fprintf(log, "best epoch %d (dev F1 %.4f); wrote %s: %zu of %zu feature rows\n", best_epoch,
            best, out_path, kept, tr.nrows);
  free(trows);
  free(drows);
  free(order);
  free(em);
  free(pred);
  free(aw);
  free(best_w);
  free(tr.keys);
  free(tr.slot_row);
  free(tr.w);
  free(tr.u);
done:
  xc_conll_release(&tc);
  xc_conll_release(&dc);
  return rc;
}
