/* test_claims.c - facts and disputes across invented reports of one
 * invented event (src/check/claims.c): a bridge collapse in a made-up
 * town told by five made-up outlets, one of them a copy. Planted: one
 * fact all tell in their own words, a number two of them disagree on,
 * a man killed in one report and wounded in another, a finding one
 * report states and another denies, an inspection two date differently,
 * a quote two give to different speakers, places given differently (two
 * towns, inside vs outside, north vs northwest), a claim only one outlet
 * makes.
 * Every planted item must be found, and nothing else flagged. */
#include <stdlib.h>

#include "check/claims.h"
#include "quote/quote.h"
#include "core/core.h"
#include "test.h"

/* The Velmora Courier's report; another outlet runs it word for word. */
#define COURIER                                                                                    \
  "The Saltgate Bridge over the Lenn river collapsed early on Tuesday in Velmora. "               \
  "Four vehicles fell into the river when the central span gave way. "                            \
  "The driver Tomas Reval was killed when his van plunged from the deck. "                        \
  "Inspectors found deep cracks in the central span in January. "                                 \
  "\"We will rebuild the crossing before the winter floods,\" Mayor Ilse Brandt said. "           \
  "Divers found the van inside the old customs warehouse beside the river."

static const char *const reports[] = {
    /* 0: Velmora Courier */
    COURIER,
    /* 1: Northern Ledger */
    "The old Saltgate Bridge in Velmora collapsed into the Lenn river on Tuesday morning. "
    "Six vehicles fell into the river, police in Velmora said. "
    "Tomas Reval, a delivery driver, was wounded and taken to the regional hospital. "
    "Inspectors did not find cracks in the central span in January, the city said. "
    "\"We will rebuild the crossing before the winter floods,\" said council leader Piotr Hale. "
    "Divers found the van outside the old customs warehouse beside the river. "
    "The injured were taken to the hospital in Kerrow.",
    /* 2: Radio Kestrel */
    "Rescue teams searched the Lenn river after the Saltgate Bridge collapsed in Velmora on "
    "Tuesday. Engineers from the Harlow Institute will study the remains of the span. "
    "A ferry service across the Lenn will start on Friday, Mayor Ilse Brandt said. "
    "The bridge was last inspected by city engineers on January 12. "
    "The injured were taken to the hospital in Aldby. "
    "Dunmere lies eight kilometres north of Velmora.",
    /* 3: The Daily Arc: a single-source claim */
    "Velmora's Saltgate Bridge collapsed on Tuesday, sending cars into the Lenn river. "
    "A second bridge upstream at Dunmere was closed by the regional council as a precaution. "
    "City engineers last inspected the bridge on January 19. "
    "Dunmere lies eight kilometres northwest of Velmora.",
    /* 4: Harbor Post, a copy of the Courier: corroborates nothing */
    COURIER,
};
static const int origin[] = {0, 1, 2, 3, 0};
#define NREP (sizeof reports / sizeof *reports)
#define MAXREP 8

typedef struct run {
  const char *const *docs;
  const int *origin;
  size_t n;
  xc_lang_doc ld[MAXREP];
  xc_resolver *r;
  xc_story_quotes sq;
  xc_claims *c;
} run;

/* Runs the layer, quotes and claims over n reports (origins as given),
 * all published on Thursday 5 March 2026, as the engine does. */
static void run_docs(run *u, const char *const *docs, const int *origins, size_t n) {
  u->docs = docs, u->origin = origins, u->n = n;
  u->r = xc_resolve_new();
  for (size_t i = 0; i < n; i++) {
    xc_lang_doc_init(&u->ld[i]);
    CHECK(xc_lang_analyze(docs[i], strlen(docs[i]), NULL, &u->ld[i]) == 0);
    CHECK(xc_resolve_add(u->r, (uint32_t)i, docs[i], strlen(docs[i]), &u->ld[i]) == 0);
  }
  xc_resolve_finish(u->r);
  /* quotes and statements of each report, as the engine finds them */
  u->c = xc_claims_new();
  xc_story_quotes_init(&u->sq);
  xc_timexv tx;
  xc_timexv_init(&tx);
  xc_quotes q;
  xc_quotes_init(&q);
  xc_date dct = {2026, 3, 5}; /* all published on Thursday 5 March 2026 */
  for (size_t i = 0; i < n; i++) {
    CHECK(xc_timex_tag(docs[i], strlen(docs[i]), &dct, &tx) == 0);
    CHECK(xc_quote_find(docs[i], strlen(docs[i]), &u->ld[i], u->r, (uint32_t)i, &q) == 0);
    xc_story_quotes_add(&u->sq, (int)i, origins[i] != (int)i, docs[i], &q, u->r);
    xc_claims_add(u->c, (int)i, origins[i], docs[i], &u->ld[i], u->r, &tx, &q);
  }
  xc_timexv_release(&tx);
  xc_quotes_release(&q);
  xc_claims_add_quotes(u->c, &u->sq);
  xc_claims_finish(u->c);
}

static void run_open(run *u) { run_docs(u, reports, origin, NREP); }

static void run_close(run *u) {
  xc_claims_free(u->c);
  xc_story_quotes_release(&u->sq);
  xc_resolve_free(u->r);
  for (size_t i = 0; i < u->n; i++) xc_lang_doc_release(&u->ld[i]);
}

static const xc_fact *fact_with(const xc_claims *c, const char *words) {
  for (size_t i = 0; i < xc_claims_nfacts(c); i++)
    if (strstr(xc_claims_fact(c, i)->text, words)) return xc_claims_fact(c, i);
  return NULL;
}

static const xc_dispute *dispute_on(const xc_claims *c, const char *about) {
  for (size_t i = 0; i < xc_claims_ndisputes(c); i++)
    if (strstr(xc_claims_dispute(c, i)->about, about)) return xc_claims_dispute(c, i);
  return NULL;
}

static int has_doc(const int *docs, size_t n, int d) {
  for (size_t i = 0; i < n; i++)
    if (docs[i] == d) return 1;
  return 0;
}

/* The side of dispute d that says value, or NULL. */
static const xc_dispute_claim *side(const xc_dispute *d, const char *value) {
  for (size_t i = 0; d && i < d->nclaims; i++)
    if (!strcmp(d->claims[i].value, value)) return &d->claims[i];
  return NULL;
}

TEST(claims_agreement_across_wordings) {
  run u;
  run_open(&u);
  const xc_fact *f = fact_with(u.c, "Saltgate Bridge over the Lenn river collapsed");
  CHECK(f != NULL);
  if (f) {
    CHECK(f->support == XC_FACT_CORROBORATED);
    CHECK(f->independent == 4); /* the copy (4) is there but adds no source */
    CHECK(f->ndocs == 5);
    for (int d = 0; d < 5; d++) CHECK(has_doc(f->docs, f->ndocs, d));
  }
  /* one outlet only */
  f = fact_with(u.c, "upstream at Dunmere");
  CHECK(f && f->support == XC_FACT_SINGLE && f->ndocs == 1 && f->docs[0] == 3);
  f = fact_with(u.c, "ferry service");
  CHECK(f && f->support == XC_FACT_SINGLE);
  /* who asserts: the outlet itself, or the one it cites */
  f = fact_with(u.c, "Inspectors found deep cracks");
  CHECK(f && !f->negated && f->nasserted == 1);
  if (f && f->nasserted == 1) CHECK(strstr(f->asserted_by[0], "city") != NULL);
  f = fact_with(u.c, "Saltgate Bridge over the Lenn river collapsed");
  CHECK(f && f->nasserted == 0);
  run_close(&u);
}

TEST(claims_disputes_numbers_outcomes_denials) {
  run u;
  run_open(&u);
  const xc_dispute *d = dispute_on(u.c, "number of vehicles");
  CHECK(d != NULL);
  const xc_dispute_claim *four = side(d, "4"), *six = side(d, "6");
  CHECK(four && six);
  if (four && six) {
    CHECK(has_doc(four->docs, four->ndocs, 0) && has_doc(four->docs, four->ndocs, 4));
    CHECK(six->ndocs == 1 && six->docs[0] == 1);
  }
  d = dispute_on(u.c, "what happened to Tomas Reval");
  CHECK(d && side(d, "killed") && side(d, "wounded"));
  if (d && side(d, "wounded")) CHECK(side(d, "wounded")->docs[0] == 1);
  d = dispute_on(u.c, "whether");
  CHECK(d && side(d, "asserted") && side(d, "denied"));
  if (d) CHECK(strstr(d->about, "cracks") != NULL);
  d = dispute_on(u.c, "when");
  CHECK(d && side(d, "2026-01-12") && side(d, "2026-01-19"));
  if (d) CHECK(strstr(d->about, "inspected") != NULL);
  d = dispute_on(u.c, "who said");
  CHECK(d && side(d, "Ilse Brandt") && side(d, "Piotr Hale"));
  if (d && side(d, "Ilse Brandt")) CHECK(side(d, "Ilse Brandt")->ndocs == 2); /* 0 and its copy */
  if (d) CHECK(strstr(d->about, "rebuild the crossing") != NULL);
  d = dispute_on(u.c, "where: Divers");
  CHECK(d && side(d, "inside") && side(d, "outside")); /* each side: the relation it gives */
  d = dispute_on(u.c, "where: The injured");
  CHECK(d && side(d, "in Kerrow") && side(d, "in Aldby"));
  d = dispute_on(u.c, "which direction: Dunmere");
  CHECK(d && side(d, "north") && side(d, "northwest"));
  /* nothing else */
  CHECK(xc_claims_ndisputes(u.c) == 8);
  for (size_t i = 0; i < xc_claims_nfacts(u.c); i++) {
    const xc_fact *f = xc_claims_fact(u.c, i);
    if (f->support != XC_FACT_DISPUTED) continue;
    CHECK(strstr(f->text, "vehicles") || strstr(f->text, "Reval") || strstr(f->text, "cracks") ||
          strstr(f->text, "inspected") || strstr(f->text, "warehouse") ||
          strstr(f->text, "injured") || strstr(f->text, "Dunmere lies"));
  }
  run_close(&u);
}

TEST(claims_grounding_counts) {
  run u;
  run_open(&u);
  size_t total, sup;
  /* the single-source outlet: one of its four statements is shared (the
   * collapse); the inspection and the direction another report gives
   * differently are not */
  xc_claims_doc_counts(u.c, 3, &total, &sup);
  CHECK(total == 4 && sup == 1);
  /* the copy is supported only where another origin also says it */
  size_t t0, s0, t4, s4;
  xc_claims_doc_counts(u.c, 0, &t0, &s0);
  xc_claims_doc_counts(u.c, 4, &t4, &s4);
  CHECK(t0 == t4 && s0 == s4);
  CHECK(t0 == 5 && s0 == 1); /* only the collapse: the rest is disputed or its own */
  xc_claims_doc_counts(u.c, 9, &total, &sup);
  CHECK(total == 0 && sup == 0);
  run_close(&u);
}

TEST(claims_empty) {
  xc_claims *c = xc_claims_new();
  xc_claims_finish(c);
  CHECK(xc_claims_nfacts(c) == 0 && xc_claims_ndisputes(c) == 0);
  CHECK(xc_claims_fact(c, 0) == NULL && xc_claims_dispute(c, 0) == NULL);
  xc_claims_free(c);
  xc_claims_free(NULL);
}

/* Details disputed between statements about the same person, though
 * worded far apart: how many shots ("six times" / "several shots"),
 * inside or near the building, which part of town. Two men attacked in
 * one town are not one matter. */
TEST(claims_details_about_one_person) {
  static const char *const docs[] = {
      "Anna Berg was shot six times near her apartment building, police said. "
      "Tomas Lind was attacked inside a shop in Tarnby last year.",
      "An attacker fired several shots at Anna Berg inside the apartment building in "
      "northwest Tarnby, investigators said on Friday.",
      "Berg was attacked inside an apartment building in the north of Tarnby. "
      "Officers said Tomas Lind was attacked near a shop in Tarnby.",
  };
  static const int origins[] = {0, 1, 2};
  run u;
  run_docs(&u, docs, origins, 3);
  const xc_dispute *d = dispute_on(u.c, "number of");
  CHECK(d && side(d, "6") && side(d, "several"));
  d = dispute_on(u.c, "where: Anna Berg was shot");
  CHECK(d && side(d, "near") && side(d, "inside"));
  if (d && side(d, "inside")) CHECK(side(d, "inside")->ndocs == 2);
  d = dispute_on(u.c, "which direction: An attacker");
  CHECK(d && side(d, "northwest") && side(d, "north"));
  d = dispute_on(u.c, "where: Tomas Lind");
  CHECK(d && side(d, "inside") && side(d, "near")); /* the same person again */
  CHECK(xc_claims_ndisputes(u.c) == 4);
  run_close(&u);
}

/* One place named more or less fully is no dispute; two places are. */
TEST(claims_place_named_in_full_or_short) {
  static const char *const docs[] = {
      "The injured were taken to the hospital in Port Kerrow on Friday.",
      "The injured were taken to the hospital in Kerrow on Friday.",
      "The injured were taken to the hospital in Aldby on Friday.",
  };
  static const int origins[] = {0, 1, 2};
  run u;
  run_docs(&u, docs, origins, 3);
  const xc_dispute *d = dispute_on(u.c, "where");
  CHECK(d && side(d, "in Aldby") && d->nclaims == 2);
  CHECK(xc_claims_ndisputes(u.c) == 1);
  run_close(&u);
}

/* One happening told in other words: the verb of what happened in common
 * ("ran aground"), with enough else (the ferry, the place), joins the
 * tellings though their words are far apart; the same kind of happening
 * elsewhere in another year does not join them, nor does a later step
 * of the story. */
TEST(claims_one_event_in_other_words) {
  static const char *const docs[] = {
      "The ferry Solvik ran aground off Tarrow on Saturday evening with 212 people on board, "
      "the coastguard said. In 2019 another ferry ran aground off Kessel in a winter storm.",
      "A passenger ferry operated by Westline, which links Port Ember with the island, ran "
      "aground near Tarrow late on Saturday, forcing an overnight evacuation of passengers.",
      "Rescue boats brought everyone ashore after the Solvik ran aground off Tarrow. "
      "The stranded ferry was towed to Port Ember by two tugs on Monday.",
  };
  static const int origins[] = {0, 1, 2};
  run u;
  run_docs(&u, docs, origins, 3);
  const xc_fact *f = NULL;
  for (size_t i = 0; i < xc_claims_nfacts(u.c); i++)
    if (xc_claims_fact(u.c, i)->ndocs == 3) f = xc_claims_fact(u.c, i);
  CHECK(f != NULL);
  if (f) CHECK(f->support == XC_FACT_CORROBORATED && f->independent == 3 && strstr(f->text, "Tarrow"));
  f = fact_with(u.c, "Kessel");
  CHECK(f && f->ndocs == 1 && f->support == XC_FACT_SINGLE);
  f = fact_with(u.c, "towed");
  CHECK(f && f->ndocs == 1);
  CHECK(xc_claims_ndisputes(u.c) == 0);
  run_close(&u);
}

/* The same kind of happening to two people named in full is two facts,
 * however alike the words around it. */
TEST(claims_one_event_not_two_people) {
  static const char *const docs[] = {
      "Colonel Ivar Dahl was killed when a car bomb exploded outside his home in Tarnby.",
      "A car bomb killed General Ruth Okafor, a senior commander, as she left a meeting in "
      "Tarnby on Friday.",
  };
  static const int origins[] = {0, 1};
  run u;
  run_docs(&u, docs, origins, 2);
  CHECK(xc_claims_nfacts(u.c) == 2);
  for (size_t i = 0; i < xc_claims_nfacts(u.c); i++) CHECK(xc_claims_fact(u.c, i)->ndocs == 1);
  run_close(&u);
}

/* A fact in parts, as its wording gives them: who (people named in
 * full), what (its verbs of what happened), where, when, how many; a
 * year before a noun and "no one has" count nothing. */
TEST(claims_fact_parts) {
  static const char *const docs[] = {
      "Crane driver Ivo Sand was injured when 14 containers fell at Veltmark harbour on "
      "Tuesday. The 2019 storm closed Veltmark harbour for a week. No one has claimed the "
      "reward, the Veltmark harbour office said.",
  };
  static const int origins[] = {0};
  run u;
  run_docs(&u, docs, origins, 1);
  const xc_fact *f = fact_with(u.c, "containers fell");
  CHECK(f != NULL);
  if (f) {
    CHECK(f->nwho == 1 && !strcmp(f->who[0], "Ivo Sand"));
    CHECK(f->nwhat == 2 && !strcmp(f->what[0], "injure") && !strcmp(f->what[1], "fall"));
    CHECK_STR(f->where, "at Veltmark");
    CHECK_STR(f->date, "2026-03-03"); /* the Tuesday before Thursday 5 March */
    CHECK(f->nqty == 1 && f->qty[0].value == 14 && !strcmp(f->qty[0].noun, "containers"));
  }
  f = fact_with(u.c, "2019 storm");
  CHECK(f && f->nqty == 0);
  f = fact_with(u.c, "No one has claimed");
  CHECK(f && f->nqty == 0);
  run_close(&u);
}
