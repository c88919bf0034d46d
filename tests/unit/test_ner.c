/* test_ner.c - the entity tagger: tag names, IOB1/IOB2 span scoring,
 * Viterbi's well-formedness, model loading, and the compiled-in model on
 * invented sentences. */
#include <math.h>
#include <stdlib.h>

#include "../../src/lang/gazetteer.h"
#include "../../src/lang/ner.h"
#include "test.h"

TEST(ner_tag_names_round_trip) {
  for (int t = 0; t < XC_NER_NTAGS; t++) {
    const char *n = xc_ner_tag_name(t);
    CHECK(xc_ner_tag_parse(n, strlen(n)) == t);
  }
  CHECK(xc_ner_tag_parse("B-FOO", 5) == -1);
  CHECK(xc_ner_tag_parse("X", 1) == -1);
  CHECK(xc_ner_tag_parse("I-LOC", 5) == XC_NER_I(XC_NER_LOC));
  CHECK_STR(xc_ner_type_name(XC_NER_MISC), "MISC");
}

TEST(ner_span_f1_reads_iob1_and_iob2_alike) {
  enum { O = XC_NER_O };
  const int P = XC_NER_PER, L = XC_NER_LOC;
  /* "Anna Berg flew to Oslo": gold in IOB2, prediction in IOB1 */
  uint8_t gold[5] = {XC_NER_B(P), XC_NER_I(P), O, O, XC_NER_B(L)};
  uint8_t pred[5] = {XC_NER_I(P), XC_NER_I(P), O, O, XC_NER_I(L)};
  size_t sent[1] = {0};
  size_t per[XC_NER_NTYPES][3];
  CHECK(xc_ner_span_f1(gold, pred, 5, sent, 1, per) == 1.0);
  CHECK(per[P][0] == 1 && per[L][0] == 1);
  /* a wrong extent is a miss and a false alarm */
  uint8_t half[5] = {XC_NER_B(P), O, O, O, XC_NER_B(L)};
  double f = xc_ner_span_f1(gold, half, 5, sent, 1, per);
  CHECK(f > 0.49 && f < 0.51);
  CHECK(per[P][0] == 0 && per[P][1] == 1 && per[P][2] == 1);
  /* two adjacent B- tags are two entities */
  uint8_t two[5] = {XC_NER_B(P), XC_NER_B(P), O, O, XC_NER_B(L)};
  CHECK(xc_ner_span_f1(gold, two, 5, sent, 1, NULL) < 0.6);
}

TEST(ner_spans_end_at_sentence_starts) {
  const int P = XC_NER_PER;
  uint8_t gold[2] = {XC_NER_B(P), XC_NER_B(P)};
  uint8_t pred[2] = {XC_NER_B(P), XC_NER_I(P)}; /* I- crossing a sentence */
  size_t sent[2] = {0, 1};
  CHECK(xc_ner_span_f1(gold, pred, 2, sent, 2, NULL) == 1.0);
}

TEST(ner_viterbi_keeps_bilou_well_formed) {
  enum { T = XC_NER_NSTATES };
  float trans[(T + 1) * T] = {0};
  float em[3 * T] = {0};
  const int I = XC_NER_STATE(XC_NER_ORG, 1), B = XC_NER_STATE(XC_NER_ORG, 0);
  /* emissions that prefer Inside-ORG everywhere and O in the middle: an
   * Inside can neither start a sentence nor follow O, nor end one */
  for (int i = 0; i < 3; i++) em[i * T + I] = 5;
  em[1 * T + XC_NER_O] = 20;
  uint8_t st[3];
  xc_ner_viterbi(em, 3, trans, st);
  CHECK(st[0] != I && st[0] != B);
  CHECK(st[1] == XC_NER_O);
  CHECK(st[2] != I && st[2] != B);
}

/* The plain Viterbi the tagger's must agree with: every allowed
 * predecessor of every state, ascending, ties to the first. */
static int bilou_allowed(int a, int b) {
  int ak = a > 0 ? (a - 1) % 4 : 3, bk = b > 0 ? (b - 1) % 4 : 0;
  if (ak == 0 || ak == 1) return b > 0 && (b - 1) / 4 == (a - 1) / 4 && (bk == 1 || bk == 2);
  return b == 0 || bk == 0 || bk == 3;
}

static void plain_viterbi(const float *em, size_t n, const float *trans, uint8_t *st) {
  enum { T = XC_NER_NSTATES };
  float d[16][T];
  uint8_t bp[16][T];
  for (int t = 0; t < T; t++) d[0][t] = bilou_allowed(-1, t) ? trans[T * T + t] + em[t] : -INFINITY;
  for (size_t i = 1; i < n; i++)
    for (int t = 0; t < T; t++) {
      int arg = -1;
      float best = 0;
      for (int s = 0; s < T; s++) {
        float v = d[i - 1][s] + trans[s * T + t];
        if (bilou_allowed(s, t) && (arg < 0 || v > best)) best = v, arg = s;
      }
      d[i][t] = best + em[i * T + t], bp[i][t] = (uint8_t)arg;
    }
  int t = 0;
  for (int s = 1; s < T; s++)
    if ((s == 0 || (s - 1) % 4 >= 2) && d[n - 1][s] > d[n - 1][t]) t = s;
  for (size_t i = n; i-- > 0;) st[i] = (uint8_t)t, t = i ? bp[i][t] : t;
}

TEST(ner_viterbi_matches_the_plain_algorithm_with_ties) {
  enum { T = XC_NER_NSTATES };
  static float trans[(T + 1) * T], em[16 * T];
  uint64_t r = 12345;
  for (int round = 0; round < 2000; round++) {
    /* few distinct values, so that many sums tie */
    for (size_t k = 0; k < sizeof trans / sizeof *trans; k++)
      r = r * 6364136223846793005ull + 1442695040888963407ull, trans[k] = (float)(r >> 61) - 3;
    for (size_t k = 0; k < sizeof em / sizeof *em; k++)
      r = r * 6364136223846793005ull + 1442695040888963407ull, em[k] = (float)(r >> 62) * 0.5f;
    size_t n = 1 + (size_t)(r >> 33) % 16;
    uint8_t got[16], want[16];
    xc_ner_viterbi(em, n, trans, got);
    plain_viterbi(em, n, trans, want);
    CHECK(memcmp(got, want, n) == 0);
  }
}

TEST(ner_states_round_trip_iob2) {
  const int P = XC_NER_PER, L = XC_NER_LOC;
  /* "Anna Berg in Oslo Mia": B I O B B */
  uint8_t iob[5] = {XC_NER_B(P), XC_NER_I(P), XC_NER_O, XC_NER_B(L), XC_NER_B(P)};
  uint8_t st[5], back[5];
  xc_ner_to_states(iob, 5, st);
  CHECK(st[0] == XC_NER_STATE(P, 0) && st[1] == XC_NER_STATE(P, 2));
  CHECK(st[2] == XC_NER_O && st[3] == XC_NER_STATE(L, 3) && st[4] == XC_NER_STATE(P, 3));
  xc_ner_to_iob2(st, 5, back);
  CHECK(memcmp(iob, back, 5) == 0);
}

TEST(ner_load_rejects_junk) {
  xc_err err = {0};
  CHECK(xc_ner_load("hello", 5, &err) == NULL);
  CHECK(err.code == XC_EFORMAT);
  char buf[64] = "XCNER001";
  CHECK(xc_ner_load(buf, sizeof buf, NULL) == NULL);
  xc_ner_free(NULL);
}

/* Tags a whitespace-separated sentence with the compiled-in model and
 * returns the tags as "O B-PER I-PER ..." (static buffer). */
static const char *tag_line(const char *s) {
  static char out[512];
  xc_slice w[64];
  size_t n = 0, sent[1] = {0};
  for (const char *p = s; *p && n < 64;) {
    while (*p == ' ') p++;
    const char *e = p;
    while (*e && *e != ' ') e++;
    if (e > p) w[n].p = p, w[n++].n = (size_t)(e - p);
    p = e;
  }
  uint8_t tags[64];
  xc_ner_doc d = {w, n, sent, 1};
  xc_ner_tag(xc_ner_default(), &d, tags);
  out[0] = 0;
  for (size_t i = 0; i < n; i++) {
    if (i) strcat(out, " ");
    strcat(out, xc_ner_tag_name(tags[i]));
  }
  return out;
}

TEST(ner_default_model_finds_people_places_and_bodies) {
  if (!xc_ner_default()) {
    xc_test_fail(__FILE__, __LINE__, "no compiled-in model");
    return;
  }
  CHECK_STR(tag_line("Police in Oslo said Peter Schmidt was arrested on Monday ."),
            "O O B-LOC O B-PER I-PER O O O O O");
  CHECK_STR(tag_line("The European Commission said on Tuesday it would appeal ."),
            "O B-ORG I-ORG O O O O O O O");
}

TEST(ner_tags_empty_and_missing_model) {
  xc_ner_doc d = {NULL, 0, NULL, 0};
  xc_ner_tag(xc_ner_default(), &d, NULL);
  xc_slice w[2] = {{"Oslo", 4}, {".", 1}};
  size_t sent[1] = {0};
  uint8_t tags[2] = {9, 9};
  xc_ner_doc d2 = {w, 2, sent, 1};
  xc_ner_tag(NULL, &d2, tags);
  CHECK(tags[0] == XC_NER_O && tags[1] == XC_NER_O);
}

static unsigned gaz_phrase(const char *phrase) {
  uint64_t w[XC_GAZ_MAXWORDS];
  size_t n = 0;
  for (const char *p = phrase; *p && n < XC_GAZ_MAXWORDS;) {
    const char *e = strchr(p, ' ');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    w[n++] = xc_gaz_word_hash(p, l);
    p += l + (e ? 1 : 0);
  }
  return xc_gaz_lookup(xc_gaz_default(), w, n);
}

TEST(gazetteer_finds_phrases_by_list) {
  CHECK(gaz_phrase("france") & (1u << XC_GAZ_COUNTRY));
  CHECK(gaz_phrase("united states") & (1u << XC_GAZ_COUNTRY));
  CHECK(gaz_phrase("new york city") & (1u << XC_GAZ_CITY));
  CHECK(gaz_phrase("new york") & (1u << XC_GAZ_REGION));
  CHECK(gaz_phrase("maria") & (1u << XC_GAZ_FIRST));
  CHECK(gaz_phrase("french") & (1u << XC_GAZ_DEMONYM));
  CHECK(!(gaz_phrase("france") & (1u << XC_GAZ_FIRST)));
  CHECK(gaz_phrase("states united") == 0);
  CHECK(gaz_phrase("zzqx") == 0);
  CHECK(xc_gaz_maxlen(xc_gaz_default(), xc_gaz_word_hash("united", 6)) >= 2);
  CHECK(xc_gaz_maxlen(xc_gaz_default(), xc_gaz_word_hash("zzqx", 4)) == 0);
}
