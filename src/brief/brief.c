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

static void empty_array(xc_json *j, const char *key) {
  xc_json_key(j, key);
  xc_json_arr_begin(j);
  xc_json_arr_end(j);
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

void xc_brief_json(const xc_analysis *a, xc_buf *out, int pretty) {
  xc_json j;
  xc_json_init(&j, out, pretty);
  xc_json_obj_begin(&j);
  xc_json_key(&j, "documents");
  xc_json_arr_begin(&j);
  for (size_t i = 0; i < a->ndocs; i++) {
    const xc_document *d = &a->docs[i];
    xc_json_obj_begin(&j);
    xc_json_key(&j, "id");
    xc_json_str(&j, d->id);
    doc_common(&j, d);
    xc_json_key(&j, "copy_of");
    xc_json_str_or_null(&j, d->copy_of >= 0 ? a->docs[d->copy_of].id : NULL);
    xc_json_key(&j, "story");
    xc_json_str_or_null(&j, d->story >= 0 ? a->stories[d->story].id : NULL);
    doc_extra(&j, d);
    xc_json_key(&j, "text");
    xc_json_str(&j, d->x.text);
    xc_json_obj_end(&j);
  }
  xc_json_arr_end(&j);
  xc_json_key(&j, "stories");
  xc_json_arr_begin(&j);
  for (size_t i = 0; i < a->nstories; i++) {
    const xc_story *s = &a->stories[i];
    xc_json_obj_begin(&j);
    xc_json_key(&j, "id");
    xc_json_str(&j, s->id);
    xc_json_key(&j, "title");
    xc_json_str(&j, s->title);
    xc_json_key(&j, "date");
    xc_json_str_or_null(&j, s->date);
    xc_json_key(&j, "documents");
    xc_json_arr_begin(&j);
    for (size_t k = 0; k < s->ndocs; k++) xc_json_str(&j, a->docs[s->docs[k]].id);
    xc_json_arr_end(&j);
    story_entities_json(&j, a, s);
    story_quotes_json(&j, a, s);
    empty_array(&j, "facts");
    empty_array(&j, "disputes");
    story_timeline_json(&j, a, s);
    /* optional (SPEC extension): earlier stories this one recalls */
    xc_json_key(&j, "related");
    xc_json_arr_begin(&j);
    for (size_t k = 0; k < s->nrelated; k++) xc_json_str(&j, a->stories[s->related[k]].id);
    xc_json_arr_end(&j);
    /* grounding needs the cross-check (a later stage): null until then */
    xc_json_key(&j, "sources");
    xc_json_arr_begin(&j);
    for (size_t k = 0; k < s->ndocs; k++) {
      xc_json_obj_begin(&j);
      xc_json_key(&j, "document");
      xc_json_str(&j, a->docs[s->docs[k]].id);
      xc_json_key(&j, "grounding");
      xc_json_null(&j);
      xc_json_obj_end(&j);
    }
    xc_json_arr_end(&j);
    xc_json_obj_end(&j);
  }
  xc_json_arr_end(&j);
  xc_json_obj_end(&j);
  xc_buf_putc(out, '\n');
}

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

/* Markdown text with its special characters escaped, on one line. */
static void md_text(xc_buf *out, const char *s) {
  for (; *s; s++) {
    if (*s == '\n' || *s == '\r') {
      xc_buf_putc(out, ' ');
      continue;
    }
    if (strchr("\\`*_[]<>#|", *s)) xc_buf_putc(out, '\\');
    xc_buf_putc(out, *s);
  }
}

/* The lead: the first paragraph that reads as prose (at least 12 words),
 * else the first paragraph; at most max bytes, cut at a word. */
static void md_lead(xc_buf *out, const char *text, size_t max) {
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
  md_text(out, c);
  if (k < lead_n) xc_buf_puts(out, " …");
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
static void md_entities(xc_buf *out, const xc_story *s) {
  static const int types[] = {XC_NER_PER, XC_NER_ORG, XC_NER_LOC};
  static const char *const heads[] = {"People", "Organisations", "Places"};
  int any = 0;
  for (int t = 0; t < 3; t++) {
    size_t shown = 0;
    for (size_t i = 0; i < s->nentities && shown < 8; i++) {
      const xc_entity *e = xc_resolve_entity(s->entities, s->entity_order[i]);
      if (e->type != types[t]) continue;
      if (!any) xc_buf_puts(out, "### Named\n\n"), any = 1;
      xc_buf_puts(out, shown ? "; " : "- ");
      if (!shown) xc_buf_printf(out, "%s: ", heads[t]);
      md_text(out, e->name);
      if (e->nroles || e->ntitles) {
        xc_buf_puts(out, " (");
        md_text(out, e->nroles ? e->roles[0] : e->titles[0]);
        xc_buf_puts(out, ")");
      }
      xc_buf_printf(out, " [%zu/%zu]", e->ndocs, s->ndocs);
      shown++;
    }
    if (shown) xc_buf_puts(out, "\n");
  }
  if (any) xc_buf_puts(out, "\n");
}

/* The quotes, those carried by more reports first, at most twelve, each
 * with its speaker and report count. */
static void md_quotes(xc_buf *out, const xc_story *s) {
  if (!s->quotes.n) return;
  xc_buf_puts(out, "### Quotes\n\n");
  size_t shown = 0;
  for (size_t want = s->ndocs; want >= 1 && shown < 12; want--)
    for (size_t i = 0; i < s->quotes.n && shown < 12; i++) {
      const xc_sq_item *q = &s->quotes.v[i];
      if (q->ndocs != want) continue;
      xc_buf_puts(out, "- \xE2\x80\x9C");
      md_text(out, q->text);
      xc_buf_puts(out, "\xE2\x80\x9D \xE2\x80\x94 ");
      md_text(out, q->speaker ? q->speaker : "speaker unknown");
      xc_buf_printf(out, " [%zu/%zu]%s\n", q->ndocs, s->ndocs,
                    q->independent >= 2 ? "" : " (single source)");
      shown++;
    }
  if (shown < s->quotes.n) xc_buf_printf(out, "- \xE2\x80\xA6 and %zu more\n", s->quotes.n - shown);
  xc_buf_puts(out, "\n");
}

/* The timeline: each dated sentence with how many reports say it. */
static void md_timeline(xc_buf *out, const xc_story *s) {
  if (!s->timeline.n) return;
  xc_buf_puts(out, "### Timeline\n\n");
  for (size_t i = 0; i < s->timeline.n; i++) {
    const xc_tl_item *it = &s->timeline.v[i];
    xc_buf_printf(out, "- %s: ", it->date);
    md_text(out, it->text);
    xc_buf_printf(out, " [%zu/%zu]\n", it->ndocs, s->ndocs);
  }
  xc_buf_puts(out, "\n");
}

void xc_brief_markdown(const xc_analysis *a, xc_buf *out) {
  xc_buf_printf(out, "# crosscheck: %zu report%s, %zu stor%s\n\n", a->ndocs,
                a->ndocs == 1 ? "" : "s", a->nstories,
                a->nstories == 1 ? "y" : "ies");
  for (size_t i = 0; i < a->nstories; i++) {
    const xc_story *s = &a->stories[i];
    xc_buf_puts(out, "## ");
    md_text(out, s->title);
    xc_buf_puts(out, "\n\n");
    size_t copies = 0;
    for (size_t k = 0; k < s->ndocs; k++) copies += a->docs[s->docs[k]].copy_of >= 0;
    xc_buf_printf(out, "- Date: %s\n- Reports: %zu (%zu independent",
                  s->date ? s->date : "unknown", s->ndocs, s->ndocs - copies);
    if (copies) xc_buf_printf(out, "; %zu cop%s", copies, copies == 1 ? "y" : "ies");
    xc_buf_printf(out, ")\n- Story id: `%s`\n", s->id);
    for (size_t k = 0; k < s->nrelated; k++) {
      const xc_story *r = &a->stories[s->related[k]];
      xc_buf_puts(out, "- Related: ");
      md_text(out, r->title);
      xc_buf_printf(out, " (`%s`)\n", r->id);
    }
    xc_buf_puts(out, "\n");
    md_entities(out, s);
    md_quotes(out, s);
    md_timeline(out, s);
    xc_buf_puts(out, "### Sources\n\n");
    /* sources in publication order (undated last), originals before their
     * copies on the same day */
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
    for (size_t k = 0; k < s->ndocs; k++) {
      const xc_document *d = &a->docs[order[k]];
      xc_buf_puts(out, "- **");
      md_text(out, d->x.title ? d->x.title : d->path);
      xc_buf_puts(out, "**");
      if (d->x.published) xc_buf_printf(out, " (%s)", d->x.published);
      xc_buf_puts(out, "  \n  ");
      const char *who = d->x.publisher ? d->x.publisher : d->x.site;
      if (who) {
        xc_buf_puts(out, d->x.publisher ? "first published by " : "on ");
        md_text(out, who);
        xc_buf_puts(out, "; ");
      }
      if (d->x.authors.n) {
        xc_buf_puts(out, "by ");
        for (size_t m = 0; m < d->x.authors.n; m++) {
          if (m) xc_buf_puts(out, ", ");
          md_text(out, d->x.authors.v[m]);
        }
        xc_buf_puts(out, "; ");
      }
      if (d->copy_of >= 0) {
        const xc_document *o = &a->docs[d->copy_of];
        xc_buf_puts(out, "**copy** of `");
        xc_buf_puts(out, o->path);
        xc_buf_puts(out, "` (not an independent source); ");
      }
      xc_buf_printf(out, "`%s` (%s, %zu words)\n", d->path, d->format,
                    word_count(d->x.text));
      xc_buf_puts(out, "  > ");
      md_lead(out, d->x.text, 280);
      xc_buf_puts(out, "\n");
    }
    free(order);
    xc_buf_puts(out, "\n");
  }
}
