/* server.c - the HTTP server (http.h) on libmicrohttpd: a thread pool with
 * one read-only store connection per worker thread (SQLite connections are
 * not shared between threads; WAL lets them read while ingest writes).
 * Only GET and HEAD; no request body is read; the URL and headers are
 * bounded; answers come from xc_http_route (pages.c). */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http/http.h"
#include "store/store.h"

#define MAX_URL 2048              /* bytes of path and query */
#define CONN_MEMORY (16 * 1024)  /* per connection: request line, headers (MHD zeroes it per request) */

/* Every worker's store connection, closed at the end. */
static struct {
  pthread_mutex_t lock;
  xc_store **v;
  size_t n;
  const char *db;
} stores = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, NULL};

static __thread xc_store *thread_store;

static xc_store *worker_store(xc_err *err) {
  if (thread_store) return thread_store;
  xc_store *st;
  if (xc_store_open(stores.db, 0, 1, &st, err) < 0) return NULL;
  pthread_mutex_lock(&stores.lock);
  stores.v = xc_xrealloc(stores.v, (stores.n + 1) * sizeof *stores.v);
  stores.v[stores.n++] = st;
  pthread_mutex_unlock(&stores.lock);
  return thread_store = st;
}

static const char *get_arg(void *ctx, const char *name) {
  return MHD_lookup_connection_value((struct MHD_Connection *)ctx, MHD_GET_ARGUMENT_KIND, name);
}

static enum MHD_Result send_text(struct MHD_Connection *c, unsigned status, const char *type,
                                 const char *body) {
  struct MHD_Response *r =
      MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  enum MHD_Result ok = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return ok;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **state) {
  (void)cls, (void)version, (void)upload, (void)state;
  int head = !strcmp(method, MHD_HTTP_METHOD_HEAD);
  if (strcmp(method, MHD_HTTP_METHOD_GET) && !head) {
    *upload_size = 0; /* a body is never read */
    struct MHD_Response *r = MHD_create_response_from_buffer(19, (void *)"method not allowed\n",
                                                             MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(r, "Allow", "GET, HEAD");
    enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_METHOD_NOT_ALLOWED, r);
    MHD_destroy_response(r);
    return ok;
  }
  if (strlen(url) > MAX_URL) return send_text(c, 414, "text/plain", "address too long\n");
  xc_err err = {0};
  xc_store *st = worker_store(&err);
  if (!st) return send_text(c, 503, "text/plain", "the store cannot be opened\n");
  xc_buf out;
  xc_buf_init(&out);
  int status;
  const char *type;
  char location[64];
  xc_http_route(st, url, get_arg, c, &status, &type, location, &out);
  size_t n = out.n;
  char *body = n ? xc_buf_detach(&out) : NULL;
  xc_buf_release(&out);
  struct MHD_Response *r =
      body ? MHD_create_response_from_buffer(n, body, MHD_RESPMEM_MUST_FREE)
           : MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  /* reports are untrusted: no script, no frame, nothing from elsewhere */
  MHD_add_response_header(r, "Content-Security-Policy",
                          "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                          "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(r, "Cache-Control", strncmp(url, "/assets/", 8) ? "no-cache" : "max-age=3600");
  if (location[0]) MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, location);
  enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, r);
  MHD_destroy_response(r);
  return ok;
}

/* host:port into addr ("127.0.0.1:8080", "[::1]:8080", ":8080" = loopback). */
static int parse_listen(const char *s, struct sockaddr_storage *addr, socklen_t *len, xc_err *err) {
  char host[128];
  const char *colon = strrchr(s, ':');
  if (!colon) return xc_err_set(err, XC_EINVAL, "--listen %s: want HOST:PORT", s);
  char *end;
  long port = strtol(colon + 1, &end, 10);
  if (*end || colon[1] == 0 || port < 0 || port > 65535)
    return xc_err_set(err, XC_EINVAL, "--listen %s: bad port", s);
  size_t hn = (size_t)(colon - s);
  if (hn >= sizeof host) return xc_err_set(err, XC_EINVAL, "--listen %s: host too long", s);
  memcpy(host, s, hn);
  host[hn] = 0;
  if (hn == 0) snprintf(host, sizeof host, "127.0.0.1");
  memset(addr, 0, sizeof *addr);
  if (host[0] == '[') {
    size_t k = strlen(host);
    if (host[k - 1] != ']') return xc_err_set(err, XC_EINVAL, "--listen %s: bad address", s);
    host[k - 1] = 0;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)addr;
    a6->sin6_family = AF_INET6;
    a6->sin6_port = htons((uint16_t)port);
    if (inet_pton(AF_INET6, host + 1, &a6->sin6_addr) != 1)
      return xc_err_set(err, XC_EINVAL, "--listen %s: bad address", s);
    *len = sizeof *a6;
  } else {
    struct sockaddr_in *a4 = (struct sockaddr_in *)addr;
    a4->sin_family = AF_INET;
    a4->sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &a4->sin_addr) != 1)
      return xc_err_set(err, XC_EINVAL, "--listen %s: bad address (an IP address, like 127.0.0.1)", s);
    *len = sizeof *a4;
  }
  return 0;
}

int xc_http_serve(const xc_http_opts *o, xc_err *err) {
  struct sockaddr_storage addr;
  socklen_t alen;
  int rc = parse_listen(o->listen ? o->listen : "127.0.0.1:8080", &addr, &alen, err);
  if (rc < 0) return rc;
  /* the store must exist and be readable before anyone connects */
  xc_store *probe;
  if ((rc = xc_store_open(o->db, 0, 1, &probe, err)) < 0) return rc;
  xc_store_close(probe);
  stores.db = o->db;
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  unsigned threads = o->threads ? o->threads : (unsigned)(cores > 0 ? cores : 2);
  /* the signals that stop the server go to this thread's sigwait alone */
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, NULL);
  signal(SIGPIPE, SIG_IGN);
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_TURBO;
  if (addr.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
  struct MHD_Daemon *d = MHD_start_daemon(
      flags, 0, NULL, NULL, handle, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
      MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
      MHD_OPTION_CONNECTION_LIMIT, 4096u, MHD_OPTION_CONNECTION_TIMEOUT, 30u,
      MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u, MHD_OPTION_END);
  if (!d) return xc_err_set(err, XC_EIO, "cannot listen on %s (in use, or not an address of this machine)",
                            o->listen ? o->listen : "127.0.0.1:8080");
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  char host[64] = "127.0.0.1";
  if (addr.ss_family == AF_INET6) {
    host[0] = '[';
    inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&addr)->sin6_addr, host + 1, sizeof host - 2);
    strcat(host, "]");
  } else {
    inet_ntop(AF_INET, &((struct sockaddr_in *)&addr)->sin_addr, host, sizeof host);
  }
  fprintf(stderr, "crosscheck: serving %s on http://%s:%u/ (%u threads; Ctrl-C stops)\n", o->db, host,
          info ? (unsigned)info->port : 0u, threads);
  fflush(stderr);
  int sig;
  sigwait(&stop, &sig);
  MHD_stop_daemon(d);
  for (size_t i = 0; i < stores.n; i++) xc_store_close(stores.v[i]);
  free(stores.v);
  stores.v = NULL, stores.n = 0;
  return 0;
}
