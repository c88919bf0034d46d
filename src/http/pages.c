/* pages.c - what the server answers (http.h): the routes, the web pages
 * (story list, story, report, search) in one layout with one stylesheet,
 * and the JSON API. Report text is untrusted: everything that comes from
 * the store goes through html_text() or the JSON writer, except the story
 * page fragment, which src/brief escaped when it was made. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "store/store.h"

#define PAGE_SIZE 50   /* stories per list page */
#define MAX_QUERY 512  /* bytes of a search query */

/* ---- the stylesheet (served as /assets/style.css) ---- */

static const char STYLE[] =
    ":root{--ink:#1d1d1f;--muted:#5f6368;--line:#d9d9de;--accent:#0b57d0;--warn:#b3261e;--ok:#137333}\n"
    "*{box-sizing:border-box}body{margin:0;font:16px/1.5 Georgia,'Times New Roman',serif;color:var(--ink);background:#fafafa}\n"
    "header{display:flex;gap:1em;align-items:center;padding:.6em 1.2em;background:#fff;border-bottom:1px solid var(--line)}\n"
    "header .brand{font:bold 1.1em system-ui,sans-serif;color:var(--ink);text-decoration:none}\n"
    "header form{margin-left:auto;display:flex;gap:.4em}\n"
    "input[type=search]{font:inherit;padding:.25em .5em;border:1px solid var(--line);border-radius:4px;min-width:18em}\n"
    "button{font:14px system-ui,sans-serif;padding:.3em .8em;border:1px solid var(--line);border-radius:4px;background:#fff;cursor:pointer}\n"
    "main{max-width:64em;margin:1.5em auto;padding:0 1.2em}\n"
    "h1{font-size:1.5em;line-height:1.25}h2{font-size:1.35em;border-top:3px solid var(--ink);padding-top:.4em}\n"
    "h3{font:bold .85em system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin-top:1.6em}\n"
    "a{color:var(--accent)}table{border-collapse:collapse;width:100%;font-size:.95em}\n"
    "th,td{padding:.35em .5em;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}.muted,ul.meta{color:var(--muted)}\n"
    "ul.meta{list-style:none;padding:0;font-size:.9em}ul.sides li{margin:.2em 0}.said{color:#444}\n"
    "code{font-size:.85em;color:var(--muted)}.warn{color:var(--warn)}\n"
    "blockquote{margin:.3em 0 .8em 1em;color:#555;font-size:.95em}\n"
    ".disputes{color:var(--warn);font-weight:bold}\n"
    ".matrix .scroll{overflow-x:auto}.matrix table{font-size:.85em}.matrix th{font-weight:normal}\n"
    ".matrix thead th{font:bold .8em system-ui,sans-serif;writing-mode:vertical-rl;transform:rotate(180deg);max-height:12em}\n"
    ".matrix td{text-align:center;min-width:2.2em}td.supports,span.supports{color:var(--ok);font-weight:bold}\n"
    "td.contradicts,span.contradicts{color:#fff;background:var(--warn);font-weight:bold}td.lacks,span.lacks{color:#aaa}\n"
    "tr.dispute th{font-weight:bold}.legend{font-size:.85em;color:var(--muted)}\n"
    "svg.timeline{background:#fff;border:1px solid var(--line);border-radius:4px;max-width:100%}\n"
    "svg .axis{stroke:var(--ink);stroke-width:2}svg .dot{fill:var(--accent)}\n"
    "svg text{font:12px system-ui,sans-serif;fill:var(--ink)}svg .num{font-weight:bold;fill:var(--accent)}svg .date{fill:var(--muted)}\n"
    "article.text p{margin:.2em 0 .9em}mark{background:none;border-bottom:2px solid;padding:0 1px}\n"
    ".m-person{border-color:#0b57d0;background:#e8f0fe}.m-org{border-color:#8430ce;background:#f3e8fd}\n"
    ".m-place{border-color:#137333;background:#e6f4ea}.m-misc{border-color:#9aa0a6;background:#f1f3f4}\n"
    ".m-time{border-color:#b06000;background:#fef7e0}.m-quote{font-style:italic;background:#fff8f7;border-color:#d93025}\n"
    ".legend mark{margin-right:.5em}ol.hits{padding-left:1.2em}ol.hits li{margin:.6em 0}\n"
    ".hits mark{background:#fde293;border:0}.kind{font:.75em system-ui,sans-serif;text-transform:uppercase;color:var(--muted)}\n"
    "nav.pages{margin:1em 0;display:flex;gap:1em}\n";

/* ---- escaping ---- */

/* Text into HTML text or an attribute value. */
static void html_text(xc_buf *out, const char *p, size_t n) {
  size_t run = 0; /* start of the bytes that need no escape, copied at once */
  for (size_t i = 0; i < n; i++) {
    const char *e;
    switch (p[i]) {
    case '&': e = "&amp;"; break;
    case '<': e = "&lt;"; break;
    case '>': e = "&gt;"; break;
    case '"': e = "&quot;"; break;
    case '\'': e = "&#39;"; break;
    default: continue;
    }
    xc_buf_put(out, p + run, i - run);
    xc_buf_puts(out, e);
    run = i + 1;
  }
  xc_buf_put(out, p + run, n - run);
}

static void html_str(xc_buf *out, const char *s) {
  if (s) html_text(out, s, strlen(s));
}

/* ---- the layout ---- */

/* The page up to its content; title_html is already escaped. */
static void page_begin_html(xc_buf *out, const char *title_html, const char *query) {
  xc_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  xc_buf_puts(out, title_html);
  xc_buf_puts(out, " \xE2\x80\x94 crosscheck</title>\n<link rel=\"stylesheet\" href=\"/assets/style.css\">\n"
                   "</head>\n<body>\n<header><a class=\"brand\" href=\"/\">crosscheck</a>"
                   "<form action=\"/search\" method=\"get\" role=\"search\">"
                   "<input type=\"search\" name=\"q\" placeholder=\"Search reports, people, quotes\" value=\"");
  html_str(out, query);
  xc_buf_puts(out, "\" aria-label=\"search\"><button type=\"submit\">Search</button></form></header>\n<main>\n");
}

static void page_begin(xc_buf *out, const char *title, const char *query) {
  xc_buf t;
  xc_buf_init(&t);
  html_str(&t, title);
  page_begin_html(out, xc_buf_cstr(&t), query);
  xc_buf_release(&t);
}

static void page_end(xc_buf *out) { xc_buf_puts(out, "</main>\n</body>\n</html>\n"); }

static void not_found(xc_buf *out, int *status, const char *what) {
  *status = 404;
  xc_buf_clear(out);
  page_begin(out, "Not found", NULL);
  xc_buf_puts(out, "<h1>Not found</h1>\n<p>");
  html_str(out, what);
  xc_buf_puts(out, "</p>\n<p><a href=\"/\">All stories</a></p>\n");
  page_end(out);
}

static void failed(xc_buf *out, int *status, const xc_err *err) {
  *status = 500;
  xc_buf_clear(out);
  page_begin(out, "Error", NULL);
  xc_buf_puts(out, "<h1>The store could not be read</h1>\n<p>");
  html_str(out, err->msg);
  xc_buf_puts(out, "</p>\n");
  page_end(out);
}

/* ---- pages ---- */

static long arg_long(const char *(*arg)(void *, const char *), void *ctx, const char *name, long dflt,
                     long lo, long hi) {
  const char *v = arg ? arg(ctx, name) : NULL;
  if (!v || !*v) return dflt;
  char *end;
  long n = strtol(v, &end, 10);
  if (*end || n < lo) return dflt;
  return n > hi ? hi : n;
}

static void story_list(xc_store *st, long pageno, int *status, xc_buf *out) {
  xc_story_row *rows;
  size_t n, total_stories = 0, total_reports = 0;
  xc_err err = {0};
  if (xc_store_counts(st, &total_stories, &total_reports, &err) < 0 ||
      xc_store_stories(st, (size_t)(pageno - 1) * PAGE_SIZE, PAGE_SIZE, &rows, &n, &err) < 0) {
    failed(out, status, &err);
    return;
  }
  page_begin(out, "Stories", NULL);
  xc_buf_printf(out, "<h1>Stories</h1>\n<p class=\"muted\">%zu stories from %zu reports</p>\n",
                total_stories, total_reports);
  xc_buf_puts(out, "<table class=\"stories\">\n<thead><tr><th>Date</th><th>Story</th><th>Reports</th>"
                   "<th>Sources</th><th>Facts</th><th>Disputes</th></tr></thead>\n<tbody>\n");
  for (size_t k = 0; k < n; k++) {
    const xc_story_row *r = &rows[k];
    xc_buf_puts(out, "<tr><td>");
    html_str(out, r->date ? r->date : "\xE2\x80\x94");
    xc_buf_printf(out, "</td><td><a href=\"/stories/%s\">", r->id);
    html_str(out, r->title);
    xc_buf_printf(out, "</a></td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
                       "<td class=\"n%s\">%zu</td></tr>\n",
                  r->reports, r->sources, r->facts, r->disputes ? " disputes" : "", r->disputes);
  }
  xc_buf_puts(out, "</tbody></table>\n<nav class=\"pages\">");
  if (pageno > 1) xc_buf_printf(out, "<a rel=\"prev\" href=\"/?page=%ld\">\xE2\x86\x90 newer</a>", pageno - 1);
  if ((size_t)pageno * PAGE_SIZE < total_stories)
    xc_buf_printf(out, "<a rel=\"next\" href=\"/?page=%ld\">older \xE2\x86\x92</a>", pageno + 1);
  xc_buf_puts(out, "</nav>\n");
  page_end(out);
  xc_story_rows_free(rows, n);
}

static void story_page(xc_store *st, const char *id, int *status, char *location, xc_buf *out) {
  xc_buf frag;
  xc_buf_init(&frag);
  xc_err err = {0};
  char now[XC_ID_LEN + 1];
  int rc = xc_store_story(st, id, "page", &frag, now, &err);
  if (rc == XC_ENOTFOUND) not_found(out, status, "No story has this id.");
  else if (rc < 0) failed(out, status, &err);
  else if (strcmp(now, id)) { /* merged into another since */
    *status = 301;
    snprintf(location, 64, "/stories/%s", now);
  } else {
    /* the title for <title>: the fragment's first heading */
    const char *h = strstr(xc_buf_cstr(&frag), "<h2>"), *e = h ? strstr(h, "</h2>") : NULL;
    xc_buf title;
    xc_buf_init(&title);
    if (h && e) xc_buf_put(&title, h + 4, (size_t)(e - h - 4));
    page_begin_html(out, title.n ? xc_buf_cstr(&title) : "Story", NULL); /* escaped by src/brief */
    xc_buf_put(out, frag.p, frag.n);
    xc_buf_printf(out, "<p class=\"muted\">Also as <a href=\"/api/stories/%s\">JSON</a>.</p>\n", id);
    page_end(out);
    xc_buf_release(&title);
  }
  xc_buf_release(&frag);
}

/* The text with its marks: cut at every mark boundary, each piece wrapped
 * in the marks that cover it (so overlapping marks never break nesting),
 * paragraphs at blank lines. */
static void marked_text(xc_buf *out, const char *text, json_t *marks) {
  size_t n = strlen(text), nm = json_is_array(marks) ? json_array_size(marks) : 0;
  size_t *cut = xc_xmalloc((2 * nm + 2) * sizeof *cut), nc = 0;
  cut[nc++] = 0;
  cut[nc++] = n;
  for (size_t i = 0; i < nm; i++) {
    json_t *m = json_array_get(marks, i);
    json_int_t s = json_integer_value(json_array_get(m, 0)), e = json_integer_value(json_array_get(m, 1));
    if (s >= 0 && (size_t)s <= n) cut[nc++] = (size_t)s;
    if (e >= 0 && (size_t)e <= n) cut[nc++] = (size_t)e;
  }
  /* sort and dedupe the cuts (insertion sort: a report's marks are few) */
  for (size_t i = 1; i < nc; i++)
    for (size_t j = i; j > 0 && cut[j - 1] > cut[j]; j--) {
      size_t t = cut[j];
      cut[j] = cut[j - 1], cut[j - 1] = t;
    }
  xc_buf_puts(out, "<article class=\"text\">\n<p>");
  for (size_t c = 0; c + 1 < nc; c++) {
    size_t a = cut[c], b = cut[c + 1];
    if (a == b) continue;
    int open = 0;
    xc_buf cls, title;
    xc_buf_init(&cls);
    xc_buf_init(&title);
    for (size_t i = 0; i < nm; i++) {
      json_t *m = json_array_get(marks, i);
      json_int_t s = json_integer_value(json_array_get(m, 0)), e = json_integer_value(json_array_get(m, 1));
      if (s < 0 || (size_t)s > a || e < 0 || (size_t)e < b) continue;
      const char *kind = json_string_value(json_array_get(m, 2)), *label = json_string_value(json_array_get(m, 3));
      xc_buf_puts(&cls, " m-");
      html_str(&cls, kind ? kind : "misc");
      if (kind) {
        if (title.n) xc_buf_puts(&title, "; ");
        html_str(&title, kind);
        if (label && *label) xc_buf_puts(&title, ": "), html_str(&title, label);
      }
      open = 1;
    }
    if (open) {
      xc_buf_puts(out, "<mark class=\"");
      xc_buf_put(out, cls.p + 1, cls.n - 1);
      xc_buf_puts(out, "\" title=\"");
      xc_buf_put(out, title.p ? title.p : "", title.n);
      xc_buf_puts(out, "\">");
    }
    /* the piece, with its paragraph breaks (a mark never spans one: it is
     * closed and opened again around it) */
    size_t k = a;
    while (k < b) {
      const char *br = memchr(text + k, '\n', b - k);
      size_t end = br ? (size_t)(br - text) : b;
      html_text(out, text + k, end - k);
      if (!br) break;
      size_t nl = end;
      while (nl < b && text[nl] == '\n') nl++;
      if (open) xc_buf_puts(out, "</mark>");
      xc_buf_puts(out, nl - end >= 2 ? "</p>\n<p>" : "<br>\n");
      if (open && nl < b) {
        xc_buf_puts(out, "<mark class=\"");
        xc_buf_put(out, cls.p + 1, cls.n - 1);
        xc_buf_puts(out, "\">");
      } else if (open) {
        open = 0;
      }
      k = nl;
    }
    if (open) xc_buf_puts(out, "</mark>");
    xc_buf_release(&cls);
    xc_buf_release(&title);
  }
  xc_buf_puts(out, "</p>\n</article>\n");
  free(cut);
}

static void meta_item(xc_buf *out, const char *label, json_t *v) {
  const char *s = json_string_value(v);
  if (!s) return;
  xc_buf_printf(out, "<li>%s: ", label);
  html_str(out, s);
  xc_buf_puts(out, "</li>\n");
}

static void document_page(xc_store *st, const char *id, int *status, xc_buf *out) {
  xc_buf doc, marks;
  xc_buf_init(&doc);
  xc_buf_init(&marks);
  xc_err err = {0};
  int rc = xc_store_document(st, id, &doc, &err);
  if (rc == 0) rc = xc_store_document_marks(st, id, &marks, &err);
  if (rc == XC_ENOTFOUND) not_found(out, status, "No report has this id.");
  else if (rc < 0) failed(out, status, &err);
  else {
    json_error_t je;
    json_t *d = json_loads(xc_buf_cstr(&doc), 0, &je), *m = json_loads(xc_buf_cstr(&marks), 0, &je);
    const char *title = json_string_value(json_object_get(d, "title"));
    const char *path = json_string_value(json_object_get(d, "path"));
    page_begin(out, title ? title : path, NULL);
    xc_buf_puts(out, "<h1>");
    html_str(out, title ? title : path);
    xc_buf_puts(out, "</h1>\n<ul class=\"meta\">\n");
    meta_item(out, "Published", json_object_get(d, "published"));
    meta_item(out, "Site", json_object_get(d, "site"));
    meta_item(out, "First published by", json_object_get(d, "publisher"));
    json_t *authors = json_object_get(d, "authors");
    if (json_array_size(authors)) {
      xc_buf_puts(out, "<li>By: ");
      for (size_t i = 0; i < json_array_size(authors); i++) {
        if (i) xc_buf_puts(out, ", ");
        html_str(out, json_string_value(json_array_get(authors, i)));
      }
      xc_buf_puts(out, "</li>\n");
    }
    meta_item(out, "File", json_object_get(d, "path"));
    const char *copy = json_string_value(json_object_get(d, "copy_of"));
    if (copy) {
      xc_buf_puts(out, "<li><strong>Copy</strong> of <a href=\"/documents/");
      html_str(out, copy);
      xc_buf_puts(out, "\">another report</a> (not an independent source)</li>\n");
    }
    const char *story = json_string_value(json_object_get(d, "story"));
    if (story) {
      xc_buf_puts(out, "<li>Story: <a href=\"/stories/");
      html_str(out, story);
      xc_buf_puts(out, "\">");
      html_str(out, story);
      xc_buf_puts(out, "</a></li>\n");
    }
    xc_buf_puts(out, "</ul>\n<p class=\"legend\"><mark class=\"m-person\">person</mark><mark class=\"m-org\">"
                     "organisation</mark><mark class=\"m-place\">place</mark><mark class=\"m-misc\">other name"
                     "</mark><mark class=\"m-quote\">quote</mark><mark class=\"m-time\">time</mark></p>\n");
    const char *text = json_string_value(json_object_get(d, "text"));
    marked_text(out, text ? text : "", m);
    page_end(out);
    json_decref(d);
    json_decref(m);
  }
  xc_buf_release(&doc);
  xc_buf_release(&marks);
}

/* A snippet with \x01 and \x02 around the matched words: escaped, the
 * markers made <mark>. */
static void snippet_html(xc_buf *out, const char *s) {
  for (const char *p = s; *p;) {
    size_t n = strcspn(p, "\x01\x02");
    html_text(out, p, n);
    p += n;
    if (*p == '\x01') xc_buf_puts(out, "<mark>"), p++;
    else if (*p == '\x02') xc_buf_puts(out, "</mark>"), p++;
  }
}

static void search_page(xc_store *st, const char *q, int *status, xc_buf *out) {
  page_begin(out, q && *q ? q : "Search", q);
  xc_buf_puts(out, "<h1>Search</h1>\n");
  if (!q || !*q) {
    xc_buf_puts(out, "<p class=\"muted\">Every word must match; <code>word*</code> matches a prefix, "
                     "<code>\"two words\"</code> a phrase.</p>\n");
    page_end(out);
    return;
  }
  xc_hit *hits;
  size_t n;
  xc_err err = {0};
  if (xc_store_search(st, q, 50, "\x01", "\x02", &hits, &n, &err) < 0) {
    failed(out, status, &err);
    return;
  }
  xc_buf_printf(out, "<p class=\"muted\">%zu match%s for \xE2\x80\x9C", n, n == 1 ? "" : "es");
  html_str(out, q);
  xc_buf_puts(out, "\xE2\x80\x9D</p>\n<ol class=\"hits\">\n");
  for (size_t k = 0; k < n; k++) {
    const xc_hit *h = &hits[k];
    xc_buf_puts(out, "<li><span class=\"kind\">");
    html_str(out, h->kind);
    xc_buf_puts(out, "</span> ");
    if (!strcmp(h->kind, "document")) {
      xc_buf_puts(out, "<a href=\"/documents/");
      html_str(out, h->ref);
      xc_buf_puts(out, "\">");
    } else if (h->story) {
      xc_buf_puts(out, "<a href=\"/stories/");
      html_str(out, h->story);
      xc_buf_puts(out, "\">");
    }
    snippet_html(out, h->title);
    if (!strcmp(h->kind, "document") || h->story) xc_buf_puts(out, "</a>");
    if (h->story && !strcmp(h->kind, "document")) {
      xc_buf_puts(out, " <a class=\"muted\" href=\"/stories/");
      html_str(out, h->story);
      xc_buf_puts(out, "\">story</a>");
    }
    xc_buf_puts(out, "<br>\n<span class=\"snippet\">");
    snippet_html(out, h->snippet);
    xc_buf_puts(out, "</span></li>\n");
  }
  xc_buf_puts(out, "</ol>\n");
  if (!n) xc_buf_puts(out, "<p>No match.</p>\n");
  page_end(out);
  xc_hits_free(hits, n);
}

/* ---- the API ---- */

static void api_error(xc_buf *out, int *status, int code, const char *msg) {
  *status = code;
  xc_buf_clear(out);
  xc_json j;
  xc_json_init(&j, out, 0);
  xc_json_obj_begin(&j);
  xc_json_key(&j, "error");
  xc_json_str(&j, msg);
  xc_json_obj_end(&j);
  xc_buf_putc(out, '\n');
}

static void api(xc_store *st, const char *rest, const char *(*arg)(void *, const char *), void *ctx,
                int *status, char *location, xc_buf *out) {
  xc_err err = {0};
  int rc = 0;
  if (!strcmp(rest, "stories")) {
    xc_story_row *rows;
    size_t n;
    long offset = arg_long(arg, ctx, "offset", 0, 0, 1L << 40), limit = arg_long(arg, ctx, "limit", 50, 1, 1000);
    rc = xc_store_stories(st, (size_t)offset, (size_t)limit, &rows, &n, &err);
    if (rc == 0) {
      xc_story_rows_json(rows, n, out);
      xc_buf_putc(out, '\n');
      xc_story_rows_free(rows, n);
    }
  } else if (!strncmp(rest, "stories/", 8)) {
    char now[XC_ID_LEN + 1];
    rc = xc_store_story(st, rest + 8, "json", out, now, &err);
    if (rc == 0 && strcmp(now, rest + 8)) {
      *status = 301;
      snprintf(location, 64, "/api/stories/%s", now);
      xc_buf_clear(out);
      return;
    }
  } else if (!strncmp(rest, "documents/", 10)) {
    xc_buf marks;
    xc_buf_init(&marks);
    rc = xc_store_document(st, rest + 10, out, &err);
    if (rc == 0) rc = xc_store_document_marks(st, rest + 10, &marks, &err);
    if (rc == 0) { /* the marks as one more member */
      while (out->n && (out->p[out->n - 1] == '\n' || out->p[out->n - 1] == '}')) out->n--;
      xc_buf_puts(out, ",\n  \"marks\": ");
      xc_buf_put(out, marks.p, marks.n);
      xc_buf_puts(out, "\n}\n");
    }
    xc_buf_release(&marks);
  } else if (!strcmp(rest, "search")) {
    const char *q = arg ? arg(ctx, "q") : NULL;
    if (!q || !*q) {
      api_error(out, status, 400, "search wants q");
      return;
    }
    if (strlen(q) > MAX_QUERY) {
      api_error(out, status, 400, "query too long");
      return;
    }
    xc_hit *hits;
    size_t n;
    rc = xc_store_search(st, q, (size_t)arg_long(arg, ctx, "limit", 20, 1, 200), "**", "**", &hits, &n, &err);
    if (rc == 0) {
      xc_hits_json(hits, n, out);
      xc_buf_putc(out, '\n');
      xc_hits_free(hits, n);
    }
  } else {
    api_error(out, status, 404, "no such route");
    return;
  }
  if (rc == XC_ENOTFOUND) api_error(out, status, 404, err.msg);
  else if (rc < 0) api_error(out, status, 500, err.msg);
}

/* An id in a path: hex digits only, up to XC_ID_LEN, nothing after. */
static int id_ok(const char *s) {
  size_t n = strlen(s);
  return n && n <= XC_ID_LEN && strspn(s, "0123456789abcdef") == n;
}

void xc_http_route(xc_store *st, const char *path, const char *(*arg)(void *, const char *),
                   void *ctx, int *status, const char **type, char *location, xc_buf *out) {
  *status = 200;
  *type = "text/html; charset=utf-8";
  location[0] = 0;
  if (!strcmp(path, "/") || !strcmp(path, "/stories")) {
    story_list(st, arg_long(arg, ctx, "page", 1, 1, 1L << 30), status, out);
  } else if (!strncmp(path, "/stories/", 9) && id_ok(path + 9)) {
    story_page(st, path + 9, status, location, out);
  } else if (!strncmp(path, "/documents/", 11) && id_ok(path + 11)) {
    document_page(st, path + 11, status, out);
  } else if (!strcmp(path, "/search")) {
    const char *q = arg ? arg(ctx, "q") : NULL;
    if (q && strlen(q) > MAX_QUERY) {
      *status = 400;
      page_begin(out, "Search", NULL);
      xc_buf_puts(out, "<h1>Query too long</h1>\n");
      page_end(out);
    } else {
      search_page(st, q, status, out);
    }
  } else if (!strcmp(path, "/assets/style.css")) {
    *type = "text/css; charset=utf-8";
    xc_buf_put(out, STYLE, sizeof STYLE - 1);
  } else if (!strncmp(path, "/api/", 5)) {
    *type = "application/json; charset=utf-8";
    const char *rest = path + 5;
    const char *slash = strchr(rest, '/');
    if (slash && !id_ok(slash + 1)) api_error(out, status, 404, "no such id");
    else api(st, rest, arg, ctx, status, location, out);
  } else {
    not_found(out, status, "There is no page here.");
  }
}
