/* cmd_times.c - `crosscheck times --dct YYYY-MM-DD FILE`: the time
 * expressions of a UTF-8 text file as a JSON array of {start, end, text,
 * type, value}, byte offsets into the file as it is (not decoded or
 * cleaned, so that the offsets point into the very bytes given). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/core.h"
#include "../time/timex.h"
#include "cli.h"

static const char times_usage[] =
    "usage: crosscheck times --dct YYYY-MM-DD FILE\n";

/* Reads all of path ("-" for stdin) into b; prints the reason and returns
 * -1 when it cannot. */
static int read_all(const char *path, xc_buf *b) {
  int is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "crosscheck: %s: %s\n", path, strerror(errno));
    return -1;
  }
  struct stat st;
  if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    fprintf(stderr, "crosscheck: %s: %s\n", path, strerror(EISDIR));
    fclose(f);
    return -1;
  }
  char chunk[1 << 16];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) xc_buf_put(b, chunk, got);
  int bad = ferror(f);
  int err = errno;
  if (!is_stdin) fclose(f);
  if (bad) {
    fprintf(stderr, "crosscheck: %s: %s\n", path, err ? strerror(err) : "read error");
    return -1;
  }
  return 0;
}

/* One object per line: the array stays readable and diffable. */
static void print_json(const char *text, const xc_timexv *tv, xc_buf *out) {
  xc_buf_puts(out, "[");
  for (size_t i = 0; i < tv->n; i++) {
    const xc_timex *x = &tv->v[i];
    xc_buf_printf(out, "%s\n  {\"start\": %u, \"end\": %u, \"text\": \"", i ? "," : "",
                  x->start, x->end);
    xc_json_escape(out, text + x->start, x->end - x->start);
    xc_buf_printf(out, "\", \"type\": \"%s\", \"value\": \"", xc_timex_type_name(x->type));
    xc_json_escape(out, x->value, strlen(x->value));
    xc_buf_puts(out, "\"}");
  }
  xc_buf_puts(out, tv->n ? "\n]\n" : "]\n");
}

int xc_cmd_times(int argc, char **argv) {
  const char *path = NULL, *dct_arg = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      fputs(times_usage, stdout);
      puts("\nPrints the time expressions of the UTF-8 text FILE (- for stdin) as a\n"
           "JSON array of {start, end, text, type, value}: byte offsets into FILE\n"
           "(end exclusive), the TimeML type (DATE, TIME, DURATION, SET) and value\n"
           "(2013-03-22, 2013-W12, P3D, PRESENT_REF, ...) resolved against the\n"
           "document creation date given with --dct.");
      return 0;
    }
    if (!strcmp(argv[i], "--dct")) {
      if (i + 1 >= argc) {
        fputs("crosscheck times: --dct needs a date (YYYY-MM-DD)\n", stderr);
        return 2;
      }
      dct_arg = argv[++i];
    } else if (!strncmp(argv[i], "--dct=", 6)) {
      dct_arg = argv[i] + 6;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "crosscheck times: unknown option %s\n", argv[i]);
      return 2;
    } else if (!path) {
      path = argv[i];
    } else {
      fputs("crosscheck times: one FILE only\n", stderr);
      return 2;
    }
  }
  if (!dct_arg || !path) {
    fputs(times_usage, stderr);
    return 2;
  }
  xc_date dct;
  if (xc_timex_parse_date(dct_arg, strlen(dct_arg), &dct) < 0) {
    fprintf(stderr, "crosscheck times: --dct %s is not a date (YYYY-MM-DD)\n", dct_arg);
    return 2;
  }
  xc_buf text;
  xc_buf_init(&text);
  if (read_all(path, &text) < 0) {
    xc_buf_release(&text);
    return 1;
  }
  xc_timexv tv;
  xc_timexv_init(&tv);
  int status = 0;
  if (xc_timex_tag(text.p ? text.p : "", text.n, &dct, &tv) < 0) {
    fprintf(stderr, "crosscheck: %s: too large\n", path);
    status = 1;
  } else {
    xc_buf out;
    xc_buf_init(&out);
    print_json(text.p ? text.p : "", &tv, &out);
    fwrite(out.p, 1, out.n, stdout);
    xc_buf_release(&out);
  }
  xc_timexv_release(&tv);
  xc_buf_release(&text);
  return status;
}
