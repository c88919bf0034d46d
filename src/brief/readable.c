/* readable.c - the brief a person reads, in Markdown (analyze --md) or as
 * one self-contained HTML page (analyze --html): per story its headline
 * and date, key facts with their source counts, the disputes side by side
 * with who says what, single-source claims, who is named, quotes with
 * speakers and sources, the timeline, and the sources with their role and
 * grounding. One walk over the story writes both syntaxes through a small
 * writer, so the two can never tell different things. Every piece of
 * report text is escaped for the syntax it goes into: reports are
 * untrusted input. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../include/crosscheck.h"
#include "../lang/resolve.h"

/* ---- the writer ---- */

typedef struct bw {
  xc_buf *out;
  int html;
} bw;

/* Report text, escaped, on one line. */
static void w_text(bw *w, const char *s) {
  for (; *s; s++) {
    char c = *s == '\n' || *s == '\r' ? ' ' : *s;
    if (w->html) {
      switch (c) {
      case '&': xc_buf_puts(w->out, "&amp;"); continue;
      case '<': xc_buf_puts(w->out, "&lt;"); continue;
      case '>': xc_buf_puts(w->out, "&gt;"); continue;
      case '"': xc_buf_puts(w->out, "&quot;"); continue;
      case '\'': xc_buf_puts(w->out, "&#39;"); continue;
      default: break;
      }
    } else if (strchr("\\`*_[]<>#|", c)) {
      xc_buf_putc(w->out, '\\');
    }
    xc_buf_putc(w->out, c);
  }
}

/* Markup: md in Markdown, html in HTML (never report text). */
static void w_lit(bw *w, const char *md, const char *html) {
  xc_buf_puts(w->out, w->html ? html : md);
}

/* Figures and fixed words (never report text). */
static void w_fmt(bw *w, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  xc_buf_puts(w->out, tmp);
}

static void w_head(bw *w, const char *text) {
  w_lit(w, "### ", "<h3>");
  w_text(w, text);
  w_lit(w, "\n\n", "</h3>\n");
}

static void w_list(bw *w) { w_lit(w, "", "<ul>\n"); }
static void w_list_end(bw *w) { w_lit(w, "\n", "</ul>\n"); }
static void w_item(bw *w) { w_lit(w, "- ", "<li>"); }
static void w_item_end(bw *w) { w_lit(w, "\n", "</li>\n"); }

/* Report text in bold / as code. */
static void w_strong(bw *w, const char *s) {
  w_lit(w, "**", "<strong>");
  w_text(w, s);
  w_lit(w, "**", "</strong>");
}

static void w_code(bw *w, const char *s) {
  w_lit(w, "`", "<code>");
  if (w->html) w_text(w, s);
  else xc_buf_puts(w->out, s); /* inside backticks nothing is markup */
  w_lit(w, "`", "</code>");
}

/* ---- pieces of a story ---- */

static size_t word_count(const char *s) {
  size_t n = 0;
  int in = 0;
  for (; *s; s++) {
    int sp = xc_is_space((unsigned char)*s);
    if (!sp && !in) n++;
    in = !sp;
  }
  return n;
}

/* The lead: the first paragraph that reads as prose (at least 12 words),
 * else the first paragraph; at most max bytes, cut at a word. */
static void w_lead(bw *w, const char *text, size_t max) {
  const char *p = text, *lead = NULL;
  size_t lead_n = 0;
  while (*p) {
    const char *e = strstr(p, "\n\n");
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char *para = xc_xstrndup(p, n);
    size_t words = word_count(para);
    free(para);
    if (!lead) lead = p, lead_n = n;
    if (words >= 12) {
      lead = p, lead_n = n;
      break;
    }
    p += n + (e ? 2 : 0);
  }
  if (!lead) return;
  size_t k = lead_n < max ? lead_n : max;
  while (k < lead_n && k > 0 && lead[k] != ' ') k--;
  char *c = xc_xstrndup(lead, k);
  w_text(w, c);
  if (k < lead_n) xc_buf_puts(w->out, " …");
  free(c);
}

/* x comes before y: dated before undated, earlier date, then an original
 * before its copy. */
static int earlier(const xc_document *x, const xc_document *y) {
  const char *a = x->x.published, *b = y->x.published;
  if (a && !b) return 1;
  if (!a || !b) return 0;
  int c = strcmp(a, b);
  return c < 0 || (c == 0 && x->copy_of < 0 && y->copy_of >= 0);
}

/* "Who and what is named": the story's people, bodies and places named
 * in most reports, with titles/roles and the report count. */
static void w_entities(bw *w, const xc_story *s) {
  static const int types[] = {XC_NER_PER, XC_NER_ORG, XC_NER_LOC};
  static const char *const heads[] = {"People", "Organisations", "Places"};
  int any = 0;
  for (int t = 0; t < 3; t++) {
    size_t shown = 0;
    for (size_t i = 0; i < s->nentities && shown < 8; i++) {
      const xc_entity *e = xc_resolve_entity(s->entities, s->entity_order[i]);
      if (e->type != types[t]) continue;
      if (!any) w_head(w, "Named"), w_list(w), any = 1;
      if (shown) w_lit(w, "; ", "; ");
      else w_item(w), w_fmt(w, "%s: ", heads[t]);
      w_text(w, e->name);
      if (e->nroles || e->ntitles) {
        w_lit(w, " (", " (");
        w_text(w, e->nroles ? e->roles[0] : e->titles[0]);
        w_lit(w, ")", ")");
      }
      w_fmt(w, " [%zu/%zu]", e->ndocs, s->ndocs);
      shown++;
    }
    if (shown) w_item_end(w);
  }
  if (any) w_list_end(w);
}

/* The quotes, those carried by more reports first, at most twelve, each
 * with its speaker and report count. */
static void w_quotes(bw *w, const xc_story *s) {
  if (!s->quotes.n) return;
  w_head(w, "Quotes");
  w_list(w);
  size_t shown = 0;
  for (size_t want = s->ndocs; want >= 1 && shown < 12; want--)
    for (size_t i = 0; i < s->quotes.n && shown < 12; i++) {
      const xc_sq_item *q = &s->quotes.v[i];
      if (q->ndocs != want) continue;
      w_item(w);
      w_lit(w, "\xE2\x80\x9C", "<q>");
      w_text(w, q->text);
      w_lit(w, "\xE2\x80\x9D \xE2\x80\x94 ", "</q> \xE2\x80\x94 ");
      w_text(w, q->speaker ? q->speaker : "speaker unknown");
      w_fmt(w, " [%zu/%zu]%s", q->ndocs, s->ndocs, q->independent >= 2 ? "" : " (single source)");
      w_item_end(w);
      shown++;
    }
  if (shown < s->quotes.n) {
    w_item(w);
    w_fmt(w, "\xE2\x80\xA6 and %zu more", s->quotes.n - shown);
    w_item_end(w);
  }
  w_list_end(w);
}

/* The timeline: each dated sentence with how many reports say it. */
static void w_timeline(bw *w, const xc_story *s) {
  if (!s->timeline.n) return;
  w_head(w, "Timeline");
  w_list(w);
  for (size_t i = 0; i < s->timeline.n; i++) {
    const xc_tl_item *it = &s->timeline.v[i];
    w_item(w);
    w_lit(w, "", "<time>");
    w_text(w, it->date);
    w_lit(w, ": ", "</time>: ");
    w_text(w, it->text);
    w_fmt(w, " [%zu/%zu]", it->ndocs, s->ndocs);
    w_item_end(w);
  }
  w_list_end(w);
}

/* Who a report is: its outlet (publisher, else site), else its file. */
static const char *outlet(const xc_document *d) {
  if (d->x.publisher) return d->x.publisher;
  if (d->x.site) return d->x.site;
  const char *slash = strrchr(d->path, '/');
  return slash ? slash + 1 : d->path;
}

/* The outlets of reports docs[0..n), each once; copies that add no
 * outlet of their own are counted ("Saltmere Gazette, 1 copy"). */
static void w_outlets(bw *w, const xc_analysis *a, const int *docs, size_t n) {
  xc_buf_puts(w->out, " (");
  size_t shown = 0, copies = 0;
  for (size_t k = 0; k < n; k++) {
    const char *o = outlet(&a->docs[docs[k]]);
    int seen = 0, twin = 0;
    for (size_t j = 0; j < n; j++)
      if (j != k && !strcmp(outlet(&a->docs[docs[j]]), o)) seen |= j < k, twin = 1;
    copies += twin && a->docs[docs[k]].copy_of >= 0;
    if (seen) continue;
    if (shown++) xc_buf_puts(w->out, ", ");
    w_text(w, o);
  }
  if (copies) w_fmt(w, ", %zu cop%s", copies, copies == 1 ? "y" : "ies");
  xc_buf_puts(w->out, ")");
}

#define SHOWN_FACTS 10 /* facts of each kind shown */

/* Key facts: corroborated, those more reports tell first. */
static void w_key_facts(bw *w, const xc_story *s) {
  const xc_claims *c = s->claims;
  size_t nf = c ? xc_claims_nfacts(c) : 0, shown = 0;
  for (size_t want = s->ndocs; want >= 2 && shown < SHOWN_FACTS; want--)
    for (size_t i = 0; i < nf && shown < SHOWN_FACTS; i++) {
      const xc_fact *f = xc_claims_fact(c, i);
      if (f->support != XC_FACT_CORROBORATED || f->ndocs != want) continue;
      if (!shown++) w_head(w, "Key facts"), w_list(w);
      w_item(w);
      w_text(w, f->text);
      w_fmt(w, " [%zu/%zu]", f->ndocs, s->ndocs);
      w_item_end(w);
    }
  if (shown) w_list_end(w);
}

/* The disputes, each side with what it says, its outlets and a sentence. */
static void w_disputes(bw *w, const xc_analysis *a, const xc_story *s) {
  const xc_claims *c = s->claims;
  size_t nd = c ? xc_claims_ndisputes(c) : 0;
  if (!nd) return;
  w_head(w, "Disputed");
  w_list(w);
  for (size_t i = 0; i < nd; i++) {
    const xc_dispute *d = xc_claims_dispute(c, i);
    w_item(w);
    w_strong(w, d->about);
    w_lit(w, "\n", "\n<ul class=\"sides\">\n");
    for (size_t k = 0; k < d->nclaims; k++) {
      w_lit(w, "  - ", "<li><strong>");
      w_text(w, d->claims[k].value);
      w_lit(w, "", "</strong>");
      w_outlets(w, a, d->claims[k].docs, d->claims[k].ndocs);
      w_lit(w, ": ", ": <span class=\"said\">");
      w_text(w, d->claims[k].text);
      w_lit(w, "\n", "</span></li>\n");
    }
    w_lit(w, "", "</ul></li>\n");
  }
  w_list_end(w);
}

/* The claims only one source makes (for a story of several reports):
 * those that pin down more (names, numbers, dates, placings) first, so
 * that a checkable "shot six times" comes before a page's vague talk. */
static void w_singles(bw *w, const xc_analysis *a, const xc_story *s) {
  const xc_claims *c = s->claims;
  size_t nf = c ? xc_claims_nfacts(c) : 0, singles = 0;
  if (s->ndocs < 2) return; /* one report: everything is single-source */
  int most = 0;
  for (size_t i = 0; i < nf; i++)
    if (xc_claims_fact(c, i)->detail > most) most = xc_claims_fact(c, i)->detail;
  for (int want = most; want >= 0; want--)
    for (size_t i = 0; i < nf; i++) {
      const xc_fact *f = xc_claims_fact(c, i);
      if (f->support != XC_FACT_SINGLE || f->detail != want) continue;
      if (singles++ >= SHOWN_FACTS) continue;
      if (singles == 1) w_head(w, "Single-source claims"), w_list(w);
      w_item(w);
      w_text(w, f->text);
      w_outlets(w, a, f->docs, 1);
      w_item_end(w);
    }
  if (singles > SHOWN_FACTS) {
    w_item(w);
    w_fmt(w, "\xE2\x80\xA6 and %zu more", singles - SHOWN_FACTS);
    w_item_end(w);
  }
  if (singles) w_list_end(w);
}

/* One source: title and date, outlet, authors, copy link, file, role and
 * grounding, and its lead. */
static void w_source(bw *w, const xc_analysis *a, const xc_story *s, int doc) {
  const xc_document *d = &a->docs[doc];
  w_item(w);
  w_strong(w, d->x.title ? d->x.title : d->path);
  if (d->x.published) {
    w_lit(w, " (", " (");
    w_text(w, d->x.published);
    w_lit(w, ")", ")");
  }
  w_lit(w, "  \n  ", "<br>\n");
  const char *who = d->x.publisher ? d->x.publisher : d->x.site;
  if (who) {
    w_lit(w, d->x.publisher ? "first published by " : "on ", d->x.publisher ? "first published by " : "on ");
    w_text(w, who);
    w_lit(w, "; ", "; ");
  }
  if (d->x.authors.n) {
    w_lit(w, "by ", "by ");
    for (size_t m = 0; m < d->x.authors.n; m++) {
      if (m) w_lit(w, ", ", ", ");
      w_text(w, d->x.authors.v[m]);
    }
    w_lit(w, "; ", "; ");
  }
  if (d->copy_of >= 0) {
    w_lit(w, "**copy** of ", "<strong>copy</strong> of ");
    w_code(w, a->docs[d->copy_of].path);
    w_lit(w, " (not an independent source); ", " (not an independent source); ");
  }
  w_code(w, d->path);
  w_fmt(w, " (%s, %zu words", d->format, word_count(d->x.text));
  double g = -1;
  int role = XC_ROLE_ORIGINAL;
  for (size_t m = 0; s->grounding && m < s->ndocs; m++)
    if (s->docs[m] == doc) g = s->grounding[m], role = s->role[m];
  if (g >= 0) w_fmt(w, "; grounding %.2f", g);
  if (role == XC_ROLE_FILLER)
    w_lit(w, "; **looks generated**", "; <strong class=\"warn\">looks generated</strong>"),
        w_lit(w, ": little or nothing it says is backed by another source, and its quotes are its own",
              ": little or nothing it says is backed by another source, and its quotes are its own");
  else if (role == XC_ROLE_COMMENTARY)
    w_lit(w, "; commentary around another report", "; commentary around another report");
  w_lit(w, ")\n  > ", ")\n<blockquote>");
  w_lead(w, d->x.text, 280);
  w_lit(w, "", "</blockquote>");
  w_item_end(w);
}

/* The sources in publication order (undated last), originals before
 * their copies on the same day. */
static void w_sources(bw *w, const xc_analysis *a, const xc_story *s) {
  w_head(w, "Sources");
  w_list(w);
  int *order = xc_xmalloc((s->ndocs ? s->ndocs : 1) * sizeof *order);
  for (size_t k = 0; k < s->ndocs; k++) {
    size_t m = k;
    const xc_document *d = &a->docs[s->docs[k]];
    while (m > 0 && earlier(d, &a->docs[order[m - 1]])) {
      order[m] = order[m - 1];
      m--;
    }
    order[m] = s->docs[k];
  }
  for (size_t k = 0; k < s->ndocs; k++) w_source(w, a, s, order[k]);
  free(order);
  w_list_end(w);
}

static void w_story(bw *w, const xc_analysis *a, const xc_story *s) {
  w_lit(w, "## ", "<section class=\"story\">\n<h2>");
  w_text(w, s->title);
  w_lit(w, "\n\n", "</h2>\n<ul class=\"meta\">\n");
  size_t copies = 0;
  for (size_t k = 0; k < s->ndocs; k++) copies += a->docs[s->docs[k]].copy_of >= 0;
  w_item(w);
  w_lit(w, "Date: ", "Date: ");
  w_text(w, s->date ? s->date : "unknown");
  w_item_end(w);
  w_item(w);
  w_fmt(w, "Reports: %zu (%zu independent", s->ndocs, s->ndocs - copies);
  if (copies) w_fmt(w, "; %zu cop%s", copies, copies == 1 ? "y" : "ies");
  w_lit(w, ")", ")");
  w_item_end(w);
  w_item(w);
  w_lit(w, "Story id: ", "Story id: ");
  w_code(w, s->id);
  w_item_end(w);
  for (size_t k = 0; k < s->nrelated; k++) {
    const xc_story *r = &a->stories[s->related[k]];
    w_item(w);
    w_lit(w, "Related: ", "Related: ");
    w_text(w, r->title);
    w_lit(w, " (", " (");
    w_code(w, r->id);
    w_lit(w, ")", ")");
    w_item_end(w);
  }
  w_list_end(w);
  w_key_facts(w, s);
  w_disputes(w, a, s);
  w_singles(w, a, s);
  w_entities(w, s);
  w_quotes(w, s);
  w_timeline(w, s);
  w_sources(w, a, s);
  w_lit(w, "", "</section>\n");
}

static void w_brief(bw *w, const xc_analysis *a) {
  w_lit(w, "# ", "<h1>");
  w_fmt(w, "crosscheck: %zu report%s, %zu stor%s", a->ndocs, a->ndocs == 1 ? "" : "s", a->nstories,
        a->nstories == 1 ? "y" : "ies");
  w_lit(w, "\n\n", "</h1>\n");
  for (size_t i = 0; i < a->nstories; i++) w_story(w, a, &a->stories[i]);
}

void xc_brief_markdown(const xc_analysis *a, xc_buf *out) {
  bw w = {out, 0};
  w_brief(&w, a);
}

/* The page's own style: no external asset of any kind. */
static const char PAGE_HEAD[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>crosscheck brief</title>\n<style>\n"
    "body{font:16px/1.5 Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222}\n"
    "h1{font-size:1.3em;color:#555}h2{border-top:3px solid #222;padding-top:.5em}\n"
    "h3{font:bold .85em sans-serif;text-transform:uppercase;letter-spacing:.05em;color:#555}\n"
    "ul.meta{list-style:none;padding:0;color:#555;font-size:.9em}\n"
    "ul.sides{margin:.3em 0 .8em}ul.sides li{margin:.2em 0}.said{color:#444}\n"
    "code{font-size:.85em;color:#666}.warn{color:#b00}\n"
    "blockquote{margin:.3em 0 .8em 1em;color:#555;font-size:.95em}\n"
    "</style>\n</head>\n<body>\n";

void xc_brief_html(const xc_analysis *a, xc_buf *out) {
  bw w = {out, 1};
  xc_buf_puts(out, PAGE_HEAD);
  w_brief(&w, a);
  xc_buf_puts(out, "</body>\n</html>\n");
}

void xc_brief_story_markdown(const xc_analysis *a, size_t si, xc_buf *out) {
  bw w = {out, 0};
  w_story(&w, a, &a->stories[si]);
}

void xc_brief_story_html(const xc_analysis *a, size_t si, xc_buf *out) {
  bw w = {out, 1};
  xc_buf_puts(out, PAGE_HEAD);
  w_story(&w, a, &a->stories[si]);
  xc_buf_puts(out, "</body>\n</html>\n");
}

/* ---- the web's story page: the brief, the source matrix, the timeline
 * drawn as SVG (HTML only; src/http serves it inside its layout) ---- */

/* The independent sources of s (origins, in the story's order) and, per
 * report of s, the column of its origin. */
static size_t matrix_columns(const xc_analysis *a, const xc_story *s, int *col_doc, int *col_of) {
  size_t nc = 0;
  for (size_t k = 0; k < s->ndocs; k++) {
    int doc = s->docs[k], origin = a->docs[doc].copy_of >= 0 ? a->docs[doc].copy_of : doc;
    size_t c;
    for (c = 0; c < nc && col_doc[c] != origin; c++) continue;
    if (c == nc) col_doc[nc++] = origin;
    col_of[k] = (int)c;
  }
  return nc;
}

static int column_of(const xc_story *s, const int *col_of, int doc) {
  for (size_t k = 0; k < s->ndocs; k++)
    if (s->docs[k] == doc) return col_of[k];
  return -1;
}

#define MATRIX_FACTS 12 /* fact rows at most, most sources first */

/* Which independent source supports, contradicts or lacks what: a row per
 * dispute (each source's side: the value it gives, "contradicts" marked
 * on the minority sides) and per fact more than one source states or
 * that is disputed (supports, or lacks). */
static void w_matrix(bw *w, const xc_analysis *a, const xc_story *s) {
  const xc_claims *c = s->claims;
  if (!c || s->ndocs < 2) return;
  int *col_doc = xc_xmalloc(s->ndocs * sizeof *col_doc), *col_of = xc_xmalloc(s->ndocs * sizeof *col_of);
  size_t nc = matrix_columns(a, s, col_doc, col_of);
  char *cell = xc_xmalloc(nc + 1);
  int *side = xc_xmalloc(nc * sizeof *side);
  w_lit(w, "", "<section class=\"matrix\"><h3>Source matrix</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th></th>");
  for (size_t k = 0; k < nc; k++) {
    const xc_document *d = &a->docs[col_doc[k]];
    w_lit(w, "", "<th><a href=\"/documents/");
    w_text(w, d->id);
    w_lit(w, "", "\">");
    w_text(w, outlet(d));
    w_lit(w, "", "</a></th>");
  }
  w_lit(w, "", "</tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < xc_claims_ndisputes(c); i++) {
    const xc_dispute *d = xc_claims_dispute(c, i);
    size_t biggest = 0;
    for (size_t k = 0; k < nc; k++) side[k] = -1;
    for (size_t m = 0; m < d->nclaims; m++) {
      if (d->claims[m].ndocs > d->claims[biggest].ndocs) biggest = m;
      for (size_t j = 0; j < d->claims[m].ndocs; j++) {
        int col = column_of(s, col_of, d->claims[m].docs[j]);
        if (col >= 0 && side[col] < 0) side[col] = (int)m;
      }
    }
    w_lit(w, "", "<tr class=\"dispute\"><th>");
    w_text(w, d->about);
    w_lit(w, "", "</th>");
    for (size_t k = 0; k < nc; k++) {
      if (side[k] < 0) {
        w_lit(w, "", "<td class=\"lacks\" title=\"does not say\">\xC2\xB7</td>");
        continue;
      }
      w_lit(w, "", (size_t)side[k] == biggest ? "<td class=\"supports\" title=\"says\">"
                                              : "<td class=\"contradicts\" title=\"contradicts the others\">");
      w_text(w, d->claims[side[k]].value);
      w_lit(w, "", "</td>");
    }
    w_lit(w, "", "</tr>\n");
  }
  size_t shown = 0, nf = xc_claims_nfacts(c);
  for (size_t want = nc; want >= 1 && shown < MATRIX_FACTS; want--)
    for (size_t i = 0; i < nf && shown < MATRIX_FACTS; i++) {
      const xc_fact *f = xc_claims_fact(c, i);
      if (f->independent != want || (f->support == XC_FACT_SINGLE)) continue;
      /* a fact a dispute row shows already ("where: <the fact>") */
      int in_dispute = 0;
      size_t tl = strlen(f->text);
      for (size_t k = 0; k < xc_claims_ndisputes(c) && !in_dispute; k++) {
        const char *about = xc_claims_dispute(c, k)->about;
        size_t al = strlen(about);
        in_dispute = al > tl && !strcmp(about + al - tl, f->text);
      }
      if (in_dispute) continue;
      shown++;
      memset(cell, 0, nc + 1);
      for (size_t j = 0; j < f->ndocs; j++) {
        int col = column_of(s, col_of, f->docs[j]);
        if (col >= 0) cell[col] = 1;
      }
      w_lit(w, "", f->support == XC_FACT_DISPUTED ? "<tr class=\"fact disputed\"><th>" : "<tr class=\"fact\"><th>");
      w_text(w, f->text);
      w_lit(w, "", "</th>");
      for (size_t k = 0; k < nc; k++)
        w_lit(w, "", cell[k] ? "<td class=\"supports\" title=\"says so\">\xE2\x9C\x93</td>"
                             : "<td class=\"lacks\" title=\"does not say\">\xC2\xB7</td>");
      w_lit(w, "", "</tr>\n");
    }
  w_lit(w, "", "</tbody></table></div>\n<p class=\"legend\"><span class=\"supports\">\xE2\x9C\x93 / value</span> says so "
               "\xC2\xB7 <span class=\"contradicts\">value</span> contradicts the other sources "
               "\xC2\xB7 <span class=\"lacks\">\xC2\xB7</span> does not say</p></section>\n");
  free(col_doc), free(col_of), free(cell), free(side);
}

/* Day number of "YYYY-MM-DD" or "YYYY-MM" (the 1st), for placing it. */
static long day_of(const char *date) {
  int y = 0, m = 1, d = 1;
  if (sscanf(date, "%d-%d-%d", &y, &m, &d) < 1) return 0;
  /* days from civil (Howard Hinnant's algorithm) */
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* The timeline drawn: a dated axis with a numbered dot per item, and the
 * items listed under it (date, what, how many reports). */
static void w_timeline_svg(bw *w, const xc_story *s) {
  size_t n = s->timeline.n;
  if (!n) return;
  long lo = 0, hi = 0;
  for (size_t i = 0; i < n; i++) {
    long d = day_of(s->timeline.v[i].date);
    if (!i || d < lo) lo = d;
    if (!i || d > hi) hi = d;
  }
  const int width = 760, left = 20, right = 740, row = 22, top = 64;
  int height = top + (int)n * row + 8;
  w_lit(w, "", "<section class=\"timeline\"><h3>Timeline</h3>\n");
  w_fmt(w, "<svg class=\"timeline\" role=\"img\" aria-label=\"timeline\" viewBox=\"0 0 %d %d\" "
           "width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">\n",
        width, height);
  w_fmt(w, "<line class=\"axis\" x1=\"%d\" y1=\"30\" x2=\"%d\" y2=\"30\"/>\n", left, right);
  for (size_t i = 0; i < n; i++) {
    const xc_tl_item *it = &s->timeline.v[i];
    long d = day_of(it->date);
    int x = hi > lo ? left + (int)((double)(right - left) * (double)(d - lo) / (double)(hi - lo))
                    : (left + right) / 2;
    int y = 30; /* dots on the axis; their numbers alternate above and below */
    w_fmt(w, "<circle class=\"dot\" cx=\"%d\" cy=\"%d\" r=\"5\"><title>", x, y);
    w_text(w, it->date);
    w_lit(w, "", "</title></circle>");
    w_fmt(w, "<text class=\"num\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%zu</text>\n", x,
          i % 2 ? 50 : 18, i + 1);
  }
  for (size_t i = 0; i < n; i++) {
    const xc_tl_item *it = &s->timeline.v[i];
    int y = top + (int)i * row + 14;
    w_fmt(w, "<text class=\"item\" x=\"%d\" y=\"%d\"><tspan class=\"num\">%zu</tspan> <tspan class=\"date\">",
          left, y, i + 1);
    w_text(w, it->date);
    w_lit(w, "", "</tspan> ");
    char cut[121];
    size_t len = strlen(it->text);
    if (len > 110) {
      size_t k = 110;
      while (k > 60 && it->text[k] != ' ') k--;
      memcpy(cut, it->text, k);
      memcpy(cut + k, "\xE2\x80\xA6", 4);
    } else {
      memcpy(cut, it->text, len + 1);
    }
    w_text(w, cut);
    w_fmt(w, " [%zu/%zu]</text>\n", it->ndocs, s->ndocs);
  }
  w_lit(w, "", "</svg></section>\n");
}

void xc_brief_story_page(const xc_analysis *a, size_t si, xc_buf *out) {
  bw w = {out, 1};
  const xc_story *s = &a->stories[si];
  w_story(&w, a, s);
  w_matrix(&w, a, s);
  w_timeline_svg(&w, s);
}
