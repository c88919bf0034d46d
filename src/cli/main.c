/* main.c - the crosscheck command line: subcommand dispatch, help, and the
 * commands that work on files in memory (extract, analyze). The only code
 * that prints; exit status as in SPEC.md (0 ok, 1 some inputs rejected,
 * 2 usage). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "../../include/crosscheck.h"
#include "cli.h"

#define VERSION "0.1.0"

static const char usage_text[] =
    "usage: crosscheck COMMAND [OPTIONS] [PATH...]\n"
    "\n"
    "Turns news reports into cross-checked stories, offline.\n"
    "\n"
    "commands:\n"
    "  analyze [--json|--md|--html] PATH...\n"
    "                                  whole pipeline in memory; prints the\n"
    "                                  Markdown brief (default), JSON, or the\n"
    "                                  brief as one self-contained HTML page\n"
    "  extract PATH...                 clean text and metadata, JSON Lines\n"
    "  entities --conll FILE           named-entity tags for CoNLL lines\n"
    "  times --dct YYYY-MM-DD FILE     time expressions, resolved (JSON)\n"
    "  quotes FILE                     quotes and their speakers (JSON)\n"
    "  ingest [--db FILE] PATH...      add reports to the store (SQLite)\n"
    "  stories [--db FILE] [--json]    list stories in the store\n"
    "  story [--db FILE] ID [--format md|json|html]\n"
    "  search [--db FILE] QUERY        full-text search over the store\n"
    "  serve [--db FILE] [--listen 127.0.0.1:8080]\n"
    "\n"
    "PATH may be a file or a folder (read recursively). Formats are recognised\n"
    "by content: HTML, Markdown with YAML front matter, plain text.\n"
    "Run 'crosscheck COMMAND --help' for a command's options.\n";

static int usage(FILE *f, int status) {
  fputs(usage_text, f);
  return status;
}

static void report(const char *path, const char *reason) {
  fprintf(stderr, "crosscheck: %s: %s\n", path, reason);
}

/* ---- collecting inputs ---- */
typedef struct {
  xc_analysis *a;
  int failed;
  int stream;   /* extract: print each document as soon as it is read */
  xc_buf out;   /* stream: whole lines not yet written */
} collect_ctx;

/* Lines are written in batches of about this many bytes: a write per
 * document costs a system call each (1,400 on a folder of pages). */
#define OUT_BATCH 65536

/* Writes the pending lines (stdout is unbuffered: one write). */
static void flush_lines(collect_ctx *c) {
  if (c->out.n) fwrite(c->out.p, 1, c->out.n, stdout);
  xc_buf_clear(&c->out);
}

static void on_file(const char *path, void *vctx) {
  collect_ctx *c = vctx;
  xc_err err = {0};
  if (xc_analysis_add_file(c->a, path, &err) < 0) {
    flush_lines(c); /* keeps the lines before the report they precede */
    report(path, err.msg);
    c->failed++;
    return;
  }
  if (c->stream) { /* lines go out whole, a batch of them per write */
    xc_document *d = &c->a->docs[c->a->ndocs - 1];
    xc_brief_extract_line(d, &c->out); /* appends */
    xc_buf_putc(&c->out, '\n');
    if (c->out.n >= OUT_BATCH) flush_lines(c);
    /* streaming keeps memory flat: the document is not needed again */
    free(d->path);
    xc_extracted_release(&d->x);
    c->a->ndocs--;
  }
}

static void on_walk_error(const char *path, const char *reason, void *vctx) {
  collect_ctx *c = vctx;
  flush_lines(c);
  report(path, reason);
  c->failed++;
}

static int collect(collect_ctx *c, int argc, char **argv) {
  int n = 0;
  for (int i = 0; i < argc; i++) {
    xc_ingest_walk(argv[i], on_file, on_walk_error, c);
    n++;
  }
  return n;
}

static int want_help(int argc, char **argv) {
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) return 1;
  return 0;
}

/* ---- extract ---- */
static int cmd_extract(int argc, char **argv) {
  if (want_help(argc, argv)) {
    puts("usage: crosscheck extract PATH...\n\n"
         "Prints one JSON object per input document (JSON Lines): id, path,\n"
         "title, published, authors, site, publisher, language, format,\n"
         "canonical, tags, text.");
    return 0;
  }
  int first = 1;
  if (first < argc && strcmp(argv[first], "--") == 0) first++;
  if (first >= argc) {
    fputs("crosscheck extract: no input given\n", stderr);
    return 2;
  }
  for (int i = first; i < argc; i++)
    if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "crosscheck extract: unknown option %s\n", argv[i]);
      return 2;
    }
  /* lines go out whole, in batches (flush_lines): stdio's buffer would
   * split a long line over two writes */
  setvbuf(stdout, NULL, _IONBF, 0);
  collect_ctx c = {.a = xc_analysis_new(), .stream = 1};
  xc_buf_init(&c.out);
  collect(&c, argc - first, argv + first);
  flush_lines(&c);
  xc_buf_release(&c.out);
  xc_analysis_free(c.a);
  return c.failed ? 1 : 0;
}

/* ---- analyze ---- */
static int cmd_analyze(int argc, char **argv) {
  if (want_help(argc, argv)) {
    puts("usage: crosscheck analyze [--json|--md|--html] PATH...\n\n"
         "Runs the whole pipeline in memory over the files and folders given\n"
         "and prints the result: a Markdown brief (--md, the default), the\n"
         "JSON object described in SPEC.md (--json), or the brief as one\n"
         "self-contained HTML page (--html).");
    return 0;
  }
  enum { MD, JSON, HTML } form = MD;
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    if (strcmp(argv[i], "--json") == 0) form = JSON;
    else if (strcmp(argv[i], "--md") == 0) form = MD;
    else if (strcmp(argv[i], "--html") == 0) form = HTML;
    else if (strcmp(argv[i], "--") == 0) {
      i++;
      break;
    } else {
      fprintf(stderr, "crosscheck analyze: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  if (i >= argc) {
    fputs("crosscheck analyze: no input given\n", stderr);
    return 2;
  }
  collect_ctx c = {.a = xc_analysis_new()};
  collect(&c, argc - i, argv + i);
  xc_analysis_finish(c.a);
  xc_buf out;
  xc_buf_init(&out);
  if (form == JSON) xc_brief_json(c.a, &out, 1);
  else if (form == HTML) xc_brief_html(c.a, &out);
  else xc_brief_markdown(c.a, &out);
  fwrite(out.p ? out.p : "", 1, out.n, stdout);
  xc_buf_release(&out);
  xc_analysis_free(c.a);
  return c.failed ? 1 : 0;
}

/* Documents are read one after another, each allocating and freeing the
 * same few large buffers (the file, the parse tree, the records). glibc
 * would hand large blocks back to the kernel on every free and take them
 * again for the next document, a page fault per 4 KB each time; keeping
 * freed memory in the process reuses warm pages instead. */
static void tune_malloc(void) {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  /* the most glibc takes (64-bit) */
  mallopt(M_TRIM_THRESHOLD, 128 << 20); /* free memory kept at the top */
#endif
}

int main(int argc, char **argv) {
  tune_malloc();
  if (argc < 2) return usage(stderr, 2);
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
      strcmp(cmd, "help") == 0)
    return usage(stdout, 0);
  if (strcmp(cmd, "--version") == 0) {
    puts("crosscheck " VERSION);
    return 0;
  }
  if (strcmp(cmd, "extract") == 0) return cmd_extract(argc - 1, argv + 1);
  if (strcmp(cmd, "analyze") == 0) return cmd_analyze(argc - 1, argv + 1);
  if (strcmp(cmd, "entities") == 0) return xc_cmd_entities(argc - 1, argv + 1);
  if (strcmp(cmd, "train-ner") == 0) return xc_cmd_train_ner(argc - 1, argv + 1);
  if (strcmp(cmd, "times") == 0) return xc_cmd_times(argc - 1, argv + 1);
  if (strcmp(cmd, "quotes") == 0) return xc_cmd_quotes(argc - 1, argv + 1);
  if (strcmp(cmd, "ingest") == 0) return xc_cmd_ingest(argc - 1, argv + 1);
  if (strcmp(cmd, "stories") == 0) return xc_cmd_stories(argc - 1, argv + 1);
  if (strcmp(cmd, "story") == 0) return xc_cmd_story(argc - 1, argv + 1);
  if (strcmp(cmd, "search") == 0) return xc_cmd_search(argc - 1, argv + 1);
  if (strcmp(cmd, "serve") == 0) return xc_cmd_serve(argc - 1, argv + 1);
  fprintf(stderr, "crosscheck: unknown command '%s'\n", cmd);
  return usage(stderr, 2);
}
