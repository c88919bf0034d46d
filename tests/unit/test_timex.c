/* test_timex.c - the time-expression tagger on invented news sentences:
 * explicit dates in news formats, weekdays resolved by the creation date
 * and tense, months and seasons without a year, relative and anaphoric
 * expressions, durations, sets, times of day, year boundaries and leap
 * years, extents (what stays inside), and malformed input. */
#include <stdlib.h>

#include "core/core.h"
#include "test.h"
#include "time/timex.h"

/* The expressions of s resolved against dct ("YYYY-MM-DD" or NULL), as
 * "text|TYPE|value" joined by " ; ". Static buffer: one call per CHECK. */
static const char *tag(const char *s, const char *dct) {
  static char out[4096];
  xc_date d;
  int have = dct && xc_timex_parse_date(dct, strlen(dct), &d) == 0;
  xc_timexv v;
  xc_timexv_init(&v);
  xc_timex_tag(s, strlen(s), have ? &d : NULL, &v);
  out[0] = 0;
  size_t n = 0;
  for (size_t i = 0; i < v.n && n < sizeof out - 200; i++)
    n += (size_t)snprintf(out + n, sizeof out - n, "%s%.*s|%s|%s", i ? " ; " : "",
                          (int)(v.v[i].end - v.v[i].start), s + v.v[i].start,
                          xc_timex_type_name(v.v[i].type), v.v[i].value);
  xc_timexv_release(&v);
  return out;
}

TEST(timex_lexicon_sorted) { CHECK(xc_timex_lexicon_ok()); }

TEST(timex_parse_date) {
  xc_date d;
  CHECK(xc_timex_parse_date("2024-02-29", 10, &d) == 0 && d.y == 2024 && d.m == 2 && d.d == 29);
  CHECK(xc_timex_parse_date("2023-02-29", 10, &d) < 0); /* not a leap year */
  CHECK(xc_timex_parse_date("1900-02-29", 10, &d) < 0); /* centuries are not */
  CHECK(xc_timex_parse_date("2000-02-29", 10, &d) == 0); /* but every 400th is */
  CHECK(xc_timex_parse_date("2024-13-01", 10, &d) < 0);
  CHECK(xc_timex_parse_date("2024-04-31", 10, &d) < 0);
  CHECK(xc_timex_parse_date("2024-4-3", 8, &d) < 0);
  CHECK(xc_timex_parse_date("yesterday!", 10, &d) < 0);
  CHECK(xc_timex_parse_date("", 0, &d) < 0);
  CHECK(xc_timex_parse_date(NULL, 10, &d) < 0);
}

TEST(timex_explicit_dates) {
  CHECK_STR(tag("The ferry sank on March 3, 2021, near Veltmark.", "2021-03-05"),
            "March 3, 2021|DATE|2021-03-03");
  CHECK_STR(tag("Filings closed Sept. 30, 2019 and reopened 4 October 2019.", "2019-10-10"),
            "Sept. 30, 2019|DATE|2019-09-30 ; 4 October 2019|DATE|2019-10-04");
  CHECK_STR(tag("The audit is dated 2017-06-14 and the memo 6/15/17.", "2017-07-01"),
            "2017-06-14|DATE|2017-06-14 ; 6/15/17|DATE|2017-06-15");
  CHECK_STR(tag("The mill opened in August 1988 and closed in 2004.", "2020-01-01"),
            "August 1988|DATE|1988-08 ; 2004|DATE|2004");
  CHECK_STR(tag("It was signed on Tuesday, June 2.", "2020-06-10"),
            "Tuesday, June 2|DATE|2020-06-02");
  CHECK_STR(tag("The mayor took office on the 5th of May.", "2022-05-20"),
            "the 5th of May|DATE|2022-05-05");
  /* not dates: a modal "may", a first name, a sum, a day that does not exist */
  CHECK_STR(tag("Officials may close the bridge, April Lund said.", "2022-05-20"), "");
  CHECK_STR(tag("It cost $1990 and sold 1,995 units.", "2022-05-20"), "");
  CHECK_STR(tag("Payment is due Feb. 30 or so.", "2022-05-20"), "");
}

TEST(timex_weekdays_follow_dct_and_tense) {
  /* 2024-03-13 is a Wednesday */
  CHECK_STR(tag("The council voted Monday to close the pier.", "2024-03-13"),
            "Monday|DATE|2024-03-11");
  CHECK_STR(tag("The council will vote Monday on the pier.", "2024-03-13"),
            "Monday|DATE|2024-03-18");
  CHECK_STR(tag("The mayor said Wednesday that the pier would close.", "2024-03-13"),
            "Wednesday|DATE|2024-03-13");
  CHECK_STR(tag("The pier is scheduled to reopen Friday.", "2024-03-13"),
            "Friday|DATE|2024-03-15");
  CHECK_STR(tag("The pier had been scheduled to reopen Friday.", "2024-03-13"),
            "Friday|DATE|2024-03-08");
  CHECK_STR(tag("Divers searched the harbour last Friday and will return next Friday.",
                "2024-03-13"),
            "last Friday|DATE|2024-03-08 ; next Friday|DATE|2024-03-15");
  CHECK_STR(tag("The storm hit on Friday night.", "2024-03-13"),
            "Friday night|TIME|2024-03-08TNI");
  /* across a year boundary: the Tuesday before Friday 2021-01-01 */
  CHECK_STR(tag("Crews worked through Tuesday.", "2021-01-01"), "Tuesday|DATE|2020-12-29");
}

TEST(timex_months_without_a_year) {
  /* a month after the DCT in a past sentence: last year's */
  CHECK_STR(tag("The plant was shut in December.", "2023-02-10"), "December|DATE|2022-12");
  /* before the DCT in a future sentence: next year's */
  CHECK_STR(tag("The plant will reopen in January.", "2023-11-10"), "January|DATE|2024-01");
  /* no tense: the nearer one */
  CHECK_STR(tag("Shares are payable to holders Jan. 4.", "2023-11-10"),
            "Jan. 4|DATE|2024-01-04");
  CHECK_STR(tag("Dividends of record on Dec. 1.", "2023-02-10"), "Dec. 1|DATE|2022-12-01");
  CHECK_STR(tag("The board met last May and meets again this September.", "2023-02-10"),
            "last May|DATE|2022-05 ; this September|DATE|2023-09");
  CHECK_STR(tag("Talks resumed in July last year.", "2023-02-10"),
            "July last year|DATE|2022-07");
  /* a date named with its weekday picks the year it fits */
  CHECK_STR(tag("The vote was held on Sunday, Dec. 31.", "2024-01-05"),
            "Sunday, Dec. 31|DATE|2023-12-31");
}

TEST(timex_tense_cues) {
  /* 2024-03-13 is a Wednesday */
  /* a passive takes its tense from the auxiliary before "be" */
  CHECK_STR(tag("The summit will still be held on June 4.", "2024-08-20"),
            "June 4|DATE|2025-06-04");
  /* a deadline lies ahead even after a past verb */
  CHECK_STR(tag("The vote was postponed until Friday.", "2024-03-13"),
            "Friday|DATE|2024-03-15");
  /* "planned" as an adjective or "plans" as a noun say nothing of time */
  CHECK_STR(tag("He cut short vacation plans on Monday.", "2024-03-13"),
            "Monday|DATE|2024-03-11");
  CHECK_STR(tag("The talks are planned for Monday.", "2024-03-13"), "Monday|DATE|2024-03-18");
}

/* Plans point at the day after them; the past perfect looks back even
 * from a deadline; a weekday in the possessive names reported news.
 * Sentence, then what it tags, against Wednesday 2024-03-13. */
TEST(timex_plans_deadlines_possessives) {
  static const char *const cases[][2] = {
      {"The union has scheduled a rally Friday outside the mill.", "Friday|DATE|2024-03-15"},
      {"Farmers planned a tractor parade in the old town on Saturday.",
       "Saturday|DATE|2024-03-16"},
      {"Growers were planning to block the ring road on Monday.", "Monday|DATE|2024-03-18"},
      {"The crew planned to sail from the harbour on Thursday.", "Thursday|DATE|2024-03-14"},
      /* after the date, "planned to" dates the planning */
      {"On Monday, the council planned to sell the pier.", "Monday|DATE|2024-03-11"},
      /* "had scheduled" stays in the past */
      {"The board had scheduled a vote Friday.", "Friday|DATE|2024-03-08"},
      {"Until Tuesday, the police had not named the driver.", "Tuesday|DATE|2024-03-12"},
      {"The ban stays in force until Tuesday.", "Tuesday|DATE|2024-03-19"},
      {"The growers said they would appeal against Monday's verdict in the case.",
       "Monday|DATE|2024-03-11"},
      {"The growers said they would march on Monday.", "Monday|DATE|2024-03-18"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    CHECK_STR(tag(cases[i][0], "2024-03-13"), cases[i][1]);
}

/* Cues a word or two away, and expressions anchored on a day they name:
 * sentence, DCT, what it tags. */
TEST(timex_cues_and_anchors) {
  static const char *const cases[][3] = {
      /* "plans for" is the noun; "next to" is a place, not the future */
      {"On Monday, holiday plans for the flood visit were dropped.", "2024-03-13",
       "Monday|DATE|2024-03-11"},
      {"Nobody has yet claimed the fire in the depot next to the docks on Monday.",
       "2024-03-13", "Monday|DATE|2024-03-11"},
      /* the verb a date hangs on usually comes first, even a dozen words
       * back, and outweighs an "-ed" word after */
      {"The ferry line will nearly triple its crossings between Dunmore and the islands by "
       "June in a push for routes untouched by the strike.",
       "2031-02-10", "June|DATE|2031-06"},
      /* a holiday week is its ISO week, begun by its Monday (Easter 2024 is
       * March 31, in week 13, which begins March 25) */
      {"Pilgrims gathered as Easter week began.", "2024-03-26", "Easter week|DATE|2024-W13"},
      {"Pilgrims gathered as Easter week began.", "2024-03-20", "Easter week|DATE|2023-W14"},
      {"Pilgrims gathered as Easter week began.", NULL, "Easter week|DATE|XXXX-WXX"},
      /* "this past spring" is the last one begun: this year's once it has */
      {"The dockers struck this past spring.", "2021-10-30", "this past spring|DATE|2021-SP"},
      {"The dockers struck this past autumn.", "2021-04-02", "this past autumn|DATE|2020-FA"},
      /* "the week of" a day is that day's ISO week */
      {"The trial opens the week of March 9, the clerk said.", "2020-02-20",
       "the week of March 9|DATE|2020-W11"},
      /* "the day before" a named day */
      {"The day before last Monday's vote, the mayor resigned.", "2020-02-20",
       "The day before last Monday|DATE|2020-02-16"},
      /* "one day" after a modal is some day ahead, not a length */
      {"Ferries will one day cross the bay by tunnel.", "2020-03-01", "one day|DATE|FUTURE_REF"},
      {"The fair lasted one day.", "2020-03-01", "one day|DURATION|P1D"},
      /* a day after an aside in parentheses dates the time, outside it */
      {"The quake struck at 9:15 a.m. (0115 GMT) Friday, officials said.", "2020-03-01",
       "9:15 a.m.|TIME|2020-02-28T09:15 ; Friday|DATE|2020-02-28"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    CHECK_STR(tag(cases[i][0], cases[i][1]), cases[i][2]);
}

/* A date something takes effect or falls due on is ahead; an "-ed"
 * adjective after a determiner ("a still unsettled date") shows no tense. */
TEST(timex_due_dates_and_adjectives) {
  CHECK_STR(tag("The merged board takes over, effective Feb. 1.", "2031-10-26"),
            "Feb. 1|DATE|2032-02-01");
  CHECK_STR(tag("The bonus will be paid on a still unsettled date in January.", "2031-10-26"),
            "January|DATE|2032-01");
  CHECK_STR(tag("The ferry company sold two boats in January.", "2031-10-26"),
            "January|DATE|2031-01");
}

TEST(timex_holidays) {
  CHECK_STR(tag("The boy was found on Thanksgiving Day.", "1999-12-02"),
            "Thanksgiving Day|DATE|1999-11-25");
  CHECK_STR(tag("Voters go to the polls on Election Day.", "2024-10-01"),
            "Election Day|DATE|2024-11-05");
  CHECK_STR(tag("Easter came early and Christmas Eve was calm.", "2024-12-30"),
            "Easter|DATE|2024-03-31 ; Christmas Eve|DATE|2024-12-24");
  CHECK_STR(tag("The fire broke out on New Year's Eve.", "2024-01-03"),
            "New Year's Eve|DATE|2023-12-31");
  /* titles are not times */
  CHECK_STR(tag("She spoke on \"60 Minutes\" about \"High Noon\".", "2024-01-03"), "");
}

TEST(timex_seasons) {
  CHECK_STR(tag("Work starts this summer; it stopped in spring last year.", "2021-04-02"),
            "this summer|DATE|2021-SU ; spring last year|DATE|2020-SP");
  CHECK_STR(tag("Floods came in the winter of 1994.", "2021-04-02"),
            "the winter of 1994|DATE|1994-WI");
  CHECK_STR(tag("A fall in prices followed the spring of water.", "2021-04-02"), "");
}

TEST(timex_relative_and_deictic) {
  /* 2020-01-08 is a Wednesday in ISO week 2 */
  CHECK_STR(tag("The report came out last week.", "2020-01-08"), "last week|DATE|2020-W01");
  CHECK_STR(tag("The report came out last week.", "2020-01-02"), "last week|DATE|2019-W52");
  CHECK_STR(tag("Yesterday the river rose; today it fell; tomorrow it may rise.", "2020-03-01"),
            "Yesterday|DATE|2020-02-29 ; today|DATE|2020-03-01 ; tomorrow|DATE|2020-03-02");
  CHECK_STR(tag("He left four years ago and returned earlier this month.", "2020-03-01"),
            "four years ago|DATE|2016 ; earlier this month|DATE|2020-03");
  CHECK_STR(tag("Sales grew this year after falling last year.", "2020-03-01"),
            "this year|DATE|2020 ; last year|DATE|2019");
  CHECK_STR(tag("It happened three months ago.", "2020-01-15"),
            "three months ago|DATE|2019-10");
  CHECK_STR(tag("Now the port is busy, and recently it hired 40 staff.", "2020-03-01"),
            "Now|DATE|PRESENT_REF ; recently|DATE|PAST_REF");
  CHECK_STR(tag("The plan may change in the future.", "2020-03-01"),
            "the future|DATE|FUTURE_REF");
  CHECK_STR(tag("The storm hit on May 4, 2019. The next day, the roads were closed.",
                "2020-03-01"),
            "May 4, 2019|DATE|2019-05-04 ; The next day|DATE|2019-05-05");
  CHECK_STR(tag("The mill closed in 2012. A year earlier it had 400 workers.", "2020-03-01"),
            "2012|DATE|2012 ; A year earlier|DATE|2011");
  CHECK_STR(tag("Results are due by the end of the year.", "2020-03-01"),
            "the end of the year|DATE|2020");
  CHECK_STR(tag("Rents rose in the 1990s and in the mid-1980s.", "2020-03-01"),
            "the 1990s|DATE|199 ; the mid-1980s|DATE|198");
  CHECK_STR(tag("It was built in the 19th century.", "2020-03-01"),
            "the 19th century|DATE|18");
}

TEST(timex_quarters) {
  CHECK_STR(tag("Third-quarter profit rose from a year ago.", "1999-10-20"),
            "Third-quarter|DATE|1999-Q3 ; a year ago|DATE|1998-Q3");
  CHECK_STR(tag("Sales fell in the fourth quarter.", "2000-01-20"),
            "the fourth quarter|DATE|1999-Q4");
  CHECK_STR(tag("Profit doubled in the first half of 2001.", "2001-08-20"),
            "the first half of 2001|DATE|2001-H1");
}

TEST(timex_durations) {
  CHECK_STR(tag("The strike lasted three years.", "2020-03-01"), "three years|DURATION|P3Y");
  CHECK_STR(tag("A two-day summit opened.", "2020-03-01"), "two-day|DURATION|P2D");
  CHECK_STR(tag("The dam has stood for more than a decade.", "2020-03-01"),
            "more than a decade|DURATION|P10Y");
  CHECK_STR(tag("Rain fell for 2 1/2 hours and then for a minute and a half.", "2020-03-01"),
            "2 1/2 hours|DURATION|PT2H30M ; a minute and a half|DURATION|PT1M30S");
  CHECK_STR(tag("Prices fell in the past three months.", "2020-03-01"),
            "the past three months|DURATION|P3M");
  CHECK_STR(tag("Rescuers searched for several days.", "2020-03-01"),
            "several days|DURATION|PXD");
  CHECK_STR(tag("The talks could take two to three weeks.", "2020-03-01"),
            "two to three weeks|DURATION|P2W");
  /* ages are not durations */
  CHECK_STR(tag("A 27-year-old man and his five-year-old son were hurt.", "2020-03-01"), "");
}

TEST(timex_sets) {
  CHECK_STR(tag("The ferry sails every week and the bus each month.", "2020-03-01"),
            "every week|SET|P1W ; each month|SET|P1M");
  CHECK_STR(tag("Inspectors visit annually and report daily.", "2020-03-01"),
            "annually|SET|P1Y ; daily|SET|P1D");
  CHECK_STR(tag("The market opens each Thursday and every July.", "2020-03-01"),
            "each Thursday|SET|XXXX-WXX-4 ; every July|SET|XXXX-07");
  CHECK_STR(tag("The plant makes 400 engines a year.", "2020-03-01"), "a year|SET|P1Y");
}

TEST(timex_times_of_day) {
  CHECK_STR(tag("The blast came at 3:30 p.m. on the pier.", "2020-03-01"),
            "3:30 p.m.|TIME|2020-03-01T15:30");
  CHECK_STR(tag("The offer expires at 5 p.m. EST Nov. 9.", "2020-11-02"),
            "5 p.m. EST Nov. 9|TIME|2020-11-09T17:00");
  CHECK_STR(tag("Officials met this morning and again last night.", "2020-03-01"),
            "this morning|TIME|2020-03-01TMO ; last night|TIME|2020-02-29TNI");
  CHECK_STR(tag("Firemen arrived Friday morning.", "2020-03-01"),
            "Friday morning|TIME|2020-02-28TMO");
  CHECK_STR(tag("The gates close at noon.", "2020-03-01"), "noon|TIME|2020-03-01T12:00");
  /* a score is not a time */
  CHECK_STR(tag("The home side won 3:1 after extra time.", "2020-03-01"), "");
}

TEST(timex_extents) {
  /* "the" belongs to a nominal expression, not to one that modifies a noun */
  CHECK_STR(tag("The two-year contract ends soon.", "2020-03-01"),
            "two-year|DURATION|P2Y ; soon|DATE|FUTURE_REF");
  CHECK_STR(tag("The 1987 crash is still remembered.", "2020-03-01"), "1987|DATE|1987");
  /* approximations stay in, prepositions stay out */
  CHECK_STR(tag("He waited for nearly two hours, within about a week.", "2020-03-01"),
            "nearly two hours|DURATION|PT2H ; about a week|DURATION|P1W");
  CHECK_STR(tag("Three days later the road opened.", "2020-03-01"), "Three days|DURATION|P3D");
}

TEST(timex_without_dct) {
  CHECK_STR(tag("He left yesterday and returns in 2031.", NULL),
            "yesterday|DATE|XXXX-XX-XX ; 2031|DATE|2031");
  CHECK_STR(tag("It closed last week.", NULL), "last week|DATE|XXXX-WXX");
  /* a weekday with no week to place it in keeps its day of the week */
  CHECK_STR(tag("The mill shut on Saturday and reopened at 6 p.m. Tuesday.", NULL),
            "Saturday|DATE|XXXX-WXX-6 ; 6 p.m. Tuesday|TIME|XXXX-WXX-2T18:00");
}

TEST(timex_leap_years) {
  CHECK_STR(tag("The count ended yesterday.", "2024-03-01"), "yesterday|DATE|2024-02-29");
  CHECK_STR(tag("The count ended yesterday.", "2023-03-01"), "yesterday|DATE|2023-02-28");
  CHECK_STR(tag("The count ended yesterday.", "2100-03-01"), "yesterday|DATE|2100-02-28");
  CHECK_STR(tag("It reopened on Feb. 29.", "2024-03-05"), "Feb. 29|DATE|2024-02-29");
  CHECK_STR(tag("They met a year ago.", "2024-02-29"), "a year ago|DATE|2023");
  /* ISO weeks: 2020-12-31 is in week 53 of 2020, 2021-01-03 too */
  CHECK_STR(tag("Trading was thin this week.", "2021-01-03"), "this week|DATE|2020-W53");
}

TEST(timex_malformed_input) {
  xc_timexv v;
  xc_timexv_init(&v);
  xc_date d = {2020, 3, 1};
  /* invalid UTF-8, lone hyphens and apostrophes, empty text: no crash */
  const char bad[] = "\xff\xfe On \xc3 Friday - -- ' '' 19\xe2\x80 Sept. , , 2020";
  CHECK(xc_timex_tag(bad, sizeof bad - 1, &d, &v) == 0);
  CHECK(xc_timex_tag("", 0, &d, &v) == 0 && v.n == 0);
  /* offsets always inside the text and in order */
  const char *s = "Monday-Tuesday 12:00-14:00 1990s-2000s 3rd-4th quarters 1,000,000,000,000 years";
  CHECK(xc_timex_tag(s, strlen(s), &d, &v) == 0);
  for (size_t i = 0; i < v.n; i++) {
    CHECK(v.v[i].start < v.v[i].end && v.v[i].end <= strlen(s));
    if (i) CHECK(v.v[i - 1].end <= v.v[i].start);
  }
  /* counts beyond any calendar */
  CHECK_STR(tag("Dinosaurs died out 66,000,000 years ago, 2,000,000,000 days ago.", "2020-03-01"),
            "66,000,000 years ago|DATE|PAST_REF ; 2,000,000,000 days ago|DATE|PAST_REF");
  CHECK_STR(tag("It lasted 2,000,000,000 decades.", "2020-03-01"),
            "2,000,000,000 decades|DURATION|P20000000000Y");
  /* a bad DCT is ignored rather than trusted */
  xc_date nonsense = {2020, 2, 31};
  CHECK(xc_timex_tag("It rained yesterday.", 20, &nonsense, &v) == 0 && v.n == 1 &&
        strcmp(v.v[0].value, "XXXX-XX-XX") == 0);
  /* a long run of number words and units stays linear and bounded */
  xc_buf b;
  xc_buf_init(&b);
  for (int i = 0; i < 20000; i++) xc_buf_puts(&b, "twenty-two years and the next ");
  CHECK(xc_timex_tag(b.p, b.n, &d, &v) == 0 && v.n >= 20000);
  xc_buf_release(&b);
  xc_timexv_release(&v);
  CHECK(strcmp(xc_timex_type_name(XC_TIMEX_SET), "SET") == 0);
  CHECK(strcmp(xc_timex_type_name(99), "?") == 0);
}
