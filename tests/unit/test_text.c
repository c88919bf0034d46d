/* test_text.c - the plain-text extractor: the article is kept whole, the
 * page around it (menus, related links, comments, bios, credits) goes, and
 * title, date, byline, site and publisher come from the article's edges. */
#include <stdlib.h>

#include "extract_test.h"

static void run(const char *s, xc_extracted *x) { run_extractor(xc_extract_text, s, x); }

static const char article[] =
    "The ferry operator cancelled all crossings from Veltmark on Monday after a storm damaged the ramp at the main terminal, the company said.\n\n"
    "Engineers expected to finish temporary repairs by Wednesday, a spokeswoman said, but warned that heavy vehicles might have to wait longer.\n\n"
    "Passengers with tickets for cancelled crossings will be offered refunds or places on the next available sailing.\n";

TEST(text_keeps_every_paragraph_and_drops_menus) {
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "FERRYWATCH\nSearch\nHome\nFERRYWATCH\nTravel\n\n"
                  "Storm closes Veltmark ferry ramp\n\nMarch 9, 2026\n\n");
  xc_buf_puts(&b, article);
  xc_buf_puts(&b, "\nRead more\nNews\nFERRYWATCH \xC2\xA9 2026\n");
  xc_extracted x;
  run(b.p, &x);
  CHECK_STR(x.title, "Storm closes Veltmark ferry ramp");
  CHECK_STR(x.published, "2026-03-09");
  CHECK_STR(x.site, "FERRYWATCH");
  CHECK(has(&x, "The ferry operator cancelled"));
  CHECK(has(&x, "Engineers expected"));
  CHECK(has(&x, "next available sailing."));
  CHECK(!has(&x, "Search"));
  CHECK(!has(&x, "Read more"));
  CHECK(!has(&x, "2026"));
  CHECK(!has(&x, "Storm closes")); /* the title is not repeated in the text */
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(text_joins_hard_wrapped_lines) {
  xc_extracted x;
  run("The ferry operator cancelled all crossings from Veltmark on Monday\n"
      "after a storm damaged the ramp at the main terminal, the company\n"
      "said on its website.\n",
      &x);
  CHECK(has(&x, "on Monday after a storm"));
  CHECK(has(&x, "the company said on its website."));
  xc_extracted_release(&x);
}

TEST(text_stops_at_comments_and_bio) {
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, article);
  xc_buf_puts(&b, "\nAbout the Author: Mirre Janssen\n\n"
                  "Mirre Janssen writes about ferries and coastal transport and has lived in Veltmark for twenty years.\n\n"
                  "12 comments\n\n"
                  "I have been waiting for that ramp to be fixed since last winter and nobody at the company ever answers the phone when you call them.\n");
  xc_extracted x;
  run(b.p, &x);
  CHECK(has(&x, "next available sailing."));
  CHECK(!has(&x, "About the Author"));
  CHECK(!has(&x, "writes about ferries"));
  CHECK(!has(&x, "comments"));
  CHECK(!has(&x, "answers the phone"));
  CHECK(x.authors.n == 1 && strcmp(x.authors.v[0], "Mirre Janssen") == 0);
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(text_repost_credit_gives_publisher_and_keeps_quoted_report) {
  xc_extracted x;
  run("It is hard to see how the ferry company can keep promising refunds when its own ramp keeps failing in every storm.\n\n"
      "Mirre Janssen reports in the Coastline Daily:\n\n"
      "The ferry operator cancelled all crossings from Veltmark on Monday after a storm damaged the ramp, the company said.\n",
      &x);
  CHECK_STR(x.publisher, "Coastline Daily");
  CHECK(has(&x, "hard to see how the ferry company"));
  CHECK(has(&x, "The ferry operator cancelled"));
  CHECK(!has(&x, "reports in"));
  xc_extracted_release(&x);
}

TEST(text_drops_tag_strips_captions_and_counters) {
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "FerriesStormsTravelVeltmark\n\nStorm closes Veltmark ferry ramp\n\n");
  xc_buf_puts(&b, article);
  xc_buf_puts(&b, "\nPhoto: Coastline Daily / Pieter Hals\n\n(AP Photo/Anna Berg)\n\n"
                  "Advertisement\n\n3/12\n\nSource link\n");
  xc_extracted x;
  run(b.p, &x);
  CHECK_STR(x.title, "Storm closes Veltmark ferry ramp");
  CHECK(has(&x, "The ferry operator cancelled"));
  CHECK(!has(&x, "FerriesStorms"));
  CHECK(!has(&x, "Photo"));
  CHECK(!has(&x, "Advertisement"));
  CHECK(!has(&x, "3/12"));
  CHECK(!has(&x, "Source link"));
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(text_keeps_short_documents_and_credit_lines) {
  xc_extracted x;
  run("Harbour news: the crane inspection in Veltmark finished on Monday, officials said.\n", &x);
  CHECK(has(&x, "Harbour news: the crane inspection"));
  xc_extracted_release(&x);
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, article);
  xc_buf_puts(&b, "\nReporting by Anna Berg; editing by Pieter Hals\n");
  run(b.p, &x);
  CHECK(has(&x, "Reporting by Anna Berg; editing by Pieter Hals"));
  CHECK(x.authors.n == 0);
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(text_is_linear_on_huge_inputs) {
  /* one 8 MB line and 200,000 short lines: must not be quadratic */
  size_t n = 8u << 20;
  char *big = malloc(n + 1);
  for (size_t i = 0; i < n; i++) big[i] = (i % 6 == 5) ? ' ' : 'w';
  big[n] = 0;
  xc_extracted x;
  run(big, &x);
  CHECK(strlen(x.text) > n / 2);
  xc_extracted_release(&x);
  free(big);
  xc_buf b;
  xc_buf_init(&b);
  for (int i = 0; i < 200000; i++) xc_buf_printf(&b, "Menu %d\nHome\n", i % 7);
  run(b.p, &x);
  CHECK(!has(&x, "Home"));
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(text_keeps_sentences_that_only_mention_comments) {
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, article);
  xc_buf_puts(&b, "\nThe port authority declined to comment.\n\n"
                  "A spokeswoman for the ferry company, which runs eleven vessels on the coast, said the cancellations were unavoidable.\n\n"
                  "Comments are closed.\n");
  xc_extracted x;
  run(b.p, &x);
  CHECK(has(&x, "The port authority declined to comment."));
  CHECK(has(&x, "the cancellations were unavoidable."));
  CHECK(!has(&x, "Comments are closed"));
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(text_dateline_on_its_own_line_stays) {
  xc_extracted x;
  run("Ferry ramp repaired in Veltmark\n\nVELTMARK, March 11, 2026 \xE2\x80\x94\n\n"
      "Engineers finished temporary repairs to the ferry ramp on Wednesday, two days ahead of schedule, the operator said.\n\n"
      "Heavy vehicles will be allowed back on the morning crossing from Friday, a spokeswoman said.\n",
      &x);
  CHECK_STR(x.title, "Ferry ramp repaired in Veltmark");
  CHECK(has(&x, "VELTMARK, March 11, 2026"));
  CHECK_STR(x.published, "2026-03-11");
  xc_extracted_release(&x);
}

TEST(text_keeps_a_list_the_article_introduces) {
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "Ferry routes cut after storm\n\n"
                  "The ferry operator said on Monday that three routes would not run until the ramp at Veltmark was repaired.\n\n"
                  "Routes that will not run:\n\nVeltmark to Arnsholm\nVeltmark to Skerry Point\nArnsholm to Lindhaven\n\n");
  xc_buf_puts(&b, article);
  xc_extracted x;
  run(b.p, &x);
  CHECK(has(&x, "three routes would not run"));
  CHECK(has(&x, "Routes that will not run:"));
  CHECK(has(&x, "Veltmark to Skerry Point"));
  CHECK(has(&x, "next available sailing."));
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(text_drops_teaser_pairs_after_the_article) {
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, article);
  xc_buf_puts(&b, "\nMore headlines\n\n");
  static const char *const teasers[] = {
      "Fish market to reopen", "Lighthouse keeper retires",
      "Council approves cycle lane", "School roof repaired",
      "Harbour festival dates set"};
  for (int i = 0; i < 5; i++)
    xc_buf_printf(&b, "%s\n\nA short summary of the story for readers, %s.\n\n",
                  teasers[i], teasers[i]);
  xc_extracted x;
  run(b.p, &x);
  CHECK(has(&x, "The ferry operator cancelled"));
  CHECK(has(&x, "next available sailing."));
  CHECK(!has(&x, "Lighthouse keeper"));
  CHECK(!has(&x, "A short summary"));
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(text_article_of_subheading_pairs_is_kept) {
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "Veltmark ferry storm: what we know\n\n");
  for (int i = 0; i < 5; i++)
    xc_buf_printf(&b, "Point number %d\n\nThe operator said the damage to the ramp was worse than first thought in part %d of its review.\n\n",
                  i + 1, i + 1);
  xc_extracted x;
  run(b.p, &x);
  CHECK(has(&x, "in part 1 of its review."));
  CHECK(has(&x, "in part 5 of its review."));
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(text_authors_come_from_bylines_not_sponsors_or_photo_credits) {
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "Sponsored by Harbour Bank\n\nPhoto by Anna Berg\n\n"
                  "Storm closes Veltmark ferry ramp\n\nA column by Mirre Janssen\n\n");
  xc_buf_puts(&b, article);
  xc_extracted x;
  run(b.p, &x);
  CHECK(x.authors.n == 1 && strcmp(x.authors.v[0], "Mirre Janssen") == 0);
  CHECK_STR(x.title, "Storm closes Veltmark ferry ramp");
  CHECK(!has(&x, "A column by"));
  xc_extracted_release(&x);
  xc_buf_release(&b);
}
