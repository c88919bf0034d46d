/* quote.c - direct quotes and indirect attributions of one document.
 * Quote marks (tokenizer's QUOTE tokens, direction from their flanks) are
 * paired per paragraph; a quote left open at a paragraph's end goes on
 * when the next paragraph opens with the same mark (the newspaper
 * convention), else ends there. Marks of the other kind inside a quote
 * are nested quotes and stay part of it. Speakers come from speaker.c.
 * Short quotes with no speaker in their sentence are scare quotes, and
 * short title-case quotes after "on", "book" and the like are titles:
 * neither is reported. */
#include <stdlib.h>
#include <string.h>

#include "quote/quote_int.h"

static const char *const how_names[] = {
#define XC_QH_NAME(name, text) text,
    XC_QUOTE_HOWS(XC_QH_NAME)
#undef XC_QH_NAME
};

const char *xc_quote_how_name(int how) {
  return how >= 0 && how < XC_QH_COUNT ? how_names[how] : "?";
}

void xc_quotes_init(xc_quotes *q) { memset(q, 0, sizeof *q); }

void xc_quotes_release(xc_quotes *q) {
  free(q->v);
  xc_arena_release(&q->arena);
  memset(q, 0, sizeof *q);
}

/* ---- token tests shared with speaker.c ---- */

int xc_q_punct(const qctx *c, uint32_t i, int sub) {
  return i < c->nt && c->t[i].kind == XC_TK_PUNCT && c->t[i].sub == sub;
}

int xc_q_word(const qctx *c, uint32_t i) { return i < c->nt && c->t[i].kind == XC_TK_WORD; }

/* Is token i the word w (lower case ASCII), in any case? */
int xc_q_is(const qctx *c, uint32_t i, const char *w) {
  if (i >= c->nt || c->t[i].kind != XC_TK_WORD) return 0;
  size_t n = c->t[i].end - c->t[i].start;
  return strlen(w) == n && xc_strncaseeq(c->text + c->t[i].start, w, n);
}

/* Does token i open a paragraph? A blank line before it, or a line break
 * where the splitter started a sentence. */
int xc_q_para_start(const qctx *c, uint32_t i) {
  if (i >= c->nt) return 0;
  if (c->t[i].flags & XC_TF_PARA) return 1;
  return (c->t[i].flags & XC_TF_NEWLINE) && c->s[c->sent_of[i]].tok == i;
}

/* ---- setting up ---- */

/* Marks tokens inside markup left in the text ("<tweet id="...">"): their
 * quote marks delimit attribute values, not quotes. */
static void find_markup(qctx *c) {
  uint32_t k = 0;
  /* YAML front matter ("---" lines around key: "value" pairs) */
  if (c->n > 4 && !memcmp(c->text, "---", 3) && (c->text[3] == '\n' || c->text[3] == '\r')) {
    const char *end = NULL;
    for (size_t i = 3; i + 4 <= c->n && !end; i++)
      if (c->text[i] == '\n' && !memcmp(c->text + i + 1, "---", 3)) end = c->text + i + 4;
    if (end)
      for (; k < c->nt && c->t[k].start < (size_t)(end - c->text); k++) c->markup[k] = 1;
  }
  for (size_t i = 0; i < c->n; i++) {
    if (c->text[i] != '<') continue;
    unsigned char nx = i + 1 < c->n ? (unsigned char)c->text[i + 1] : 0;
    if (!((nx | 0x20) >= 'a' && (nx | 0x20) <= 'z') && nx != '/' && nx != '!') continue;
    size_t j = i + 1;
    while (j < c->n && j - i < 2000 && c->text[j] != '>' && c->text[j] != '<' && c->text[j] != '\n') j++;
    if (j >= c->n || c->text[j] != '>') continue;
    while (k < c->nt && c->t[k].start < i) k++;
    for (uint32_t m = k; m < c->nt && c->t[m].start <= j; m++) c->markup[m] = 1;
    i = j;
  }
}

static void setup(qctx *c) {
  size_t nt = c->nt;
  c->sent_of = xc_xmalloc((nt + 1) * sizeof *c->sent_of);
  c->mention_of = xc_xmalloc((nt + 1) * sizeof *c->mention_of);
  c->seg_of = xc_xmalloc((nt + 1) * sizeof *c->seg_of);
  c->lex = xc_xcalloc(nt + 1, sizeof *c->lex);
  c->gen = xc_xcalloc(nt + 1, 1);
  c->markup = xc_xcalloc(nt + 1, 1);
  for (size_t s = 0; s < c->ns; s++)
    for (uint32_t i = c->s[s].tok; i < c->s[s].tok_end; i++) c->sent_of[i] = (uint32_t)s;
  for (size_t i = 0; i < nt; i++) c->mention_of[i] = -1, c->seg_of[i] = QNONE;
  for (size_t m = 0; m < c->d->nmentions; m++)
    for (uint32_t i = c->d->mentions[m].tok; i < c->d->mentions[m].tok_end; i++)
      c->mention_of[i] = (int32_t)m;
  for (size_t i = 0; i < nt; i++) {
    if (c->t[i].kind != XC_TK_WORD) continue;
    unsigned g;
    const char *p = c->text + c->t[i].start;
    size_t n = c->t[i].end - c->t[i].start;
    c->lex[i] = (uint32_t)((c->t[i].flags & XC_TF_NONASCII) ? xc_qlex_apos(p, n, &g) : xc_qlex(p, n, &g));
    c->gen[i] = (uint8_t)g;
  }
  find_markup(c);
}

static void teardown(qctx *c) {
  free(c->sent_of);
  free(c->mention_of);
  free(c->seg_of);
  free(c->lex);
  free(c->gen);
  free(c->markup);
  free(c->segs);
  free(c->egender);
  xc_buf_release(&c->scratch);
}

/* ---- pairing the marks ---- */

static int is_mark(const qctx *c, uint32_t i) {
  if (c->t[i].kind != XC_TK_QUOTE || c->markup[i]) return 0;
  /* feet and inches: 6'2" */
  if (i > 0 && c->t[i - 1].kind == XC_TK_NUMBER && c->t[i - 1].end == c->t[i].start &&
      !(c->t[i].flags & XC_TF_OPEN))
    return 0;
  return 1;
}

static int is_open(const qctx *c, uint32_t i) { return (c->t[i].flags & XC_TF_OPEN) != 0; }

static int is_single(const qctx *c, uint32_t i) { return c->t[i].sub == XC_QU_SINGLE; }

/* Is the single mark at i closed by a single mark later in its paragraph?
 * Otherwise it is an apostrophe or a stray ("the '60s"). */
static int single_closes(const qctx *c, uint32_t i) {
  for (uint32_t k = i + 1; k < c->nt && k - i < 80; k++) {
    if (xc_q_para_start(c, k)) return 0;
    if (is_mark(c, k) && is_single(c, k)) return !is_open(c, k);
  }
  return 0;
}

static void add_seg(qctx *c, uint32_t open, uint32_t close, uint32_t end, uint32_t group,
                    int single, int flags) {
  if (c->nsegs == c->segcap) {
    c->segcap = c->segcap ? c->segcap * 2 : 32;
    c->segs = xc_xrealloc(c->segs, c->segcap * sizeof *c->segs);
  }
  qseg *q = &c->segs[c->nsegs];
  memset(q, 0, sizeof *q);
  q->open = open, q->close = close;
  q->a = open + 1, q->b = end;
  q->group = group == QNONE ? (uint32_t)c->nsegs : group;
  q->single = (uint8_t)single;
  q->flags = (uint8_t)flags;
  q->at.cue_a = QNONE;
  c->nsegs++;
}

/* Pairs the quote marks into segments. */
static void pair_marks(qctx *c) {
  uint32_t open = QNONE, group = QNONE;
  int single = 0, cont = 0;
  for (uint32_t i = 0; i < c->nt; i++) {
    if (open != QNONE && xc_q_para_start(c, i)) {
      /* a quote still open at a paragraph's end: it goes on when the new
       * paragraph opens with the same mark, else it ends here */
      int goes_on = is_mark(c, i) && is_open(c, i) && is_single(c, i) == single && !single;
      add_seg(c, open, QNONE, i, group, single, XC_QF_UNCLOSED | (cont ? XC_QF_PARA : 0));
      if (goes_on) {
        if (group == QNONE) group = (uint32_t)c->nsegs - 1;
        open = i, cont = 1;
        continue;
      }
      open = QNONE, group = QNONE, cont = 0;
    }
    if (!is_mark(c, i)) continue;
    if (open == QNONE) {
      if (!is_open(c, i)) continue; /* a stray closing mark */
      if (is_single(c, i) && !single_closes(c, i)) continue;
      open = i, single = is_single(c, i), group = QNONE, cont = 0;
      continue;
    }
    if (is_single(c, i) != single) continue; /* nested: part of the quote */
    if (!is_open(c, i)) {
      add_seg(c, open, i, i, group, single, cont ? XC_QF_PARA : 0);
      open = QNONE, group = QNONE, cont = 0;
      continue;
    }
    /* an opening mark inside an open quote of its kind: the closing mark
     * was lost; the first quote ends here and a new one starts */
    add_seg(c, open, QNONE, i, group, single, XC_QF_UNCLOSED | (cont ? XC_QF_PARA : 0));
    open = i, group = QNONE, cont = 0;
    if (single && !single_closes(c, i)) open = QNONE;
  }
  if (open != QNONE) add_seg(c, open, QNONE, (uint32_t)c->nt, group, single, XC_QF_UNCLOSED | (cont ? XC_QF_PARA : 0));
}

/* Content bounds, sentences and word counts of every segment; marks the
 * tokens each one holds. */
static void measure_segs(qctx *c) {
  for (size_t k = 0; k < c->nsegs; k++) {
    qseg *q = &c->segs[k];
    uint32_t last = q->close != QNONE ? q->close : q->b - 1;
    q->s0 = c->sent_of[q->open];
    q->s1 = c->sent_of[last];
    for (uint32_t i = q->open; i <= last && i < c->nt; i++) c->seg_of[i] = (uint32_t)k;
    for (uint32_t i = q->a; i < q->b; i++)
      q->words += c->t[i].kind == XC_TK_WORD || c->t[i].kind == XC_TK_NUMBER;
  }
  /* the splitter breaks sentences inside quotes: a quote's sentence
   * starts where the sentence of any quote it begins inside starts */
  for (size_t k = 0; k < c->nsegs; k++) {
    qseg *q = &c->segs[k];
    for (int guard = 0; guard < 8; guard++) {
      uint32_t first = c->s[q->s0].tok, o = c->seg_of[first];
      if (o == QNONE || o >= k || c->segs[o].s0 >= q->s0) break;
      q->s0 = c->segs[o].s0;
    }
  }
}

/* ---- scare quotes and titles ---- */

/* Are the words of segments [first, last] a title in title case ("The Art
 * of the Deal", "Morning Joe")? Small words may stay lower case. */
static int title_case(const qctx *c, size_t first, size_t last) {
  static const char *const small[] = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to",
                                      "for", "with", "by", "from", "as", "is", "vs", "vs.", NULL};
  uint32_t caps = 0;
  for (size_t k = first; k <= last; k++) {
    const qseg *q = &c->segs[k];
    for (uint32_t i = q->a; i < q->b; i++) {
      const xc_token *t = &c->t[i];
      if (t->kind == XC_TK_PUNCT && (t->sub == XC_PU_TERM || t->sub == XC_PU_ELLIPSIS ||
                                     (t->sub == XC_PU_PERIOD && i + 1 < q->b)))
        return 0;
      if (t->kind != XC_TK_WORD || (t->flags & XC_TF_CLITIC)) continue;
      if (t->flags & XC_TF_UPPER) {
        caps++;
        continue;
      }
      int ok = 0;
      for (size_t s = 0; small[s] && !ok; s++) ok = xc_q_is(c, i, small[s]);
      if (!ok) return 0;
    }
  }
  return caps > 0;
}

/* What stands before a quote that makes it a title or a scare quote:
 * "so-called", a noun for a work within three words ("the book"), a
 * preposition or possessive right before ("on 'Morning Joe'", "Fox's"). */
enum { BEFORE_NONE, BEFORE_SCARE, BEFORE_WORK, BEFORE_PREP };
static int before_quote(const qctx *c, uint32_t open) {
  if (open == 0) return BEFORE_NONE;
  uint32_t p = open - 1;
  if (c->t[p].kind == XC_TK_WORD) {
    size_t n = c->t[p].end - c->t[p].start;
    if (n >= 9 && xc_strncaseeq(c->text + c->t[p].start, "so-called", 9)) return BEFORE_SCARE;
  }
  for (uint32_t k = open, j = 0; k > 0 && j < 3; j++) {
    k--;
    if (c->seg_of[k] != QNONE && c->seg_of[k] != c->seg_of[open]) break;
    if (c->lex[k] & QK_TITLE) return BEFORE_WORK;
  }
  if (xc_q_is(c, p, "on") || xc_q_is(c, p, "in") || xc_q_is(c, p, "of") || xc_q_is(c, p, "at") ||
      (c->t[p].flags & XC_TF_CLITIC))
    return BEFORE_PREP;
  return BEFORE_NONE;
}

/* Is the quote made of segments [first, last] reported? Four or more words
 * are a quote unless they are a title; fewer only with a speaker found in
 * their own sentence (a partial quote: called it "a disaster"). */
static int reported(const qctx *c, size_t first, size_t last) {
  uint32_t words = 0;
  for (size_t k = first; k <= last; k++) words += c->segs[k].words;
  if (!words) return 0;
  const qseg *q = &c->segs[first];
  int before = before_quote(c, q->open);
  if (before == BEFORE_SCARE) return 0;
  int title = title_case(c, first, last);
  int how = q->at.how;
  /* a speaker guessed from the clause's subject does not make a short
   * quote a quotation: "Sanders embraced the 'establishment' label" */
  int near = (how == XC_QH_ADJACENT || how == XC_QH_SENTENCE) && !q->at.guess;
  if (title && (before == BEFORE_WORK || before == BEFORE_PREP)) return 0;
  if (title && !near && how != XC_QH_PREVIOUS) return 0;
  if (words >= 4) return 1;
  return near || (how == XC_QH_PREVIOUS && q->at.cue_a == QNONE);
}

/* ---- output ---- */

static xc_quote *push_quote(xc_quotes *out) {
  if (out->n == out->cap) {
    out->cap = out->cap ? out->cap * 2 : 16;
    out->v = xc_xrealloc(out->v, out->cap * sizeof *out->v);
  }
  xc_quote *q = &out->v[out->n++];
  memset(q, 0, sizeof *q);
  q->entity = -1;
  q->speaker_type = -1;
  return q;
}

/* Fills the speaker fields of q from attribution at; span: whether the
 * speaker's words are at this quote. */
static void put_speaker(qctx *c, xc_quotes *out, xc_quote *q, const qatt *at, int span) {
  q->how = at->how;
  if (at->sp.kind == NP_NONE) return;
  long e;
  int type, described;
  xc_q_speaker_name(c, &at->sp, &e, &type, &described);
  q->speaker = xc_arena_strndup(&out->arena, c->scratch.p ? c->scratch.p : "", c->scratch.n);
  q->entity = e;
  q->speaker_type = type;
  if (described) q->flags |= XC_QF_DESCRIBED;
  if (span) {
    q->flags |= XC_QF_SPAN;
    q->spk_start = c->t[at->sp.a].start;
    q->spk_end = c->t[at->sp.b - 1].end;
  }
  if (at->cue_a != QNONE && span) {
    q->flags |= XC_QF_CUE;
    q->cue_start = c->t[at->cue_a].start;
    q->cue_end = c->t[at->cue_b - 1].end;
  }
}

/* Bytes of the content of segments [first, last]: from the first word
 * after the opening mark to the last before the closing one, without the
 * comma that American style puts inside the marks. */
static int content_bytes(const qctx *c, size_t first, size_t last, uint32_t *start, uint32_t *end) {
  uint32_t a = c->segs[first].a, b = c->segs[last].b;
  while (b > a && (xc_q_punct(c, b - 1, XC_PU_COMMA) || xc_q_punct(c, b - 1, XC_PU_COLON) ||
                   xc_q_punct(c, b - 1, XC_PU_SEMI) || xc_q_punct(c, b - 1, XC_PU_DASH)))
    b--;
  if (b <= a) return 0;
  *start = c->t[a].start;
  *end = c->t[b - 1].end;
  return 1;
}

static int quote_cmp(const void *a, const void *b) {
  const xc_quote *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  return (x->end > y->end) - (x->end < y->end);
}

/* Does the quote's first sentence hold more than a few words before its
 * opening mark ("Now, ...", "It's ...", "For voters, on the other hand,
 * ..." go on with the speaker before), or a reporting verb? */
static int words_before_quote(const qctx *c, const qseg *q) {
  uint32_t words = 0;
  for (uint32_t k = c->s[q->s0].tok; k < q->open; k++) {
    if (c->seg_of[k] != QNONE || (c->t[k].kind != XC_TK_WORD && c->t[k].kind != XC_TK_NUMBER)) continue;
    if (++words > 6 || (c->lex[k] & QK_CUE) || c->mention_of[k] >= 0) return 1;
  }
  return 0;
}

/* Attributes every quote (a group of segments) and writes those reported. */
static void direct_quotes(qctx *c, xc_quotes *out) {
  size_t last_kept = QNONE;
  for (size_t k = 0; k < c->nsegs;) {
    size_t last = k;
    while (last + 1 < c->nsegs && c->segs[last + 1].group == c->segs[k].group) last++;
    qseg *q = &c->segs[k];
    int ok = 0;
    for (size_t j = k; j <= last && !ok; j++) {
      ok = xc_q_attribute(c, j);
      if (ok && j != k) q->at = c->segs[j].at;
    }
    if (!ok) ok = xc_q_attribute_near(c, k, last);
    /* no speaker near: the quote before goes on ("... ,” he said. “...”) */
    if (!ok && last_kept != QNONE && !words_before_quote(c, q)) {
      const qseg *p = &c->segs[last_kept];
      uint32_t gap = q->s0 - c->segs[p->group].s0;
      if (p->at.sp.kind != NP_NONE && q->s0 <= p->s1 + 2 && gap < 12) {
        q->at = p->at;
        q->at.how = XC_QH_CONTINUED;
        q->at.cue_a = QNONE;
        ok = 1;
      }
    }
    if (!ok) ok = xc_q_attribute_subject(c, k);
    uint32_t start, end;
    if (reported(c, k, last) && content_bytes(c, k, last, &start, &end)) {
      xc_quote *r = push_quote(out);
      r->start = start, r->end = end;
      for (size_t j = k; j <= last; j++) r->flags |= c->segs[j].flags & (XC_QF_UNCLOSED | XC_QF_PARA);
      if (last > k) r->flags |= XC_QF_PARA;
      if (ok) put_speaker(c, out, r, &q->at, 1);
      for (size_t j = k; j <= last; j++) c->segs[j].keep = 1;
      if (ok) last_kept = last, c->segs[last].at = q->at;
    }
    k = last + 1;
  }
}

/* Indirect attributions in the sentences without quote marks. */
static void indirect_quotes(qctx *c, xc_quotes *out) {
  for (uint32_t si = 0; si < c->ns; si++) {
    int marks = 0;
    for (uint32_t i = c->s[si].tok; i < c->s[si].tok_end && !marks; i++)
      marks = c->t[i].kind == XC_TK_QUOTE;
    if (marks) continue;
    qatt at = {0};
    uint32_t a, b;
    if (!xc_q_indirect(c, si, &at, &a, &b)) continue;
    xc_quote *r = push_quote(out);
    r->start = c->t[a].start, r->end = c->t[b - 1].end;
    r->flags |= XC_QF_INDIRECT;
    put_speaker(c, out, r, &at, 1);
  }
}

int xc_quote_find(const char *text, size_t n, const xc_lang_doc *d, const xc_resolver *r,
                  uint32_t doc, xc_quotes *out) {
  out->n = 0;
  xc_arena_release(&out->arena);
  if (!d->tokens.n) return 0;
  if (d->tokens.v[d->tokens.n - 1].end > n) return XC_EINVAL;
  qctx c = {0};
  c.text = text, c.n = n, c.d = d;
  c.t = d->tokens.v, c.nt = d->tokens.n;
  c.s = d->sents.v, c.ns = d->sents.n;
  xc_resolver *own = NULL;
  if (!r) {
    own = xc_resolve_new();
    if (xc_resolve_add(own, 0, text, n, d) == 0) xc_resolve_finish(own);
    r = own, doc = 0;
  }
  c.r = r, c.doc = doc;
  c.nent = xc_resolve_count(r);
  c.egender = xc_xmalloc(c.nent + 1);
  memset(c.egender, 0xFF, c.nent + 1);
  setup(&c);
  pair_marks(&c);
  measure_segs(&c);
  direct_quotes(&c, out);
  indirect_quotes(&c, out);
  if (out->n > 1) qsort(out->v, out->n, sizeof *out->v, quote_cmp);
  teardown(&c);
  xc_resolve_free(own);
  return 0;
}

/* ---- JSON ---- */

static void put_span(xc_json *j, const char *key_a, const char *key_b, int valid, uint32_t a,
                     uint32_t b) {
  xc_json_key(j, key_a);
  if (valid) xc_json_int(j, a);
  else xc_json_null(j);
  xc_json_key(j, key_b);
  if (valid) xc_json_int(j, b);
  else xc_json_null(j);
}

static void put_quote_json(xc_json *j, const char *text, const xc_quote *q) {
  xc_json_obj_begin(j);
  xc_json_key(j, "start");
  xc_json_int(j, q->start);
  xc_json_key(j, "end");
  xc_json_int(j, q->end);
  xc_json_key(j, "text");
  xc_json_strn(j, text + q->start, q->end - q->start);
  xc_json_key(j, "speaker");
  xc_json_str_or_null(j, q->speaker);
  put_span(j, "speaker_start", "speaker_end", (q->flags & XC_QF_SPAN) != 0, q->spk_start, q->spk_end);
  xc_json_key(j, "speaker_type");
  if (q->speaker_type >= 0) xc_json_str(j, xc_ner_type_name(q->speaker_type));
  else xc_json_null(j);
  xc_json_key(j, "cue");
  if (q->flags & XC_QF_CUE) xc_json_strn(j, text + q->cue_start, q->cue_end - q->cue_start);
  else xc_json_null(j);
  xc_json_key(j, "how");
  xc_json_str(j, xc_quote_how_name(q->how));
  xc_json_key(j, "indirect");
  xc_json_bool(j, (q->flags & XC_QF_INDIRECT) != 0);
  xc_json_obj_end(j);
}

void xc_quotes_json(const char *text, const xc_quotes *q, xc_buf *out) {
  xc_json j;
  xc_json_init(&j, out, 1);
  xc_json_arr_begin(&j);
  for (size_t i = 0; i < q->n; i++) put_quote_json(&j, text, &q->v[i]);
  xc_json_arr_end(&j);
  xc_buf_putc(out, '\n');
}
