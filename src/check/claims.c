/* claims.c - statements, facts and disputes of a story (see claims.h).
 *
 * A statement is one sentence of a report, kept when it is checkable: it
 * names an entity or gives a number, and has at least MIN_WORDS content
 * words. It is reduced to sets: its content words (lower-cased, crude
 * plural stripped, function words and numbers left out), its resolved
 * entities, its quantities (a number and the noun it counts: "six shots",
 * "several shots"), its outcomes for people (killed or wounded), and two
 * flags: negated ("did not", "denied") and hedged ("may have",
 * "reportedly", "unconfirmed").
 *
 * Two statements of different origins say the same thing when their word
 * sets are close (cosine of the sets, helped by shared entities); the
 * facts are the groups so joined (union-find). Disputes compare
 * statements of different origins that share their context: the same
 * counted noun with different numbers; the same person killed in one and
 * only wounded in the other; one fact asserted plainly by one origin and
 * denied or hedged by another. The comparisons are pairwise within a
 * story, whose statements number in the hundreds. */
#include "check/claims.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check/words.h"
#include "lang/gazetteer.h"
#include "lang/lemma.h"
#include "core/core.h"

#define MIN_WORDS 4   /* content words of a checkable statement */
#define MAX_WORDS 48  /* content words kept per statement */
#define MAX_ENTS 12
#define MAX_QTY 4
#define FIGURES 3 /* quantities in a sentence that make it a line of figures */
#define MAX_SCOPE 8
#define MAX_PRED 8    /* verbs kept per statement */
#define EVENT_WORDS 3 /* words in common of two tellings of one event */
#define EVENT_COS 0.2 /* ... and the cosine of their words */
#define QUOTE_WORDS 6 /* words of a quote whose speakers can dispute */
#define SCOPE_WORDS 2 /* content words a negation or hedge bears on */
#define SAME_COS 0.5  /* word-set cosine of two wordings of one fact */
#define SAME_COS_ENT 0.38 /* ... when they also share two entities */
#define CONTEXT_MIN 2 /* shared words (beyond the noun) for a number dispute */
#define NUMBER_COS 0.5 /* ... and the cosine of the two statements' words */
/* Two statements that differ in polarity or date must be this close
 * themselves: group members joined through others may differ in more. */
#define DIRECT_COS 0.6
#define RELATION_COS 0.4 /* ... and two that place one thing differently */

enum { OUT_NONE = 0, OUT_DEATH = 1, OUT_INJURY = 2 };

typedef struct qty {
  uint64_t noun;  /* the counted noun's lemma hash */
  double value;   /* the number; -1 for a vague one ("several") */
  char amount[16]; /* the amount as written ("six", "6", "several") */
  char word[24];   /* the noun as written ("shots") */
} qty;

typedef struct stmt {
  int doc, origin;
  uint32_t start, end;
  uint64_t w[MAX_WORDS];
  size_t nw;
  uint64_t ent[MAX_ENTS]; /* entity numbers */
  size_t ne;
  qty q[MAX_QTY];
  size_t nq;
  uint64_t people[MAX_ENTS]; /* the people it names (entity numbers), sorted */
  size_t npeople;
  uint64_t named[MAX_ENTS]; /* those of them named in full ("Anna Berg"): a
                               lone word the tagger took for a person may
                               be a ship or a firm */
  size_t nnamed;
  long per[MAX_ENTS]; /* people said to be killed or wounded */
  uint8_t per_out[MAX_ENTS]; /* ... and what (OUT_* bits) */
  size_t np;
  uint64_t pred[MAX_PRED]; /* what happens: its verbs in a past form ("shot",
                              "stormed"), light ones left out */
  size_t npred;
  char verb[XC_FACT_VERBS][24]; /* the first of them as words, distinct */
  size_t nverb;
  uint8_t neg, hedge;
  char *asserter; /* the speaker of an attribution in the sentence, or NULL */
  /* where: a place named after "in", "at", "near"... (its entity and its
   * kind), a spatial relation to a thing ("inside the warehouse"), a
   * compass direction ("northwest of"); each with its words as written */
  uint64_t place;
  unsigned place_kind;
  char place_text[48];
  uint64_t rel_noun;
  char rel_text[48];
  uint64_t compass;
  char compass_text[24];
  /* the content words right after a negation or a hedge: what they bear
   * on ("did not find cracks": find, crack) */
  uint64_t scope[MAX_SCOPE];
  size_t nscope;
  char date[11]; /* the first calendar date it gives (YYYY-MM-DD or YYYY-MM) */
  int year;      /* the year of the first date it gives, of any precision ("in 2019") */
  char *text;
  size_t group; /* union-find parent */
} stmt;

struct xc_claims {
  stmt *s;
  size_t n, cap;
  xc_fact *facts;
  size_t nfacts;
  xc_dispute *disputes;
  size_t ndisputes;
  size_t *dkey;      /* per dispute: the fact group it is about (numbers) */
  uint64_t *dtopic;  /* per dispute: the thing or place it is about (where,
                        which direction), 0 for the other kinds */
  uint64_t *against; /* pairs of statements that dispute each other (i << 32 | j, i < j) */
  size_t nagainst;
  const xc_resolver *r; /* for names in disputes; the last one added */
  size_t *shown; /* per group leader: the telling that words the fact */
  size_t *next;  /* the group's next statement after each (SIZE_MAX: none):
                    a group's members from its leader on, in order */
};

xc_claims *xc_claims_new(void) { return xc_xcalloc(1, sizeof(xc_claims)); }

static void dispute_release(xc_dispute *d) {
  for (size_t i = 0; i < d->nclaims; i++)
    free(d->claims[i].text), free(d->claims[i].docs);
  free(d->claims);
  free(d->about);
}

void xc_claims_free(xc_claims *c) {
  if (!c) return;
  for (size_t i = 0; i < c->n; i++) free(c->s[i].text), free(c->s[i].asserter);
  free(c->shown);
  free(c->next);
  free(c->s);
  for (size_t i = 0; i < c->nfacts; i++) {
    xc_fact *f = &c->facts[i];
    for (size_t k = 0; k < f->nasserted; k++) free(f->asserted_by[k]);
    for (size_t k = 0; k < f->nwho; k++) free(f->who[k]);
    free(f->text), free(f->docs), free(f->asserted_by), free(f->who);
  }
  free(c->facts);
  for (size_t i = 0; i < c->ndisputes; i++) dispute_release(&c->disputes[i]);
  free(c->disputes);
  free(c->against);
  free(c->dkey);
  free(c->dtopic);
  free(c);
}

/* ---- words ---- */

/* Is the lower-cased word w[0..n) one of the NUL-separated list? */
static int in_list(const char *list, const char *w, size_t n) {
  for (const char *p = list; *p; p += strlen(p) + 1)
    if (strlen(p) == n && !memcmp(p, w, n)) return 1;
  return 0;
}

/* Words that carry no content of their own. */
static const char STOP[] =
    "the\0and\0but\0for\0nor\0yet\0with\0from\0into\0onto\0upon\0about\0after\0before\0"
    "over\0under\0than\0then\0that\0this\0these\0those\0there\0their\0they\0them\0"
    "his\0her\0hers\0its\0our\0your\0who\0whom\0whose\0which\0what\0when\0where\0why\0"
    "how\0was\0were\0are\0been\0being\0has\0have\0had\0having\0will\0would\0shall\0"
    "should\0can\0could\0may\0might\0must\0also\0just\0very\0said\0says\0say\0told\0"
    "tell\0according\0not\0all\0any\0some\0such\0other\0more\0most\0one\0own\0out\0"
    "off\0while\0during\0since\0until\0did\0does\0doing\0done\0him\0she\0you\0its\0"
    "mr\0mrs\0ms\0per\0via\0still\0even\0only\0both\0each\0least\0\0";

/* Verbs that say little of what happened: being, saying, having. */
static const char LIGHT[] =
    "be\0have\0do\0say\0tell\0report\0add\0accord\0make\0get\0go\0come\0take\0give\0"
    "seem\0become\0include\0continue\0use\0keep\0want\0need\0know\0think\0believe\0"
    "expect\0call\0ask\0speak\0note\0follow\0set\0put\0see\0base\0involve\0\0";

static const char AUXILIARIES[] =
    "has\0have\0had\0was\0were\0are\0is\0will\0would\0can\0could\0may\0might\0"
    "did\0does\0should\0must\0\0";
static const char DETERMINERS[] = "the\0a\0an\0his\0her\0its\0their\0our\0this\0that\0\0";

/* Words that deny or hedge what their sentence states. */
static const char NEGATIONS[] = "not\0n't\0never\0no\0denied\0denies\0deny\0nor\0\0";
static const char HEDGES[] =
    "may\0might\0could\0reportedly\0allegedly\0apparently\0possibly\0unconfirmed\0"
    "unverified\0purportedly\0rumoured\0rumored\0unclear\0\0";
static const char DEATHS[] = "killed\0dead\0died\0dies\0death\0fatally\0slain\0\0";
static const char INJURIES[] =
    "wounded\0injured\0hurt\0survived\0hospitalized\0hospitalised\0injuries\0\0";
/* Numbers written as words; vague amounts count as -1. */
static const char *const NUMWORDS[] = {"zero", "one", "two", "three", "four", "five", "six",
                                       "seven", "eight", "nine", "ten", "eleven", "twelve"};
static const char VAGUE[] = "several\0multiple\0numerous\0dozens\0scores\0hundreds\0"
                            "thousands\0many\0few\0\0";
/* Prepositions that place an event, and the spatial relations whose
 * difference is a dispute ("inside" vs "outside" the same building). */
static const char PLACE_PREPS[] = "in\0at\0near\0off\0outside\0inside\0\0";
static const char RELATIONS[] = "inside\0outside\0near\0behind\0beside\0opposite\0\0";
static const char COMPASS[] =
    "north\0south\0east\0west\0northeast\0northwest\0southeast\0southwest\0"
    "north-east\0north-west\0south-east\0south-west\0\0";

/* Counted nouns that are spans of time: dates and durations are the
 * timeline's business, not a quantity to dispute. */
static const char TIMEWORDS[] =
    "year\0month\0week\0day\0hour\0minute\0second\0decade\0century\0time\0percent\0\0";

/* The lower-cased form of token t into low (at most cap-1 bytes);
 * returns its length. */
static size_t lower_word(const char *text, const xc_token *t, char *low, size_t cap) {
  size_t n = t->end - t->start;
  if (n >= cap) n = cap - 1;
  for (size_t i = 0; i < n; i++) low[i] = (char)xc_lower((unsigned char)text[t->start + i]);
  low[n] = 0;
  return n;
}

static uint64_t word_key(const char *w, size_t n) { return xc_hash64(w, n, 0xc1a1) | 1; }

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* Sorts v[0..n) and drops repeats; returns the new count. */
static size_t uniq_u64(uint64_t *v, size_t n) {
  qsort(v, n, sizeof *v, cmp_u64);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (!k || v[k - 1] != v[i]) v[k++] = v[i];
  return k;
}

/* The value of a number token ("1,200", "6", "3.5"); -2 when it is not a
 * plain amount (a date "1996-08-22", an ordinal "2nd", "9mm"). */
static double number_value(const char *text, const xc_token *t) {
  double v = 0, scale = 0;
  for (uint32_t i = t->start; i < t->end; i++) {
    char ch = text[i];
    if (ch >= '0' && ch <= '9') {
      if (scale) v += (ch - '0') * scale, scale /= 10;
      else v = v * 10 + (ch - '0');
    } else if (ch == ',' && !scale) {
      continue;
    } else if (ch == '.' && !scale) {
      scale = 0.1;
    } else {
      return -2;
    }
  }
  return v;
}

/* The amount token k gives: a number, a number word, or -1 for a vague
 * amount; -2 when it is none. */
static double amount(const char *text, const xc_token *t) {
  if (t->kind == XC_TK_NUMBER) return number_value(text, t);
  if (t->kind != XC_TK_WORD) return -2;
  char low[24];
  size_t n = lower_word(text, t, low, sizeof low);
  for (size_t i = 0; i < sizeof NUMWORDS / sizeof *NUMWORDS; i++)
    if (!strcmp(low, NUMWORDS[i])) return (double)i;
  return in_list(VAGUE, low, n) ? -1 : -2;
}

/* ---- one sentence ---- */

/* Token t as written into out (cut to cap-1 bytes). */
static void copy_word(const char *text, const xc_token *t, char *out, size_t cap) {
  size_t n = t->end - t->start;
  if (n >= cap) n = cap - 1;
  memcpy(out, text + t->start, n);
  out[n] = 0;
}

/* Does the lower-case word end like a plural ("shots", "injuries"; not
 * "press", "virus")? */
static int is_plural(const char *w, size_t n) {
  return n > 3 && w[n - 1] == 's' && !strchr("sui", w[n - 2]);
}

/* Is token t an article or a possessive determiner? */
static int determiner(const char *text, const xc_token *t) {
  char low[8];
  size_t n = t->kind == XC_TK_WORD ? lower_word(text, t, low, sizeof low) : 0;
  return n && in_list(DETERMINERS, low, n);
}

/* Reads the quantity at token k of [k, e): an amount followed by its
 * noun within three words: the first plural among the lower-case words
 * there ("seven consecutive life sentences", "five pirate boats tried"),
 * else the first of them ("one shot"). Capitalised words are skipped
 * ("three Russian officers"), and so are function words ("two more
 * people"); a time unit ("four years") is no quantity. Returns 1 and
 * fills q when found. */
static int read_qty(const char *text, const xc_token *t, size_t a, size_t k, size_t e, qty *q) {
  double v = amount(text, &t[k]);
  if (v == -2) return 0;
  size_t pick = 0;
  char low[40];
  for (size_t j = k + 1; j < e && j <= k + 4; j++) {
    if (t[j].kind != XC_TK_WORD) break;
    if (!(t[j].flags & XC_TF_LOWER)) continue;
    size_t n = lower_word(text, &t[j], low, sizeof low);
    if (in_list(STOP, low, n) && strcmp(low, "people")) {
      /* "six shots were": the noun phrase has ended; "no one has
       * assumed": there was none */
      if (pick || in_list(AUXILIARIES, low, n)) break;
      continue;
    }
    if (!pick) pick = j;
    if (is_plural(low, n)) {
      pick = j;
      break;
    }
  }
  if (!pick) return 0;
  size_t n = lower_word(text, &t[pick], low, sizeof low);
  /* a year before a noun is no count ("the 2022 invasion", "the 2016
   * elections"; but "2000 troops") */
  if (v >= 1800 && v <= 2100 && v == (long)v &&
      (!is_plural(low, n) || (k > a && determiner(text, &t[k - 1]))))
    return 0;
  n = xc_lemma(low, n, low, sizeof low);
  /* "was shot six times": the times count the verb before the amount, as
   * "fired six shots" does */
  int times = pick == k + 1 && n == 4 && !memcmp(low, "time", 4) && k > a &&
              t[k - 1].kind == XC_TK_WORD && (t[k - 1].flags & XC_TF_LOWER);
  if (times) n = lower_word(text, &t[k - 1], low, sizeof low);
  /* a noun that is also a verb's form meets the verb: "shots" -> "shot" ->
   * "shoot" */
  n = xc_lemma(low, xc_lemma(low, n, low, sizeof low), low, sizeof low);
  if (n < 3 || in_list(TIMEWORDS, low, n)) return 0;
  q->noun = word_key(low, n);
  q->value = v;
  copy_word(text, &t[k], q->amount, sizeof q->amount);
  copy_word(text, &t[pick], q->word, sizeof q->word);
  if (times) { /* "number of times shot" */
    size_t w = strlen(q->word);
    q->word[w++] = ' ';
    copy_word(text, &t[k - 1], q->word + w, sizeof q->word - w);
  }
  return 1;
}

/* The entity of mention i of doc, or -1. */
static long entity_of(const xc_resolver *r, int doc, size_t i) {
  return r ? xc_resolve_mention(r, (uint32_t)doc, i) : -1;
}

#define OUTCOME_REACH 20 /* tokens from a person's name to "was killed" */

/* Gives the person named nearest before token k (within OUTCOME_REACH
 * tokens, the last name before it) the outcome out: "Anna Berg, a
 * driver, was wounded". pm/pe: the sentence's PER mentions (token ends)
 * and their entities. */
static void attach_outcome(stmt *s, const uint32_t *pend, const long *pe, size_t np, size_t k,
                           int out) {
  size_t best = SIZE_MAX;
  for (size_t i = 0; i < np; i++)
    if (pend[i] <= k && k - pend[i] <= OUTCOME_REACH) best = i;
  if (best == SIZE_MAX) return;
  for (size_t i = 0; i < s->np; i++)
    if (s->per[i] == pe[best]) {
      s->per_out[i] |= (uint8_t)out;
      return;
    }
  if (s->np < MAX_ENTS) s->per[s->np] = pe[best], s->per_out[s->np++] = (uint8_t)out;
}

/* Notes the first SCOPE_WORDS content words from token k (before e) as
 * what a negation or hedge bears on. */
static void scope_after(stmt *s, const char *text, const xc_token *t, size_t k, size_t e) {
  for (size_t got = 0; k < e && k < e && got < SCOPE_WORDS && s->nscope < MAX_SCOPE; k++) {
    if (t[k].kind != XC_TK_WORD) continue;
    char low[40];
    size_t n = lower_word(text, &t[k], low, sizeof low);
    if (n < 3 || in_list(STOP, low, n) || in_list(HEDGES, low, n)) continue;
    s->scope[s->nscope++] = word_key(low, xc_lemma(low, n, low, sizeof low));
    got++;
  }
}

/* The kind of place tokens [a, b) name, from the name lists: country,
 * region or city (one of them, in that order: Greece is also a town in
 * New York), or 0 when the lists do not know it (an invented or small
 * place: such places compare with each other). */
static unsigned place_kind(const char *text, const xc_token *t, size_t a, size_t b) {
  if (b - a > XC_GAZ_MAXWORDS) return 0;
  uint64_t w[XC_GAZ_MAXWORDS];
  for (size_t i = a; i < b; i++) {
    char low[40];
    w[i - a] = xc_gaz_word_hash(low, lower_word(text, &t[i], low, sizeof low));
  }
  unsigned bits = xc_gaz_lookup(xc_gaz_default(), w, b - a);
  static const int kinds[] = {XC_GAZ_COUNTRY, XC_GAZ_REGION, XC_GAZ_CITY};
  for (size_t k = 0; k < 3; k++)
    if (bits & (1u << kinds[k])) return 1u + (unsigned)k;
  return 0;
}

/* Copies text[a, b) into out (cap bytes), white space collapsed. */
static void copy_span(const char *text, uint32_t a, uint32_t b, char *out, size_t cap) {
  char *c = xc_collapse_ws(text + a, b - a);
  snprintf(out, cap, "%s", c);
  free(c);
}

/* Is token t a word that ends a noun phrase's run of words: a function
 * word, a short word, a relation or a preposition of place? */
static int phrase_break(const char *text, const xc_token *t) {
  char w[24];
  size_t n = lower_word(text, t, w, sizeof w);
  return t->kind != XC_TK_WORD || !(t->flags & XC_TF_LOWER) || n < 3 || in_list(STOP, w, n) ||
         in_list(RELATIONS, w, n) || in_list(PLACE_PREPS, w, n);
}

/* Does token t read as an adverb or a past verb ("shortly", "started"):
 * no part of a noun phrase once it has begun? */
static int after_noun(const char *text, const xc_token *t) {
  size_t n = t->end - t->start;
  const char *w = text + t->start;
  return n > 4 && ((w[n - 2] == 'l' && w[n - 1] == 'y') || (w[n - 2] == 'e' && w[n - 1] == 'd'));
}

/* The noun after the relation word at k ("inside the old customs
 * warehouse near ...": warehouse): the last word of the first run of
 * content words within four tokens; SIZE_MAX when there is none. */
static size_t rel_noun_end(const char *text, const xc_token *t, size_t k, size_t b) {
  size_t j = k + 1;
  while (j < b && j <= k + 2 && t[j].kind == XC_TK_WORD && phrase_break(text, &t[j])) j++;
  if (j >= b || j > k + 4 || phrase_break(text, &t[j])) return SIZE_MAX;
  while (j + 1 < b && j + 1 <= k + 5 && !phrase_break(text, &t[j + 1]) &&
         !after_noun(text, &t[j + 1]))
    j++;
  return j;
}

/* Notes where sentence [a, b) places things: the first place named after
 * a preposition of place, the first spatial relation to a thing ("inside
 * the warehouse": the noun within three words), the first compass
 * direction. */
static void read_where(stmt *s, const char *text, const xc_lang_doc *ld, size_t a, size_t b,
                       const xc_resolver *r, size_t mi) {
  const xc_token *t = ld->tokens.v;
  const xc_mention *m = ld->mentions;
  for (size_t i = mi; i < ld->nmentions && m[i].tok < b && !s->place; i++) {
    if (m[i].type != XC_NER_LOC || m[i].tok == a) continue;
    char low[16];
    const xc_token *p = &t[m[i].tok - 1];
    if (p->kind != XC_TK_WORD || !in_list(PLACE_PREPS, low, lower_word(text, p, low, sizeof low)))
      continue;
    long e = entity_of(r, s->doc, i);
    if (e < 0) continue;
    s->place = (uint64_t)e + 1;
    s->place_kind = place_kind(text, t, m[i].tok, m[i].tok_end);
    copy_span(text, p->start, m[i].end, s->place_text, sizeof s->place_text);
  }
  for (size_t k = a; k < b; k++) {
    if (t[k].kind != XC_TK_WORD || !(t[k].flags & XC_TF_LOWER)) continue;
    char low[24];
    size_t n = lower_word(text, &t[k], low, sizeof low);
    if (!s->compass && in_list(COMPASS, low, n)) {
      s->compass = word_key(low, n);
      copy_span(text, t[k].start, t[k].end, s->compass_text, sizeof s->compass_text);
    }
    if (s->rel_noun || !in_list(RELATIONS, low, n)) continue;
    size_t e = rel_noun_end(text, t, k, b);
    if (e == SIZE_MAX) continue;
    char w[40];
    size_t wn = lower_word(text, &t[e], w, sizeof w);
    s->rel_noun = word_key(w, xc_lemma(w, wn, w, sizeof w));
    copy_span(text, t[k].start, t[e].end, s->rel_text, sizeof s->rel_text);
  }
}


/* Is entity e of r a person named in full (two words or more)? */
static int full_name(const xc_resolver *r, long e) {
  const xc_entity *x = r ? xc_resolve_entity(r, (size_t)e) : NULL;
  return x && x->name && strchr(x->name, ' ');
}

/* Fills s from sentence tokens [a, b) of text. */
static void read_sentence(stmt *s, const char *text, const xc_lang_doc *ld, size_t a, size_t b,
                          const xc_resolver *r, size_t *mi) {
  const xc_token *t = ld->tokens.v;
  /* the mentions inside the sentence */
  const xc_mention *m = ld->mentions;
  uint32_t pend[MAX_ENTS];
  long pe[MAX_ENTS];
  size_t np = 0;
  while (*mi < ld->nmentions && m[*mi].tok < a) (*mi)++;
  read_where(s, text, ld, a, b, r, *mi);
  for (size_t i = *mi; i < ld->nmentions && m[i].tok < b; i++) {
    long e = entity_of(r, s->doc, i);
    if (e < 0 || s->ne >= MAX_ENTS) continue;
    s->ent[s->ne++] = (uint64_t)e;
    if (m[i].type == XC_NER_PER && np < MAX_ENTS) pend[np] = m[i].tok_end, pe[np++] = e;
    if (m[i].type == XC_NER_PER && s->npeople < MAX_ENTS) s->people[s->npeople++] = (uint64_t)e;
    if (m[i].type == XC_NER_PER && s->nnamed < MAX_ENTS && full_name(r, e))
      s->named[s->nnamed++] = (uint64_t)e;
  }
  for (size_t k = a; k < b; k++) {
    if (s->nq < MAX_QTY && read_qty(text, t, a, k, b, &s->q[s->nq])) s->nq++;
    if (t[k].kind != XC_TK_WORD) continue;
    char low[40];
    size_t n = lower_word(text, &t[k], low, sizeof low);
    int neg = in_list(NEGATIONS, low, n), hedge = in_list(HEDGES, low, n);
    if (neg || hedge) {
      s->neg |= (uint8_t)neg, s->hedge |= (uint8_t)hedge;
      scope_after(s, text, t, k + 1, b);
    }
    if (in_list(DEATHS, low, n)) attach_outcome(s, pend, pe, np, k, OUT_DEATH);
    if (in_list(INJURIES, low, n)) attach_outcome(s, pend, pe, np, k, OUT_INJURY);
    if (n < 3 || in_list(STOP, low, n) || amount(text, &t[k]) != -2) continue;
    /* a past form after a determiner describes a thing ("the attempted
     * coup", "the wounded man"); -ing forms are as often nouns ("the
     * shooting", "a building") */
    char verb[40];
    size_t vn = (n > 4 && !memcmp(low + n - 3, "ing", 3)) || (k > a && determiner(text, &t[k - 1]))
                    ? 0
                    : xc_verb_form(low, n, verb, sizeof verb);
    if (vn && !in_list(LIGHT, verb, vn) && s->npred < MAX_PRED) {
      s->pred[s->npred++] = word_key(verb, vn);
      int known = 0;
      for (size_t v = 0; v < s->nverb && !known; v++) known = !strcmp(s->verb[v], verb);
      if (!known && s->nverb < XC_FACT_VERBS && vn < sizeof s->verb[0])
        memcpy(s->verb[s->nverb++], verb, vn + 1);
    }
    n = xc_lemma(low, n, low, sizeof low);
    if (s->nw < MAX_WORDS) s->w[s->nw++] = word_key(low, n);
  }
  s->nw = uniq_u64(s->w, s->nw);
  s->ne = uniq_u64(s->ent, s->ne);
  s->npeople = uniq_u64(s->people, s->npeople);
  s->nnamed = uniq_u64(s->named, s->nnamed);
  s->npred = uniq_u64(s->pred, s->npred);
}

/* The calendar date of a TimeML value, when it names a day or a month:
 * "2026-02-06", "2026-02-06TNI", "2026-02-06T10:30" and "2026-02" give
 * their date part into out; anything vaguer ("2026", "PAST_REF",
 * "2026-W06", "XXXX-02") gives 0. */
static size_t calendar_date(const char *v, char *out) {
  size_t n = 0;
  while (n < 10 && v[n]) n++;
  for (size_t i = 0; i < n; i++) {
    int dash = i == 4 || i == 7;
    if (dash ? v[i] != '-' : (v[i] < '0' || v[i] > '9')) {
      n = i;
      break;
    }
  }
  if (n == 10 || (n == 7 && (v[7] == 0 || v[7] == 'T'))) {
    memcpy(out, v, n);
    out[n] = 0;
    return n;
  }
  return 0;
}

/* Does the time expression w[0..n) name its day: a weekday, a month, a
 * day relative to today, a part of a day ("Monday night", "tonight")? */
static int names_day(const char *w, size_t n) {
  static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                     "saturday", "sunday", "jan", "feb", "mar", "apr", "may",
                                     "jun", "jul", "aug", "sep", "oct", "nov", "dec", "today",
                                     "tonight", "yesterday", "morning", "afternoon", "evening",
                                     "night"};
  for (size_t d = 0; d < sizeof days / sizeof *days; d++) {
    size_t k = strlen(days[d]);
    for (size_t i = 0; i + k <= n; i++)
      if (!strncasecmp(w + i, days[d], k) && (i == 0 || !isalpha((unsigned char)w[i - 1])))
        return 1;
  }
  return 0;
}

/* The first calendar date (a day or a month) among the time expressions
 * [*ti, ...) inside bytes [a, b) into out ("" when none), and the year of
 * the first date of any precision ("2019", "2019-W12") into *year (0 when
 * none); *ti moves past the ones before b. */
static void sentence_date(const char *text, const xc_timexv *tx, size_t *ti, uint32_t a,
                          uint32_t b, char *out, int *year) {
  out[0] = 0;
  *year = 0;
  if (!tx) return;
  while (*ti < tx->n && tx->v[*ti].start < a) (*ti)++;
  for (size_t i = *ti; i < tx->n && tx->v[i].start < b && !out[0]; i++) {
    const char *v = tx->v[i].value;
    /* a clock time alone ("shortly after ten o'clock") takes its day
     * from the publication date: a guess, not a date the report gives;
     * "Monday night", "10 a.m. on Friday" give one */
    if (strspn(v, "0123456789") < 4 ||
        (tx->v[i].type != XC_TIMEX_DATE &&
         (tx->v[i].type != XC_TIMEX_TIME || !names_day(text + tx->v[i].start,
                                                       tx->v[i].end - tx->v[i].start))))
      continue;
    if (!*year) *year = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
    calendar_date(v, out);
  }
}

/* How many bytes of [a, b) lie inside direct quotes of q (from *qi on;
 * *qi moves past the ones that end before a). */
static uint32_t quoted_bytes(const xc_quotes *q, size_t *qi, uint32_t a, uint32_t b) {
  if (!q) return 0;
  while (*qi < q->n && q->v[*qi].end <= a) (*qi)++;
  uint32_t in = 0;
  for (size_t i = *qi; i < q->n && q->v[i].start < b; i++) {
    const xc_quote *x = &q->v[i];
    if (x->flags & XC_QF_INDIRECT || x->end <= a) continue;
    in += (x->end < b ? x->end : b) - (x->start > a ? x->start : a);
  }
  return in;
}

/* Who the sentence [a, b) says asserts it: the speaker of an attribution
 * ("X said that ...", "according to X", a cue in the sentence) among the
 * quotes of q from qi on; NULL when none (the outlet's own statement). */
static const char *asserter(const xc_quotes *q, size_t qi, uint32_t a, uint32_t b) {
  for (size_t i = qi; q && i < q->n && q->v[i].start < b; i++) {
    const xc_quote *x = &q->v[i];
    if (x->end > a && x->speaker && (x->flags & XC_QF_INDIRECT)) return x->speaker;
  }
  return NULL;
}

void xc_claims_add(xc_claims *c, int doc, int origin, const char *text, const xc_lang_doc *ld,
                   const xc_resolver *r, const xc_timexv *tx, const xc_quotes *q) {
  if (r) c->r = r;
  size_t mi = 0, ti = 0, qi = 0;
  for (size_t k = 0; k < ld->sents.n; k++) {
    const xc_sent *se = &ld->sents.v[k];
    if (se->tok_end <= se->tok) continue;
    if (c->n == c->cap) {
      c->cap = c->cap ? c->cap * 2 : 64;
      c->s = xc_xrealloc(c->s, c->cap * sizeof *c->s);
    }
    stmt *s = &c->s[c->n];
    memset(s, 0, sizeof *s);
    s->doc = doc, s->origin = origin;
    read_sentence(s, text, ld, se->tok, se->tok_end, r, &mi);
    s->start = ld->tokens.v[se->tok].start;
    s->end = ld->tokens.v[se->tok_end - 1].end;
    sentence_date(text, tx, &ti, s->start, s->end, s->date, &s->year);
    /* checkable: says something (enough content words; a calendar date
     * counts as one) about someone, something countable, a date or a
     * place; headings and list lines are not statements */
    int detail = s->ne || s->nq || s->date[0] || s->rel_noun || s->compass;
    if (s->nw + (s->date[0] != 0) < MIN_WORDS || !detail || (se->flags & XC_SF_NOTERM)) continue;
    if (2 * quoted_bytes(q, &qi, s->start, s->end) >= s->end - s->start) continue;
    s->text = xc_collapse_ws(text + s->start, s->end - s->start);
    const char *who = asserter(q, qi, s->start, s->end);
    s->asserter = who ? xc_xstrdup(who) : NULL;
    s->group = c->n;
    c->n++;
  }
}

/* ---- comparing statements ---- */

static size_t common_u64(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  size_t i = 0, j = 0, k = 0;
  while (i < na && j < nb) {
    if (a[i] == b[j]) k++, i++, j++;
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return k;
}

/* Cosine of the content-word sets of x and y. */
static double word_cos(const stmt *x, const stmt *y) {
  size_t cw = common_u64(x->w, x->nw, y->w, y->nw);
  return (double)cw / sqrt((double)x->nw * (double)y->nw);
}

static int same_event(const stmt *x, const stmt *y);

/* Do x and y state the same thing (in other words)? 0 no, 1 worded
 * alike, 2 one happening told (same_event); *cos: their word cosine. */
static int same_fact(const stmt *x, const stmt *y, double *cos) {
  *cos = word_cos(x, y);
  if (*cos >= EVENT_COS && same_event(x, y)) return 2;
  size_t ce = common_u64(x->ent, x->ne, y->ent, y->ne);
  return *cos >= SAME_COS || (*cos >= SAME_COS_ENT && ce >= 2);
}

static int names(const stmt *s, uint64_t e);

/* Do x and y tell of one event in other words: a verb of what happened
 * in common, EVENT_WORDS content words in common (the verb among them),
 * and no other people ("a top general was shot in Moscow" / "a senior
 * general ... was shot and wounded at his home in Moscow")? */
static int same_event(const stmt *x, const stmt *y) {
  if (!common_u64(x->pred, x->npred, y->pred, y->npred)) return 0;
  if (x->nnamed && y->nnamed && !common_u64(x->named, x->nnamed, y->named, y->nnamed)) return 0;
  /* elsewhere, or in another year or month: another event of the kind */
  if (x->place && y->place && x->place != y->place && !names(x, y->place - 1) &&
      !names(y, x->place - 1))
    return 0;
  if (x->date[0] && y->date[0] && strncmp(x->date, y->date, 7)) return 0;
  if (x->year && y->year && x->year != y->year) return 0;
  return common_u64(x->w, x->nw, y->w, y->nw) >= EVENT_WORDS;
}

static size_t root(stmt *s, size_t i) {
  while (s[i].group != i) i = s[i].group = s[s[i].group].group;
  return i;
}

/* ---- building the output ---- */

static void add_doc(int **docs, size_t *n, int doc) {
  for (size_t i = 0; i < *n; i++)
    if ((*docs)[i] == doc) return;
  *docs = xc_xrealloc(*docs, (*n + 1) * sizeof **docs);
  (*docs)[(*n)++] = doc;
}

/* The dispute about `about` (taken) concerning fact group key, made when
 * new: the number of shots at the door and the number of shots at the
 * car are two disputes with one wording. */
static xc_dispute *dispute_for(xc_claims *c, char *about, size_t key) {
  for (size_t i = 0; i < c->ndisputes; i++)
    if (c->dkey[i] == key && !strcmp(c->disputes[i].about, about)) {
      free(about);
      return &c->disputes[i];
    }
  c->dkey = xc_xrealloc(c->dkey, (c->ndisputes + 1) * sizeof *c->dkey);
  c->dkey[c->ndisputes] = key;
  c->dtopic = xc_xrealloc(c->dtopic, (c->ndisputes + 1) * sizeof *c->dtopic);
  c->dtopic[c->ndisputes] = 0;
  c->disputes = xc_xrealloc(c->disputes, (c->ndisputes + 1) * sizeof *c->disputes);
  xc_dispute *d = &c->disputes[c->ndisputes++];
  memset(d, 0, sizeof *d);
  d->about = about;
  return d;
}

static char *format(const char *a, const char *b) {
  size_t n = strlen(a) + strlen(b) + 1;
  char *out = xc_xmalloc(n);
  memcpy(out, a, strlen(a));
  memcpy(out + strlen(a), b, strlen(b) + 1);
  return out;
}

/* The dispute of kind `kind` ("where: ") about topic (a thing placed, a
 * place), made when new and then named after fact. */
static xc_dispute *dispute_on(xc_claims *c, const char *kind, uint64_t topic, const char *fact) {
  size_t kn = strlen(kind);
  for (size_t i = 0; i < c->ndisputes; i++)
    if (c->dtopic[i] == topic && !strncmp(c->disputes[i].about, kind, kn)) return &c->disputes[i];
  xc_dispute *d = dispute_for(c, format(kind, fact), SIZE_MAX);
  c->dtopic = xc_xrealloc(c->dtopic, c->ndisputes * sizeof *c->dtopic);
  c->dtopic[c->ndisputes - 1] = topic;
  return d;
}

/* Adds statement s to dispute d on the side that says `value`, made when
 * new (its text: the first statement that says it). */
static void dispute_claim(xc_dispute *d, const stmt *s, const char *value) {
  xc_dispute_claim *cl = NULL;
  for (size_t i = 0; i < d->nclaims && !cl; i++)
    if (!strcmp(d->claims[i].value, value)) cl = &d->claims[i];
  if (!cl) {
    d->claims = xc_xrealloc(d->claims, (d->nclaims + 1) * sizeof *d->claims);
    cl = &d->claims[d->nclaims++];
    memset(cl, 0, sizeof *cl);
    cl->text = xc_xstrdup(s->text);
    snprintf(cl->value, sizeof cl->value, "%s", value);
  }
  add_doc(&cl->docs, &cl->ndocs, s->doc);
}


/* An amount's side: the number ("6" for "six"), or "several". */
static void amount_value(const qty *q, char *out, size_t cap) {
  if (q->value < 0) snprintf(out, cap, "%s", q->amount);
  else snprintf(out, cap, "%g", q->value);
}

/* Do x and y name a person in common: are they about the same someone
 * ("Alekseyev was shot six times" / "fired several shots at
 * Alekseyev")? Then they need fewer words in common to dispute a detail. */
static int same_person(const stmt *x, const stmt *y) {
  return common_u64(x->people, x->npeople, y->people, y->npeople) > 0;
}

/* Does statement s count noun with more than one number ("15.5 points
 * ... 14.9 points"): a list of figures, not one quantity? */
static int listed(const stmt *s, uint64_t noun) {
  size_t k = 0;
  for (size_t i = 0; i < s->nq; i++) k += s->q[i].noun == noun;
  return k > 1;
}

/* Different numbers for the same counted noun, in statements of two
 * origins that share their context. */
static int number_dispute(xc_claims *c, const stmt *x, const stmt *y, size_t key) {
  if (x->nq >= FIGURES || y->nq >= FIGURES) return 0; /* a line of figures: a box score */
  for (size_t i = 0; i < x->nq; i++)
    for (size_t j = 0; j < y->nq; j++) {
      const qty *a = &x->q[i], *b = &y->q[j];
      if (a->noun != b->noun || a->value == b->value) continue;
      if (listed(x, a->noun) || listed(y, b->noun)) continue;
      /* two statements close in words; or about the same person, one
       * giving a number and the other a vague amount ("shot six times" /
       * "fired several shots at"): two exact numbers about one person are
       * too often two different counts (points in two games) */
      size_t common = common_u64(x->w, x->nw, y->w, y->nw);
      int close = common >= CONTEXT_MIN + 1 && word_cos(x, y) >= NUMBER_COS;
      int vague = (a->value < 0) != (b->value < 0);
      if (!close && !(vague && same_person(x, y) && common >= CONTEXT_MIN)) continue;
      xc_dispute *d = dispute_for(c, format("number of ", a->word), key);
      char va[32], vb[32];
      amount_value(a, va, sizeof va);
      amount_value(b, vb, sizeof vb);
      dispute_claim(d, x, va);
      dispute_claim(d, y, vb);
      return 1;
    }
  return 0;
}

/* The same person killed in one statement and only wounded in the other. */
static int outcome_dispute(xc_claims *c, const stmt *x, const stmt *y) {
  for (size_t i = 0; i < x->np; i++)
    for (size_t j = 0; j < y->np; j++) {
      int ox = x->per_out[i], oy = y->per_out[j];
      if (x->per[i] != y->per[j] || ox == oy || (ox | oy) != (OUT_DEATH | OUT_INJURY) ||
          ox == (OUT_DEATH | OUT_INJURY) || oy == (OUT_DEATH | OUT_INJURY))
        continue;
      const xc_entity *e = c->r ? xc_resolve_entity(c->r, (size_t)x->per[i]) : NULL;
      xc_dispute *d =
          dispute_for(c, format("what happened to ", e && e->name ? e->name : "a person"), 0);
      dispute_claim(d, x, ox == OUT_DEATH ? "killed" : "wounded");
      dispute_claim(d, y, oy == OUT_DEATH ? "killed" : "wounded");
      return 1;
    }
  return 0;
}

/* Does the negation or hedge of s bear on words statement o states? */
static int bears_on(const stmt *s, const stmt *o) {
  for (size_t i = 0; i < s->nscope; i++)
    for (size_t j = 0; j < o->nw; j++)
      if (s->scope[i] == o->w[j]) return 1;
  return 0;
}

/* One origin states the fact plainly, another denies or hedges it: the
 * denial or hedge bears on what the plain statement says ("pleaded not
 * guilty" does not deny that the man was charged). */
static int polarity_dispute(xc_claims *c, const stmt *x, const stmt *y, const char *fact) {
  int px = x->neg ? 2 : x->hedge ? 1 : 0, py = y->neg ? 2 : y->hedge ? 1 : 0;
  if (px == py || (px && py)) return 0;
  if (!(px ? bears_on(x, y) : bears_on(y, x))) return 0;
  static const char *const sides[] = {"asserted", "hedged", "denied"};
  xc_dispute *d = dispute_for(c, format("whether: ", fact), 0);
  dispute_claim(d, x, sides[px]);
  dispute_claim(d, y, sides[py]);
  return 1;
}

/* The last word of a name ("Sergei Lavrov" -> "Lavrov"). */
static const char *last_word(const char *s) {
  const char *sp = strrchr(s, ' ');
  return sp ? sp + 1 : s;
}

/* Do two speaker names name one person ("Lavrov", "Sergei Lavrov")? */
static int same_speaker(const char *a, const char *b) {
  return !strcasecmp(a, b) || !strcasecmp(last_word(a), last_word(b));
}

void xc_claims_add_quotes(xc_claims *c, const xc_story_quotes *sq) {
  uint64_t w[QUOTE_WORDS];
  for (size_t i = 0; i < sq->n; i++) {
    const xc_sq_item *q = &sq->v[i];
    /* a short saying ("God bless you") is everybody's */
    if (xc_word_hashes(q->text, 1, w, QUOTE_WORDS) < QUOTE_WORDS) continue;
    size_t first = SIZE_MAX, other = SIZE_MAX;
    for (size_t k = 0; k < q->ndocs && other == SIZE_MAX; k++) {
      if (!q->named[k]) continue;
      if (first == SIZE_MAX) first = k;
      else if (!same_speaker(q->speakers[first], q->speakers[k])) other = k;
    }
    if (other == SIZE_MAX) continue;
    char *quote = xc_xmalloc(strlen(q->text) + 8);
    sprintf(quote, "\xE2\x80\x9C%s\xE2\x80\x9D", q->text);
    xc_dispute *d = dispute_for(c, format("who said: ", quote), 0);
    free(quote);
    /* each named speaker is a side, with the reports that name it */
    for (size_t k = 0; k < q->ndocs; k++) {
      if (!q->named[k]) continue;
      stmt s = {.doc = q->docs[k], .text = q->text};
      const char *side = q->speakers[k];
      for (size_t m = 0; m < k; m++)
        if (q->named[m] && same_speaker(q->speakers[m], side)) side = q->speakers[m];
      dispute_claim(d, &s, side);
    }
  }
}

/* Groups the statements that say the same thing: each statement, in
 * order, joins the group whose first statement (its leader) it is most
 * like (one telling of the same event first), when they say the same thing and come from different reports (a
 * copy joins its original's: one fact, one origin); else it leads a new
 * group. Comparing with the leader, not with any member, keeps a chain
 * of near neighbours ("a fire broke out" ~ "crews fought after a fire
 * broke out" ~ "eleven crews fought") from becoming one fact. */
static void align(xc_claims *c) {
  size_t *leaders = xc_xmalloc((c->n ? c->n : 1) * sizeof *leaders), nl = 0;
  for (size_t i = 0; i < c->n; i++) {
    size_t best = SIZE_MAX;
    double best_rank = 0;
    for (size_t g = 0; g < nl; g++) {
      const stmt *l = &c->s[leaders[g]];
      double cos;
      int kind = l->doc == c->s[i].doc ? 0 : same_fact(l, &c->s[i], &cos);
      if (!kind) continue;
      /* a leader that tells of the same happening (a verb in common)
       * before one merely worded alike */
      double rank = cos + (kind == 2 ? 2.0 : 0.0);
      if (rank > best_rank) best_rank = rank, best = leaders[g];
    }
    if (best == SIZE_MAX) leaders[nl++] = best = i;
    c->s[i].group = best;
  }
  free(leaders);
}

/* The same fact on different dates (of the same precision). */
static int date_dispute(xc_claims *c, const stmt *x, const stmt *y, const char *fact) {
  if (!x->date[0] || strlen(x->date) != strlen(y->date) || !strcmp(x->date, y->date)) return 0;
  xc_dispute *d = dispute_for(c, format("when: ", fact), 0);
  dispute_claim(d, x, x->date);
  dispute_claim(d, y, y->date);
  return 1;
}

/* Does statement s name entity e anywhere? */
static int names(const stmt *s, uint64_t e) {
  for (size_t i = 0; i < s->ne; i++)
    if (s->ent[i] == e) return 1;
  return 0;
}

/* Is one place phrase ("in Port Kerrow") the other ("in Kerrow") named
 * more or less fully? The prepositions are left out of the comparison. */
static int same_place_text(const char *a, const char *b) {
  const char *na = strchr(a, ' '), *nb = strchr(b, ' ');
  return na && nb && (strstr(na + 1, nb + 1) || strstr(nb + 1, na + 1));
}

/* The side of dispute d a place phrase belongs to: an existing side that
 * names the same place, else the phrase itself. */
static const char *place_side(const xc_dispute *d, const char *text) {
  for (size_t i = 0; i < d->nclaims; i++)
    if (same_place_text(d->claims[i].value, text)) return d->claims[i].value;
  return text;
}

/* The same fact placed in two places of the same kind (two cities;
 * neither statement names the other's). */
static int place_dispute(xc_claims *c, const stmt *x, const stmt *y, const char *fact) {
  if (!x->place || !y->place || x->place == y->place || x->place_kind != y->place_kind ||
      names(x, y->place - 1) || names(y, x->place - 1))
    return 0;
  /* one name inside the other is one place named more or less fully
   * ("Mount Cook National Park", "Aoraki Mount Cook National Park") */
  if (same_place_text(x->place_text, y->place_text)) return 0;
  xc_dispute *d = dispute_for(c, format("where: ", fact), 0);
  dispute_claim(d, x, place_side(d, x->place_text));
  dispute_claim(d, y, place_side(d, y->place_text));
  return 1;
}

/* The first word of a relation phrase ("inside the tower" -> "inside"),
 * into out. */
static void relation_word(const char *rel, char *out, size_t cap) {
  snprintf(out, cap, "%.*s", (int)strcspn(rel, " "), rel);
}

/* Two statements about the same matter (their words close, though less
 * than for one fact: the detail is much of what they say; or about the
 * same person) that place it differently: inside the thing in one, near,
 * outside or by it in the other ("inside" / "near" the building: "near"
 * and "outside" do not contradict each other), a dispute about where; or
 * in another compass direction (northwest / north of the city), one about
 * which direction. Each side is the relation or direction it gives. */
static int detail_dispute(xc_claims *c, const stmt *x, const stmt *y, const char *fact) {
  if (word_cos(x, y) < RELATION_COS && !same_person(x, y)) return 0;
  int hit = 0;
  if (x->rel_noun && x->rel_noun == y->rel_noun) {
    char rx[24], ry[24];
    relation_word(x->rel_text, rx, sizeof rx);
    relation_word(y->rel_text, ry, sizeof ry);
    if ((strcasecmp(rx, "inside") == 0) != (strcasecmp(ry, "inside") == 0)) {
      /* one dispute per thing placed ("the building"), whichever facts
       * the tellings belong to */
      xc_dispute *d = dispute_on(c, "where: ", x->rel_noun, fact);
      dispute_claim(d, x, rx);
      dispute_claim(d, y, ry);
      hit = 1;
    }
  }
  if (x->compass && y->compass && x->compass != y->compass) {
    xc_dispute *d = dispute_on(c, "which direction: ", x->place ? x->place : 1, fact);
    dispute_claim(d, x, x->compass_text);
    dispute_claim(d, y, y->compass_text);
    hit = 1;
  }
  return hit;
}

/* Disputes among the pairs of statements of different origins; marks
 * the statements involved (flag[i] = 1). */
static void find_disputes(xc_claims *c, uint8_t *flag) {
  for (size_t i = 0; i < c->n; i++)
    for (size_t j = i + 1; j < c->n; j++) {
      const stmt *x = &c->s[i], *y = &c->s[j];
      if (x->origin == y->origin) continue;
      size_t gi = root(c->s, i), gj = root(c->s, j);
      size_t g = gi < gj ? gi : gj; /* the earlier fact names the dispute */
      /* every kind is looked at: one pair may disagree on several things */
      int hit = number_dispute(c, x, y, g);
      hit |= outcome_dispute(c, x, y);
      hit |= detail_dispute(c, x, y, c->s[c->shown[g]].text);
      if (gi == gj && word_cos(x, y) >= DIRECT_COS) {
        const char *fact = c->s[c->shown[gi]].text;
        hit |= polarity_dispute(c, x, y, fact);
        hit |= date_dispute(c, x, y, fact);
        hit |= place_dispute(c, x, y, fact);
      }
      if (!hit) continue;
      flag[i] = flag[j] = 1;
      c->against = xc_xrealloc(c->against, (c->nagainst + 1) * sizeof *c->against);
      c->against[c->nagainst++] = (uint64_t)i << 32 | j; /* found in increasing order */
    }
}

/* Do statements i and j dispute each other? */
static int disputes_each_other(const xc_claims *c, size_t i, size_t j) {
  uint64_t key = (uint64_t)(i < j ? i : j) << 32 | (i < j ? j : i);
  size_t lo = 0, hi = c->nagainst;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (c->against[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < c->nagainst && c->against[lo] == key;
}

/* Adds who (if any, and new) to the fact's asserters. */
static void add_asserter(xc_fact *f, const char *who) {
  if (!who) return;
  for (size_t k = 0; k < f->nasserted; k++)
    if (!strcmp(f->asserted_by[k], who)) return;
  f->asserted_by = xc_xrealloc(f->asserted_by, (f->nasserted + 1) * sizeof *f->asserted_by);
  f->asserted_by[f->nasserted++] = xc_xstrdup(who);
}

/* For each group, the telling that words it: the one closest to the
 * others (the most words in common, summed), so that a fact reads as its
 * tellings agree and not as the first report happened to put it; ties go
 * to the earlier. */
static void pick_wordings(xc_claims *c) {
  c->shown = xc_xmalloc(c->n * sizeof *c->shown);
  double *best = xc_xmalloc(c->n * sizeof *best);
  for (size_t i = 0; i < c->n; i++) c->shown[i] = i, best[i] = -1;
  for (size_t i = 0; i < c->n; i++) {
    size_t g = root(c->s, i);
    double sum = 0;
    for (size_t j = g; j != SIZE_MAX; j = c->next[j])
      if (j != i) sum += word_cos(&c->s[i], &c->s[j]);
    if (sum > best[g] + 1e-9) best[g] = sum, c->shown[g] = i;
  }
  free(best);
}

/* Fact f's parts from its wording w: who (the people w names in full),
 * what (its verbs), where, how many. */
static void fact_parts(const xc_claims *c, const stmt *w, xc_fact *f) {
  for (size_t k = 0; k < w->nnamed; k++) {
    const xc_entity *e = c->r ? xc_resolve_entity(c->r, (size_t)w->named[k]) : NULL;
    if (!e || !e->name) continue;
    f->who = xc_xrealloc(f->who, (f->nwho + 1) * sizeof *f->who);
    f->who[f->nwho++] = xc_xstrdup(e->name);
  }
  for (size_t k = 0; k < w->nverb; k++) memcpy(f->what[k], w->verb[k], sizeof f->what[k]);
  f->nwhat = w->nverb;
  snprintf(f->where, sizeof f->where, "%s", w->place_text[0] ? w->place_text : w->rel_text);
  for (size_t k = 0; k < w->nq && k < XC_FACT_QTY; k++) {
    xc_fact_qty *q = &f->qty[f->nqty++];
    snprintf(q->amount, sizeof q->amount, "%s", w->q[k].amount);
    snprintf(q->noun, sizeof q->noun, "%s", w->q[k].word);
    q->value = w->q[k].value;
  }
}

/* Links each group's members in order (c->next), from its leader. */
static void link_groups(xc_claims *c) {
  size_t *tail = xc_xmalloc(c->n * sizeof *tail);
  c->next = xc_xmalloc(c->n * sizeof *c->next);
  for (size_t i = 0; i < c->n; i++) {
    size_t g = root(c->s, i);
    c->next[i] = SIZE_MAX;
    if (g != i) c->next[tail[g]] = i;
    tail[g] = i;
  }
  free(tail);
}

/* Each fact's date: the one most of its tellings give (ties: the one
 * given first); fact_of maps a group's leader to its fact. */
static void fact_dates(xc_claims *c, const size_t *fact_of) {
  for (size_t i = 0; i < c->n; i++) {
    size_t g = root(c->s, i);
    const char *d = c->s[i].date;
    xc_fact *f = &c->facts[fact_of[g]];
    if (!d[0] || !strcmp(f->date, d)) continue;
    size_t votes = 0, held = 0;
    for (size_t j = g; j != SIZE_MAX; j = c->next[j]) {
      votes += !strcmp(c->s[j].date, d);
      held += f->date[0] && !strcmp(c->s[j].date, f->date);
    }
    if (votes > held) snprintf(f->date, sizeof f->date, "%s", d);
  }
}

void xc_claims_finish(xc_claims *c) {
  if (c->nfacts || !c->n) return;
  align(c);
  link_groups(c);
  pick_wordings(c);
  uint8_t *flag = xc_xcalloc(c->n, 1);
  find_disputes(c, flag);
  /* one fact per group, in the order of its first statement */
  size_t *fact_of = xc_xmalloc(c->n * sizeof *fact_of);
  c->facts = xc_xcalloc(c->n, sizeof *c->facts);
  for (size_t i = 0; i < c->n; i++) {
    size_t g = root(c->s, i);
    if (g == i) {
      const stmt *w = &c->s[c->shown[g]];
      fact_of[i] = c->nfacts;
      xc_fact *nf = &c->facts[c->nfacts++];
      nf->text = xc_xstrdup(w->text);
      nf->negated = w->neg, nf->hedged = w->hedge;
      nf->detail = (int)(w->ne + w->nq) + !!w->date[0] + !!w->rel_noun + !!w->compass;
      fact_parts(c, w, nf);
    }
    xc_fact *f = &c->facts[fact_of[g]];
    add_asserter(f, c->s[i].asserter);
    add_doc(&f->docs, &f->ndocs, c->s[i].doc);
    /* a new origin: no earlier statement of the group shares it */
    int fresh = 1;
    for (size_t j = g; j < i && fresh; j = c->next[j]) fresh = c->s[j].origin != c->s[i].origin;
    f->independent += fresh;
    /* disputed as worded: its leader is in a dispute, or two of its
     * tellings dispute each other; a telling that adds a detail others
     * give differently ("shot six times") leaves the fact standing */
    int contested = flag[i] && i == c->shown[g];
    for (size_t j = g; j < i && flag[i] && !contested; j = c->next[j])
      contested = disputes_each_other(c, j, i);
    if (contested) f->support = XC_FACT_DISPUTED;
  }
  fact_dates(c, fact_of);
  for (size_t k = 0; k < c->nfacts; k++)
    if (c->facts[k].support != XC_FACT_DISPUTED)
      c->facts[k].support = c->facts[k].independent >= 2 ? XC_FACT_CORROBORATED : XC_FACT_SINGLE;
  free(fact_of);
  free(flag);
}

size_t xc_claims_nfacts(const xc_claims *c) { return c->nfacts; }

const xc_fact *xc_claims_fact(const xc_claims *c, size_t i) {
  return i < c->nfacts ? &c->facts[i] : NULL;
}

size_t xc_claims_ndisputes(const xc_claims *c) { return c->ndisputes; }

const xc_dispute *xc_claims_dispute(const xc_claims *c, size_t i) {
  return i < c->ndisputes ? &c->disputes[i] : NULL;
}

void xc_claims_doc_counts(const xc_claims *c, int doc, size_t *total, size_t *supported) {
  *total = *supported = 0;
  for (size_t i = 0; i < c->n; i++) {
    if (c->s[i].doc != doc) continue;
    (*total)++;
    size_t g = root(c->s, i);
    /* another origin says the same, and not differently */
    for (size_t j = g; j != SIZE_MAX; j = c->next[j])
      if (c->s[j].origin != c->s[i].origin && !disputes_each_other(c, i, j)) {
        (*supported)++;
        break;
      }
  }
}
