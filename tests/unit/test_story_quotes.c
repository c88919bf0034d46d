/* test_story_quotes.c - a story's quotes across invented reports
 * (src/check/story_quotes.c): the same quote word for word or shortened is
 * one item; a copy does not corroborate; short and indirect quotes stay
 * apart. */
#include <stdlib.h>

#include "check/story_quotes.h"
#include "core/core.h"
#include "test.h"

static void add(xc_story_quotes *sq, int doc, int copy, const char *text) {
  xc_lang_doc ld;
  xc_lang_doc_init(&ld);
  xc_quotes q;
  xc_quotes_init(&q);
  CHECK(xc_lang_analyze(text, strlen(text), NULL, &ld) == 0);
  CHECK(xc_quote_find(text, strlen(text), &ld, NULL, 0, &q) == 0);
  xc_story_quotes_add(sq, doc, copy, text, &q, NULL);
  xc_quotes_release(&q);
  xc_lang_doc_release(&ld);
}

static const xc_sq_item *item_with(const xc_story_quotes *sq, const char *words) {
  for (size_t i = 0; i < sq->n; i++)
    if (strstr(sq->v[i].text, words)) return &sq->v[i];
  return NULL;
}

TEST(story_quotes_merge_across_reports) {
  const char *r0 = "\"The levee held through the night and nobody was hurt,\" "
                   "said Mayor Ilse Brandt. The council met on Monday.";
  const char *r1 = "Mayor Ilse Brandt said: \"The levee held through the night.\" "
                   "She added that the pumps would run until Friday.";
  const char *r2 = "\"The levee held through the night and nobody was hurt,\" "
                   "said Mayor Ilse Brandt."; /* a copy of r0 */
  const char *r3 = "\"We lost two barns,\" farmer Tomas Vik said.";
  xc_story_quotes sq;
  xc_story_quotes_init(&sq);
  add(&sq, 0, 0, r0);
  add(&sq, 1, 0, r1);
  add(&sq, 2, 1, r2);
  add(&sq, 3, 0, r3);
  const xc_sq_item *levee = item_with(&sq, "levee held");
  CHECK(levee != NULL);
  if (levee) {
    CHECK(levee->ndocs == 3 && levee->independent == 2);
    CHECK(strstr(levee->text, "nobody was hurt") != NULL); /* the fuller form */
    CHECK(levee->speaker && strstr(levee->speaker, "Brandt"));
  }
  const xc_sq_item *barns = item_with(&sq, "two barns");
  CHECK(barns != NULL);
  if (barns) CHECK(barns->ndocs == 1 && barns->docs[0] == 3 && barns->independent == 1);
  for (size_t i = 0; i < sq.n; i++) CHECK(!strstr(sq.v[i].text, "pumps")); /* indirect */
  xc_story_quotes_release(&sq);
}

TEST(story_quotes_copy_alone_is_single) {
  const char *r = "\"Every ferry will sail again by the weekend,\" the harbour master said.";
  xc_story_quotes sq;
  xc_story_quotes_init(&sq);
  add(&sq, 0, 0, r);
  add(&sq, 1, 1, r); /* a copy: the same report again */
  CHECK(sq.n == 1);
  if (sq.n == 1) CHECK(sq.v[0].ndocs == 2 && sq.v[0].independent == 1);
  xc_story_quotes_release(&sq);
}

/* A quote reworded or shortened by another outlet is the same quote, each
 * report keeping the speaker it gives; one that shares only a few words
 * is another quote. */
TEST(story_quotes_reworded_and_speakers_per_report) {
  const char *r0 = "\"We will reopen the harbour road before the autumn storms,\" "
                   "Mayor Ilse Brandt said.";
  const char *r1 = "\"We are going to reopen the harbour road before the storms,\" "
                   "said council leader Piotr Hale.";
  const char *r2 = "\"The harbour road is closed for good,\" a resident said.";
  xc_story_quotes sq;
  xc_story_quotes_init(&sq);
  add(&sq, 0, 0, r0);
  add(&sq, 1, 0, r1);
  add(&sq, 2, 0, r2);
  const xc_sq_item *road = item_with(&sq, "reopen the harbour road");
  CHECK(sq.n == 2 && road != NULL);
  if (road) {
    CHECK(road->ndocs == 2 && road->independent == 2);
    CHECK(road->speakers[0] && strstr(road->speakers[0], "Brandt") && road->named[0]);
    CHECK(road->speakers[1] && strstr(road->speakers[1], "Hale") && road->named[1]);
  }
  const xc_sq_item *closed = item_with(&sq, "closed for good");
  CHECK(closed && closed->ndocs == 1 && !closed->named[0]); /* a description */
  xc_story_quotes_release(&sq);
}

/* The story gives a quote the speaker most reports name. */
TEST(story_quotes_speaker_most_reports_give) {
  const char *a = "\"The dam will hold through the spring floods,\" engineer Lea Holm said.";
  const char *b = "\"The dam will hold through the spring floods,\" said mayor Ivo Sand.";
  const char *c = "\"The dam will hold through the spring floods,\" Ivo Sand told reporters.";
  xc_story_quotes sq;
  xc_story_quotes_init(&sq);
  add(&sq, 0, 0, a);
  add(&sq, 1, 0, b);
  add(&sq, 2, 0, c);
  CHECK(sq.n == 1);
  CHECK(sq.n && sq.v[0].speaker && strstr(sq.v[0].speaker, "Holm")); /* the first, before finish */
  xc_story_quotes_finish(&sq);
  CHECK(sq.n && sq.v[0].speaker && strstr(sq.v[0].speaker, "Sand"));
  xc_story_quotes_release(&sq);
}
