/* test_lang_sentence.c - the sentence splitter on invented news text:
 * titles, U.S. mid-sentence and at the end, initials, acronyms, numbers,
 * datelines, quotes, ellipses, headings, lists, wrapped lines, other
 * scripts, and pathological inputs. */
#include <stdlib.h>

#include "core/core.h"
#include "lang_test.h"

/* Flags of sentence k of s (0 when there are fewer). */
static uint32_t sent_flags(const char *s, size_t k) {
  xc_tokens t;
  xc_sentv v;
  lang_split(s, &t, &v);
  uint32_t f = k < v.n ? v.v[k].flags : 0;
  xc_sentv_release(&v);
  xc_tokens_release(&t);
  return f;
}

TEST(sentence_basic_split) {
  CHECK_STR(sents("The dam held. Water rose! Was it safe? Nobody knew."),
            "The dam held. || Water rose! || Was it safe? || Nobody knew.");
  CHECK_STR(sents("One sentence without a stop"), "One sentence without a stop");
  CHECK_STR(sents(""), "");
  CHECK_STR(sents("  \n\n "), "");
  CHECK_STR(sents("It rained. 12 people were hurt."), "It rained. || 12 people were hurt.");
  /* a lower-case word or , ; : after the period: no break */
  CHECK_STR(sents("He saw approx. five boats, i.e. all."), "He saw approx. five boats, i.e. all.");
  CHECK_STR(sents("Prices rose. but not much"), "Prices rose. but not much");
}

TEST(sentence_titles_and_ranks_do_not_split) {
  CHECK_STR(sents("Lt. Gen. Vladimir Petrov met Adm. Ivan Sorokin and Sgt. Maria Lund."),
            "Lt. Gen. Vladimir Petrov met Adm. Ivan Sorokin and Sgt. Maria Lund.");
  CHECK_STR(sents("Gov. Ana Reyes, Sen. Tom Hale and Rep. Joy Park spoke. Dr. Kim and "
                  "Prof. Ruth Alder agreed."),
            "Gov. Ana Reyes, Sen. Tom Hale and Rep. Joy Park spoke. || Dr. Kim and "
            "Prof. Ruth Alder agreed.");
  CHECK_STR(sents("Mr. and Mrs. Tanaka live on St. Mark Street near St. Anne's."),
            "Mr. and Mrs. Tanaka live on St. Mark Street near St. Anne's.");
  CHECK_STR(sents("GEN. PETROV ARRIVES"), "GEN. PETROV ARRIVES");
}

TEST(sentence_us_mid_and_end) {
  /* rule: after "U.S." (or any abbreviation that can end a sentence) break
   * only when the next word is a frequent sentence starter */
  CHECK_STR(sents("The U.S. Army said the U.S. Navy agreed."),
            "The U.S. Army said the U.S. Navy agreed.");
  CHECK_STR(sents("The envoy arrived in the U.S. He said the talks would resume."),
            "The envoy arrived in the U.S. || He said the talks would resume.");
  CHECK_STR(sents("Ships sailed for the U.S. The crews were tired."),
            "Ships sailed for the U.S. || The crews were tired.");
  CHECK_STR(sents("Sales fell at Orvex Corp. Officials blamed the weather."),
            "Sales fell at Orvex Corp. || Officials blamed the weather.");
  CHECK_STR(sents("Orvex Corp. Chairman Lee resigned."), "Orvex Corp. Chairman Lee resigned.");
  CHECK_STR(sents("They left the U.S. \"We are done,\" one said."),
            "They left the U.S. || \"We are done,\" one said.");
  /* at the end of a line or the text it always ends */
  CHECK_STR(sents("She moved to the U.S.\nTrade grew."), "She moved to the U.S. || Trade grew.");
  CHECK_STR(sents("They met at the U.N."), "They met at the U.N.");
}

TEST(sentence_initials_and_acronyms) {
  CHECK_STR(sents("Sergei V. Skripal and J.K. Rowling were named. Then J. R. Tolkien."),
            "Sergei V. Skripal and J.K. Rowling were named. || Then J. R. Tolkien.");
  CHECK_STR(sents("The G.R.U. denied it. The U.N. Security Council met."),
            "The G.R.U. denied it. || The U.N. Security Council met.");
  CHECK_STR(sents("G.R.U. officers and U.N. monitors came."), "G.R.U. officers and U.N. monitors came.");
  CHECK_STR(sents("Take vitamin C. The rest is optional."),
            "Take vitamin C. || The rest is optional.");
  CHECK_STR(sents("Анна С. Петрова приехала. Он ушёл."), "Анна С. Петрова приехала. || Он ушёл.");
}

TEST(sentence_numbers_and_times) {
  CHECK_STR(sents("No. 5 won. The No. 7 car lost."), "No. 5 won. || The No. 7 car lost.");
  CHECK_STR(sents("It cost 3.5 million. Then it rose 12.5% to $4.2bn. Ok."),
            "It cost 3.5 million. || Then it rose 12.5% to $4.2bn. || Ok.");
  CHECK_STR(sents("The blast came at 9 p.m. Police arrived at 10 p.m. on Friday."),
            "The blast came at 9 p.m. || Police arrived at 10 p.m. on Friday.");
  CHECK_STR(sents("They met at 7 a.m. Monday and again at 3 p.m. Tuesday."),
            "They met at 7 a.m. Monday and again at 3 p.m. Tuesday.");
  CHECK_STR(sents("On Aug. 22, 1996, the vote was 12-3. It passed."),
            "On Aug. 22, 1996, the vote was 12-3. || It passed.");
}

TEST(sentence_datelines_join_the_first_sentence) {
  CHECK_STR(sents("KYIV, Ukraine — Drones struck a depot overnight. Two were hurt."),
            "KYIV, Ukraine — Drones struck a depot overnight. || Two were hurt.");
  CHECK_STR(sents("MOSCOW (Reuters) - A court fined the paper. It will appeal."),
            "MOSCOW (Reuters) - A court fined the paper. || It will appeal.");
  CHECK_STR(sents("London: The mayor opened the bridge. Crowds came."),
            "London: The mayor opened the bridge. || Crowds came.");
  CHECK_STR(sents("KYIV, Ukraine —\nDrones struck a depot. Two were hurt."),
            "KYIV, Ukraine —\nDrones struck a depot. || Two were hurt.");
  CHECK_STR(sents("ST. PETERSBURG, Russia — The port reopened."),
            "ST. PETERSBURG, Russia — The port reopened.");
}

TEST(sentence_quotes_close_after_the_stop) {
  CHECK_STR(sents("He said: \"We will leave.\" Then the doors shut."),
            "He said: \"We will leave.\" || Then the doors shut.");
  CHECK_STR(sents("She said: “We will stay.” Then she sat."),
            "She said: “We will stay.” || Then she sat.");
  CHECK_STR(sents("\"Will you go?\" she asked. \"Yes!\" He left."),
            "\"Will you go?\" she asked. || \"Yes!\" || He left.");
  CHECK_STR(sents("“Stop. Now,” he said."), "“Stop. || Now,” he said.");
  CHECK_STR(sents("(The vote was close.) Then it passed."),
            "(The vote was close.) || Then it passed.");
  CHECK_STR(sents("He called it ‘a farce.’ Others disagreed."),
            "He called it ‘a farce.’ || Others disagreed.");
}

TEST(sentence_ellipses) {
  CHECK_STR(sents("He paused... then went on."), "He paused... then went on.");
  CHECK_STR(sents("He paused... Then he left."), "He paused... || Then he left.");
  CHECK_STR(sents("Wait… What happened?"), "Wait… || What happened?");
  CHECK_STR(sents("“We will…” he began."), "“We will…” he began.");
}

TEST(sentence_headings_lists_and_paragraphs) {
  const char *s = "Crane topples in port\nA crane fell on a ship. Two were hurt.\n\nWhat we know\n"
                  "- the crane was old\n- nobody died\n• the port is shut\n1. first\n2) second";
  CHECK_STR(sents(s), "Crane topples in port || A crane fell on a ship. || Two were hurt. || "
                      "What we know || - the crane was old || - nobody died || "
                      "• the port is shut || 1. first || 2) second");
  CHECK(sent_flags(s, 0) == (XC_SF_PARA | XC_SF_NOTERM));
  CHECK(sent_flags(s, 1) == 0);
  CHECK(sent_flags(s, 3) == (XC_SF_PARA | XC_SF_NOTERM));
  CHECK(sent_flags(s, 4) == (XC_SF_BULLET | XC_SF_NOTERM));
  CHECK(sent_flags(s, 7) == (XC_SF_BULLET | XC_SF_NOTERM));
  CHECK(sent_flags(s, 8) == (XC_SF_BULLET | XC_SF_NOTERM));
  CHECK_STR(sents("First paragraph\n\nSecond paragraph"), "First paragraph || Second paragraph");
  CHECK_STR(sents("The rules:\n* one\n* two"), "The rules: || * one || * two");
  /* a line that goes on in lower case, or after a comma, continues */
  CHECK_STR(sents("The mayor said\nthat it was fine,\nThe End."),
            "The mayor said\nthat it was fine,\nThe End.");
}

TEST(sentence_hard_wrapped_text) {
  const char *s = "A crane toppled onto a ship at the port of\nVeltmark on Tuesday, the\n"
                  "authority said. It was\nlate.\n\nWork resumed.";
  CHECK_STR(sents(s), "A crane toppled onto a ship at the port of\nVeltmark on Tuesday, the\n"
                      "authority said. || It was\nlate. || Work resumed.");
}

TEST(sentence_other_scripts) {
  CHECK_STR(sents("东京很大。大阪也很大！"), "东京很大。 || 大阪也很大！");
  CHECK_STR(sents("Он приехал. Она ушла."), "Он приехал. || Она ушла.");
  CHECK_STR(sents("Ήρθε. Έφυγε."), "Ήρθε. || Έφυγε.");
  CHECK_STR(sents("هل جاء؟ نعم."), "هل جاء؟ || نعم.");
  CHECK_STR(sents("वह आया। वह गया।"), "वह आया। || वह गया।");
}

TEST(sentence_ranges_match_tokens) {
  const char *s = "\n  First one.  Second one!\n\n\"Third,\" he said.  ";
  xc_tokens t;
  xc_sentv v;
  lang_split(s, &t, &v);
  CHECK(v.n == 3);
  CHECK(lang_invariants(strlen(s), &t, &v));
  CHECK(v.v[0].start == 3 && v.v[0].tok == 0 && v.v[0].tok_end == 3);
  CHECK(v.v[2].end == strlen(s) - 2);
  xc_sentences(s, 5, &t, &v); /* the array is reused */
  CHECK(v.n == 3);
  xc_sentv_release(&v);
  xc_sentv_release(&v);
  xc_tokens_release(&t);
}

/* ---- pathological inputs: linear time, no crash ---- */
TEST(sentence_pathological_inputs) {
  size_t n = 1 << 20, ns, nt;
  xc_buf b;
  xc_buf_init(&b);
  while (b.n < n) xc_buf_puts(&b, "the U.S. ");
  CHECK(lang_run(b.p, b.n, &nt, &ns) < 20.0);
  CHECK(ns == 1);
  xc_buf_clear(&b);
  while (b.n < n) xc_buf_puts(&b, "A. \"B.\" (c.) ...\n- \n\n1. ");
  CHECK(lang_run(b.p, b.n, &nt, &ns) < 20.0);
  CHECK(ns > 1000);
  xc_buf_clear(&b);
  for (int i = 0; i < 50000; i++) xc_buf_puts(&b, ".\"");
  CHECK(lang_run(b.p, b.n, &nt, &ns) < 20.0);
  CHECK(ns >= 1);
  xc_buf_clear(&b);
  while (b.n < n) xc_buf_puts(&b, "\n");
  CHECK(lang_run(b.p, b.n, &nt, &ns) < 20.0);
  CHECK(nt == 0 && ns == 0);
  xc_buf_release(&b);
}
