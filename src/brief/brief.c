/* brief.c - renders an analysis: the JSON contract object of SPEC.md, the
 * Markdown brief a person reads, and the `extract` JSON Lines record. */
#include <stdlib.h>
#include <string.h>

#include "../../include/crosscheck.h"
#include "../lang/resolve.h"

static void doc_common(xc_json *j, const xc_document *d) {
  xc_json_key(j, "path");
  xc_json_str(j, d->path);
  xc_json_key(j, "title");
  xc_json_str_or_null(j, d->x.title);
  xc_json_key(j, "published");
  xc_json_str_or_null(j, d->x.published);
  xc_json_key(j, "authors");
  xc_json_strv(j, &d->x.authors);
  xc_json_key(j, "site");
  xc_json_str_or_null(j, d->x.site);
  xc_json_key(j, "publisher");
  xc_json_str_or_null(j, d->x.publisher);
  xc_json_key(j, "language");
  xc_json_str_or_null(j, d->x.language);
}

static void doc_extra(xc_json *j, const xc_document *d) {
  xc_json_key(j, "format");
  xc_json_str(j, d->format);
  xc_json_key(j, "canonical");
  xc_json_str_or_null(j, d->x.canonical);
  xc_json_key(j, "tags");
  xc_json_strv(j, &d->x.tags);
}

void xc_brief_extract_line(const xc_document *d, xc_buf *out) {
  xc_json j;
  xc_json_init(&j, out, 0);
  xc_json_obj_begin(&j);
  xc_json_key(&j, "id");
  xc_json_str(&j, d->id);
  doc_common(&j, d);
  doc_extra(&j, d);
  xc_json_key(&j, "text");
  xc_json_str(&j, d->x.text);
  xc_json_obj_end(&j);
}

static void json_list(xc_json *j, const char *key, const char *const *v, size_t n) {
  xc_json_key(j, key);
  xc_json_arr_begin(j);
  for (size_t i = 0; i < n; i++) xc_json_str(j, v[i]);
  xc_json_arr_end(j);
}

/* The SPEC's entity types. */
static const char *entity_type(int t) {
  return t == XC_NER_PER ? "PERSON" : t == XC_NER_ORG ? "ORG" : t == XC_NER_LOC ? "LOC" : "MISC";
}

/* A story's resolved entities: name, type, aliases, documents, and what
 * else the resolver knows (titles, roles, demonyms, mention count). */
static void story_entities_json(xc_json *j, const xc_analysis *a, const xc_story *s) {
  xc_json_key(j, "entities");
  xc_json_arr_begin(j);
  for (size_t i = 0; i < s->nentities; i++) {
    const xc_entity *e = xc_resolve_entity(s->entities, s->entity_order[i]);
    xc_json_obj_begin(j);
    xc_json_key(j, "name");
    xc_json_str(j, e->name);
    xc_json_key(j, "type");
    xc_json_str(j, entity_type(e->type));
    json_list(j, "aliases", e->aliases, e->naliases);
    xc_json_key(j, "documents");
    xc_json_arr_begin(j);
    for (size_t k = 0; k < e->ndocs; k++) xc_json_str(j, a->docs[e->docs[k]].id);
    xc_json_arr_end(j);
    json_list(j, "titles", e->titles, e->ntitles);
    json_list(j, "roles", e->roles, e->nroles);
    json_list(j, "demonyms", e->demonyms, e->ndemonyms);
    xc_json_key(j, "mentions");
    xc_json_int(j, (long long)e->nmentions);
    xc_json_obj_end(j);
  }
  xc_json_arr_end(j);
}

/* The story's quotes: text, speaker, documents, and whether two or more
 * independent reports carry them. */
static void story_quotes_json(xc_json *j, const xc_analysis *a, const xc_story *s) {
  xc_json_key(j, "quotes");
  xc_json_arr_begin(j);
  for (size_t i = 0; i < s->quotes.n; i++) {
    const xc_sq_item *q = &s->quotes.v[i];
    xc_json_obj_begin(j);
    xc_json_key(j, "text");
    xc_json_str(j, q->text);
    xc_json_key(j, "speaker");
    xc_json_str_or_null(j, q->speaker);
    xc_json_key(j, "documents");
    xc_json_arr_begin(j);
    for (size_t k = 0; k < q->ndocs; k++) xc_json_str(j, a->docs[q->docs[k]].id);
    xc_json_arr_end(j);
    xc_json_key(j, "support");
    xc_json_str(j, q->independent >= 2 ? "corroborated" : "single");
    xc_json_obj_end(j);
  }
  xc_json_arr_end(j);
}

static void doc_ids(xc_json *j, const xc_analysis *a, const int *docs, size_t n) {
  xc_json_key(j, "documents");
  xc_json_arr_begin(j);
  for (size_t k = 0; k < n; k++) xc_json_str(j, a->docs[docs[k]].id);
  xc_json_arr_end(j);
}

static const char *const SUPPORT[] = {"single", "corroborated", "disputed"};

/* A fact's parts as its wording gives them: who (people named in full),
 * what (verbs of what happened), where, when (a calendar date), and
 * counts ({amount, value, noun}; value null for a vague amount). */
static void fact_parts_json(xc_json *j, const xc_fact *f) {
  json_list(j, "who", (const char *const *)f->who, f->nwho);
  xc_json_key(j, "what");
  xc_json_arr_begin(j);
  for (size_t k = 0; k < f->nwhat; k++) xc_json_str(j, f->what[k]);
  xc_json_arr_end(j);
  xc_json_key(j, "where");
  if (f->where[0]) xc_json_str(j, f->where);
  else xc_json_null(j);
  xc_json_key(j, "date");
  if (f->date[0]) xc_json_str(j, f->date);
  else xc_json_null(j);
  xc_json_key(j, "counts");
  xc_json_arr_begin(j);
  for (size_t k = 0; k < f->nqty; k++) {
    xc_json_obj_begin(j);
    xc_json_key(j, "amount");
    xc_json_str(j, f->qty[k].amount);
    xc_json_key(j, "value");
    if (f->qty[k].value >= 0) xc_json_num(j, f->qty[k].value);
    else xc_json_null(j);
    xc_json_key(j, "noun");
    xc_json_str(j, f->qty[k].noun);
    xc_json_obj_end(j);
  }
  xc_json_arr_end(j);
}

/* The story's facts (each with its support) and disputes (each side with
 * what it says in short, its first sentence and its documents). */
static void story_claims_json(xc_json *j, const xc_analysis *a, const xc_story *s) {
  xc_json_key(j, "facts");
  xc_json_arr_begin(j);
  for (size_t i = 0; s->claims && i < xc_claims_nfacts(s->claims); i++) {
    const xc_fact *f = xc_claims_fact(s->claims, i);
    xc_json_obj_begin(j);
    xc_json_key(j, "text");
    xc_json_str(j, f->text);
    doc_ids(j, a, f->docs, f->ndocs);
    xc_json_key(j, "support");
    xc_json_str(j, SUPPORT[f->support]);
    json_list(j, "asserted_by", (const char *const *)f->asserted_by, f->nasserted);
    xc_json_key(j, "negated");
    xc_json_bool(j, f->negated);
    xc_json_key(j, "hedged");
    xc_json_bool(j, f->hedged);
    fact_parts_json(j, f);
    xc_json_obj_end(j);
  }
  xc_json_arr_end(j);
  xc_json_key(j, "disputes");
  xc_json_arr_begin(j);
  for (size_t i = 0; s->claims && i < xc_claims_ndisputes(s->claims); i++) {
    const xc_dispute *d = xc_claims_dispute(s->claims, i);
    xc_json_obj_begin(j);
    xc_json_key(j, "about");
    xc_json_str(j, d->about);
    xc_json_key(j, "claims");
    xc_json_arr_begin(j);
    for (size_t k = 0; k < d->nclaims; k++) {
      xc_json_obj_begin(j);
      xc_json_key(j, "text");
      xc_json_str(j, d->claims[k].text);
      xc_json_key(j, "value");
      xc_json_str(j, d->claims[k].value);
      doc_ids(j, a, d->claims[k].docs, d->claims[k].ndocs);
      xc_json_obj_end(j);
    }
    xc_json_arr_end(j);
    xc_json_obj_end(j);
  }
  xc_json_arr_end(j);
}

/* The story's timeline: dated sentences with the documents that say them. */
static void story_timeline_json(xc_json *j, const xc_analysis *a, const xc_story *s) {
  xc_json_key(j, "timeline");
  xc_json_arr_begin(j);
  for (size_t i = 0; i < s->timeline.n; i++) {
    const xc_tl_item *it = &s->timeline.v[i];
    xc_json_obj_begin(j);
    xc_json_key(j, "date");
    xc_json_str(j, it->date);
    xc_json_key(j, "text");
    xc_json_str(j, it->text);
    xc_json_key(j, "documents");
    xc_json_arr_begin(j);
    for (size_t k = 0; k < it->ndocs; k++) xc_json_str(j, a->docs[it->docs[k]].id);
    xc_json_arr_end(j);
    xc_json_obj_end(j);
  }
  xc_json_arr_end(j);
}

/* One document as an element of "documents". */
static void doc_json(xc_json *j, const xc_analysis *a, const xc_document *d) {
  xc_json_obj_begin(j);
  xc_json_key(j, "id");
  xc_json_str(j, d->id);
  doc_common(j, d);
  xc_json_key(j, "copy_of");
  xc_json_str_or_null(j, d->copy_of >= 0 ? a->docs[d->copy_of].id : NULL);
  xc_json_key(j, "story");
  xc_json_str_or_null(j, d->story >= 0 ? a->stories[d->story].id : NULL);
  doc_extra(j, d);
  xc_json_key(j, "text");
  xc_json_str(j, d->x.text);
  xc_json_obj_end(j);
}

/* One story as an element of "stories". */
static void story_json(xc_json *j, const xc_analysis *a, const xc_story *s) {
  xc_json_obj_begin(j);
  xc_json_key(j, "id");
  xc_json_str(j, s->id);
  xc_json_key(j, "title");
  xc_json_str(j, s->title);
  xc_json_key(j, "date");
  xc_json_str_or_null(j, s->date);
  xc_json_key(j, "documents");
  xc_json_arr_begin(j);
  for (size_t k = 0; k < s->ndocs; k++) xc_json_str(j, a->docs[s->docs[k]].id);
  xc_json_arr_end(j);
  story_entities_json(j, a, s);
  story_quotes_json(j, a, s);
  story_claims_json(j, a, s);
  story_timeline_json(j, a, s);
  /* optional (SPEC extension): earlier stories this one recalls */
  xc_json_key(j, "related");
  xc_json_arr_begin(j);
  for (size_t k = 0; k < s->nrelated; k++) xc_json_str(j, a->stories[s->related[k]].id);
  xc_json_arr_end(j);
  /* grounding: null for a report with nothing checkable */
  xc_json_key(j, "sources");
  xc_json_arr_begin(j);
  for (size_t k = 0; k < s->ndocs; k++) {
    xc_json_obj_begin(j);
    xc_json_key(j, "document");
    xc_json_str(j, a->docs[s->docs[k]].id);
    xc_json_key(j, "grounding");
    if (s->grounding && s->grounding[k] >= 0) xc_json_num(j, s->grounding[k]);
    else xc_json_null(j);
    xc_json_key(j, "role");
    xc_json_str(j, xc_role_name(s->role ? s->role[k] : XC_ROLE_ORIGINAL));
    xc_json_obj_end(j);
  }
  xc_json_arr_end(j);
  xc_json_obj_end(j);
}

void xc_brief_json(const xc_analysis *a, xc_buf *out, int pretty) {
  xc_json j;
  xc_json_init(&j, out, pretty);
  xc_json_obj_begin(&j);
  xc_json_key(&j, "documents");
  xc_json_arr_begin(&j);
  for (size_t i = 0; i < a->ndocs; i++) doc_json(&j, a, &a->docs[i]);
  xc_json_arr_end(&j);
  xc_json_key(&j, "stories");
  xc_json_arr_begin(&j);
  for (size_t i = 0; i < a->nstories; i++) story_json(&j, a, &a->stories[i]);
  xc_json_arr_end(&j);
  xc_json_obj_end(&j);
  xc_buf_putc(out, '\n');
}

void xc_brief_story_object(const xc_analysis *a, size_t si, xc_buf *out, int depth) {
  xc_json j;
  xc_json_init_at(&j, out, 1, depth);
  story_json(&j, a, &a->stories[si]);
}
