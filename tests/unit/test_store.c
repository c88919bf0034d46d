/* test_store.c - the store's schema migrations and its reads and writes
 * through the library (the commands are tested by tests/store.sh). */
#include <stdlib.h>
#include <unistd.h>

#include "store/store.h"
#include "test.h"

static char *temp_db(void) {
  char *path = strdup("/tmp/xc-test-store-XXXXXX");
  int fd = mkstemp(path);
  if (fd >= 0) close(fd);
  unlink(path); /* the store makes it */
  return path;
}

static void remove_db(const char *path) {
  char buf[512];
  unlink(path);
  snprintf(buf, sizeof buf, "%s-wal", path);
  unlink(buf);
  snprintf(buf, sizeof buf, "%s-shm", path);
  unlink(buf);
}

static const char REPORT[] =
    "---\ntitle: \"Ferry runs aground off Tarnby\"\ndate: 2031-05-04\nsite: \"Tarnby Wire\"\n---\n\n"
    "The ferry Morvik ran aground off Tarnby on Saturday with 40 passengers on board, the "
    "coastguard said. \"Nobody was hurt,\" said captain Ilse Varga.\n";

TEST(store_migrates_an_older_schema_and_keeps_working) {
  char *path = temp_db();
  xc_err err = {0};
  xc_store *st = NULL;
  /* a store made at schema 1 ... */
  CHECK(xc_store_open_schema(path, 1, 0, 1, &st, &err) == 0);
  xc_store_close(st);
  /* ... read-only opening refuses to upgrade it */
  CHECK(xc_store_open(path, 0, 1, &st, &err) == XC_EFORMAT && st == NULL);
  CHECK(strstr(err.msg, "schema 1 is old") != NULL);
  /* ... and a writer brings it to this build's schema */
  CHECK(xc_store_open(path, 0, 0, &st, &err) == 0);
  int added = 0;
  CHECK(xc_store_add(st, "ferry.md", REPORT, sizeof REPORT - 1, &added, &err) == 0 && added);
  xc_store_stats s;
  CHECK(xc_store_update(st, NULL, NULL, &s, &err) == 0);
  CHECK(s.reports == 1 && s.stories == 1 && s.created == 1);
  xc_story_row *rows;
  size_t n;
  CHECK(xc_store_stories(st, 0, 0, &rows, &n, &err) == 0 && n == 1);
  xc_buf page, marks;
  xc_buf_init(&page);
  xc_buf_init(&marks);
  char now[XC_ID_LEN + 1];
  CHECK(n == 1 && xc_store_story(st, rows[0].id, "page", &page, now, &err) == 0);
  CHECK(strstr(xc_buf_cstr(&page), "Ferry runs aground off Tarnby") != NULL);
  /* the report's marks: the quote, the person, the day */
  xc_buf doc;
  xc_buf_init(&doc);
  xc_hit *hits;
  size_t nh;
  CHECK(xc_store_search(st, "Morvik", 5, "[", "]", &hits, &nh, &err) == 0 && nh >= 1);
  size_t h = 0;
  while (h < nh && strcmp(hits[h].kind, "document")) h++;
  CHECK(h < nh);
  if (h < nh) {
    CHECK(strstr(hits[h].snippet, "[Morvik]") != NULL);
    CHECK(xc_store_document_marks(st, hits[h].ref, &marks, &err) == 0);
    CHECK(strstr(xc_buf_cstr(&marks), "\"quote\",\"Ilse Varga\"") != NULL);
    CHECK(strstr(xc_buf_cstr(&marks), "\"time\",\"2031-05-03\"") != NULL);
    CHECK(xc_store_document(st, hits[h].ref, &doc, &err) == 0);
    CHECK(strstr(xc_buf_cstr(&doc), "\"site\": \"Tarnby Wire\"") != NULL);
  }
  xc_hits_free(hits, nh);
  CHECK(xc_store_document(st, "000000000000", &doc, &err) == XC_ENOTFOUND);
  xc_buf_release(&doc);
  xc_buf_release(&page);
  xc_buf_release(&marks);
  xc_story_rows_free(rows, n);
  xc_store_close(st);
  remove_db(path);
  free(path);
}
