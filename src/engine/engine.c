/* engine.c - the pipeline in memory: each added input is decoded (ingest)
 * and extracted; finish() finds copies (dedupe), groups stories (cluster),
 * gives every story its title and date, and runs the language layer and
 * the cross-check over each story (entities, times, quotes, claims). */
#include <stdlib.h>
#include <string.h>

#include "../../include/crosscheck.h"
#include "../cluster/cluster.h"
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
    xc_extracted_release(&a->docs[i].x);
  }
  free(a->docs);
  for (size_t i = 0; i < a->nstories; i++) {
    free(a->stories[i].title);
    free(a->stories[i].date);
    free(a->stories[i].docs);
    xc_resolve_free(a->stories[i].entities);
    free(a->stories[i].entity_order);
    xc_timeline_release(&a->stories[i].timeline);
    xc_story_quotes_release(&a->stories[i].quotes);
    xc_claims_free(a->stories[i].claims);
    free(a->stories[i].grounding);
    free(a->stories[i].role);
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

/* Grounding of each report of s: of its statements and direct quotes,
 * the share another independent source also carries (see SPEC.md). */
static void story_grounding(const xc_analysis *a, xc_story *s) {
  s->grounding = xc_xmalloc((s->ndocs ? s->ndocs : 1) * sizeof *s->grounding);
  for (size_t k = 0; k < s->ndocs; k++) {
    int doc = s->docs[k], own = origin_of(a, doc);
    size_t total, supported;
    xc_claims_doc_counts(s->claims, doc, &total, &supported);
    for (size_t i = 0; i < s->quotes.n; i++) {
      const xc_sq_item *q = &s->quotes.v[i];
      int has = 0, other = 0;
      for (size_t m = 0; m < q->ndocs; m++) {
        has |= q->docs[m] == doc;
        other |= origin_of(a, q->docs[m]) != own;
      }
      total += has, supported += has && other;
    }
    s->grounding[k] = total ? (double)supported / (double)total : -1;
  }
}

/* How many reports of s name the entity called name (0 when none is). */
static size_t docs_naming(const xc_story *s, const char *name) {
  for (size_t i = 0; i < xc_resolve_count(s->entities); i++) {
    const xc_entity *e = xc_resolve_entity(s->entities, i);
    if (e->name && !strcmp(e->name, name)) return e->ndocs;
  }
  return 0;
}

/* The role of each report of s (src/check/roles.h), from its copy link,
 * its grounding and its quotes. */
static void story_roles(const xc_analysis *a, xc_story *s) {
  s->role = xc_xmalloc((s->ndocs ? s->ndocs : 1) * sizeof *s->role);
  size_t origins = 0;
  for (size_t k = 0; k < s->ndocs; k++) origins += a->docs[s->docs[k]].copy_of < 0;
  for (size_t k = 0; k < s->ndocs; k++) {
    const xc_document *d = &a->docs[s->docs[k]];
    xc_role_facts f = {d->copy_of >= 0, 0, s->grounding[k], origins - (d->copy_of < 0), 0, 0, 0};
    if (f.copy) f.resemblance = xc_dedupe_resemblance(d->x.text, a->docs[d->copy_of].x.text);
    int own = origin_of(a, s->docs[k]);
    for (size_t i = 0; i < s->quotes.n; i++) {
      const xc_sq_item *q = &s->quotes.v[i];
      int has = -1, other = 0;
      for (size_t m = 0; m < q->ndocs; m++) {
        if (q->docs[m] == s->docs[k]) has = (int)m;
        other |= origin_of(a, q->docs[m]) != own;
      }
      if (has < 0) continue;
      f.quotes++;
      f.backed_quotes += other;
      const char *who = q->speakers[has];
      f.lone_speakers += q->named[has] && who && docs_naming(s, who) <= 1;
    }
    s->role[k] = xc_source_role(&f);
  }
}

/* Runs the language layer over every report of story s: resolves its
 * entity mentions across them, resolves each report's time expressions
 * against its own date for the timeline, and, once the story's entities
 * are known, finds each report's quotes and their speakers and its
 * checkable statements; then the facts, disputes and grounding. */
static void story_language(xc_analysis *a, xc_story *s) {
  s->entities = xc_resolve_new();
  xc_timeline_init(&s->timeline);
  xc_story_quotes_init(&s->quotes);
  s->claims = xc_claims_new();
  size_t nd = s->ndocs ? s->ndocs : 1;
  xc_lang_doc *ld = xc_xcalloc(nd, sizeof *ld);
  xc_timexv *tx = xc_xcalloc(nd, sizeof *tx);
  for (size_t k = 0; k < s->ndocs; k++) {
    const xc_document *d = &a->docs[s->docs[k]];
    const char *text = d->x.text;
    size_t n = strlen(text);
    if (xc_lang_analyze(text, n, NULL, &ld[k]) != 0) continue;
    xc_resolve_add(s->entities, (uint32_t)s->docs[k], text, n, &ld[k]);
    xc_date dct;
    if (xc_timex_tag(text, n, report_dct(d, &dct), &tx[k]) == 0)
      xc_timeline_add(&s->timeline, s->docs[k], text, &ld[k], &tx[k]);
  }
  xc_timeline_finish(&s->timeline);
  xc_resolve_finish(s->entities);
  xc_quotes q;
  xc_quotes_init(&q);
  for (size_t k = 0; k < s->ndocs; k++) {
    int doc = s->docs[k];
    const xc_document *d = &a->docs[doc];
    const char *text = d->x.text;
    if (xc_quote_find(text, strlen(text), &ld[k], s->entities, (uint32_t)doc, &q) == 0)
      xc_story_quotes_add(&s->quotes, doc, d->copy_of >= 0, text, &q, s->entities);
    else
      q.n = 0;
    xc_claims_add(s->claims, doc, origin_of(a, doc), text, &ld[k], s->entities, &tx[k], &q);
    xc_lang_doc_release(&ld[k]);
    xc_timexv_release(&tx[k]);
  }
  xc_quotes_release(&q);
  free(ld);
  free(tx);
  xc_claims_add_quotes(s->claims, &s->quotes);
  xc_claims_finish(s->claims);
  story_grounding(a, s);
  story_roles(a, s);
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

void xc_analysis_finish(xc_analysis *a) {
  if (a->finished) return;
  a->finished = 1;
  size_t n = a->ndocs;
  if (n == 0) return;
  const char **texts = xc_xmalloc(n * sizeof *texts);
  const char **titles = xc_xmalloc(n * sizeof *titles);
  int *copy_of = xc_xmalloc(n * sizeof *copy_of);
  int *story = xc_xmalloc(n * sizeof *story);
  for (size_t i = 0; i < n; i++) {
    texts[i] = a->docs[i].x.text;
    titles[i] = a->docs[i].x.title;
  }
  find_copies(a, copy_of);
  size_t k = xc_cluster_group(titles, texts, copy_of, n, story);
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
    /* earliest dated report gives the date; its title names the story */
    int first = s->docs[0];
    for (size_t j = 1; j < s->ndocs; j++)
      if (date_cmp(&a->docs[s->docs[j]], &a->docs[first]) < 0) first = s->docs[j];
    const xc_document *d = &a->docs[first];
    if (d->x.published) s->date = xc_xstrdup(d->x.published);
    for (size_t j = 0; !d->x.title && j < s->ndocs; j++)
      d = &a->docs[s->docs[j]];
    s->title = d->x.title ? xc_xstrdup(d->x.title) : lead_title(a->docs[first].x.text);
    uint64_t h = 0;
    for (size_t j = 0; j < s->ndocs; j++)
      h = xc_hash64(a->docs[s->docs[j]].id, XC_ID_LEN, h);
    hex_id(h, s->id);
  }
  for (size_t si = 0; si < k; si++) story_language(a, &a->stories[si]);
  free(texts);
  free(titles);
  free(copy_of);
  free(story);
}
