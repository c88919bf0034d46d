/* http.h - `crosscheck serve`: the JSON API and the web pages over a store
 * (src/store), on libmicrohttpd's thread pool. Every page and asset comes
 * from the binary (no file is read, no external address is linked); all
 * report text is escaped; responses forbid scripts and foreign content
 * (Content-Security-Policy). Routes:
 *   /                      story list (?page=N)
 *   /stories/ID            story page: brief, source matrix, SVG timeline
 *   /documents/ID          report page: text with entities, quotes, times
 *   /search?q=             search page
 *   /assets/style.css      the one stylesheet
 *   /api/stories           JSON list (?offset=&limit=)
 *   /api/stories/ID        the story's analyze --json object
 *   /api/documents/ID      the report's JSON object, with "marks"
 *   /api/search?q=         JSON hits (?limit=)
 * This module and src/cli are the only ones that print. */
#ifndef XC_HTTP_H
#define XC_HTTP_H

#include <stddef.h>

#include "../core/core.h"

typedef struct xc_http_opts {
  const char *db;     /* the store (opened read-only per worker thread) */
  const char *listen; /* "127.0.0.1:8080", "[::1]:8080", ":0" (port 0: any free one) */
  unsigned threads;   /* worker threads; 0: one per core */
} xc_http_opts;

/* Serves until SIGINT or SIGTERM. Says where on stderr ("crosscheck:
 * serving DB on http://HOST:PORT/"). Returns 0 after a clean stop, or a
 * negative XC_E* with the reason in err (bad address, port taken, no
 * store). */
int xc_http_serve(const xc_http_opts *o, xc_err *err);

/* The response to GET path?query (query may be NULL) from store st, for
 * the server and for tests without sockets: *status (200, 301, 400, 404,
 * 414), *type (static), body into out; *location for a redirect (static
 * buffer of the caller: at least 64 bytes). */
struct xc_store;
void xc_http_route(struct xc_store *st, const char *path, const char *(*arg)(void *, const char *),
                   void *arg_ctx, int *status, const char **type, char *location, xc_buf *out);

#endif
