/* speaker.c - who said it: the cue next to a quote ("..., he said", "said
 * Smith", "according to X", "X told reporters: ..."), else a cue elsewhere
 * in its sentence, else the sentence before or after; the speaker is the
 * noun phrase that is the cue's subject, found over tokens and the
 * tagger's mentions without a parser (the pattern approach of the Gender
 * Gap Tracker, Asr et al. 2021, and of Pouliquen et al. 2007). Naming
 * the speaker (pronouns, descriptions) is name.c's. */
#include <stdlib.h>
#include <string.h>

#include "quote/quote_int.h"

/* ---- token tests ---- */

static uint32_t lexk(const qctx *c, uint32_t i) { return i < c->nt ? c->lex[i] : 0; }

static int is_comma(const qctx *c, uint32_t i) { return xc_q_punct(c, i, XC_PU_COMMA); }

static int is_dash(const qctx *c, uint32_t i) { return xc_q_punct(c, i, XC_PU_DASH); }

/* A word or number that may be part of a noun phrase. */
static int np_token(const qctx *c, uint32_t i) {
  if (i >= c->nt || xc_q_in_quote(c, i) || c->markup[i]) return 0;
  const xc_token *t = &c->t[i];
  return t->kind == XC_TK_WORD || t->kind == XC_TK_NUMBER;
}

static int is_pron(const qctx *c, uint32_t i) {
  return np_token(c, i) && (lexk(c, i) & QK_PRON) && c->mention_of[i] < 0;
}


/* Days, months and parts of the day: "said Tuesday", "Smith on Monday said". */
static int is_time_word(const qctx *c, uint32_t i) {
  static const char *const w[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "june", "july", "august",
      "september", "october", "november", "december", "morning", "afternoon",
      "evening", "night", "week", "weekend", "month", "year", "today",
      "yesterday", "tonight", "earlier", "later", "weeks", "months", "years",
      "days", "decades", "hours", "ago", NULL};
  if (!xc_q_word(c, i)) return 0;
  for (size_t k = 0; w[k]; k++)
    if (xc_q_is(c, i, w[k])) return 1;
  return 0;
}

/* An adverb in -ly ("repeatedly", "bluntly"), not one of the -ly nouns. */
static int is_ly_adverb(const qctx *c, uint32_t i) {
  static const char *const nouns[] = {"rally", "family", "ally", "assembly", "supply", "reply",
                                      "bully", "anomaly", "monopoly", "folly", "italy", NULL};
  if (!xc_q_word(c, i) || !(c->t[i].flags & XC_TF_LOWER) || c->mention_of[i] >= 0) return 0;
  size_t n = c->t[i].end - c->t[i].start;
  const char *p = c->text + c->t[i].start;
  if (n < 5 || p[n - 2] != 'l' || p[n - 1] != 'y') return 0;
  for (size_t k = 0; nouns[k]; k++)
    if (xc_q_is(c, i, nouns[k])) return 0;
  return 1;
}

/* Can token i stand between a speaker and its verb? */
static int is_adv(const qctx *c, uint32_t i) {
  if (!np_token(c, i) || c->mention_of[i] >= 0) return 0;
  if (xc_q_is(c, i, "is") || xc_q_is(c, i, "are") || xc_q_is(c, i, "was") || xc_q_is(c, i, "were") ||
      xc_q_is(c, i, "am") || xc_q_is(c, i, "been"))
    return i + 1 < c->nt && (lexk(c, i + 1) & QK_ING); /* "is pledging" */
  if ((c->t[i].flags & XC_TF_UPPER) && c->s[c->sent_of[i]].tok != i) return 0; /* "Will wrote" */
  return (lexk(c, i) & QK_ADV) || is_ly_adverb(c, i) || is_time_word(c, i);
}

/* ---- cues ---- */

/* A past form ("offered", "added"): a verb, never a plural noun. */
static int past_form(const qctx *c, uint32_t i) {
  size_t n = c->t[i].end - c->t[i].start;
  return n > 3 && c->text[c->t[i].end - 2] == 'e' && c->text[c->t[i].end - 1] == 'd';
}

enum { CUE_NO, CUE_VERB, CUE_ACCORDING };

/* Is token i a cue? adj: right next to a quote, where the verbs that are
 * also plural nouns count. The cue ends before *end. */
static int cue_at(const qctx *c, uint32_t i, int adj, uint32_t *end) {
  if (i >= c->nt || !np_token(c, i) || c->mention_of[i] >= 0) return CUE_NO;
  if (xc_q_is(c, i, "according") && i + 1 < c->nt && xc_q_is(c, i + 1, "to")) {
    *end = i + 2;
    return CUE_ACCORDING;
  }
  /* "Smith shot back", "fired back", "lashed out" */
  if ((xc_q_is(c, i, "shot") || xc_q_is(c, i, "fired") || xc_q_is(c, i, "lashed") ||
       xc_q_is(c, i, "chimed") || xc_q_is(c, i, "weighed") || xc_q_is(c, i, "hit")) &&
      i + 1 < c->nt && (xc_q_is(c, i + 1, "back") || xc_q_is(c, i + 1, "out") || xc_q_is(c, i + 1, "in"))) {
    *end = i + 2;
    return CUE_VERB;
  }
  /* "as Smith put it" */
  if ((xc_q_is(c, i, "put") || xc_q_is(c, i, "puts")) && i + 1 < c->nt && xc_q_is(c, i + 1, "it")) {
    *end = i + 2;
    return CUE_VERB;
  }
  uint32_t k = lexk(c, i);
  if (!(k & QK_CUE)) return CUE_NO;
  if ((k & QK_WEAK) && !adj) return CUE_NO;
  /* "will continue to be", "hope to win": not speech ("added to" is) */
  if ((k & QK_WEAK) && i + 1 < c->nt && xc_q_is(c, i + 1, "to")) {
    size_t n = c->t[i].end - c->t[i].start;
    if (n < 3 || c->text[c->t[i].end - 2] != 'e' || c->text[c->t[i].end - 1] != 'd') return CUE_NO;
  }
  *end = i + 1;
  return CUE_VERB;
}

/* ---- noun phrases ---- */

static qnp np_none(void) {
  qnp np = {QNONE, QNONE, QNONE, QNONE, QNONE, -1, NP_NONE};
  return np;
}

/* Could token i be the last word of a noun phrase? */
static int head_ok(const qctx *c, uint32_t i) {
  if (!np_token(c, i)) return 0;
  if (c->mention_of[i] >= 0) return 1;
  if (c->t[i].kind == XC_TK_NUMBER || (c->t[i].flags & XC_TF_CLITIC)) return 0;
  uint32_t k = lexk(c, i);
  if (k & QK_QUANT) return 1; /* "Several said", "Others say" */
  /* a capital in mid-sentence is a name ("Will wrote") */
  if ((k & QK_ADV) && (c->t[i].flags & XC_TF_UPPER) && c->s[c->sent_of[i]].tok != i) return 1;
  if (k & (QK_STOP | QK_CUE | QK_DET | QK_ADV | QK_PREP | QK_PRON)) return 0;
  return !is_time_word(c, i);
}

/* The noun phrase ending at token e, not starting before lo: a pronoun, a
 * name with the words before it ("campaign spokeswoman Jane Doe"), or a
 * description back to its determiner ("a former senior U.S. intelligence
 * official"), across one preposition ("a spokesman for the campaign"). */
static qnp np_back_once(const qctx *c, uint32_t e, uint32_t lo) {
  qnp np = np_none();
  if (e == QNONE || e < lo || e >= c->nt) return np;
  if (is_pron(c, e)) {
    np.a = np.head = e, np.b = e + 1, np.kind = NP_PRON;
    return np;
  }
  if (!head_ok(c, e)) return np;
  int32_t m = c->mention_of[e];
  uint32_t a = e;
  /* "the areas that were hacked": a participle after an auxiliary */
  if (m < 0 && e > lo &&
      (xc_q_is(c, e - 1, "was") || xc_q_is(c, e - 1, "were") || xc_q_is(c, e - 1, "is") ||
       xc_q_is(c, e - 1, "are") || xc_q_is(c, e - 1, "been") || xc_q_is(c, e - 1, "be") ||
       xc_q_is(c, e - 1, "being") || xc_q_is(c, e - 1, "has") || xc_q_is(c, e - 1, "have") ||
       xc_q_is(c, e - 1, "had")))
    return np;
  if (m >= 0) {
    a = c->d->mentions[m].tok;
    if (a < lo) a = lo;
    np.mention = m;
    np.kind = NP_NAME;
  } else {
    np.kind = NP_DESC;
  }
  np.head = e;
  np.b = e + 1;
  for (int steps = 0; a > lo && steps < 10; steps++) {
    uint32_t j = a - 1;
    if (!np_token(c, j)) {
      if (!xc_q_clitic_s(c, j)) break;
      a = j; /* "Trump's spokeswoman" */
      continue;
    }
    int32_t mj = c->mention_of[j];
    if (mj >= 0) {
      a = c->d->mentions[mj].tok < lo ? lo : c->d->mentions[mj].tok;
      continue;
    }
    uint32_t k = lexk(c, j);
    if (k & QK_DET) {
      a = j;
      break;
    }
    if (k & (QK_STOP | QK_CUE | QK_ADV | QK_PREP | QK_PRON)) break;
    a = j;
  }
  np.a = a;
  return np;
}

static qnp np_back(const qctx *c, uint32_t e, uint32_t lo) {
  if (e == QNONE || e < lo || e >= c->nt) return np_none();
  /* a party tag after a name: "Sen. Jane Doe (D-Ohio)" */
  if (xc_q_punct(c, e, XC_PU_BRACKET) && (c->t[e].flags & XC_TF_CLOSE)) {
    uint32_t k = e;
    while (k > lo && e - k < 12 && !(xc_q_punct(c, k, XC_PU_BRACKET) && (c->t[k].flags & XC_TF_OPEN)))
      k--;
    if (k == lo || k == 0 || e - k >= 12) return np_none();
    e = k - 1;
  }
  qnp np = np_back_once(c, e, lo);
  /* "a spokesman for the campaign", "the campaign of the former senator
   * from Pennsylvania" */
  for (int hops = 0; hops < 2; hops++) {
    if (np.kind == NP_NONE || np.kind == NP_PRON || np.a < lo + 2 ||
        !(lexk(c, np.a - 1) & QK_PREP) || !np_token(c, np.a - 1))
      break;
    qnp left = np_back_once(c, np.a - 2, lo);
    if (left.kind != NP_DESC && left.kind != NP_NAME) break;
    left.b = np.b;
    np = left;
  }
  return np;
}

/* The noun phrase starting at token s, before hi: a pronoun, a name (with
 * titles and words in front: "Sen. Ted Cruz", "campaign manager Corey
 * Lewandowski"), or a description ("a former official", "a spokesman for
 * the campaign"). Lower-case words after a name go on the phrase only
 * while they could be nouns ("Trump campaign manager ..."); when a
 * determiner or function word follows them they were a verb and its
 * object ("Trump welcomed the ..."), and the name alone is the phrase. */
static qnp np_fwd(const qctx *c, uint32_t s, uint32_t hi) {
  qnp np = np_none();
  if (s >= hi || s >= c->nt || !np_token(c, s)) return np;
  if (is_pron(c, s)) {
    np.a = np.head = s, np.b = s + 1, np.kind = NP_PRON;
    return np;
  }
  uint32_t i = s, head = QNONE, name_head = QNONE, name_end = 0;
  int32_t m = -1, name_m = -1;
  int after_prep = 0, fixed = 0, restore = 0;
  while (i < hi && i - s < 14) {
    if (!np_token(c, i)) {
      if (xc_q_clitic_s(c, i) && head != QNONE) { /* a possessor: the head comes later */
        head = QNONE, m = -1, name_head = QNONE, i++;
        continue;
      }
      break;
    }
    int32_t mi = c->mention_of[i];
    if (mi >= 0) {
      if (head != QNONE && m >= 0 && !fixed) break; /* a second name right after a name */
      uint32_t e = (uint32_t)c->d->mentions[mi].tok_end;
      if (!fixed) {
        head = e - 1, m = mi;
        if (name_head == QNONE) name_head = head, name_m = mi, name_end = e;
      }
      i = e;
      continue;
    }
    uint32_t k = lexk(c, i);
    if (k & QK_DET) {
      if (i != s && !after_prep) {
        restore = 1;
        break;
      }
      i++;
      continue;
    }
    if (k & QK_PREP) {
      if (head == QNONE || fixed || after_prep || m >= 0 || i + 1 >= hi || !np_token(c, i + 1)) {
        restore = 1;
        break;
      }
      after_prep = 1, fixed = 1, i++;
      continue;
    }
    if (k & QK_CUE) break;
    if (k & (QK_STOP | QK_PRON | QK_ADV) || is_time_word(c, i)) {
      restore = 1;
      break;
    }
    /* after a name only lower-case words go on ("U.S. intelligence official");
     * a capital starts something else */
    if (m >= 0 && !(c->t[i].flags & XC_TF_LOWER)) break;
    if (!fixed) head = i, m = -1;
    i++;
  }
  /* lower-case words after a name were a verb and its object ("Trump
   * welcomed the ..."), unless a determiner began the phrase: then the
   * name was a modifier in a description ("a former senior Ukraine
   * security official who ...") */
  if (restore && name_head != QNONE && m < 0 && !fixed && !(lexk(c, s) & QK_DET))
    head = name_head, m = name_m, i = name_end;
  if (head == QNONE) return np;
  /* drop a trailing preposition or determiner */
  while (i > s + 1 && (lexk(c, i - 1) & (QK_PREP | QK_DET)) && c->mention_of[i - 1] < 0) i--;
  np.a = s, np.b = i, np.head = head, np.mention = m;
  np.kind = m >= 0 ? NP_NAME : NP_DESC;
  if (np.kind == NP_DESC && c->t[head].kind == XC_TK_NUMBER) return np_none();
  return np;
}

/* The previous comma before e, not before lo, in the same stretch outside
 * quotes. */
static uint32_t prev_comma(const qctx *c, uint32_t e, uint32_t lo) {
  for (uint32_t k = e; k > lo && e - k < 30;) {
    k--;
    if (xc_q_in_quote(c, k) || c->t[k].kind == XC_TK_QUOTE) return QNONE;
    if (is_comma(c, k)) return k;
    if (xc_q_punct(c, k, XC_PU_PERIOD) || xc_q_punct(c, k, XC_PU_TERM) ||
        xc_q_punct(c, k, XC_PU_SEMI))
      return QNONE;
  }
  return QNONE;
}

/* Skips back from before token i over adverbs and auxiliaries ("also",
 * "has", "on Tuesday", "went on to"); returns the token before them, or
 * QNONE when that is before lo. */
static uint32_t skip_back_adv(const qctx *c, uint32_t i, uint32_t lo) {
  while (i > lo) {
    uint32_t j = i - 1;
    if (is_adv(c, j)) {
      /* "on Tuesday", "last week", "during a Sunday" */
      if (is_time_word(c, j)) {
        if (j > lo && (lexk(c, j - 1) & QK_DET) && !(lexk(c, j - 1) & QK_QUANT)) j--;
        if (j > lo && (xc_q_is(c, j - 1, "on") || xc_q_is(c, j - 1, "last") ||
                       xc_q_is(c, j - 1, "this") || xc_q_is(c, j - 1, "early") ||
                       xc_q_is(c, j - 1, "late") || xc_q_is(c, j - 1, "during") ||
                       xc_q_is(c, j - 1, "next") || xc_q_is(c, j - 1, "in")))
          j--;
      }
      i = j;
      continue;
    }
    /* "went on to say" */
    if (xc_q_is(c, j, "to") && j >= lo + 2 && xc_q_is(c, j - 1, "on") &&
        (xc_q_is(c, j - 2, "went") || xc_q_is(c, j - 2, "goes") || xc_q_is(c, j - 2, "go"))) {
      i = j - 2;
      continue;
    }
    break;
  }
  return i > lo ? i - 1 : QNONE;
}

/* Skips forward over adverbs from token i (before hi). */
static uint32_t skip_fwd_adv(const qctx *c, uint32_t i, uint32_t hi) {
  while (i < hi) {
    if (is_adv(c, i)) {
      i++;
      continue;
    }
    if ((xc_q_is(c, i, "on") || xc_q_is(c, i, "last") || xc_q_is(c, i, "this")) && i + 1 < hi &&
        is_time_word(c, i + 1)) {
      i += 2;
      continue;
    }
    break;
  }
  return i;
}

/* The subject of the cue at token cue: the noun phrase before it, past
 * adverbs and an apposition or relative clause between commas ("Smith, a
 * spokesman for the campaign, said"; "A spokesman, Jane Doe, said"). */
static qnp clause_subject(const qctx *c, uint32_t si, uint32_t limit);

/* A preposition that starts a phrase outside the subject ("in a
 * statement", "on Twitter"); of, for, at... belong to the subject. */
static int is_prep_word(const qctx *c, uint32_t i) {
  static const char *const w[] = {"in", "on", "during", "over", "through", "under", "via",
                                  "by", "without", "amid", "into", "about", "against", NULL};
  for (size_t k = 0; w[k]; k++)
    if (xc_q_is(c, i, w[k])) return 1;
  return 0;
}

/* "Smith, who said", "officials who said": the relative pronoun at e
 * stands for the phrase before it. */
static qnp relative(const qctx *c, uint32_t e, uint32_t lo) {
  if (e <= lo) return np_none();
  uint32_t p = is_comma(c, e - 1) ? e - 1 : e;
  if (p <= lo) return np_none();
  qnp ante = np_back(c, p - 1, lo);
  if (ante.kind != NP_NAME && ante.kind != NP_DESC) return np_none();
  qnp np = ante;
  np.ra = ante.a, np.rb = ante.b;
  np.a = e, np.b = e + 1;
  np.kind = NP_REL;
  return np;
}

static qnp subject_before(const qctx *c, uint32_t cue, uint32_t lo) {
  uint32_t e = skip_back_adv(c, cue, lo);
  if (e == QNONE) return np_none();
  if (xc_q_is(c, e, "who")) return relative(c, e, lo);
  /* "Smith thanked them and called it ...": the subject of the verb
   * before, else of the clause */
  if (xc_q_is(c, e, "and") || xc_q_is(c, e, "but")) {
    uint32_t sl = c->s[c->sent_of[e]].tok;
    for (uint32_t k = e; k > sl && e - k < 25;) {
      k--;
      if (xc_q_in_quote(c, k) || c->t[k].kind == XC_TK_QUOTE) continue;
      if ((lexk(c, k) & QK_CUE) && c->mention_of[k] < 0 && np_token(c, k)) {
        qnp np = subject_before(c, k, sl);
        if (np.kind != NP_NONE) return np;
        break;
      }
    }
    qnp np = clause_subject(c, c->sent_of[e], e);
    return np.kind != NP_NONE && np.b <= e ? np : np_none();
  }
  if (!is_comma(c, e)) {
    /* "an official who spoke anonymously to discuss strategy said": an
     * infinitive is no subject; the relative pronoun before it is */
    {
      qnp np = np_back(c, e, lo);
      if (np.kind == NP_DESC && np.a > lo && xc_q_is(c, np.a - 1, "to")) {
        for (uint32_t k = np.a - 1; k > lo && np.a - k < 16;) {
          k--;
          if (!np_token(c, k)) break;
          if (xc_q_is(c, k, "who")) return relative(c, k, lo);
        }
        return np_none();
      }
    }
    /* past prepositional phrases: "Smith in a statement said",
     * "Beck, who has in the past described" */
    for (int pp = 0; pp < 3; pp++) {
      qnp np = np_back(c, e, lo);
      if (np.kind == NP_NONE || np.kind == NP_PRON || np.a <= lo + 1 || !is_prep_word(c, np.a - 1))
        return np;
      e = skip_back_adv(c, np.a - 1, lo);
      if (e == QNONE) return np_none();
      if (xc_q_is(c, e, "who")) return relative(c, e, lo);
      if (is_comma(c, e)) break;
    }
    if (!is_comma(c, e)) return np_back(c, e, lo);
  }
  /* "Swanson, who is a pastor in Elizabeth, Colorado, slammed": the
   * comma that opens a relative clause */
  for (uint32_t k = e; k > lo + 1 && e - k < 30;) {
    k--;
    if (xc_q_in_quote(c, k) || c->t[k].kind == XC_TK_QUOTE || xc_q_punct(c, k, XC_PU_PERIOD)) break;
    if (is_comma(c, k) && k + 1 < e &&
        (xc_q_is(c, k + 1, "who") || xc_q_is(c, k + 1, "which") || xc_q_is(c, k + 1, "whose"))) {
      qnp a = np_back(c, k - 1, lo);
      if (a.kind != NP_NONE) return a;
      break;
    }
  }
  for (int level = 0; level < 3; level++) {
    uint32_t p = prev_comma(c, e, lo);
    if (p == QNONE) return np_none();
    qnp a = p > lo ? np_back(c, p - 1, lo) : np_none();
    qnp b = np_fwd(c, p + 1, e);
    if (a.kind == NP_NAME || a.kind == NP_PRON) return a;
    if (b.kind == NP_NAME) return b;
    if (a.kind == NP_DESC) return a;
    if (b.kind != NP_NONE && (p == lo || c->t[p - 1].kind == XC_TK_QUOTE)) return b;
    e = p;
  }
  return np_none();
}

/* Token range of sentence si. */
static void sent_range(const qctx *c, uint32_t si, uint32_t *lo, uint32_t *hi) {
  *lo = c->s[si].tok;
  *hi = c->s[si].tok_end;
}

/* The subject of the clause that starts sentence si (before limit): past
 * an opening phrase ("On Tuesday, ...", "But ...", "However, ..."). */
static qnp clause_subject(const qctx *c, uint32_t si, uint32_t limit) {
  uint32_t lo, hi;
  sent_range(c, si, &lo, &hi);
  if (limit < hi) hi = limit;
  uint32_t i = lo;
  while (i < hi && !np_token(c, i) && !xc_q_in_quote(c, i) &&
         (c->t[i].kind == XC_TK_PUNCT || c->t[i].kind == XC_TK_SYMBOL))
    i++;
  if (i >= hi || xc_q_in_quote(c, i)) return np_none();
  /* a dateline: "WASHINGTON (AFP) - ", "Paris, May 3 -" */
  for (uint32_t j = i; j < hi && j - i < 10; j++) {
    if (xc_q_in_quote(c, j) || c->t[j].kind == XC_TK_QUOTE) break;
    if (is_dash(c, j) && j > i && (c->t[j].flags & XC_TF_SPACE)) {
      int caps = 1;
      for (uint32_t m = i; m < j && caps; m++)
        if (c->t[m].kind == XC_TK_WORD && !(c->t[m].flags & XC_TF_UPPER)) caps = 0;
      if (caps) i = j + 1;
      break;
    }
  }
  if (i >= hi) return np_none();
  uint32_t k = lexk(c, i);
  /* an opening phrase up to a comma ("On Tuesday,", "Speaking at a rally in
   * Salem, New Hampshire,", "Eight years ago,"); not a subject with its
   * apposition ("Smith, 45,"): the subject is the first phrase after a
   * comma that a word follows */
  int title = (c->t[i].flags & XC_TF_UPPER) && i + 1 < hi && c->mention_of[i + 1] >= 0 &&
              !(k & (QK_STOP | QK_PREP | QK_ADV));
  int opening = c->mention_of[i] < 0 && !title && (!(k & (QK_DET | QK_PRON)) || (k & QK_QUANT));
  if (opening) {
    uint32_t j = i;
    for (int commas = 0; commas < 3; commas++) {
      while (j < hi && !is_comma(c, j) && !xc_q_in_quote(c, j) && c->t[j].kind != XC_TK_QUOTE) j++;
      if (j >= hi || !is_comma(c, j) || j - i > 24) break;
      qnp np = np_fwd(c, j + 1, hi);
      if (np.kind != NP_NONE && !is_time_word(c, np.head) && np.b < hi && np_token(c, np.b))
        return np;
      j++;
    }
    if (xc_q_is(c, i, "but") || xc_q_is(c, i, "and") || xc_q_is(c, i, "so") ||
        xc_q_is(c, i, "yet") || xc_q_is(c, i, "still") || xc_q_is(c, i, "then"))
      i++;
    else if (k & (QK_STOP | QK_PREP | QK_ADV))
      return np_none();
  }
  return np_fwd(c, i, hi);
}

/* ---- attribution ---- */

static int found(qatt *at, qnp np, uint32_t cue_a, uint32_t cue_b, int how) {
  at->guess = 0;
  at->sp = np;
  at->cue_a = cue_a, at->cue_b = cue_b;
  at->how = (uint8_t)how;
  return 1;
}

/* The speaker of a participle cue ("..., saying"): the subject of the
 * nearest cue before it in the sentence, else the clause's subject. */
static qnp participle_subject_depth(const qctx *c, uint32_t cue, uint32_t lo, int depth);

static qnp participle_subject(const qctx *c, uint32_t cue, uint32_t lo) {
  return participle_subject_depth(c, cue, lo, 0);
}

static qnp participle_subject_depth(const qctx *c, uint32_t cue, uint32_t lo, int depth) {
  /* "with Smith calling it ...", "with one of her ads asking": its own
   * subject right before it */
  if (cue > lo && !is_comma(c, cue - 1)) {
    qnp np = np_back(c, cue - 1, lo);
    if (np.kind == NP_NAME || np.kind == NP_PRON) return np;
    if (np.kind == NP_DESC && np.a > lo && xc_q_is(c, np.a - 1, "with")) return np;
  }
  /* the verb before: "Smith said ..., adding"; "with Trump tweeting ...
   * and asking" */
  for (uint32_t k = cue; k > lo;) {
    k--;
    uint32_t ce;
    if (xc_q_in_quote(c, k) || c->t[k].kind == XC_TK_QUOTE) continue;
    if (cue_at(c, k, 0, &ce) != CUE_VERB) continue;
    qnp np = (lexk(c, k) & QK_ING) ? (depth < 2 ? participle_subject_depth(c, k, lo, depth + 1) : np_none())
                                   : subject_before(c, k, lo);
    if (np.kind != NP_NONE) return np;
  }
  qnp np = clause_subject(c, c->sent_of[cue], cue);
  if (np.kind != NP_NONE) return np;
  /* "Adding, ..." opening a sentence: the speaker of the one before */
  uint32_t si = c->sent_of[cue];
  if (c->s[si].tok + 1 >= cue && si > 0) {
    uint32_t plo = c->s[si - 1].tok;
    for (uint32_t k = c->s[si - 1].tok_end; k > plo;) {
      k--;
      uint32_t ce;
      if (cue_at(c, k, 0, &ce) != CUE_VERB || (lexk(c, k) & QK_ING)) continue;
      np = subject_before(c, k, plo);
      if (np.kind != NP_NONE) return np;
    }
  }
  /* else the nearest name before it that is not in a prepositional
   * phrase: "After ..., Netanyahu rallied supporters by warning" */
  for (uint32_t k = cue; k > lo;) {
    k--;
    if (xc_q_in_quote(c, k)) continue;
    int32_t m = c->mention_of[k];
    if (m < 0 || c->d->mentions[m].tok != k || c->d->mentions[m].type != XC_NER_PER) continue;
    if (k > lo && (is_prep_word(c, k - 1) || (lexk(c, k - 1) & QK_PREP))) continue;
    return np_back(c, c->d->mentions[m].tok_end - 1, lo);
  }
  return np_none();
}

/* Is np a thing rather than a person ("the sign", "the poll")? */
static int thing(const qctx *c, const qnp *np) {
  if (np->kind == NP_DESC) return 1;
  if (np->kind == NP_NAME) return c->d->mentions[np->mention].type != XC_NER_PER;
  return np->kind == NP_PRON && (c->gen[np->a] & QG_N);
}

/* "Smith says he believes ...", "a woman told him she worries ...": a
 * pronoun speaker right after a cue is usually that cue's subject again,
 * and the outer speaker is the one the report names. */
static qnp outer_subject(const qctx *c, qnp np, uint32_t lo) {
  if (np.kind != NP_PRON) return np;
  uint32_t j = np.a;
  if (j > lo && xc_q_is(c, j - 1, "that")) j--;
  if (j > lo && (xc_q_is(c, j - 1, "him") || xc_q_is(c, j - 1, "her") || xc_q_is(c, j - 1, "them") ||
                 xc_q_is(c, j - 1, "me") || xc_q_is(c, j - 1, "us") || xc_q_is(c, j - 1, "reporters")))
    j--;
  uint32_t ce;
  if (j <= lo || cue_at(c, j - 1, 1, &ce) != CUE_VERB || (lexk(c, j - 1) & (QK_ING | QK_CALL)) ||
      !(lexk(c, j - 1) & QK_IND))
    return np;
  qnp outer = subject_before(c, j - 1, lo);
  return outer.kind != NP_NONE ? outer : np;
}

static qnp cue_subject_inner(const qctx *c, uint32_t k, uint32_t ce, int cu, uint32_t lo, uint32_t hi);

/* The speaker for the cue at token k (ending before ce) of kind cu. */
static qnp cue_subject(const qctx *c, uint32_t k, uint32_t ce, int cu, uint32_t lo, uint32_t hi) {
  qnp np = outer_subject(c, cue_subject_inner(c, k, ce, cu, lo, hi), lo);
  if ((lexk(c, k) & QK_THING) && !thing(c, &np)) return np_none();
  return np;
}

/* "is pledging", "was telling": a participle after an auxiliary is the
 * verb of its clause, with the subject before it. */
static int progressive(const qctx *c, uint32_t k, uint32_t lo) {
  if (k <= lo) return 0;
  uint32_t j = k - 1;
  while (j > lo && is_adv(c, j) && !is_time_word(c, j)) j--;
  return xc_q_is(c, j, "is") || xc_q_is(c, j, "are") || xc_q_is(c, j, "was") ||
         xc_q_is(c, j, "were") || xc_q_is(c, j, "been") || xc_q_is(c, j, "be") ||
         xc_q_is(c, j, "am");
}

static qnp cue_subject_inner(const qctx *c, uint32_t k, uint32_t ce, int cu, uint32_t lo, uint32_t hi) {
  if (cu == CUE_ACCORDING) return np_fwd(c, ce, hi);
  /* the passive names the speaker after "by": "was asked by Smith" */
  size_t kn = c->t[k].end - c->t[k].start;
  const char *kp = c->text + c->t[k].start;
  int participle = kn > 3 && kp[kn - 2] == 'e' && kp[kn - 1] == 'd';
  if (k > lo && ce < hi && xc_q_is(c, ce, "by") &&
      (participle || xc_q_is(c, k - 1, "was") || xc_q_is(c, k - 1, "were") ||
       xc_q_is(c, k - 1, "been") || xc_q_is(c, k - 1, "is") || xc_q_is(c, k - 1, "are") ||
       xc_q_is(c, k - 1, "being"))) {
    qnp np = np_fwd(c, ce + 1, hi);
    if (np.kind != NP_NONE) return np;
  }
  if ((lexk(c, k) & QK_ING) && !progressive(c, k, lo))
    return participle_subject(c, k, c->s[c->sent_of[k]].tok);
  return subject_before(c, k, lo);
}

/* After a quote, tokens [i, hi): "..., Smith said", "..., said Smith",
 * "..., according to Smith", "..., Smith, a spokesman, said", "... —
 * Smith". */
static int att_right(const qctx *c, uint32_t i, uint32_t hi, qatt *at, int how) {
  int dash = 0;
  while (i < hi && (is_comma(c, i) || is_dash(c, i))) dash |= is_dash(c, i), i++;
  if (i >= hi) return 0;
  /* "...” at the convention, he said." */
  if (!dash && (is_prep_word(c, i) || xc_q_is(c, i, "at"))) {
    uint32_t k = i;
    while (k < hi && k - i < 12 && !is_comma(c, k) && np_token(c, k)) k++;
    if (k < hi && is_comma(c, k) && k + 1 < hi && att_right(c, k + 1, hi, at, how)) return 1;
    return 0;
  }
  uint32_t ce;
  int cu = cue_at(c, i, 1, &ce);
  if (cu == CUE_ACCORDING) {
    qnp np = np_fwd(c, ce, hi);
    return np.kind != NP_NONE && found(at, np, i, ce, how);
  }
  if (cu == CUE_VERB) {
    if (lexk(c, i) & (QK_OBJ | QK_CALL | QK_ING)) return 0;
    qnp np = np_fwd(c, skip_fwd_adv(c, ce, hi), hi);
    return np.kind != NP_NONE && found(at, np, i, ce, how);
  }
  qnp np = np_fwd(c, i, hi);
  if (np.kind == NP_NONE) return 0;
  uint32_t j = np.b;
  if (j < hi && is_comma(c, j)) { /* "Smith, a spokesman for the campaign, said" */
    uint32_t k = j + 1;
    while (k < hi && k - j < 25 && !is_comma(c, k) && !xc_q_in_quote(c, k)) k++;
    if (k < hi && is_comma(c, k)) j = k + 1;
  }
  j = skip_fwd_adv(c, j, hi);
  if (j < hi && cue_at(c, j, 1, &ce) == CUE_VERB && !(lexk(c, j) & QK_ING) &&
      (!(lexk(c, j) & QK_THING) || thing(c, &np)))
    return found(at, np, j, ce, how);
  /* any verb in that place ends the pattern: '"...," Smith retaliated.',
   * '"...," the nominee riffed on ...' (a description needs a past form) */
  if (j < hi && np_token(c, j) && (c->t[j].flags & XC_TF_LOWER) &&
      !(lexk(c, j) & (QK_STOP | QK_DET | QK_PREP | QK_PRON)) && !is_time_word(c, j) &&
      (np.kind != NP_DESC || (past_form(c, j) && (lexk(c, np.a) & QK_DET)))) {
    uint32_t e = j + 1;
    if (e < hi && (xc_q_is(c, e, "back") || xc_q_is(c, e, "out") || xc_q_is(c, e, "up"))) e++;
    if (e >= hi || xc_q_punct(c, e, XC_PU_PERIOD) || is_comma(c, e) || xc_q_punct(c, e, XC_PU_TERM) ||
        xc_q_punct(c, e, XC_PU_SEMI) || is_prep_word(c, e) || xc_q_is(c, e, "at"))
      return found(at, np, j, e, how);
  }
  /* a signature after a dash: "... — Jane Doe" */
  if (dash && np.kind == NP_NAME && (j >= hi || !np_token(c, j))) return found(at, np, QNONE, QNONE, how);
  return 0;
}

/* Before a quote, tokens [lo, open): "Smith said:", "Smith told reporters
 * that", "According to Smith,", "Smith on Twitter:". */
static int att_left(const qctx *c, uint32_t lo, uint32_t open, qatt *at) {
  if (open <= lo) return 0;
  uint32_t j = open;
  int colon = 0;
  while (j > lo && (is_comma(c, j - 1) || xc_q_punct(c, j - 1, XC_PU_COLON) || is_dash(c, j - 1)))
    colon |= xc_q_punct(c, j - 1, XC_PU_COLON), j--;
  for (uint32_t k = j; k > lo && j - k < 14;) {
    k--;
    if (xc_q_in_quote(c, k) || c->t[k].kind == XC_TK_QUOTE) break;
    if (xc_q_punct(c, k, XC_PU_PERIOD) || xc_q_punct(c, k, XC_PU_TERM) || xc_q_punct(c, k, XC_PU_SEMI))
      break;
    uint32_t ce;
    int cu = cue_at(c, k, 1, &ce);
    if (cu == CUE_NO && k > lo && xc_q_is(c, k, "to")) cu = cue_at(c, k - 1, 1, &ce), k -= cu != CUE_NO;
    if (cu == CUE_NO) continue;
    qnp np = cue_subject(c, k, ce, cu, lo, j);
    /* a verb that is also a noun ("his claims", "comments") only with a
     * plain subject */
    if ((lexk(c, k) & QK_WEAK) && !past_form(c, k) && np.kind != NP_NAME && np.kind != NP_PRON &&
        np.kind != NP_REL)
      continue;
    if (np.kind == NP_NONE && cu == CUE_VERB && (lexk(c, k) & QK_INV)) {
      np = np_fwd(c, skip_fwd_adv(c, ce, j), j); /* "said Smith:", not "said the plan was" */
      if (np.b != j) np = np_none();
    }
    if (np.kind != NP_NONE) return found(at, np, k, ce, XC_QH_ADJACENT);
  }
  /* "Smith issued a statement:", "Smith posted a tweet," */
  if (j > lo && (lexk(c, j - 1) & QK_SPEECH) && !xc_q_in_quote(c, j - 1)) {
    qnp sp = np_back_once(c, j - 1, lo);
    if (sp.kind == NP_DESC && sp.a > lo && np_token(c, sp.a - 1) &&
        !(lexk(c, sp.a - 1) & (QK_STOP | QK_PREP | QK_DET))) {
      qnp np = subject_before(c, sp.a - 1, lo);
      if (np.kind == NP_NAME || np.kind == NP_PRON || np.kind == NP_REL || np.kind == NP_DESC)
        return found(at, np, sp.a, sp.b, XC_QH_ADJACENT);
    }
  }
  if (colon) { /* "Smith on Twitter:", "a familiar voice celebrated the attacks:" */
    uint32_t sl = c->s[c->sent_of[open - 1]].tok;
    for (uint32_t k = j; k > sl;) {
      k--;
      uint32_t ce;
      if (xc_q_in_quote(c, k) || c->t[k].kind == XC_TK_QUOTE) break;
      int cu = cue_at(c, k, 0, &ce);
      if (cu == CUE_NO) continue;
      qnp np = cue_subject(c, k, ce, cu, sl, j);
      if (np.kind != NP_NONE) return found(at, np, k, ce, XC_QH_ADJACENT);
    }
    qnp np = clause_subject(c, c->sent_of[open - 1], open);
    if (np.kind != NP_NONE) return found(at, np, QNONE, QNONE, XC_QH_ADJACENT);
  }
  return 0;
}

/* A cue anywhere else in sentences [s0, s1] outside quotes: before the
 * quote nearest first, then after it. */
static int att_sentence(const qctx *c, uint32_t s0, uint32_t s1, uint32_t open, uint32_t close,
                        qatt *at) {
  uint32_t lo = c->s[s0].tok, hi = c->s[s1].tok_end;
  for (uint32_t k = open; k > lo;) {
    k--;
    uint32_t ce;
    int cu = cue_at(c, k, 0, &ce);
    if (cu == CUE_NO && cue_at(c, k, 1, &ce) == CUE_VERB) { /* "who promises that" */
      qnp np = subject_before(c, k, c->s[c->sent_of[k]].tok);
      if (np.kind == NP_NAME || np.kind == NP_PRON || np.kind == NP_REL)
        return found(at, np, k, ce, XC_QH_SENTENCE);
      continue;
    }
    if (cu == CUE_NO && k > lo && xc_q_is(c, k, "to")) cu = cue_at(c, k - 1, 0, &ce), k -= cu != CUE_NO;
    if (cu == CUE_NO) continue;
    qnp np = cue_subject(c, k, ce, cu, c->s[c->sent_of[k]].tok, hi);
    if (np.kind == NP_NONE && cu == CUE_VERB && (lexk(c, k) & QK_INV) && !(lexk(c, k) & QK_OBJ)) {
      np = np_fwd(c, skip_fwd_adv(c, ce, open), open); /* "..., said Smith, a professor, “...”" */
      if (np.kind != NP_NONE && np.b < c->nt && np_token(c, np.b)) np = np_none();
    }
    if (np.kind != NP_NONE) return found(at, np, k, ce, XC_QH_SENTENCE);
  }
  for (uint32_t k = close == QNONE ? hi : close + 1; k < hi; k++) {
    uint32_t ce;
    int cu = cue_at(c, k, 0, &ce);
    if (cu == CUE_NO) continue;
    /* "..., said Brad Bannon, a pollster." */
    if (cu == CUE_VERB && k > 0 && is_comma(c, k - 1) && (lexk(c, k) & QK_INV) &&
        !(lexk(c, k) & (QK_OBJ | QK_ING))) {
      qnp np = np_fwd(c, skip_fwd_adv(c, ce, hi), hi);
      if (np.kind != NP_NONE && !(np.b < c->nt && np_token(c, np.b)))
        return found(at, np, k, ce, XC_QH_SENTENCE);
    }
    qnp np = cue_subject(c, k, ce, cu, c->s[c->sent_of[k]].tok, hi);
    if (np.kind != NP_NONE && !(np.a < close && close != QNONE)) return found(at, np, k, ce, XC_QH_SENTENCE);
    if (np.kind == NP_NONE && cu == CUE_VERB && (lexk(c, k) & QK_INV) && !(lexk(c, k) & QK_OBJ)) {
      np = np_fwd(c, skip_fwd_adv(c, ce, hi), hi);
      if (np.kind != NP_NONE && !(np.b < c->nt && np_token(c, np.b)))
        return found(at, np, k, ce, XC_QH_SENTENCE);
    }
  }
  return 0;
}

/* A name and a colon opening the sentence, as headlines attribute: "Smith:
 * Plan Is 'Dead on Arrival'". */
static int att_colon_head(const qctx *c, uint32_t si, uint32_t open, qatt *at) {
  for (uint32_t k = c->s[si].tok; k < open && k - c->s[si].tok < 12; k++) {
    if (c->t[k].kind == XC_TK_QUOTE) return 0;
    if (!xc_q_punct(c, k, XC_PU_COLON)) continue;
    qnp np = clause_subject(c, si, k);
    if ((np.kind == NP_NAME || np.kind == NP_PRON) && np.b == k)
      return found(at, np, QNONE, QNONE, XC_QH_SENTENCE);
    return 0;
  }
  return 0;
}

/* Does sentence si hold a word outside quotes before token open? */
static int words_before(const qctx *c, uint32_t si, uint32_t open) {
  for (uint32_t k = c->s[si].tok; k < open; k++)
    if (np_token(c, k)) return 1;
  return 0;
}

static int words_after(const qctx *c, uint32_t si, uint32_t close) {
  for (uint32_t k = close + 1; k < c->s[si].tok_end; k++)
    if (np_token(c, k)) return 1;
  return 0;
}

/* Does sentence si hold a quote mark? */
static int has_quote(const qctx *c, uint32_t si) {
  for (uint32_t k = c->s[si].tok; k < c->s[si].tok_end; k++)
    if (xc_q_in_quote(c, k)) return 1;
  return 0;
}

/* The sentence before a quote that opens its sentence: "Smith said:",
 * "Smith criticised the plan." */
static int att_previous(const qctx *c, const qseg *q, qatt *at) {
  if (q->s0 == 0 || words_before(c, q->s0, q->open)) return 0;
  uint32_t ps = q->s0 - 1, lo, hi;
  sent_range(c, ps, &lo, &hi);
  uint32_t last = hi - 1;
  int colon = xc_q_punct(c, last, XC_PU_COLON);
  if (!colon && has_quote(c, ps)) return 0;
  for (uint32_t k = hi; k > lo;) {
    k--;
    uint32_t ce;
    int cu = cue_at(c, k, colon, &ce);
    if (cu == CUE_NO && k > lo && xc_q_is(c, k, "to")) cu = cue_at(c, k - 1, colon, &ce), k -= cu != CUE_NO;
    if (cu == CUE_NO || xc_q_in_quote(c, k)) continue;
    qnp np = cue_subject(c, k, ce, cu, lo, hi);
    if (np.kind == NP_NONE && colon && cu == CUE_VERB && (lexk(c, k) & QK_INV)) {
      np = np_fwd(c, ce, last); /* "Said Smith:" */
      if (np.b != last) np = np_none();
    }
    if (np.kind != NP_NONE) return found(at, np, k, ce, XC_QH_PREVIOUS);
  }
  if (colon) {
    qnp np = clause_subject(c, ps, last);
    if (np.kind != NP_NONE) return found(at, np, QNONE, QNONE, XC_QH_PREVIOUS);
  }
  return 0;
}

/* The sentence after a quote that ends its sentence, in the same
 * paragraph: "... ” Smith said." */
static int att_next(const qctx *c, const qseg *q, qatt *at) {
  if (q->close == QNONE || words_after(c, q->s1, q->close)) return 0;
  uint32_t ns = q->s1 + 1;
  if (ns >= c->ns || has_quote(c, ns)) return 0;
  uint32_t a = c->s[ns].tok, b = c->s[ns].tok_end;
  if (c->s[ns].flags & XC_SF_PARA) {
    /* a signature line after the quote: "- Jane Doe." */
    if (!(is_dash(c, a) || xc_q_punct(c, a, XC_PU_BULLET)) || b - a > 10) return 0;
    qnp np = np_fwd(c, a + 1, b);
    return np.kind == NP_NAME && found(at, np, QNONE, QNONE, XC_QH_NEXT);
  }
  return att_right(c, a, b, at, XC_QH_NEXT);
}

int xc_q_attribute(qctx *c, size_t k) {
  qseg *q = &c->segs[k];
  qatt *at = &q->at;
  uint32_t s1_end = c->s[q->s1].tok_end, s0_start = c->s[q->s0].tok;
  /* the neighbouring quotes of the same sentences bound the contexts */
  uint32_t hi = s1_end, lo = s0_start;
  if (k + 1 < c->nsegs && c->segs[k + 1].open < hi) hi = c->segs[k + 1].open;
  if (k > 0 && c->segs[k - 1].close != QNONE && c->segs[k - 1].close + 1 > lo &&
      c->segs[k - 1].close < q->open)
    lo = c->segs[k - 1].close + 1;
  if (q->close != QNONE && att_right(c, q->close + 1, hi, at, XC_QH_ADJACENT)) return 1;
  if (att_left(c, lo, q->open, at)) return 1;
  if (att_sentence(c, q->s0, q->s1, q->open, q->close, at)) return 1;
  if (att_colon_head(c, q->s0, q->open, at)) return 1;
  return 0;
}

/* Last resort for a partial quote: the subject of its clause when that is
 * a person or a pronoun ("Trump's way served him well ..." is not; "Mr.
 * Ryan laid out a vision for '...'" is). */
int xc_q_attribute_subject(qctx *c, size_t k) {
  qseg *q = &c->segs[k];
  if (!words_before(c, q->s0, q->open)) return 0;
  qnp np = clause_subject(c, q->s0, q->open);
  if (np.kind != NP_NAME && np.kind != NP_PRON) return 0;
  if (np.kind == NP_PRON && !(c->gen[np.a] & (QG_M | QG_F | QG_P))) return 0; /* "It's ..." */
  if (np.kind == NP_NAME && c->d->mentions[np.mention].type != XC_NER_PER &&
      c->d->mentions[np.mention].type != XC_NER_ORG)
    return 0;
  found(&q->at, np, QNONE, QNONE, XC_QH_SENTENCE);
  q->at.guess = 1;
  return 1;
}

/* Neighbouring sentences, for a whole quote: before for its first
 * segment, after for its last. */
int xc_q_attribute_near(qctx *c, size_t first, size_t last) {
  qseg *q = &c->segs[first];
  if (att_previous(c, q, &q->at)) {
    if (q->at.how == XC_QH_PREVIOUS && q->at.cue_a != QNONE &&
        !xc_q_punct(c, c->s[q->s0 - 1].tok_end - 1, XC_PU_COLON)) {
      /* a cue in a plain sentence before: only when nothing closer says otherwise */
      qatt keep = q->at;
      if (att_next(c, &c->segs[last], &c->segs[last].at)) {
        q->at = c->segs[last].at;
        return 1;
      }
      q->at = keep;
    }
    return 1;
  }
  if (att_next(c, &c->segs[last], &c->segs[last].at)) {
    q->at = c->segs[last].at;
    return 1;
  }
  return 0;
}

/* ---- indirect attributions ---- */

#define PREP_PHRASE_WORDS 6 /* longer than this, a span opening with a preposition is a clause */

static uint32_t count_words(const qctx *c, uint32_t a, uint32_t b) {
  uint32_t n = 0;
  for (uint32_t i = a; i < b; i++) n += c->t[i].kind == XC_TK_WORD || c->t[i].kind == XC_TK_NUMBER;
  return n;
}

int xc_q_indirect(qctx *c, uint32_t si, qatt *at, uint32_t *pa, uint32_t *pb) {
  uint32_t lo, hi;
  sent_range(c, si, &lo, &hi);
  uint32_t end = hi;
  while (end > lo && (c->t[end - 1].kind == XC_TK_PUNCT || c->t[end - 1].kind == XC_TK_QUOTE)) end--;
  for (uint32_t i = lo; i < end; i++) {
    uint32_t ce, a = QNONE, b = end;
    int cu = cue_at(c, i, 1, &ce);
    if (cu == CUE_NO) continue;
    uint32_t k = lexk(c, i);
    int weak = (k & QK_WEAK) != 0;
    qnp np;
    if (cu == CUE_ACCORDING) {
      np = np_fwd(c, ce, end);
      if (np.kind == NP_NONE) continue;
      if (np.b < end && is_comma(c, np.b)) a = np.b + 1; /* "According to X, ..." */
      else if (i > lo + 2 && is_comma(c, i - 1)) a = lo, b = i - 1; /* "..., according to X" */
      else continue;
    } else {
      if (!(k & QK_IND) || (k & (QK_CALL | QK_ING))) continue;
      np = subject_before(c, i, lo);
      if (np.kind == NP_NONE) {
        if (!(k & QK_INV) || i < lo + 3 || !is_comma(c, i - 1)) continue;
        np = np_fwd(c, skip_fwd_adv(c, ce, end), end); /* "..., said Smith." */
        if (np.kind == NP_NONE) continue;
        a = lo, b = i - 1;
      } else if (np.a > lo + 2 && is_comma(c, np.a - 1) && skip_fwd_adv(c, ce, end) >= end) {
        a = lo, b = np.a - 1; /* "..., Smith said." */
      } else {
        uint32_t j = ce;
        if ((k & QK_OBJ) && !(k & QK_ACC)) { /* "told reporters that" */
          qnp obj = np_fwd(c, j, end);
          if (obj.kind != NP_NONE) j = obj.b;
        }
        j = skip_fwd_adv(c, j, end);
        if (j < end && is_comma(c, j)) j++;
        if (j < end && xc_q_is(c, j, "that")) j++;
        a = j;
      }
    }
    if (a == QNONE || b <= a || count_words(c, a, b) < 3) continue;
    /* a statement is a clause, not "in the New York Times"; a long one may
     * open with a preposition ("About 4,000 tonnes were stored ...") */
    if ((is_prep_word(c, a) || (lexk(c, a) & QK_PREP) || xc_q_is(c, a, "at")) &&
        count_words(c, a, b) <= PREP_PHRASE_WORDS)
      continue;
    if (weak && np.kind != NP_NAME && np.kind != NP_PRON && np.kind != NP_REL) continue;
    at->sp = np;
    at->cue_a = i, at->cue_b = ce;
    at->how = XC_QH_SENTENCE;
    *pa = a, *pb = b;
    return 1;
  }
  return 0;
}
