/* test_lemma.c - dictionary forms (src/lang/lemma.c). */
#include "lang/lemma.h"
#include "test.h"

static const char *lemma(const char *w) {
  static char out[64];
  xc_lemma(w, strlen(w), out, sizeof out);
  return out;
}

TEST(lemma_irregular_regular_and_plurals) {
  static const char *const cases[][2] = {
      {"found", "find"},      {"began", "begin"},   {"children", "child"},
      {"started", "start"},   {"stored", "store"},  {"stopped", "stop"},
      {"planning", "plan"},   {"carries", "carry"}, {"passes", "pass"},
      {"injured", "injure"},  {"killed", "kill"},   {"crews", "crew"},
      {"injuries", "injury"}, {"press", "press"},   {"virus", "virus"},
      {"red", "red"},         {"bed", "bed"},       {"tower", "tower"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) CHECK_STR(lemma(cases[i][0]), cases[i][1]);
}

TEST(lemma_edges) {
  char small[4];
  CHECK(xc_lemma("started", 7, small, sizeof small) == 3); /* cut to fit */
  CHECK_STR(small, "sta");
  char out[8];
  CHECK(xc_lemma("", 0, out, sizeof out) == 0 && out[0] == 0);
  CHECK(xc_lemma("x", 1, NULL, 0) == 0);
}
