/* test_dedupe.c - copy detection: shingles, the copy rule, outlet names and
 * the origin rule, the incremental index (recall on planted copies, no
 * false copies, memory per document), and the whole pipeline on the
 * invented reports of tests/fixtures/copies (a wire report, a syndicated
 * copy that credits it, a repost with commentary, a blog made of two of
 * another report's paragraphs, independent reports sharing quotes and a
 * press-release paragraph, a look-alike event). */
#include <stdlib.h>
#include <string.h>

#include "../../include/crosscheck.h"
#include "dedupe/dedupe.h"
#include "test.h"

/* ---- shingles ---- */

static size_t count_shingles(const char *t) {
  xc_shingles s = {0};
  xc_shingles_make(&s, t, strlen(t));
  size_t n = s.n;
  xc_shingles_release(&s);
  return n;
}

TEST(dedupe_shingles_ignore_case_quotes_and_dashes) {
  const char *a = "The mayor said \"we will rebuild\" -- and the crowd cheered loudly.";
  const char *b = "the Mayor said \xE2\x80\x9Cwe will rebuild\xE2\x80\x9D \xE2\x80\x94 and the "
                  "crowd\n cheered loudly";
  CHECK(xc_dedupe_resemblance(a, b) == 1.0);
  CHECK(count_shingles(a) == 7); /* 11 words, 5-grams */
}

TEST(dedupe_shingles_short_and_repeated) {
  CHECK(count_shingles("") == 0);
  CHECK(count_shingles("four words only here") == 0);
  CHECK(count_shingles("exactly five words right here") == 1);
  /* a repeated sentence adds no new shingles beyond the seams */
  size_t once = count_shingles("alpha beta gamma delta epsilon zeta eta theta.");
  size_t twice = count_shingles("alpha beta gamma delta epsilon zeta eta theta. "
                                "alpha beta gamma delta epsilon zeta eta theta.");
  CHECK(twice == once + 4);
  /* non-Latin letters are word characters */
  CHECK(count_shingles("\xD0\xBC\xD0\xB8\xD1\x80 \xD0\xB4\xD0\xBE\xD0\xBC a b c d") == 2);
}

TEST(dedupe_overlap_measures) {
  xc_overlap o = {100, 400, 90};
  CHECK(xc_overlap_cover_a(o) == 0.9);
  CHECK(xc_overlap_cover_b(o) == 90.0 / 400);
  CHECK(xc_overlap_jaccard(o) == 90.0 / 410);
  xc_overlap z = {0, 0, 0};
  CHECK(xc_overlap_jaccard(z) == 0 && xc_overlap_cover_a(z) == 0);
}

/* ---- the copy rule ---- */

TEST(dedupe_copy_rule) {
  /* a syndicated copy, lightly edited */
  CHECK(xc_copy_b_of_a((xc_overlap){300, 280, 250}));
  /* a repost: all of A plus as much commentary again */
  CHECK(xc_copy_b_of_a((xc_overlap){300, 600, 295}));
  /* a long report that quotes a short statement whole is not its copy... */
  CHECK(!xc_copy_b_of_a((xc_overlap){60, 600, 58}));
  /* ...though the statement is mostly the report's text, so the pair is
   * related and the origin rule decides */
  CHECK(xc_copy_related((xc_overlap){60, 600, 58}));
  /* a page made mostly of another's paragraphs */
  CHECK(xc_copy_b_of_a((xc_overlap){400, 150, 110}));
  /* reports sharing quotes and a press-release paragraph */
  CHECK(!xc_copy_related((xc_overlap){320, 370, 75}));
  CHECK(!xc_copy_related((xc_overlap){300, 300, 170}));
  /* too short to judge */
  CHECK(!xc_copy_related((xc_overlap){12, 12, 12}));
}

/* ---- outlets and origin ---- */

TEST(dedupe_same_outlet) {
  CHECK(xc_dedupe_same_outlet("Washington Post", "The Washington Post"));
  CHECK(xc_dedupe_same_outlet("The Washington Post", "www.washingtonpost.com"));
  CHECK(xc_dedupe_same_outlet("Velmora Herald", "https://velmoraherald.co.uk/news"));
  CHECK(xc_dedupe_same_outlet("Herald", "Dornholt Herald"));
  CHECK(xc_dedupe_same_outlet("tarn valley wire", "TARN VALLEY WIRE"));
  CHECK(!xc_dedupe_same_outlet("New York Times", "Washington Post"));
  CHECK(!xc_dedupe_same_outlet("AP", "Tarn Valley Wire"));
  CHECK(!xc_dedupe_same_outlet("The", "The Times"));
  CHECK(!xc_dedupe_same_outlet(NULL, "Times"));
}

TEST(dedupe_origin_rule) {
  xc_dedupe_doc early = {"", 0, "2026-04-14", "Tarn Valley Wire", NULL};
  xc_dedupe_doc late = {"", 0, "2026-04-15", "Lakeside Courier", NULL};
  /* the earlier date wins whatever the order given */
  CHECK(xc_dedupe_original(&early, 1, &late, 0) == 0);
  CHECK(xc_dedupe_original(&late, 0, &early, 1) == 1);
  /* same day: the outlet the other credits */
  xc_dedupe_doc wire = {"", 0, "2026-04-14", "Tarn Valley Wire", NULL};
  xc_dedupe_doc courier = {"", 0, "2026-04-14", "Lakeside Courier", "Tarn Valley Wire"};
  CHECK(xc_dedupe_original(&courier, 0, &wire, 1) == 1);
  /* no dates at all: credit still decides */
  xc_dedupe_doc blog = {"", 0, NULL, NULL, "Tarn Valley Wire"};
  xc_dedupe_doc wire_undated = {"", 0, NULL, "Tarn Valley Wire", NULL};
  CHECK(xc_dedupe_original(&blog, 0, &wire_undated, 1) == 1);
  /* a page that credits some outlet is not the original of one that
   * credits none */
  xc_dedupe_doc anon = {"", 0, NULL, NULL, NULL};
  CHECK(xc_dedupe_original(&blog, 0, &anon, 1) == 1);
  /* a page crediting its own site is not a repost */
  xc_dedupe_doc own = {"", 0, NULL, "Velmora Herald", "Velmora Herald"};
  CHECK(xc_dedupe_original(&own, 1, &anon, 0) == 1);
  /* nothing to go on: the dated one, then the first given */
  xc_dedupe_doc dated = {"", 0, "2026-01-02", NULL, NULL};
  CHECK(xc_dedupe_original(&anon, 0, &dated, 1) == 1);
  CHECK(xc_dedupe_original(&anon, 3, &anon, 5) == 0);
}

/* ---- synthetic texts for the index ---- */

static uint64_t rng_state;
static unsigned rnd(unsigned n) {
  rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned)((rng_state >> 33) % n);
}

/* n pseudo-words from a 30,000-word vocabulary (independent texts share
 * next to no 5-grams, as different reports do). */
static void words(xc_buf *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned v = rnd(30000);
    char w[8] = "k";
    int k = 1;
    for (int d = 0; d < 4; d++, v /= 26) w[k++] = (char)('a' + v % 26);
    w[k] = 0;
    xc_buf_puts(b, w);
    xc_buf_putc(b, (i % 12 == 11) ? '.' : ' ');
  }
}

typedef struct {
  char **text;
  size_t n;
} corpus;

static int fetch_text(void *ctx, uint32_t doc, xc_shingles *out) {
  corpus *c = ctx;
  if (doc >= c->n) return -1;
  xc_shingles_make(out, c->text[doc], strlen(c->text[doc]));
  return 0;
}

/* Adds text to the index and the corpus; returns its number. */
static uint32_t add_text(xc_copyidx *ix, corpus *c, char *text, xc_shingles *s) {
  xc_shingles_make(s, text, strlen(text));
  xc_copy_sig g;
  xc_copyidx_sign(ix, s, &g);
  uint32_t id = xc_copyidx_add(ix, &g);
  c->text[c->n++] = text;
  return id;
}

/* The best match of text among the indexed documents, or -1. */
static long best_of(xc_copyidx *ix, corpus *c, const char *text, xc_overlap *o) {
  xc_shingles s = {0};
  xc_shingles_make(&s, text, strlen(text));
  xc_copy_sig g;
  xc_copyidx_sign(ix, &s, &g);
  long b = xc_copyidx_best(ix, &s, &g, fetch_text, c, o);
  xc_shingles_release(&s);
  return b;
}

static char *fresh(size_t n) {
  xc_buf b;
  xc_buf_init(&b);
  words(&b, n);
  return xc_buf_detach(&b);
}

TEST(dedupe_index_finds_planted_copies) {
  rng_state = 42;
  enum { N = 3000 };
  xc_copyidx *ix = xc_copyidx_new();
  corpus c = {xc_xcalloc(N + 8, sizeof(char *)), 0};
  xc_shingles s = {0};
  for (size_t i = 0; i < N; i++) add_text(ix, &c, fresh(150 + rnd(500)), &s);
  CHECK(xc_copyidx_count(ix) == N);
  /* index memory stays well under 2 KiB a document */
  CHECK(xc_copyidx_memory(ix) / N < 2048);

  int hits = 0, total = 0;
  xc_overlap o;
  for (int t = 0; t < 40; t++) {
    uint32_t target = (uint32_t)rnd(N);
    const char *orig = c.text[target];
    size_t len = strlen(orig);
    xc_buf b;
    xc_buf_init(&b);
    switch (t % 4) {
    case 0: /* a trimmed copy: the first 70% */
      xc_buf_put(&b, orig, len * 7 / 10);
      break;
    case 1: /* a repost: the whole text and as much commentary */
      xc_buf_puts(&b, orig);
      xc_buf_putc(&b, ' ');
      words(&b, len / 6);
      break;
    case 2: /* a short original inside a page four times its length */
      words(&b, len / 4);
      xc_buf_puts(&b, " ");
      xc_buf_put(&b, orig, len / 3);
      xc_buf_puts(&b, " ");
      words(&b, len / 4);
      break;
    default: /* an edited copy: a new lead and a new ending */
      words(&b, 20);
      xc_buf_puts(&b, " ");
      xc_buf_put(&b, orig, len * 9 / 10);
      words(&b, 15);
    }
    /* case 2 is long text containing a third of orig: orig's third is
     * not mostly this page, and this page is not mostly orig; only the
     * whole-carry cases count */
    long got = best_of(ix, &c, b.p, &o);
    if (t % 4 != 2) {
      total++;
      hits += got == (long)target;
    } else {
      CHECK(got < 0);
    }
    xc_buf_release(&b);
  }
  CHECK(hits == total);
  /* a fresh text copies nothing */
  int false_hits = 0;
  for (int t = 0; t < 50; t++) {
    char *f = fresh(300);
    false_hits += best_of(ix, &c, f, &o) >= 0;
    free(f);
  }
  CHECK(false_hits == 0);
  /* a short report carried whole by a page three times its length, added
   * after it: the later page finds it */
  char *small = fresh(120);
  uint32_t small_id = add_text(ix, &c, small, &s);
  xc_buf b;
  xc_buf_init(&b);
  words(&b, 120);
  xc_buf_puts(&b, " ");
  xc_buf_puts(&b, small);
  xc_buf_puts(&b, " ");
  words(&b, 100);
  long got = best_of(ix, &c, b.p, &o);
  CHECK(got == (long)small_id);
  CHECK(o.shared > 100);
  xc_buf_release(&b);
  xc_shingles_release(&s);
  for (size_t i = 0; i < c.n; i++) free(c.text[i]);
  free(c.text);
  xc_copyidx_free(ix);
}

TEST(dedupe_index_empty_and_short) {
  xc_copyidx *ix = xc_copyidx_new();
  xc_shingles s = {0};
  xc_shingles_make(&s, "too short to judge at all", 25);
  xc_copy_sig g;
  xc_copyidx_sign(ix, &s, &g);
  CHECK(g.nshingles == 2 && g.nsketch == 2);
  xc_copy_cand cand[4];
  CHECK(xc_copyidx_candidates(ix, &g, cand, 4) == 0);
  CHECK(xc_copyidx_add(ix, &g) == 0);
  CHECK(xc_copyidx_candidates(ix, &g, cand, 4) == 0); /* short: not indexed */
  xc_shingles_release(&s);
  xc_copyidx_free(ix);
  xc_copyidx_free(NULL);
}

/* ---- batch ---- */

TEST(dedupe_batch_copy_of_copy_points_at_original) {
  rng_state = 7;
  char *orig = fresh(300);
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, orig);
  words(&b, 40);
  char *copy1 = xc_buf_detach(&b); /* the original plus a little */
  xc_buf_put(&b, copy1, strlen(copy1) * 8 / 10);
  char *copy2 = xc_buf_detach(&b); /* copy1 trimmed */
  char *other = fresh(300);
  /* given latest first: the dates decide */
  xc_dedupe_doc d[4] = {
      {copy2, strlen(copy2), "2026-05-03", NULL, NULL},
      {copy1, strlen(copy1), "2026-05-02", NULL, NULL},
      {other, strlen(other), "2026-05-01", NULL, NULL},
      {orig, strlen(orig), "2026-05-01", NULL, NULL},
  };
  int copy_of[4];
  xc_dedupe_copies(d, 4, copy_of);
  CHECK(copy_of[0] == 3);
  CHECK(copy_of[1] == 3);
  CHECK(copy_of[2] == -1);
  CHECK(copy_of[3] == -1);
  /* no dates, no credits, each mostly the other's text: one copies the
   * other (the first given is the original) */
  xc_dedupe_doc u[2] = {{copy1, strlen(copy1), NULL, NULL, NULL},
                        {orig, strlen(orig), NULL, NULL, NULL}};
  xc_dedupe_copies(u, 2, copy_of);
  CHECK(copy_of[0] == -1 && copy_of[1] == 0);
  free(orig), free(copy1), free(copy2), free(other);
}

TEST(dedupe_batch_credit_cycle_has_one_original) {
  /* three same-day copies, each crediting the next one's outlet: the
   * pairwise rule goes round in a circle, and the circle is cut */
  rng_state = 9;
  char *t = fresh(200);
  size_t n = strlen(t);
  xc_dedupe_doc d[3] = {{t, n, "2026-05-01", "Alder Post", "Birch Times"},
                        {t, n, "2026-05-01", "Birch Times", "Cedar Wire"},
                        {t, n, "2026-05-01", "Cedar Wire", "Alder Post"}};
  int copy_of[3];
  xc_dedupe_copies(d, 3, copy_of);
  int roots = 0, root = -1;
  for (int i = 0; i < 3; i++)
    if (copy_of[i] < 0) roots++, root = i;
  CHECK(roots == 1);
  for (int i = 0; i < 3; i++) CHECK(copy_of[i] < 0 || copy_of[i] == root);
  free(t);
}

/* ---- the pipeline on the invented reports ---- */

#define FIXTURES "tests/fixtures/copies/"

static const char *const fixture_order[2][7] = {
    /* copies before their originals */
    {"lakeside-courier.html", "ridgeback-notes.md", "mill-street-blog.txt",
     "coastal-observer.txt", "velmora-herald.html", "dunmere-silo-2025.txt",
     "tarn-wire.md"},
    /* originals first */
    {"tarn-wire.md", "velmora-herald.html", "dunmere-silo-2025.txt",
     "coastal-observer.txt", "mill-street-blog.txt", "ridgeback-notes.md",
     "lakeside-courier.html"},
};

static const xc_document *doc_named(const xc_analysis *a, const char *name) {
  for (size_t i = 0; i < a->ndocs; i++) {
    const char *p = a->docs[i].path;
    size_t n = strlen(p), k = strlen(name);
    if (n >= k && !strcmp(p + n - k, name)) return &a->docs[i];
  }
  return NULL;
}

/* The file name of the document d copies, or "-". */
static const char *copy_name(const xc_analysis *a, const xc_document *d) {
  if (!d) return "(missing)";
  if (d->copy_of < 0) return "-";
  const char *p = a->docs[d->copy_of].path, *slash = strrchr(p, '/');
  return slash ? slash + 1 : p;
}

TEST(dedupe_fixtures_copies_and_origin) {
  for (int order = 0; order < 2; order++) {
    xc_analysis *a = xc_analysis_new();
    xc_err err;
    for (int i = 0; i < 7; i++) {
      char path[256];
      snprintf(path, sizeof path, FIXTURES "%s", fixture_order[order][i]);
      CHECK(xc_analysis_add_file(a, path, &err) == 0);
    }
    xc_analysis_finish(a);
    /* syndicated, same day, credits the wire */
    CHECK_STR(copy_name(a, doc_named(a, "lakeside-courier.html")), "tarn-wire.md");
    /* the whole report plus commentary, undated, credits the wire */
    CHECK_STR(copy_name(a, doc_named(a, "ridgeback-notes.md")), "tarn-wire.md");
    /* two of the Herald's paragraphs and a few lines */
    CHECK_STR(copy_name(a, doc_named(a, "mill-street-blog.txt")), "velmora-herald.html");
    /* own reports sharing quotes and the fire service's statement */
    CHECK_STR(copy_name(a, doc_named(a, "tarn-wire.md")), "-");
    CHECK_STR(copy_name(a, doc_named(a, "velmora-herald.html")), "-");
    CHECK_STR(copy_name(a, doc_named(a, "coastal-observer.txt")), "-");
    CHECK_STR(copy_name(a, doc_named(a, "dunmere-silo-2025.txt")), "-");
    /* a copy without a credit of its own names its original's outlet */
    const xc_document *blog = doc_named(a, "mill-street-blog.txt");
    CHECK(blog && blog->x.publisher);
    if (blog && blog->x.publisher) CHECK_STR(blog->x.publisher, "Velmora Herald");
    xc_analysis_free(a);
  }
}

TEST(dedupe_examples_repost) {
  /* the bundled demo: the Rivers Wire page reposts the Dornholt Herald */
  xc_analysis *a = xc_analysis_new();
  xc_err err;
  CHECK(xc_analysis_add_file(a, "examples/rivers-wire.txt", &err) == 0);
  CHECK(xc_analysis_add_file(a, "examples/dornholt-herald.html", &err) == 0);
  CHECK(xc_analysis_add_file(a, "examples/northern-ledger.txt", &err) == 0);
  xc_analysis_finish(a);
  CHECK_STR(copy_name(a, doc_named(a, "rivers-wire.txt")), "dornholt-herald.html");
  CHECK_STR(copy_name(a, doc_named(a, "dornholt-herald.html")), "-");
  CHECK_STR(copy_name(a, doc_named(a, "northern-ledger.txt")), "-");
  xc_analysis_free(a);
}
