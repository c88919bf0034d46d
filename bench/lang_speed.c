/* lang_speed.c - tokens per second of the language layer over one UTF-8
 * text file of documents separated by form feeds: the tokenizer alone,
 * tokenizer + sentence splitter over the whole text, and the whole layer
 * (tokens, sentences, entity tagging: xc_lang_analyze) document by
 * document; best of several rounds on one core.
 * Usage: lang_speed FILE [ROUNDS]. Built and fed by lang_speed.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/core.h"
#include "lang/lang.h"
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
  /* the whole layer, one document at a time (the model loads first) */
  xc_lang_doc d;
  xc_lang_doc_init(&d);
  xc_lang_analyze("Warm up .", 9, NULL, &d);
  double best_layer = 1e9;
  size_t ntok = 0, nment = 0;
  for (int r = 0; r < rounds; r++) {
    double t0 = now();
    ntok = nment = 0;
    for (size_t a = 0; a < b.n;) {
      const char *ff = memchr(b.p + a, '\f', b.n - a);
      size_t e = ff ? (size_t)(ff - b.p) : b.n;
      xc_lang_analyze(b.p + a, e - a, NULL, &d);
      ntok += d.tokens.n;
      nment += d.nmentions;
      a = e + 1;
    }
    double t1 = now();
    if (t1 - t0 < best_layer) best_layer = t1 - t0;
  }
  xc_lang_doc_release(&d);
  printf("lang: %zu bytes, %zu tokens, %zu sentences, %zu entity mentions\n", b.n, t.n, s.n,
         nment);
  printf("tokenizer:            %.1f M tokens/s (%.0f MB/s)\n", t.n / best_tok / 1e6,
         b.n / best_tok / 1e6);
  printf("tokenizer+sentences:  %.1f M tokens/s (%.0f MB/s)\n", t.n / best_all / 1e6,
         b.n / best_all / 1e6);
  printf("whole layer:          %.2f M tokens/s (%.0f MB/s; tokens, sentences, entities)\n",
         ntok / best_layer / 1e6, b.n / best_layer / 1e6);
  xc_tokens_release(&t);
  xc_sentv_release(&s);
  xc_buf_release(&b);
  return 0;
}
