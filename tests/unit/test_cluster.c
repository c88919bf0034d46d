/* test_cluster.c - story clustering: event signatures (signature.h), the
 * incremental clusterer on hand-made signatures (joins, look-alikes kept
 * apart, bridges, copies, links, many stories at once, and each who /
 * where / when / how-many rule tipping a borderline match, the doubt of an
 * undated report, the order undated reports join in), and the whole
 * pipeline on tests/fixtures/stories: two invented warehouse fires in two
 * towns nine days apart, reported by several invented outlets, the second
 * one's reports recalling the first, and a council vote weeks later that
 * mentions the first fire as background. */
#include <math.h>
#include <stdlib.h>

#include "cluster/cluster.h"
#include "cluster/signature.h"
#include "core/core.h"
#include "crosscheck.h"
#include "lang/lang.h"
#include "lang/ner.h"
#include "test.h"
#include "time/timex.h"

/* ---- hand-made signatures ---- */

static int32_t day(int y, int m, int d) {
  xc_date t = {y, m, d};
  return (int32_t)xc_timex_day_number(&t);
}

/* A signature of words w0..w0+nw-1 (keys 1000 + i), one person (key
 * person, mentioned three times; 0: none) and event date date. */
static void sig(xc_evsig *s, unsigned w0, unsigned nw, uint32_t person, int32_t date) {
  xc_evsig_release(s);
  s->words = xc_xmalloc(nw * sizeof *s->words);
  for (unsigned i = 0; i < nw; i++) s->words[i] = (xc_sig_item){1000 + w0 + i, 2.0f, 0};
  s->nwords = s->wcap = nw;
  s->names = xc_xmalloc(sizeof *s->names);
  s->names[0] = (xc_sig_item){person, 3.0f, XC_NER_PER};
  s->nnames = s->ncap = person != 0;
  s->date = s->published = date;
  s->date_in_text = 1;
}

TEST(cluster_joins_reports_of_one_event) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  sig(&s, 0, 30, 77, day(2030, 5, 1));
  uint32_t a = xc_clusterer_add(c, &s, -1, 0);
  sig(&s, 5, 30, 77, day(2030, 5, 2)); /* most words shared, same person */
  uint32_t b = xc_clusterer_add(c, &s, -1, 0);
  sig(&s, 500, 30, 91, day(2030, 5, 2)); /* nothing shared */
  uint32_t d = xc_clusterer_add(c, &s, -1, 0);
  CHECK(a == b);
  CHECK(d != a);
  CHECK(xc_clusterer_count(c) == 3);
  xc_evsig_release(&s);
  xc_clusterer_free(c);
}

TEST(cluster_keeps_look_alikes_apart_and_links_them) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  sig(&s, 0, 30, 77, day(2030, 5, 1));
  uint32_t a = xc_clusterer_add(c, &s, -1, 0);
  sig(&s, 0, 30, 77, day(2030, 5, 1));
  xc_clusterer_add(c, &s, -1, 0);
  /* the same words a month later, someone else: a look-alike that recalls
   * the first event's date */
  sig(&s, 0, 30, 88, day(2030, 6, 3));
  s.background[0] = day(2030, 5, 1);
  s.nbackground = 1;
  uint32_t b = xc_clusterer_add(c, &s, -1, 0);
  CHECK(a != b);
  uint32_t *pairs;
  size_t n = xc_clusterer_links(c, &pairs);
  CHECK(n == 1 && pairs[0] == b && pairs[1] == a);
  free(pairs);
  xc_evsig_release(&s);
  xc_clusterer_free(c);
}

TEST(cluster_bridges_and_copies) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  int32_t t = XC_SIG_NODATE;
  sig(&s, 0, 20, 0, t);
  uint32_t a = xc_clusterer_add(c, &s, -1, 0);
  sig(&s, 20, 20, 0, t); /* other words: a story of its own */
  uint32_t b = xc_clusterer_add(c, &s, -1, 0);
  CHECK(a != b);
  sig(&s, 0, 40, 0, t); /* both halves: bridges the two */
  xc_clusterer_add(c, &s, -1, 0);
  CHECK(xc_clusterer_story_of(c, 0) == xc_clusterer_story_of(c, 1));
  CHECK(xc_clusterer_story_of(c, 2) == xc_clusterer_story_of(c, 0));
  sig(&s, 900, 20, 5, t); /* unlike anything, but a copy of report 0 */
  xc_clusterer_add(c, &s, 0, 0);
  CHECK(xc_clusterer_story_of(c, 3) == xc_clusterer_story_of(c, 0));
  CHECK(xc_clusterer_memory(c) > 0);
  xc_evsig_release(&s);
  xc_clusterer_free(c);
}

/* Words w0..w0+nw-1 and w1..w1+n1-1 (keys 1000 + i), nobody, no date. */
static void sig2(xc_evsig *s, unsigned w0, unsigned nw, unsigned w1, unsigned n1) {
  sig(s, w0, nw + n1, 0, XC_SIG_NODATE);
  for (unsigned i = 0; i < n1; i++) s->words[nw + i] = (xc_sig_item){1000 + w1 + i, 2.0f, 0};
}

/* Three reports of one event (words 0..29, date d0), then n reports
 * (date d1) that each give `part` of its words (other ones) and share
 * words of their own: none alone is close enough to the event, so they
 * group up; together they hold n times as many of its words. Returns 2
 * when they group up apart from the event, plus 1 when late binding then
 * puts the group in the event's story. */
static int group_binds_late(unsigned n, unsigned part, int32_t d0, int32_t d1) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  for (int k = 0; k < 3; k++) {
    sig(&s, 0, 30, 0, d0);
    xc_clusterer_add(c, &s, -1, 0);
  }
  for (unsigned k = 0; k < n; k++) {
    sig2(&s, k * part, part, 500, 20);
    s.date = s.published = d1;
    xc_clusterer_add(c, &s, -1, 0);
  }
  int apart = xc_clusterer_story_of(c, 3) != xc_clusterer_story_of(c, 0);
  for (unsigned k = 1; k < n; k++)
    apart &= xc_clusterer_story_of(c, 3 + k) == xc_clusterer_story_of(c, 3);
  xc_clusterer_settle(c);
  int joined = 1;
  for (unsigned k = 0; k < n; k++)
    joined &= xc_clusterer_story_of(c, 3 + k) == xc_clusterer_story_of(c, 0);
  xc_evsig_release(&s);
  xc_clusterer_free(c);
  return apart * 2 + joined;
}

TEST(cluster_late_binding_of_a_pair) {
  int32_t u = XC_SIG_NODATE, d = day(2030, 5, 1);
  CHECK(group_binds_late(2, 6, u, u) == 3); /* a pair at first, the event's at the end */
  CHECK(group_binds_late(2, 4, u, u) == 2); /* too little of it: stays a pair */
  /* a dated pair five days from the event is an event of its own (the
   * next one of a running story) */
  CHECK(group_binds_late(2, 6, d, d + 5) == 2);
  /* three reports too */
  CHECK(group_binds_late(3, 6, u, u) == 3);
}

/* Many events of two reports each, over many days: the index finds each
 * report's partner among thousands of stories. */
TEST(cluster_pairs_in_a_long_stream) {
  enum { EVENTS = 1500 };
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  int ok = 1;
  for (unsigned e = 0; e < EVENTS; e++)
    for (int k = 0; k < 2; k++) {
      sig(&s, e * 40 + (unsigned)k * 4, 30, 100000 + e, day(2030, 1, 1) + (int32_t)(e / 20));
      xc_clusterer_add(c, &s, -1, 0);
    }
  for (unsigned e = 0; e < EVENTS; e++) {
    uint32_t x = xc_clusterer_story_of(c, 2 * e), y = xc_clusterer_story_of(c, 2 * e + 1);
    ok &= x == y && (e == 0 || x != xc_clusterer_story_of(c, 2 * e - 1));
  }
  CHECK(ok);
  CHECK(xc_clusterer_memory(c) < 2048 * 2 * EVENTS);
  xc_evsig_release(&s);
  xc_clusterer_free(c);
}

/* Adds s as the next report and returns whether it joined the story of
 * the first; frees c and s. */
static int last_joins_first(xc_clusterer *c, xc_evsig *s) {
  uint32_t last = xc_clusterer_add(c, s, -1, 0);
  int joined = last == xc_clusterer_story_of(c, 0);
  xc_evsig_release(s);
  xc_clusterer_free(c);
  return joined;
}

/* A report that shares a third of the words 20..49 of a story, names
 * nobody and has no date: close enough to join, unless something speaks
 * against. */
static void weak_match(xc_evsig *s) { sig(s, 0, 30, 0, XC_SIG_NODATE); }

/* Three undated reports of one event (words 20..49); person 77 is named in
 * `named` of them. Returns whether a weak match then joins their story. */
static int joins_after_naming(int named) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  for (int k = 0; k < 3; k++) {
    sig(&s, 20, 30, k < named ? 77 : 0, XC_SIG_NODATE);
    xc_clusterer_add(c, &s, -1, 0);
  }
  weak_match(&s);
  return last_joins_first(c, &s);
}

/* The story's main person is one most of its reports name: a report that
 * leaves out a person named in two reports of three is held back; one
 * named in a single report (a spokesman quoted once) is not who the story
 * is about, and leaving him out costs nothing. */
TEST(cluster_main_person_is_named_by_most_reports) {
  CHECK(!joins_after_naming(2));
  CHECK(joins_after_naming(1));
}

/* Three undated reports of one event (words 20..49); person 77 is named
 * in `named` of them, only as a source of what is said when `source`
 * ("Dorn said"). Returns whether a weak match then joins their story. */
static int joins_after_quoting(int named, int source) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  for (int k = 0; k < 3; k++) {
    sig(&s, 20, 30, k < named ? 77 : 0, XC_SIG_NODATE);
    if (source) s.names[0].type |= XC_SIG_SOURCE;
    xc_clusterer_add(c, &s, -1, 0);
  }
  weak_match(&s);
  return last_joins_first(c, &s);
}

/* A person a story only quotes is its main person when three of its
 * reports quote them (an official every outlet asks), not when two do:
 * outlets quote experts of their own, and a report that quotes another
 * one tells of the same event. Named in a part of the event, two of three
 * reports are enough. */
TEST(cluster_quoted_person_is_main_when_quoted_often) {
  CHECK(!joins_after_quoting(2, 0));
  CHECK(joins_after_quoting(2, 1));
  CHECK(!joins_after_quoting(3, 1));
}

/* Three undated reports of one event (words 40..69, weekday 6) that all
 * name person 77, then a report sharing `shared` of their words that
 * names nobody, with weekday wd. Returns whether it joins their story. */
static int joins_without_person(unsigned shared, int wd) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  for (int k = 0; k < 3; k++) {
    sig(&s, 40, 30, 77, XC_SIG_NODATE);
    s.wday = 6;
    xc_clusterer_add(c, &s, -1, 0);
  }
  sig(&s, 10 + shared, 30, 0, XC_SIG_NODATE);
  s.wday = (uint8_t)wd;
  return last_joins_first(c, &s);
}

/* Leaving out the story's main person is a weak sign by itself and a
 * strong one beside another (here the event on another weekday): a report
 * that names nobody joins on fewer shared words than one that also gives
 * another day. */
TEST(cluster_person_absent_weighs_more_with_another_sign) {
  CHECK(!joins_without_person(12, 0));
  CHECK(joins_without_person(13, 0));
  CHECK(!joins_without_person(13, 1));
  CHECK(!joins_without_person(17, 1));
  CHECK(joins_without_person(18, 1));
}

/* Two dated reports of one event (words 20..49, 2030), then an undated
 * weak match: it joins when it is vague, not when it names a day that
 * could not be placed ("on Saturday" with no publication date): that may
 * be another occasion of the same kind; unless the dates it does give
 * name the story's year most often (`year`; 0: none). */
static int undated_joins(uint32_t unplaced, int16_t year) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  for (int k = 0; k < 2; k++) {
    sig(&s, 20, 30, 0, day(2030, 5, 1));
    xc_clusterer_add(c, &s, -1, 0);
  }
  weak_match(&s);
  s.unplaced = unplaced;
  s.year = year;
  return last_joins_first(c, &s);
}

TEST(cluster_undated_report_that_names_days) {
  CHECK(undated_joins(0, 0));
  CHECK(!undated_joins(2, 0));
}

TEST(cluster_undated_report_in_the_story_year) {
  CHECK(undated_joins(2, 2030));
  CHECK(!undated_joins(2, 2019));
}


/* Two reports of one event (words 40..69, place 500 named three times,
 * date `day0`, event weekday `wd0`), then a report sharing `shared` of
 * those words (the rest its own) with place `place` (0: none), specific
 * number `num` (0: none), date `when` and weekday `wd` (0: unknown).
 * Returns whether it joins their story. */
static int joins_with(unsigned shared, uint32_t place, uint32_t num, int32_t day0, int32_t when,
                      int wd0, int wd) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  for (int k = 0; k < 2; k++) {
    sig(&s, 40, 30, 0, day0);
    s.names[0] = (xc_sig_item){500, 3.0f, XC_NER_LOC};
    s.nnames = 1;
    s.words = xc_xrealloc(s.words, 31 * sizeof *s.words);
    s.words[30] = (xc_sig_item){7000, 1.0f, XC_SIG_NUMBER};
    s.nwords = s.wcap = 31;
    s.wday = (uint8_t)wd0;
    xc_clusterer_add(c, &s, -1, 0);
  }
  sig(&s, 10 + shared, 30, 0, when); /* shares 40..40+shared-1 */
  s.wday = (uint8_t)wd;
  s.names[0] = (xc_sig_item){place, 3.0f, XC_NER_LOC};
  s.nnames = place != 0;
  if (num) {
    s.words = xc_xrealloc(s.words, 31 * sizeof *s.words);
    s.words[30] = (xc_sig_item){num, 1.0f, XC_SIG_NUMBER};
    s.nwords = s.wcap = 31;
  }
  return last_joins_first(c, &s);
}

/* A report whose own main place the story never names, while it leaves
 * out the story's: a fire in another town. */
TEST(cluster_two_main_places) {
  CHECK(joins_with(10, 0, 0, XC_SIG_NODATE, XC_SIG_NODATE, 0, 0));
  CHECK(!joins_with(10, 600, 0, XC_SIG_NODATE, XC_SIG_NODATE, 0, 0));
}

/* A specific number in common (a toll, an age) tips a borderline match. */
TEST(cluster_specific_number_in_common) {
  CHECK(joins_with(6, 0, 7000, XC_SIG_NODATE, XC_SIG_NODATE, 0, 0));
  CHECK(!joins_with(6, 0, 7001, XC_SIG_NODATE, XC_SIG_NODATE, 0, 0));
}

/* Event dates agree within three days; five days apart say nothing. */
TEST(cluster_dates_agree_when_close) {
  int32_t d = day(2030, 5, 1);
  CHECK(joins_with(6, 0, 0, d, d + 2, 0, 0));
  CHECK(!joins_with(6, 0, 0, d, d + 5, 0, 0));
}

/* Undated reports: the event's weekday ("on Saturday") tips a borderline
 * match either way; a weekday the story never gives holds back one that
 * would otherwise join. */
TEST(cluster_weekdays_when_dates_are_unknown) {
  int32_t u = XC_SIG_NODATE;
  CHECK(!joins_with(6, 0, 0, u, u, 6, 0));
  CHECK(joins_with(6, 0, 0, u, u, 6, 6));
  CHECK(joins_with(9, 0, 0, u, u, 6, 0));
  CHECK(!joins_with(9, 0, 0, u, u, 6, 1));
  /* dated reports are compared by their dates, not weekdays */
  int32_t d = day(2030, 5, 4);
  CHECK(joins_with(10, 0, 0, d, d, 6, 1));
}

/* Two reports of an event on 1 May (words 0..29, person 77 named three
 * times each), then a report of `when` that shares `shared` of their
 * words and names `person` three times. Returns whether it joins their
 * story. */
static int follow_up_joins(unsigned shared, uint32_t person, int32_t when) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  for (int k = 0; k < 2; k++) {
    sig(&s, 0, 30, 77, day(2030, 5, 1));
    xc_clusterer_add(c, &s, -1, 0);
  }
  sig(&s, 30 - shared, 30, person, when);
  return last_joins_first(c, &s);
}

/* A report a month on about the same people and the same affair (a few
 * words in common besides the names) is a follow-up, the hearing after
 * the shooting: its dates apart do not hold it back. About someone else,
 * it is a look-alike event; about the same people and little else in
 * common, their next affair: both start stories of their own. */
TEST(cluster_follow_up_of_the_same_people) {
  int32_t june = day(2030, 6, 3);
  CHECK(follow_up_joins(4, 77, june));
  CHECK(!follow_up_joins(4, 88, june));
  CHECK(!follow_up_joins(4, 0, june));
  CHECK(!follow_up_joins(2, 77, june));
  CHECK(follow_up_joins(2, 77, day(2030, 5, 2))); /* the next day it joins */
}

/* A story that took in a follow-up spans a month; a story of its last
 * day's reports, started apart, merges into it when a report bridges the
 * two (its dates lie within the long story's). */
TEST(cluster_bridge_into_a_story_that_spans_weeks) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  for (int k = 0; k < 2; k++) {
    sig(&s, 0, 30, 77, day(2030, 5, 1));
    xc_clusterer_add(c, &s, -1, 0);
  }
  sig(&s, 26, 30, 77, day(2030, 6, 3)); /* the follow-up */
  uint32_t a = xc_clusterer_add(c, &s, -1, 0);
  sig(&s, 100, 30, 0, day(2030, 6, 3)); /* new words, nobody named */
  uint32_t b = xc_clusterer_add(c, &s, -1, 0);
  CHECK(a == xc_clusterer_story_of(c, 0));
  CHECK(b != a);
  sig(&s, 100, 30, 77, day(2030, 6, 3)); /* those words, and person 77 */
  xc_clusterer_add(c, &s, -1, 0);
  CHECK(xc_clusterer_story_of(c, 3) == xc_clusterer_story_of(c, 0));
  xc_evsig_release(&s);
  xc_clusterer_free(c);
}

/* A long surname spelt two ways (from another script, by another
 * newsroom) is one name; short ones stay apart. */
TEST(cluster_name_key_spellings) {
  CHECK(xc_evsig_name_key("Heydar Alishbandi", 17, XC_NER_PER) ==
        xc_evsig_name_key("Heidar Alishvandi", 17, XC_NER_PER));
  CHECK(xc_evsig_name_key("Karen Christiansen", 18, XC_NER_PER) ==
        xc_evsig_name_key("Karen Christianson", 18, XC_NER_PER));
  CHECK(xc_evsig_name_key("Mr MacFarlane", 13, XC_NER_PER) ==
        xc_evsig_name_key("Mr McFarlane", 12, XC_NER_PER));
  CHECK(xc_evsig_name_key("Ann Kristal", 11, XC_NER_PER) !=
        xc_evsig_name_key("Ann Kristol", 11, XC_NER_PER));
  CHECK(xc_evsig_name_key("Tom Brandenburg", 15, XC_NER_PER) ==
        xc_evsig_name_key("Tom Brandenberg", 15, XC_NER_PER));
  /* places keep their letters */
  CHECK(xc_evsig_name_key("Brandenburg", 11, XC_NER_LOC) !=
        xc_evsig_name_key("Brandenberg", 11, XC_NER_LOC));
  CHECK(xc_evsig_name_key("Tom Bradenton", 13, XC_NER_PER) !=
        xc_evsig_name_key("Tom Brandenburg", 15, XC_NER_PER));
}

/* ---- signatures from text ---- */

TEST(cluster_signature_event_date_and_background) {
  const char *text =
      "A fire destroyed a grain store in Tollen on Tuesday, the fire service said.\n\n"
      "Firefighter Anna Brecht said the roof fell in within an hour.\n\n"
      "In January, a similar fire hit a mill in the same town.\n";
  size_t n = strlen(text);
  xc_lang_doc ld;
  xc_lang_doc_init(&ld);
  xc_timexv tx;
  xc_timexv_init(&tx);
  xc_date dct = {2031, 3, 13}; /* a Thursday */
  CHECK(xc_lang_analyze(text, n, NULL, &ld) == 0);
  CHECK(xc_timex_tag(text, n, &dct, &tx) == 0);
  xc_evsig s;
  xc_evsig_init(&s);
  xc_evsig_make(&s, "Grain store burns in Tollen", text, n, &ld, &tx, "2031-03-13");
  CHECK(s.published == day(2031, 3, 13));
  CHECK(s.date == day(2031, 3, 11) && s.date_in_text);
  CHECK(s.nbackground == 1 && s.background[0] == day(2031, 1, 15));
  int fire = 0, stop = 0;
  for (size_t i = 0; i < s.nwords; i++) {
    fire |= s.words[i].key == xc_evsig_word_key("fire", 4);
    stop |= s.words[i].key == xc_evsig_word_key("the", 3);
  }
  CHECK(fire && !stop);
  /* packed and read back (the store keeps signatures): the same fields and
   * arrays; bytes of another layout or cut short are refused */
  xc_buf packed;
  xc_buf_init(&packed);
  xc_evsig_pack(&s, &packed);
  xc_evsig back;
  xc_evsig_init(&back);
  CHECK(xc_evsig_unpack(&back, packed.p, packed.n) == 0);
  CHECK(back.nwords == s.nwords && back.nnames == s.nnames && back.date == s.date &&
        back.published == s.published && back.nbackground == 1 &&
        back.background[0] == s.background[0] && back.nqty == s.nqty && back.wday == s.wday);
  CHECK(s.nwords && !memcmp(back.words, s.words, s.nwords * sizeof *s.words));
  CHECK(!s.nnames || !memcmp(back.names, s.names, s.nnames * sizeof *s.names));
  CHECK(xc_evsig_unpack(&back, packed.p, packed.n - 1) == -1 && back.nwords == 0);
  packed.p[0] ^= 0x55;
  CHECK(xc_evsig_unpack(&back, packed.p, packed.n) == -1);
  xc_evsig_release(&back);
  xc_buf_release(&packed);
  /* a day in the lead weeks before publication is background, not the
   * event: the event is the Wednesday */
  const char *late = "Families of those hurt in the March 1 flood won the right to sue the "
                     "port authority on Wednesday, a court in Tollen ruled.\n";
  xc_lang_doc ldl;
  xc_lang_doc_init(&ldl);
  xc_timexv txl;
  xc_timexv_init(&txl);
  xc_date dl = {2031, 3, 20}; /* a Thursday */
  CHECK(xc_lang_analyze(late, strlen(late), NULL, &ldl) == 0);
  CHECK(xc_timex_tag(late, strlen(late), &dl, &txl) == 0);
  xc_evsig sl;
  xc_evsig_init(&sl);
  xc_evsig_make(&sl, NULL, late, strlen(late), &ldl, &txl, "2031-03-20");
  CHECK(sl.date == day(2031, 3, 19));
  CHECK(sl.nbackground == 1 && sl.background[0] == day(2031, 3, 1));
  xc_evsig_release(&sl);
  xc_timexv_release(&txl);
  xc_lang_doc_release(&ldl);
  /* specific numbers are marked, with what they count: 23 pirates and a
   * 5.6 magnitude, not a year or a small count */
  const char *nums = "Navy commandos held 23 pirates after a 5.6 magnitude tremor in 2008 "
                     "damaged 5 boats.\n";
  xc_lang_doc nd;
  xc_lang_doc_init(&nd);
  xc_timexv nt;
  xc_timexv_init(&nt);
  CHECK(xc_lang_analyze(nums, strlen(nums), NULL, &nd) == 0);
  CHECK(xc_timex_tag(nums, strlen(nums), NULL, &nt) == 0);
  xc_evsig ns;
  xc_evsig_init(&ns);
  xc_evsig_make(&ns, NULL, nums, strlen(nums), &nd, &nt, NULL);
  int marked = 0, unmarked = 0;
  for (size_t i = 0; i < ns.nwords; i++) {
    uint32_t k = ns.words[i].key;
    int num = ns.words[i].type == XC_SIG_NUMBER;
    if (k == xc_evsig_word_key("23 pirate", 9) || k == xc_evsig_word_key("5.6 magnitude", 13))
      marked += num;
    if (k == xc_evsig_word_key("2008", 4) || k == xc_evsig_word_key("5 boat", 6) ||
        k == xc_evsig_word_key("navy", 4))
      unmarked += !num;
  }
  CHECK(marked == 2 && unmarked == 3);
  xc_evsig_release(&ns);
  xc_timexv_release(&nt);
  xc_lang_doc_release(&nd);
  /* a surname alone is the same person as the full name */
  CHECK(xc_evsig_name_key("Anna Brecht", 11, XC_NER_PER) ==
        xc_evsig_name_key("Brecht", 6, XC_NER_PER));
  xc_evsig_release(&s);
  xc_timexv_release(&tx);
  xc_lang_doc_release(&ld);
}

/* The signature of text (title may be NULL) published on pub ("YYYY-MM-DD"
 * or NULL) into s. */
static void sig_of(xc_evsig *s, const char *title, const char *text, const char *pub) {
  xc_lang_doc ld;
  xc_lang_doc_init(&ld);
  xc_timexv tx;
  xc_timexv_init(&tx);
  xc_date dct;
  int dated = pub && xc_timex_parse_date(pub, 10, &dct) == 0;
  CHECK(xc_lang_analyze(text, strlen(text), NULL, &ld) == 0);
  CHECK(xc_timex_tag(text, strlen(text), dated ? &dct : NULL, &tx) == 0);
  xc_evsig_make(s, title, text, strlen(text), &ld, &tx, pub);
  xc_timexv_release(&tx);
  xc_lang_doc_release(&ld);
}

static int has_qty(const xc_evsig *s, const char *unit, uint32_t value10) {
  for (size_t i = 0; i < s->nqty; i++)
    if (s->qty[i].unit == xc_evsig_word_key(unit, strlen(unit)) && s->qty[i].value == value10)
      return 1;
  return 0;
}

/* Quantities: a number in digits or words and the word it counts, from
 * the title and the lead; not a year, a time or a span of days. */
TEST(cluster_signature_quantities_and_weekday) {
  xc_evsig s;
  xc_evsig_init(&s);
  sig_of(&s, "Flash flood at Tollen port leaves 28 stranded",
         "Two dead and 1,200 homes without power after a 5.6-magnitude tremor struck "
         "Tollen at 7 p.m. on Saturday, three days after the 2030 floods.\n\n"
         "Later that evening 40 volunteers arrived.\n\nBy night 9 boats had been found.\n\n"
         "Officials counted 15 injured.\n",
         NULL);
  CHECK(has_qty(&s, "stranded", 280));
  CHECK(has_qty(&s, "dead", 20));
  CHECK(has_qty(&s, "home", 12000)); /* plural folded */
  CHECK(has_qty(&s, "magnitude", 56));
  CHECK(has_qty(&s, "volunteer", 400));
  CHECK(has_qty(&s, "boat", 90));
  CHECK(!has_qty(&s, "floods", 20300) && !has_qty(&s, "flood", 20300));
  CHECK(!has_qty(&s, "day", 30));
  CHECK(!has_qty(&s, "injured", 150)); /* past the lead */
  /* undated: the lead's weekday stands for the event day */
  CHECK(s.date == XC_SIG_NODATE && s.wday == 6);
  /* dated: the weekday of the event date */
  sig_of(&s, NULL, "A tremor struck Tollen on Saturday, officials said.\n", "2031-03-13");
  CHECK(s.date == day(2031, 3, 8) && s.wday == 6);
  xc_evsig_release(&s);
}

/* Two reports of one flood (words 40..69) that count `first` and `second`
 * stranded, then a report sharing 10 of their words that counts `mine`.
 * Returns whether it joins their story. */
static int joins_counting(uint32_t first, uint32_t second, uint32_t mine) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  uint32_t stranded = xc_evsig_word_key("stranded", 8);
  for (int k = 0; k < 2; k++) {
    sig(&s, 40, 30, 0, XC_SIG_NODATE);
    s.qty[0] = (xc_sig_qty){stranded, k ? second : first};
    s.nqty = 1;
    xc_clusterer_add(c, &s, -1, 0);
  }
  sig(&s, 20, 30, 0, XC_SIG_NODATE);
  s.qty[0] = (xc_sig_qty){stranded, mine};
  s.nqty = 1;
  return last_joins_first(c, &s);
}

/* A report that counts what the story counts, with another number, is a
 * look-alike ("2 stranded" against "28 stranded"); the same number, or a
 * story whose count already varies (a toll that rose), is no sign. */
TEST(cluster_counts_apart) {
  CHECK(joins_counting(280, 280, 280));
  CHECK(!joins_counting(280, 280, 20));
  CHECK(joins_counting(280, 300, 20));
}

/* ---- the pipeline on the fixture ---- */

#define STORIES "tests/fixtures/stories/"

static const xc_story *story_of(const xc_analysis *a, const char *file) {
  for (size_t i = 0; i < a->ndocs; i++) {
    const char *p = a->docs[i].path;
    size_t n = strlen(p), m = strlen(file);
    if (n >= m && !strcmp(p + n - m, file)) return &a->stories[a->docs[i].story];
  }
  return NULL;
}

static int related(const xc_analysis *a, const xc_story *s, const xc_story *t) {
  for (size_t k = 0; k < s->nrelated; k++)
    if (&a->stories[s->related[k]] == t) return 1;
  return 0;
}

TEST(cluster_fixture_two_fires_and_a_council_vote) {
  static const char *const files[] = {"a1-lindmark-courier.md", "a2-valley-post.md",
                                      "a3-radio-north.txt",     "b1-harbour-gazette.md",
                                      "b2-coast-daily.md",      "c1-lindmark-council.md"};
  xc_analysis *a = xc_analysis_new();
  xc_err err;
  for (size_t i = 0; i < 6; i++) {
    char path[256];
    snprintf(path, sizeof path, STORIES "%s", files[i]);
    CHECK(xc_analysis_add_file(a, path, &err) == 0);
  }
  xc_analysis_finish(a);
  CHECK(a->nstories == 3);
  const xc_story *fa = story_of(a, files[0]), *fb = story_of(a, files[3]),
                 *vote = story_of(a, files[5]);
  CHECK(fa && fb && vote);
  if (!fa || !fb || !vote) {
    xc_analysis_free(a);
    return;
  }
  CHECK(story_of(a, files[1]) == fa && story_of(a, files[2]) == fa);
  CHECK(story_of(a, files[4]) == fb);
  CHECK(fa != fb && vote != fa && vote != fb);
  CHECK_STR(fa->date, "2031-03-02");
  CHECK_STR(fb->date, "2031-03-11");
  CHECK_STR(vote->date, "2031-04-15"); /* "on Tuesday", the day before it was published */
  CHECK(related(a, vote, fa) && related(a, fa, vote));
  xc_analysis_free(a);
}

/* Two dated reports of an event (words 0..29), then an undated report of
 * a look-alike (words 100..129, naming a day it cannot place), then an
 * undated report that names a day too and shares `own` words with the
 * event and `other` with the look-alike (the rest its own). Returns 1
 * when it joins the event, 2 the look-alike, 0 neither. */
static int undated_choice(unsigned own, unsigned other) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  for (int k = 0; k < 2; k++) {
    sig(&s, 0, 30, 0, day(2030, 5, 1));
    xc_clusterer_add(c, &s, -1, 0);
  }
  sig(&s, 100, 30, 0, XC_SIG_NODATE);
  s.unplaced = 1;
  xc_clusterer_add(c, &s, -1, 0);
  sig(&s, 0, own + other + 10, 0, XC_SIG_NODATE);
  for (unsigned i = 0; i < other; i++) s.words[own + i].key = 1000 + 100 + i;
  for (unsigned i = 0; i < 10; i++) s.words[own + other + i].key = 1000 + 300 + i;
  s.unplaced = 1;
  uint32_t t = xc_clusterer_add(c, &s, -1, 0);
  int r = t == xc_clusterer_story_of(c, 0) ? 1 : t == xc_clusterer_story_of(c, 2) ? 2 : 0;
  xc_evsig_release(&s);
  xc_clusterer_free(c);
  return r;
}

/* An undated report that names a day it cannot place is in doubt against
 * a dated story (it may tell of another occasion): the doubt holds it
 * back from joining, yet among the stories it could join it takes the
 * one it shares most with, not an undated look-alike that came first. */
TEST(cluster_doubt_counts_against_joining_not_in_the_choice) {
  CHECK(undated_choice(18, 8) == 1);  /* ranked with the doubt: 2 */
  CHECK(undated_choice(18, 12) == 2); /* more in common with the look-alike */
  CHECK(undated_choice(14, 2) == 0);  /* too little of the event, with the doubt */
}

/* Peeking gives the score a report would have with its best story and
 * adds nothing. */
TEST(cluster_peek) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  sig(&s, 0, 30, 77, day(2030, 5, 1));
  xc_clusterer_add(c, &s, -1, 0);
  sig(&s, 500, 30, 91, day(2030, 5, 1)); /* nothing in common */
  xc_clusterer_observe(c, &s);
  CHECK(xc_clusterer_peek(c, &s) == -HUGE_VAL);
  sig(&s, 5, 30, 77, day(2030, 5, 2));
  xc_clusterer_observe(c, &s);
  double close = xc_clusterer_peek(c, &s);
  sig(&s, 20, 30, 77, day(2030, 5, 2));
  xc_clusterer_observe(c, &s);
  double far = xc_clusterer_peek(c, &s);
  CHECK(close > far && far > 0);
  CHECK(xc_clusterer_count(c) == 1);
  xc_evsig_release(&s);
  xc_clusterer_free(c);
}

/* A number keeps the word it counts: "20 miles" and "minus 20 degrees"
 * have no number in common; "20 miles" and "20 mile" do; a year, or a
 * number before a function word, stays bare. */
static int has_word(const xc_evsig *s, const char *w, int number) {
  for (size_t i = 0; i < s->nwords; i++)
    if (s->words[i].key == xc_evsig_word_key(w, strlen(w)))
      return number < 0 || (s->words[i].type == XC_SIG_NUMBER) == number;
  return 0;
}

TEST(cluster_signature_numbers_with_units) {
  xc_evsig s;
  xc_evsig_init(&s);
  sig_of(&s, NULL, "The convoy stopped 20 miles north of Tollen, where it was minus 20 degrees. "
                   "In 2031 the road had closed for 40 of the 90 days of winter.\n", NULL);
  CHECK(has_word(&s, "20 mile", 1));
  CHECK(has_word(&s, "20 degree", 1));
  CHECK(!has_word(&s, "20", -1));
  CHECK(has_word(&s, "2031", 0));
  CHECK(has_word(&s, "40", 1));
  CHECK(has_word(&s, "90 day", 1));
  xc_evsig_release(&s);
}

/* Two dated reports of an event (words 0..29), then two undated reports
 * of another event, given hesitant first: one shares `a` of the event's
 * words and `b` of its partner's (words 100..129), the other has its
 * own words alone. Returns 1 when the two undated reports end in one
 * story apart from the event, adding them in the order
 * xc_clusterer_order_undated gives (ordered) or as given. */
static int undated_pair_apart(unsigned a, unsigned b, int ordered) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0}, u[2] = {{0}, {0}};
  for (int k = 0; k < 2; k++) {
    sig(&s, 0, 30, 0, day(2030, 5, 1));
    xc_clusterer_add(c, &s, -1, 0);
  }
  sig(&u[0], 0, a + b, 0, XC_SIG_NODATE);
  for (unsigned i = 0; i < b; i++) u[0].words[a + i].key = 1000 + 100 + i;
  sig(&u[1], 100, 30, 0, XC_SIG_NODATE);
  const xc_evsig *p[2] = {&u[0], &u[1]};
  int copy[2] = {0, 0};
  size_t order[2] = {0, 1};
  for (int k = 0; k < 2; k++) xc_clusterer_observe(c, p[k]);
  if (ordered) xc_clusterer_order_undated(c, p, copy, 2, order);
  for (int k = 0; k < 2; k++) xc_clusterer_add(c, p[order[k]], -1, 1);
  int r = xc_clusterer_story_of(c, 2) == xc_clusterer_story_of(c, 3) &&
          xc_clusterer_story_of(c, 2) != xc_clusterer_story_of(c, 0);
  xc_evsig_release(&s), xc_evsig_release(&u[0]), xc_evsig_release(&u[1]);
  xc_clusterer_free(c);
  return r;
}

/* The hesitant report first joins the dated event and takes its partner
 * along, or leaves it a story of its own; farthest first, the partner
 * starts the story the hesitant one then joins. */
TEST(cluster_undated_reports_farthest_first) {
  CHECK(!undated_pair_apart(10, 20, 0));
  CHECK(undated_pair_apart(10, 20, 1));
  CHECK(undated_pair_apart(4, 20, 1)); /* little of the event: apart in any order */
  CHECK(undated_pair_apart(4, 20, 0));
}

/* Two dated reports of one event (words 20..49, naming person `who`
 * three times each; 0: nobody), then an undated weak match that names a
 * day it cannot place: held back on arrival by its doubt. Returns 1 when
 * it joins at the end of the batch (late binding). */
static int lone_undated_settles(uint32_t who) {
  xc_clusterer *c = xc_clusterer_new();
  xc_evsig s = {0};
  for (int k = 0; k < 2; k++) {
    sig(&s, 20, 30, who, day(2030, 5, 1));
    xc_clusterer_add(c, &s, -1, 0);
  }
  weak_match(&s);
  s.unplaced = 2;
  uint32_t t = xc_clusterer_add(c, &s, -1, 0);
  int r = t != xc_clusterer_story_of(c, 0);
  xc_clusterer_settle(c);
  r &= xc_clusterer_story_of(c, 2) == xc_clusterer_story_of(c, 0);
  xc_evsig_release(&s);
  xc_clusterer_free(c);
  return r;
}

/* By the end of a batch no other report told of another occasion: the
 * lone undated report joins, unless something speaks against it (the
 * story's main person left out). */
TEST(cluster_lone_undated_report_settles_without_its_doubt) {
  CHECK(lone_undated_settles(0));
  CHECK(!lone_undated_settles(77));
}

/* The year an undated report's dates name most often; none when it has a
 * publication date (its event date says more). */
TEST(cluster_signature_text_year) {
  xc_evsig s;
  xc_evsig_init(&s);
  const char *text = "The ferry ran aground off Tarrow on 3 December 2029. Divers inspected the "
                     "hull in December 2029. A sister ship sank there in 2011.\n";
  sig_of(&s, NULL, text, NULL);
  CHECK(s.year == 2029);
  sig_of(&s, NULL, text, "2029-12-05");
  CHECK(s.year == 0);
  xc_evsig_release(&s);
}

/* With a small budget for the analyses kept between grouping and the
 * cross-check, every report is analysed again for its story: the memory
 * of a million-report batch stays bounded, and the result is the same. */
TEST(engine_bounded_language_memory_same_result) {
  static const char *const dirs[] = {"tests/fixtures/crosscheck/bay-dispatch.md",
                                     "tests/fixtures/crosscheck/coast-radio.txt",
                                     "tests/fixtures/crosscheck/harbour-times.md",
                                     "tests/fixtures/crosscheck/northern-wire.txt",
                                     "tests/fixtures/crosscheck/saltmere-gazette.html",
                                     STORIES "a1-lindmark-courier.md", STORIES "a2-valley-post.md",
                                     STORIES "c1-lindmark-council.md"};
  xc_buf out[2];
  for (int run = 0; run < 2; run++) {
    xc_analysis *a = xc_analysis_new();
    a->lang_keep = run ? 1 : 0; /* run 1: nothing kept past the first report */
    xc_err err;
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) CHECK(xc_analysis_add_file(a, dirs[i], &err) == 0);
    xc_analysis_finish(a);
    xc_buf_init(&out[run]);
    xc_brief_json(a, &out[run], 0);
    xc_analysis_free(a);
  }
  CHECK(out[0].n > 1000 && out[0].n == out[1].n && !memcmp(out[0].p, out[1].p, out[0].n));
  xc_buf_release(&out[0]);
  xc_buf_release(&out[1]);
}

/* The type of the person whose name is p in s's names (-1: none). */
static int person_type(const xc_evsig *s, const char *p) {
  uint32_t k = xc_evsig_name_key(p, strlen(p), XC_NER_PER);
  for (size_t i = 0; i < s->nnames; i++)
    if (s->names[i].key == k) return s->names[i].type;
  return -1;
}

/* A person named only next to a plain verb of saying (after it, or after
 * an apposition; before it, inverted; or after "according to") is a
 * source; one named once in a part of the event is not, whatever else
 * they say. */
TEST(cluster_signature_sources_of_what_is_said) {
  xc_evsig s;
  xc_evsig_init(&s);
  sig_of(&s, NULL,
         "Police arrested Marek Olsen on Tuesday after the break-in at the Tollen depot. "
         "Olsen said he had been at home.\n\n"
         "Greta Lindqvist, a security consultant in Harwick, said such depots are easy targets. "
         "\"Nobody watches the gates at night,\" said depot manager Tomas Verhoeven. "
         "According to Inger Dahl, the depot had no alarm.\n",
         NULL);
  CHECK(person_type(&s, "Marek Olsen") == XC_NER_PER);
  CHECK(person_type(&s, "Greta Lindqvist") == (XC_NER_PER | XC_SIG_SOURCE));
  CHECK(person_type(&s, "Tomas Verhoeven") == (XC_NER_PER | XC_SIG_SOURCE));
  CHECK(person_type(&s, "Inger Dahl") == (XC_NER_PER | XC_SIG_SOURCE));
  xc_evsig_release(&s);
}
