/* cluster_scale.c - the scale benchmark of issue 5: feeds a synthetic
 * report stream (bench/synth_stream.c, JSON Lines) one report at a time to
 * the copy index (src/dedupe/copyidx.h) - shingles, best confirmed copy
 * candidate, add - then to story clustering: the language layer and the
 * event signature (src/cluster/signature.h), and the incremental clusterer
 * (src/cluster/cluster.h). At checkpoints (1k, 2k, 5k, ... up to N) it
 * records the time per report of each, the memory per report of the copy
 * index and of the clusterer, the copy detector's precision and recall,
 * and the stories' B-cubed F1 and look-alike merge rate against the
 * generator's ground truth, and writes them as CSV.
 *
 * usage: cluster_scale STREAM.jsonl OUT.csv [--n N]
 *                      [--log-wrong 1]   (lists false and missed copies on stderr)
 *                      [--stories FILE]  (writes each report's story)
 *
 * Times are CPU time of the benchmark's thread (the machine may be shared),
 * the whole run's wall-clock time is printed at the end. Only the work a
 * live engine does per report is timed: shingling, the
 * query (with its exact confirmation, which re-reads candidate texts from
 * the stream as an engine would from its store) and the insertion; reading
 * and decoding the JSON line is not. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cluster/cluster.h"
#include "cluster/signature.h"
#include "lang/lang.h"
#include "time/timex.h"
#include "crosscheck.h"
#include "dedupe/copyidx.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* CPU time of this thread: per-report times on a shared machine would
 * otherwise count the time other processes held the core. */
static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Anonymous resident memory of this process in MiB (RssAnon: the index
 * and the benchmark's own arrays, not the mapped stream), or -1. */
static double rss_mib(void) {
  FILE *f = fopen("/proc/self/status", "r");
  if (!f) return -1;
  char line[256];
  double kb = -1;
  while (fgets(line, sizeof line, f))
    if (!strncmp(line, "RssAnon:", 8)) kb = atof(line + 8);
  fclose(f);
  return kb < 0 ? -1 : kb / 1024;
}

/* ---- the stream: mapped, one offset per report ---- */

typedef struct {
  const char *base;
  size_t size;
  size_t *off, *len;  /* line of report i */
  long *family, *event, *series;
  size_t n, cap;
} stream;

/* One decoded report: the strings point into j (free with json_decref). */
typedef struct {
  json_t *j;
  const char *title, *text, *published;
  size_t text_len;
} report;

static int decode(const char *p, size_t n, report *r) {
  json_error_t err;
  r->j = json_loadb(p, n, 0, &err);
  if (!r->j) return -1;
  json_t *t = json_object_get(r->j, "text");
  r->text = json_string_value(t);
  r->text_len = json_string_length(t);
  r->title = json_string_value(json_object_get(r->j, "title"));
  r->published = json_string_value(json_object_get(r->j, "published"));
  if (!r->text) {
    json_decref(r->j);
    return -1;
  }
  return 0;
}

static long get_long(json_t *j, const char *key) {
  json_t *v = json_object_get(j, key);
  return json_is_integer(v) ? (long)json_integer_value(v) : -1;
}

static void remember(stream *s, size_t off, size_t len, const report *r) {
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 4096;
    s->off = xc_xrealloc(s->off, s->cap * sizeof *s->off);
    s->len = xc_xrealloc(s->len, s->cap * sizeof *s->len);
    s->family = xc_xrealloc(s->family, s->cap * sizeof *s->family);
    s->event = xc_xrealloc(s->event, s->cap * sizeof *s->event);
    s->series = xc_xrealloc(s->series, s->cap * sizeof *s->series);
  }
  s->off[s->n] = off, s->len[s->n] = len;
  s->family[s->n] = get_long(r->j, "family");
  s->event[s->n] = get_long(r->j, "event");
  s->series[s->n] = get_long(r->j, "series");
  s->n++;
}

/* xc_copy_fetch: a candidate's shingles, from its line in the stream. */
static long fetches;
static int fetch(void *ctx, uint32_t doc, xc_shingles *out) {
  stream *s = ctx;
  report r;
  if (doc >= s->n || decode(s->base + s->off[doc], s->len[doc], &r) != 0) return -1;
  xc_shingles_make(out, r.text, r.text_len);
  json_decref(r.j);
  fetches++;
  return 0;
}

/* ==== story clustering ====================================================
 * Every report also goes through the language layer (tokens, sentences,
 * entity mentions, time expressions against its publication date), its
 * event signature is made, and it joins a story in the incremental
 * clusterer (src/cluster/cluster.h) - a copy joins its original's story.
 * Both are timed per report (separately from the copy index). At each
 * checkpoint the stories of all reports so far are scored against the
 * generator's events: B-cubed F1 and the look-alike merge rate. */

typedef struct {
  xc_lang_doc ld;
  xc_timexv tx;
  xc_evsig sig;
  xc_clusterer *c;
  double lang, cluster;           /* CPU seconds in all */
  double lang_win, cluster_win;   /* since the last checkpoint */
  double ring_l[1000], ring_c[1000], last_l, last_c;
} cluster_state;

typedef struct {
  double b3_f1, lookalike_rate;
  size_t stories;
} cluster_result;

/* One report through the language layer and the clusterer (timed). */
static void cluster_add(cluster_state *c, const report *r, long copy_of, size_t i) {
  double t0 = cpu_now();
  xc_date dct, *dp = NULL;
  if (r->published && strlen(r->published) >= 10 &&
      xc_timex_parse_date(r->published, 10, &dct) == 0)
    dp = &dct;
  if (xc_lang_analyze(r->text, r->text_len, NULL, &c->ld) == 0 &&
      xc_timex_tag(r->text, r->text_len, dp, &c->tx) == 0)
    xc_evsig_make(&c->sig, r->title, r->text, r->text_len, &c->ld, &c->tx, r->published);
  else
    xc_evsig_make_empty(&c->sig, r->title, r->published);
  double t1 = cpu_now();
  xc_clusterer_add(c->c, &c->sig, copy_of, 0);
  double t2 = cpu_now();
  c->lang += t1 - t0, c->lang_win += t1 - t0;
  c->cluster += t2 - t1, c->cluster_win += t2 - t1;
  c->last_l += (t1 - t0) - c->ring_l[i % 1000], c->ring_l[i % 1000] = t1 - t0;
  c->last_c += (t2 - t1) - c->ring_c[i % 1000], c->ring_c[i % 1000] = t2 - t1;
}

static int cmp_long(const void *x, const void *y) {
  long a = *(const long *)x, b = *(const long *)y;
  return (a > b) - (a < b);
}

static int cmp_pair(const void *x, const void *y) {
  const long *a = x, *b = y;
  if (a[0] != b[0]) return a[0] < b[0] ? -1 : 1;
  return (a[1] > b[1]) - (a[1] < b[1]);
}

/* Sum over groups of equal (key0) in sorted pairs of count^2 / size, where
 * count runs over equal (key0, key1): the B-cubed sums. */
static double b3_sum(long *pairs, size_t n) {
  qsort(pairs, n, 2 * sizeof *pairs, cmp_pair);
  double sum = 0;
  for (size_t a = 0; a < n;) {
    size_t b = a;
    while (b < n && pairs[2 * b] == pairs[2 * a]) b++;
    double inner = 0;
    for (size_t x = a; x < b;) {
      size_t y = x;
      while (y < b && pairs[2 * y + 1] == pairs[2 * x + 1]) y++;
      inner += (double)(y - x) * (double)(y - x);
      x = y;
    }
    sum += inner / (double)(b - a);
    a = b;
  }
  return sum;
}

static int cmp_triple(const void *x, const void *y) {
  const long *a = x, *b = y;
  if (a[0] != b[0]) return a[0] < b[0] ? -1 : 1;
  return (a[1] > b[1]) - (a[1] < b[1]);
}

/* First index of event e in the sorted (event, story, series) triples. */
static size_t event_start(const long *t, size_t n, long e) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (t[3 * mid] < e) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static size_t event_end(const long *t, size_t n, size_t a) {
  size_t b = a;
  while (b < n && t[3 * b] == t[3 * a]) b++;
  return b;
}

/* Look-alike merges: of all pairs (a report of event e, a report of the
 * earlier event e looks like), the share that land in one story. */
static double lookalike_rate(const stream *s, const int *story, size_t n) {
  long *t = xc_xmalloc(3 * n * sizeof *t);
  for (size_t i = 0; i < n; i++)
    t[3 * i] = s->event[i], t[3 * i + 1] = story[i], t[3 * i + 2] = s->series[i];
  qsort(t, n, 3 * sizeof *t, cmp_triple);
  double merged = 0, total = 0;
  for (size_t ea = 0; ea < n;) {
    size_t eb = event_end(t, n, ea);
    long like = t[3 * ea + 2];
    size_t la = like >= 0 ? event_start(t, n, like) : n;
    size_t lb = la < n && t[3 * la] == like ? event_end(t, n, la) : la;
    total += (double)(eb - ea) * (double)(lb - la);
    /* both ranges are sorted by story: multiply the counts of each story */
    for (size_t x = ea, y = la; x < eb && y < lb;) {
      if (t[3 * x + 1] != t[3 * y + 1]) {
        if (t[3 * x + 1] < t[3 * y + 1]) x++;
        else y++;
        continue;
      }
      long st = t[3 * x + 1];
      size_t cx = 0, cy = 0;
      for (; x < eb && t[3 * x + 1] == st; x++) cx++;
      for (; y < lb && t[3 * y + 1] == st; y++) cy++;
      merged += (double)cx * (double)cy;
    }
    ea = eb;
  }
  free(t);
  return total > 0 ? merged / total : 0;
}

static cluster_result cluster_checkpoint(cluster_state *c, const stream *s) {
  cluster_result r = {0, 0, 0};
  size_t n = s->n;
  if (n == 0) return r;
  int *story = xc_xmalloc(n * sizeof *story);
  for (size_t i = 0; i < n; i++) story[i] = (int)xc_clusterer_story_of(c->c, (uint32_t)i);
  long *pairs = xc_xmalloc(2 * n * sizeof *pairs);
  for (size_t i = 0; i < n; i++) pairs[2 * i] = story[i], pairs[2 * i + 1] = s->event[i];
  double p = b3_sum(pairs, n) / (double)n;
  for (size_t i = 0; i < n; i++) pairs[2 * i] = s->event[i], pairs[2 * i + 1] = story[i];
  double rec = b3_sum(pairs, n) / (double)n;
  /* distinct stories: sort the story numbers */
  for (size_t i = 0; i < n; i++) pairs[i] = story[i];
  qsort(pairs, n, sizeof *pairs, cmp_long);
  for (size_t i = 0; i < n; i++) r.stories += !i || pairs[i] != pairs[i - 1];
  free(pairs);
  r.b3_f1 = p + rec > 0 ? 2 * p * rec / (p + rec) : 0;
  r.lookalike_rate = lookalike_rate(s, story, n);
  free(story);
  return r;
}
/* ==== end of the clustering hook ========================================= */

/* The run's state: the index, the clustering hook, the copy scores and the
 * timing windows. */
typedef struct {
  stream s;
  xc_copyidx *ix;
  cluster_state cl;
  xc_shingles sh;
  size_t predicted, correct, expected, found; /* copy pairs */
  unsigned char *seen; /* families with a report indexed already */
  size_t seen_cap;
  double total, window, last1k, ring[1000]; /* CPU seconds */
  size_t window_start;
  int log_wrong;
  FILE *csv;
} bench;

/* Scores the match the copy index gave report i: right when it belongs to
 * the same family (the original and its copies); expected when a report of
 * the family was indexed before. */
static void score_copy(bench *b, size_t i, long best, const xc_overlap *o) {
  long fam = b->s.family[i];
  if (fam < 0) return;
  if ((size_t)fam >= b->seen_cap) {
    size_t cap = b->seen_cap ? b->seen_cap : 1 << 16;
    while (cap <= (size_t)fam) cap *= 2;
    b->seen = xc_xrealloc(b->seen, cap);
    memset(b->seen + b->seen_cap, 0, cap - b->seen_cap);
    b->seen_cap = cap;
  }
  if (b->seen[fam]) b->expected++;
  if (b->seen[fam] && b->log_wrong && (best < 0 || b->s.family[best] != fam))
    fprintf(stderr, "missed: report %zu (family %ld)\n", i, fam);
  if (best >= 0) {
    b->predicted++;
    if (b->s.family[best] == fam) {
      b->correct++;
      b->found += b->seen[fam];
    } else if (b->log_wrong) {
      fprintf(stderr, "wrong: report %zu (family %ld) matched %ld (family %ld): "
                      "%zu shared of %zu and %zu shingles\n",
              i, fam, best, b->s.family[best], o->shared, o->na, o->nb);
    }
  }
  b->seen[fam] = 1;
}

/* One report through the copy index (timed), the hook and the scores. */
static void feed(bench *b, const report *r) {
  size_t i = b->s.n - 1;
  double t0 = cpu_now();
  xc_shingles_make(&b->sh, r->text, r->text_len);
  xc_copy_sig g;
  xc_copyidx_sign(b->ix, &b->sh, &g);
  xc_overlap o = {0, 0, 0};
  long best = xc_copyidx_best(b->ix, &b->sh, &g, fetch, &b->s, &o);
  xc_copyidx_add(b->ix, &g);
  double dt = cpu_now() - t0;
  cluster_add(&b->cl, r, best, i);
  b->total += dt, b->window += dt;
  b->last1k += dt - b->ring[i % 1000];
  b->ring[i % 1000] = dt;
  score_copy(b, i, best, &o);
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 1; }

/* A CSV row and a line on stdout for the first n reports. */
static void checkpoint(bench *b) {
  size_t n = b->s.n;
  cluster_result c = cluster_checkpoint(&b->cl, &b->s);
  size_t mem = xc_copyidx_memory(b->ix), cmem = xc_clusterer_memory(b->cl.c);
  double per = 1e6 * b->window / (double)(n - b->window_start);
  double last = 1e6 * b->last1k / (double)(n < 1000 ? n : 1000);
  double lper = 1e6 * b->cl.lang_win / (double)(n - b->window_start);
  double cper = 1e6 * b->cl.cluster_win / (double)(n - b->window_start);
  double llast = 1e6 * b->cl.last_l / (double)(n < 1000 ? n : 1000);
  double clast = 1e6 * b->cl.last_c / (double)(n < 1000 ? n : 1000);
  double prec = ratio(b->correct, b->predicted), rec = ratio(b->found, b->expected);
  fprintf(b->csv, "%zu,%.3f,%.3f,%.3f,%zu,%.1f,%.1f,%.4f,%.4f,", n, per, last, b->total, mem,
          (double)mem / (double)n, rss_mib(), prec, rec);
  fprintf(b->csv, "%.3f,%.3f,%.3f,%.3f,%.3f,%zu,%.1f,%.4f,%.4f,%zu\n", lper, llast, cper, clast,
          b->cl.lang + b->cl.cluster, cmem, (double)cmem / (double)n, c.b3_f1, c.lookalike_rate,
          c.stories);
  fflush(b->csv);
  printf("  %8zu reports: copies %5.1f us/report (last 1k %5.1f), %6.1f s, %4.0f B/report,"
         " P %.4f R %.4f | language layer %5.0f us (last 1k %5.0f), clusterer %5.1f us"
         " (last 1k %5.1f), %6.1f s, %4.0f B/report | B3 F1 %.3f, look-alike merges %.2f%%,"
         " %zu stories\n",
         n, per, last, b->total, (double)mem / (double)n, prec, rec, lper, llast, cper, clast,
         b->cl.lang + b->cl.cluster, (double)cmem / (double)n, c.b3_f1,
         100 * c.lookalike_rate, c.stories);
  fflush(stdout);
  b->window = 0, b->window_start = n;
  b->cl.lang_win = b->cl.cluster_win = 0;
}

static const size_t CHECKPOINTS[] = {1000,    2000,    5000,    10000,   20000,
                                     50000,   100000,  200000,  500000,  1000000,
                                     2000000, 5000000, 10000000};

static int is_checkpoint(size_t n) {
  for (size_t k = 0; k < sizeof CHECKPOINTS / sizeof *CHECKPOINTS; k++)
    if (CHECKPOINTS[k] == n) return 1;
  return 0;
}

/* Maps the stream file; 0 or -1 with a message. */
static int map_stream(const char *path, stream *s, int *fd) {
  struct stat st;
  *fd = open(path, O_RDONLY);
  if (*fd < 0 || fstat(*fd, &st) != 0) {
    fprintf(stderr, "cluster_scale: %s: %s\n", path, strerror(errno));
    return -1;
  }
  s->size = (size_t)st.st_size;
  s->base = s->size ? mmap(NULL, s->size, PROT_READ, MAP_PRIVATE, *fd, 0) : NULL;
  if (s->size && s->base == MAP_FAILED) {
    fprintf(stderr, "cluster_scale: mmap: %s\n", strerror(errno));
    return -1;
  }
  return 0;
}

static void release(bench *b) {
  xc_lang_doc_release(&b->cl.ld);
  xc_timexv_release(&b->cl.tx);
  xc_evsig_release(&b->cl.sig);
  xc_clusterer_free(b->cl.c);
  xc_shingles_release(&b->sh);
  xc_copyidx_free(b->ix);
  free(b->seen);
  free(b->s.off), free(b->s.len), free(b->s.family), free(b->s.event), free(b->s.series);
  if (b->s.size) munmap((void *)b->s.base, b->s.size);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: cluster_scale STREAM.jsonl OUT.csv [--n N]"
                    " [--log-wrong 1]\n");
    return 2;
  }
  static bench b; /* large (the timing ring); zeroed */
  const char *stories_out = NULL;
  size_t limit = (size_t)-1;
  for (int i = 3; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--n")) limit = (size_t)atol(argv[i + 1]);
    else if (!strcmp(argv[i], "--log-wrong")) b.log_wrong = atoi(argv[i + 1]);
    else if (!strcmp(argv[i], "--stories")) stories_out = argv[i + 1];
  }
  int fd;
  if (map_stream(argv[1], &b.s, &fd) != 0) return 1;
  b.csv = fopen(argv[2], "w");
  if (!b.csv) {
    fprintf(stderr, "cluster_scale: %s: %s\n", argv[2], strerror(errno));
    return 1;
  }
  fprintf(b.csv, "n,us_per_report,us_per_report_last1k,total_s,index_bytes,"
                 "index_bytes_per_report,rss_anon_mib,copy_precision,copy_recall,"
                 "lang_us_per_report,lang_us_per_report_last1k,cluster_us_per_report,"
                 "cluster_us_per_report_last1k,stories_total_s,cluster_bytes,"
                 "cluster_bytes_per_report,cluster_b3_f1,cluster_lookalike_merges,stories\n");
  b.ix = xc_copyidx_new();
  b.cl.c = xc_clusterer_new();
  double wall0 = now();
  size_t pos = 0;
  while (pos < b.s.size && b.s.n < limit) {
    const char *nl = memchr(b.s.base + pos, '\n', b.s.size - pos);
    size_t len = nl ? (size_t)(nl - (b.s.base + pos)) : b.s.size - pos;
    report r;
    if (len > 0 && decode(b.s.base + pos, len, &r) == 0) {
      remember(&b.s, pos, len, &r);
      feed(&b, &r);
      json_decref(r.j);
      if (is_checkpoint(b.s.n)) checkpoint(&b);
    }
    pos += len + 1;
  }
  if (b.s.n && b.window_start != b.s.n) checkpoint(&b); /* the last row */
  printf("  copy index: %zu reports, %.1f s CPU (whole run %.1f s wall), %.1f us/report, "
         "%zu bytes (%.0f per report), %ld candidate texts re-read; copies P %.4f R %.4f "
         "(%zu found of %zu expected, %zu wrong)\n",
         b.s.n, b.total, now() - wall0, b.s.n ? 1e6 * b.total / (double)b.s.n : 0,
         xc_copyidx_memory(b.ix), b.s.n ? (double)xc_copyidx_memory(b.ix) / (double)b.s.n : 0,
         fetches, ratio(b.correct, b.predicted), ratio(b.found, b.expected), b.found, b.expected,
         b.predicted - b.correct);
  fclose(b.csv);
  if (stories_out) { /* report number and story, one a line, for inspection */
    FILE *f = fopen(stories_out, "w");
    for (size_t i = 0; f && i < b.s.n; i++)
      fprintf(f, "%zu %u\n", i, xc_clusterer_story_of(b.cl.c, (uint32_t)i));
    if (f) fclose(f);
  }
  release(&b);
  close(fd);
  return 0;
}
