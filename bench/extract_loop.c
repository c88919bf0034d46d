/* extract_loop.c - times crosscheck's extraction the way
 * bench/readability_run.py times readability-lxml: all pages are read
 * into memory first, then only the loop is timed (decode, extract, the
 * JSON line of each page); output is written after the clock stops.
 * bench/extract.sh reports this beside the whole `crosscheck extract`
 * process (which also reads the files and starts up), so the speed ratio
 * can be read like for like.
 *
 * usage: extract_loop LIST OUT.jsonl   (LIST: one path per line)
 * prints the loop's seconds on stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crosscheck.h"
#include "read_file.h"

typedef struct {
  char *path, *bytes;
  size_t n;
} page;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fputs("usage: extract_loop LIST OUT.jsonl\n", stderr);
    return 2;
  }
  FILE *lf = fopen(argv[1], "r");
  if (!lf) {
    perror(argv[1]);
    return 1;
  }
  page *pages = NULL;
  size_t np = 0, cap = 0;
  char line[4096];
  while (fgets(line, sizeof line, lf)) {
    line[strcspn(line, "\n")] = 0;
    if (!*line) continue;
    if (np == cap) pages = realloc(pages, (cap = cap ? cap * 2 : 256) * sizeof *pages);
    page *p = &pages[np];
    xc_buf b;
    xc_buf_init(&b);
    if (bench_read_file(line, &b) < 0) {
      perror(line);
      return 1;
    }
    p->n = b.n;
    p->bytes = b.p ? b.p : calloc(1, 1);
    p->path = strdup(line);
    np++;
  }
  fclose(lf);

  xc_analysis *a = xc_analysis_new();
  xc_buf out, one;
  xc_buf_init(&out);
  xc_buf_init(&one);
  double t0 = now();
  for (size_t i = 0; i < np; i++) {
    xc_err err = {0};
    if (xc_analysis_add_bytes(a, pages[i].path, pages[i].bytes, pages[i].n, &err) < 0) continue;
    xc_document *d = &a->docs[a->ndocs - 1];
    xc_buf_clear(&one);
    xc_brief_extract_line(d, &one);
    xc_buf_put(&out, one.p, one.n);
    xc_buf_putc(&out, '\n');
    free(d->path); /* as `crosscheck extract` does: keeps memory flat */
    xc_extracted_release(&d->x);
    a->ndocs--;
  }
  double secs = now() - t0;

  FILE *of = fopen(argv[2], "wb");
  if (!of || fwrite(out.p, 1, out.n, of) != out.n || fclose(of) != 0) {
    perror(argv[2]);
    return 1;
  }
  printf("%.6f\n", secs);
  xc_buf_release(&out);
  xc_buf_release(&one);
  xc_analysis_free(a);
  for (size_t i = 0; i < np; i++) free(pages[i].path), free(pages[i].bytes);
  free(pages);
  return 0;
}
