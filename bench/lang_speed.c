/* lang_speed.c - tokens per second of the language layer (tokenizer +
 * sentence splitter) over one UTF-8 text file, best of several rounds on
 * one core. Usage: lang_speed FILE [ROUNDS]. Built and fed by lang_speed.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/core.h"
#include "lang/sentence.h"
#include "lang/token.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: lang_speed FILE [ROUNDS]\n");
    return 2;
  }
  int rounds = argc > 2 ? atoi(argv[2]) : 5;
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  xc_buf b;
  xc_buf_init(&b);
  char chunk[1 << 16];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) xc_buf_put(&b, chunk, got);
  fclose(f);
  xc_tokens t;
  xc_sentv s;
  xc_tokens_init(&t);
  xc_sentv_init(&s);
  double best_tok = 1e9, best_all = 1e9;
  for (int r = 0; r < rounds; r++) {
    double t0 = now();
    xc_tokenize(b.p, b.n, &t);
    double t1 = now();
    xc_sentences(b.p, b.n, &t, &s);
    double t2 = now();
    if (t1 - t0 < best_tok) best_tok = t1 - t0;
    if (t2 - t0 < best_all) best_all = t2 - t0;
  }
  printf("lang: %zu bytes, %zu tokens, %zu sentences\n", b.n, t.n, s.n);
  printf("tokenizer:            %.1f M tokens/s (%.0f MB/s)\n", t.n / best_tok / 1e6,
         b.n / best_tok / 1e6);
  printf("tokenizer+sentences:  %.1f M tokens/s (%.0f MB/s)\n", t.n / best_all / 1e6,
         b.n / best_all / 1e6);
  xc_tokens_release(&t);
  xc_sentv_release(&s);
  xc_buf_release(&b);
  return 0;
}
