/* test_core.c - buffers, UTF-8 repair, trimming, JSON escaping, hashing. */
#include <stdlib.h>

#include "core/core.h"
#include "test.h"

TEST(buf_grows_and_stays_terminated) {
  xc_buf b;
  xc_buf_init(&b);
  CHECK_STR(xc_buf_cstr(&b), "");
  for (int i = 0; i < 1000; i++) xc_buf_putc(&b, 'a');
  xc_buf_printf(&b, "%d", 42);
  CHECK(b.n == 1002);
  CHECK(b.p[b.n] == 0);
  CHECK(strcmp(b.p + 1000, "42") == 0);
  char *s = xc_buf_detach(&b);
  CHECK(b.p == NULL && b.n == 0);
  free(s);
}

TEST(utf8_decode_rejects_overlong_and_surrogates) {
  size_t len;
  CHECK(xc_utf8_decode("\xC3\xA9", 2, &len) == 0xE9 && len == 2);
  CHECK(xc_utf8_decode("\xC0\xAF", 2, &len) == 0xFFFD && len == 1);
  CHECK(xc_utf8_decode("\xED\xA0\x80", 3, &len) == 0xFFFD);
  CHECK(xc_utf8_decode("\xF0\x9F\x98\x80", 4, &len) == 0x1F600 && len == 4);
  CHECK(xc_utf8_decode("\xE2\x82", 2, &len) == 0xFFFD); /* truncated */
}

TEST(utf8_sanitize_replaces_only_bad_bytes) {
  const char in[] = "ok \xFF caf\xC3\xA9 \xEF\xBF\xBD";
  CHECK(xc_utf8_invalid_count(in, strlen(in)) == 1);
  xc_buf b;
  xc_buf_init(&b);
  xc_utf8_sanitize(&b, in, strlen(in));
  CHECK_STR(b.p, "ok \xEF\xBF\xBD caf\xC3\xA9 \xEF\xBF\xBD");
  CHECK(xc_utf8_invalid_count(b.p, b.n) == 0);
  xc_buf_release(&b);
}

TEST(trim_and_collapse_handle_unicode_spaces) {
  const char *s = "\xC2\xA0  two\t words \xE2\x80\x89";
  xc_slice t = xc_trim(s, strlen(s));
  CHECK(t.n == 10 && memcmp(t.p, "two\t words", 10) == 0);
  char *c = xc_collapse_ws(s, strlen(s));
  CHECK_STR(c, "two words");
  free(c);
}

TEST(json_parts_assembled_at_depth) {
  /* a value written for its place two levels deep, and a stored value
   * written as it is: the assembled text is one JSON document */
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_puts(&b, "{\n  \"stories\": [");
  xc_json j;
  xc_json_init_at(&j, &b, 1, 2);
  xc_json_obj_begin(&j);
  xc_json_key(&j, "id");
  xc_json_str(&j, "s1");
  xc_json_key(&j, "tags");
  xc_json_raw(&j, "[\"a\",\"b\"]");
  xc_json_key(&j, "n");
  xc_json_int(&j, 3);
  xc_json_obj_end(&j);
  xc_buf_puts(&b, "\n  ]\n}");
  CHECK_STR(xc_buf_cstr(&b), "{\n  \"stories\": [\n    {\n      \"id\": \"s1\",\n"
                             "      \"tags\": [\"a\",\"b\"],\n      \"n\": 3\n    }\n  ]\n}");
  xc_buf_release(&b);
}

TEST(json_escapes_controls_quotes_and_bad_utf8) {
  xc_buf b;
  xc_buf_init(&b);
  xc_json j;
  xc_json_init(&j, &b, 0);
  xc_json_obj_begin(&j);
  xc_json_key(&j, "a\"b");
  xc_json_str(&j, "x\n\x01\xFFy");
  xc_json_key(&j, "list");
  xc_json_arr_begin(&j);
  xc_json_int(&j, 1);
  xc_json_null(&j);
  xc_json_arr_end(&j);
  xc_json_key(&j, "empty");
  xc_json_arr_begin(&j);
  xc_json_arr_end(&j);
  xc_json_obj_end(&j);
  CHECK_STR(b.p, "{\"a\\\"b\":\"x\\n\\u0001\xEF\xBF\xBDy\",\"list\":[1,null],\"empty\":[]}");
  xc_buf_release(&b);
}

/* The vector step (16 bytes) and the tail (8, then 1) must leave at every
 * byte that needs escaping, wherever it falls, and step over valid UTF-8
 * across a 16-byte edge. */
TEST(json_escape_finds_specials_at_every_offset) {
  static const struct {
    const char *in, *out;
  } cases[] = {
      {"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {"\x01", "\\u0001"},
      {"\x1F", "\\u001f"}, {"\x7F", "\\u007f"}, {" ", " "}, {"~", "~"},
      {"\xFF", "\xEF\xBF\xBD"}, {"\xC3\xA9", "\xC3\xA9"},
      {"\xE2\x82\xAC", "\xE2\x82\xAC"}, {"\xE2\x82", "\xEF\xBF\xBD\xEF\xBF\xBD"},
  };
  char in[64], want[96];
  xc_buf b;
  xc_buf_init(&b);
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
    for (size_t n = 1; n <= 40; n++)
      for (size_t k = 0; k < n; k++) {
        size_t l = strlen(cases[c].in);
        memset(in, 'a', k);
        memcpy(in + k, cases[c].in, l);
        memset(in + k + l, 'b', n - k);
        memset(want, 'a', k);
        size_t o = strlen(cases[c].out);
        memcpy(want + k, cases[c].out, o);
        memset(want + k + o, 'b', n - k);
        want[k + o + n - k] = 0;
        xc_buf_clear(&b);
        xc_json_escape(&b, in, k + l + n - k);
        xc_buf_putc(&b, 0);
        CHECK_STR(b.p, want);
      }
  xc_buf_release(&b);
}

TEST(hash_depends_on_every_byte_and_seed) {
  CHECK(xc_hash64("abc", 3, 0) != xc_hash64("abd", 3, 0));
  CHECK(xc_hash64("abc", 3, 0) != xc_hash64("abc", 3, 1));
  CHECK(xc_hash64("abc", 3, 0) == xc_hash64("abc", 3, 0));
  /* every byte position of every length matters (word loop and tail) */
  char buf[40];
  for (size_t n = 1; n <= sizeof buf; n++)
    for (size_t i = 0; i < n; i++) {
      memset(buf, 'x', sizeof buf);
      uint64_t a = xc_hash64(buf, n, 0);
      buf[i] = 'y';
      CHECK(xc_hash64(buf, n, 0) != a);
    }
  CHECK(xc_hash64("", 0, 0) != xc_hash64("", 0, 1));
}

TEST(strv_unique_ignores_case) {
  xc_strv v = {0};
  xc_strv_push_unique(&v, "Jane Roe");
  xc_strv_push_unique(&v, "jane roe");
  xc_strv_push_unique(&v, "John Doe");
  CHECK(v.n == 2);
  xc_strv_release(&v);
  xc_strv_release(&v); /* releasing twice is harmless */
}

TEST(collapse_ws_of_blanks_and_putc_stay_terminated) {
  char *c = xc_collapse_ws(" \t \xC2\xA0 ", 6);
  CHECK_STR(c, "");
  free(c);
  xc_buf b;
  xc_buf_init(&b);
  xc_buf_putc(&b, 'x');
  CHECK_STR(xc_buf_cstr(&b), "x");
  xc_buf_release(&b);
}

TEST(patset_reports_groups_of_substrings) {
  static const char *const neg[] = {"comment", "footer", "ad-", NULL};
  static const char *const pos[] = {"article", "content", "comment", NULL};
  xc_patset ps = {0};
  xc_patset_add(&ps, neg, 1);
  xc_patset_add(&ps, pos, 2);
  xc_patset_build(&ps);
  CHECK(xc_patset_match(&ps, "main-article body", 17) == 2);
  CHECK(xc_patset_match(&ps, "site-footer", 11) == 1);
  CHECK(xc_patset_match(&ps, "comments", 8) == 3); /* in both lists */
  CHECK(xc_patset_match(&ps, "top ad-slot", 11) == 1);
  CHECK(xc_patset_match(&ps, "arti", 4) == 0); /* a prefix is not a match */
  CHECK(xc_patset_match(&ps, "", 0) == 0);
  xc_patset_release(&ps);
}

TEST(core_tsv_lines) {
  const char *t = "# comment\nexc\tfound\tfind\n\nverb\trun\nlast\ta\tb\tc";
  const char *p = t, *end = t + strlen(t);
  xc_slice f[3];
  CHECK(xc_tsv_line(&p, end, f, 3) == 0); /* comment */
  CHECK(xc_tsv_line(&p, end, f, 3) == 3);
  CHECK(f[1].n == 5 && !memcmp(f[1].p, "found", 5) && f[2].n == 4 && !memcmp(f[2].p, "find", 4));
  CHECK(xc_tsv_line(&p, end, f, 3) == 0); /* empty */
  CHECK(xc_tsv_line(&p, end, f, 3) == 2 && f[1].n == 3);
  CHECK(xc_tsv_line(&p, end, f, 3) == 3 && f[2].n == 3 && !memcmp(f[2].p, "b\tc", 3));
  CHECK(p == end);
}

TEST(memcasemem_finds_first_match_in_either_case_at_every_edge) {
  /* a match in the scalar tail, at the 16-byte step's edges, and across
   * it; a first byte that is no letter; starts too late to fit */
  const char s[] = "xxxxxxxxxxxxxxAuthor byxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAUTHORx";
  size_t n = strlen(s);
  CHECK(xc_memcasemem(s, n, "author") == s + 14);
  CHECK(xc_memcasemem(s + 15, n - 15, "author") == s + 53);
  CHECK(xc_memcasemem(s + 15, n - 16, "author") == s + 53); /* ends at n - 1 */
  CHECK(xc_memcasemem(s + 15, n - 17, "author") == NULL);  /* one byte short */
  CHECK(xc_memcasemem(s, n, "AUTHOR BY") == s + 14);
  CHECK(xc_memcasemem(s, n, "authors") == NULL);
  CHECK(xc_memcasemem("abc", 3, "") != NULL);
  CHECK(xc_memcasemem("ab", 2, "abc") == NULL);
  char many[40];
  memset(many, 'a', sizeof many);
  memcpy(many + 33, "-Ab", 3);
  CHECK(xc_memcasemem(many, sizeof many, "-ab") == many + 33);
  CHECK(xc_memcasemem(many, sizeof many, "a-a") == many + 32);
  CHECK(xc_memcasemem(many, sizeof many, "aa-") == many + 31);
  CHECK(xc_memcasemem("\xC3\xA9t\xC3\xA9", 5, "\xC3\xA9t") != NULL);
}
