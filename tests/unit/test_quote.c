/* test_quote.c - quotes and their speakers on an invented story (a flood
 * in the river port of Veltmark): marks of every kind, quotes over
 * paragraphs, nested and partial quotes, colon introductions, the news
 * patterns of attribution in both orders, speakers in the sentence before
 * or after, pronouns and descriptions resolved, descriptions kept, and no
 * quote reported for scare quotes and titles. The real tagger finds the
 * names, so speakers are checked by the surname they must contain. */
#include <stdlib.h>
#include <time.h>

#include "../../src/lang/lang.h"
#include "../../src/quote/quote.h"
#include "test.h"

typedef struct found {
  const char *text;
  xc_lang_doc d;
  xc_quotes q;
} found;

static void run(found *f, const char *text) {
  memset(f, 0, sizeof *f);
  f->text = text;
  xc_lang_doc_init(&f->d);
  xc_quotes_init(&f->q);
  CHECK(xc_lang_analyze(text, strlen(text), NULL, &f->d) == 0);
  CHECK(xc_quote_find(text, strlen(text), &f->d, NULL, 0, &f->q) == 0);
}

static void done(found *f) {
  xc_quotes_release(&f->q);
  xc_lang_doc_release(&f->d);
}

/* The quote (direct, or indirect when indirect is set) whose words
 * contain needle, or NULL. */
static const xc_quote *quote_with(const found *f, const char *needle, int indirect) {
  size_t k = strlen(needle);
  for (size_t i = 0; i < f->q.n; i++) {
    const xc_quote *q = &f->q.v[i];
    if (!!(q->flags & XC_QF_INDIRECT) != indirect) continue;
    for (uint32_t p = q->start; p + k <= q->end; p++)
      if (!memcmp(f->text + p, needle, k)) return q;
  }
  return NULL;
}

/* Does the quote with needle have a speaker containing name? */
static int said_by(const found *f, const char *needle, const char *name) {
  const xc_quote *q = quote_with(f, needle, 0);
  if (!q || !q->speaker || !strstr(q->speaker, name)) {
    fprintf(stderr, "  quote \"%s\": speaker %s, want %s\n", needle,
            q ? (q->speaker ? q->speaker : "(none)") : "(no quote)", name);
    return 0;
  }
  return 1;
}

/* The text of the speaker span of q ("" when it has none). */
static const char *span_of(const found *f, const xc_quote *q) {
  static char buf[200];
  buf[0] = 0;
  if (q && (q->flags & XC_QF_SPAN) && q->spk_end - q->spk_start < sizeof buf) {
    memcpy(buf, f->text + q->spk_start, q->spk_end - q->spk_start);
    buf[q->spk_end - q->spk_start] = 0;
  }
  return buf;
}

static int quote_is(const found *f, const xc_quote *q, const char *words) {
  size_t n = strlen(words);
  return q && q->end - q->start == n && !memcmp(f->text + q->start, words, n);
}

TEST(quote_speaker_after_and_before_the_cue) {
  found f;
  run(&f, "\"The bridge will stay shut until Monday,\" Mayor Elena Varga said on Tuesday.\n\n"
          "\"We lost two boats in an hour,\" said Tomas Brandt, the captain of the ferry.\n");
  CHECK(said_by(&f, "The bridge will stay shut", "Varga"));
  CHECK(said_by(&f, "We lost two boats", "Brandt"));
  const xc_quote *q = quote_with(&f, "The bridge", 0);
  CHECK(quote_is(&f, q, "The bridge will stay shut until Monday")); /* marks and comma out */
  CHECK(q && (q->flags & XC_QF_CUE) && !memcmp(f.text + q->cue_start, "said", 4));
  CHECK(strstr(span_of(&f, q), "Varga") != NULL);
  CHECK(q && q->how == XC_QH_ADJACENT && q->speaker_type == XC_NER_PER);
  done(&f);
}

TEST(quote_news_patterns) {
  found f;
  run(&f,
      "Tomas Brandt told reporters: \xE2\x80\x9CThe river rose faster than any of us expected.\xE2\x80\x9D\n\n"
      "\xE2\x80\x9COur crews worked through the night,\xE2\x80\x9D the Veltmark Harbour Authority said in a statement.\n\n"
      "According to the city fire brigade, \xE2\x80\x9Cno one was hurt in the collapse.\xE2\x80\x9D\n\n"
      "The Veltmark Rowing Club posted on social media: \xE2\x80\x9C" "All races are cancelled until further notice.\xE2\x80\x9D\n\n"
      "In a letter to residents, Elena Varga wrote: \xE2\x80\x9CWe will rebuild the quay before winter.\xE2\x80\x9D\n\n"
      "\xE2\x80\x9CThe pumps are running again,\xE2\x80\x9D Lena Ortiz added.\n\n"
      "\xE2\x80\x9CNobody should drive through the lower town,\xE2\x80\x9D Radio Veltmark reported.\n");
  CHECK(said_by(&f, "The river rose", "Brandt"));
  CHECK(said_by(&f, "Our crews worked", "Harbour Authority"));
  CHECK(said_by(&f, "no one was hurt", "fire brigade"));
  CHECK(said_by(&f, "All races are cancelled", "Rowing Club"));
  CHECK(said_by(&f, "We will rebuild", "Varga"));
  CHECK(said_by(&f, "The pumps are running", "Ortiz"));
  CHECK(said_by(&f, "Nobody should drive", "Radio Veltmark"));
  const xc_quote *q = quote_with(&f, "Our crews", 0);
  CHECK(q && q->speaker_type == XC_NER_ORG);
  done(&f);
}

TEST(quote_pronoun_and_descriptions) {
  found f;
  run(&f, "Engineer Lena Ortiz inspected the pier on Wednesday. \"The pilings are sound,\" she said. "
          "\"The deck is not.\"\n\n"
          "Gen. Piet Haller led the rescue from a barge near the lock. Tomas Brandt watched from the shore.\n\n"
          "\"We had eleven hours to move everyone,\" the general said.\n\n"
          "\"The warnings were ignored for years,\" a former senior port official said.\n");
  CHECK(said_by(&f, "The pilings are sound", "Ortiz"));
  const xc_quote *q = quote_with(&f, "The pilings", 0);
  CHECK(!strcmp(span_of(&f, q), "she")); /* the words at the quote; the name resolved */
  CHECK(said_by(&f, "The deck is not", "Ortiz")); /* goes on from the quote before */
  CHECK(said_by(&f, "We had eleven hours", "Haller"));
  q = quote_with(&f, "We had eleven", 0);
  CHECK(!strcmp(span_of(&f, q), "the general"));
  CHECK(said_by(&f, "The warnings were ignored", "a former senior port official"));
  q = quote_with(&f, "The warnings", 0);
  CHECK(q && (q->flags & XC_QF_DESCRIBED) && q->entity < 0);
  done(&f);
}

/* A name inside a description is its modifier, not the speaker: "a
 * former Norway customs official who ..." speaks, not Norway. */
TEST(quote_description_with_a_name_inside) {
  found f;
  run(&f, "\"Nobody checked the containers,\" said a former Norway customs official who "
          "worked at the port.\n");
  CHECK(said_by(&f, "Nobody checked", "a former Norway customs official"));
  done(&f);
}

TEST(quote_pronoun_agrees_in_gender) {
  found f;
  run(&f, "Mr. Tomas Brandt met Ms. Elena Varga at the town hall on Friday.\n\n"
          "\"The ferry will not sail this week,\" she said.\n");
  CHECK(said_by(&f, "The ferry will not sail", "Varga"));
  done(&f);
}

TEST(quote_speaker_in_the_sentence_before_or_after) {
  found f;
  run(&f, "Elena Varga had one message for the council:\n\n"
          "\"Fund the flood wall now.\"\n\n"
          "Tomas Brandt was less patient. \"The water is still rising.\" Brandt said it twice.\n\n"
          "\"Every cellar on the street is flooded.\" Lena Ortiz said.\n");
  CHECK(said_by(&f, "Fund the flood wall", "Varga"));
  const xc_quote *q = quote_with(&f, "Fund the flood wall", 0);
  CHECK(q && q->how == XC_QH_PREVIOUS);
  CHECK(said_by(&f, "Every cellar", "Ortiz"));
  q = quote_with(&f, "Every cellar", 0);
  CHECK(q && q->how == XC_QH_NEXT);
  done(&f);
}

TEST(quote_over_paragraphs) {
  found f;
  run(&f, "\xE2\x80\x9CWe opened the sluices at midnight, and by two the square was dry.\n\n"
          "\xE2\x80\x9C" "By four the water was back, higher than before,\xE2\x80\x9D said Tomas Brandt.\n\n"
          "\"First we sandbagged the school. Then the clinic.\n\n"
          "\"Then there was nothing left to do but wait,\" Lena Ortiz said.\n");
  const xc_quote *q = quote_with(&f, "We opened the sluices", 0);
  CHECK(q && q == quote_with(&f, "By four the water", 0)); /* one quote over both paragraphs */
  CHECK(q && (q->flags & XC_QF_PARA));
  CHECK(said_by(&f, "We opened the sluices", "Brandt"));
  q = quote_with(&f, "First we sandbagged", 0);
  CHECK(q && q == quote_with(&f, "nothing left to do", 0));
  CHECK(said_by(&f, "First we sandbagged", "Ortiz"));
  done(&f);
}

TEST(quote_nested_and_partial) {
  found f;
  run(&f, "\xE2\x80\x9CWhen I told him \xE2\x80\x98get out now,\xE2\x80\x99 he just laughed at me,\xE2\x80\x9D Tomas Brandt said.\n\n"
          "Elena Varga called the old barrier \"a museum piece\" and promised repairs.\n\n"
          "The mayor said the ministry had been \"warned again and again\" about the river.\n");
  const xc_quote *q = quote_with(&f, "When I told him", 0);
  CHECK(q && q == quote_with(&f, "get out now", 0)); /* the nested quote stays inside */
  CHECK(said_by(&f, "When I told him", "Brandt"));
  CHECK(said_by(&f, "a museum piece", "Varga"));
  CHECK(quote_is(&f, quote_with(&f, "a museum piece", 0), "a museum piece"));
  CHECK(said_by(&f, "warned again and again", "The mayor")); /* no one holds that role: kept */
  done(&f);
}

TEST(quote_double_single_quotes_of_ascii_news) {
  found f;
  run(&f, "''The lock gates held,'' Lena Ortiz said. ''The walls did not.''\n");
  CHECK(said_by(&f, "The lock gates held", "Ortiz"));
  CHECK(said_by(&f, "The walls did not", "Ortiz"));
  done(&f);
}

/* Scare quotes and titles are not quotes: a quote of three words or
 * fewer is reported only with a speaker found through a cue in its own
 * sentence, and a title-case quote after "on", a possessive or a noun
 * for a work ("the documentary") is a title whatever its length. */
TEST(quote_no_scare_quotes_or_titles) {
  found f;
  run(&f, "The so-called \"temporary\" barrier has stood since 2015.\n\n"
          "Residents of the \"new\" quarter were evacuated first.\n\n"
          "The flood inspired the documentary \"Rising Water Over Veltmark\", which airs on Friday.\n\n"
          "Elena Varga appeared on \"Morning Harbour\" to discuss the damage.\n\n"
          "Lena Ortiz keeps a copy of \"The River Keepers\" by her bed.\n\n"
          "The town's motto, \"Stand Together\", was painted on the sandbags.\n");
  for (size_t i = 0; i < f.q.n; i++) {
    const xc_quote *q = &f.q.v[i];
    if (q->flags & XC_QF_INDIRECT) continue;
    fprintf(stderr, "  unexpected quote: %.*s\n", (int)(q->end - q->start), f.text + q->start);
    CHECK(0);
  }
  done(&f);
}

TEST(quote_indirect_attributions) {
  found f;
  run(&f, "Elena Varga accused the ministry of ignoring the flood warnings for years.\n\n"
          "Tomas Brandt said that the ferry would resume service on Friday.\n\n"
          "The ferry was towed to the dry dock in the morning.\n");
  const xc_quote *q = quote_with(&f, "the ministry of ignoring", 1);
  CHECK(q && q->speaker && strstr(q->speaker, "Varga"));
  CHECK(q && (q->flags & XC_QF_INDIRECT));
  q = quote_with(&f, "the ferry would resume service", 1);
  CHECK(q && q->speaker && strstr(q->speaker, "Brandt"));
  CHECK(quote_is(&f, q, "the ferry would resume service on Friday")); /* "that" left out */
  CHECK(quote_with(&f, "towed", 1) == NULL);
  done(&f);
  /* a clause may open with a preposition; a bare phrase is no statement */
  run(&f, "About 300 tonnes of salt were stored in the shed, according to the port.\n\n"
          "In the Harbour Gazette, according to its editor.\n");
  q = quote_with(&f, "tonnes of salt", 1);
  CHECK(q && q->speaker && strstr(q->speaker, "port"));
  CHECK(quote_with(&f, "Harbour Gazette", 1) == NULL);
  done(&f);
}

TEST(quote_json_output) {
  found f;
  run(&f, "\"All clear,\" said the harbour master.\n");
  xc_buf out;
  xc_buf_init(&out);
  xc_quotes_json(f.text, &f.q, &out);
  const char *s = xc_buf_cstr(&out);
  CHECK(strstr(s, "\"start\": 1") != NULL);
  CHECK(strstr(s, "\"end\": 10") != NULL);
  CHECK(strstr(s, "\"text\": \"All clear\"") != NULL);
  CHECK(strstr(s, "\"speaker\": \"the harbour master\"") != NULL);
  CHECK(strstr(s, "\"speaker_start\": 18") != NULL);
  CHECK(strstr(s, "\"indirect\": false") != NULL);
  xc_buf_release(&out);
  done(&f);
}

TEST(quote_bad_input_is_not_an_error) {
  static const char *const texts[] = {
      "", "\"", "\xE2\x80\x9C", "\"\"\"\"", "'''", "\xE2\x80\x9D unopened close\xE2\x80\x9D",
      "\"never closed and long enough to count as a quote", "said said said according to",
      "\xff\xfe\"bad \xc3 bytes\" said", "<a href=\"x\">\"quoted\" link</a>",
      "\xE2\x80\x98single never closed, and the '60s", NULL};
  for (size_t i = 0; texts[i]; i++) {
    found f;
    run(&f, texts[i]);
    for (size_t k = 0; k < f.q.n; k++)
      CHECK(f.q.v[k].start <= f.q.v[k].end && f.q.v[k].end <= strlen(texts[i]));
    done(&f);
  }
}

/* 50,000 quote marks and a long line in under a few seconds. */
TEST(quote_pathological_input_is_fast) {
  size_t n = 400000;
  char *s = malloc(n + 1);
  for (size_t i = 0; i < n; i++) {
    static const char pat[] = "\"a\" b, said he \xE2\x80\x9C";
    s[i] = pat[i % (sizeof pat - 1)];
  }
  s[n] = 0;
  clock_t t0 = clock();
  found f;
  run(&f, s);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  CHECK(secs < 20);
  done(&f);
  free(s);
}

/* Markup left in a text: YAML front matter and tag attributes are not
 * quotes. */
TEST(quote_markup_is_not_quoted) {
  found f;
  run(&f, "---\ntitle: \"River closes the quay\"\nauthor: \"Harbour Desk\"\n---\n\n"
          "<tweet id=\"12\" author=\"@veltmark\">The quay is closed until further notice.</tweet>\n\n"
          "\"The quay will reopen next week,\" Elena Varga said.\n");
  CHECK(f.q.n == 1);
  CHECK(said_by(&f, "The quay will reopen", "Varga"));
  done(&f);
}
