/* test_timeline.c - a story's timeline (src/check/timeline.c) from invented
 * reports: dates resolved against each report's own date, the same dated
 * fact from two reports made one item, different facts of one date kept
 * apart, a month before the days of that month, one item per sentence,
 * vague dates left out, and a fact told in other words on another day. */
#include <stdlib.h>

#include "check/claims.h"
#include "check/timeline.h"
#include "lang/resolve.h"
#include "time/timex.h"
#include "core/core.h"
#include "test.h"

#define MAXREP 4

/* The timeline of reports texts[0..n), each published on dct[i], as the
 * engine makes it: the language layer, the story's entities, each
 * report's time expressions and statements, the facts, the dated ones. */
static void timeline_of(xc_timeline *tl, const char *const *texts, const char *const *dct,
                        size_t n) {
  xc_lang_doc ld[MAXREP];
  xc_resolver *r = xc_resolve_new();
  for (size_t i = 0; i < n; i++) {
    xc_lang_doc_init(&ld[i]);
    CHECK(xc_lang_analyze(texts[i], strlen(texts[i]), NULL, &ld[i]) == 0);
    CHECK(xc_resolve_add(r, (uint32_t)i, texts[i], strlen(texts[i]), &ld[i]) == 0);
  }
  xc_resolve_finish(r);
  xc_claims *c = xc_claims_new();
  xc_timexv tx;
  xc_timexv_init(&tx);
  for (size_t i = 0; i < n; i++) {
    xc_date d;
    CHECK(xc_timex_parse_date(dct[i], strlen(dct[i]), &d) == 0);
    CHECK(xc_timex_tag(texts[i], strlen(texts[i]), &d, &tx) == 0);
    xc_claims_add(c, (int)i, (int)i, texts[i], &ld[i], r, &tx, NULL);
  }
  xc_claims_finish(c);
  xc_timeline_init(tl);
  xc_timeline_from_claims(tl, c);
  xc_timexv_release(&tx);
  xc_claims_free(c);
  xc_resolve_free(r);
  for (size_t i = 0; i < n; i++) xc_lang_doc_release(&ld[i]);
}

TEST(timeline_merges_reports_and_orders_dates) {
  /* 2031-03-08 is a Saturday: "on Friday" is 2031-03-07 */
  const char *r0 = "The Arlen dam gave way on Friday, flooding the lower town. "
                   "Engineers had warned about cracks in January. "
                   "Repairs will take several years.";
  const char *r1 = "Flood water reached the lower town when the Arlen dam gave way on "
                   "Friday night. The mayor visited the shelters on Saturday. "
                   "In recent years the town grew.";
  const char *texts[] = {r0, r1}, *dct[] = {"2031-03-08", "2031-03-08"};
  xc_timeline tl;
  timeline_of(&tl, texts, dct, 2);
  CHECK(tl.n == 3);
  if (tl.n == 3) {
    CHECK_STR(tl.v[0].date, "2031-01"); /* the warning, a month */
    CHECK(tl.v[0].ndocs == 1 && tl.v[0].docs[0] == 0);
    CHECK_STR(tl.v[1].date, "2031-03-07"); /* the dam, told by both */
    CHECK(tl.v[1].ndocs == 2 && tl.v[1].docs[0] == 0 && tl.v[1].docs[1] == 1);
    CHECK(strstr(tl.v[1].text, "Arlen dam") != NULL);
    CHECK_STR(tl.v[2].date, "2031-03-08"); /* the mayor's visit */
    CHECK(tl.v[2].ndocs == 1 && tl.v[2].docs[0] == 1);
  }
  xc_timeline_release(&tl);
}

TEST(timeline_one_item_per_sentence_and_no_vague_dates) {
  const char *r = "The ferry left on 4 May 2030 and returned on 9 May 2030. "
                  "Last year fares rose. The line has run for decades. "
                  "Crews reached the pier shortly after ten o'clock.";
  const char *texts[] = {r}, *dct[] = {"2030-06-01"};
  xc_timeline tl;
  timeline_of(&tl, texts, dct, 1);
  /* "Last year" (2029) and "decades" give no item, nor does a clock time
   * whose day would be the publication date's by default */
  CHECK(tl.n == 1);
  if (tl.n == 1) {
    CHECK_STR(tl.v[0].date, "2030-05-04");
    CHECK(tl.v[0].docs[0] == 0);
  }
  xc_timeline_release(&tl);
  xc_timeline_init(&tl);
  xc_timeline_finish(&tl); /* empty is fine */
  CHECK(tl.n == 0);
  xc_timeline_release(&tl);
}

/* One happening in other words, from reports of two days: one item with
 * both reports, on the day they both give. */
TEST(timeline_one_fact_in_other_words) {
  const char *r0 = "A passenger ferry operated by Westline ran aground near Tarrow late on "
                   "Friday, forcing an overnight evacuation of the passengers.";
  const char *r1 = "Rescue boats brought everyone ashore after the Solvik ran aground off "
                   "Tarrow on Friday night.";
  /* 2031-03-08 is a Saturday, 2031-03-10 a Monday: both Fridays are 2031-03-07 */
  const char *texts[] = {r0, r1}, *dct[] = {"2031-03-08", "2031-03-10"};
  xc_timeline tl;
  timeline_of(&tl, texts, dct, 2);
  CHECK(tl.n == 1);
  if (tl.n == 1) {
    CHECK_STR(tl.v[0].date, "2031-03-07");
    CHECK(tl.v[0].ndocs == 2);
  }
  xc_timeline_release(&tl);
}
