/* test_lang.c - the language layer end to end (lang.c): mentions with byte
 * offsets over a text, names in title-case headings kept only when the
 * body names them too, and datelines read as places. */
#include "../../src/lang/lang.h"
#include "test.h"

/* Is there a mention of exactly s (type t, or any when t < 0)? */
static int has_mention(const char *text, const xc_lang_doc *d, const char *s, int t) {
  for (size_t i = 0; i < d->nmentions; i++) {
    const xc_mention *m = &d->mentions[i];
    if (m->end - m->start == strlen(s) && !memcmp(text + m->start, s, strlen(s)) &&
        (t < 0 || m->type == t))
      return 1;
  }
  return 0;
}

/* Runs the language layer over t into d. */
static void analyze(const char *t, xc_lang_doc *d) {
  xc_lang_doc_init(d);
  CHECK(xc_lang_analyze(t, strlen(t), NULL, d) == 0);
}

TEST(lang_mentions_carry_byte_offsets) {
  const char *t = "Talks resumed in Oslo on Monday, and Maria Lindqvist spoke for the "
                  "European Commission.";
  xc_lang_doc d;
  analyze(t, &d);
  CHECK(has_mention(t, &d, "Oslo", XC_NER_LOC));
  CHECK(has_mention(t, &d, "Maria Lindqvist", XC_NER_PER));
  CHECK(has_mention(t, &d, "European Commission", XC_NER_ORG));
  for (size_t i = 0; i < d.nmentions; i++) {
    const xc_mention *m = &d.mentions[i];
    CHECK(m->start < m->end && m->end <= strlen(t));
    CHECK(m->start == d.tokens.v[m->tok].start && m->end == d.tokens.v[m->tok_end - 1].end);
  }
  xc_lang_doc_release(&d);
}

TEST(lang_title_case_headings_name_only_what_the_body_names) {
  /* without the rule the tagger reads the first heading as an ORG */
  const char *t = "Regional Security Briefing\n\nMayor Lena Varga said the bridge in Dornholt "
                  "would reopen.\n\nLena Varga Speaks Out\n\nShe thanked the crews.";
  xc_lang_doc d;
  analyze(t, &d);
  for (size_t i = 0; i < d.nmentions; i++) CHECK(d.mentions[i].start >= strlen("Regional Security Briefing"));
  CHECK(has_mention(t, &d, "Lena Varga", XC_NER_PER)); /* the second heading: named in the body */
  CHECK(has_mention(t, &d, "Dornholt", XC_NER_LOC));
  xc_lang_doc_release(&d);
}

TEST(lang_datelines_are_places) {
  const char *t = "Ferry strike ends\n"
                  "OSLO, Norway \xE2\x80\x94 The ferry crews went back to work on Monday.\n"
                  "LISBON (AP) \xE2\x80\x94 Port workers agreed to talks.\n"
                  "Madrid: The union said little.\n"
                  "UPDATE \xE2\x80\x94 More to follow.\n"
                  "Reading: a list of the ports affected.";
  xc_lang_doc d;
  analyze(t, &d);
  CHECK(has_mention(t, &d, "OSLO", XC_NER_LOC));
  CHECK(has_mention(t, &d, "Norway", XC_NER_LOC));
  CHECK(has_mention(t, &d, "LISBON", XC_NER_LOC));
  CHECK(has_mention(t, &d, "Madrid", XC_NER_LOC));
  CHECK(!has_mention(t, &d, "UPDATE", XC_NER_LOC));  /* not a place */
  CHECK(!has_mention(t, &d, "Reading", XC_NER_LOC)); /* a town, but a common word */
  for (size_t i = 1; i < d.nmentions; i++) CHECK(d.mentions[i - 1].tok_end <= d.mentions[i].tok);
  xc_lang_doc_release(&d);
}

TEST(lang_known_places_after_in_are_places) {
  /* the tagger alone reads "Hamburg said" and "Lyon said" as clubs */
  const char *t = "Police in Hamburg said a man was held. Firefighters in Lyon said the fire "
                  "was out. The fund invested in Siemens last year. Hamburg's coach was upset "
                  "after the match in Bremen.";
  xc_lang_doc d;
  analyze(t, &d);
  CHECK(has_mention(t, &d, "Hamburg", XC_NER_LOC));
  CHECK(has_mention(t, &d, "Lyon", XC_NER_LOC));
  CHECK(!has_mention(t, &d, "Siemens", XC_NER_LOC)); /* a company, whatever comes before */
  CHECK(has_mention(t, &d, "Bremen", XC_NER_LOC));
  xc_lang_doc_release(&d);
}

TEST(lang_empty_text) {
  xc_lang_doc d;
  xc_lang_doc_init(&d);
  CHECK(xc_lang_analyze("", 0, NULL, &d) == 0);
  CHECK(d.nmentions == 0 && d.tokens.n == 0);
  xc_lang_doc_release(&d);
}
