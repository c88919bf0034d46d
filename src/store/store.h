/* store.h - the SQLite store behind ingest, stories, story, search and
 * serve: every report's input bytes and extracted text, its copy link and
 * story, each story's rendered brief (JSON, Markdown, HTML page) and
 * full-text search over reports, entities and quotes (FTS5). The only
 * module that includes sqlite3.h.
 *
 * Ingest runs in two steps, each safe to interrupt:
 *   1. xc_store_add per input: the report is read, extracted and stored
 *      as "not yet analysed", committed every `batch` reports;
 *   2. xc_store_update: when any report awaits analysis, the whole store
 *      goes through the pipeline again (copies, stories, cross-check) and
 *      the stories that changed are rewritten, in one transaction.
 * A kill during step 1 keeps every batch committed; a kill during step 2
 * leaves the store as before it, and the next ingest (with or without new
 * inputs) finishes the analysis. The same content twice is stored once. */
#ifndef XC_STORE_H
#define XC_STORE_H

#include <stddef.h>

#include "../../include/crosscheck.h"

typedef struct xc_store xc_store;

#define XC_STORE_SCHEMA 3 /* the schema version this build writes */

/* Opens the store at path (WAL journal, schema migrated to
 * XC_STORE_SCHEMA). create: 1 makes a missing file, 0 fails with
 * XC_ENOTFOUND; readonly: opens for reading only (no migration: an old
 * schema is an error). Returns 0 and *out (close with xc_store_close). */
int xc_store_open(const char *path, int create, int readonly, xc_store **out, xc_err *err);

/* xc_store_open, migrating no further than schema (tests of migrations). */
int xc_store_open_schema(const char *path, int create, int readonly, int schema, xc_store **out,
                         xc_err *err);

/* Commits what is pending and closes; NULL is fine. */
void xc_store_close(xc_store *st);

/* Reports per commit in step 1 (default 256). */
void xc_store_set_batch(xc_store *st, size_t n);

/* Called after each commit: point is "batch" (step 1; n: reports stored
 * so far by this store handle) or "stories" (step 2, before its commit;
 * n: stories written). For progress and for tests that kill the process
 * at a known point. */
typedef void (*xc_store_hook)(void *ctx, const char *point, size_t n);
void xc_store_set_hook(xc_store *st, xc_store_hook fn, void *ctx);

/* Step 1: stores the input path with bytes raw[0..n) (copied) when its
 * content is new. *added: 1 stored, 0 already in the store (same content,
 * any path). Returns 0, or a negative XC_E* with the reason in err: the
 * input was rejected (empty, binary, ...) or the store failed. */
int xc_store_add(xc_store *st, const char *path, const char *raw, size_t n, int *added,
                 xc_err *err);

/* Commits the reports added and not yet committed. */
int xc_store_flush(xc_store *st, xc_err *err);

/* What step 2 did. */
typedef struct xc_store_stats {
  size_t reports;    /* reports in the store */
  size_t analysed;   /* of them, newly analysed by this update */
  size_t stories;    /* stories in the store after it */
  size_t created;    /* stories that did not exist before */
  size_t changed;    /* existing stories whose brief changed */
  size_t merged;     /* stories gone (merged into another) */
} xc_store_stats;

/* Step 2: when reports await analysis, runs the pipeline over the whole
 * store and rewrites the stories that changed (progress: optional).
 * Nothing awaiting: nothing changes. Returns 0 or a negative XC_E*. */
int xc_store_update(xc_store *st, xc_progress_fn progress, void *ctx, xc_store_stats *out,
                    xc_err *err);

/* One line of the story list. */
typedef struct xc_story_row {
  char id[XC_ID_LEN + 1];
  char *title;
  char *date;       /* or NULL */
  size_t reports;   /* documents */
  size_t sources;   /* independent ones */
  size_t facts;     /* corroborated facts */
  size_t disputes;
  char *updated;    /* when the brief last changed (UTC, ISO 8601) */
} xc_story_row;

/* The stories, newest event first (undated last), more reports first.
 * offset/limit page through them (limit 0: all). *rows: caller frees with
 * xc_story_rows_free. */
int xc_store_stories(xc_store *st, size_t offset, size_t limit, xc_story_row **rows, size_t *n,
                     xc_err *err);
void xc_story_rows_free(xc_story_row *rows, size_t n);

/* The rows as a JSON array of objects (id, title, date, reports, sources,
 * facts, disputes, updated), appended to out. */
void xc_story_rows_json(const xc_story_row *rows, size_t n, xc_buf *out);

/* Number of stories and of reports in the store. */
int xc_store_counts(xc_store *st, size_t *stories, size_t *reports, xc_err *err);

/* Story id's brief in format "md", "json", "html" or "page" (the web's
 * story page fragment, xc_brief_story_page), appended to out. A
 * story merged into another is followed: now receives the id it has now
 * (id itself when it was not merged). XC_ENOTFOUND when no story had it. */
int xc_store_story(xc_store *st, const char *id, const char *format, xc_buf *out,
                   char now[XC_ID_LEN + 1], xc_err *err);

/* Document id as the JSON object of analyze --json's "documents". */
int xc_store_document(xc_store *st, const char *id, xc_buf *out, xc_err *err);

/* Document id's marks (its entity mentions, quotes and time expressions)
 * as a JSON array of [start, end, kind, label], appended to out ("[]"
 * when none are stored). */
int xc_store_document_marks(xc_store *st, const char *id, xc_buf *out, xc_err *err);

/* One search hit. */
typedef struct xc_hit {
  const char *kind; /* "document", "entity" or "quote" (static) */
  char *ref;        /* document id, entity name or quote speaker ("" unknown) */
  char *story;      /* the story it belongs to, or NULL */
  char *title;      /* document title, entity name or speaker */
  char *snippet;    /* the matching text, terms between open and close */
} xc_hit;

/* Full-text search: the words of query (every word must match; a word
 * ending in * matches as a prefix), best first, at most limit hits;
 * matched terms in snippets are wrapped in open/close (e.g. "<mark>",
 * "</mark>": the snippet text itself is not escaped). *hits: caller frees
 * with xc_hits_free. */
int xc_store_search(xc_store *st, const char *query, size_t limit, const char *open,
                    const char *close, xc_hit **hits, size_t *n, xc_err *err);
void xc_hits_free(xc_hit *hits, size_t n);

/* The hits as a JSON array of objects (kind, ref, story, title, snippet),
 * appended to out. */
void xc_hits_json(const xc_hit *hits, size_t n, xc_buf *out);

#endif
