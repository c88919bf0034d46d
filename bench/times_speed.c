/* times_speed.c - documents per second of the time-expression tagger
 * (xc_timex_tag) in process, over the plain texts bench/tempeval.py
 * dumps: a folder with manifest.tsv (DCT, file name per line) and the
 * texts. Best of ROUNDS passes over all documents, on one core.
 * Usage: times_speed DIR [ROUNDS]. Built and run by bench/times.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/core.h"
#include "time/timex.h"
#include "read_file.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct doc {
  xc_buf text;
  xc_date dct;
  int has_dct;
} doc;

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: times_speed DIR [ROUNDS]\n");
    return 2;
  }
  int rounds = argc > 2 ? atoi(argv[2]) : 10;
  char path[4096];
  snprintf(path, sizeof path, "%s/manifest.tsv", argv[1]);
  FILE *m = fopen(path, "r");
  if (!m) {
    perror(path);
    return 1;
  }
  doc *docs = NULL;
  size_t n = 0, cap = 0, bytes = 0;
  char line[4096];
  while (fgets(line, sizeof line, m)) {
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = 0;
    char *name = tab + 1;
    name[strcspn(name, "\r\n")] = 0;
    if (n == cap) docs = xc_xrealloc(docs, (cap = cap ? cap * 2 : 64) * sizeof *docs);
    doc *d = &docs[n];
    memset(d, 0, sizeof *d);
    d->has_dct = xc_timex_parse_date(line, strlen(line), &d->dct) == 0;
    snprintf(path, sizeof path, "%s/%s", argv[1], name);
    if (bench_read_file(path, &d->text) < 0) {
      perror(path);
      return 1;
    }
    bytes += d->text.n;
    n++;
  }
  fclose(m);
  xc_timexv tv;
  xc_timexv_init(&tv);
  double best = 1e9;
  size_t found = 0;
  for (int r = 0; r < rounds; r++) {
    double t0 = now();
    found = 0;
    for (size_t i = 0; i < n; i++) {
      xc_timex_tag(docs[i].text.p ? docs[i].text.p : "", docs[i].text.n,
                   docs[i].has_dct ? &docs[i].dct : NULL, &tv);
      found += tv.n;
    }
    double s = now() - t0;
    if (s < best) best = s;
  }
  printf("tagger in process: %zu documents (%.1f KB, %zu expressions) in %.4f s = %.0f docs/s, "
         "%.1f MB/s (one core, best of %d)\n",
         n, bytes / 1024.0, found, best, n / best, bytes / best / 1e6, rounds);
  xc_timexv_release(&tv);
  for (size_t i = 0; i < n; i++) xc_buf_release(&docs[i].text);
  free(docs);
  return 0;
}
