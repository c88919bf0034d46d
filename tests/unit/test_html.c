/* test_html.c - HTML extraction: word boundaries, titles, metadata sources,
 * repost credits, and pathological pages (deep nesting, huge input). */
#include <stdarg.h>
#include <stdlib.h>
#include <time.h>

#include "extract/extract.h"
#include "test.h"

static xc_extracted run(const char *html) {
  xc_extracted x;
  memset(&x, 0, sizeof x);
  xc_err err = {0};
  int rc = xc_extract_html(html, strlen(html), &x, &err);
  CHECK(rc == 0);
  CHECK(x.text != NULL);
  return x;
}

static const char body_para[] =
    "<p>The harbour pilots of Veltmark met on Tuesday to discuss the winter "
    "schedule, the new tug contract, and the dredging of the inner basin.</p>";

TEST(html_inline_and_block_boundaries) {
  xc_extracted x = run(
      "<html><body><article>"
      "<p>The quay at Velt<span>mark</span> was <b>closed</b>, officials said, "
      "and the cranes were idle for the whole of the long weekend.</p>"
      "<div>First block of text in a division element here.</div><div>Second "
      "block of text in another division element here.</div>"
      "<p>Line one of the notice<br><br>Line two of the notice, after a break, "
      "continues with a comma, and another one.</p>"
      "</article></body></html>");
  CHECK(strstr(x.text, "at Veltmark was closed, officials") != NULL);
  CHECK(strstr(x.text, "here.Second") == NULL);
  CHECK(strstr(x.text, "here.\nSecond") != NULL);
  CHECK(strstr(x.text, "notice\n") != NULL);
  CHECK(strstr(x.text, "noticeLine") == NULL);
  xc_extracted_release(&x);
}

/* A style hides what it says "display:none" or "visibility:hidden" of,
 * in any case and with spaces anywhere, within its first 127 bytes that
 * are not spaces (the copy is made 16 bytes at a time where it can be). */
TEST(html_hidden_styles_at_vector_edges) {
  static const struct {
    const char *style;
    int hidden;
  } cases[] = {
      {"DISPLAY : None", 1},
      {"color:red;background:#fff;display:none", 1},
      {"color: red; background: #fff; visibility: hid den", 1},
      {"margin:0;padding:0;border:0;display:block", 0},
      /* 128 bytes without a space before it: cut off */
      {"a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;"
       "a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;display:none", 0},
      /* 112 of them, and spaces that do not count: kept */
      {"a : b ; a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;"
       "a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;a:b;display:none", 1},
  };
  char html[1024];
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    snprintf(html, sizeof html,
             "<html><body><article>%s%s<div style=\"%s\"><p>The quartermaster "
             "logged seven crates of signal flares, two spare anchors, and a "
             "case of lamp oil before the ferry left.</p></div></article></body></html>",
             body_para, body_para, cases[c].style);
    xc_extracted x = run(html);
    CHECK((strstr(x.text, "quartermaster") == NULL) == cases[c].hidden);
    xc_extracted_release(&x);
  }
}

TEST(html_title_suffix_and_site) {
  xc_extracted x = run("<html><head><title>Tug strike ends after nine days in "
                       "Veltmark | Harbour Times</title></head><body>"
                       "<p>short</p></body></html>");
  CHECK_STR(x.title, "Tug strike ends after nine days in Veltmark");
  CHECK_STR(x.site, "Harbour Times");
  xc_extracted_release(&x);
  /* og:site_name names the site; an h1 inside the title is the headline */
  x = run("<html><head><title>Harbour Times - Tug strike ends - Veltmark</title>"
          "<meta property=\"og:site_name\" content=\"The Harbour Times\">"
          "</head><body><h1>Tug strike ends</h1></body></html>");
  CHECK_STR(x.title, "Tug strike ends");
  CHECK_STR(x.site, "The Harbour Times");
  xc_extracted_release(&x);
}

TEST(html_json_ld_author_forms) {
  char page[4096];
  snprintf(page, sizeof page,
           "<html><head><script type=\"application/ld+json\">"
           "{\"@graph\":[{\"@type\":\"Organization\",\"name\":\"X\"},"
           "{\"@type\":[\"Thing\",\"BlogPosting\"],\"headline\":\"Pilots meet\","
           "\"datePublished\":\"2025-11-04T10:00:00Z\",\"author\":["
           "\"Sven Aaland\",{\"@type\":\"Person\",\"name\":\"Rika Moss\"}]}]}"
           "</script></head><body>%s</body></html>",
           body_para);
  xc_extracted x = run(page);
  CHECK_STR(x.title, "Pilots meet");
  CHECK_STR(x.published, "2025-11-04");
  CHECK(x.authors.n == 2);
  if (x.authors.n == 2) {
    CHECK_STR(x.authors.v[0], "Sven Aaland");
    CHECK_STR(x.authors.v[1], "Rika Moss");
  }
  CHECK(strstr(x.text, "dredging of the inner basin") != NULL);
  xc_extracted_release(&x);
}

TEST(html_broken_json_ld_is_ignored) {
  xc_extracted x = run("<html><head><script type=\"application/ld+json\">"
                       "{\"@type\":\"NewsArticle\",\"headline\":</script>"
                       "<meta name=\"date\" content=\"March 3, 2024\">"
                       "</head><body><p>x</p></body></html>");
  CHECK(x.title == NULL);
  CHECK_STR(x.published, "2024-03-03");
  xc_extracted_release(&x);
}

TEST(html_byline_and_meta_fallbacks) {
  char page[4096];
  snprintf(page, sizeof page,
           "<html lang=\"EN-us\"><head><meta name=\"author\" "
           "content=\"https://social.example/someone\"></head><body>"
           "<div class=\"byline\">By Ola Nordby | Updated Feb. 9, 2026 "
           "10:31 AM</div>%s</body></html>",
           body_para);
  xc_extracted x = run(page);
  CHECK(x.authors.n == 1);
  if (x.authors.n) CHECK_STR(x.authors.v[0], "Ola Nordby");
  CHECK_STR(x.published, "2026-02-09");
  CHECK_STR(x.language, "en");
  xc_extracted_release(&x);
}

TEST(html_repost_credit_sets_publisher) {
  char page[4096];
  snprintf(page, sizeof page,
           "<html><body><div class=\"entry-content\">%s%s<p>The post "
           "<a href=\"/\">Pilots meet</a> appeared first on <a href=\"/\">"
           "Veltmark Courier</a>.</p></div></body></html>",
           body_para, body_para);
  xc_extracted x = run(page);
  CHECK_STR(x.publisher, "Veltmark Courier");
  CHECK(strstr(x.text, "appeared first") == NULL);
  CHECK(strstr(x.text, "inner basin") != NULL);
  xc_extracted_release(&x);
}

TEST(html_link_lists_and_boilerplate_dropped) {
  char page[8192];
  snprintf(page, sizeof page,
           "<html><body><div class=\"story\">%s<p>Advertisement</p>%s"
           "<ul><li><a href=\"/1\">Another story about the harbour</a></li>"
           "<li><a href=\"/2\">Yet another story about the ferries</a></li>"
           "<li><a href=\"/3\">A third story about the fishing fleet</a></li>"
           "</ul><p>Sign up for our newsletter</p></div></body></html>",
           body_para, body_para);
  xc_extracted x = run(page);
  CHECK(strstr(x.text, "winter schedule") != NULL);
  CHECK(strstr(x.text, "Advertisement") == NULL);
  CHECK(strstr(x.text, "fishing fleet") == NULL);
  CHECK(strstr(x.text, "newsletter") == NULL);
  xc_extracted_release(&x);
}

TEST(html_empty_and_garbage) {
  xc_extracted x = run("");
  CHECK_STR(x.text, "");
  xc_extracted_release(&x);
  x = run("<<<>>></div></p><p");
  xc_extracted_release(&x);
  x = run("<html><body><script>var a='<p>not text</p>';</script></body></html>");
  CHECK(strstr(x.text, "not text") == NULL);
  xc_extracted_release(&x);
}

TEST(html_deep_nesting_survives) {
  size_t depth = 100000;
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "<html><body>");
  for (size_t i = 0; i < depth; i++) xc_buf_puts(&b, "<div>");
  xc_buf_puts(&b, body_para);
  for (size_t i = 0; i < depth; i++) xc_buf_puts(&b, "</div>");
  xc_buf_puts(&b, "</body></html>");
  xc_extracted x;
  memset(&x, 0, sizeof x);
  xc_err err = {0};
  clock_t t0 = clock();
  CHECK(xc_extract_html(b.p, b.n, &x, &err) == 0);
  CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 20.0);
  CHECK(x.text && strstr(x.text, "dredging of the inner basin") != NULL);
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(html_unterminated_title_keeps_the_page) {
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "<html><head><title>Pilots meet</titl <script>var x = 1;"
                  "</script></head><body><div class=\"nav\"><a href=\"/\">"
                  "Home</a></div><div class=\"story\">");
  for (int i = 0; i < 30; i++) xc_buf_puts(&b, body_para);
  xc_buf_puts(&b, "</div></body></html>");
  xc_extracted x = run(b.p);
  CHECK(strstr(x.text, "inner basin") != NULL);
  CHECK(strstr(x.text, "var x") == NULL);
  CHECK(x.title == NULL || strlen(x.title) < 100);
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(html_comment_section_and_byline_lines_cut) {
  char page[8192];
  snprintf(page, sizeof page,
           "<html><body><div class=\"story\"><div>By Ola Nordby</div>"
           "<div>March 3, 2026 10:15 AM</div>%s%s<h3>12 Comments</h3>"
           "<p>First! This is a reader writing a long reply that goes on and "
           "on, with commas, and more commas, about the harbour.</p>"
           "</div></body></html>",
           body_para, body_para);
  xc_extracted x = run(page);
  CHECK(strstr(x.text, "inner basin") != NULL);
  CHECK(strstr(x.text, "First!") == NULL);
  CHECK(strstr(x.text, "Comments") == NULL);
  CHECK(strstr(x.text, "By Ola Nordby") == NULL);
  CHECK(strstr(x.text, "10:15") == NULL);
  xc_extracted_release(&x);
}

TEST(html_big_page_is_linear) {
  /* ~50 MB of paragraphs and link lists */
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "<html><body><div id=\"content\">");
  while (b.n < 50u * 1000 * 1000) {
    xc_buf_puts(&b, body_para);
    xc_buf_puts(&b, "<ul><li><a href=\"/a\">a link</a></li></ul>");
  }
  xc_buf_puts(&b, "</div></body></html>");
  xc_extracted x;
  memset(&x, 0, sizeof x);
  xc_err err = {0};
  clock_t t0 = clock();
  CHECK(xc_extract_html(b.p, b.n, &x, &err) == 0);
  CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 60.0);
  CHECK(x.text && strlen(x.text) > 1000000);
  xc_extracted_release(&x);
  xc_buf_release(&b);
}

TEST(html_related_stories_heading_ends_the_text) {
  char page[8192];
  snprintf(page, sizeof page,
           "<html><body><div class=\"story\">%s%s%s<p>Related on Harbour "
           "Times:</p><p>The ferry company announced a new timetable for the "
           "winter season, with fewer crossings on weekdays and more at "
           "weekends.</p></div></body></html>",
           body_para, body_para, body_para);
  xc_extracted x = run(page);
  CHECK(strstr(x.text, "inner basin") != NULL);
  CHECK(strstr(x.text, "ferry company") == NULL);
  xc_extracted_release(&x);
}

/* ---- main text selection and line cleanup ---- */

/* Paragraphs of invented prose for the tests below. */
static const char pa[] =
    "<p>The ferry board of Veltmark voted on Monday to extend the winter "
    "timetable, keeping the late crossing to the islands, the early freight "
    "run, and the Sunday service that was due to be cut in March.</p>";
static const char pb[] =
    "<p>Harbour master Wendel Osk said the extra crossings would cost the "
    "board about a tenth of its fuel budget, and that the money would come "
    "from the dredging fund, which was underspent last year.</p>";
static const char pc[] =
    "<p>Island councillors welcomed the vote, though several said the "
    "timetable should have been settled before the autumn, when families "
    "plan their school journeys and shops order their winter stock.</p>";

/* The page printf-style into a static buffer. */
static const char *page_of(const char *fmt, ...) {
  static char page[16384];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(page, sizeof page, fmt, ap);
  va_end(ap);
  return page;
}

/* Extracts html and checks that every phrase of want (NULL-ended) is in the
 * text and none of absent is; failures name the phrase and the caller's
 * line. */
static void expect_text(const char *html, const char *const *want,
                        const char *const *absent, int line) {
  xc_extracted x = run(html);
  char m[256];
  for (; want && *want; want++)
    if (!strstr(x.text, *want)) {
      snprintf(m, sizeof m, "line %d: missing \"%s\"", line, *want);
      xc_test_fail(__FILE__, __LINE__, m);
    }
  for (; absent && *absent; absent++)
    if (strstr(x.text, *absent)) {
      snprintf(m, sizeof m, "line %d: should not have \"%s\"", line, *absent);
      xc_test_fail(__FILE__, __LINE__, m);
    }
  xc_extracted_release(&x);
}
#define IN(...) ((const char *const[]){__VA_ARGS__, NULL})
#define EXPECT_TEXT(html, want, absent) expect_text(html, want, absent, __LINE__)

TEST(html_continuation_block_after_the_story_is_kept) {
  /* the story goes on in a plain sibling block without links; a short
   * sign-up form beside it stays out */
  EXPECT_TEXT(
      page_of("<html><body><div class=\"post\"><div class=\"entry\">%s%s%s"
              "</div><div class=\"more\"><p>The vote came after a long "
              "evening of questions from the public gallery.</p><p>A second "
              "vote on fares is due in the spring, the board said.</p></div>"
              "<div><p>Get our port bulletin, with the tides and ferry times, "
              "in your inbox.</p><form><input type=\"email\"><input "
              "type=\"submit\"></form></div></div></body></html>",
              pa, pb, pc),
      IN("Sunday service", "public gallery", "due in the spring"),
      IN("port bulletin"));
}

TEST(html_comment_thread_never_outscores_a_short_post) {
  /* a photo post with one line of text and a long thread of comments */
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "<html><body><div class=\"post-body\"><img src=\"a.jpg\">"
                  "<p>The new pilot boat, seen from the breakwater.</p></div>"
                  "<div class=\"comments\"><h4>14 comments:</h4>");
  for (int i = 0; i < 14; i++)
    xc_buf_puts(&b, "<div class=\"comment-body\"><p>What a handsome boat, and "
                    "what a fine day for it, I hope they give it a good name "
                    "and that it serves the harbour well for years.</p></div>");
  xc_buf_puts(&b, "</div></body></html>");
  EXPECT_TEXT(b.p, IN("seen from the breakwater"), IN("handsome boat"));
  xc_buf_release(&b);
}

TEST(html_numbered_comment_signatures_end_the_text) {
  EXPECT_TEXT(
      page_of("<html><body><div class=\"entry\">%s%s"
              "<p>Comment #1 - Posted by: Harbourfan at March 2, 2026 5:39 PM"
              "</p><p>Finally some good news for the island families.</p>"
              "<p>Comment #2 - Posted by: Pieter at March 2, 2026 5:55 PM</p>"
              "<p>About time the board listened to the people.</p>"
              "<p>Comment #3 - Posted by: Ola at March 2, 2026 6:01 PM</p>"
              "<p>The early freight run matters more than anything.</p>"
              "</div></body></html>",
              pa, pb),
      IN("dredging fund"), IN("Harbourfan", "good news for the island"));
}

TEST(html_only_child_winner_reads_its_parents_siblings) {
  /* the winner is its parent's only element child: the parent takes its
   * place, so the story's second part beside the parent is read too */
  EXPECT_TEXT(
      page_of("<html><body><div class=\"wrap\"><div class=\"a\"><div "
              "class=\"body\">%s%s%s</div></div><div class=\"b\"><p>The pilot "
              "guild said its members would work the late crossing without "
              "extra pay until the spring, when the fares are reviewed.</p>"
              "</div></div></body></html>",
              pa, pb, pc),
      IN("school journeys", "without extra pay"), NULL);
}

TEST(html_author_box_inside_the_article_is_dropped) {
  EXPECT_TEXT(
      page_of("<html><body><article><div class=\"entry-content\">%s%s%s"
              "<div class=\"about-the-author\"><p>Ilse Marten covers the port "
              "for the Courier. She has written about ferries, tugs and the "
              "fishing fleet since 2015.</p></div></div></article></body>"
              "</html>",
              pa, pb, pc),
      IN("school journeys"), IN("covers the port"));
  EXPECT_TEXT(
      page_of("<html><body><div class=\"entry\">%s%s%s<div "
              "class=\"profilebox\"><p>Pieter Olm has piloted ships into "
              "Veltmark for thirty years and writes a weekly column about "
              "the harbour, its pilots and its tugs.</p></div></div></body>"
              "</html>",
              pa, pb, pc),
      IN("school journeys"), IN("thirty years"));
}

TEST(html_list_of_prose_items_is_a_story) {
  /* a post that is one numbered list of linked items with commentary */
  EXPECT_TEXT(
      "<html><body><div class=\"entry-content\"><ol>"
      "<li><a href=\"/1\">Tide gauge</a> - a cheap tide gauge built from a "
      "plastic pipe and a float, with notes on calibrating it against the "
      "harbour's own readings over a month.</li>"
      "<li><a href=\"/2\">Knot atlas</a> - every knot a deckhand needs, drawn "
      "step by step, with the mistakes that make each one slip under load.</li>"
      "<li><a href=\"/3\">Pilot logs</a> - a century of pilot logbooks, "
      "scanned and searchable, from the days of sail to the first diesel "
      "tugs in the outer basin.</li>"
      "</ol></div><div class=\"nav\"><a href=\"/\">Home</a></div></body></html>",
      IN("calibrating it against", "first diesel tugs"), NULL);
}

TEST(html_short_photo_post_keeps_its_line) {
  /* no block is long enough to count as a paragraph */
  EXPECT_TEXT("<html><body><div class=\"nav\"><a href=\"/\">Home</a> "
              "<a href=\"/a\">Archive</a></div><div class=\"post\">"
              "<img src=\"tug.jpg\"><p>Tugs at dawn.</p></div></body></html>",
              IN("Tugs at dawn."), IN("Archive"));
}

TEST(html_strong_sibling_before_the_winner_is_merged) {
  /* a post split into a short body (with a link) and a much longer "more"
   * part: the body scores over half the winner and is read first */
  EXPECT_TEXT(
      page_of("<html><body><div class=\"entry\"><div class=\"entry-body\"><p>"
              "The pilot guild of Veltmark met on <a href=\"/m\">Monday</a> to "
              "plan the winter rota, the night shifts, and the training of two "
              "new pilots for the outer basin.</p>%s</div><div "
              "class=\"entry-more\">%s%s%s%s%s%s%s%s%s</div></div></body>"
              "</html>",
              pb, pc, pa, pb, pc, pa, pb, pc, pa, pb),
      IN("winter rota", "school journeys"), NULL);
}

TEST(html_blog_template_lines_and_credits_dropped) {
  EXPECT_TEXT(
      page_of("<html><body><div class=\"entry\">%s<p>Photo credit: Pieter "
              "Olm</p>%s<p>Follow the Courier on Twitter</p>%s"
              "<p>Previous 1 / 12 Next</p>"
              "<p>This entry was posted on Monday, March 2nd, 2026 at 9:14 am "
              "and is filed under Port. You can follow any responses to this "
              "entry through the RSS 2.0 feed.</p><p>The Courier is not "
              "responsible for the content of external sites.</p></div>"
              "</body></html>",
              pa, pb, pc),
      IN("school journeys"),
      IN("Photo credit", "on Twitter", "Previous 1", "filed under", "external sites"));
}

TEST(html_teaser_heading_inside_the_story_is_skipped) {
  /* a box of links set inside the story: its heading goes, the story
   * below it stays; the same kind of heading after the story ends it */
  EXPECT_TEXT(
      page_of("<html><body><div class=\"story\">%s%s<div class=\"inset\">"
              "<h3>Related stories</h3><ul><li><a href=\"/1\">Pilots strike"
              "</a></li><li><a href=\"/2\">Dredging</a></li></ul></div>%s%s%s"
              "<h3>More in Port news</h3><p>Tug fleet</p><p>The tug fleet "
              "renewal was approved.</p><p>Quay works</p><p>Work on the quay "
              "starts in May.</p></div></body></html>",
              pa, pb, pc, pa, pb),
      IN("school journeys"),
      IN("Related stories", "More in Port", "tug fleet renewal"));
}

TEST(html_closed_comments_line_ends_the_text) {
  EXPECT_TEXT(
      page_of("<html><body><div class=\"story\">%s%s"
              "<p>Comments are now closed for this story</p><p>Ola</p>"
              "<p>The board should never have cut the Sunday boat in the "
              "first place, and everybody on the islands knows it.</p></div>"
              "</body></html>",
              pa, pb),
      IN("dredging fund"), IN("now closed", "everybody on the islands"));
  /* the rules of a comment box open the thread that follows them */
  EXPECT_TEXT(
      page_of("<html><body><div class=\"story\">%s%s<p>COMMENT POLICY</p>"
              "<p>Keep your comments on the topic of the story, and be kind "
              "to each other, or your comment will not be approved.</p></div>"
              "</body></html>",
              pa, pb),
      IN("dredging fund"), IN("COMMENT POLICY", "be kind"));
}

TEST(html_slideshow_does_not_beat_the_story) {
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "<html><body><div class=\"story-body\">");
  xc_buf_puts(&b, pa);
  xc_buf_puts(&b, pb);
  xc_buf_puts(&b, pc);
  xc_buf_puts(&b, "</div><ul class=\"slideshow\">");
  for (int i = 0; i < 8; i++)
    xc_buf_puts(&b, "<li><p>A tug, a pilot boat, and a ferry, seen from the "
                    "quay, with the cranes, the sheds, and the old lighthouse "
                    "behind them, on a grey morning.</p></li>");
  xc_buf_puts(&b, "</ul></body></html>");
  EXPECT_TEXT(b.p, IN("school journeys"), IN("old lighthouse"));
  xc_buf_release(&b);
}

TEST(html_sidebar_module_does_not_beat_a_short_post) {
  /* blog engines wrap sidebar boxes in "module" blocks whose "content"
   * class would otherwise score like the post */
  EXPECT_TEXT(
      "<html><body><div class=\"alpha\"><div class=\"entry\"><div "
      "class=\"entry-body\"><p>The new pilot boat was already out.</p></div>"
      "</div></div><div class=\"beta\"><div class=\"module-typelist "
      "module\"><div class=\"module-content\">This blog is about the "
      "harbour, the boats that use it and the people who work on them, "
      "written by two retired pilots who still cannot keep away from the "
      "water, with pictures, maps, and the tide tables.</div></div></div>"
      "</body></html>",
      IN("pilot boat was already out"), IN("retired pilots"));
}

TEST(html_site_banner_heading_is_not_the_title) {
  /* the banner heading holds the site's name and tagline, which the page
   * title also ends with; the post's own heading is the headline */
  char page[8192];
  snprintf(page, sizeof page,
           "<html><head><title>Knots for beginners - Rope and Deck, a blog of "
           "sailing crafts - Harbour Crafts</title></head><body><h1><a "
           "href=\"/\">Rope and Deck, a blog of sailing crafts - Harbour "
           "Crafts</a></h1><div class=\"entry\"><h3>Knots for beginners</h3>"
           "%s%s</div></body></html>",
           pa, pb);
  xc_extracted x = run(page);
  CHECK_STR(x.title, "Knots for beginners");
  xc_extracted_release(&x);
}

TEST(html_class_hints_read_each_word) {
  /* a class/id string says what its words say: "comment" inside a numbered
   * word and "sidebar" in the id mark the boxes unlikely, whatever words
   * stand beside them (and in upper case) */
  EXPECT_TEXT(
      "<html><body><div class=\"post-4711 Entry-Content\">" 
      "<p>The harbour pilots of Veltmark met on Tuesday to discuss the winter "
      "schedule, the new tug contract, and the dredging of the inner basin.</p>"
      "</div><div class=\"box\" id=\"Comment-Thread-4711\"><p>Reader one wrote "
      "a long reply about tugs, contracts, basins, the weather, the council, "
      "and everything else under the sun, at length.</p></div>"
      "<div class=\"wide x-sidebar-2\"><p>Sidebar words about the tides, the "
      "moon, the season and the many ships that pass by the harbour.</p></div>"
      "</body></html>",
      IN("harbour pilots"), IN("Reader one", "Sidebar words"));
}

/* xc_text_chars by the byte rule, one byte at a time: the reference the
 * vector steps must agree with */
static size_t slow_chars(const char *s, size_t n, size_t *commas) {
  size_t k = 0;
  for (size_t i = 0; i < n && s[i]; i++) {
    unsigned char c = (unsigned char)s[i];
    *commas += c == ',';
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) k--;
    k += !(c == ' ' || (c >= '\t' && c <= '\r' && c != '\v') || (c & 0xC0) == 0x80);
  }
  return k;
}

TEST(html_text_chars_tail_in_one_step_agrees_with_bytes) {
  /* every length up to 40 and every place of a comma, NBSP, NUL or
   * continuation byte near the tail, with and without 16 bytes readable */
  static const char *const odd[] = {",", "\xC2\xA0", "", "\xC3\xA9", "\v", "\t", " "};
  char page[80];
  for (size_t n = 0; n <= 40; n++)
    for (size_t o = 0; o < sizeof odd / sizeof odd[0]; o++)
      for (size_t at = 0; at + 2 <= n || (at == 0 && n < 2); at++) {
        memset(page, 'x', sizeof page);
        size_t l = strlen(odd[o]) ? strlen(odd[o]) : 1;
        if (at + l <= n) memcpy(page + at, odd[o], l);
        size_t c1 = 0, c2 = 0, c3 = 0;
        size_t want = slow_chars(page, n, &c1);
        CHECK(xc_text_chars(page, n, sizeof page, &c2) == want && c2 == c1);
        CHECK(xc_text_chars(page, n, n, &c3) == want && c3 == c1);
      }
}

/* Does the main text of page hold s? */
static int text_has(const char *page, const char *s) {
  xc_extracted x = run(page);
  int has = strstr(x.text, s) != NULL;
  xc_extracted_release(&x);
  return has;
}

TEST(html_class_words_across_map_words) {
  /* a class name that marks a block unlikely, placed across the 16- and
   * 64-byte steps of the class/id scan: the block is dropped wherever it
   * sits, and parts split at '-' and '_' still count */
  static const char side[] = "<p>Sidebar words about the tug contract, the dredging of "
                             "the basin, and the winter schedule of pilots.</p>";
  char page[4096], cls[300];
  for (size_t pad = 0; pad < 80; pad += 7) {
    size_t i = 0;
    for (; i < pad; i++) cls[i] = i % 6 == 5 ? ' ' : 'q';
    snprintf(cls + i, sizeof cls - i, " x_sidebar-y");
    snprintf(page, sizeof page, "<div class=\"%s\">%s</div><article>%s</article>", cls,
             side, body_para);
    CHECK(text_has(page, "Veltmark") && !text_has(page, "Sidebar words"));
  }
}
