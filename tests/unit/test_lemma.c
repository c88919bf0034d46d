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

TEST(lemma_verb_forms) {
  static const char *const verbs[][2] = {
      {"shot", "shoot"}, {"fled", "flee"},      {"stormed", "storm"}, {"fleeing", "flee"},
      {"stopped", "stop"}, {"ran", "run"},      {"hospitalized", "hospitalize"},
  };
  char out[32];
  for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++) {
    CHECK(xc_verb_form(verbs[i][0], strlen(verbs[i][0]), out, sizeof out) > 0);
    CHECK_STR(out, verbs[i][1]);
  }
  /* base forms, -s forms, irregular plurals of nouns that are also verbs,
   * words that are not verbs */
  static const char *const not_forms[] = {"shoot", "talks", "men", "children", "tower", "red", "bed"};
  for (size_t i = 0; i < sizeof not_forms / sizeof *not_forms; i++)
    CHECK(xc_verb_form(not_forms[i], strlen(not_forms[i]), out, sizeof out) == 0);
}
