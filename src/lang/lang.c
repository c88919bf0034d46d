/* lang.c - runs the language layer over one text: the tokenizer, the
 * sentence splitter, then the entity tagger over each document's words,
 * turning its IOB2 tags into mentions with byte offsets. */
#include "lang/lang.h"

#include <stdlib.h>
#include <string.h>

#include "lang/gazetteer.h"

void xc_lang_doc_init(xc_lang_doc *d) { memset(d, 0, sizeof *d); }

void xc_lang_doc_trim(xc_lang_doc *d) {
  free(d->words);
  free(d->starts);
  free(d->tags);
  d->words = NULL, d->starts = NULL, d->tags = NULL;
  d->wcap = d->scap = 0;
}

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

/* ---- datelines ---- */
/* Is tokens [a, b) a place the name lists know (a city, country or
 * region)? Words are looked up lower-cased. */
static int known_place(const char *text, const xc_token *t, size_t a, size_t b) {
  if (b <= a || b - a > XC_GAZ_MAXWORDS) return 0;
  uint64_t w[XC_GAZ_MAXWORDS];
  for (size_t i = a; i < b; i++) {
    char low[64];
    size_t n = t[i].end - t[i].start;
    if (t[i].kind != XC_TK_WORD || n >= sizeof low) return 0;
    for (size_t k = 0; k < n; k++) low[k] = (char)xc_lower((unsigned char)text[t[i].start + k]);
    w[i - a] = xc_gaz_word_hash(low, n);
  }
  unsigned bits = xc_gaz_lookup(xc_gaz_default(), w, b - a);
  if (bits & (1u << XC_GAZ_COMMON)) return 0; /* "Reading:", "Nice —" */
  return (bits & (1u << XC_GAZ_CITY | 1u << XC_GAZ_COUNTRY | 1u << XC_GAZ_REGION)) != 0;
}

/* Makes tokens [a, b) one LOC mention: retypes the mention that is
 * exactly those tokens, or adds one where no mention touches them. */
static void make_place(xc_lang_doc *d, size_t a, size_t b) {
  size_t at = 0;
  while (at < d->nmentions && d->mentions[at].tok_end <= a) at++;
  if (at < d->nmentions && d->mentions[at].tok < b) {
    xc_mention *m = &d->mentions[at];
    if (m->tok == a && m->tok_end == b) m->type = XC_NER_LOC;
    return;
  }
  add_mention(d, d->tokens.v, a, b, XC_NER_LOC);
  xc_mention added = d->mentions[d->nmentions - 1];
  memmove(&d->mentions[at + 1], &d->mentions[at], (d->nmentions - 1 - at) * sizeof added);
  d->mentions[at] = added;
}

static int is_punct(const xc_token *t, int sub) {
  return t->kind == XC_TK_PUNCT && t->sub == sub;
}

/* A run of capitalised words from token i (at most four; all in capitals
 * when caps): returns its end. */
static size_t cap_run(const xc_token *t, size_t nt, size_t i, int caps) {
  size_t j = i;
  while (j < nt && j - i < 4 && t[j].kind == XC_TK_WORD &&
         (caps ? (t[j].flags & XC_TF_ALLCAPS) && t[j].end - t[j].start > 1
               : (t[j].flags & XC_TF_UPPER) != 0) &&
         (j == i || !(t[j].flags & XC_TF_NEWLINE)))
    j++;
  return j;
}

/* Datelines: a line that opens with a place the name lists know, in
 * capitals ("KYIV —", "NEW YORK (AP) —", "KYIV, Ukraine —") or not
 * ("London —", "London:"), then a dash, a colon or a news agency in
 * brackets, then the story. The place is a LOC whatever the tagger said
 * (trained on prose, it takes a line-initial word in capitals for an
 * organisation). */
static void datelines(const char *text, xc_lang_doc *d) {
  const xc_token *t = d->tokens.v;
  size_t nt = d->tokens.n;
  for (size_t i = 0; i < nt; i++) {
    if (!(t[i].flags & XC_TF_NEWLINE) || t[i].kind != XC_TK_WORD) continue;
    int caps = (t[i].flags & XC_TF_ALLCAPS) != 0;
    size_t j = cap_run(t, nt, i, caps);
    if (j == i || !known_place(text, t, i, j)) continue;
    size_t parts[2][2] = {{i, j}, {0, 0}}, np = 1, k = j;
    /* ", Ukraine" / ", Calif.": a second place after a comma */
    if (k + 1 < nt && is_punct(&t[k], XC_PU_COMMA)) {
      size_t e = cap_run(t, nt, k + 1, 0);
      if (e > k + 1) {
        if (known_place(text, t, k + 1, e)) parts[np][0] = k + 1, parts[np][1] = e, np++;
        k = e;
      }
    }
    /* "(AP)", "(Reuters)": an agency in brackets */
    if (k + 2 < nt && is_punct(&t[k], XC_PU_BRACKET) && (t[k].flags & XC_TF_OPEN) &&
        t[k + 1].kind == XC_TK_WORD && is_punct(&t[k + 2], XC_PU_BRACKET) &&
        (t[k + 2].flags & XC_TF_CLOSE))
      k += 3;
    if (k + 1 >= nt || (t[k + 1].flags & XC_TF_NEWLINE)) continue;
    if (!is_punct(&t[k], XC_PU_DASH) && !is_punct(&t[k], XC_PU_COLON)) continue;
    for (size_t p = 0; p < np; p++) make_place(d, parts[p][0], parts[p][1]);
    i = k;
  }
}

/* ---- places after "in" ---- */
/* Is token t exactly the word w? */
static int word_is(const char *text, const xc_token *t, const char *w) {
  size_t n = strlen(w);
  return t->kind == XC_TK_WORD && t->end - t->start == n && !memcmp(text + t->start, w, n);
}

/* "Police in Hamburg said", "fighting near Kharkiv": a one-word name the
 * tagger took for an organisation, right after a preposition of place,
 * that the name lists know as a city, country or region (and not as a
 * common word) is the place. Trained on sports results, where cities
 * stand for their clubs, the tagger reads "Hamburg said" as a club; in
 * news "in Hamburg" is the city. A possessive after it ("in Hamburg's 2-1
 * win") leaves the club alone. */
static void places_after_prepositions(const char *text, xc_lang_doc *d) {
  static const char *const preps[] = {"in", "near", "outside", "across"};
  const xc_token *t = d->tokens.v;
  for (size_t i = 0; i < d->nmentions; i++) {
    xc_mention *m = &d->mentions[i];
    if (m->type != XC_NER_ORG || m->tok_end - m->tok != 1 || m->tok == 0) continue;
    size_t k = m->tok;
    if (k + 1 < d->tokens.n && t[k + 1].start == t[k].end &&
        (text[t[k + 1].start] == '\'' ||
         (t[k + 1].end - t[k + 1].start >= 3 && !memcmp(text + t[k + 1].start, "\xE2\x80\x99", 3))))
      continue; /* "Hamburg's", "Hamburg’s" */
    int prep = 0;
    for (size_t p = 0; p < sizeof preps / sizeof *preps; p++) prep |= word_is(text, &t[k - 1], preps[p]);
    if (prep && known_place(text, t, k, k + 1)) m->type = XC_NER_LOC;
  }
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
  datelines(text, d);
  places_after_prepositions(text, d);
  drop_heading_names(text, d);
  return 0;
}
