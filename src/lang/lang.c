/* lang.c - runs the language layer over one text: the tokenizer, the
 * sentence splitter, then the entity tagger over each document's words,
 * turning its IOB2 tags into mentions with byte offsets. */
#include "lang/lang.h"

#include <stdlib.h>
#include <string.h>

void xc_lang_doc_init(xc_lang_doc *d) { memset(d, 0, sizeof *d); }

void xc_lang_doc_release(xc_lang_doc *d) {
  xc_tokens_release(&d->tokens);
  xc_sentv_release(&d->sents);
  free(d->mentions);
  free(d->words);
  free(d->starts);
  free(d->tags);
  memset(d, 0, sizeof *d);
}

static void add_mention(xc_lang_doc *d, const xc_token *t, size_t a, size_t b, int type) {
  if (d->nmentions == d->mcap) {
    d->mcap = d->mcap ? d->mcap * 2 : 64;
    d->mentions = xc_xrealloc(d->mentions, d->mcap * sizeof *d->mentions);
  }
  xc_mention *m = &d->mentions[d->nmentions++];
  m->tok = (uint32_t)a;
  m->tok_end = (uint32_t)b;
  m->start = t[a].start;
  m->end = t[b - 1].end;
  m->type = (uint8_t)type;
}

/* Is sentence s a heading in title case ("Quotes & Reactions", "What We
 * Know"): no final stop, and every word of three letters or more
 * capitalised? The tagger, trained on prose and capitals headlines, takes
 * such words for names. */
static int title_case_heading(const xc_lang_doc *d, const xc_sent *s) {
  if (!(s->flags & XC_SF_NOTERM)) return 0;
  size_t words = 0;
  for (uint32_t i = s->tok; i < s->tok_end; i++) {
    const xc_token *t = &d->tokens.v[i];
    if (t->kind != XC_TK_WORD || t->end - t->start < 3) continue;
    if (!(t->flags & XC_TF_UPPER)) return 0;
    words++;
  }
  return words >= 2;
}

/* Does hay[0..n) contain needle[0..k)? (Mentions are short.) */
static int contains(const char *hay, size_t n, const char *needle, size_t k) {
  for (size_t i = 0; i + k <= n; i++)
    if (!memcmp(hay + i, needle, k)) return 1;
  return 0;
}

/* Mentions inside title-case headings are kept only when the same words
 * are also named in the body (inside a body mention); the others were
 * capitals, not names. One pass marks the heading mentions; only those
 * (few) are compared with the body's. */
static void drop_heading_names(const char *text, xc_lang_doc *d) {
  size_t nm = d->nmentions, k = 0, heads = 0;
  if (!nm) return;
  uint8_t *head = xc_xmalloc(nm);
  for (size_t i = 0; i < nm; i++) {
    while (k + 1 < d->sents.n && d->sents.v[k].tok_end <= d->mentions[i].tok) k++;
    head[i] = (uint8_t)title_case_heading(d, &d->sents.v[k]);
    heads += head[i];
  }
  /* head[i] = 2: a heading mention the body also names */
  for (size_t i = 0; i < nm && heads; i++) {
    const xc_mention *m = &d->mentions[i];
    for (size_t j = 0; j < nm && head[i] == 1; j++) {
      const xc_mention *o = &d->mentions[j];
      if (!head[j] && contains(text + o->start, o->end - o->start, text + m->start, m->end - m->start))
        head[i] = 2;
    }
  }
  size_t out = 0;
  for (size_t i = 0; i < nm; i++)
    if (head[i] != 1) d->mentions[out++] = d->mentions[i];
  d->nmentions = out;
  free(head);
}

int xc_lang_analyze(const char *text, size_t n, const xc_ner *m, xc_lang_doc *d) {
  d->nmentions = 0;
  int rc = xc_tokenize(text, n, &d->tokens);
  if (rc < 0) return rc;
  xc_sentences(text, n, &d->tokens, &d->sents);
  if (!m) m = xc_ner_default();
  size_t nw = d->tokens.n, ns = d->sents.n;
  if (!m || !nw) return 0;
  if (nw > d->wcap) {
    d->wcap = nw * 2;
    d->words = xc_xrealloc(d->words, d->wcap * sizeof *d->words);
    d->tags = xc_xrealloc(d->tags, d->wcap);
  }
  if (ns > d->scap) {
    d->scap = ns * 2;
    d->starts = xc_xrealloc(d->starts, d->scap * sizeof *d->starts);
  }
  const xc_token *t = d->tokens.v;
  for (size_t i = 0; i < nw; i++) {
    d->words[i].p = text + t[i].start;
    d->words[i].n = t[i].end - t[i].start;
  }
  for (size_t k = 0; k < ns; k++) d->starts[k] = d->sents.v[k].tok;
  xc_ner_doc doc = {d->words, nw, d->starts, ns};
  xc_ner_tag(m, &doc, d->tags);
  /* IOB2 tags to mentions; a name never crosses a sentence */
  for (size_t k = 0; k < ns; k++) {
    size_t a = d->sents.v[k].tok, b = d->sents.v[k].tok_end, open = 0, type = 0;
    for (size_t i = a; i <= b; i++) {
      int tag = i < b ? d->tags[i] : XC_NER_O;
      int cont = i > a && tag != XC_NER_O && !XC_NER_IS_B(tag) && open &&
                 (size_t)XC_NER_TYPE_OF(tag) == type;
      if (open && !cont) add_mention(d, t, open - 1, i, (int)type), open = 0;
      if (tag != XC_NER_O && !cont) open = i + 1, type = (size_t)XC_NER_TYPE_OF(tag);
    }
  }
  drop_heading_names(text, d);
  return 0;
}
