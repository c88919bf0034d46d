/* test_timeline.c - a story's timeline (src/check/timeline.c) from invented
 * reports: dates resolved against each report's own date, the same dated
 * statement from two reports made one item, different statements of one
 * date kept apart, a month before the days of that month, one item per
 * sentence, and vague dates left out. */
#include <stdlib.h>

#include "check/timeline.h"
#include "core/core.h"
#include "test.h"

/* Adds report doc (text, published dct) to tl. */
static void add(xc_timeline *tl, int doc, const char *text, const char *dct) {
  xc_lang_doc ld;
  xc_lang_doc_init(&ld);
  xc_timexv tx;
  xc_timexv_init(&tx);
  xc_date d;
  CHECK(xc_timex_parse_date(dct, strlen(dct), &d) == 0);
  CHECK(xc_lang_analyze(text, strlen(text), NULL, &ld) == 0);
  CHECK(xc_timex_tag(text, strlen(text), &d, &tx) == 0);
  xc_timeline_add(tl, doc, text, &ld, &tx);
  xc_timexv_release(&tx);
  xc_lang_doc_release(&ld);
}

TEST(timeline_merges_reports_and_orders_dates) {
  /* 2031-03-08 is a Saturday: "on Friday" is 2031-03-07 */
  const char *r0 = "The Arlen dam gave way on Friday, flooding the lower town. "
                   "Engineers had warned about cracks in January. "
                   "Repairs will take several years.";
  const char *r1 = "Flood water reached the lower town when the Arlen dam gave way on "
                   "Friday night. The mayor visited the shelters on Saturday. "
                   "In recent years the town grew.";
  xc_timeline tl;
  xc_timeline_init(&tl);
  add(&tl, 0, r0, "2031-03-08");
  add(&tl, 1, r1, "2031-03-08");
  xc_timeline_finish(&tl);
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
                  "Last year fares rose. The line has run for decades.";
  xc_timeline tl;
  xc_timeline_init(&tl);
  add(&tl, 3, r, "2030-06-01");
  xc_timeline_finish(&tl);
  CHECK(tl.n == 1); /* "Last year" (2029) and "decades" give no item */
  if (tl.n == 1) {
    CHECK_STR(tl.v[0].date, "2030-05-04");
    CHECK(tl.v[0].docs[0] == 3);
  }
  xc_timeline_release(&tl);
  xc_timeline_init(&tl);
  xc_timeline_finish(&tl); /* empty is fine */
  CHECK(tl.n == 0);
  xc_timeline_release(&tl);
}
