/* test_cluster.c - the first story grouping on synthetic texts, in both
 * regimes (dense average link for small sets, sparse single link above). */
#include <stdlib.h>

#include "cluster/cluster.h"
#include "core/core.h"
#include "test.h"

/* A letters-only word for number v: "qab", "qac", ... */
static void word(xc_buf *b, unsigned v) {
  char w[8] = "q";
  int k = 1;
  for (int i = 0; i < 4; i++, v /= 26) w[k++] = (char)('a' + v % 26);
  w[k] = 0;
  xc_buf_puts(b, w);
  xc_buf_putc(b, ' ');
}

/* n documents in n/2 topics: the two of a topic share most of their words,
 * topics share none. */
static void check_pairs(size_t n) {
  char **texts = xc_xcalloc(n, sizeof *texts);
  const char **tp = xc_xcalloc(n, sizeof *tp), **titles = xc_xcalloc(n, sizeof *titles);
  int *copy_of = xc_xmalloc(n * sizeof *copy_of), *story = xc_xmalloc(n * sizeof *story);
  for (size_t i = 0; i < n; i++) {
    xc_buf b;
    xc_buf_init(&b);
    unsigned topic = (unsigned)(i / 2);
    for (unsigned w = 0; w < 40; w++) word(&b, topic * 64 + w);
    word(&b, 500000 + (unsigned)i); /* one word of its own */
    texts[i] = xc_buf_detach(&b);
    tp[i] = texts[i];
    copy_of[i] = -1;
  }
  size_t k = xc_cluster_group(titles, tp, copy_of, n, story);
  CHECK(k == n / 2);
  int ok = 1;
  for (size_t i = 0; i + 1 < n; i += 2)
    ok &= story[i] == story[i + 1] && (i < 2 || story[i] != story[i - 1]);
  CHECK(ok);
  for (size_t i = 0; i < n; i++) free(texts[i]);
  free(texts), free(tp), free(titles), free(copy_of), free(story);
}

TEST(cluster_pairs_small_set) { check_pairs(40); }
TEST(cluster_pairs_large_set) { check_pairs(3000); }
