/* test_markdown.c - front matter through libyaml, the body through md4c:
 * metadata fields, no Markdown syntax left, best effort on broken YAML. */
#include <stdlib.h>

#include "extract_test.h"

static void run(const char *s, xc_extracted *x) { run_extractor(xc_extract_markdown, s, x); }

TEST(markdown_front_matter_fields) {
  xc_extracted x;
  run("---\n"
      "title: \"Ferry ramp: repairs finished\"\n"
      "pubDate: Wed, 11 Mar 2026 08:00:00 +0100\n"
      "authors: [Mirre Janssen, {name: Anna Berg}]\n"
      "tags:\n  - ferries\n  - Veltmark\n"
      "description: The ramp is open again.\n"
      "publisher: Coastline Daily\n"
      "url: https://coast.example/ramp\n"
      "language: nl\n"
      "---\n\nThe ramp at the ferry terminal reopened on Wednesday morning.\n",
      &x);
  CHECK_STR(x.title, "Ferry ramp: repairs finished");
  CHECK_STR(x.published, "2026-03-11");
  CHECK(x.authors.n == 2 && strcmp(x.authors.v[1], "Anna Berg") == 0);
  CHECK(x.tags.n == 2 && strcmp(x.tags.v[0], "ferries") == 0);
  CHECK_STR(x.description, "The ramp is open again.");
  CHECK_STR(x.publisher, "Coastline Daily");
  CHECK_STR(x.canonical, "https://coast.example/ramp");
  CHECK_STR(x.language, "nl");
  CHECK(has(&x, "The ramp at the ferry terminal reopened"));
  CHECK(!has(&x, "title:"));
  xc_extracted_release(&x);
}

TEST(markdown_body_has_no_syntax_left) {
  xc_extracted x;
  run("# Ramp reopens\n\n"
      "## What happened\n"
      "- The **ramp** was [repaired](/news/ramp) by _night_ crews\n"
      "- Tickets are `valid`\n\n"
      "![A ferry at the ramp](/img/ferry.jpg)\n\n"
      "> \"We are open,\" the operator said &amp; thanked passengers.\n\n"
      "<p class=\"note\">Timetables <b>changed</b>.</p>\n",
      &x);
  CHECK_STR(x.title, "Ramp reopens");
  CHECK(has(&x, "What happened"));
  CHECK(has(&x, "The ramp was repaired by night crews"));
  CHECK(has(&x, "Tickets are valid"));
  CHECK(has(&x, "\"We are open,\" the operator said & thanked passengers."));
  CHECK(has(&x, "Timetables changed."));
  CHECK(!has(&x, "**"));
  CHECK(!has(&x, "/news/ramp"));
  CHECK(!has(&x, "A ferry at the ramp"));
  CHECK(!has(&x, "<p"));
  CHECK(!has(&x, "# "));
  CHECK(!has(&x, "Ramp reopens")); /* the title heading is not body text */
  xc_extracted_release(&x);
}

TEST(markdown_headings_and_items_are_paragraphs) {
  xc_extracted x;
  run("Intro line here.\n\n## Heading\n* one item\n* two item\n", &x);
  CHECK(has(&x, "Heading\n\none item\n\ntwo item"));
  xc_extracted_release(&x);
}

TEST(markdown_invalid_front_matter_is_best_effort) {
  xc_extracted x;
  run("---\ntitle: \"unclosed\ndate: [2026\n---\n\nThe ramp reopened on Wednesday.\n", &x);
  CHECK(x.published == NULL);
  CHECK(has(&x, "The ramp reopened on Wednesday."));
  xc_extracted_release(&x);
  /* a scalar document and an empty one are not metadata either */
  run("---\njust words\n---\nBody.\n", &x);
  CHECK(has(&x, "Body."));
  xc_extracted_release(&x);
  run("---\n---\n", &x);
  xc_extracted_release(&x);
}

TEST(markdown_drops_boilerplate_lines_and_trailing_sections) {
  xc_extracted x;
  run("---\ntitle: Ramp reopens\n---\n\n"
      "The ramp at the ferry terminal reopened on Wednesday morning after three days of repairs by night crews.\n\n"
      "Heavy vehicles will be allowed back on the morning crossing from Friday, the operator said in a statement.\n\n"
      "Share this article\n\n"
      "*Sources: the operator's statement and the harbour master's notice*\n\n"
      "## Related Posts\n\n- [Storm closes ramp](/a)\n- [Ferry timetable changes](/b)\n\n"
      "The post Ramp reopens appeared first on Coastline Daily.\n",
      &x);
  CHECK(has(&x, "reopened on Wednesday morning"));
  CHECK(has(&x, "Sources: the operator's statement"));
  CHECK(!has(&x, "Share this"));
  CHECK(!has(&x, "Related Posts"));
  CHECK(!has(&x, "Ferry timetable changes"));
  CHECK(!has(&x, "appeared first"));
  CHECK_STR(x.publisher, "Coastline Daily");
  xc_extracted_release(&x);
}
