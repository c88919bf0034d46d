/* sentence.c - rule-based sentence splitter over tokens, in one pass.
 * After an abbreviation it breaks only before a frequent sentence starter
 * (the orthographic heuristic of Punkt, Kiss & Strunk 2006, with the
 * starters learned from CoNLL-2003 into starters.inc); line breaks end
 * sentences unless the text is hard-wrapped. */
#include "lang/sentence.h"

#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "lang/starters.inc"

typedef struct sp {
  const char *text;
  const xc_token *t;
  size_t n;
  int wrapped;
  xc_sentv *out;
} sp;

static inline int is_punct(const xc_token *x, int sub) {
  return x->kind == XC_TK_PUNCT && x->sub == sub;
}

/* . ! ? ... or an abbreviation's own period */
static int is_terminal(const xc_token *x) {
  if (x->kind == XC_TK_PUNCT)
    return x->sub == XC_PU_PERIOD || x->sub == XC_PU_TERM || x->sub == XC_PU_ELLIPSIS;
  return x->kind == XC_TK_WORD && (x->flags & XC_TF_ABBR);
}

static int is_closer(const xc_token *x) {
  return (x->flags & XC_TF_CLOSE) && (x->kind == XC_TK_QUOTE || x->kind == XC_TK_PUNCT);
}

static int is_lower_word(const xc_token *x) {
  return x->kind == XC_TK_WORD && (x->flags & XC_TF_LOWER) && !(x->flags & XC_TF_CLITIC);
}

static int is_upper_word(const xc_token *x) {
  return x->kind == XC_TK_WORD && (x->flags & XC_TF_UPPER);
}

/* A capitalised word that usually starts a sentence ("The", "He"). */
static int is_starter(const sp *p, const xc_token *x) {
  if (!is_upper_word(x) || (x->flags & (XC_TF_ABBR | XC_TF_NONASCII | XC_TF_HYPHEN)))
    return 0;
  const char *w = p->text + x->start;
  size_t len = x->end - x->start;
  size_t lo = 0, hi = sizeof lang_starters / sizeof lang_starters[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const char *s = lang_starters[mid];
    int c = strncmp(w, s, len);
    if (c == 0 && s[len] == 0) return 1;
    if (c == 0) c = -1; /* w is a proper prefix of s: sorts before it */
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return 0;
}

/* A list marker opening a line: a bullet, or "1." / "2)" before a space. */
static int is_list_start(const sp *p, size_t i) {
  const xc_token *x = &p->t[i];
  if (!(x->flags & XC_TF_NEWLINE)) return 0;
  if (is_punct(x, XC_PU_BULLET)) return 1;
  if (x->kind != XC_TK_NUMBER || x->end - x->start > 3 || i + 2 >= p->n) return 0;
  const xc_token *m = &p->t[i + 1];
  return m->start == x->end && (m->flags & XC_TF_SPACE) == 0 &&
         (is_punct(m, XC_PU_PERIOD) || (is_punct(m, XC_PU_BRACKET) && (m->flags & XC_TF_CLOSE))) &&
         (p->t[i + 2].flags & XC_TF_SPACE);
}

/* Hard-wrapped text: at least a quarter of the single line breaks go on
 * with a lower-case word after a line that did not end a sentence. */
static int detect_wrapped(const xc_token *t, size_t n) {
  size_t single = 0, cont = 0;
  for (size_t i = 1; i < n; i++) {
    if ((t[i].flags & (XC_TF_NEWLINE | XC_TF_PARA)) != XC_TF_NEWLINE) continue;
    single++;
    if (is_lower_word(&t[i]) && !is_terminal(&t[i - 1])) cont++;
  }
  return cont > 0 && cont * 4 >= single;
}

/* Whether the line break before token i (not the first of its sentence)
 * ends the sentence. */
static int line_break_ends(const sp *p, size_t i) {
  const xc_token *x = &p->t[i], *prev = &p->t[i - 1];
  if (x->flags & XC_TF_PARA) return 1;
  if (is_list_start(p, i)) return 1;
  if (is_punct(prev, XC_PU_COMMA) || is_punct(prev, XC_PU_DASH) ||
      ((prev->flags & XC_TF_OPEN) && prev->kind != XC_TK_WORD))
    return 0;
  if (is_lower_word(x)) return 0;
  return !p->wrapped;
}

/* Whether the sentence ends after the terminal token i, whose closing quotes
 * and brackets run to j, when token k = j + 1 follows. s: sentence start. */
static int ends_after(const sp *p, size_t s, size_t i, size_t j) {
  const xc_token *t = &p->t[i], *x = &p->t[j + 1];
  const xc_token *after = j + 2 < p->n ? &p->t[j + 2] : NULL;
  if (t->kind == XC_TK_WORD && j == i) { /* an abbreviation's period */
    switch (t->sub) {
    case XC_AB_NUMPRE: return 0;
    case XC_AB_INITIAL:
      /* "Sergei V. Skripal" never; "vitamin C. The" yes */
      if (i > s && is_upper_word(&p->t[i - 1])) return 0;
      return is_starter(p, x);
    default:
      return is_starter(p, x) ||
             (x->kind == XC_TK_QUOTE && (x->flags & XC_TF_OPEN) && after &&
              is_upper_word(after));
    }
  }
  if (is_lower_word(x)) return 0;
  if (is_punct(x, XC_PU_COMMA) || is_punct(x, XC_PU_SEMI) || is_punct(x, XC_PU_COLON) ||
      (is_punct(x, XC_PU_BRACKET) && (x->flags & XC_TF_CLOSE)))
    return 0;
  if (t->kind == XC_TK_PUNCT && t->sub == XC_PU_ELLIPSIS && j == i)
    return is_upper_word(x) || (x->kind == XC_TK_QUOTE && (x->flags & XC_TF_OPEN));
  /* "1. Item": the period of a list number */
  if (j == i && i == s + 1 && is_list_start(p, s)) return 0;
  return 1;
}

static void emit(sp *p, size_t s, size_t e) {
  xc_sentv *o = p->out;
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 64;
    o->v = xc_xrealloc(o->v, o->cap * sizeof *o->v);
  }
  xc_sent *x = &o->v[o->n++];
  x->tok = (uint32_t)s;
  x->tok_end = (uint32_t)e;
  x->start = p->t[s].start;
  x->end = p->t[e - 1].end;
  x->flags = 0;
  if (p->t[s].flags & XC_TF_PARA) x->flags |= XC_SF_PARA;
  if (is_list_start(p, s)) x->flags |= XC_SF_BULLET;
  size_t l = e - 1;
  while (l > s && is_closer(&p->t[l])) l--;
  if (!is_terminal(&p->t[l])) x->flags |= XC_SF_NOTERM;
}

void xc_sentences(const char *text, size_t n, const xc_tokens *t, xc_sentv *out) {
  (void)n;
  out->n = 0;
  sp p = {text, t->v, t->n, detect_wrapped(t->v, t->n), out};
  size_t s = 0, i = 0;
  while (i < p.n) {
    if (i > s && (p.t[i].flags & XC_TF_NEWLINE) && line_break_ends(&p, i)) {
      emit(&p, s, i);
      s = i;
    }
    if (!is_terminal(&p.t[i])) {
      i++;
      continue;
    }
    size_t j = i;
    while (j + 1 < p.n && !(p.t[j + 1].flags & XC_TF_NEWLINE)) {
      const xc_token *x = &p.t[j + 1];
      if (is_closer(x) ||
          (x->kind == XC_TK_PUNCT && !(x->flags & XC_TF_SPACE) && is_terminal(x)))
        j++;
      else
        break;
    }
    if (j + 1 < p.n && ends_after(&p, s, i, j)) {
      emit(&p, s, j + 1);
      s = j + 1;
    }
    i = j + 1;
  }
  if (s < p.n) emit(&p, s, p.n);
}

void xc_sentv_init(xc_sentv *s) { memset(s, 0, sizeof *s); }

void xc_sentv_release(xc_sentv *s) {
  free(s->v);
  memset(s, 0, sizeof *s);
}
