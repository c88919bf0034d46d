/* test_html.c - HTML extraction: word boundaries, titles, metadata sources,
 * repost credits, and pathological pages (deep nesting, huge input). */
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
