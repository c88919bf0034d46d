/* cmd_entities.c - `crosscheck entities --conll FILE`: tags CoNLL-style
 * token lines with the compiled-in entity model and prints each line with
 * its IOB2 tag appended; and `crosscheck train-ner`, which makes that
 * model (see `make model`). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lang/ner.h"
#include "cli.h"

typedef struct {
  char **lines;
  size_t n, cap;
} lines_t;

static int read_lines(const char *path, lines_t *L) {
  FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
  if (!f) {
    fprintf(stderr, "crosscheck: %s: %s\n", path, strerror(errno));
    return -1;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  while ((len = getline(&line, &cap, f)) >= 0) {
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
    if (L->n == L->cap) {
      L->cap = L->cap ? L->cap * 2 : 1024;
      L->lines = xc_xrealloc(L->lines, L->cap * sizeof *L->lines);
    }
    L->lines[L->n++] = xc_xstrndup(line, (size_t)len);
  }
  free(line);
  int bad = ferror(f);
  if (f != stdin) fclose(f);
  if (bad) {
    fprintf(stderr, "crosscheck: %s: read error\n", path);
    return -1;
  }
  return 0;
}

/* First column of line: its start and length (0 for a blank line). */
static size_t first_col(const char *line, const char **start) {
  while (*line == ' ' || *line == '\t') line++;
  *start = line;
  size_t n = 0;
  while (line[n] && line[n] != ' ' && line[n] != '\t') n++;
  return n;
}

/* Tags lines [a, b) (one document) and prints them. */
static void tag_doc(const xc_ner *m, char **lines, size_t a, size_t b, xc_buf *out) {
  size_t nw = 0, ns = 0;
  xc_slice *w = xc_xmalloc((b - a + 1) * sizeof *w);
  size_t *sent = xc_xmalloc((b - a + 1) * sizeof *sent);
  size_t *line_of = xc_xmalloc((b - a + 1) * sizeof *line_of);
  int in_sent = 0;
  for (size_t i = a; i < b; i++) {
    const char *p;
    size_t n = first_col(lines[i], &p);
    if (!n) {
      in_sent = 0;
      continue;
    }
    if (!in_sent) sent[ns++] = nw, in_sent = 1;
    w[nw].p = p;
    w[nw].n = n;
    line_of[nw++] = i;
  }
  uint8_t *tags = xc_xmalloc(nw + 1);
  xc_ner_doc d = {w, nw, sent, ns};
  xc_ner_tag(m, &d, tags);
  size_t k = 0;
  for (size_t i = a; i < b; i++) {
    xc_buf_puts(out, lines[i]);
    if (k < nw && line_of[k] == i) {
      xc_buf_putc(out, ' ');
      xc_buf_puts(out, xc_ner_tag_name(tags[k++]));
    }
    xc_buf_putc(out, '\n');
  }
  free(w);
  free(sent);
  free(line_of);
  free(tags);
}

int xc_cmd_entities(int argc, char **argv) {
  const char *path = NULL;
  int conll = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      puts("usage: crosscheck entities --conll FILE\n\n"
           "Reads CoNLL-style lines (first column = token, blank line = end of\n"
           "sentence, -DOCSTART- passes through; FILE may be -) and prints each\n"
           "line with its predicted IOB2 tag (PER, ORG, LOC, MISC) appended.");
      return 0;
    }
    if (!strcmp(argv[i], "--conll")) conll = 1;
    else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "crosscheck entities: unknown option %s\n", argv[i]);
      return 2;
    } else if (!path) path = argv[i];
    else {
      fputs("crosscheck entities: one FILE only\n", stderr);
      return 2;
    }
  }
  if (!conll || !path) {
    fputs("usage: crosscheck entities --conll FILE\n", stderr);
    return 2;
  }
  const xc_ner *m = xc_ner_default();
  if (!m) {
    fputs("crosscheck entities: no entity model in this build (run make model)\n", stderr);
    return 1;
  }
  lines_t L = {0};
  if (read_lines(path, &L) < 0) return 1;
  xc_buf out;
  xc_buf_init(&out);
  size_t a = 0;
  for (size_t i = 0; i <= L.n; i++) {
    const char *p;
    size_t n = i < L.n ? first_col(L.lines[i], &p) : 0;
    if (i == L.n || (n == 10 && !memcmp(p, "-DOCSTART-", 10))) {
      tag_doc(m, L.lines, a, i, &out);
      if (i < L.n) xc_buf_puts(&out, L.lines[i]), xc_buf_putc(&out, '\n');
      a = i + 1;
    }
    if (out.n > (1 << 20)) fwrite(out.p, 1, out.n, stdout), xc_buf_clear(&out);
  }
  fwrite(out.p ? out.p : "", 1, out.n, stdout);
  xc_buf_release(&out);
  for (size_t i = 0; i < L.n; i++) free(L.lines[i]);
  free(L.lines);
  return 0;
}

int xc_cmd_train_ner(int argc, char **argv) {
  const char *train = NULL, *dev = NULL, *out = NULL;
  int epochs = 15;
  for (int i = 1; i < argc; i++) {
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(argv[i], "--train") && v) train = v, i++;
    else if (!strcmp(argv[i], "--dev") && v) dev = v, i++;
    else if (!strcmp(argv[i], "-o") && v) out = v, i++;
    else if (!strcmp(argv[i], "--epochs") && v) epochs = atoi(v), i++;
    else {
      fputs("usage: crosscheck train-ner --train FILE --dev FILE [--epochs N] -o MODEL\n", stderr);
      return 2;
    }
  }
  if (!train || !dev || !out || epochs < 1) {
    fputs("usage: crosscheck train-ner --train FILE --dev FILE [--epochs N] -o MODEL\n", stderr);
    return 2;
  }
  xc_err err = {0};
  if (xc_ner_train(train, dev, epochs, out, stderr, &err) < 0) {
    fprintf(stderr, "crosscheck train-ner: %s\n", err.msg);
    return 1;
  }
  return 0;
}
