/* engine.c - the pipeline in memory: each added input is decoded (ingest)
 * and extracted; finish() finds copies (dedupe), runs the language layer
 * once per report, groups the reports into stories one at a time in
 * publication order (cluster), and gives every story its title, event
 * date, related stories, entities, quotes and timeline, then the
 * cross-check (facts, disputes, grounding, each source's role). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../include/crosscheck.h"
#include "../cluster/cluster.h"
#include "../cluster/signature.h"
#include "../dedupe/dedupe.h"
#include "../lang/lang.h"
#include "../lang/resolve.h"
#include "../quote/quote.h"
#include "../time/timex.h"

xc_analysis *xc_analysis_new(void) { return xc_xcalloc(1, sizeof(xc_analysis)); }

void xc_analysis_free(xc_analysis *a) {
  if (!a) return;
  for (size_t i = 0; i < a->ndocs; i++) {
    free(a->docs[i].path);
    free(a->docs[i].marks);
    xc_extracted_release(&a->docs[i].x);
  }
  free(a->docs);
  for (size_t i = 0; i < a->nstories; i++) {
    free(a->stories[i].title);
    free(a->stories[i].date);
    free(a->stories[i].docs);
    free(a->stories[i].related);
    xc_claims_free(a->stories[i].claims);
    free(a->stories[i].grounding);
    free(a->stories[i].role);
    xc_resolve_free(a->stories[i].entities);
    free(a->stories[i].entity_order);
    xc_timeline_release(&a->stories[i].timeline);
    xc_story_quotes_release(&a->stories[i].quotes);
  }
  free(a->stories);
  free(a->ids);
  free(a);
}

static void hex_id(uint64_t h, char *out) {
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < XC_ID_LEN; i++) out[i] = hex[(h >> (60 - 4 * i)) & 15];
  out[XC_ID_LEN] = 0;
}

/* Adds the id hash h (ids are its top 48 bits); 0 when already present. */
static int id_insert(xc_analysis *a, uint64_t h) {
  uint64_t key = (h >> (64 - 4 * XC_ID_LEN)) | 1; /* never 0 (empty) */
  if ((a->nids + 1) * 2 > a->idcap) {
    size_t cap = a->idcap ? a->idcap * 2 : 64;
    uint64_t *t = xc_xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < a->idcap; i++)
      if (a->ids[i]) {
        size_t j = (size_t)(a->ids[i] * 0x9E3779B97F4A7C15ULL) & (cap - 1);
        while (t[j]) j = (j + 1) & (cap - 1);
        t[j] = a->ids[i];
      }
    free(a->ids);
    a->ids = t, a->idcap = cap;
  }
  size_t j = (size_t)(key * 0x9E3779B97F4A7C15ULL) & (a->idcap - 1);
  for (; a->ids[j]; j = (j + 1) & (a->idcap - 1))
    if (a->ids[j] == key) return 0;
  a->ids[j] = key;
  a->nids++;
  return 1;
}

int xc_content_id(const char *path, const char *p, size_t n, char out[XC_ID_LEN + 1], xc_err *err) {
  xc_input in;
  int rc = xc_ingest_bytes(path, p, n, &in, err);
  if (rc == 0) hex_id(xc_hash64(in.data, in.len, 0), out);
  xc_input_release(&in);
  return rc;
}

static int add_input(xc_analysis *a, xc_input *in, xc_err *err) {
  /* the id hash first, while the bytes just read are still in the cache */
  uint64_t h = xc_hash64(in->data, in->len, 0);
  xc_extracted x;
  int rc = xc_extract(in, &x, err);
  if (rc < 0) {
    xc_extracted_release(&x);
    return rc;
  }
  if (a->ndocs == a->capdocs) {
    a->capdocs = a->capdocs ? a->capdocs * 2 : 16;
    a->docs = xc_xrealloc(a->docs, a->capdocs * sizeof *a->docs);
  }
  xc_document *d = &a->docs[a->ndocs++];
  memset(d, 0, sizeof *d);
  /* the same bytes twice under two paths: keep both, with distinct ids */
  while (!id_insert(a, h)) h = xc_hash64(in->path, strlen(in->path), h);
  hex_id(h, d->id);
  d->path = xc_xstrdup(in->path);
  d->format = xc_format_name(in->format);
  d->x = x;
  d->copy_of = -1;
  d->story = -1;
  return 0;
}

static char *dup_or_null(const char *s) { return s ? xc_xstrdup(s) : NULL; }

static void strv_copy(xc_strv *to, const xc_strv *from) {
  for (size_t i = 0; i < from->n; i++) xc_strv_push(to, from->v[i]);
}

void xc_analysis_add_extracted(xc_analysis *a, const char *id, const char *path,
                               const char *format, const xc_extracted *x) {
  if (a->ndocs == a->capdocs) {
    a->capdocs = a->capdocs ? a->capdocs * 2 : 16;
    a->docs = xc_xrealloc(a->docs, a->capdocs * sizeof *a->docs);
  }
  xc_document *d = &a->docs[a->ndocs++];
  memset(d, 0, sizeof *d);
  uint64_t h = xc_hash64(id, strlen(id), 0);
  while (!id_insert(a, h)) h = xc_hash64(path, strlen(path), h);
  snprintf(d->id, sizeof d->id, "%s", id);
  d->path = xc_xstrdup(path);
  d->format = xc_format_name(XC_FMT_TEXT);
  for (int f = XC_FMT_TEXT; f <= XC_FMT_MARKDOWN; f++)
    if (format && !strcmp(format, xc_format_name((xc_format)f))) d->format = xc_format_name((xc_format)f);
  d->x.title = dup_or_null(x->title);
  d->x.published = dup_or_null(x->published);
  d->x.site = dup_or_null(x->site);
  d->x.publisher = dup_or_null(x->publisher);
  d->x.language = dup_or_null(x->language);
  d->x.canonical = dup_or_null(x->canonical);
  d->x.description = dup_or_null(x->description);
  strv_copy(&d->x.authors, &x->authors);
  strv_copy(&d->x.tags, &x->tags);
  d->x.text = xc_xstrdup(x->text ? x->text : "");
  d->copy_of = -1;
  d->story = -1;
}

int xc_analysis_add_file(xc_analysis *a, const char *path, xc_err *err) {
  xc_input in;
  int rc = xc_ingest_load(path, &in, err);
  if (rc == 0) rc = add_input(a, &in, err);
  xc_input_release(&in);
  return rc;
}

int xc_analysis_add_bytes(xc_analysis *a, const char *path, const char *p,
                          size_t n, xc_err *err) {
  xc_input in;
  int rc = xc_ingest_bytes(path, p, n, &in, err);
  if (rc == 0) rc = add_input(a, &in, err);
  xc_input_release(&in);
  return rc;
}

/* A title for a story none of whose reports has one: the first sentence of
 * the text, cut at a word near 100 bytes. */
static char *lead_title(const char *text) {
  size_t n = strcspn(text, "\n");
  for (size_t i = 0; i + 1 < n; i++)
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ' &&
        i > 20) {
      n = i;
      break;
    }
  if (n > 100) {
    size_t k = 100;
    while (k > 40 && text[k] != ' ') k--;
    char *r = xc_xmalloc(k + 4);
    memcpy(r, text, k);
    memcpy(r + k, "\xE2\x80\xA6", 4); /* "…" and the NUL */
    return r;
  }
  return n ? xc_xstrndup(text, n) : xc_xstrdup("(untitled)");
}

/* Documents without a date sort after dated ones; ties keep input order. */
static int date_cmp(const xc_document *x, const xc_document *y) {
  const char *a = x->x.published, *b = y->x.published;
  if (a && b) return strcmp(a, b);
  return a ? -1 : b ? 1 : 0;
}

/* A story's entity and what orders it: in more documents first, then
 * more mentions, then first seen first (the resolver's order). */
typedef struct {
  size_t ndocs, nmentions, index;
} entity_rank;

static int entity_cmp(const void *x, const void *y) {
  const entity_rank *a = x, *b = y;
  if (a->ndocs != b->ndocs) return a->ndocs > b->ndocs ? -1 : 1;
  if (a->nmentions != b->nmentions) return a->nmentions > b->nmentions ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* A report's creation date for its time expressions: the day it was
 * published, when known. */
static const xc_date *report_dct(const xc_document *d, xc_date *out) {
  const char *p = d->x.published;
  return p && strlen(p) >= 10 && xc_timex_parse_date(p, 10, out) == 0 ? out : NULL;
}

/* The independent source report i stands for: itself, or the report it
 * copies. */
static int origin_of(const xc_analysis *a, int i) {
  return a->docs[i].copy_of >= 0 ? a->docs[i].copy_of : i;
}

/* How many reports of s name the entity called name (0 when none is). */
static size_t docs_naming(const xc_story *s, const char *name) {
  for (size_t i = 0; i < xc_resolve_count(s->entities); i++) {
    const xc_entity *e = xc_resolve_entity(s->entities, i);
    if (e->name && !strcmp(e->name, name)) return e->ndocs;
  }
  return 0;
}

/* What the language layer found in one report, computed once before
 * grouping and used again by the story stage. */
typedef struct {
  xc_lang_doc ld;
  xc_timexv tx;
  xc_evsig sig;
  int ok;  /* the layer ran (text short enough for 32-bit offsets) */
  int ran; /* ld and tx are made (a cached signature comes without) */
} doc_lang;

/* Numbers and dates a report gives per 100 words. */
static double specifics(const doc_lang *l) {
  if (!l->ok) return 0;
  size_t words = 0, given = 0;
  for (size_t i = 0; i < l->ld.tokens.n; i++) {
    words += l->ld.tokens.v[i].kind == XC_TK_WORD;
    given += l->ld.tokens.v[i].kind == XC_TK_NUMBER;
  }
  /* calendar dates only: "now" and "recently" are no specifics */
  for (size_t i = 0; i < l->tx.n; i++)
    given += l->tx.v[i].type == XC_TIMEX_DATE && (unsigned)(l->tx.v[i].value[0] - '0') < 10u;
  return words ? 100.0 * (double)given / (double)words : 0;
}

/* Each report of s as a source, in one pass: its statements and direct
 * quotes and how many of them another independent source also carries
 * (its grounding, SPEC.md), and from those, its copy link and its
 * specifics, its role (src/check/roles.h). */
static void story_sources(const xc_analysis *a, xc_story *s, const doc_lang *lang) {
  size_t nd = s->ndocs ? s->ndocs : 1, origins = 0;
  s->grounding = xc_xmalloc(nd * sizeof *s->grounding);
  s->role = xc_xmalloc(nd * sizeof *s->role);
  for (size_t k = 0; k < s->ndocs; k++) origins += a->docs[s->docs[k]].copy_of < 0;
  for (size_t k = 0; k < s->ndocs; k++) {
    int doc = s->docs[k], own = origin_of(a, doc);
    const xc_document *d = &a->docs[doc];
    size_t backed;
    xc_role_facts f = {.copy = d->copy_of >= 0,
                       .specifics = specifics(&lang[doc]),
                       .other_sources = origins - (d->copy_of < 0)};
    xc_claims_doc_counts(s->claims, doc, &f.statements, &backed);
    for (size_t i = 0; i < s->quotes.n; i++) {
      const xc_sq_item *q = &s->quotes.v[i];
      int has = -1, other = 0;
      for (size_t m = 0; m < q->ndocs; m++) {
        if (q->docs[m] == doc) has = (int)m;
        other |= origin_of(a, q->docs[m]) != own;
      }
      if (has < 0) continue;
      f.quotes++, f.statements++;
      f.backed_quotes += other;
      const char *who = q->speakers[has];
      f.lone_speakers += q->named[has] && who && docs_naming(s, who) <= 1;
    }
    backed += f.backed_quotes;
    f.grounding = s->grounding[k] = f.statements ? (double)backed / (double)f.statements : -1;
    if (f.copy) {
      const char *orig = a->docs[d->copy_of].x.text;
      f.resemblance = xc_dedupe_resemblance(d->x.text, orig);
      f.growth = (double)strlen(d->x.text) / (double)(strlen(orig) ? strlen(orig) : 1);
    }
    s->role[k] = xc_source_role(&f);
  }
}

const char *xc_mark_name(int kind) {
  static const char *const names[] = {"person", "org", "place", "misc", "quote", "time"};
  return kind >= 0 && kind <= XC_MARK_TIME ? names[kind] : "misc";
}

static int mark_cmp(const void *x, const void *y) {
  const xc_mark *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return a->end > b->end ? -1 : a->end < b->end; /* the enclosing one first */
}

/* Report d's marks: its entity mentions (l), quotes (q) and times. */
static void doc_marks(xc_document *d, const doc_lang *l, const xc_quotes *q) {
  size_t n = l->ld.nmentions + q->n + l->tx.n, k = 0;
  free(d->marks);
  d->marks = xc_xmalloc((n ? n : 1) * sizeof *d->marks);
  for (size_t i = 0; i < l->ld.nmentions; i++) {
    const xc_mention *m = &l->ld.mentions[i];
    int kind = m->type == XC_NER_PER ? XC_MARK_PER : m->type == XC_NER_ORG ? XC_MARK_ORG
               : m->type == XC_NER_LOC ? XC_MARK_LOC : XC_MARK_MISC;
    d->marks[k++] = (xc_mark){m->start, m->end, (uint8_t)kind, ""};
  }
  for (size_t i = 0; i < q->n; i++) {
    xc_mark *m = &d->marks[k++];
    *m = (xc_mark){q->v[i].start, q->v[i].end, XC_MARK_QUOTE, ""};
    if (q->v[i].speaker) snprintf(m->label, sizeof m->label, "%s", q->v[i].speaker);
  }
  for (size_t i = 0; i < l->tx.n; i++) {
    xc_mark *m = &d->marks[k++];
    *m = (xc_mark){l->tx.v[i].start, l->tx.v[i].end, XC_MARK_TIME, ""};
    snprintf(m->label, sizeof m->label, "%s", l->tx.v[i].value);
  }
  qsort(d->marks, k, sizeof *d->marks, mark_cmp);
  d->nmarks = k;
}

/* Story s from what its reports' language layers found (lang): resolves
 * its entity mentions across them and, once the story's entities are
 * known, finds each report's quotes and their speakers and its checkable
 * statements; then the facts, disputes, the timeline (the dated facts),
 * grounding and roles. */
static void story_language(xc_analysis *a, xc_story *s, const doc_lang *lang) {
  s->entities = xc_resolve_new();
  xc_timeline_init(&s->timeline);
  xc_story_quotes_init(&s->quotes);
  s->claims = xc_claims_new();
  for (size_t k = 0; k < s->ndocs; k++) {
    const doc_lang *l = &lang[s->docs[k]];
    const char *text = a->docs[s->docs[k]].x.text;
    if (!l->ok) continue;
    xc_resolve_add(s->entities, (uint32_t)s->docs[k], text, strlen(text), &l->ld);
  }
  xc_resolve_finish(s->entities);
  xc_quotes q;
  xc_quotes_init(&q);
  for (size_t k = 0; k < s->ndocs; k++) {
    int doc = s->docs[k];
    const xc_document *d = &a->docs[doc];
    const char *text = d->x.text;
    const doc_lang *l = &lang[doc];
    if (!l->ok) continue;
    if (xc_quote_find(text, strlen(text), &l->ld, s->entities, (uint32_t)doc, &q) == 0)
      xc_story_quotes_add(&s->quotes, doc, d->copy_of >= 0, text, &q, s->entities);
    else
      q.n = 0;
    doc_marks(&a->docs[doc], l, &q);
    xc_claims_add(s->claims, doc, origin_of(a, doc), text, &l->ld, s->entities, &l->tx, &q);
  }
  xc_quotes_release(&q);
  xc_story_quotes_finish(&s->quotes);
  xc_claims_add_quotes(s->claims, &s->quotes);
  xc_claims_finish(s->claims);
  xc_timeline_from_claims(&s->timeline, s->claims);
  story_sources(a, s, lang);
  s->nentities = xc_resolve_count(s->entities);
  s->entity_order = xc_xmalloc((s->nentities ? s->nentities : 1) * sizeof *s->entity_order);
  entity_rank *rank = xc_xmalloc((s->nentities ? s->nentities : 1) * sizeof *rank);
  for (size_t i = 0; i < s->nentities; i++) {
    const xc_entity *e = xc_resolve_entity(s->entities, i);
    rank[i] = (entity_rank){e->ndocs, e->nmentions, i};
  }
  qsort(rank, s->nentities, sizeof *rank, entity_cmp);
  for (size_t i = 0; i < s->nentities; i++) s->entity_order[i] = rank[i].index;
  free(rank);
}

/* Copies and their origin (src/dedupe): copy_of[i] receives the index of
 * the original document i copies, or -1. A copy that names no first
 * publisher of its own gets its original's (the original's credit, else
 * its site): the outlet that first published the text. */
static void find_copies(xc_analysis *a, int *copy_of) {
  size_t n = a->ndocs;
  xc_dedupe_doc *dd = xc_xmalloc(n * sizeof *dd);
  for (size_t i = 0; i < n; i++) {
    const xc_extracted *x = &a->docs[i].x;
    dd[i] = (xc_dedupe_doc){x->text, strlen(x->text), x->published, x->site,
                            x->publisher};
  }
  xc_dedupe_copies(dd, n, copy_of);
  free(dd);
  for (size_t i = 0; i < n; i++) {
    xc_document *d = &a->docs[i];
    d->copy_of = copy_of[i];
    if (copy_of[i] < 0 || d->x.publisher) continue;
    const xc_extracted *o = &a->docs[copy_of[i]].x;
    const char *first = o->publisher ? o->publisher : o->site;
    if (first) d->x.publisher = xc_xstrdup(first);
  }
}

/* The language layer over report i: tokens, sentences and entity
 * mentions, and time expressions resolved against the report's own date;
 * with make_sig, the event signature story grouping compares. */
static void run_lang(const xc_analysis *a, size_t i, doc_lang *l, int make_sig) {
  const xc_document *d = &a->docs[i];
  size_t n = strlen(d->x.text);
  xc_date dct;
  l->ran = 1;
  l->ok = xc_lang_analyze(d->x.text, n, NULL, &l->ld) == 0 &&
          xc_timex_tag(d->x.text, n, report_dct(d, &dct), &l->tx) == 0;
  if (make_sig) {
    if (l->ok)
      xc_evsig_make(&l->sig, d->x.title, d->x.text, n, &l->ld, &l->tx, d->x.published);
    else
      xc_evsig_make_empty(&l->sig, d->x.title, d->x.published);
  }
  xc_lang_doc_trim(&l->ld); /* kept until the story stage: scratch not needed */
}

/* Every report's event signature: from the cache when it has one (the
 * language layer then waits for the story stage, and runs only for the
 * stories that need it), else made now (and given to the cache). */
static void drop_lang(doc_lang *l) {
  xc_lang_doc_release(&l->ld);
  xc_timexv_release(&l->tx);
  l->ran = 0;
}

static doc_lang *analyze_reports(xc_analysis *a) {
  doc_lang *lang = xc_xcalloc(a->ndocs, sizeof *lang);
  const xc_analysis_cache *c = a->cache;
  size_t budget = a->lang_keep ? a->lang_keep : XC_LANG_KEEP, kept = 0;
  xc_buf packed;
  xc_buf_init(&packed);
  for (size_t i = 0; i < a->ndocs; i++) {
    doc_lang *l = &lang[i];
    size_t n = 0;
    const void *p = c && c->get_sig ? c->get_sig(c->ctx, i, &n) : NULL;
    if (!p || xc_evsig_unpack(&l->sig, p, n) < 0) {
      run_lang(a, i, l, 1);
      kept += strlen(a->docs[i].x.text);
      if (kept > budget) drop_lang(l); /* made again for its story */
      if (c && c->put_sig) {
        xc_buf_clear(&packed);
        xc_evsig_pack(&l->sig, &packed);
        c->put_sig(c->ctx, i, packed.p, packed.n);
      }
    }
    if (a->progress && ((i + 1) % 64 == 0 || i + 1 == a->ndocs))
      a->progress(a->progress_ctx, "reports", i + 1, a->ndocs);
  }
  xc_buf_release(&packed);
  return lang;
}

static void release_lang(doc_lang *lang, size_t n) {
  for (size_t i = 0; i < n; i++) {
    xc_lang_doc_release(&lang[i].ld);
    xc_timexv_release(&lang[i].tx);
    xc_evsig_release(&lang[i].sig);
  }
  free(lang);
}

static const xc_analysis *order_of; /* for cmp_arrival (qsort has no context) */

static int cmp_arrival(const void *x, const void *y) {
  size_t i = *(const size_t *)x, j = *(const size_t *)y;
  int c = date_cmp(&order_of->docs[i], &order_of->docs[j]);
  return c ? c : (i > j) - (i < j);
}

/* Report indexes in arrival order: by publication date, undated last,
 * ties in input order. */
static size_t *arrival_order(const xc_analysis *a) {
  size_t n = a->ndocs, *ord = xc_xmalloc(n * sizeof *ord);
  for (size_t i = 0; i < n; i++) ord[i] = i;
  order_of = a;
  qsort(ord, n, sizeof *ord, cmp_arrival);
  return ord;
}

/* Puts ord[0..n), the reports without a publication date (arrival order
 * puts them last), in the order they join (xc_clusterer_order_undated). */
static void order_undated(xc_clusterer *c, const doc_lang *lang, const int *copy_of, size_t *ord,
                          size_t n) {
  const xc_evsig **sg = xc_xmalloc((n ? n : 1) * sizeof *sg);
  int *copy = xc_xmalloc((n ? n : 1) * sizeof *copy);
  size_t *o = xc_xmalloc((n ? n : 1) * sizeof *o), *was = xc_xmalloc((n ? n : 1) * sizeof *was);
  for (size_t k = 0; k < n; k++) sg[k] = &lang[ord[k]].sig, copy[k] = copy_of[ord[k]] >= 0;
  xc_clusterer_order_undated(c, sg, copy, n, o);
  memcpy(was, ord, n * sizeof *was);
  for (size_t k = 0; k < n; k++) ord[k] = was[o[k]];
  free(sg), free(copy), free(o), free(was);
}

/* Groups the reports into stories with the incremental clusterer, in
 * arrival order, the undated ones farthest first (order_undated; a copy
 * joins its original's story); story[i] receives
 * the story number of report i, numbered by first appearance in input
 * order. Returns the number of stories; *cl keeps the clusterer for the
 * links, pos[i] is report i's number in it. */
static size_t group_stories(xc_analysis *a, const doc_lang *lang, const int *copy_of, int *story,
                            xc_clusterer **cl, size_t *pos) {
  size_t n = a->ndocs, *ord = arrival_order(a);
  xc_clusterer *c = xc_clusterer_new();
  /* the whole batch is known: its frequencies weigh even the first report */
  for (size_t i = 0; i < n; i++) xc_clusterer_observe(c, &lang[i].sig);
  for (size_t i = 0; i < n; i++) pos[i] = (size_t)-1;
  int trace = getenv("XC_CLUSTER_TRACE") != NULL;
  for (size_t k = 0; k < n; k++) {
    if (!a->docs[ord[k]].x.published && (!k || a->docs[ord[k - 1]].x.published))
      order_undated(c, lang, copy_of, ord + k, n - k);
    size_t i = ord[k];
    long orig = copy_of[i] >= 0 && pos[copy_of[i]] != (size_t)-1 ? (long)pos[copy_of[i]] : -1;
    if (trace) fprintf(stderr, "cluster: report %zu is %s\n", k, a->docs[i].path);
    xc_clusterer_add(c, &lang[i].sig, orig, 1);
    pos[i] = k;
  }
  xc_clusterer_settle(c);
  free(ord);
  int *num = xc_xmalloc(n * sizeof *num);
  for (size_t i = 0; i < n; i++) num[i] = -1;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    uint32_t root = xc_clusterer_story_of(c, (uint32_t)pos[i]);
    if (num[root] < 0) num[root] = (int)k++;
    story[i] = num[root];
  }
  free(num);
  *cl = c;
  return k;
}

static int cmp_day(const void *x, const void *y) {
  int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
  return (a > b) - (a < b);
}

/* A story's event date: the day most of its reports name in their leads
 * (ties: the earliest); when none names one, the earliest publication. */
static char *story_date(const xc_analysis *a, const xc_story *s, const doc_lang *lang) {
  int32_t *days = xc_xmalloc((s->ndocs ? s->ndocs : 1) * sizeof *days), best = XC_SIG_NODATE;
  size_t nd = 0, best_n = 0;
  for (size_t j = 0; j < s->ndocs; j++)
    if (lang[s->docs[j]].sig.date_in_text) days[nd++] = lang[s->docs[j]].sig.date;
  qsort(days, nd, sizeof *days, cmp_day);
  for (size_t j = 0, k; j < nd; j = k) {
    for (k = j; k < nd && days[k] == days[j]; k++) continue;
    if (k - j > best_n) best = days[j], best_n = k - j; /* ascending: ties keep the earliest */
  }
  free(days);
  if (best == XC_SIG_NODATE) {
    const xc_document *first = NULL;
    for (size_t j = 0; j < s->ndocs; j++)
      if (!first || date_cmp(&a->docs[s->docs[j]], first) < 0) first = &a->docs[s->docs[j]];
    return first && first->x.published ? xc_xstrndup(first->x.published, 10) : NULL;
  }
  xc_date d;
  xc_timex_day_date(best, &d);
  char buf[16];
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
  return xc_xstrdup(buf);
}

static void relate(xc_story *s, int other) {
  for (size_t k = 0; k < s->nrelated; k++)
    if (s->related[k] == other) return;
  s->related = xc_xrealloc(s->related, (s->nrelated + 1) * sizeof *s->related);
  s->related[s->nrelated++] = other;
}

/* Related stories from the clusterer's links, both ways: a story that
 * recalls an earlier event, or looks like one, lists it, and is listed
 * by it (reports arrive in any order, so "earlier" is not known). */
static void story_links(xc_analysis *a, xc_clusterer *c, const size_t *pos) {
  size_t n = a->ndocs;
  int *of = xc_xmalloc((xc_clusterer_count(c) ? xc_clusterer_count(c) : 1) * sizeof *of);
  size_t nc = xc_clusterer_count(c);
  for (size_t i = 0; i < nc; i++) of[i] = -1;
  for (size_t i = 0; i < n; i++) of[xc_clusterer_story_of(c, (uint32_t)pos[i])] = a->docs[i].story;
  uint32_t *pairs;
  size_t np = xc_clusterer_links(c, &pairs);
  for (size_t k = 0; k < np; k++) {
    if (pairs[2 * k] >= nc || pairs[2 * k + 1] >= nc) continue;
    int later = of[pairs[2 * k]], earlier = of[pairs[2 * k + 1]];
    if (later < 0 || earlier < 0 || later == earlier) continue;
    relate(&a->stories[later], earlier);
    relate(&a->stories[earlier], later);
  }
  free(pairs);
  free(of);
}

void xc_analysis_finish(xc_analysis *a) {
  if (a->finished) return;
  a->finished = 1;
  size_t n = a->ndocs;
  if (n == 0) return;
  int *copy_of = xc_xmalloc(n * sizeof *copy_of);
  int *story = xc_xmalloc(n * sizeof *story);
  find_copies(a, copy_of);
  doc_lang *lang = analyze_reports(a);
  xc_clusterer *cl;
  size_t *pos = xc_xmalloc(n * sizeof *pos);
  size_t k = group_stories(a, lang, copy_of, story, &cl, pos);
  a->stories = xc_xcalloc(k ? k : 1, sizeof *a->stories);
  a->nstories = k;
  for (size_t i = 0; i < n; i++) {
    xc_story *s = &a->stories[story[i]];
    a->docs[i].story = story[i];
    s->docs = xc_xrealloc(s->docs, (s->ndocs + 1) * sizeof *s->docs);
    s->docs[s->ndocs++] = (int)i;
  }
  for (size_t si = 0; si < k; si++) {
    xc_story *s = &a->stories[si];
    /* the earliest dated report's title names the story */
    int first = s->docs[0];
    for (size_t j = 1; j < s->ndocs; j++)
      if (date_cmp(&a->docs[s->docs[j]], &a->docs[first]) < 0) first = s->docs[j];
    const xc_document *d = &a->docs[first];
    s->date = story_date(a, s, lang);
    for (size_t j = 0; !d->x.title && j < s->ndocs; j++)
      d = &a->docs[s->docs[j]];
    s->title = d->x.title ? xc_xstrdup(d->x.title) : lead_title(a->docs[first].x.text);
    uint64_t h = 0;
    for (size_t j = 0; j < s->ndocs; j++)
      h = xc_hash64(a->docs[s->docs[j]].id, XC_ID_LEN, h);
    hex_id(h, s->id);
  }
  story_links(a, cl, pos);
  xc_clusterer_free(cl);
  if (a->cache && a->cache->grouped) a->cache->grouped(a->cache->ctx, a);
  for (size_t si = 0; si < k; si++) {
    xc_story *s = &a->stories[si];
    if (!s->kept) {
      for (size_t j = 0; j < s->ndocs; j++)
        if (!lang[s->docs[j]].ran) run_lang(a, (size_t)s->docs[j], &lang[s->docs[j]], 0);
      story_language(a, s, lang);
      /* a report is in one story: its analyses are done with */
      for (size_t j = 0; j < s->ndocs; j++) drop_lang(&lang[s->docs[j]]);
    }
    if (a->progress && ((si + 1) % 64 == 0 || si + 1 == k))
      a->progress(a->progress_ctx, "stories", si + 1, k);
  }
  release_lang(lang, n);
  free(pos);
  free(copy_of);
  free(story);
}
