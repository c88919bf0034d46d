/* ner_train.c - trains the entity tagger: reads CoNLL-2003 style files,
 * runs the structured perceptron (Collins 2002) with weight averaging
 * (the w - u/c form of Daume's thesis) and cost-augmented decoding (while
 * training, every wrong state gets a bonus, so the gold path must win by
 * a margin that grows with its Hamming distance from the best wrong one:
 * the loss-augmented inference of max-margin training, Taskar et al.
 * 2003), picks the epoch that scores best on
 * the dev set by span F1 (conlleval), and writes the model of ner.c. Two
 * stages (Krishnan & Manning 2006): the second sees what the first said of
 * the same words elsewhere in the document; its training data get their
 * first-stage tags by 5-fold jackknifing over documents, so that they are
 * as wrong as they will be on new text. */
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
/* MIN_COUNT: features seen fewer times in training are dropped (3: the
 * same dev F1 as 2, with a model a fifth smaller). MARGIN: the bonus of
 * every wrong state in training's decoding, in units of a perceptron
 * update (eng.testa, mean of 4 sentence orders, before the class pairs:
 * 0 0.934, 12 0.936, 25-50 0.937-0.938, 100 0.936, 200 0.932). */
enum { T = XC_NER_NSTATES, TR = (XC_NER_NSTATES + 1) * XC_NER_NSTATES, FOLDS = 5, MIN_COUNT = 3 };
#define MARGIN 35.0f

/* Feature keys to dense rows. */
typedef struct {
  uint64_t *keys;
  uint32_t *slot_row;
  size_t mask, nrows;
} table;

static void table_init(table *tb) {
  tb->mask = (1u << 16) - 1;
  tb->keys = xc_xcalloc(tb->mask + 1, sizeof *tb->keys);
  tb->slot_row = xc_xmalloc((tb->mask + 1) * sizeof *tb->slot_row);
  tb->nrows = 0;
}

static void table_release(table *tb) {
  free(tb->keys);
  free(tb->slot_row);
}

static void table_grow(table *tb) {
  size_t old = tb->mask + 1, cap = old * 2;
  uint64_t *ok = tb->keys;
  uint32_t *orow = tb->slot_row;
  tb->keys = xc_xcalloc(cap, sizeof *tb->keys);
  tb->slot_row = xc_xmalloc(cap * sizeof *tb->slot_row);
  tb->mask = cap - 1;
  for (size_t i = 0; i < old; i++) {
    if (!ok[i]) continue;
    size_t h = (size_t)(ok[i] ^ (ok[i] >> 29)) & tb->mask;
    while (tb->keys[h]) h = (h + 1) & tb->mask;
    tb->keys[h] = ok[i];
    tb->slot_row[h] = orow[i];
  }
  free(ok);
  free(orow);
}

/* Row of key k; adds a row when add is set, else -1 when unknown. */
static long table_row(table *tb, uint64_t k, int add) {
  size_t h = (size_t)(k ^ (k >> 29)) & tb->mask;
  while (tb->keys[h]) {
    if (tb->keys[h] == k) return tb->slot_row[h];
    h = (h + 1) & tb->mask;
  }
  if (!add) return -1;
  tb->keys[h] = k;
  tb->slot_row[h] = (uint32_t)tb->nrows;
  long r = (long)tb->nrows++;
  if (tb->nrows * 2 > tb->mask) table_grow(tb);
  return r;
}

/* Sentence and word range of document d of c. */
static void doc_range(const xc_conll *c, size_t d, size_t *s0, size_t *s1, size_t *w0, size_t *w1) {
  *s0 = c->doc[d];
  *s1 = d + 1 < c->ndoc ? c->doc[d + 1] : c->nsent;
  *w0 = *s0 < c->nsent ? c->sent[*s0] : c->nwords;
  *w1 = *s1 < c->nsent ? c->sent[*s1] : c->nwords;
}

/* Feature rows of every word of a corpus: rows[i * NFEAT + j], -1 absent.
 * Features are computed one document at a time; with stage1 (first-stage
 * tags of every word) the history features are filled in too. */
static int32_t *corpus_rows(table *tb, const xc_conll *c, int add, const uint8_t *stage1) {
  int32_t *rows = xc_xmalloc((c->nwords ? c->nwords : 1) * XC_NER_NFEAT * sizeof *rows);
  uint64_t *f = NULL;
  size_t *sent = NULL, cap = 0;
  for (size_t d = 0; d < c->ndoc; d++) {
    size_t s0, s1, w0, w1;
    doc_range(c, d, &s0, &s1, &w0, &w1);
    if (s1 <= s0) continue;
    size_t n = w1 - w0;
    if (n > cap) {
      cap = n * 2;
      f = xc_xrealloc(f, cap * XC_NER_NFEAT * sizeof *f);
      sent = xc_xrealloc(sent, cap * sizeof *sent);
    }
    for (size_t k = s0; k < s1; k++) sent[k - s0] = c->sent[k] - w0;
    xc_ner_doc doc = {c->words + w0, n, sent, s1 - s0};
    xc_ner_features(&doc, f);
    if (stage1) xc_ner_history(&doc, stage1 + w0, f);
    for (size_t i = 0; i < n * XC_NER_NFEAT; i++)
      rows[w0 * XC_NER_NFEAT + i] = f[i] ? (int32_t)table_row(tb, f[i], add) : -1;
  }
  free(f);
  free(sent);
  return rows;
}

/* Drops features seen fewer than minc times in training (rows from the
 * training corpus, n words) from both row sets: a feature seen once says
 * more about its sentence than about language, and the model shrinks. */
static void prune_rare(const table *tb, int32_t *trows, size_t n, int32_t *drows, size_t dn,
                       unsigned minc) {
  if (minc <= 1) return;
  uint32_t *count = xc_xcalloc(tb->nrows + 1, sizeof *count);
  for (size_t i = 0; i < n * XC_NER_NFEAT; i++)
    if (trows[i] >= 0) count[trows[i]]++;
  for (size_t i = 0; i < n * XC_NER_NFEAT; i++)
    if (trows[i] >= 0 && count[trows[i]] < minc) trows[i] = -1;
  for (size_t i = 0; i < dn * XC_NER_NFEAT; i++)
    if (drows[i] >= 0 && count[drows[i]] < minc) drows[i] = -1;
  free(count);
}

/* Perceptron weights over a table's rows, with the sums for averaging. */
typedef struct {
  float *w, *u;
  float tw[TR], tu[TR];
  double c; /* sentences seen (the averaging clock) */
  size_t nrows;
} weights;

static void weights_init(weights *W, size_t nrows) {
  memset(W, 0, sizeof *W);
  W->nrows = nrows;
  W->w = xc_xcalloc(nrows ? nrows * T : 1, sizeof *W->w);
  W->u = xc_xcalloc(nrows ? nrows * T : 1, sizeof *W->u);
}

static void weights_release(weights *W) {
  free(W->w);
  free(W->u);
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

/* Scratch space for one sentence. */
typedef struct {
  float *em;
  uint8_t *pred;
  size_t cap;
} scratch;

static void scratch_fit(scratch *sc, size_t n) {
  if (n <= sc->cap) return;
  sc->cap = n * 2;
  sc->em = xc_xrealloc(sc->em, sc->cap * T * sizeof *sc->em);
  sc->pred = xc_xrealloc(sc->pred, sc->cap);
}

/* One perceptron step on a sentence of n words, decoding with the
 * margin added to every wrong state. */
static void train_sentence(weights *W, const int32_t *rows, const uint8_t *gold, size_t n,
                           scratch *sc) {
  scratch_fit(sc, n);
  uint8_t *pred = sc->pred;
  emissions(W->w, rows, n, sc->em);
  for (size_t i = 0; i < n; i++)
    for (int t = 0; t < T; t++)
      if (t != gold[i]) sc->em[i * T + t] += MARGIN;
  xc_ner_viterbi(sc->em, n, W->tw, pred);
  int differ = 0;
  for (size_t i = 0; i < n && !differ; i++) differ = pred[i] != gold[i];
  if (differ)
    for (size_t i = 0; i < n; i++) {
      int g = gold[i], p = pred[i], gp = i ? gold[i - 1] : T, pp = i ? pred[i - 1] : T;
      if (g != p)
        for (int j = 0; j < XC_NER_NFEAT; j++) {
          int32_t r = rows[i * XC_NER_NFEAT + j];
          if (r < 0) continue;
          bump(W->w, W->u, (size_t)r * T + (size_t)g, 1, W->c);
          bump(W->w, W->u, (size_t)r * T + (size_t)p, -1, W->c);
        }
      if (g != p || gp != pp) {
        bump(W->tw, W->tu, (size_t)gp * T + (size_t)g, 1, W->c);
        bump(W->tw, W->tu, (size_t)pp * T + (size_t)p, -1, W->c);
      }
    }
  W->c += 1;
}

/* Averaged weights: w - u / c. */
static void averaged(const weights *W, float *aw, float *at) {
  double c = W->c > 0 ? W->c : 1;
  for (size_t i = 0; i < W->nrows * T; i++) aw[i] = (float)(W->w[i] - W->u[i] / c);
  for (size_t i = 0; i < TR; i++) at[i] = (float)(W->tw[i] - W->tu[i] / c);
}

/* Tags the sentences of the documents in docmask (all when NULL). */
static void predict(const float *aw, const float *at, const xc_conll *c, const int32_t *rows,
                    const uint8_t *docmask, uint8_t *pred) {
  float *em = NULL;
  size_t cap = 0;
  for (size_t d = 0; d < c->ndoc; d++) {
    if (docmask && !docmask[d]) continue;
    size_t s0, s1, w0, w1;
    doc_range(c, d, &s0, &s1, &w0, &w1);
    for (size_t k = s0; k < s1; k++) {
      size_t a = c->sent[k], b = k + 1 < c->nsent ? c->sent[k + 1] : c->nwords;
      if (b - a > cap) cap = (b - a) * 2, em = xc_xrealloc(em, cap * T * sizeof *em);
      emissions(aw, rows + a * XC_NER_NFEAT, b - a, em);
      xc_ner_viterbi(em, b - a, at, pred + a);
      xc_ner_to_iob2(pred + a, b - a, pred + a);
    }
  }
  free(em);
}

/* xorshift64*, for a reproducible sentence order */
static uint64_t next_rand(uint64_t *s) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * 0x2545F4914F6CDD1Dull;
}

/* The sentences of the documents in docmask (all when NULL). */
static size_t sentences_of(const xc_conll *c, const uint8_t *docmask, size_t *order) {
  size_t n = 0;
  for (size_t d = 0; d < c->ndoc; d++) {
    if (docmask && !docmask[d]) continue;
    size_t s0, s1, w0, w1;
    doc_range(c, d, &s0, &s1, &w0, &w1);
    for (size_t k = s0; k < s1; k++) order[n++] = k;
  }
  return n;
}

/* A trained stage: averaged weights and transitions. */
typedef struct {
  float *aw;
  float at[TR];
  double dev_f1;
  int epoch;
} stage;

/* Trains on the sentences of docmask for epochs passes. With a dev set,
 * keeps the epoch that tags dev best; without, the last. gold holds the
 * training set's gold states. */
static void train_stage(const table *tb, const xc_conll *tc, const uint8_t *gold,
                        const int32_t *trows,
                        const uint8_t *docmask, int epochs, const xc_conll *dc,
                        const int32_t *drows, uint8_t *dpred, stage *out, const char *name,
                        FILE *log) {
  weights W;
  weights_init(&W, tb->nrows);
  size_t *order = xc_xmalloc((tc->nsent ? tc->nsent : 1) * sizeof *order);
  size_t n = sentences_of(tc, docmask, order);
  scratch sc = {0};
  float *aw = xc_xmalloc((tb->nrows ? tb->nrows : 1) * T * sizeof *aw), at[TR];
  out->aw = xc_xmalloc((tb->nrows ? tb->nrows : 1) * T * sizeof *out->aw);
  out->dev_f1 = -1;
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  for (int ep = 1; ep <= epochs; ep++) {
    for (size_t k = n; k > 1; k--) { /* Fisher-Yates */
      size_t j = (size_t)(next_rand(&seed) % k), tmp = order[k - 1];
      order[k - 1] = order[j], order[j] = tmp;
    }
    for (size_t o = 0; o < n; o++) {
      size_t k = order[o];
      size_t a = tc->sent[k], b = k + 1 < tc->nsent ? tc->sent[k + 1] : tc->nwords;
      train_sentence(&W, trows + a * XC_NER_NFEAT, gold + a, b - a, &sc);
    }
    if (!dc && ep < epochs) continue;
    averaged(&W, aw, at);
    double f1 = 0;
    if (dc) {
      predict(aw, at, dc, drows, NULL, dpred);
      f1 = xc_ner_span_f1(dc->gold, dpred, dc->nwords, dc->sent, dc->nsent, NULL);
      if (log) fprintf(log, "%s epoch %2d: dev span F1 %.4f\n", name, ep, f1);
    }
    if (f1 > out->dev_f1) {
      out->dev_f1 = f1, out->epoch = ep;
      memcpy(out->aw, aw, tb->nrows * T * sizeof *aw);
      memcpy(out->at, at, sizeof at);
    }
  }
  free(aw);
  free(order);
  free(sc.em);
  free(sc.pred);
  weights_release(&W);
}

typedef struct {
  uint64_t key;
  uint32_t row;
} keyrow;

static int keyrow_cmp(const void *a, const void *b) {
  uint64_t x = ((const keyrow *)a)->key, y = ((const keyrow *)b)->key;
  return x < y ? -1 : x > y;
}

/* Writes one stage, int16-quantised; rows that round to all zeros are
 * dropped. Returns the rows kept. */
static size_t write_stage(FILE *f, const table *tb, const stage *st) {
  const float *aw = st->aw;
  float mx = 0;
  for (size_t i = 0; i < tb->nrows * T; i++) mx = fmaxf(mx, fabsf(aw[i]));
  float scale = mx > 0 ? mx / 32767.0f : 1.0f;
  keyrow *kr = xc_xmalloc((tb->nrows ? tb->nrows : 1) * sizeof *kr);
  size_t n = 0;
  for (size_t h = 0; h <= tb->mask; h++) {
    if (!tb->keys[h]) continue;
    uint32_t r = tb->slot_row[h];
    int nz = 0;
    for (int t = 0; t < T && !nz; t++) nz = lrintf(aw[(size_t)r * T + t] / scale) != 0;
    if (nz) kr[n].key = tb->keys[h], kr[n++].row = r;
  }
  qsort(kr, n, sizeof *kr, keyrow_cmp);
  uint32_t ntags = T, nfeat = (uint32_t)n;
  fwrite(&ntags, 4, 1, f);
  fwrite(&nfeat, 4, 1, f);
  fwrite(&scale, 4, 1, f);
  fwrite(st->at, sizeof(float), TR, f);
  for (size_t i = 0; i < n; i++) fwrite(&kr[i].key, 8, 1, f);
  for (size_t i = 0; i < n; i++)
    for (int t = 0; t < T; t++) {
      long q = lrintf(aw[(size_t)kr[i].row * T + t] / scale);
      int16_t v = (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
      fwrite(&v, 2, 1, f);
    }
  free(kr);
  return n;
}

int xc_ner_train(const char *train_path, const char *dev_path, int epochs,
                 const char *out_path, FILE *log, xc_err *err) {
  xc_conll tc = {0}, dc = {0};
  int rc = xc_conll_read(train_path, &tc, err);
  if (rc == 0) rc = xc_conll_read(dev_path, &dc, err);
  if (rc < 0) {
    xc_conll_release(&tc);
    xc_conll_release(&dc);
    return rc;
  }
  /* stage 1 on everything, the epoch picked on dev */
  table t1, t2;
  table_init(&t1);
  int32_t *trows = corpus_rows(&t1, &tc, 1, NULL), *drows = corpus_rows(&t1, &dc, 0, NULL);
  prune_rare(&t1, trows, tc.nwords, drows, dc.nwords, MIN_COUNT);
  if (log)
    fprintf(log, "train: %zu words, %zu sentences, %zu documents; dev: %zu words; %zu features\n",
            tc.nwords, tc.nsent, tc.ndoc, dc.nwords, t1.nrows);
  uint8_t *dpred1 = xc_xmalloc(dc.nwords + 1), *dpred = xc_xmalloc(dc.nwords + 1);
  uint8_t *tpred1 = xc_xmalloc(tc.nwords + 1);
  uint8_t *gstate = xc_xmalloc(tc.nwords + 1);
  for (size_t k = 0; k < tc.nsent; k++) {
    size_t a = tc.sent[k], b = k + 1 < tc.nsent ? tc.sent[k + 1] : tc.nwords;
    xc_ner_to_states(tc.gold + a, b - a, gstate + a);
  }
  stage s1, s2;
  train_stage(&t1, &tc, gstate, trows, NULL, epochs, &dc, drows, dpred, &s1, "stage 1", log);
  predict(s1.aw, s1.at, &dc, drows, NULL, dpred1);
  /* first-stage tags of the training set by jackknifing over documents */
  uint8_t *mask = xc_xmalloc(tc.ndoc + 1);
  for (int k = 0; k < FOLDS; k++) {
    stage fs;
    for (size_t d = 0; d < tc.ndoc; d++) mask[d] = (int)(d % FOLDS) != k;
    train_stage(&t1, &tc, gstate, trows, mask, s1.epoch, NULL, NULL, NULL, &fs, "fold", NULL);
    for (size_t d = 0; d < tc.ndoc; d++) mask[d] = !mask[d];
    predict(fs.aw, fs.at, &tc, trows, mask, tpred1);
    free(fs.aw);
    if (log)
      fprintf(log, "fold %d: first-stage tags of %zu documents\n", k + 1,
              (tc.ndoc + FOLDS - 1 - (size_t)k) / FOLDS);
  }
  free(mask);
  if (log)
    fprintf(log, "jackknifed stage 1 on train: span F1 %.4f\n",
            xc_ner_span_f1(tc.gold, tpred1, tc.nwords, tc.sent, tc.nsent, NULL));
  /* stage 2 with history features */
  table_init(&t2);
  int32_t *trows2 = corpus_rows(&t2, &tc, 1, tpred1), *drows2 = corpus_rows(&t2, &dc, 0, dpred1);
  prune_rare(&t2, trows2, tc.nwords, drows2, dc.nwords, MIN_COUNT);
  train_stage(&t2, &tc, gstate, trows2, NULL, epochs, &dc, drows2, dpred, &s2, "stage 2", log);
  FILE *f = fopen(out_path, "wb");
  if (!f) {
    rc = xc_err_set(err, XC_EIO, "%s: %s", out_path, strerror(errno));
  } else {
    fwrite("XCNER003", 1, 8, f);
    size_t k1 = write_stage(f, &t1, &s1), k2 = write_stage(f, &t2, &s2);
    if (fclose(f) != 0) rc = xc_err_set(err, XC_EIO, "%s: write failed", out_path);
    else if (log)
      fprintf(log,
              "stage 1: epoch %d, dev F1 %.4f, %zu of %zu rows; stage 2: epoch %d, dev F1 "
              "%.4f, %zu of %zu rows; wrote %s\n",
              s1.epoch, s1.dev_f1, k1, t1.nrows, s2.epoch, s2.dev_f1, k2, t2.nrows, out_path);
  }
  free(s1.aw);
  free(s2.aw);
  free(trows);
  free(drows);
  free(trows2);
  free(drows2);
  free(dpred1);
  free(dpred);
  free(tpred1);
  free(gstate);
  table_release(&t1);
  table_release(&t2);
  xc_conll_release(&tc);
  xc_conll_release(&dc);
  return rc;
}
