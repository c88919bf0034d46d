/* cmd_quotes.c - `crosscheck quotes FILE`: the quotes of a plain-text file
 * and their speakers as a JSON array (SPEC.md). FILE is read as it is,
 * without extraction, so that every offset is a byte offset into FILE;
 * markup or menus in it are read as text. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ingest/ingest.h"
#include "../lang/lang.h"
#include "../quote/quote.h"
#include "cli.h"

static const char quotes_help[] =
    "usage: crosscheck quotes FILE\n\n"
    "Prints the quotes of the UTF-8 text FILE (read as it is: no extraction)\n"
    "as a JSON array of objects, in order of start:\n"
    "  start, end        byte offsets of the quoted words (end exclusive;\n"
    "                    quote marks excluded)\n"
    "  text              those words\n"
    "  speaker           the resolved name, or the description when no name\n"
    "                    exists (\"a senior official\"); null when unknown\n"
    "  speaker_start, speaker_end\n"
    "                    the words that give the speaker at this quote (a name,\n"
    "                    \"he\", \"the general\"); null when the speaker is carried\n"
    "                    over from an earlier quote\n"
    "  speaker_type      PER, ORG, LOC, MISC, or null for a description\n"
    "  cue               the reporting words (\"said\", \"according to\") or null\n"
    "  how               adjacent, sentence, previous, next, continued, none\n"
    "  indirect          true for a reported statement without quote marks\n"
    "                    (\"X said that ...\"); start/end then hold the statement\n";

/* Reads the whole file at path into *p, *n (caller frees). */
static int read_file(const char *path, char **p, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "crosscheck: %s: %s\n", path, strerror(errno));
    return -1;
  }
  xc_buf b;
  xc_buf_init(&b);
  char chunk[1 << 16];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (b.n + got > XC_INGEST_MAX_BYTES) {
      fclose(f);
      xc_buf_release(&b);
      fprintf(stderr, "crosscheck: %s: file too large\n", path);
      return -1;
    }
    xc_buf_put(&b, chunk, got);
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    xc_buf_release(&b);
    fprintf(stderr, "crosscheck: %s: read error\n", path);
    return -1;
  }
  *n = b.n;
  *p = xc_buf_detach(&b);
  return 0;
}

/* Binary content (an image, an archive) is refused the way extract does;
 * an empty or blank file simply has no quotes. */
static int refuse_binary(const char *path, const char *p, size_t n) {
  if (!n) return 0;
  xc_input in = {0};
  xc_err err = {0};
  int rc = xc_ingest_bytes(path, p, n, &in, &err);
  xc_input_release(&in);
  if (rc < 0 && rc != XC_EEMPTY && strstr(err.msg, "not text")) {
    fprintf(stderr, "crosscheck: %s: %s\n", path, err.msg);
    return -1;
  }
  return 0;
}

int xc_cmd_quotes(int argc, char **argv) {
  const char *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      fputs(quotes_help, stdout);
      return 0;
    }
    if (!strcmp(argv[i], "--") && i + 1 < argc && !path) {
      path = argv[++i];
    } else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "crosscheck quotes: unknown option %s\n", argv[i]);
      return 2;
    } else if (!path) {
      path = argv[i];
    } else {
      fputs("crosscheck quotes: one FILE only\n", stderr);
      return 2;
    }
  }
  if (!path) {
    fputs("usage: crosscheck quotes FILE\n", stderr);
    return 2;
  }
  char *text;
  size_t n;
  if (read_file(path, &text, &n) < 0) return 1;
  if (refuse_binary(path, text, n) < 0) {
    free(text);
    return 1;
  }
  xc_lang_doc d;
  xc_lang_doc_init(&d);
  xc_quotes qs;
  xc_quotes_init(&qs);
  int rc = xc_lang_analyze(text, n, NULL, &d);
  if (rc == 0) rc = xc_quote_find(text, n, &d, NULL, 0, &qs);
  if (rc < 0) {
    fprintf(stderr, "crosscheck: %s: %s\n", path, rc == XC_ELIMIT ? "file too large" : xc_err_name(rc));
    free(text);
    xc_lang_doc_release(&d);
    return 1;
  }
  xc_buf out;
  xc_buf_init(&out);
  xc_quotes_json(text, &qs, &out);
  fwrite(out.p, 1, out.n, stdout);
  xc_buf_release(&out);
  xc_quotes_release(&qs);
  xc_lang_doc_release(&d);
  free(text);
  return 0;
}
