/* test_ingest.c - format detection by content, charset decoding, rejection
 * of binary and empty input. */
#include "ingest/ingest.h"
#include "test.h"

static xc_format detect(const char *s) { return xc_ingest_detect(s, strlen(s)); }

TEST(detect_html_by_root_or_tag_density) {
  CHECK(detect("<!DOCTYPE html><html><body>x</body></html>") == XC_FMT_HTML);
  CHECK(detect("\n  <HTML><p>caps</p>") == XC_FMT_HTML);
  CHECK(detect("<div><p>a</p><p>b</p><p>c</p></div><br>") == XC_FMT_HTML);
  /* one stray tag in prose is still text */
  CHECK(detect("The council said <b> was a typo in its notice.\n") == XC_FMT_TEXT);
}

TEST(detect_markdown_front_matter_and_syntax) {
  CHECK(detect("---\ntitle: A\ndate: 2026-03-03\n---\nBody text.\n") == XC_FMT_MARKDOWN);
  /* a horizontal rule alone is not front matter */
  CHECK(detect("---\nJust a line under a rule.\nAnother.\n") == XC_FMT_TEXT);
  CHECK(detect("# Title\n\nSee [the map](/m) and **this**.\n\n## More\n") == XC_FMT_MARKDOWN);
  CHECK(detect("Plain words on a line.\nAnother line of prose.\n") == XC_FMT_TEXT);
}

static int load(const char *bytes, size_t n, xc_input *in, xc_err *err) {
  return xc_ingest_bytes("t", bytes, n, in, err);
}

TEST(declared_latin1_is_decoded) {
  const char page[] = "<html><head><meta charset=\"ISO-8859-1\"></head><body><p>caf\xe9</p></body></html>";
  xc_input in;
  xc_err err;
  CHECK(load(page, sizeof page - 1, &in, &err) == 0);
  CHECK(strstr(in.data, "caf\xC3\xA9") != NULL);
  CHECK_STR(in.charset, "WINDOWS-1252");
  CHECK(in.format == XC_FMT_HTML);
  xc_input_release(&in);
}

TEST(ascii_under_a_legacy_label_skips_iconv_only_when_safe) {
  /* plain ASCII under windows-1252 reads the same without iconv */
  const char plain[] = "<html><head><meta charset=\"windows-1252\"></head><body><p>cafe</p></body></html>";
  xc_input in;
  xc_err err;
  CHECK(load(plain, sizeof plain - 1, &in, &err) == 0);
  CHECK(in.len == sizeof plain - 1 && memcmp(in.data, plain, in.len) == 0);
  xc_input_release(&in);
  /* ISO-2022-JP writes Japanese with ASCII bytes and escapes: still decoded */
  const char jis[] = "<html><head><meta charset=\"iso-2022-jp\"></head><body><p>\x1b$B$3$s\x1b(B</p></body></html>";
  CHECK(load(jis, sizeof jis - 1, &in, &err) == 0);
  CHECK(strstr(in.data, "\xE3\x81\x93\xE3\x82\x93") != NULL); /* U+3053 U+3093 */
  xc_input_release(&in);
}

TEST(undeclared_legacy_bytes_fall_back_to_cp1252) {
  const char txt[] = "The mayor\x92s office said \x93no\x94 on Friday.";
  xc_input in;
  xc_err err;
  CHECK(load(txt, sizeof txt - 1, &in, &err) == 0);
  CHECK(strstr(in.data, "mayor\xE2\x80\x99s") != NULL);
  CHECK(strstr(in.data, "\xE2\x80\x9Cno\xE2\x80\x9D") != NULL);
  xc_input_release(&in);
}

TEST(mostly_utf8_with_a_bad_byte_is_repaired) {
  const char txt[] = "Caf\xC3\xA9 owners said \xFF the harbour was shut.";
  xc_input in;
  xc_err err;
  CHECK(load(txt, sizeof txt - 1, &in, &err) == 0);
  CHECK(in.repaired == 1);
  CHECK(strstr(in.data, "\xEF\xBF\xBD") != NULL);
  CHECK(strstr(in.data, "Caf\xC3\xA9") != NULL);
  xc_input_release(&in);
}

TEST(bom_removed_and_utf16_decoded) {
  xc_input in;
  xc_err err;
  CHECK(load("\xEF\xBB\xBFHello there, readers.", 24, &in, &err) == 0);
  CHECK(strncmp(in.data, "Hello", 5) == 0);
  xc_input_release(&in);
  const char u16[] = "\xFF\xFEH\0i\0 \0t\0h\0e\0r\0e\0";
  CHECK(load(u16, sizeof u16 - 1, &in, &err) == 0);
  CHECK_STR(in.data, "Hi there");
  xc_input_release(&in);
}

TEST(binary_and_empty_rejected_with_reason) {
  xc_input in;
  xc_err err;
  CHECK(load("", 0, &in, &err) == XC_EEMPTY);
  CHECK(load(" \n\t ", 4, &in, &err) == XC_EEMPTY);
  CHECK(load("%PDF-1.7 rest", 13, &in, &err) == XC_EFORMAT);
  CHECK(strstr(err.msg, "PDF") != NULL);
  CHECK(load("abc\0def", 7, &in, &err) == XC_EFORMAT);
  CHECK(strstr(err.msg, "NUL") != NULL);
  xc_input_release(&in);
}

/* One control character in 32 bytes is text with stray bytes; one in 16
 * is binary. Tabs, line ends, form feeds and escapes never count. */
TEST(control_character_ratio_decides_binary) {
  char page[4096];
  for (size_t i = 0; i < sizeof page; i++) page[i] = "Quay\t\r\n\f\x1b word"[i % 14];
  xc_input in;
  xc_err err;
  CHECK(load(page, sizeof page, &in, &err) == 0);
  xc_input_release(&in);
  for (size_t i = 5; i < sizeof page; i += 32) page[i] = '\x02';
  CHECK(load(page, sizeof page, &in, &err) == 0); /* 1 in 32: kept */
  xc_input_release(&in);
  for (size_t i = 21; i < sizeof page; i += 32) page[i] = '\x07';
  CHECK(load(page, sizeof page, &in, &err) == XC_EFORMAT); /* 1 in 16 */
  CHECK(strstr(err.msg, "control characters") != NULL);
}

TEST(rare_nul_bytes_are_stripped_not_rejected) {
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "<html><body><p>The ferry resumed service");
  xc_buf_putc(&b, 0);
  for (int i = 0; i < 200; i++) xc_buf_puts(&b, " and the quay reopened.");
  xc_buf_putc(&b, 0);
  xc_buf_puts(&b, "</p></body></html>");
  xc_input in;
  xc_err err;
  CHECK(xc_ingest_bytes("t", b.p, b.n, &in, &err) == 0);
  CHECK(in.len == b.n - 2);
  CHECK(strstr(in.data, "service and the quay") != NULL);
  xc_input_release(&in);
  xc_buf_release(&b);
}

TEST(utf8_labelled_latin1_is_read_as_utf8) {
  const char page[] = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>"
                      "The mayor\xE2\x80\x99s caf\xC3\xA9 reopened.</p></body></html>";
  xc_input in;
  xc_err err;
  CHECK(xc_ingest_bytes("t", page, sizeof page - 1, &in, &err) == 0);
  CHECK(strstr(in.data, "mayor\xE2\x80\x99s caf\xC3\xA9") != NULL);
  CHECK_STR(in.charset, "utf-8");
  xc_input_release(&in);
}
