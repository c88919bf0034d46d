/* quotes_run.c - runs the quote finder over many files in one process:
 * reads each FILE, analyses it (tokens, sentences, entities) and finds its
 * quotes, writes OUTDIR/NAME.json (NAME: the file name without .txt; the
 * same JSON as `crosscheck quotes`), and prints documents/s on one core
 * over the best of ROUNDS rounds, files read beforehand and the models
 * loaded once (what a long run pays per document); then quotes and time
 * expressions together, issue 4's speed figure.
 * Usage: quotes_run OUTDIR ROUNDS FILE... Built and fed by quotes.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/core.h"
#include "lang/lang.h"
#include "quote/quote.h"
#include "time/timex.h"
#include "read_file.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: quotes_run OUTDIR ROUNDS FILE...\n");
    return 2;
  }
  const char *outdir = argv[1];
  int rounds = atoi(argv[2]);
  int nf = argc - 3;
  xc_buf *texts = xc_xcalloc((size_t)nf, sizeof *texts);
  size_t bytes = 0;
  for (int i = 0; i < nf; i++) {
    if (bench_read_file(argv[3 + i], &texts[i]) < 0) {
      perror(argv[3 + i]);
      return 1;
    }
    bytes += texts[i].n;
  }
  xc_lang_doc d;
  xc_lang_doc_init(&d);
  xc_quotes q;
  xc_quotes_init(&q);
  xc_lang_analyze("Warm up.", 8, NULL, &d); /* loads the models */
  double best = 1e9;
  size_t nquotes = 0;
  for (int r = 0; r < (rounds < 1 ? 1 : rounds); r++) {
    double t0 = now();
    nquotes = 0;
    for (int i = 0; i < nf; i++) {
      const char *p = texts[i].p ? texts[i].p : "";
      if (xc_lang_analyze(p, texts[i].n, NULL, &d) == 0 && xc_quote_find(p, texts[i].n, &d, NULL, 0, &q) == 0)
        nquotes += q.n;
    }
    double s = now() - t0;
    if (s < best) best = s;
  }
  /* issue 4's figure: quotes and times together (each text's time
   * expressions resolved against a fixed creation date) */
  xc_timexv tx;
  xc_timexv_init(&tx);
  xc_date dct = {2016, 11, 1};
  double both = 1e9;
  for (int r = 0; r < (rounds < 1 ? 1 : rounds); r++) {
    double t0 = now();
    for (int i = 0; i < nf; i++) {
      const char *p = texts[i].p ? texts[i].p : "";
      if (xc_lang_analyze(p, texts[i].n, NULL, &d) == 0)
        xc_quote_find(p, texts[i].n, &d, NULL, 0, &q);
      xc_timex_tag(p, texts[i].n, &dct, &tx);
    }
    double s = now() - t0;
    if (s < both) both = s;
  }
  xc_timexv_release(&tx);
  /* the output, outside the timing */
  xc_buf out, path;
  xc_buf_init(&out);
  xc_buf_init(&path);
  for (int i = 0; i < nf; i++) {
    const char *p = texts[i].p ? texts[i].p : "";
    xc_lang_analyze(p, texts[i].n, NULL, &d);
    xc_quote_find(p, texts[i].n, &d, NULL, 0, &q);
    xc_buf_clear(&out);
    xc_quotes_json(p, &q, &out);
    const char *base = strrchr(argv[3 + i], '/');
    base = base ? base + 1 : argv[3 + i];
    size_t bl = strlen(base);
    if (bl > 4 && !strcmp(base + bl - 4, ".txt")) bl -= 4;
    xc_buf_clear(&path);
    xc_buf_printf(&path, "%s/%.*s.json", outdir, (int)bl, base);
    FILE *f = fopen(xc_buf_cstr(&path), "wb");
    if (!f) {
      perror(xc_buf_cstr(&path));
      return 1;
    }
    fwrite(out.p, 1, out.n, f);
    fclose(f);
  }
  printf("%d documents (%.1f MB, %zu quotes and attributions) in %.3f s = %.0f documents/s, %.2f MB/s (one core, in one process, models loaded)\n",
         nf, bytes / 1e6, nquotes, best, nf / best, bytes / 1e6 / best);
  printf("quotes + times together: %d documents in %.3f s = %.0f documents/s (one core, in one process)\n",
         nf, both, nf / both);
  xc_buf_release(&out);
  xc_buf_release(&path);
  xc_quotes_release(&q);
  xc_lang_doc_release(&d);
  for (int i = 0; i < nf; i++) xc_buf_release(&texts[i]);
  free(texts);
  return 0;
}
