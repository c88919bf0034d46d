/* store.c - the SQLite store (store.h): schema and migrations, the two
 * ingest steps, and the reads behind stories, story, search and serve.
 * Follows SQLite's own advice for an application file: WAL journal, one
 * transaction per batch, prepared statements, FTS5 external-content tables
 * kept in step by triggers. */
#include "store/store.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

struct xc_store {
  sqlite3 *db;
  char *path;
  int readonly;
  int in_tx;        /* a step-1 transaction is open */
  size_t pending;   /* reports added in it */
  size_t batch;     /* reports per commit */
  size_t stored;    /* reports stored by this handle */
  xc_store_hook hook;
  void *hook_ctx;
  struct {
    const char *sql; /* by address: static strings only */
    sqlite3_stmt *q;
  } cache[16]; /* the reads' statements, prepared once (serve asks them often) */
};

/* ---- schema ---- */

/* MIGRATIONS[v] takes a store from schema v to v + 1. Append, never edit:
 * stores made by earlier builds run the steps they lack. */
static const char *const MIGRATIONS[] = {
    /* 0 -> 1 */
    "CREATE TABLE documents("
    "  seq INTEGER PRIMARY KEY,"          /* ingest order */
    "  id TEXT NOT NULL UNIQUE,"          /* from the content */
    "  path TEXT NOT NULL,"
    "  raw_len INTEGER NOT NULL,"
    "  analysed INTEGER NOT NULL DEFAULT 0,"
    "  format TEXT, title TEXT, published TEXT, authors TEXT," /* authors, tags: JSON */
    "  site TEXT, credit TEXT,"           /* credit: the outlet the page itself credits */
    "  language TEXT, canonical TEXT, description TEXT, tags TEXT,"
    "  copy_of TEXT, story TEXT, publisher TEXT," /* publisher: credit, or the original's */
    "  added TEXT NOT NULL);"
    "CREATE INDEX documents_story ON documents(story);"
    "CREATE INDEX documents_waiting ON documents(analysed) WHERE analysed = 0;"
    /* the large parts apart, so that a report's small row is cheap to
     * rewrite: its text (and title, for search) and its input bytes */
    "CREATE TABLE bodies(seq INTEGER PRIMARY KEY, title TEXT, text TEXT NOT NULL,"
    "  raw BLOB NOT NULL);"               /* raw: the input bytes, zlib */
    "CREATE TABLE signatures(seq INTEGER PRIMARY KEY, sig BLOB NOT NULL);" /* packed */
    "CREATE TABLE stories("
    "  id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT,"
    "  reports INTEGER NOT NULL, sources INTEGER NOT NULL,"
    "  facts INTEGER NOT NULL, disputes INTEGER NOT NULL,"
    "  related TEXT NOT NULL,"            /* related story ids, sorted, space-separated */
    "  json TEXT NOT NULL, md TEXT NOT NULL, html TEXT NOT NULL,"
    "  hash TEXT NOT NULL, updated TEXT NOT NULL);"
    "CREATE INDEX stories_order ON stories(date DESC, reports DESC);"
    /* build: the analysis that wrote the briefs (XC_BUILD_ID) */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    /* a story merged into another: where its reports went */
    "CREATE TABLE story_moves(old TEXT PRIMARY KEY, new TEXT NOT NULL);"
    /* what search finds besides documents: a story's entities, quotes */
    "CREATE TABLE story_items("
    "  rowid INTEGER PRIMARY KEY, story TEXT NOT NULL, kind TEXT NOT NULL,"
    "  ref TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL);"
    "CREATE INDEX story_items_story ON story_items(story);"
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='bodies',"
    "  content_rowid='seq', tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER bodies_ai AFTER INSERT ON bodies BEGIN"
    "  INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);"
    "END;"
    "CREATE TRIGGER bodies_ad AFTER DELETE ON bodies BEGIN"
    "  INSERT INTO documents_fts(documents_fts, rowid, title, text)"
    "  VALUES ('delete', old.seq, old.title, old.text);"
    "END;"
    "CREATE TRIGGER bodies_au AFTER UPDATE OF title, text ON bodies BEGIN"
    "  INSERT INTO documents_fts(documents_fts, rowid, title, text)"
    "  VALUES ('delete', old.seq, old.title, old.text);"
    "  INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);"
    "END;"
    "CREATE VIRTUAL TABLE items_fts USING fts5(title, body, content='story_items',"
    "  content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER items_ai AFTER INSERT ON story_items BEGIN"
    "  INSERT INTO items_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);"
    "END;"
    "CREATE TRIGGER items_ad AFTER DELETE ON story_items BEGIN"
    "  INSERT INTO items_fts(items_fts, rowid, title, body)"
    "  VALUES ('delete', old.rowid, old.title, old.body);"
    "END;",
    /* 1 -> 2: the web's pages: a story's page fragment, a report's marks
     * (mentions, quotes, times); briefs are made again to fill them */
    "ALTER TABLE stories ADD COLUMN page TEXT NOT NULL DEFAULT '';"
    /* the story list's order, read straight off an index */
    "DROP INDEX stories_order;"
    "CREATE INDEX stories_list ON stories(date DESC, reports DESC, id);"
    "CREATE TABLE marks(seq INTEGER PRIMARY KEY, json TEXT NOT NULL);"
    "DELETE FROM meta WHERE key = 'build';",
    /* 2 -> 3: a story's briefs apart from its row, so that the story list
     * reads small rows; the web's page first among them, as a column after
     * large ones is read by walking their overflow pages */
    "CREATE TABLE briefs(id TEXT PRIMARY KEY, page TEXT NOT NULL, json TEXT NOT NULL,"
    "  md TEXT NOT NULL, html TEXT NOT NULL);"
    "INSERT INTO briefs SELECT id, page, json, md, html FROM stories;"
    "ALTER TABLE stories DROP COLUMN json;"
    "ALTER TABLE stories DROP COLUMN md;"
    "ALTER TABLE stories DROP COLUMN html;"
    "ALTER TABLE stories DROP COLUMN page;",
};
#define NMIGRATIONS (sizeof MIGRATIONS / sizeof *MIGRATIONS)

static int db_fail(xc_store *st, xc_err *err, const char *what) {
  return xc_err_set(err, XC_EIO, "%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
}

static int exec(xc_store *st, const char *sql, xc_err *err) {
  char *msg = NULL;
  if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
  int rc = xc_err_set(err, XC_EIO, "%s: %s", st->path, msg ? msg : "sqlite error");
  sqlite3_free(msg);
  return rc;
}

static int prepare(xc_store *st, const char *sql, sqlite3_stmt **q, xc_err *err) {
  if (sqlite3_prepare_v2(st->db, sql, -1, q, NULL) == SQLITE_OK) return 0;
  return db_fail(st, err, "query");
}

/* A read's statement, prepared on first use and kept: give it back with
 * release() (reset, bindings cleared), never finalize it. */
static int prepare_kept(xc_store *st, const char *sql, sqlite3_stmt **q, xc_err *err) {
  size_t k, n = sizeof st->cache / sizeof *st->cache;
  for (k = 0; k < n && st->cache[k].sql; k++)
    if (st->cache[k].sql == sql) {
      *q = st->cache[k].q;
      return 0;
    }
  if (prepare(st, sql, q, err)) return XC_EIO;
  if (k < n) st->cache[k].sql = sql, st->cache[k].q = *q;
  return 0;
}

/* Gives back a statement from prepare_kept (finalized when it was not
 * kept: the cache was full). */
static void release(xc_store *st, sqlite3_stmt *q) {
  for (size_t k = 0; k < sizeof st->cache / sizeof *st->cache && st->cache[k].sql; k++)
    if (st->cache[k].q == q) {
      sqlite3_reset(q);
      sqlite3_clear_bindings(q);
      return;
    }
  sqlite3_finalize(q);
}

static int user_version(xc_store *st, int *v, xc_err *err) {
  sqlite3_stmt *q;
  if (prepare(st, "PRAGMA user_version", &q, err)) return XC_EIO;
  *v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
  sqlite3_finalize(q);
  return 0;
}

/* Brings the schema to version `to` (XC_STORE_SCHEMA but in tests), one
 * transaction per step. */
static int migrate(xc_store *st, int to, xc_err *err) {
  int v;
  if (user_version(st, &v, err)) return XC_EIO;
  if (v > (int)NMIGRATIONS)
    return xc_err_set(err, XC_EFORMAT, "%s: made by a newer crosscheck (schema %d, this one reads %d)",
                      st->path, v, (int)NMIGRATIONS);
  if (v < to && st->readonly)
    return xc_err_set(err, XC_EFORMAT, "%s: schema %d is old: run crosscheck ingest on it to upgrade",
                      st->path, v);
  for (; v < to; v++) {
    char set[64];
    snprintf(set, sizeof set, "PRAGMA user_version = %d;", v + 1);
    if (exec(st, "BEGIN IMMEDIATE", err)) return XC_EIO;
    if (exec(st, MIGRATIONS[v], err) || exec(st, set, err)) {
      sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
      return XC_EIO;
    }
    if (exec(st, "COMMIT", err)) return XC_EIO;
  }
  return 0;
}

int xc_store_open(const char *path, int create, int readonly, xc_store **out, xc_err *err) {
  return xc_store_open_schema(path, create, readonly, XC_STORE_SCHEMA, out, err);
}

int xc_store_open_schema(const char *path, int create, int readonly, int schema, xc_store **out,
                         xc_err *err) {
  *out = NULL;
  xc_store *st = xc_xcalloc(1, sizeof *st);
  st->path = xc_xstrdup(path);
  st->readonly = readonly;
  st->batch = 256;
  int flags = readonly ? SQLITE_OPEN_READONLY
                       : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    rc = rc == SQLITE_CANTOPEN && !create
             ? xc_err_set(err, XC_ENOTFOUND, "%s: no store there (crosscheck ingest makes one)", path)
             : xc_err_set(err, XC_EIO, "%s: %s", path, st->db ? sqlite3_errmsg(st->db) : "cannot open");
    goto fail;
  }
  sqlite3_busy_timeout(st->db, 10000); /* another process writing: wait */
  if (!readonly && exec(st, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;", err)) {
    rc = XC_EIO;
    goto fail;
  }
  /* a file that is not a SQLite database fails on its first read */
  if ((rc = migrate(st, schema < (int)NMIGRATIONS ? schema : (int)NMIGRATIONS, err)) < 0) goto fail;
  *out = st;
  return 0;
fail:
  xc_store_close(st);
  return rc < 0 ? rc : XC_EIO;
}

void xc_store_close(xc_store *st) {
  if (!st) return;
  if (st->in_tx) {
    xc_err err;
    xc_store_flush(st, &err);
  }
  for (size_t k = 0; k < sizeof st->cache / sizeof *st->cache; k++) sqlite3_finalize(st->cache[k].q);
  sqlite3_close_v2(st->db);
  free(st->path);
  free(st);
}

void xc_store_set_batch(xc_store *st, size_t n) { st->batch = n ? n : 1; }

void xc_store_set_hook(xc_store *st, xc_store_hook fn, void *ctx) {
  st->hook = fn;
  st->hook_ctx = ctx;
}

/* Now, UTC, ISO 8601 to the second. */
static void now_iso(char out[32]) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- step 1: add ---- */

static void bind_text(sqlite3_stmt *q, int i, const char *s) {
  if (s) sqlite3_bind_text(q, i, s, -1, SQLITE_TRANSIENT);
  else sqlite3_bind_null(q, i);
}

static void strv_json(const xc_strv *v, xc_buf *out) {
  xc_json j;
  xc_buf_clear(out);
  xc_json_init(&j, out, 0);
  xc_json_strv(&j, v);
}

static int has_document(xc_store *st, const char *id, int *has, xc_err *err) {
  sqlite3_stmt *q;
  static const char sql[] = "SELECT 1 FROM documents WHERE id = ?";
  if (prepare_kept(st, sql, &q, err)) return XC_EIO;
  sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(q);
  release(st, q);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(st, err, "lookup");
  *has = rc == SQLITE_ROW;
  return 0;
}

int xc_store_flush(xc_store *st, xc_err *err) {
  if (!st->in_tx) return 0;
  st->in_tx = 0;
  if (exec(st, "COMMIT", err)) {
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    st->pending = 0;
    return XC_EIO;
  }
  st->stored += st->pending;
  st->pending = 0;
  if (st->hook) st->hook(st->hook_ctx, "batch", st->stored);
  return 0;
}

/* The extracted fields, in the order of EXTRACTED_COLUMNS, bound from
 * parameter i on. */
#define EXTRACTED_COLUMNS \
  "format, title, published, authors, site, credit, language, canonical, description, tags"
#define EXTRACTED_COLUMNS_D                                                                \
  "d.format, d.title, d.published, d.authors, d.site, d.credit, d.language, d.canonical," \
  " d.description, d.tags"
#define NEXTRACTED 10

static void bind_extracted(sqlite3_stmt *q, int i, const xc_document *d, const char *credit,
                           xc_buf *tmp) {
  bind_text(q, i, d->format);
  bind_text(q, i + 1, d->x.title);
  bind_text(q, i + 2, d->x.published);
  strv_json(&d->x.authors, tmp);
  bind_text(q, i + 3, xc_buf_cstr(tmp));
  bind_text(q, i + 4, d->x.site);
  bind_text(q, i + 5, credit); /* what the page credits, before copies are known */
  bind_text(q, i + 6, d->x.language);
  bind_text(q, i + 7, d->x.canonical);
  bind_text(q, i + 8, d->x.description);
  strv_json(&d->x.tags, tmp);
  bind_text(q, i + 9, xc_buf_cstr(tmp));
}

/* Runs q (a one-row write) and finalizes it. */
static int step_done(xc_store *st, sqlite3_stmt *q, const char *what, xc_err *err) {
  int rc = sqlite3_step(q) == SQLITE_DONE ? 0 : db_fail(st, err, what);
  sqlite3_finalize(q);
  return rc;
}

int xc_store_add(xc_store *st, const char *path, const char *raw, size_t n, int *added,
                 xc_err *err) {
  *added = 0;
  if (st->readonly) return xc_err_set(err, XC_EINVAL, "%s: opened read-only", st->path);
  /* content already stored: known from its id, without extracting it */
  char id[XC_ID_LEN + 1];
  int rc = xc_content_id(path, raw, n, id, err), has = 0;
  if (rc < 0) return rc;
  if (!st->in_tx) {
    if ((rc = exec(st, "BEGIN IMMEDIATE", err)) < 0) return rc;
    st->in_tx = 1;
  }
  if ((rc = has_document(st, id, &has, err)) < 0 || has) return rc < 0 ? rc : 0;
  /* extract now: a rejected input is reported here and never stored */
  xc_analysis *a = xc_analysis_new();
  if ((rc = xc_analysis_add_bytes(a, path, raw, n, err)) < 0) {
    xc_analysis_free(a);
    return rc;
  }
  const xc_document *d = &a->docs[0];
  sqlite3_stmt *q = NULL;
  xc_buf tmp;
  xc_buf_init(&tmp);
  unsigned char *z = NULL;
  uLongf zn = compressBound((uLong)n);
  z = xc_xmalloc(zn ? zn : 1);
  if (compress2(z, &zn, (const Bytef *)raw, (uLong)n, 6) != Z_OK) {
    rc = xc_err_set(err, XC_EIO, "%s: cannot compress", path);
    goto done;
  }
  if ((rc = prepare(st,
                    "INSERT INTO documents(id, path, raw_len, added, publisher, " EXTRACTED_COLUMNS
                    ") VALUES (?,?,?,?,?, ?,?,?,?,?,?,?,?,?,?)",
                    &q, err)) < 0)
    goto done;
  char now[32];
  now_iso(now);
  bind_text(q, 1, d->id);
  bind_text(q, 2, path);
  sqlite3_bind_int64(q, 3, (sqlite3_int64)n);
  bind_text(q, 4, now);
  bind_text(q, 5, d->x.publisher);
  bind_extracted(q, 6, d, d->x.publisher, &tmp);
  rc = step_done(st, q, "insert", err);
  q = NULL;
  if (rc < 0 || (rc = prepare(st, "INSERT INTO bodies(seq, title, text, raw) VALUES (?,?,?,?)", &q,
                              err)) < 0)
    goto done;
  sqlite3_bind_int64(q, 1, sqlite3_last_insert_rowid(st->db));
  bind_text(q, 2, d->x.title);
  bind_text(q, 3, d->x.text);
  sqlite3_bind_blob(q, 4, z, (int)zn, SQLITE_STATIC);
  rc = step_done(st, q, "insert", err);
  q = NULL;
  if (rc < 0) goto done;
  *added = 1;
  if (++st->pending >= st->batch) rc = xc_store_flush(st, err);
done:
  sqlite3_finalize(q);
  free(z);
  xc_buf_release(&tmp);
  xc_analysis_free(a);
  return rc < 0 ? rc : 0;
}

/* ---- step 2: update ---- */

/* The analysis that writes the briefs: a checksum of the library's sources,
 * data and model (Makefile). A store written by another build is analysed
 * again in full (extraction included) at its next update. */
#ifndef XC_BUILD_ID
#define XC_BUILD_ID "dev"
#endif

/* One stored report as read back for the analysis. */
typedef struct {
  char id[XC_ID_LEN + 1];
  sqlite3_int64 seq;
  char *old_story; /* before this update; NULL when never analysed */
  char *old_copy;
  char *old_publisher;
  char *credit;    /* the outlet the page credits, as extracted */
  int analysed;
  void *sig;       /* its packed signature (cached mode), or NULL */
  size_t nsig;
  int new_sig;     /* sig was made by this update: write it */
} stored_doc;

/* An old story and what the keep decision needs of it. */
typedef struct {
  const char *id;
  char *related; /* as stored */
  size_t reports;
} old_story;

/* The update in progress: the store, its reports, the mode. */
typedef struct {
  xc_store *st;
  stored_doc *sd;
  size_t nsd;
  old_story *old; /* sorted by id */
  size_t nold;
  int full;       /* another build wrote the store: everything again */
  int rc;         /* the first failure inside a callback */
  xc_err *err;
} update_ctx;

static int inflate_raw(const void *z, size_t zn, size_t n, char **out) {
  char *p = xc_xmalloc(n + 1);
  uLongf got = (uLongf)n;
  if (uncompress((Bytef *)p, &got, z, (uLong)zn) != Z_OK || got != n) {
    free(p);
    return -1;
  }
  *out = p;
  return 0;
}

static int meta_get(xc_store *st, const char *key, char *out, size_t cap, xc_err *err) {
  sqlite3_stmt *q;
  out[0] = 0;
  if (prepare(st, "SELECT value FROM meta WHERE key = ?", &q, err)) return XC_EIO;
  sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step(q) == SQLITE_ROW) snprintf(out, cap, "%s", sqlite3_column_text(q, 0));
  sqlite3_finalize(q);
  return 0;
}

static int meta_set(xc_store *st, const char *key, const char *value, xc_err *err) {
  sqlite3_stmt *q;
  if (prepare(st, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", &q, err)) return XC_EIO;
  sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text(q, 2, value, -1, SQLITE_STATIC);
  int rc = sqlite3_step(q) == SQLITE_DONE ? 0 : db_fail(st, err, "meta");
  sqlite3_finalize(q);
  return rc;
}

/* A JSON array of strings as stored (authors, tags) into v. */
static void strv_from_json(const char *s, xc_strv *v) {
  json_error_t e;
  json_t *j = s ? json_loads(s, 0, &e) : NULL;
  size_t i;
  json_t *x;
  if (json_is_array(j))
    json_array_foreach(j, i, x) if (json_is_string(x)) xc_strv_push(v, json_string_value(x));
  json_decref(j);
}

static const char *col_text(sqlite3_stmt *q, int i) { return (const char *)sqlite3_column_text(q, i); }

static char *col_dup(sqlite3_stmt *q, int i) {
  return sqlite3_column_type(q, i) == SQLITE_NULL ? NULL : xc_xstrdup(col_text(q, i));
}

/* Reads every stored report into a, in ingest order: as stored (cached
 * mode), or extracted again from its bytes (full mode). */
static int load_all(update_ctx *u, xc_analysis *a) {
  xc_store *st = u->st;
  xc_err *err = u->err;
  sqlite3_stmt *q;
  /* the input bytes only when they are extracted again */
  if (prepare(st,
              u->full ? "SELECT d.id, d.path, b.raw, d.raw_len, d.analysed, d.story, d.copy_of,"
                        " d.publisher, NULL, d.seq FROM documents d JOIN bodies b USING (seq)"
                        " ORDER BY d.seq"
                      : "SELECT d.id, d.path, NULL, d.raw_len, d.analysed, d.story, d.copy_of,"
                        " d.publisher, s.sig, d.seq, " EXTRACTED_COLUMNS_D ", b.text"
                        " FROM documents d JOIN bodies b USING (seq)"
                        " LEFT JOIN signatures s USING (seq) ORDER BY d.seq",
              &q, err))
    return XC_EIO;
  size_t cap = 0;
  int rc = 0, step;
  while ((step = sqlite3_step(q)) == SQLITE_ROW) {
    const char *id = col_text(q, 0), *path = col_text(q, 1);
    if (u->full) {
      char *raw;
      if (inflate_raw(sqlite3_column_blob(q, 2), (size_t)sqlite3_column_bytes(q, 2),
                      (size_t)sqlite3_column_int64(q, 3), &raw) < 0) {
        rc = xc_err_set(err, XC_EIO, "%s: report %s (%s): stored bytes are damaged", st->path, id,
                        path);
        break;
      }
      xc_err e2;
      int added = xc_analysis_add_bytes(a, path, raw, (size_t)sqlite3_column_int64(q, 3), &e2);
      free(raw);
      if (added < 0) { /* this build rejects what an earlier one took */
        rc = xc_err_set(err, XC_EFORMAT, "%s: report %s (%s): %s", st->path, id, path, e2.msg);
        break;
      }
      /* the store's id is the report's identity, whatever this build hashes */
      snprintf(a->docs[a->ndocs - 1].id, XC_ID_LEN + 1, "%s", id);
    } else {
      const int c = 10; /* EXTRACTED_COLUMNS start here, then the text */
      xc_extracted x;
      memset(&x, 0, sizeof x);
      x.title = (char *)col_text(q, c + 1);
      x.published = (char *)col_text(q, c + 2);
      strv_from_json(col_text(q, c + 3), &x.authors);
      x.site = (char *)col_text(q, c + 4);
      x.publisher = (char *)col_text(q, c + 5);
      x.language = (char *)col_text(q, c + 6);
      x.canonical = (char *)col_text(q, c + 7);
      x.description = (char *)col_text(q, c + 8);
      strv_from_json(col_text(q, c + 9), &x.tags);
      x.text = (char *)col_text(q, c + NEXTRACTED);
      xc_analysis_add_extracted(a, id, path, col_text(q, c), &x);
      xc_strv_release(&x.authors);
      xc_strv_release(&x.tags);
    }
    if (u->nsd == cap) cap = cap ? 2 * cap : 256, u->sd = xc_xrealloc(u->sd, cap * sizeof *u->sd);
    stored_doc *s = &u->sd[u->nsd++];
    memset(s, 0, sizeof *s);
    snprintf(s->id, sizeof s->id, "%s", id);
    s->seq = sqlite3_column_int64(q, 9);
    s->analysed = sqlite3_column_int(q, 4);
    s->old_story = col_dup(q, 5);
    s->old_copy = col_dup(q, 6);
    s->old_publisher = col_dup(q, 7);
    const char *credit = a->docs[a->ndocs - 1].x.publisher;
    s->credit = credit ? xc_xstrdup(credit) : NULL;
    if (!u->full && sqlite3_column_type(q, 8) == SQLITE_BLOB) {
      s->nsig = (size_t)sqlite3_column_bytes(q, 8);
      s->sig = xc_xmalloc(s->nsig ? s->nsig : 1);
      memcpy(s->sig, sqlite3_column_blob(q, 8), s->nsig);
    }
  }
  if (!rc && step != SQLITE_DONE) rc = db_fail(st, err, "read");
  sqlite3_finalize(q);
  return rc;
}

static void free_stored(update_ctx *u) {
  for (size_t i = 0; i < u->nsd; i++) {
    stored_doc *s = &u->sd[i];
    free(s->old_story), free(s->old_copy), free(s->old_publisher), free(s->credit), free(s->sig);
  }
  free(u->sd);
  for (size_t i = 0; i < u->nold; i++) free((char *)u->old[i].id), free(u->old[i].related);
  free(u->old);
}

static int old_cmp(const void *x, const void *y) {
  return strcmp(((const old_story *)x)->id, ((const old_story *)y)->id);
}

static old_story *find_old(const update_ctx *u, const char *id) {
  old_story key = {id, NULL, 0};
  if (!u->nold) return NULL;
  return bsearch(&key, u->old, u->nold, sizeof *u->old, old_cmp);
}

/* The stories as stored: ids, related ids, report counts. */
static int load_old(update_ctx *u) {
  sqlite3_stmt *q;
  if (prepare(u->st, "SELECT id, related, reports FROM stories ORDER BY id", &q, u->err))
    return XC_EIO;
  size_t cap = 0;
  while (sqlite3_step(q) == SQLITE_ROW) {
    if (u->nold == cap) cap = cap ? 2 * cap : 64, u->old = xc_xrealloc(u->old, cap * sizeof *u->old);
    u->old[u->nold++] = (old_story){xc_xstrdup(col_text(q, 0)), xc_xstrdup(col_text(q, 1)),
                                    (size_t)sqlite3_column_int64(q, 2)};
  }
  sqlite3_finalize(q);
  if (u->nold) qsort(u->old, u->nold, sizeof *u->old, old_cmp); /* SQLite's order is not strcmp's */
  return 0;
}

/* An old story id and a new story that holds count of its reports. */
typedef struct {
  const char *old;
  size_t story, count, first; /* first: the old story's earliest report */
} claim;

typedef struct {
  const char *old;
  size_t story, doc;
} pair;

static int pair_cmp(const void *x, const void *y) {
  const pair *a = x, *b = y;
  int c = strcmp(a->old, b->old);
  if (c) return c;
  if (a->story != b->story) return a->story < b->story ? -1 : 1;
  return a->doc < b->doc ? -1 : a->doc > b->doc;
}

static int claim_cmp(const void *x, const void *y) {
  const claim *a = x, *b = y;
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  if (a->first != b->first) return a->first < b->first ? -1 : 1;
  return a->story < b->story ? -1 : a->story > b->story;
}

/* Where the old stories' reports are now: one claim per (old story, new
 * story) holding some of them, grouped by old story (ascending id), new
 * stories ascending within. Returns how many; *out: caller frees. */
static size_t old_to_new(const xc_analysis *a, const stored_doc *sd, claim **out) {
  size_t n = 0, nc = 0;
  pair *p = xc_xmalloc((a->ndocs ? a->ndocs : 1) * sizeof *p);
  for (size_t i = 0; i < a->ndocs; i++)
    if (sd[i].old_story) p[n++] = (pair){sd[i].old_story, (size_t)a->docs[i].story, i};
  qsort(p, n, sizeof *p, pair_cmp);
  claim *c = xc_xmalloc((n ? n : 1) * sizeof *c);
  for (size_t i = 0, first = 0; i < n; i++) {
    if (!i || strcmp(p[i].old, p[i - 1].old)) {
      first = p[i].doc; /* the old story's earliest report, over its runs */
      for (size_t k = i; k < n && !strcmp(p[k].old, p[i].old); k++)
        if (p[k].doc < first) first = p[k].doc;
    }
    if (i && !strcmp(p[i].old, p[i - 1].old) && p[i].story == p[i - 1].story) c[nc - 1].count++;
    else c[nc++] = (claim){p[i].old, p[i].story, 1, first};
  }
  free(p);
  *out = c;
  return nc;
}

static int id_taken(xc_store *st, const char *id, int *taken, xc_err *err) {
  sqlite3_stmt *q;
  if (prepare(st,
              "SELECT 1 FROM stories WHERE id = ?1 UNION ALL SELECT 1 FROM story_moves WHERE old = ?1",
              &q, err))
    return XC_EIO;
  sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(q);
  sqlite3_finalize(q);
  *taken = rc == SQLITE_ROW;
  return 0;
}

static int str_cmp(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Gives the analysis' stories the store's ids: a story keeps the id of
 * the old story most of whose reports it holds (each old id goes to one
 * story: the one holding most of it, ties to the story of its earliest
 * report); a new story keeps its content id unless an old or moved story
 * had it (then a rehash). */
static int assign_ids(xc_store *st, xc_analysis *a, const stored_doc *sd, xc_err *err) {
  claim *c;
  size_t nc = old_to_new(a, sd, &c);
  qsort(c, nc, sizeof *c, claim_cmp);
  unsigned char *has = xc_xcalloc(a->nstories ? a->nstories : 1, 1);
  const char **given = xc_xmalloc((nc ? nc : 1) * sizeof *given);
  size_t ngiven = 0;
  for (size_t k = 0; k < nc; k++) {
    if (has[c[k].story]) continue;
    /* given stays sorted: binary search, then insert */
    size_t lo = 0, hi = ngiven;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (strcmp(given[mid], c[k].old) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo < ngiven && !strcmp(given[lo], c[k].old)) continue;
    memmove(given + lo + 1, given + lo, (ngiven - lo) * sizeof *given);
    given[lo] = c[k].old;
    ngiven++;
    has[c[k].story] = 1;
    snprintf(a->stories[c[k].story].id, XC_ID_LEN + 1, "%s", c[k].old);
  }
  int rc = 0;
  for (size_t s = 0; s < a->nstories && !rc; s++) {
    if (has[s]) continue;
    for (int tries = 0; tries < 16; tries++) {
      const char *id = a->stories[s].id;
      int taken = bsearch(&id, given, ngiven, sizeof *given, str_cmp) != NULL;
      if (!taken && (rc = id_taken(st, id, &taken, err)) < 0) break;
      if (!taken) break;
      uint64_t h = xc_hash64(a->stories[s].id, XC_ID_LEN, (uint64_t)tries + 1);
      for (int i = 0; i < XC_ID_LEN; i++)
        a->stories[s].id[i] = "0123456789abcdef"[(h >> (60 - 4 * i)) & 15];
    }
  }
  free(has);
  free(given);
  free(c);
  return rc;
}

/* A story's related ids, sorted, space-separated (as stored). */
static void related_ids(const xc_analysis *a, const xc_story *s, xc_buf *out) {
  const char **v = xc_xmalloc((s->nrelated ? s->nrelated : 1) * sizeof *v);
  for (size_t k = 0; k < s->nrelated; k++) v[k] = a->stories[s->related[k]].id;
  qsort(v, s->nrelated, sizeof *v, str_cmp);
  xc_buf_clear(out);
  for (size_t k = 0; k < s->nrelated; k++) xc_buf_printf(out, "%s%s", k ? " " : "", v[k]);
  free(v);
}

static int same(const char *x, const char *y) { return x == y || (x && y && !strcmp(x, y)); }

/* Which stories keep their stored brief: the same reports as the old
 * story of their id (all analysed before, none with another copy link or
 * publisher), the same related stories, and those kept too. Their
 * cross-check is not run again. */
static void mark_kept(update_ctx *u, xc_analysis *a) {
  size_t ns = a->nstories;
  unsigned char *keep = xc_xmalloc(ns ? ns : 1);
  for (size_t s = 0; s < ns; s++) {
    const old_story *o = find_old(u, a->stories[s].id);
    keep[s] = o && o->reports == a->stories[s].ndocs;
  }
  for (size_t i = 0; i < a->ndocs; i++) {
    const xc_document *d = &a->docs[i];
    const stored_doc *sd = &u->sd[i];
    if (!keep[d->story]) continue;
    const char *copy = d->copy_of >= 0 ? a->docs[d->copy_of].id : NULL;
    keep[d->story] = sd->analysed && same(sd->old_story, a->stories[d->story].id) &&
                     same(copy, sd->old_copy) && same(d->x.publisher, sd->old_publisher);
  }
  xc_buf rel;
  xc_buf_init(&rel);
  for (size_t s = 0; s < ns; s++) {
    if (!keep[s]) continue;
    related_ids(a, &a->stories[s], &rel);
    keep[s] = !strcmp(xc_buf_cstr(&rel), find_old(u, a->stories[s].id)->related);
  }
  xc_buf_release(&rel);
  /* a brief names its related stories' titles: they must be kept too */
  for (int changed = 1; changed;) {
    changed = 0;
    for (size_t s = 0; s < ns; s++)
      for (size_t k = 0; keep[s] && k < a->stories[s].nrelated; k++)
        if (!keep[a->stories[s].related[k]]) keep[s] = 0, changed = 1;
  }
  for (size_t s = 0; s < ns; s++) a->stories[s].kept = keep[s];
  free(keep);
}

/* ---- the analysis' cache hooks ---- */

static const void *cache_get_sig(void *ctx, size_t doc, size_t *n) {
  update_ctx *u = ctx;
  *n = u->sd[doc].nsig;
  return u->sd[doc].sig;
}

static void cache_put_sig(void *ctx, size_t doc, const void *p, size_t n) {
  update_ctx *u = ctx;
  stored_doc *s = &u->sd[doc];
  free(s->sig);
  s->sig = xc_xmalloc(n ? n : 1);
  memcpy(s->sig, p, n);
  s->nsig = n;
  s->new_sig = 1;
}

static void cache_grouped(void *ctx, xc_analysis *a) {
  update_ctx *u = ctx;
  if (u->rc) return;
  u->rc = assign_ids(u->st, a, u->sd, u->err);
  if (!u->rc && !u->full) mark_kept(u, a);
}

/* ---- writing ---- */

/* The rendered forms of story si and their hash. */
typedef struct {
  xc_buf json, md, html, page;
  char hash[17];
} rendered;

static void render(const xc_analysis *a, size_t si, rendered *r) {
  xc_buf_init(&r->json);
  xc_buf_init(&r->md);
  xc_buf_init(&r->html);
  xc_buf_init(&r->page);
  xc_brief_story_object(a, si, &r->json, 2); /* as in {"stories": [ here ]} */
  xc_brief_story_markdown(a, si, &r->md);
  xc_brief_story_html(a, si, &r->html);
  xc_brief_story_page(a, si, &r->page);
  uint64_t h = xc_hash64(r->json.p, r->json.n, 0);
  h = xc_hash64(r->md.p, r->md.n, h);
  h = xc_hash64(r->html.p, r->html.n, h);
  h = xc_hash64(r->page.p, r->page.n, h);
  snprintf(r->hash, sizeof r->hash, "%016llx", (unsigned long long)h);
}

static void render_release(rendered *r) {
  xc_buf_release(&r->json);
  xc_buf_release(&r->md);
  xc_buf_release(&r->html);
  xc_buf_release(&r->page);
}

static int stored_hash(xc_store *st, const char *id, char out[17], xc_err *err) {
  sqlite3_stmt *q;
  out[0] = 0;
  if (prepare(st, "SELECT hash FROM stories WHERE id = ?", &q, err)) return XC_EIO;
  sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step(q) == SQLITE_ROW) snprintf(out, 17, "%s", sqlite3_column_text(q, 0));
  sqlite3_finalize(q);
  return 0;
}

/* A story's entities and quotes, for search. */
static int write_items(xc_store *st, const xc_story *s, xc_err *err) {
  sqlite3_stmt *del, *ins;
  if (prepare(st, "DELETE FROM story_items WHERE story = ?", &del, err)) return XC_EIO;
  sqlite3_bind_text(del, 1, s->id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(del) == SQLITE_DONE ? 0 : db_fail(st, err, "delete items");
  sqlite3_finalize(del);
  if (rc) return rc;
  if (prepare(st, "INSERT INTO story_items(story, kind, ref, title, body) VALUES (?,?,?,?,?)", &ins,
              err))
    return XC_EIO;
  xc_buf body;
  xc_buf_init(&body);
  for (size_t i = 0; i < s->nentities && !rc; i++) {
    const xc_entity *e = xc_resolve_entity(s->entities, s->entity_order[i]);
    if (!e->name) continue;
    xc_buf_clear(&body);
    for (size_t k = 0; k < e->naliases; k++) xc_buf_printf(&body, "%s%s", k ? "; " : "", e->aliases[k]);
    for (size_t k = 0; k < e->nroles; k++) xc_buf_printf(&body, "; %s", e->roles[k]);
    sqlite3_reset(ins);
    bind_text(ins, 1, s->id);
    bind_text(ins, 2, "entity");
    bind_text(ins, 3, e->name);
    bind_text(ins, 4, e->name);
    bind_text(ins, 5, xc_buf_cstr(&body));
    if (sqlite3_step(ins) != SQLITE_DONE) rc = db_fail(st, err, "insert entity");
  }
  for (size_t i = 0; i < s->quotes.n && !rc; i++) {
    const xc_sq_item *qt = &s->quotes.v[i];
    sqlite3_reset(ins);
    bind_text(ins, 1, s->id);
    bind_text(ins, 2, "quote");
    bind_text(ins, 3, qt->speaker ? qt->speaker : "");
    bind_text(ins, 4, qt->speaker ? qt->speaker : "");
    bind_text(ins, 5, qt->text);
    if (sqlite3_step(ins) != SQLITE_DONE) rc = db_fail(st, err, "insert quote");
  }
  xc_buf_release(&body);
  sqlite3_finalize(ins);
  return rc;
}

static size_t story_sources(const xc_analysis *a, const xc_story *s) {
  size_t n = 0;
  for (size_t k = 0; k < s->ndocs; k++) n += a->docs[s->docs[k]].copy_of < 0;
  return n;
}

static size_t story_facts(const xc_story *s) {
  size_t n = 0;
  for (size_t i = 0; i < xc_claims_nfacts(s->claims); i++)
    n += xc_claims_fact(s->claims, i)->support == XC_FACT_CORROBORATED;
  return n;
}

static int write_story(xc_store *st, const xc_analysis *a, size_t si, const rendered *r,
                       const char *now, xc_err *err) {
  const xc_story *s = &a->stories[si];
  sqlite3_stmt *q;
  if (prepare(st,
              "INSERT OR REPLACE INTO stories(id, title, date, reports, sources, facts, disputes,"
              " related, hash, updated) VALUES (?,?,?,?,?,?,?,?,?,?)",
              &q, err))
    return XC_EIO;
  xc_buf rel;
  xc_buf_init(&rel);
  related_ids(a, s, &rel);
  bind_text(q, 1, s->id);
  bind_text(q, 2, s->title);
  bind_text(q, 3, s->date);
  sqlite3_bind_int64(q, 4, (sqlite3_int64)s->ndocs);
  sqlite3_bind_int64(q, 5, (sqlite3_int64)story_sources(a, s));
  sqlite3_bind_int64(q, 6, (sqlite3_int64)story_facts(s));
  sqlite3_bind_int64(q, 7, (sqlite3_int64)xc_claims_ndisputes(s->claims));
  bind_text(q, 8, xc_buf_cstr(&rel));
  bind_text(q, 9, r->hash);
  bind_text(q, 10, now);
  int rc = step_done(st, q, "write story", err);
  if (!rc && !(rc = prepare(st, "INSERT OR REPLACE INTO briefs(id, page, json, md, html) VALUES (?,?,?,?,?)",
                            &q, err))) {
    bind_text(q, 1, s->id);
    const xc_buf *v[] = {&r->page, &r->json, &r->md, &r->html};
    for (int k = 0; k < 4; k++) sqlite3_bind_text(q, 2 + k, v[k]->p ? v[k]->p : "", (int)v[k]->n, SQLITE_STATIC);
    rc = step_done(st, q, "write brief", err);
  }
  xc_buf_release(&rel);
  return rc ? rc : write_items(st, s, err);
}

/* A report's marks as stored: [[start, end, "kind", "label"], ...]. */
static void marks_json(const xc_document *d, xc_buf *out) {
  xc_json j;
  xc_buf_clear(out);
  xc_json_init(&j, out, 0);
  xc_json_arr_begin(&j);
  for (size_t i = 0; i < d->nmarks; i++) {
    const xc_mark *m = &d->marks[i];
    xc_json_arr_begin(&j);
    xc_json_int(&j, m->start);
    xc_json_int(&j, m->end);
    xc_json_str(&j, xc_mark_name(m->kind));
    xc_json_str(&j, m->label);
    xc_json_arr_end(&j);
  }
  xc_json_arr_end(&j);
}

/* Reports whose story, copy link or publisher changed (or that were never
 * analysed) get the new values; new signatures are kept; in full mode,
 * the extracted fields and text are written again. */
static int write_documents(update_ctx *u, const xc_analysis *a) {
  xc_store *st = u->st;
  static const char *const sql[] = {
      "UPDATE documents SET analysed = 1, story = ?, copy_of = ?, publisher = ? WHERE seq = ?",
      "INSERT OR REPLACE INTO signatures(seq, sig) VALUES (?, ?)",
      "UPDATE documents SET (" EXTRACTED_COLUMNS ") = (?,?,?,?,?,?,?,?,?,?) WHERE seq = ?",
      "UPDATE bodies SET title = ?, text = ? WHERE seq = ?",
      "INSERT OR REPLACE INTO marks(seq, json) VALUES (?, ?)"};
  sqlite3_stmt *q[5] = {0};
  int rc = 0;
  for (int k = 0; k < 5 && !rc; k++) rc = prepare(st, sql[k], &q[k], u->err);
  xc_buf tmp;
  xc_buf_init(&tmp);
  for (size_t i = 0; i < a->ndocs && !rc; i++) {
    const xc_document *d = &a->docs[i];
    const stored_doc *sd = &u->sd[i];
    const char *story = a->stories[d->story].id;
    const char *copy = d->copy_of >= 0 ? a->docs[d->copy_of].id : NULL;
    if (u->full) {
      sqlite3_reset(q[2]);
      /* the credit as extracted: find_copies may have lent a copy its original's */
      bind_extracted(q[2], 1, d, sd->credit, &tmp);
      sqlite3_bind_int64(q[2], NEXTRACTED + 1, sd->seq);
      sqlite3_reset(q[3]);
      bind_text(q[3], 1, d->x.title);
      bind_text(q[3], 2, d->x.text);
      sqlite3_bind_int64(q[3], 3, sd->seq);
      if (sqlite3_step(q[2]) != SQLITE_DONE || sqlite3_step(q[3]) != SQLITE_DONE)
        rc = db_fail(st, u->err, "update document");
    }
    if (!rc && d->marks) { /* its story's cross-check ran */
      marks_json(d, &tmp);
      sqlite3_reset(q[4]);
      sqlite3_bind_int64(q[4], 1, sd->seq);
      bind_text(q[4], 2, xc_buf_cstr(&tmp));
      if (sqlite3_step(q[4]) != SQLITE_DONE) rc = db_fail(st, u->err, "update marks");
    }
    if (!rc && sd->new_sig) {
      sqlite3_reset(q[1]);
      sqlite3_bind_int64(q[1], 1, sd->seq);
      sqlite3_bind_blob(q[1], 2, sd->sig, (int)sd->nsig, SQLITE_STATIC);
      if (sqlite3_step(q[1]) != SQLITE_DONE) rc = db_fail(st, u->err, "update signature");
    }
    if (rc || (sd->analysed && same(story, sd->old_story) && same(copy, sd->old_copy) &&
               same(d->x.publisher, sd->old_publisher)))
      continue;
    sqlite3_reset(q[0]);
    bind_text(q[0], 1, story);
    bind_text(q[0], 2, copy);
    bind_text(q[0], 3, d->x.publisher);
    sqlite3_bind_int64(q[0], 4, sd->seq);
    if (sqlite3_step(q[0]) != SQLITE_DONE) rc = db_fail(st, u->err, "update document");
  }
  xc_buf_release(&tmp);
  for (int k = 0; k < 5; k++) sqlite3_finalize(q[k]);
  return rc;
}

/* Stories no longer there: removed, with a forward to the story holding
 * most of their reports (and earlier forwards to them moved on). */
static int retire_stories(update_ctx *u, const xc_analysis *a, xc_store_stats *stats) {
  xc_store *st = u->st;
  const char **live = xc_xmalloc((a->nstories ? a->nstories : 1) * sizeof *live);
  for (size_t s = 0; s < a->nstories; s++) live[s] = a->stories[s].id;
  qsort(live, a->nstories, sizeof *live, str_cmp);
  claim *c;
  size_t nc = old_to_new(a, u->sd, &c);
  static const char *const sql[] = {"DELETE FROM stories WHERE id = ?1",
                                    "DELETE FROM briefs WHERE id = ?1",
                                    "DELETE FROM story_items WHERE story = ?1",
                                    "UPDATE story_moves SET new = ?2 WHERE new = ?1",
                                    "INSERT OR REPLACE INTO story_moves(old, new) VALUES (?1, ?2)"};
  int rc = 0;
  for (size_t g = 0; g < u->nold && !rc; g++) {
    const char *gone = u->old[g].id;
    if (bsearch(&gone, live, a->nstories, sizeof *live, str_cmp)) continue;
    /* c is grouped by old id: its runs for gone, the largest wins */
    const char *to = NULL;
    size_t best = 0;
    for (size_t k = 0; k < nc; k++)
      if (!strcmp(c[k].old, gone) && c[k].count > best) best = c[k].count, to = a->stories[c[k].story].id;
    for (size_t k = 0; k < 5 && !rc; k++) {
      if (k >= 3 && !to) break;
      sqlite3_stmt *q;
      if ((rc = prepare(st, sql[k], &q, u->err)) < 0) break;
      sqlite3_bind_text(q, 1, gone, -1, SQLITE_STATIC);
      if (k >= 3) sqlite3_bind_text(q, 2, to, -1, SQLITE_STATIC);
      if (sqlite3_step(q) != SQLITE_DONE) rc = db_fail(st, u->err, "retire story");
      sqlite3_finalize(q);
    }
    stats->merged++;
  }
  free(live);
  free(c);
  return rc;
}

static int waiting(xc_store *st, size_t *n, xc_err *err) {
  sqlite3_stmt *q;
  if (prepare(st, "SELECT count(*) FROM documents WHERE analysed = 0", &q, err)) return XC_EIO;
  *n = sqlite3_step(q) == SQLITE_ROW ? (size_t)sqlite3_column_int64(q, 0) : 0;
  sqlite3_finalize(q);
  return 0;
}

int xc_store_update(xc_store *st, xc_progress_fn progress, void *ctx, xc_store_stats *out,
                    xc_err *err) {
  memset(out, 0, sizeof *out);
  if (st->readonly) return xc_err_set(err, XC_EINVAL, "%s: opened read-only", st->path);
  int rc = xc_store_flush(st, err);
  size_t nwait = 0;
  char build[64];
  if (rc < 0 || (rc = waiting(st, &nwait, err)) < 0 ||
      (rc = meta_get(st, "build", build, sizeof build, err)) < 0)
    return rc;
  /* nothing new and the briefs by this build: nothing to do */
  if (nwait == 0 && !strcmp(build, XC_BUILD_ID))
    return xc_store_counts(st, &out->stories, &out->reports, err);
  /* the write lock first: a second ingest waits here, not midway */
  if ((rc = exec(st, "BEGIN IMMEDIATE", err)) < 0) return rc;
  update_ctx u = {.st = st, .err = err, .full = strcmp(build, XC_BUILD_ID) != 0};
  xc_analysis_cache cache = {&u, cache_get_sig, cache_put_sig, cache_grouped};
  xc_analysis *a = xc_analysis_new();
  a->progress = progress;
  a->progress_ctx = ctx;
  a->cache = &cache;
  if ((rc = load_old(&u)) < 0 || (rc = load_all(&u, a)) < 0) goto fail;
  xc_analysis_finish(a);
  if ((rc = u.rc) < 0) goto fail;
  out->reports = a->ndocs;
  out->analysed = nwait;
  char now[32];
  now_iso(now);
  for (size_t si = 0; si < a->nstories && !rc; si++) {
    if (a->stories[si].kept) continue;
    rendered r;
    char old[17];
    if ((rc = stored_hash(st, a->stories[si].id, old, err)) < 0) break;
    render(a, si, &r);
    if (strcmp(old, r.hash)) {
      rc = write_story(st, a, si, &r, now, err);
      if (old[0]) out->changed++;
      else out->created++;
    }
    render_release(&r);
    if (progress && ((si + 1) % 64 == 0 || si + 1 == a->nstories))
      progress(ctx, "briefs", si + 1, a->nstories);
  }
  if (rc < 0 || (rc = retire_stories(&u, a, out)) < 0 || (rc = write_documents(&u, a)) < 0 ||
      (rc = meta_set(st, "build", XC_BUILD_ID, err)) < 0)
    goto fail;
  char count[32];
  snprintf(count, sizeof count, "%zu", a->nstories);
  if ((rc = meta_set(st, "stories", count, err)) < 0) goto fail;
  out->stories = a->nstories;
  if (st->hook) st->hook(st->hook_ctx, "stories", out->created + out->changed);
  if ((rc = exec(st, "COMMIT", err)) < 0) goto fail;
  free_stored(&u);
  xc_analysis_free(a);
  return 0;
fail:
  sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
  free_stored(&u);
  xc_analysis_free(a);
  return rc < 0 ? rc : XC_EIO;
}

/* ---- reads ---- */

int xc_store_counts(xc_store *st, size_t *stories, size_t *reports, xc_err *err) {
  sqlite3_stmt *q;
  /* kept by each update (counting 100,000 rows per page view is not free);
   * reports stored since the last update are counted from their rows */
  static const char sql[] =
      "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'stories'),"
      " (SELECT count(*) FROM stories)), coalesce((SELECT max(seq) FROM documents), 0)";
  if (prepare_kept(st, sql, &q, err)) return XC_EIO;
  int rc = sqlite3_step(q) == SQLITE_ROW ? 0 : db_fail(st, err, "count");
  if (!rc) *stories = (size_t)sqlite3_column_int64(q, 0), *reports = (size_t)sqlite3_column_int64(q, 1);
  release(st, q);
  return rc;
}

int xc_store_stories(xc_store *st, size_t offset, size_t limit, xc_story_row **rows, size_t *n,
                     xc_err *err) {
  *rows = NULL;
  *n = 0;
  sqlite3_stmt *q;
  static const char sql[] = /* undated last: NULL sorts lowest */
      "SELECT id, title, date, reports, sources, facts, disputes, updated FROM stories"
      " ORDER BY date DESC, reports DESC, id LIMIT ? OFFSET ?";
  if (prepare_kept(st, sql, &q, err)) return XC_EIO;
  sqlite3_bind_int64(q, 1, limit ? (sqlite3_int64)limit : -1);
  sqlite3_bind_int64(q, 2, (sqlite3_int64)offset);
  size_t cap = 0;
  int step;
  while ((step = sqlite3_step(q)) == SQLITE_ROW) {
    if (*n == cap) cap = cap ? 2 * cap : 64, *rows = xc_xrealloc(*rows, cap * sizeof **rows);
    xc_story_row *r = &(*rows)[(*n)++];
    snprintf(r->id, sizeof r->id, "%s", sqlite3_column_text(q, 0));
    r->title = col_dup(q, 1);
    r->date = col_dup(q, 2);
    r->reports = (size_t)sqlite3_column_int64(q, 3);
    r->sources = (size_t)sqlite3_column_int64(q, 4);
    r->facts = (size_t)sqlite3_column_int64(q, 5);
    r->disputes = (size_t)sqlite3_column_int64(q, 6);
    r->updated = col_dup(q, 7);
  }
  int rc = step == SQLITE_DONE ? 0 : db_fail(st, err, "list stories");
  release(st, q);
  return rc;
}

void xc_story_rows_free(xc_story_row *rows, size_t n) {
  for (size_t i = 0; i < n; i++) free(rows[i].title), free(rows[i].date), free(rows[i].updated);
  free(rows);
}

static int story_json_doc(xc_store *st, const char *id, const char *story_json, xc_buf *out,
                          xc_err *err);

/* An id as typed: hex digits only, at most XC_ID_LEN. */
static int valid_id(const char *id) {
  size_t n = strlen(id);
  if (n == 0 || n > XC_ID_LEN) return 0;
  return strspn(id, "0123456789abcdef") == n;
}

int xc_store_story(xc_store *st, const char *id, const char *format, xc_buf *out,
                   char now[XC_ID_LEN + 1], xc_err *err) {
#define STORY_BY_ID(col)                                                                 \
  "SELECT id, " col " FROM briefs WHERE id = coalesce((SELECT new FROM story_moves WHERE " \
  "old = ?1), ?1)"
  static const char *const formats[] = {"md", "json", "html", "page"};
  static const char *const sqls[] = {STORY_BY_ID("md"), STORY_BY_ID("json"), STORY_BY_ID("html"),
                                     STORY_BY_ID("page")};
  int f = 0;
  while (f < 4 && strcmp(format, formats[f])) f++;
  if (f == 4) return xc_err_set(err, XC_EINVAL, "unknown format '%s' (md, json or html)", format);
  const char *col = formats[f];
  if (!valid_id(id)) return xc_err_set(err, XC_ENOTFOUND, "story %s: not in the store", id);
  sqlite3_stmt *q;
  if (prepare_kept(st, sqls[f], &q, err)) return XC_EIO;
  sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) {
    snprintf(now, XC_ID_LEN + 1, "%s", sqlite3_column_text(q, 0));
    if (!strcmp(col, "json"))
      rc = story_json_doc(st, now, (const char *)sqlite3_column_text(q, 1), out, err);
    else {
      xc_buf_put(out, (const char *)sqlite3_column_text(q, 1), (size_t)sqlite3_column_bytes(q, 1));
      rc = 0;
    }
  } else {
    rc = rc == SQLITE_DONE ? xc_err_set(err, XC_ENOTFOUND, "story %s: not in the store", id)
                           : db_fail(st, err, "read story");
  }
  release(st, q);
  return rc;
}

/* The columns a document's JSON is made of, in analyze --json's order
 * (authors and tags are stored as JSON). */
#define DOC_COLUMNS                                                                     \
  "d.id, d.path, d.title, d.published, d.authors, d.site, d.publisher, d.language,"    \
  " d.copy_of, d.story, d.format, d.canonical, d.tags, b.text"
#define DOC_FROM " FROM documents d JOIN bodies b USING (seq)"
static const char *const DOC_KEYS[] = {"id",        "path",    "title",    "published", "authors",
                                       "site",      "publisher", "language", "copy_of",   "story",
                                       "format",    "canonical", "tags",     "text"};

/* The row q holds (DOC_COLUMNS) as a JSON object, depth levels deep. */
static void doc_row_json(sqlite3_stmt *q, xc_buf *out, int depth) {
  xc_json j;
  xc_json_init_at(&j, out, 1, depth);
  xc_json_obj_begin(&j);
  for (int i = 0; i < 14; i++) {
    xc_json_key(&j, DOC_KEYS[i]);
    const char *v = (const char *)sqlite3_column_text(q, i);
    if (!v) xc_json_null(&j);
    else if (i == 4 || i == 12) xc_json_raw(&j, v); /* stored as JSON */
    else xc_json_str(&j, v);
  }
  xc_json_obj_end(&j);
}

int xc_store_document(xc_store *st, const char *id, xc_buf *out, xc_err *err) {
  if (!valid_id(id)) return xc_err_set(err, XC_ENOTFOUND, "document %s: not in the store", id);
  sqlite3_stmt *q;
  static const char sql[] = "SELECT " DOC_COLUMNS DOC_FROM " WHERE d.id = ?";
  if (prepare_kept(st, sql, &q, err)) return XC_EIO;
  sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) {
    doc_row_json(q, out, 0);
    xc_buf_putc(out, '\n');
    rc = 0;
  } else {
    rc = rc == SQLITE_DONE ? xc_err_set(err, XC_ENOTFOUND, "document %s: not in the store", id)
                           : db_fail(st, err, "read document");
  }
  release(st, q);
  return rc;
}

/* The analyze --json object for story id (its stored element of
 * "stories", story_json) with its documents read from their rows. */
static int story_json_doc(xc_store *st, const char *id, const char *story_json, xc_buf *out,
                          xc_err *err) {
  sqlite3_stmt *q;
  static const char sql[] = "SELECT " DOC_COLUMNS DOC_FROM " WHERE d.story = ? ORDER BY d.seq";
  if (prepare_kept(st, sql, &q, err)) return XC_EIO;
  sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
  xc_buf_puts(out, "{\n  \"documents\": [");
  int step, n = 0;
  while ((step = sqlite3_step(q)) == SQLITE_ROW) {
    if (n++) xc_buf_putc(out, ',');
    doc_row_json(q, out, 2);
  }
  release(st, q);
  if (step != SQLITE_DONE) return db_fail(st, err, "read documents");
  xc_buf_puts(out, "\n  ],\n  \"stories\": [");
  xc_buf_puts(out, story_json);
  xc_buf_puts(out, "\n  ]\n}\n");
  return 0;
}

int xc_store_document_marks(xc_store *st, const char *id, xc_buf *out, xc_err *err) {
  if (!valid_id(id)) return xc_err_set(err, XC_ENOTFOUND, "document %s: not in the store", id);
  sqlite3_stmt *q;
  static const char sql[] = "SELECT m.json FROM documents d JOIN marks m USING (seq) WHERE d.id = ?";
  if (prepare_kept(st, sql, &q, err)) return XC_EIO;
  sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) xc_buf_puts(out, col_text(q, 0));
  else xc_buf_puts(out, "[]");
  rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(st, err, "read marks");
  release(st, q);
  return rc;
}

/* The FTS5 query for what a person typed: each word a quoted string (so
 * punctuation and operators in it are plain text), a trailing * kept as
 * a prefix search; "quoted phrases" kept together. Empty when nothing is
 * left to search for. */
static void fts_query(const char *in, xc_buf *out) {
  xc_buf_clear(out);
  const char *p = in;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    if (!*p) break;
    const char *s = p, *e;
    int phrase = *p == '"';
    if (phrase) {
      s = ++p;
      while (*p && *p != '"') p++;
      e = p;
      if (*p) p++;
    } else {
      while (*p && *p != ' ' && *p != '\t' && *p != '\n') p++;
      e = p;
    }
    int prefix = !phrase && e > s && e[-1] == '*';
    if (prefix) e--;
    /* a word of punctuation alone would match nothing: skip it */
    int word = 0;
    for (const char *c = s; c < e && !word; c++)
      word = (unsigned char)*c >= 0x80 || (*c >= '0' && *c <= '9') || ((*c | 32) >= 'a' && (*c | 32) <= 'z');
    if (!word) continue;
    if (out->n) xc_buf_putc(out, ' ');
    xc_buf_putc(out, '"');
    for (const char *c = s; c < e; c++) {
      if (*c == '"') xc_buf_putc(out, '"');
      xc_buf_putc(out, *c);
    }
    xc_buf_putc(out, '"');
    if (prefix) xc_buf_putc(out, '*');
  }
}

int xc_store_search(xc_store *st, const char *query, size_t limit, const char *open,
                    const char *close, xc_hit **hits, size_t *n, xc_err *err) {
  *hits = NULL;
  *n = 0;
  xc_buf fq;
  xc_buf_init(&fq);
  fts_query(query, &fq);
  if (!fq.n) {
    xc_buf_release(&fq);
    return 0;
  }
  sqlite3_stmt *q;
  int rc = prepare(st,
                   "SELECT 'document', d.id, d.story, coalesce(d.title, d.path),"
                   "  snippet(documents_fts, -1, ?2, ?3, '\xE2\x80\xA6', 16), bm25(documents_fts, 5.0, 1.0) AS r"
                   " FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid"
                   " WHERE documents_fts MATCH ?1"
                   " UNION ALL "
                   "SELECT i.kind, i.ref, i.story, i.title,"
                   "  snippet(items_fts, -1, ?2, ?3, '\xE2\x80\xA6', 16), bm25(items_fts, 5.0, 1.0) AS r"
                   " FROM items_fts JOIN story_items i ON i.rowid = items_fts.rowid"
                   " WHERE items_fts MATCH ?1"
                   " ORDER BY r LIMIT ?4",
                   &q, err);
  if (rc) {
    xc_buf_release(&fq);
    return XC_EIO;
  }
  sqlite3_bind_text(q, 1, fq.p, (int)fq.n, SQLITE_STATIC);
  sqlite3_bind_text(q, 2, open, -1, SQLITE_STATIC);
  sqlite3_bind_text(q, 3, close, -1, SQLITE_STATIC);
  sqlite3_bind_int64(q, 4, limit ? (sqlite3_int64)limit : 20);
  size_t cap = 0;
  int step;
  while ((step = sqlite3_step(q)) == SQLITE_ROW) {
    if (*n == cap) cap = cap ? 2 * cap : 32, *hits = xc_xrealloc(*hits, cap * sizeof **hits);
    xc_hit *h = &(*hits)[(*n)++];
    const char *kind = (const char *)sqlite3_column_text(q, 0);
    h->kind = !strcmp(kind, "document") ? "document" : !strcmp(kind, "entity") ? "entity" : "quote";
    h->ref = col_dup(q, 1);
    h->story = col_dup(q, 2);
    h->title = col_dup(q, 3);
    h->snippet = col_dup(q, 4);
    if (!h->ref) h->ref = xc_xstrdup("");
    if (!h->title) h->title = xc_xstrdup("");
    if (!h->snippet) h->snippet = xc_xstrdup("");
  }
  rc = step == SQLITE_DONE ? 0 : db_fail(st, err, "search");
  sqlite3_finalize(q);
  xc_buf_release(&fq);
  return rc;
}

void xc_hits_free(xc_hit *hits, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(hits[i].ref), free(hits[i].story), free(hits[i].title), free(hits[i].snippet);
  free(hits);
}

void xc_story_rows_json(const xc_story_row *rows, size_t n, xc_buf *out) {
  xc_json j;
  xc_json_init(&j, out, 1);
  xc_json_arr_begin(&j);
  for (size_t k = 0; k < n; k++) {
    const xc_story_row *r = &rows[k];
    const char *keys[] = {"reports", "sources", "facts", "disputes"};
    size_t vals[] = {r->reports, r->sources, r->facts, r->disputes};
    xc_json_obj_begin(&j);
    xc_json_key(&j, "id");
    xc_json_str(&j, r->id);
    xc_json_key(&j, "title");
    xc_json_str(&j, r->title);
    xc_json_key(&j, "date");
    xc_json_str_or_null(&j, r->date);
    for (int i = 0; i < 4; i++) {
      xc_json_key(&j, keys[i]);
      xc_json_int(&j, (long long)vals[i]);
    }
    xc_json_key(&j, "updated");
    xc_json_str_or_null(&j, r->updated);
    xc_json_obj_end(&j);
  }
  xc_json_arr_end(&j);
}

void xc_hits_json(const xc_hit *hits, size_t n, xc_buf *out) {
  xc_json j;
  xc_json_init(&j, out, 1);
  xc_json_arr_begin(&j);
  for (size_t k = 0; k < n; k++) {
    const char *keys[] = {"kind", "ref", "story", "title", "snippet"};
    const char *vals[] = {hits[k].kind, hits[k].ref, hits[k].story, hits[k].title, hits[k].snippet};
    xc_json_obj_begin(&j);
    for (int i = 0; i < 5; i++) {
      xc_json_key(&j, keys[i]);
      xc_json_str_or_null(&j, vals[i]);
    }
    xc_json_obj_end(&j);
  }
  xc_json_arr_end(&j);
}
