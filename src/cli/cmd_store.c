/* cmd_store.c - the commands over the store (src/store): ingest, stories,
 * story, search. Ingest shows a progress bar when stderr is a terminal
 * (items per second and time left) and is quiet otherwise. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "http/http.h"
#include "store/store.h"

#define DEFAULT_DB "crosscheck.db"

static int usage_err(const char *cmd, const char *msg, const char *arg) {
  fprintf(stderr, "crosscheck %s: %s%s%s\n", cmd, msg, arg ? " " : "", arg ? arg : "");
  return 2;
}

static int is_help(const char *a) { return !strcmp(a, "--help") || !strcmp(a, "-h"); }

/* ---- progress bar ---- */

typedef struct {
  int on;           /* stderr is a terminal */
  double t0;        /* when the current stage began */
  const char *stage;
  double last;      /* last drawn */
} progress;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void draw(void *ctx, const char *stage, size_t done, size_t total) {
  progress *p = ctx;
  if (!p->on) return;
  double t = now_s();
  if (!p->stage || strcmp(p->stage, stage)) p->stage = stage, p->t0 = t, p->last = 0;
  if (done < total && t - p->last < 0.1) return;
  p->last = t;
  double el = t - p->t0, rate = el > 0 ? (double)done / el : 0;
  int width = 24, fill = total ? (int)((double)width * (double)done / (double)total) : width;
  char bar[32];
  for (int i = 0; i < width; i++) bar[i] = i < fill ? '#' : '.';
  bar[width] = 0;
  fprintf(stderr, "\r\033[K%-8s [%s] %zu/%zu", stage, bar, done, total);
  if (el > 0.2) fprintf(stderr, "  %.0f/s", rate); /* too soon to say before */
  if (done < total && el > 0.2 && rate > 0) fprintf(stderr, "  ETA %.0fs", (double)(total - done) / rate);
  if (done >= total) fputc('\n', stderr);
  fflush(stderr);
}

/* ---- ingest ---- */

typedef struct {
  char **v;
  size_t n, cap;
  int failed;
} path_list;

static void on_path(const char *path, void *ctx) {
  path_list *l = ctx;
  if (l->n == l->cap) l->cap = l->cap ? 2 * l->cap : 64, l->v = xc_xrealloc(l->v, l->cap * sizeof *l->v);
  l->v[l->n++] = xc_xstrdup(path);
}

static void on_walk_error(const char *path, const char *reason, void *ctx) {
  path_list *l = ctx;
  fprintf(stderr, "crosscheck: %s: %s\n", path, reason);
  l->failed++;
}

/* The file's bytes, as they are (the store keeps them so). */
static int read_raw(const char *path, char **out, size_t *n, xc_err *err) {
  FILE *f = fopen(path, "rb");
  if (!f) return xc_err_set(err, XC_EIO, "cannot read: %s", strerror(errno));
  xc_buf b;
  xc_buf_init(&b);
  char tmp[65536];
  size_t got;
  while ((got = fread(tmp, 1, sizeof tmp, f)) > 0) {
    if (b.n + got > XC_INGEST_MAX_BYTES) {
      fclose(f);
      xc_buf_release(&b);
      return xc_err_set(err, XC_ELIMIT, "larger than %zu MB", XC_INGEST_MAX_BYTES >> 20);
    }
    xc_buf_put(&b, tmp, got);
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    xc_buf_release(&b);
    return xc_err_set(err, XC_EIO, "read error");
  }
  *n = b.n;
  *out = b.n ? xc_buf_detach(&b) : (xc_buf_release(&b), xc_xstrdup(""));
  return 0;
}

/* XC_TEST_KILL=batch:N or =stories: the process kills itself (SIGKILL, as
 * kill -9 would) after the Nth committed batch, or once the stories are
 * written and before their commit. For the store's crash tests only. */
typedef struct {
  long kill_batch;
  int kill_stories;
} hook_ctx;

static void on_hook(void *ctx, const char *point, size_t n) {
  hook_ctx *h = ctx;
  static long batches;
  (void)n;
  if (!strcmp(point, "batch") && h->kill_batch > 0 && ++batches >= h->kill_batch) raise(SIGKILL);
  if (!strcmp(point, "stories") && h->kill_stories) raise(SIGKILL);
}

static const char ingest_help[] =
    "usage: crosscheck ingest [--db FILE] [--batch N] [--quiet] PATH...\n\n"
    "Adds the reports in the files and folders given to the store (default\n"
    "./crosscheck.db, made when missing), then brings its stories up to date:\n"
    "new reports join or bridge stories and the briefs that change are\n"
    "rewritten. Content already in the store (under any path) is skipped,\n"
    "so ingesting the same files again changes nothing. Reports are\n"
    "committed every N (--batch, default 256); an interrupted ingest keeps\n"
    "what it committed and the next one finishes the analysis. Prints what\n"
    "changed (--quiet: nothing); a progress bar when stderr is a terminal.\n"
    "With no PATH, only finishes the analysis an interrupted ingest left.\n";

int xc_cmd_ingest(int argc, char **argv) {
  const char *db = DEFAULT_DB;
  long batch = 256;
  int quiet = 0, i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    if (is_help(argv[i])) return fputs(ingest_help, stdout), 0;
    if (!strcmp(argv[i], "--db") && i + 1 < argc) db = argv[++i];
    else if (!strcmp(argv[i], "--batch") && i + 1 < argc) {
      batch = strtol(argv[++i], NULL, 10);
      if (batch <= 0) return usage_err("ingest", "--batch wants a positive number, not", argv[i]);
    } else if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) quiet = 1;
    else if (!strcmp(argv[i], "--")) {
      i++;
      break;
    } else return usage_err("ingest", "unknown option", argv[i]);
  }
  path_list l = {0};
  for (int k = i; k < argc; k++) xc_ingest_walk(argv[k], on_path, on_walk_error, &l);
  xc_err err = {0};
  xc_store *st;
  if (xc_store_open(db, 1, 0, &st, &err) < 0) {
    fprintf(stderr, "crosscheck: %s\n", err.msg);
    for (size_t k = 0; k < l.n; k++) free(l.v[k]);
    free(l.v);
    return 1;
  }
  progress bar = {.on = isatty(2) && !quiet};
  const char *kill = getenv("XC_TEST_KILL");
  hook_ctx hc = {kill && !strncmp(kill, "batch:", 6) ? strtol(kill + 6, NULL, 10) : 0,
                 kill && !strcmp(kill, "stories")};
  xc_store_set_hook(st, on_hook, &hc);
  xc_store_set_batch(st, (size_t)batch);
  size_t added = 0, present = 0;
  int failed = l.failed, fatal = 0;
  for (size_t k = 0; k < l.n && !fatal; k++) {
    char *raw;
    size_t n;
    int was_added = 0;
    int rc = read_raw(l.v[k], &raw, &n, &err);
    if (rc == 0) {
      rc = xc_store_add(st, l.v[k], raw, n, &was_added, &err);
      free(raw);
      fatal = rc == XC_EIO; /* the store failed, not the input */
    }
    if (rc < 0 && !fatal) {
      if (bar.on) fputs("\r\033[K", stderr);
      fprintf(stderr, "crosscheck: %s: %s\n", l.v[k], err.msg);
      failed++;
    }
    added += was_added;
    present += rc == 0 && !was_added;
    draw(&bar, "reading", k + 1, l.n);
  }
  xc_store_stats s = {0};
  if (fatal || xc_store_update(st, draw, &bar, &s, &err) < 0) {
    fprintf(stderr, "crosscheck: %s\n", err.msg);
    fatal = 1;
  }
  xc_store_close(st);
  for (size_t k = 0; k < l.n; k++) free(l.v[k]);
  free(l.v);
  if (fatal) return 1;
  if (!quiet)
    printf("%zu report%s added, %zu already in the store, %zu rejected; "
           "%zu stor%s: %zu new, %zu changed, %zu merged into others (%zu report%s in all)\n",
           added, added == 1 ? "" : "s", present, (size_t)failed, s.stories,
           s.stories == 1 ? "y" : "ies", s.created, s.changed, s.merged, s.reports,
           s.reports == 1 ? "" : "s");
  return failed ? 1 : 0;
}

/* ---- the reading commands ---- */

/* Parses [--db FILE] [--json] [--format F] [--limit N]; the rest goes to
 * rest[]. Returns -1 on a usage error (reported). */
typedef struct {
  const char *db, *format;
  int json;
  long limit;
  char **rest;
  int nrest;
} read_opts;

static int parse_read(const char *cmd, int argc, char **argv, read_opts *o, int takes_format) {
  o->db = DEFAULT_DB;
  o->rest = xc_xmalloc((size_t)(argc + 1) * sizeof *o->rest);
  o->nrest = 0;
  int opts = 1;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (opts && !strcmp(a, "--")) opts = 0;
    else if (opts && !strcmp(a, "--db") && i + 1 < argc) o->db = argv[++i];
    else if (opts && !strcmp(a, "--json")) o->json = 1;
    else if (opts && takes_format && !strcmp(a, "--format") && i + 1 < argc) o->format = argv[++i];
    else if (opts && !strcmp(a, "--limit") && i + 1 < argc) {
      o->limit = strtol(argv[++i], NULL, 10);
      if (o->limit <= 0) return usage_err(cmd, "--limit wants a positive number, not", argv[i]), -1;
    } else if (opts && a[0] == '-' && a[1]) return usage_err(cmd, "unknown option", a), -1;
    else o->rest[o->nrest++] = argv[i];
  }
  return 0;
}

static int open_read(const read_opts *o, xc_store **st) {
  xc_err err = {0};
  if (xc_store_open(o->db, 0, 1, st, &err) < 0) {
    fprintf(stderr, "crosscheck: %s\n", err.msg);
    return 1;
  }
  return 0;
}

static const char stories_help[] =
    "usage: crosscheck stories [--db FILE] [--json] [--limit N]\n\n"
    "Lists the store's stories, newest event first: id, event date, reports,\n"
    "independent sources, corroborated facts, disputes and title (--json:\n"
    "an array of objects with those fields and `updated`).\n";

int xc_cmd_stories(int argc, char **argv) {
  for (int i = 1; i < argc; i++)
    if (is_help(argv[i])) return fputs(stories_help, stdout), 0;
  read_opts o = {0};
  if (parse_read("stories", argc, argv, &o, 0) < 0) return free(o.rest), 2;
  if (o.nrest) {
    usage_err("stories", "unexpected argument", o.rest[0]);
    free(o.rest);
    return 2;
  }
  xc_store *st;
  if (open_read(&o, &st)) return free(o.rest), 1;
  xc_story_row *rows;
  size_t n;
  xc_err err = {0};
  int rc = xc_store_stories(st, 0, o.limit > 0 ? (size_t)o.limit : 0, &rows, &n, &err);
  if (rc < 0) {
    fprintf(stderr, "crosscheck: %s\n", err.msg);
    xc_store_close(st);
    free(o.rest);
    return 1;
  }
  xc_buf out;
  xc_buf_init(&out);
  if (o.json) {
    xc_story_rows_json(rows, n, &out);
    xc_buf_putc(&out, '\n');
  } else {
    xc_buf_printf(&out, "%-12s  %-10s  %7s  %7s  %5s  %8s  %s\n", "ID", "DATE", "REPORTS", "SOURCES",
                  "FACTS", "DISPUTES", "TITLE");
    for (size_t k = 0; k < n; k++)
      xc_buf_printf(&out, "%-12s  %-10s  %7zu  %7zu  %5zu  %8zu  %s\n", rows[k].id,
                    rows[k].date ? rows[k].date : "-", rows[k].reports, rows[k].sources,
                    rows[k].facts, rows[k].disputes, rows[k].title);
  }
  fwrite(out.p ? out.p : "", 1, out.n, stdout);
  xc_buf_release(&out);
  xc_story_rows_free(rows, n);
  xc_store_close(st);
  free(o.rest);
  return 0;
}

static const char story_help[] =
    "usage: crosscheck story [--db FILE] ID [--format md|json|html]\n\n"
    "Prints one story's cross-checked brief: Markdown (default), the JSON\n"
    "object of analyze --json holding that story and its reports, or one\n"
    "self-contained HTML page. A story merged into another since is found\n"
    "under its new id (said on stderr).\n";

int xc_cmd_story(int argc, char **argv) {
  for (int i = 1; i < argc; i++)
    if (is_help(argv[i])) return fputs(story_help, stdout), 0;
  read_opts o = {0};
  if (parse_read("story", argc, argv, &o, 1) < 0) return free(o.rest), 2;
  const char *format = o.format ? o.format : o.json ? "json" : "md";
  if (o.nrest != 1) return free(o.rest), usage_err("story", "wants one story id", NULL);
  if (strcmp(format, "md") && strcmp(format, "json") && strcmp(format, "html"))
    return free(o.rest), usage_err("story", "--format is md, json or html, not", format);
  xc_store *st;
  if (open_read(&o, &st)) return free(o.rest), 1;
  xc_buf out;
  xc_buf_init(&out);
  xc_err err = {0};
  char now[XC_ID_LEN + 1];
  int rc = xc_store_story(st, o.rest[0], format, &out, now, &err);
  if (rc < 0) fprintf(stderr, "crosscheck: %s\n", err.msg);
  else {
    if (strcmp(now, o.rest[0]))
      fprintf(stderr, "crosscheck: story %s was merged into %s\n", o.rest[0], now);
    fwrite(out.p ? out.p : "", 1, out.n, stdout);
  }
  xc_buf_release(&out);
  xc_store_close(st);
  free(o.rest);
  return rc < 0 ? 1 : 0;
}

static const char search_help[] =
    "usage: crosscheck search [--db FILE] [--json] [--limit N] QUERY...\n\n"
    "Full-text search over the store's reports (title and text), the\n"
    "entities and the quotes of its stories. Every word must match; word*\n"
    "matches a prefix; \"two words\" a phrase. Best first (at most N, default\n"
    "20): kind, the report id or entity or speaker, its story, and a snippet\n"
    "with the matched words in **bold**.\n";

int xc_cmd_search(int argc, char **argv) {
  for (int i = 1; i < argc; i++)
    if (is_help(argv[i])) return fputs(search_help, stdout), 0;
  read_opts o = {0};
  if (parse_read("search", argc, argv, &o, 0) < 0) return free(o.rest), 2;
  if (!o.nrest) return free(o.rest), usage_err("search", "no query given", NULL);
  xc_buf q;
  xc_buf_init(&q);
  for (int k = 0; k < o.nrest; k++) xc_buf_printf(&q, "%s%s", k ? " " : "", o.rest[k]);
  xc_store *st;
  if (open_read(&o, &st)) return xc_buf_release(&q), free(o.rest), 1;
  xc_hit *hits;
  size_t n;
  xc_err err = {0};
  int tty = isatty(1) && !o.json;
  int rc = xc_store_search(st, xc_buf_cstr(&q), o.limit > 0 ? (size_t)o.limit : 20,
                           tty ? "\033[1m" : "**", tty ? "\033[0m" : "**", &hits, &n, &err);
  if (rc < 0) fprintf(stderr, "crosscheck: %s\n", err.msg);
  else {
    xc_buf out;
    xc_buf_init(&out);
    if (o.json) {
      xc_hits_json(hits, n, &out);
      xc_buf_putc(&out, '\n');
    } else {
      for (size_t k = 0; k < n; k++) {
        xc_buf_printf(&out, "%-8s  %s  story %s  %s\n", hits[k].kind,
                      !strcmp(hits[k].kind, "document") ? hits[k].ref : "",
                      hits[k].story ? hits[k].story : "-", hits[k].title);
        /* the snippet on one line */
        xc_buf_puts(&out, "    ");
        for (const char *p = hits[k].snippet; *p; p++) xc_buf_putc(&out, *p == '\n' ? ' ' : *p);
        xc_buf_putc(&out, '\n');
      }
      if (!n) xc_buf_puts(&out, "no match\n");
    }
    fwrite(out.p ? out.p : "", 1, out.n, stdout);
    xc_buf_release(&out);
    xc_hits_free(hits, n);
  }
  xc_store_close(st);
  xc_buf_release(&q);
  free(o.rest);
  return rc < 0 ? 1 : 0;
}

static const char serve_help[] =
    "usage: crosscheck serve [--db FILE] [--listen HOST:PORT] [--threads N]\n\n"
    "Serves the store's stories as web pages and a JSON API, on 127.0.0.1:8080\n"
    "unless told otherwise (port 0: any free port; the address is said on\n"
    "stderr). Pages: / (stories), /stories/ID, /documents/ID, /search?q=.\n"
    "API: /api/stories, /api/stories/ID, /api/documents/ID, /api/search?q=.\n"
    "Stops on Ctrl-C or SIGTERM.\n";

int xc_cmd_serve(int argc, char **argv) {
  xc_http_opts o = {DEFAULT_DB, "127.0.0.1:8080", 0};
  for (int i = 1; i < argc; i++) {
    if (is_help(argv[i])) return fputs(serve_help, stdout), 0;
    if (!strcmp(argv[i], "--db") && i + 1 < argc) o.db = argv[++i];
    else if (!strcmp(argv[i], "--listen") && i + 1 < argc) o.listen = argv[++i];
    else if (!strcmp(argv[i], "--threads") && i + 1 < argc) {
      long t = strtol(argv[++i], NULL, 10);
      if (t <= 0 || t > 256) return usage_err("serve", "--threads wants 1 to 256, not", argv[i]);
      o.threads = (unsigned)t;
    } else return usage_err("serve", "unknown argument", argv[i]);
  }
  xc_err err = {0};
  if (xc_http_serve(&o, &err) < 0) {
    fprintf(stderr, "crosscheck: %s\n", err.msg);
    return err.code == XC_EINVAL ? 2 : 1;
  }
  return 0;
}
