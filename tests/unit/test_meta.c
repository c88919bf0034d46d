/* test_meta.c - the shared metadata helpers: dates written the ways news
 * sites write them, bylines into person names, repost credits into outlets. */
#include <stdlib.h>

#include "extract/extract.h"
#include "test.h"

static const char *norm(const char *s) {
  static char out[11];
  if (!xc_date_normalize(s, strlen(s), out)) return "none";
  return out;
}

TEST(dates_in_common_forms) {
  CHECK_STR(norm("2026-03-03T18:40:12+01:00"), "2026-03-03");
  CHECK_STR(norm("March 3, 2026"), "2026-03-03");
  CHECK_STR(norm("Mar. 3, 2026"), "2026-03-03");
  CHECK_STR(norm("3 March 2026"), "2026-03-03");
  CHECK_STR(norm("March 3rd, 2026"), "2026-03-03");
  CHECK_STR(norm("Tuesday, March 3, 2026 10:31 AM"), "2026-03-03");
  CHECK_STR(norm("Published: 12.03.2026 09:15"), "2026-03-12");
  CHECK_STR(norm("03/12/2026"), "2026-03-12");
  CHECK_STR(norm("Sept 30, 2025"), "2025-09-30");
  CHECK_STR(norm("Updated 2026/03/04"), "2026-03-04");
  CHECK_STR(norm("12/16/08 1:30 AM EST"), "2008-12-16"); /* a US dateline */
  CHECK_STR(norm("posted 3/9/97"), "1997-03-09");
}

TEST(dates_need_a_full_valid_date) {
  CHECK_STR(norm("March 3"), "none");
  CHECK_STR(norm("1 of 399"), "none");
  CHECK_STR(norm("2026-13-40"), "none");
  CHECK_STR(norm("Season 1, Episode 4"), "none");
  CHECK_STR(norm("12.03.26"), "none");   /* two-digit years: US slashes only */
  CHECK_STR(norm("1/2/08/4"), "none");   /* more of a number follows */
  CHECK_STR(norm("1/2/08.5"), "none");
  CHECK_STR(norm("1/2/123"), "none");
  char out[11];
  CHECK(xc_date_scan("in March 3, 2026", 16, out) == 0); /* not at start */
  CHECK(xc_date_scan("March 3, 2026 at noon", 21, out) == 13);
  CHECK_STR(out, "2026-03-03");
}

static void byline(const char *s, const char *want) {
  xc_strv v = {0};
  xc_authors_from_byline(s, strlen(s), &v);
  char got[512] = "";
  for (size_t i = 0; i < v.n; i++) {
    if (i) strcat(got, "; ");
    strncat(got, v.v[i], sizeof got - strlen(got) - 3);
  }
  CHECK_STR(got, want);
  xc_strv_release(&v);
}

TEST(bylines_become_person_names) {
  byline("By Hanne Scholt and Ruben Aalst, Courier reporters", "Hanne Scholt; Ruben Aalst");
  byline("By Tilde Marks | March 3, 2026", "Tilde Marks");
  byline("Posted by Petra Lind at 11:20 AM", "Petra Lind");
  byline("Posted by: coastline-admin", "");
  byline("Written by Jonas Brekke \xE2\x80\x94 Updated 2 hours ago", "Jonas Brekke");
  byline("By Harbour Desk", "");
  byline("by Northsea Times", "");
  byline("Marit Solberg; Jonas Brekke", "Marit Solberg; Jonas Brekke");
}

static void outlet(const char *line, const char *want) {
  char *got = xc_publisher_from_line(line, strlen(line));
  CHECK_STR(got ? got : "null", want);
  free(got);
}

TEST(repost_credits_name_the_outlet) {
  outlet("The post Crane falls at Quay 4 appeared first on Northsea Ledger.", "Northsea Ledger");
  outlet("Marit Solberg reports in the Northsea Ledger:", "Northsea Ledger");
  outlet("This article originally appeared in the Veltmark Courier, and is republished here.", "Veltmark Courier");
  outlet("Source: Coastline Daily", "Coastline Daily");
  outlet("Reprinted with permission from Harbour Weekly.", "Harbour Weekly");
  /* a sentence is not a credit */
  outlet("Source: analysis of port data, inspection logs and interviews.", "null");
  outlet("The harbour master reports in the morning to the council.", "null");
  outlet("The post office on the quay reopened on Friday.", "null");
}
