/* timex.c - a rule-based tagger and normaliser for time expressions in
 * English news (TimeML TIMEX3: DATE, TIME, DURATION, SET), after the design
 * of HeidelTime (Strötgen & Gertz, 2013) but written as a scanner, not as
 * regular expressions: the text is cut into fine tokens (src/lang's tokens
 * with hyphenated words and "5pm" split), each looked up once in a small
 * lexicon; at each token hand-written recognisers try the shapes news uses
 * ("Sept. 30, 1999", "last week", "the past three months", "5 p.m. EST"),
 * after optional modifiers that TimeML keeps inside the extent ("the",
 * "nearly", "early", "the end of"); the longest match wins. Values are
 * resolved against the creation date (DCT), the tense of the sentence
 * (for "Friday" and "in December") and the dates the document mentioned
 * last (for "the next day", "a year earlier", "the quarter"). */
#include "time/timex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "lang/sentence.h"
#include "lang/token.h"

/* ==== calendar arithmetic (days since 1970-01-01, proleptic Gregorian) ==== */

/* The day number of y-m-d (Hinnant's days_from_civil: years start in
 * March so that the leap day is the last day of the year). */
static long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

long xc_timex_day_number(const xc_date *d) { return days_from_civil(d->y, d->m, d->d); }

void xc_timex_day_date(long z, xc_date *out) { civil_from_days(z, &out->y, &out->m, &out->d); }

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
  static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* ISO weekday: 1 = Monday .. 7 = Sunday (day 0 was a Thursday). */
static int weekday(long z) { return (int)(((z % 7) + 7 + 3) % 7) + 1; }

/* ISO 8601 week: the week's year is the year of its Thursday. */
static void iso_week(long z, int *wy, int *wk) {
  long thu = z + 4 - weekday(z);
  int y, m, d;
  civil_from_days(thu, &y, &m, &d);
  *wy = y;
  *wk = (int)((thu - days_from_civil(y, 1, 1)) / 7) + 1;
}

int xc_timex_parse_date(const char *s, size_t n, xc_date *out) {
  if (!s || n != 10 || s[4] != '-' || s[7] != '-') return XC_EINVAL;
  int v[3] = {0, 0, 0};
  static const int at[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < len[k]; i++) {
      char ch = s[at[k] + i];
      if (ch < '0' || ch > '9') return XC_EINVAL;
      v[k] = v[k] * 10 + (ch - '0');
    }
  if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1]))
    return XC_EINVAL;
  out->y = v[0], out->m = v[1], out->d = v[2];
  return 0;
}

/* ==== the lexicon ==== */

/* What a word can be; a word may have several entries (e.g. "second" is an
 * ordinal and a unit), kept next to each other. */
enum {
  L_KW = 1, /* keyword: val is a K_* */
  L_MONTH,  /* val 1-12; fl A_ABBR for "Sept" */
  L_WDAY,   /* val 1-7 (Monday = 1); fl A_PLURAL for "Fridays" */
  L_UNIT,   /* val U_*; fl A_PLURAL */
  L_NUM,    /* cardinal number word: val */
  L_ORD,    /* ordinal word: val */
  L_SEASON, /* val S_*; fl A_PLURAL */
  L_POD,    /* part of day: val P_*; fl A_PLURAL */
  L_DECW,   /* decade word: "nineties" = 9 */
  L_TZ,     /* time zone after a clock time */
  L_TENSE   /* verb that shows tense: val T_* */
};
enum { A_ABBR = 1, A_PLURAL = 2 };
#define NUM_THOUSAND 255 /* "thousand" (does not fit the byte) */

enum { U_SEC = 1, U_MIN, U_HOUR, U_DAY, U_WEEK, U_WEEKEND, U_FORTNIGHT, U_MONTH,
       U_QUARTER, U_YEAR, U_DECADE, U_CENTURY, U_MILLENNIUM };
enum { S_SP = 1, S_SU, S_FA, S_WI };
enum { P_MO = 1, P_AF, P_EV, P_NI };
enum { T_PAST = 1, T_PRESENT, T_FUTURE, T_INTENT };

/* Keywords: the words the recognisers test by name. */
#define KEYWORDS(X)                                                            \
  X(A) X(ABOUT) X(AFTER) X(AGO) X(ALMOST) X(AM) X(AND) X(ANNUALLY) X(AROUND)   \
  X(APPROXIMATELY) X(AT) X(BACK) X(BEFORE) X(BEGINNING) X(BUSINESS) X(BY)      \
  X(CALENDAR) X(CHRISTMAS) X(COMING) X(COMPARABLE) X(CONSECUTIVE)              \
  X(CORRESPONDING) X(COUPLE) X(CURRENT) X(CURRENTLY) X(DAILY) X(DOZEN)         \
  X(DURING) X(EACH) X(EARLIER) X(EARLY) X(END) X(ENDED) X(ENDING) X(ENTIRE)    \
  X(EVE) X(EVERY) X(FEW) X(FEWER) X(FINAL) X(FISCAL) X(FOLLOWING) X(FOR)       \
  X(FROM) X(FULL) X(FUTURE) X(HALF) X(HENCE) X(HOURLY) X(IN)       \
  X(LAST) X(LATE) X(LATELY) X(LATER) X(LATEST) X(LEAST) X(LESS) X(LONG)        \
  X(MANY) X(MID) X(MIDDAY) X(MIDDLE) X(MIDNIGHT) X(MONTHLY) X(MORE)  \
  X(MOST) X(NEAR) X(NEARLY) X(NEW) X(NEXT) X(NIGHTLY) X(NO) X(NOON) X(NOW)     \
  X(NOWADAYS) X(OCLOCK) X(OF) X(OLD) X(ON) X(ONCE) X(OR) X(OTHER) X(OVER)      \
  X(PAST) X(PER) X(PERIOD) X(PM) X(PRESENT) X(PREVIOUS)           \
  X(PREVIOUSLY) X(PRIOR) X(RECENT) X(RECENTLY) X(REMAINING)       \
  X(ROUGHLY) X(SAME) X(SEVERAL) X(SINCE) X(SO) X(SOME) X(SOON)        \
  X(START) X(STRAIGHT) X(THAN) X(THAT) X(THE) X(THESE) X(THIS)        \
  X(THROUGH) X(TIMES) X(TO) X(TODAY) X(TOMORROW) X(TONIGHT) X(TRADING)         \
  X(TURN) X(TWICE) X(UNTIL) X(UP) X(WEEKLY) X(WHILE) X(WHOLE) X(WITHIN)        \
  X(YEARLY) X(YESTERDAY) X(SET) X(SHORT) X(TIME) X(POSS) X(COMMA) X(PERIOD_P) X(COLON) X(DASH)         \
  X(SLASH) X(PERCENT) X(QUOTE) X(ADDITIONAL) X(HUNDREDS) X(DOZENS) X(YEAREND)

enum {
  K_NONE = 0,
#define KW_ENUM(name) K_##name,
  KEYWORDS(KW_ENUM)
#undef KW_ENUM
};

typedef struct lex_entry {
  const char *w;
  uint8_t cls, val, fl;
} lex_entry;

/* Sorted by w (strcmp order: the lookup is a binary search); entries of
 * one word are adjacent. xc_timex_lexicon_ok checks the order. */
static const lex_entry lexicon[] = {
    {"'d", L_TENSE, T_PAST, 0},
    {"'ll", L_TENSE, T_FUTURE, 0},
    {"'s", L_KW, K_POSS, 0},
    {"a", L_KW, K_A, 0},
    {"a.m", L_KW, K_AM, 0},
    {"about", L_KW, K_ABOUT, 0},
    {"additional", L_KW, K_ADDITIONAL, 0},
    {"after", L_KW, K_AFTER, 0},
    {"afternoon", L_POD, P_AF, 0},
    {"afternoons", L_POD, P_AF, A_PLURAL},
    {"ago", L_KW, K_AGO, 0},
    {"almost", L_KW, K_ALMOST, 0},
    {"am", L_KW, K_AM, 0},
    {"an", L_KW, K_A, 0},
    {"and", L_KW, K_AND, 0},
    {"announced", L_TENSE, T_PAST, 0},
    {"annually", L_KW, K_ANNUALLY, 0},
    {"approximately", L_KW, K_APPROXIMATELY, 0},
    {"apr", L_MONTH, 4, A_ABBR},
    {"april", L_MONTH, 4, 0},
    {"are", L_TENSE, T_PRESENT, 0},
    {"around", L_KW, K_AROUND, 0},
    {"at", L_KW, K_AT, 0},
    {"aug", L_MONTH, 8, A_ABBR},
    {"august", L_MONTH, 8, 0},
    {"autumn", L_SEASON, S_FA, 0},
    {"back", L_KW, K_BACK, 0},
    {"became", L_TENSE, T_PAST, 0},
    {"been", L_TENSE, T_PAST, 0},
    {"before", L_KW, K_BEFORE, 0},
    {"began", L_TENSE, T_PAST, 0},
    {"beginning", L_KW, K_BEGINNING, 0},
    {"bought", L_TENSE, T_PAST, 0},
    {"broke", L_TENSE, T_PAST, 0},
    {"brought", L_TENSE, T_PAST, 0},
    {"bst", L_TZ, 1, 0},
    {"built", L_TENSE, T_PAST, 0},
    {"business", L_KW, K_BUSINESS, 0},
    {"by", L_KW, K_BY, 0},
    {"calendar", L_KW, K_CALENDAR, 0},
    {"came", L_TENSE, T_PAST, 0},
    {"caught", L_TENSE, T_PAST, 0},
    {"cdt", L_TZ, 1, 0},
    {"centuries", L_UNIT, U_CENTURY, A_PLURAL},
    {"century", L_UNIT, U_CENTURY, 0},
    {"cest", L_TZ, 1, 0},
    {"cet", L_TZ, 1, 0},
    {"chose", L_TENSE, T_PAST, 0},
    {"christmas", L_KW, K_CHRISTMAS, 0},
    {"coming", L_KW, K_COMING, 0},
    {"comparable", L_KW, K_COMPARABLE, 0},
    {"consecutive", L_KW, K_CONSECUTIVE, 0},
    {"corresponding", L_KW, K_CORRESPONDING, 0},
    {"couple", L_KW, K_COUPLE, 0},
    {"cst", L_TZ, 1, 0},
    {"current", L_KW, K_CURRENT, 0},
    {"currently", L_KW, K_CURRENTLY, 0},
    {"daily", L_KW, K_DAILY, 0},
    {"day", L_UNIT, U_DAY, 0},
    {"days", L_UNIT, U_DAY, A_PLURAL},
    {"dec", L_MONTH, 12, A_ABBR},
    {"decade", L_UNIT, U_DECADE, 0},
    {"decades", L_UNIT, U_DECADE, A_PLURAL},
    {"december", L_MONTH, 12, 0},
    {"did", L_TENSE, T_PAST, 0},
    {"does", L_TENSE, T_PRESENT, 0},
    {"dozen", L_KW, K_DOZEN, 0},
    {"dozens", L_KW, K_DOZENS, 0},
    {"drove", L_TENSE, T_PAST, 0},
    {"due", L_TENSE, T_INTENT, 0},
    {"during", L_KW, K_DURING, 0},
    {"each", L_KW, K_EACH, 0},
    {"earlier", L_KW, K_EARLIER, 0},
    {"early", L_KW, K_EARLY, 0},
    {"edt", L_TZ, 1, 0},
    {"effective", L_TENSE, T_INTENT, 0},
    {"eight", L_NUM, 8, 0},
    {"eighteen", L_NUM, 18, 0},
    {"eighteenth", L_ORD, 18, 0},
    {"eighth", L_ORD, 8, 0},
    {"eighties", L_DECW, 8, 0},
    {"eighty", L_NUM, 80, 0},
    {"eleven", L_NUM, 11, 0},
    {"eleventh", L_ORD, 11, 0},
    {"end", L_KW, K_END, 0},
    {"ended", L_KW, K_ENDED, 0},
    {"ending", L_KW, K_ENDING, 0},
    {"entire", L_KW, K_ENTIRE, 0},
    {"est", L_TZ, 1, 0},
    {"eve", L_KW, K_EVE, 0},
    {"evening", L_POD, P_EV, 0},
    {"evenings", L_POD, P_EV, A_PLURAL},
    {"every", L_KW, K_EVERY, 0},
    {"expected", L_TENSE, T_INTENT, 0},
    {"fall", L_SEASON, S_FA, 0},
    {"feb", L_MONTH, 2, A_ABBR},
    {"february", L_MONTH, 2, 0},
    {"fell", L_TENSE, T_PAST, 0},
    {"felt", L_TENSE, T_PAST, 0},
    {"few", L_KW, K_FEW, 0},
    {"fewer", L_KW, K_FEWER, 0},
    {"fifteen", L_NUM, 15, 0},
    {"fifteenth", L_ORD, 15, 0},
    {"fifth", L_ORD, 5, 0},
    {"fifties", L_DECW, 5, 0},
    {"fifty", L_NUM, 50, 0},
    {"final", L_KW, K_FINAL, 0},
    {"first", L_ORD, 1, 0},
    {"fiscal", L_KW, K_FISCAL, 0},
    {"five", L_NUM, 5, 0},
    {"flew", L_TENSE, T_PAST, 0},
    {"following", L_KW, K_FOLLOWING, 0},
    {"for", L_KW, K_FOR, 0},
    {"forties", L_DECW, 4, 0},
    {"fortnight", L_UNIT, U_FORTNIGHT, 0},
    {"forty", L_NUM, 40, 0},
    {"fought", L_TENSE, T_PAST, 0},
    {"found", L_TENSE, T_PAST, 0},
    {"four", L_NUM, 4, 0},
    {"fourteen", L_NUM, 14, 0},
    {"fourteenth", L_ORD, 14, 0},
    {"fourth", L_ORD, 4, 0},
    {"fri", L_WDAY, 5, A_ABBR},
    {"friday", L_WDAY, 5, 0},
    {"fridays", L_WDAY, 5, A_PLURAL},
    {"from", L_KW, K_FROM, 0},
    {"full", L_KW, K_FULL, 0},
    {"future", L_KW, K_FUTURE, 0},
    {"gave", L_TENSE, T_PAST, 0},
    {"gmt", L_TZ, 1, 0},
    {"going", L_TENSE, T_INTENT, 0},
    {"got", L_TENSE, T_PAST, 0},
    {"had", L_TENSE, T_PAST, 0},
    {"half", L_KW, K_HALF, 0},
    {"has", L_TENSE, T_PRESENT, 0},
    {"have", L_TENSE, T_PRESENT, 0},
    {"heard", L_TENSE, T_PAST, 0},
    {"held", L_TENSE, T_PAST, 0},
    {"hence", L_KW, K_HENCE, 0},
    {"hour", L_UNIT, U_HOUR, 0},
    {"hourly", L_KW, K_HOURLY, 0},
    {"hours", L_UNIT, U_HOUR, A_PLURAL},
    {"hundred", L_NUM, 100, 0},
    {"hundreds", L_KW, K_HUNDREDS, 0},
    {"in", L_KW, K_IN, 0},
    {"intends", L_TENSE, T_INTENT, 0},
    {"is", L_TENSE, T_PRESENT, 0},
    {"jan", L_MONTH, 1, A_ABBR},
    {"january", L_MONTH, 1, 0},
    {"jul", L_MONTH, 7, A_ABBR},
    {"july", L_MONTH, 7, 0},
    {"jun", L_MONTH, 6, A_ABBR},
    {"june", L_MONTH, 6, 0},
    {"kept", L_TENSE, T_PAST, 0},
    {"knew", L_TENSE, T_PAST, 0},
    {"last", L_KW, K_LAST, 0},
    {"late", L_KW, K_LATE, 0},
    {"lately", L_KW, K_LATELY, 0},
    {"later", L_KW, K_LATER, 0},
    {"latest", L_KW, K_LATEST, 0},
    {"least", L_KW, K_LEAST, 0},
    {"led", L_TENSE, T_PAST, 0},
    {"left", L_TENSE, T_PAST, 0},
    {"less", L_KW, K_LESS, 0},
    {"long", L_KW, K_LONG, 0},
    {"lost", L_TENSE, T_PAST, 0},
    {"made", L_TENSE, T_PAST, 0},
    {"many", L_KW, K_MANY, 0},
    {"mar", L_MONTH, 3, A_ABBR},
    {"march", L_MONTH, 3, 0},
    {"may", L_MONTH, 5, 0},
    {"mdt", L_TZ, 1, 0},
    {"meant", L_TENSE, T_PAST, 0},
    {"met", L_TENSE, T_PAST, 0},
    {"mid", L_KW, K_MID, 0},
    {"midday", L_KW, K_MIDDAY, 0},
    {"middle", L_KW, K_MIDDLE, 0},
    {"midnight", L_KW, K_MIDNIGHT, 0},
    {"millennia", L_UNIT, U_MILLENNIUM, A_PLURAL},
    {"millennium", L_UNIT, U_MILLENNIUM, 0},
    {"minute", L_UNIT, U_MIN, 0},
    {"minutes", L_UNIT, U_MIN, A_PLURAL},
    {"monday", L_WDAY, 1, 0},
    {"mondays", L_WDAY, 1, A_PLURAL},
    {"month", L_UNIT, U_MONTH, 0},
    {"monthly", L_KW, K_MONTHLY, 0},
    {"months", L_UNIT, U_MONTH, A_PLURAL},
    {"more", L_KW, K_MORE, 0},
    {"morning", L_POD, P_MO, 0},
    {"mornings", L_POD, P_MO, A_PLURAL},
    {"most", L_KW, K_MOST, 0},
    {"mst", L_TZ, 1, 0},
    {"near", L_KW, K_NEAR, 0},
    {"nearly", L_KW, K_NEARLY, 0},
    {"new", L_KW, K_NEW, 0},
    {"next", L_KW, K_NEXT, 0},
    {"night", L_POD, P_NI, 0},
    {"nightly", L_KW, K_NIGHTLY, 0},
    {"nights", L_POD, P_NI, A_PLURAL},
    {"nine", L_NUM, 9, 0},
    {"nineteen", L_NUM, 19, 0},
    {"nineteenth", L_ORD, 19, 0},
    {"nineties", L_DECW, 9, 0},
    {"ninety", L_NUM, 90, 0},
    {"ninth", L_ORD, 9, 0},
    {"no", L_KW, K_NO, 0},
    {"noon", L_KW, K_NOON, 0},
    {"nov", L_MONTH, 11, A_ABBR},
    {"november", L_MONTH, 11, 0},
    {"now", L_KW, K_NOW, 0},
    {"nowadays", L_KW, K_NOWADAYS, 0},
    {"o'clock", L_KW, K_OCLOCK, 0},
    {"oct", L_MONTH, 10, A_ABBR},
    {"october", L_MONTH, 10, 0},
    {"of", L_KW, K_OF, 0},
    {"old", L_KW, K_OLD, 0},
    {"on", L_KW, K_ON, 0},
    {"once", L_KW, K_ONCE, 0},
    {"one", L_NUM, 1, 0},
    {"or", L_KW, K_OR, 0},
    {"other", L_KW, K_OTHER, 0},
    {"over", L_KW, K_OVER, 0},
    {"p.m", L_KW, K_PM, 0},
    {"paid", L_TENSE, T_PAST, 0},
    {"past", L_KW, K_PAST, 0},
    {"payable", L_TENSE, T_INTENT, 0},
    {"pdt", L_TZ, 1, 0},
    {"per", L_KW, K_PER, 0},
    {"period", L_KW, K_PERIOD, 0},
    {"planned", L_TENSE, T_INTENT, 0},
    {"planning", L_TENSE, T_INTENT, 0},
    {"plans", L_TENSE, T_INTENT, 0},
    {"pm", L_KW, K_PM, 0},
    {"present", L_KW, K_PRESENT, 0},
    {"previous", L_KW, K_PREVIOUS, 0},
    {"previously", L_KW, K_PREVIOUSLY, 0},
    {"prior", L_KW, K_PRIOR, 0},
    {"pst", L_TZ, 1, 0},
    {"quarter", L_UNIT, U_QUARTER, 0},
    {"quarters", L_UNIT, U_QUARTER, A_PLURAL},
    {"ran", L_TENSE, T_PAST, 0},
    {"recent", L_KW, K_RECENT, 0},
    {"recently", L_KW, K_RECENTLY, 0},
    {"remaining", L_KW, K_REMAINING, 0},
    {"rose", L_TENSE, T_PAST, 0},
    {"roughly", L_KW, K_ROUGHLY, 0},
    {"said", L_TENSE, T_PAST, 0},
    {"same", L_KW, K_SAME, 0},
    {"sat", L_WDAY, 6, A_ABBR},
    {"saturday", L_WDAY, 6, 0},
    {"saturdays", L_WDAY, 6, A_PLURAL},
    {"saw", L_TENSE, T_PAST, 0},
    {"says", L_TENSE, T_PRESENT, 0},
    {"scheduled", L_TENSE, T_INTENT, 0},
    {"second", L_ORD, 2, 0},
    {"second", L_UNIT, U_SEC, 0},
    {"seconds", L_UNIT, U_SEC, A_PLURAL},
    {"sent", L_TENSE, T_PAST, 0},
    {"sep", L_MONTH, 9, A_ABBR},
    {"sept", L_MONTH, 9, A_ABBR},
    {"september", L_MONTH, 9, 0},
    {"set", L_KW, K_SET, 0},
    {"set", L_TENSE, T_INTENT, 0},
    {"seven", L_NUM, 7, 0},
    {"seventeen", L_NUM, 17, 0},
    {"seventeenth", L_ORD, 17, 0},
    {"seventh", L_ORD, 7, 0},
    {"seventies", L_DECW, 7, 0},
    {"seventy", L_NUM, 70, 0},
    {"several", L_KW, K_SEVERAL, 0},
    {"shall", L_TENSE, T_FUTURE, 0},
    {"short", L_KW, K_SHORT, 0},
    {"since", L_KW, K_SINCE, 0},
    {"six", L_NUM, 6, 0},
    {"sixteen", L_NUM, 16, 0},
    {"sixteenth", L_ORD, 16, 0},
    {"sixth", L_ORD, 6, 0},
    {"sixties", L_DECW, 6, 0},
    {"sixty", L_NUM, 60, 0},
    {"slated", L_TENSE, T_INTENT, 0},
    {"so", L_KW, K_SO, 0},
    {"sold", L_TENSE, T_PAST, 0},
    {"some", L_KW, K_SOME, 0},
    {"soon", L_KW, K_SOON, 0},
    {"sought", L_TENSE, T_PAST, 0},
    {"spent", L_TENSE, T_PAST, 0},
    {"spoke", L_TENSE, T_PAST, 0},
    {"spring", L_SEASON, S_SP, 0},
    {"start", L_KW, K_START, 0},
    {"stood", L_TENSE, T_PAST, 0},
    {"straight", L_KW, K_STRAIGHT, 0},
    {"struck", L_TENSE, T_PAST, 0},
    {"summer", L_SEASON, S_SU, 0},
    {"summers", L_SEASON, S_SU, A_PLURAL},
    {"sunday", L_WDAY, 7, 0},
    {"sundays", L_WDAY, 7, A_PLURAL},
    {"ten", L_NUM, 10, 0},
    {"tenth", L_ORD, 10, 0},
    {"than", L_KW, K_THAN, 0},
    {"that", L_KW, K_THAT, 0},
    {"the", L_KW, K_THE, 0},
    {"these", L_KW, K_THESE, 0},
    {"third", L_ORD, 3, 0},
    {"thirteen", L_NUM, 13, 0},
    {"thirteenth", L_ORD, 13, 0},
    {"thirties", L_DECW, 3, 0},
    {"thirtieth", L_ORD, 30, 0},
    {"thirty", L_NUM, 30, 0},
    {"this", L_KW, K_THIS, 0},
    {"thought", L_TENSE, T_PAST, 0},
    {"thousand", L_NUM, NUM_THOUSAND, 0},
    {"three", L_NUM, 3, 0},
    {"threw", L_TENSE, T_PAST, 0},
    {"through", L_KW, K_THROUGH, 0},
    {"thu", L_WDAY, 4, A_ABBR},
    {"thurs", L_WDAY, 4, A_ABBR},
    {"thursday", L_WDAY, 4, 0},
    {"thursdays", L_WDAY, 4, A_PLURAL},
    {"time", L_KW, K_TIME, 0},
    {"times", L_KW, K_TIMES, 0},
    {"to", L_KW, K_TO, 0},
    {"today", L_KW, K_TODAY, 0},
    {"told", L_TENSE, T_PAST, 0},
    {"tomorrow", L_KW, K_TOMORROW, 0},
    {"tonight", L_KW, K_TONIGHT, 0},
    {"took", L_TENSE, T_PAST, 0},
    {"trading", L_KW, K_TRADING, 0},
    {"tue", L_WDAY, 2, A_ABBR},
    {"tues", L_WDAY, 2, A_ABBR},
    {"tuesday", L_WDAY, 2, 0},
    {"tuesdays", L_WDAY, 2, A_PLURAL},
    {"turn", L_KW, K_TURN, 0},
    {"twelfth", L_ORD, 12, 0},
    {"twelve", L_NUM, 12, 0},
    {"twenties", L_DECW, 2, 0},
    {"twentieth", L_ORD, 20, 0},
    {"twenty", L_NUM, 20, 0},
    {"twice", L_KW, K_TWICE, 0},
    {"two", L_NUM, 2, 0},
    {"until", L_KW, K_UNTIL, 0},
    {"up", L_KW, K_UP, 0},
    {"upcoming", L_TENSE, T_FUTURE, 0},
    {"utc", L_TZ, 1, 0},
    {"was", L_TENSE, T_PAST, 0},
    {"wed", L_WDAY, 3, A_ABBR},
    {"wednesday", L_WDAY, 3, 0},
    {"wednesdays", L_WDAY, 3, A_PLURAL},
    {"week", L_UNIT, U_WEEK, 0},
    {"weekend", L_UNIT, U_WEEKEND, 0},
    {"weekends", L_UNIT, U_WEEKEND, A_PLURAL},
    {"weekly", L_KW, K_WEEKLY, 0},
    {"weeks", L_UNIT, U_WEEK, A_PLURAL},
    {"went", L_TENSE, T_PAST, 0},
    {"were", L_TENSE, T_PAST, 0},
    {"while", L_KW, K_WHILE, 0},
    {"whole", L_KW, K_WHOLE, 0},
    {"will", L_TENSE, T_FUTURE, 0},
    {"winter", L_SEASON, S_WI, 0},
    {"winters", L_SEASON, S_WI, A_PLURAL},
    {"within", L_KW, K_WITHIN, 0},
    {"won", L_TENSE, T_PAST, 0},
    {"would", L_TENSE, T_FUTURE, 0},
    {"wrote", L_TENSE, T_PAST, 0},
    {"year", L_UNIT, U_YEAR, 0},
    {"yearend", L_KW, K_YEAREND, 0},
    {"yearly", L_KW, K_YEARLY, 0},
    {"years", L_UNIT, U_YEAR, A_PLURAL},
    {"yesterday", L_KW, K_YESTERDAY, 0},
    {"zero", L_NUM, 0, 0},
};
#define NLEX (sizeof lexicon / sizeof lexicon[0])

int xc_timex_lexicon_ok(void) {
  for (size_t i = 1; i < NLEX; i++)
    if (strcmp(lexicon[i - 1].w, lexicon[i].w) > 0) return 0;
  return 1;
}

/* ==== fine tokens ==== */

enum {
  F_CAP = 1 << 0,    /* starts with an upper-case ASCII letter */
  F_HYPH = 1 << 1,   /* joined to the previous token by a hyphen */
  F_NOSP = 1 << 2,   /* no white space before */
  F_ABBR = 1 << 3,   /* ended with its own period ("Sept.") */
  F_WORD = 1 << 4,   /* a word (letters) */
  F_MONEY = 1 << 5,  /* a currency sign or '#' before the number */
  F_GROUP = 1 << 6,  /* digits grouped with commas ("1,000") */
  F_APOS = 1 << 7,   /* an apostrophe right before ("'80s"), inside the token */
  F_LOWER = 1 << 8,  /* starts with a lower-case ASCII letter */
  F_PUNCT = 1 << 9,  /* punctuation, quote or symbol */
  F_START = 1 << 10  /* may start an expression (in the lexicon, a number, ...) */
};

/* Kinds of numeric tokens. */
enum { N_NONE, N_INT, N_DEC, N_FRAC, N_CLOCK, N_DATE, N_DECADE, N_ORD };

typedef struct ft {
  uint32_t s, e;  /* bytes of the text */
  uint32_t sent;  /* sentence index */
  uint16_t f;     /* F_* */
  uint8_t kw;     /* K_* */
  uint8_t month, wday, unit, season, pod, ord, decw, tz, tense; /* 0 = none */
  uint8_t plural; /* the weekday, unit, season or part of day is plural */
  uint8_t abbr;   /* the month or weekday is an abbreviation ("Sept") */
  int16_t numw;   /* number-word value, -1 when none */
  uint8_t nk;     /* N_* */
  uint8_t ndig;   /* digits of the (integer part of the) number */
  int32_t num, n2, n3; /* N_INT: num; N_DEC: num + n2/n3; N_FRAC: num/n2;
                          N_CLOCK: num:n2; N_DATE: num-n2-n3 (y-m-d);
                          N_DECADE: num (1990 or 80); N_ORD: num */
} ft;

/* ==== values: points in time and their formatting ==== */

/* Granularities of a point. */
enum { G_NONE, G_MILL, G_CENTURY, G_DECADE, G_YEAR, G_HALF, G_QUARTER, G_SEASON,
       G_MONTH, G_WEEK, G_WEEKEND, G_DAY, G_POD, G_TIME, G_REF };
enum { R_PRESENT = 1, R_PAST, R_FUTURE };
#define YX (-100000) /* unknown year: XXXX */

/* A point: y (and m, d) at granularity g; sub is the half, quarter,
 * season, ISO week, part of day (G_POD) or reference (G_REF); 0 unknown. */
typedef struct pt {
  int g, y, m, d, sub, hh, mm;
} pt;

static const char *const season_code[] = {"", "SP", "SU", "FA", "WI"};
static const char *const pod_code[] = {"", "MO", "AF", "EV", "NI"};

static int put_year(char *o, size_t n, int y) {
  return y == YX ? snprintf(o, n, "XXXX") : snprintf(o, n, "%04d", y);
}

static void put_2(char *o, size_t n, int v) {
  if (v > 0) snprintf(o, n, "%02d", v);
  else snprintf(o, n, "XX");
}

/* TimeML value of p into out[32]. */
static void fmt_pt(const pt *p, char *out) {
  char *o = out;
  size_t n = 32;
  int w = 0;
  switch (p->g) {
  case G_REF:
    snprintf(o, n, "%s", p->sub == R_PRESENT ? "PRESENT_REF"
                         : p->sub == R_PAST  ? "PAST_REF"
                                             : "FUTURE_REF");
    return;
  case G_MILL:
    if (p->y == YX) snprintf(o, n, "X");
    else snprintf(o, n, "%d", p->y / 1000);
    return;
  case G_CENTURY:
    if (p->y == YX) snprintf(o, n, "XX");
    else snprintf(o, n, "%02d", p->y / 100);
    return;
  case G_DECADE:
    if (p->y == YX) snprintf(o, n, "XXX");
    else snprintf(o, n, "%03d", p->y / 10);
    return;
  default:
    break;
  }
  w = put_year(o, n, p->y);
  o += w, n -= (size_t)w;
  switch (p->g) {
  case G_HALF:
    if (p->sub) snprintf(o, n, "-H%d", p->sub);
    else snprintf(o, n, "-HX");
    return;
  case G_QUARTER:
    if (p->sub) snprintf(o, n, "-Q%d", p->sub);
    else snprintf(o, n, "-QX");
    return;
  case G_SEASON:
    snprintf(o, n, "-%s", season_code[p->sub]);
    return;
  case G_WEEK:
  case G_WEEKEND:
    *o++ = '-', *o++ = 'W', n -= 2;
    put_2(o, n, p->sub);
    if (p->g == G_WEEKEND) strcat(o, "-WE");
    return;
  case G_MONTH:
  case G_DAY:
  case G_POD:
  case G_TIME:
    if (p->d < 0) { /* a weekday of an unknown week (wday_pt) */
      w = snprintf(o, n, "-WXX-%d", -p->d);
      o += w, n -= (size_t)w;
    } else {
      *o++ = '-', n--;
      put_2(o, n, p->m);
      o += 2, n -= 2;
      if (p->g == G_MONTH) return;
      *o++ = '-', n--;
      put_2(o, n, p->d);
      o += 2, n -= 2;
    }
    if (p->g == G_POD) snprintf(o, n, "T%s", pod_code[p->sub]);
    else if (p->g == G_TIME) snprintf(o, n, "T%02d:%02d", p->hh, p->mm);
    return;
  default:
    return;
  }
}

static pt day_pt(long z) {
  pt p = {G_DAY, 0, 0, 0, 0, 0, 0};
  civil_from_days(z, &p.y, &p.m, &p.d);
  return p;
}

static pt year_pt(int y) {
  pt p = {G_YEAR, y, 0, 0, 0, 0, 0};
  return p;
}

static pt ref_pt(int r) {
  pt p = {G_REF, 0, 0, 0, r, 0, 0};
  return p;
}

static pt week_pt(long z, int g) {
  pt p = {g, 0, 0, 0, 0, 0, 0};
  iso_week(z, &p.y, &p.sub);
  return p;
}

/* ==== the document being tagged ==== */

typedef struct lex_index lex_index;
static void lex_index_build(lex_index *x);

typedef struct ctx {
  const char *text;
  const lex_index *lexi;
  ft *t;
  size_t nt, cap;
  int has_dct;
  xc_date dct;
  long dctz; /* the DCT's day number */
  /* what the document mentioned last, for anaphora */
  int has_ref;
  pt ref;     /* last date with a known year (any granularity) */
  int has_refday;
  long refday; /* last day named (day number) */
  int focus_y, focus_q; /* last quarter named; focus_q 0 = none */
} ctx;

/* Categories of core expressions, for the modifiers they accept. */
enum {
  C_DUR = 1 << 0, C_AGO = 1 << 1, C_CLOCK = 1 << 2, C_DATE = 1 << 3,
  C_MONTH = 1 << 4, C_YEAR = 1 << 5, C_DECADE = 1 << 6, C_WDAY = 1 << 7,
  C_DEICTIC = 1 << 8, C_POD = 1 << 9, C_REF = 1 << 10, C_REL = 1 << 11,
  C_THEUNIT = 1 << 12, C_SEASON = 1 << 13, C_QUARTER = 1 << 14, C_SET = 1 << 15,
  C_YEAREND = 1 << 16
};

/* A recognised core: tokens [i, j), its type and value. */
typedef struct cand {
  size_t j;
  int type;
  int cat;  /* C_* */
  pt p;     /* the value when it is a point (p.g != G_NONE) */
  char dur[32]; /* the value otherwise (durations, sets) */
  int nofocus;  /* a comparison ("the year-ago quarter"): not the new focus */
} cand;

static const ft *T(const ctx *c, size_t i) {
  static const ft none = {.numw = -1}; /* past the end: matches nothing */
  return i < c->nt ? &c->t[i] : &none;
}

static int kw_at(const ctx *c, size_t i, int k) { return i < c->nt && c->t[i].kw == k; }

/* The word at k is spelt w (ASCII, case-insensitive). */
static int word_is(const ctx *c, size_t k, const char *w) {
  size_t n = strlen(w);
  return k < c->nt && c->t[k].e - c->t[k].s == n && xc_strncaseeq(c->text + c->t[k].s, w, n);
}

/* Same sentence and no sentence break between tokens a < b. */
static int same_sent(const ctx *c, size_t a, size_t b) {
  return b < c->nt && c->t[a].sent == c->t[b].sent;
}

/* ==== building the fine tokens ==== */

static ft *push(ctx *c, uint32_t s, uint32_t e, uint32_t sent, uint16_t f) {
  if (c->nt == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 256;
    c->t = xc_xrealloc(c->t, c->cap * sizeof *c->t);
  }
  ft *t = &c->t[c->nt++];
  memset(t, 0, sizeof *t);
  t->s = s, t->e = e, t->sent = sent, t->f = f, t->numw = -1;
  return t;
}

/* Where the entries of each first byte start in the sorted lexicon
 * (entries of byte b: [at[b], at[b + 1])). */
typedef struct lex_index {
  uint16_t at[257];
} lex_index;

static void lex_index_build(lex_index *x) {
  size_t e = 0;
  for (int b = 0; b < 256; b++) {
    x->at[b] = (uint16_t)e;
    while (e < NLEX && (unsigned char)lexicon[e].w[0] == b) e++;
  }
  x->at[256] = (uint16_t)NLEX;
}

static void lex_apply(const lex_index *x, ft *t, const char *key) {
  unsigned char b = (unsigned char)key[0];
  size_t lo = x->at[b], hi = x->at[b + 1];
  while (lo < hi) { /* the first entry >= key */
    size_t mid = (lo + hi) / 2;
    if (strcmp(lexicon[mid].w, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < NLEX && strcmp(lexicon[lo].w, key) == 0; lo++) {
    const lex_entry *e = &lexicon[lo];
    int plural = (e->fl & A_PLURAL) != 0, abbr = (e->fl & A_ABBR) != 0;
    switch (e->cls) {
    case L_KW: t->kw = e->val; break;
    case L_MONTH: t->month = e->val, t->abbr = (uint8_t)abbr; break;
    case L_WDAY: t->wday = e->val, t->abbr = (uint8_t)abbr, t->plural = (uint8_t)plural; break;
    case L_UNIT: t->unit = e->val, t->plural = (uint8_t)plural; break;
    case L_NUM: t->numw = (int16_t)(e->val == NUM_THOUSAND ? 1000 : e->val); break;
    case L_ORD: t->ord = e->val; break;
    case L_SEASON: t->season = e->val, t->plural = (uint8_t)plural; break;
    case L_POD: t->pod = e->val, t->plural = (uint8_t)plural; break;
    case L_DECW: t->decw = e->val; break;
    case L_TZ: t->tz = e->val; break;
    case L_TENSE: t->tense = e->val; break;
    default: break;
    }
  }
}

/* Lower-case words ending in -ed are mostly past tense verbs or
 * participles; these few are not. */
static int past_by_suffix(const char *key, size_t n) {
  static const char *const not_past[] = {"need", "indeed", "speed", "exceed", "proceed",
                                         "succeed", "hundred", "shed", "breed", "seed",
                                         "feed", "greed", "embed", "bred", NULL};
  if (n < 4 || key[n - 2] != 'e' || key[n - 1] != 'd') return 0;
  for (int i = 0; not_past[i]; i++)
    if (strcmp(key, not_past[i]) == 0) return 0;
  return 1;
}

static void add_numeric(ctx *c, const char *p, size_t n, uint32_t s, uint32_t sent,
                        uint16_t f);

/* Words outside the lexicon that can start an expression: "its" (fourth
 * quarter) and the first words of holidays. */
static int starts_other(const char *key) {
  static const char *const words[] = {"its", "thanksgiving", "election", "labor", "memorial",
                                      "halloween", "valentine", "easter", NULL};
  for (int i = 0; words[i]; i++)
    if (strcmp(key, words[i]) == 0) return 1;
  return 0;
}

/* A word (no hyphens): looks it up and pushes it. */
static void add_part(ctx *c, const char *p, size_t n, uint32_t s, uint32_t sent, uint16_t f) {
  if (!n) return;
  if (p[0] >= '0' && p[0] <= '9') {
    add_numeric(c, p, n, s, sent, f);
    return;
  }
  char key[24];
  size_t kn = 0;
  int fits = 1;
  for (size_t i = 0; i < n;) {
    unsigned char ch = (unsigned char)p[i];
    if (ch == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 &&
        ((unsigned char)p[i + 2] == 0x99 || (unsigned char)p[i + 2] == 0x98)) {
      ch = '\'', i += 3; /* curly apostrophe as in "o’clock", "’s" */
    } else {
      i++;
    }
    if (kn + 1 >= sizeof key) {
      fits = 0;
      break;
    }
    key[kn++] = (char)xc_lower(ch);
  }
  if (p[0] >= 'A' && p[0] <= 'Z') f |= F_CAP;
  else if (p[0] >= 'a' && p[0] <= 'z') f |= F_LOWER;
  if (kn > 1 && key[kn - 1] == '.') kn--, f |= F_ABBR;
  key[kn] = 0;
  ft *t = push(c, s, s + (uint32_t)n, sent, f | F_WORD);
  if (!fits) return;
  lex_apply(c->lexi, t, key);
  if (!t->tense && (f & F_LOWER) && past_by_suffix(key, kn)) t->tense = T_PAST;
  if (t->kw || t->month || t->wday || t->unit || t->season || t->pod || t->ord || t->decw ||
      t->numw >= 0 || starts_other(key))
    t->f |= F_START;
}

/* A word that may hold hyphens ("third-quarter", "mid-1990s"): its parts,
 * each after the first marked as joined by a hyphen. */
static void add_word(ctx *c, const char *p, size_t n, uint32_t s, uint32_t sent, uint16_t f) {
  size_t a = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i < n && p[i] != '-') continue;
    if (i > a) {
      add_part(c, p + a, i - a, s + (uint32_t)a, sent, f);
      f = (uint16_t)((f & ~F_NOSP) | F_HYPH | F_NOSP);
    }
    a = i + 1;
  }
}

static int digit(char ch) { return ch >= '0' && ch <= '9'; }

/* Digits at p[*i..n): value (capped) and count. */
static long digits(const char *p, size_t n, size_t *i, int *nd) {
  long v = 0;
  *nd = 0;
  while (*i < n && digit(p[*i])) {
    if (*nd < 9) v = v * 10 + (p[*i] - '0');
    (*nd)++, (*i)++;
  }
  return v;
}

/* Two-digit years: 00-29 are 20xx, the rest 19xx. */
static int full_year(long v, int nd) {
  if (nd == 2) return (int)(v < 30 ? 2000 + v : 1900 + v);
  return (int)v;
}

/* A token that starts with a digit (or a currency sign): integers, "1,200",
 * "2.5", "1/2", "3:30", "1998-08-22", "8/15/90", "1990s", "12th"; letters
 * after the number ("5pm", "10:30am") become a word of their own. */
static void add_numeric(ctx *c, const char *p, size_t n, uint32_t s, uint32_t sent,
                        uint16_t f) {
  size_t i = 0;
  while (i < n && !digit(p[i])) i++;
  if (i > 0) f |= F_MONEY;
  if (i == n) {
    push(c, s, s + (uint32_t)n, sent, f | F_PUNCT);
    return;
  }
  int nd, nd2, nd3;
  long v = digits(p, n, &i, &nd);
  ft *t = push(c, s, s, sent, f | F_START);
  t->nk = N_INT, t->num = (int32_t)v, t->ndig = (uint8_t)(nd > 255 ? 255 : nd);
  if (i + 1 < n && p[i] == ',' && digit(p[i + 1])) { /* 1,200,000 */
    while (i + 1 < n && p[i] == ',' && digit(p[i + 1])) {
      size_t k = i + 1;
      long w = digits(p, n, &k, &nd2);
      if (nd2 != 3) break;
      v = v < 1000000000 ? v * 1000 + w : v;
      i = k;
    }
    t->num = (int32_t)(v > 2000000000 ? 2000000000 : v);
    t->f |= F_GROUP;
  } else if (i + 1 < n && p[i] == '.' && digit(p[i + 1])) { /* 2.5 */
    size_t k = i + 1;
    long w = digits(p, n, &k, &nd2);
    long den = 1;
    for (int q = 0; q < nd2 && q < 9; q++) den *= 10;
    t->nk = N_DEC, t->n2 = (int32_t)w, t->n3 = (int32_t)den;
    i = k;
  } else if (i + 2 < n && p[i] == ':' && digit(p[i + 1]) && digit(p[i + 2])) { /* 3:30 */
    size_t k = i + 1;
    long mm = digits(p, n, &k, &nd2);
    if (nd2 == 2 && v < 25 && mm < 60) {
      t->nk = N_CLOCK, t->n2 = (int32_t)mm;
      if (k < n && p[k] == ':') { /* seconds */
        size_t q = k + 1;
        digits(p, n, &q, &nd3);
        if (nd3 == 2) k = q;
      }
      i = k;
    }
  } else if (i + 1 < n && p[i] == '/' && digit(p[i + 1])) { /* 1/2, 8/15/90 */
    size_t k = i + 1;
    long b = digits(p, n, &k, &nd2);
    if (k + 1 < n && p[k] == '/' && digit(p[k + 1])) {
      size_t q = k + 1;
      long y = digits(p, n, &q, &nd3);
      long m = v, d = b;
      if (m > 12 && d <= 12) m = b, d = v; /* 15/8/90 */
      if ((nd3 == 2 || nd3 == 4) && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        t->nk = N_DATE, t->num = full_year(y, nd3), t->n2 = (int32_t)m, t->n3 = (int32_t)d;
        i = q;
      }
    } else if (b > 0) {
      t->nk = N_FRAC, t->n2 = (int32_t)b;
      i = k;
    }
  } else if (nd == 4 && i + 5 < n && p[i] == '-' && digit(p[i + 1])) {
    size_t k = i + 1; /* 1998-08-22 */
    long m = digits(p, n, &k, &nd2);
    if (nd2 == 2 && k + 2 < n && p[k] == '-') {
      size_t q = k + 1;
      long d = digits(p, n, &q, &nd3);
      if (nd3 == 2 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month((int)v, (int)m)) {
        t->nk = N_DATE, t->n2 = (int32_t)m, t->n3 = (int32_t)d;
        i = q;
      }
    }
  }
  if (t->nk == N_INT && i < n) {
    if (p[i] == 's' && i + 1 == n) /* 1990s */
      t->nk = N_DECADE, i++;
    else if (p[i] == '\'' && i + 2 == n && p[i + 1] == 's') /* 1990's */
      t->nk = N_DECADE, i += 2;
    else if (i + 2 == n && (!strncmp(p + i, "st", 2) || !strncmp(p + i, "nd", 2) ||
                            !strncmp(p + i, "rd", 2) || !strncmp(p + i, "th", 2)))
      t->nk = N_ORD, i += 2;
  }
  t->e = s + (uint32_t)i;
  if (i >= n) return;
  /* what follows the number */
  uint16_t nf = (uint16_t)((f & ~(F_MONEY | F_HYPH)) | F_NOSP);
  if (p[i] == '-') {
    add_word(c, p + i + 1, n - i - 1, s + (uint32_t)i + 1, sent, nf | F_HYPH);
  } else if (p[i] == '%') {
    ft *q = push(c, s + (uint32_t)i, s + (uint32_t)i + 1, sent, nf | F_PUNCT);
    q->kw = K_PERCENT;
  } else if ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z')) {
    add_word(c, p + i, n - i, s + (uint32_t)i, sent, nf);
  } else {
    push(c, s + (uint32_t)i, s + (uint32_t)n, sent, nf | F_PUNCT);
  }
}

static int punct_kw(const char *p, const xc_token *tk) {
  if (tk->kind == XC_TK_QUOTE) return K_QUOTE;
  if (tk->kind != XC_TK_PUNCT) return 0;
  switch (p[0]) {
  case ',': return K_COMMA;
  case '.': return tk->sub == XC_PU_PERIOD ? K_PERIOD_P : 0;
  case ':': return K_COLON;
  case '/': return K_SLASH;
  case '%': return K_PERCENT;
  default: return tk->sub == XC_PU_DASH ? K_DASH : 0;
  }
}

/* An apostrophe glued to a following number ("'80s", "'98"): the two are
 * one token, the number's, with F_APOS. */
static int apostrophe_number(const char *text, const xc_tokens *tk, size_t k) {
  const xc_token *q = &tk->v[k];
  if (q->kind != XC_TK_QUOTE || k + 1 >= tk->n) return 0;
  const xc_token *nx = &tk->v[k + 1];
  if (nx->kind != XC_TK_NUMBER || nx->start != q->end) return 0;
  size_t len = q->end - q->start;
  const char *p = text + q->start;
  return (len == 1 && p[0] == '\'') ||
         (len == 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
          ((unsigned char)p[2] == 0x98 || (unsigned char)p[2] == 0x99));
}

static void build_tokens(ctx *c, const char *text, const xc_tokens *tk, const xc_sentv *sv) {
  size_t si = 0;
  uint32_t apos_start = 0;
  uint16_t apos_f = 0;
  int apos = 0;
  for (size_t k = 0; k < tk->n; k++) {
    const xc_token *x = &tk->v[k];
    while (si + 1 < sv->n && k >= sv->v[si].tok_end) si++;
    uint32_t sent = (uint32_t)si;
    uint16_t f = (x->flags & XC_TF_SPACE) ? 0 : F_NOSP;
    const char *p = text + x->start;
    size_t n = x->end - x->start;
    if (apostrophe_number(text, tk, k)) {
      apos = 1, apos_start = x->start;
      apos_f = (x->flags & XC_TF_SPACE) ? 0 : F_NOSP;
      continue;
    }
    size_t before = c->nt;
    switch (x->kind) {
    case XC_TK_WORD:
      add_word(c, p, n, x->start, sent, f);
      break;
    case XC_TK_NUMBER:
      add_numeric(c, p, n, x->start, sent, f);
      break;
    default: {
      ft *t = push(c, x->start, x->end, sent, f | F_PUNCT);
      t->kw = (uint8_t)punct_kw(p, x);
      break;
    }
    }
    if (apos && c->nt > before) {
      c->t[before].s = apos_start;
      c->t[before].f = (uint16_t)((c->t[before].f & ~F_NOSP) | apos_f | F_APOS);
    }
    apos = 0;
  }
}

/* ==== reading numbers and years ==== */

static int unit_filler(int kw);

typedef struct numv {
  double v;
  int vague;   /* "several", "a few": X in the value */
  int article; /* the number was "a" or "an" */
} numv;

/* Number words from i ("twenty-four", "two hundred", "a thousand"):
 * returns the index after them (i when there are none). */
static size_t number_words(const ctx *c, size_t i, double *v) {
  long total = 0, cur = 0;
  size_t k = i;
  while (k < c->nt && c->t[k].numw >= 0 && (k == i || same_sent(c, i, k))) {
    long w = c->t[k].numw;
    if (w == 100) cur = (cur ? cur : 1) * 100;
    else if (w == 1000) total += (cur ? cur : 1) * 1000, cur = 0;
    else if (w >= 20 && w % 10 == 0) {
      if (cur % 100) break; /* "nineteen ninety": a year, not a sum */
      cur += w;
    } else {
      if (cur % 100 && !(cur % 10 == 0 && cur % 100 >= 20)) break;
      if (cur % 100 >= 20 && w >= 10) break;
      cur += w;
    }
    k++;
    if (kw_at(c, k, K_AND) && cur % 100 == 0 && cur && T(c, k + 1)->numw > 0 &&
        T(c, k + 1)->numw < 100)
      k++; /* "two hundred and fifty" */
  }
  *v = (double)(total + cur);
  return k;
}

/* A count at i: digits ("18", "2 1/2", "1.5"), number words, "a"/"an"
 * before a unit, "a couple of", "a dozen", "half a", or a vague amount
 * ("several", "a few", "many"). Returns the index after it, or i. */
static size_t num_at(const ctx *c, size_t i, numv *nv) {
  const ft *t = T(c, i);
  memset(nv, 0, sizeof *nv);
  if (i >= c->nt || (t->f & F_MONEY)) return i;
  if (t->nk == N_INT && !(t->f & F_APOS)) {
    nv->v = t->num;
    const ft *fr = T(c, i + 1);
    if (fr->nk == N_FRAC && fr->n2 > fr->num && !(fr->f & F_HYPH)) {
      nv->v += (double)fr->num / fr->n2; /* 2 1/2 */
      return i + 2;
    }
    return i + 1;
  }
  if (t->nk == N_DEC) {
    nv->v = t->num + (double)t->n2 / t->n3;
    return i + 1;
  }
  if (t->nk == N_FRAC && t->n2 > t->num) {
    nv->v = (double)t->num / t->n2;
    return i + 1;
  }
  if (t->numw >= 0) return number_words(c, i, &nv->v);
  const ft *nx = T(c, i + 1);
  switch (t->kw) {
  case K_A:
    if (nx->kw == K_FEW) return nv->vague = 1, i + 2;
    if (nx->kw == K_COUPLE) return nv->v = 2, i + 2 + kw_at(c, i + 2, K_OF);
    if (nx->kw == K_DOZEN) return nv->v = 12, i + 2;
    if (nx->kw == K_HALF) return nv->v = 0.5, i + 2;
    if (nx->numw == 100 || nx->numw == 1000) return nv->v = nx->numw, i + 2;
    if (nx->unit || (unit_filler(nx->kw) && T(c, i + 2)->unit))
      return nv->v = 1, nv->article = 1, i + 1; /* "a year", "an additional year" */
    return i;
  case K_HALF:
    if (nx->kw == K_A) return nv->v = 0.5, i + 2;
    return i;
  case K_FEW:
  case K_SEVERAL:
  case K_MANY:
    return nv->vague = 1, i + 1;
  case K_SOME:
    if (nx->unit && nx->plural) return nv->vague = 1, i + 1;
    return i;
  case K_COUPLE:
    return nv->v = 2, i + 1 + kw_at(c, i + 1, K_OF);
  case K_DOZENS:
  case K_HUNDREDS:
    if (kw_at(c, i + 1, K_OF)) return nv->vague = 1, i + 2;
    return i;
  default:
    return i;
  }
}

/* A spoken year at i ("nineteen ninety-six", "nineteen eighty four"). */
static size_t spoken_year_at(const ctx *c, size_t i, int *y) {
  const ft *a = T(c, i), *b = T(c, i + 1);
  if (a->numw < 10 || a->numw > 20 || !same_sent(c, i, i + 1)) return i;
  if (b->numw >= 20 && b->numw <= 90 && b->numw % 10 == 0) {
    int v = a->numw * 100 + b->numw;
    const ft *u = T(c, i + 2);
    if (u->numw >= 1 && u->numw <= 9 && same_sent(c, i, i + 2)) {
      *y = v + u->numw;
      return i + 3;
    }
    *y = v;
    return i + 2;
  }
  if (b->numw >= 10 && b->numw <= 19) {
    *y = a->numw * 100 + b->numw;
    return i + 2;
  }
  return i;
}

/* A year at i: four digits, "'98", spoken, or (with words) "two thousand
 * [and] five". Returns the index after it, or i. */
static size_t year_at(const ctx *c, size_t i, int *y, int words) {
  const ft *t = T(c, i);
  if (i >= c->nt) return i;
  if (t->nk == N_INT) {
    if (t->f & (F_MONEY | F_GROUP)) return i;
    if (t->ndig == 4 && t->num >= 1000 && t->num <= 2999 && !(t->f & F_APOS)) {
      *y = t->num;
      return i + 1;
    }
    if (t->ndig == 2 && (t->f & F_APOS)) {
      *y = full_year(t->num, 2);
      return i + 1;
    }
    return i;
  }
  size_t k = spoken_year_at(c, i, y);
  if (k > i) return k;
  if (words && t->numw == 2 && T(c, i + 1)->numw == 1000) {
    *y = 2000;
    k = i + 2;
    size_t a = k + kw_at(c, k, K_AND);
    if (T(c, a)->numw > 0 && T(c, a)->numw < 100) {
      double v;
      size_t e = number_words(c, a, &v);
      *y += (int)v;
      k = e;
    }
    return k;
  }
  return i;
}

/* A day of the month at k: "30", "30th", "first" (1..31), else 0. */
static int day_at(const ctx *c, size_t k) {
  const ft *t = T(c, k);
  if (k >= c->nt || (t->f & (F_MONEY | F_GROUP | F_APOS))) return 0;
  int v = 0;
  if (t->nk == N_INT && t->ndig <= 2) v = t->num;
  else if (t->nk == N_ORD) v = t->num;
  else if (t->ord) v = t->ord;
  return v >= 1 && v <= 31 ? v : 0;
}

/* ==== tense and anchors ==== */

static int word_in(const ctx *c, size_t k, const char *const *words) {
  for (int i = 0; words[i]; i++)
    if (word_is(c, k, words[i])) return 1;
  return 0;
}

/* Is the "-ed" word k an adjective before a noun: after a determiner,
 * with at most two adverbs between ("a still unspecified date", "the
 * revised plan")? Then it shows no tense. */
static int attributive(const ctx *c, size_t k) {
  static const char *const dets[] = {"a", "an", "the", "its", "their", "his", "her", "our",
                                     "this", "that", "these", "those", "some", "no", NULL};
  static const char *const advs[] = {"still", "yet", "not", "now", "newly", "recently",
                                     "previously", "already", "widely", "so", "very", NULL};
  size_t j = k;
  for (int skipped = 0; j > 0 && skipped <= 2; skipped++) {
    j--;
    if (!same_sent(c, j, k)) return 0;
    if (word_in(c, j, dets)) return 1;
    if (!word_in(c, j, advs)) return 0;
  }
  return 0;
}

/* The tense word k shows (0 for none); left: k stands before the date.
 * Words of intent ("scheduled", "expected", "set to") look ahead unless a
 * past auxiliary stands before them ("had been scheduled to expire"); "is
 * to" looks ahead too, and so does a plan with its object before the date
 * ("has scheduled a news conference Thursday"). */
static int tense_at(const ctx *c, size_t k, int left) {
  static const char *const plan[] = {"scheduled", "planned", "planning", NULL};
  static const char *const dets[] = {"a", "an", "the", "its", "their", "his", "her", NULL};
  const ft *t = &c->t[k];
  int nx_to = kw_at(c, k + 1, K_TO);
  int before = k > 0 ? c->t[k - 1].tense : 0;
  switch (t->tense) {
  case T_INTENT:
    if (left && word_in(c, k, plan) && word_in(c, k + 1, dets) && before != T_PAST &&
        !attributive(c, k))
      return T_FUTURE;
    /* only before "to" or "for" ("plans for" is the noun: "vacation plans
     * for the trip"): "a hastily planned trip" says nothing of time */
    if (!nx_to && (!kw_at(c, k + 1, K_FOR) || word_is(c, k, "plans"))) return 0;
    if (before == T_PAST && (word_is(c, k - 1, "had") || word_is(c, k - 1, "been"))) return T_PAST;
    /* "planned to" alone is a past verb and dates the planning when it
     * comes after the date ("On Friday, the government planned to pay");
     * before it, the plan points at the date ("planned to leave on
     * Thursday"); "is planned to" looks ahead */
    if (!left && word_is(c, k, "planned") && before != T_PRESENT) return T_PAST;
    return T_FUTURE;
  case T_PAST:
    /* a passive participle takes its tense from the auxiliary before "be"
     * ("will still be held") */
    if (k > 0 && word_is(c, k - 1, "be")) return 0;
    if (attributive(c, k)) return 0;
    return T_PAST;
  case T_PRESENT:
    return nx_to ? T_FUTURE : T_PRESENT;
  case 0:
    break;
  default:
    return t->tense;
  }
  switch (t->kw) {
  case K_YESTERDAY:
  case K_AGO:
  case K_LAST:
  case K_PREVIOUSLY:
  case K_RECENTLY:
    return T_PAST;
  case K_NEXT:
    if (nx_to) return 0; /* "next to the embassy" is a place */
    return T_FUTURE;
  case K_TOMORROW:
    return T_FUTURE;
  default:
    return 0;
  }
}

/* The tense nearest to tokens [i, j) in their sentence: the closest word
 * that shows one, the left one at equal distance; 0 when there is none.
 * *at is that word (c->nt when none). */
static int tense_near_at(const ctx *c, size_t i, size_t j, size_t *at) {
  *at = c->nt;
  if (i >= c->nt) return 0;
  /* "effective Feb. 1", "due Friday", "payable Jan. 15": a date something
   * takes effect or falls due is ahead */
  static const char *const due[] = {"effective", "due", "payable", NULL};
  if (i > 0 && same_sent(c, i - 1, i) && word_in(c, i - 1, due)) return *at = i - 1, T_FUTURE;
  uint32_t s = c->t[i].sent;
  size_t dl = (size_t)-1, dr = (size_t)-1, kl = c->nt, kr = c->nt;
  int tl = 0, tr = 0;
  for (size_t k = i; k-- > 0 && c->t[k].sent == s;)
    if ((tl = tense_at(c, k, 1)) != 0) {
      dl = i - k, kl = k;
      break;
    }
  for (size_t k = j; k < c->nt && c->t[k].sent == s; k++)
    if ((tr = tense_at(c, k, 0)) != 0) {
      dr = k - j + 1, kr = k;
      break;
    }
  /* the verb an adverbial of time modifies usually comes before it ("said
   * Friday", "will meet on Monday"): the left one wins unless it is far */
  if ((tl && dl <= 12) || dl <= dr) return *at = kl, tl;
  return *at = kr, tr;
}

static int tense_near(const ctx *c, size_t i, size_t j) {
  size_t at;
  return tense_near_at(c, i, j, &at);
}

/* The year of a month (and day) named without one. News names dates
 * without a year when they are near: the occurrence before or after the
 * DCT that the tense of the sentence points to, unless that one is most of
 * a year away, and then the nearer one. wd (1-7, 0 none) is a weekday
 * named with the date: the year in which the date falls on it wins. */
static int year_for_month(const ctx *c, int m, int d, int tense, int wd) {
  if (!c->has_dct) return YX;
  int y = c->dct.y;
  if (wd && d) {
    static const int order[] = {0, -1, 1};
    for (int k = 0; k < 3; k++)
      if (d <= days_in_month(y + order[k], m) &&
          weekday(days_from_civil(y + order[k], m, d)) == wd)
        return y + order[k];
  }
  int dd = d ? d : 15;
  if (dd > days_in_month(y, m)) dd = days_in_month(y, m);
  long here = days_from_civil(y, m, m == c->dct.m && !d ? c->dct.d : dd);
  if (here == c->dctz) return y;
  int py = here < c->dctz ? y : y - 1, ny = py + 1;
  int pd = dd > days_in_month(py, m) ? days_in_month(py, m) : dd;
  int nd = dd > days_in_month(ny, m) ? days_in_month(ny, m) : dd;
  long prev = days_from_civil(py, m, pd), next = days_from_civil(ny, m, nd);
  long dp = c->dctz - prev, dn = next - c->dctz;
  if (tense == T_PAST && dp <= 300) return py;
  if (tense == T_FUTURE && dn <= 300) return ny;
  return dp <= dn ? py : ny;
}

static pt unknown_day(void) {
  pt p = {G_DAY, YX, 0, 0, 0, 0, 0};
  return p;
}

/* A weekday: with "last"/"next" the one before/after the DCT's week day;
 * alone, the DCT itself when it is that day, else the one before (past or
 * no tense: news reports what happened) or after (future). */
static pt wday_pt(const ctx *c, int wd, int rel, int tense) {
  if (!c->has_dct) { /* which day is unknown, which weekday is not: XXXX-WXX-6 */
    pt p = unknown_day();
    p.d = -wd;
    return p;
  }
  long z = c->dctz;
  if (rel == K_PREVIOUS || rel == K_FOLLOWING) { /* from the day last named */
    if (c->has_refday) z = c->refday;
    rel = rel == K_PREVIOUS ? K_LAST : K_NEXT;
  }
  int dw = weekday(z);
  int back = (dw - wd + 7) % 7, fwd = (wd - dw + 7) % 7;
  if (rel == K_LAST || rel == K_PAST) return day_pt(z - (back ? back : 7));
  if (rel == K_NEXT) return day_pt(z + (fwd ? fwd : 7));
  if (rel == K_THIS || rel == K_COMING) return day_pt(z + fwd);
  if (!back) return day_pt(z);
  return day_pt(tense == T_FUTURE ? z + fwd : z - back);
}

/* The point n units from day z, at the unit's granularity ("last week" is
 * an ISO week, "a month ago" a month). */
static pt shift(long z, int unit, long n) {
  int y, m, d;
  civil_from_days(z, &y, &m, &d);
  pt p = {G_NONE, 0, 0, 0, 0, 0, 0};
  long t;
  switch (unit) {
  case U_DAY: return day_pt(z + n);
  case U_WEEK: return week_pt(z + 7 * n, G_WEEK);
  case U_FORTNIGHT: return week_pt(z + 14 * n, G_WEEK);
  case U_WEEKEND: return week_pt(z + 7 * n, G_WEEKEND);
  case U_MONTH:
    t = y * 12L + (m - 1) + n;
    p.g = G_MONTH, p.y = (int)(t / 12), p.m = (int)(t % 12) + 1;
    return p;
  case U_QUARTER:
    t = y * 4L + (m - 1) / 3 + n;
    p.g = G_QUARTER, p.y = (int)(t / 4), p.sub = (int)(t % 4) + 1;
    return p;
  case U_YEAR: return year_pt((int)(y + n));
  case U_DECADE:
    p.g = G_DECADE, p.y = (int)((y / 10 + n) * 10);
    return p;
  case U_CENTURY:
    p.g = G_CENTURY, p.y = (int)((y / 100 + n) * 100);
    return p;
  case U_MILLENNIUM:
    p.g = G_MILL, p.y = (int)((y / 1000 + n) * 1000);
    return p;
  default: /* hours, minutes: the day they fall on */
    return day_pt(z);
  }
}

/* The anchor of an anaphoric expression ("the next day", "a year
 * earlier"): the last date the document named, else the DCT. */
static long anchor_z(const ctx *c, int unit) {
  if (unit <= U_DAY && c->has_refday) return c->refday;
  if (unit > U_DAY && c->has_ref) {
    const pt *r = &c->ref;
    if (r->g == G_DAY || r->g == G_POD || r->g == G_TIME) return days_from_civil(r->y, r->m, r->d);
    if (r->g == G_MONTH) return days_from_civil(r->y, r->m, 1);
    if (r->g == G_QUARTER && r->sub) return days_from_civil(r->y, r->sub * 3 - 2, 1);
    if (r->g >= G_YEAR) return days_from_civil(r->y, 7, 1);
  }
  return c->dctz;
}

/* The quarter a document reports on: the last one it named, else the last
 * one that ended before the DCT. */
static pt focus_quarter(const ctx *c) {
  pt p = {G_QUARTER, YX, 0, 0, 0, 0, 0};
  if (c->focus_q) p.y = c->focus_y, p.sub = c->focus_q;
  else if (c->has_dct) p = shift(c->dctz, U_QUARTER, -1);
  return p;
}

/* ==== durations ==== */

static const char *const unit_letter[] = {"", "S", "M", "H", "D", "W", "WE", "W",
                                          "M", "Q", "Y", "E", "C", "L"};

/* The next smaller unit and how many of it make one unit (0 when none). */
static int smaller_unit(int u, int *factor) {
  switch (u) {
  case U_MIN: return *factor = 60, U_SEC;
  case U_HOUR: return *factor = 60, U_MIN;
  case U_DAY: return *factor = 24, U_HOUR;
  case U_WEEK: return *factor = 7, U_DAY;
  case U_MONTH: return *factor = 30, U_DAY;
  case U_QUARTER: return *factor = 3, U_MONTH;
  case U_YEAR: return *factor = 12, U_MONTH;
  case U_DECADE: return *factor = 10, U_YEAR;
  case U_CENTURY: return *factor = 100, U_YEAR;
  default: return *factor = 0, 0;
  }
}

static void dur_put(char *date, char *tim, long n, int unit) {
  char *o = unit <= U_HOUR ? tim : date;
  size_t len = strlen(o);
  snprintf(o + len, 16 - len, "%ld%s", n, unit_letter[unit]);
}

/* ISO 8601 duration of v units: "P3D", "PT2H", "P2Y6M"; X for vague. */
static void fmt_dur(char *out, double v, int vague, int unit) {
  if (unit == U_FORTNIGHT) v *= 2, unit = U_WEEK;
  /* counted decades and centuries in years ("two decades" = P20Y), as the
   * TimeML corpora write them */
  if (!vague && unit == U_DECADE) v *= 10, unit = U_YEAR;
  if (!vague && unit == U_CENTURY) v *= 100, unit = U_YEAR;
  if (!vague && unit == U_MILLENNIUM) v *= 1000, unit = U_YEAR;
  if (unit == U_WEEKEND) unit = U_DAY, v *= 2;
  const char *t = unit <= U_HOUR ? "T" : "";
  if (vague) {
    snprintf(out, 32, "P%sX%s", t, unit_letter[unit]);
    return;
  }
  char date[16] = "", tim[16] = "";
  long whole = (long)v;
  double frac = v - (double)whole;
  int factor, sub = frac > 1e-6 ? smaller_unit(unit, &factor) : 0;
  long rest = sub ? (long)(frac * factor + 0.5) : 0;
  if (whole || !rest) dur_put(date, tim, whole, unit);
  if (rest) dur_put(date, tim, rest, sub);
  char full[40]; /* "P" date "T" time: at most 33 bytes; values keep 31 */
  snprintf(full, sizeof full, "P%s%s%s", date, tim[0] ? "T" : "", tim);
  size_t n = strlen(full) < 31 ? strlen(full) : 31;
  memcpy(out, full, n);
  out[n] = 0;
}

/* ==== the recognisers ==== */

/* Modifiers TimeML keeps inside the extent (prefix_at). */
enum {
  PF_THE = 1 << 0,     /* "the" */
  PF_APPROX = 1 << 1,  /* "about", "nearly", "more than", "at least" */
  PF_EARLY = 1 << 2,   /* "early", "late", "mid" */
  PF_EARLIER = 1 << 3, /* "earlier", "later" */
  PF_EDGE = 1 << 4,    /* "the end of", "the beginning of" */
  PF_FISCAL = 1 << 5,  /* "fiscal" */
  PF_IN = 1 << 6       /* "earlier in", "late in" (the year) */
};

static void set_pt(cand *o, size_t j, int type, int cat, pt p) {
  o->j = j, o->type = type, o->cat = cat, o->p = p;
}

static void set_str(cand *o, size_t j, int type, int cat, const char *v) {
  o->j = j, o->type = type, o->cat = cat, o->p.g = G_NONE;
  snprintf(o->dur, sizeof o->dur, "%s", v);
}

/* Words after which "May" is the month rather than the verb. */
static int month_context(int kw) {
  switch (kw) {
  case K_IN: case K_OF: case K_SINCE: case K_UNTIL: case K_BY: case K_THROUGH:
  case K_FROM: case K_TO: case K_LAST: case K_NEXT: case K_THIS: case K_EARLY:
  case K_LATE: case K_MID: case K_DURING: case K_BEFORE: case K_AFTER: case K_AND:
  case K_OR: case K_EACH: case K_EVERY: case K_END: case K_ON:
    return 1;
  default:
    return 0;
  }
}

/* Token k names a month here: capitalised; an abbreviation without its
 * period ("Jan") only before a number; "May" only before a number or
 * after a preposition; not a first name ("June Carter"). */
static int month_ok(const ctx *c, size_t k) {
  const ft *t = T(c, k);
  if (k >= c->nt || !t->month || !(t->f & F_CAP)) return 0;
  const ft *nx = T(c, k + 1);
  int num_next = same_sent(c, k, k + 1) && (nx->nk == N_INT || nx->nk == N_ORD) &&
                 !(nx->f & (F_MONEY | F_HYPH));
  if (t->abbr && !(t->f & F_ABBR) && !num_next) return 0;
  if (t->month == 5 && !t->abbr && !num_next && !(t->f & F_HYPH) &&
      !(k > 0 && month_context(c->t[k - 1].kw)))
    return 0;
  if (!num_next && same_sent(c, k, k + 1) && (nx->f & F_CAP) && (nx->f & F_WORD) &&
      !nx->month && !nx->wday && !nx->kw && !nx->tz)
    return 0;
  return 1;
}

/* "this year", "last year", "next year" at k: the year's offset in *off. */
static int rel_year_at(const ctx *c, size_t k, int *off) {
  const ft *u = T(c, k + 1);
  if (u->unit != U_YEAR || u->plural || (u->f & F_HYPH) || !same_sent(c, k, k + 1)) return 0;
  switch (T(c, k)->kw) {
  case K_THIS: *off = 0; return 1;
  case K_LAST: *off = -1; return 1;
  case K_NEXT: *off = 1; return 1;
  default: return 0;
  }
}

/* A year after a month or season: ", 1999", "1999", "of 1999", "last
 * year". Returns the index after it, or k. */
static size_t year_after(const ctx *c, size_t k, int *y) {
  size_t q = k + (kw_at(c, k, K_COMMA) || kw_at(c, k, K_OF));
  if (!same_sent(c, k > 0 ? k - 1 : 0, q)) return k;
  size_t e = year_at(c, q, y, kw_at(c, k, K_OF));
  if (e > q) {
    const ft *nx = T(c, e);
    if (nx->unit || nx->kw == K_PERCENT) return k; /* "May 5, 1,000 people" */
    return e;
  }
  int off;
  if (rel_year_at(c, k, &off) && c->has_dct) {
    *y = c->dct.y + off;
    return k + 2;
  }
  return k;
}

/* "last", "next", "this", "coming", "this past", "this coming" (and,
 * with past, "past") at i: the tokens used (0 when none); *rel is K_LAST
 * (also "this past" and "past"), K_NEXT, K_THIS or K_COMING. */
static size_t rel_mod_at(const ctx *c, size_t i, int *rel, int past) {
  int kw0 = T(c, i)->kw, kw1 = T(c, i + 1)->kw;
  if (kw0 == K_THIS && (kw1 == K_PAST || kw1 == K_COMING) && same_sent(c, i, i + 1)) {
    *rel = kw1 == K_PAST ? K_LAST : K_COMING;
    return 2;
  }
  switch (kw0) {
  case K_PAST:
    if (!past) return 0;
    /* fall through */
  case K_LAST: *rel = K_LAST; return 1;
  case K_NEXT: *rel = K_NEXT; return 1;
  case K_THIS: *rel = K_THIS; return 1;
  case K_COMING: *rel = K_COMING; return 1;
  default: return 0;
  }
}

/* "Sept. 30, 1999", "Friday, April 25", "30 September 1999", "the 5th of
 * May", "March 1996", "March of 1996", "January this year", "December". */
static int r_date(ctx *c, size_t i, int pf, cand *o) {
  int y = YX, m, d = 0, dayfirst = 0, wd = 0, rel = 0;
  size_t k = i + rel_mod_at(c, i, &rel, 0);
  const ft *t = T(c, i);
  if (rel && ((pf & PF_THE) || !month_ok(c, k) || !same_sent(c, i, k))) return 0;
  if (!rel && t->wday && !t->plural && (t->f & F_CAP)) { /* "Friday, April 25" */
    wd = t->wday;
    k += 1 + kw_at(c, k + 1, K_COMMA);
    if (!month_ok(c, k) || !day_at(c, k + 1)) return 0;
  }
  if (month_ok(c, k)) {
    m = T(c, k)->month;
    k++;
    if ((d = day_at(c, k)) != 0 && same_sent(c, k - 1, k)) k++;
    else d = 0;
  } else {
    if (!(d = day_at(c, k))) return 0;
    size_t q = k + 1 + kw_at(c, k + 1, K_OF);
    if (!month_ok(c, q) || !same_sent(c, k, q)) return 0;
    if (T(c, k)->nk == N_INT && T(c, k)->ord == 0 && kw_at(c, k + 1, K_OF)) return 0;
    m = T(c, q)->month, k = q + 1, dayfirst = 1;
  }
  if ((pf & PF_THE) && !dayfirst) return 0; /* "the May 5 meeting" */
  size_t e = year_after(c, k, &y);
  int explicit_year = e > k;
  k = e;
  if (d > (y != YX ? days_in_month(y, m) : m == 2 ? 29 : days_in_month(2001, m))) return 0;
  if (y == YX && rel && c->has_dct) {
    /* "last April" is this year's once a month has passed since, "next
     * May" likewise */
    if (rel == K_LAST) y = m < c->dct.m - 1 ? c->dct.y : c->dct.y - 1;
    else if (rel == K_THIS) y = c->dct.y;
    else y = m > c->dct.m + 1 ? c->dct.y : c->dct.y + 1;
  }
  if (y == YX) y = year_for_month(c, m, d, tense_near(c, i, k), wd);
  pt p = {d ? G_DAY : G_MONTH, y, m, d, 0, 0, 0};
  set_pt(o, k, XC_TIMEX_DATE, d || explicit_year ? C_DATE : C_MONTH, p);
  return 1;
}

/* "1998-08-22", "8/15/90". */
static int r_numdate(ctx *c, size_t i, int pf, cand *o) {
  const ft *t = T(c, i);
  if (t->nk != N_DATE || (pf & PF_THE)) return 0;
  pt p = {G_DAY, t->num, t->n2, t->n3, 0, 0, 0};
  set_pt(o, i + 1, XC_TIMEX_DATE, C_DATE, p);
  return 1;
}

/* Words before a four-digit number that make it a year even when it is
 * outside 1900-2050 ("in 1848"). */
static int year_context(int kw) {
  switch (kw) {
  case K_IN: case K_SINCE: case K_OF: case K_UNTIL: case K_BY: case K_FROM:
  case K_DURING: case K_BEFORE: case K_AFTER: case K_THROUGH: case K_TO:
  case K_FISCAL: case K_EARLY: case K_LATE: case K_MID:
    return 1;
  default:
    return 0;
  }
}

/* "1998", "fiscal 1989", "the year 2000", "nineteen ninety-six". */
static int r_year(ctx *c, size_t i, int pf, cand *o) {
  size_t k = i;
  int theyear = 0, y;
  const ft *u = T(c, i);
  if (u->unit == U_YEAR && !u->plural && !(u->f & F_HYPH)) k++, theyear = 1;
  int prevkw = i > 0 ? c->t[i - 1].kw : 0;
  size_t e = year_at(c, k, &y, theyear || prevkw == K_IN || prevkw == K_SINCE ||
                                   prevkw == K_UNTIL || prevkw == K_BY);
  if (e == k || !same_sent(c, i, e - 1)) return 0;
  const ft *t = T(c, k), *nx = T(c, e);
  if (t->nk == N_INT) {
    if (nx->kw == K_PERCENT || nx->unit || (nx->f & F_HYPH) || nx->kw == K_COLON) return 0;
    if ((y < 1900 || y > 2050) && !theyear && !year_context(prevkw) && !(pf & PF_FISCAL))
      return 0;
    if (k > 0 && (c->t[k - 1].f & F_MONEY) && (c->t[k - 1].f & F_PUNCT)) return 0;
  }
  /* "the 1987 crash": the year modifies a noun, "the" stays outside */
  if ((pf & PF_THE) && !theyear && (nx->f & F_WORD) && !nx->kw && !nx->tense &&
      same_sent(c, k, e))
    return 0;
  /* open ends: "1994 or later", "1990 and beyond" */
  if ((kw_at(c, e, K_OR) && (kw_at(c, e + 1, K_LATER) || kw_at(c, e + 1, K_EARLIER))) ||
      (kw_at(c, e, K_AND) && word_is(c, e + 1, "beyond")))
    e += 2;
  set_pt(o, e, XC_TIMEX_DATE, C_YEAR, year_pt(y));
  return 1;
}

/* An ordinal at i ("20th", "third", "twenty-first"): value and end. */
static size_t ordinal_at(const ctx *c, size_t i, int *v) {
  const ft *t = T(c, i);
  if (t->nk == N_ORD && !(t->f & F_MONEY)) return *v = t->num, i + 1;
  if (t->ord) return *v = t->ord, i + 1;
  if (t->numw >= 20 && t->numw % 10 == 0 && T(c, i + 1)->ord && T(c, i + 1)->ord < 10 &&
      same_sent(c, i, i + 1))
    return *v = t->numw + T(c, i + 1)->ord, i + 2;
  return i;
}

/* "the 1990s", "the '80s", "the nineties", "the 20th century". */
static int r_decade(ctx *c, size_t i, int pf, cand *o) {
  const ft *t = T(c, i);
  pt p = {G_DECADE, 0, 0, 0, 0, 0, 0};
  if (t->nk == N_DECADE && !(t->f & F_MONEY)) {
    if (t->ndig == 4) p.y = t->num - t->num % 10;
    else if (t->ndig == 2 && t->num % 10 == 0) p.y = (t->num >= 10 ? 1900 : 2000) + t->num;
    else return 0;
    if (p.y % 100 == 0 && !(pf & PF_THE) && t->ndig == 4) return 0; /* "1900s" alone: century? */
    set_pt(o, i + 1, XC_TIMEX_DATE, C_DECADE, p);
    return 1;
  }
  if (t->decw && (pf & PF_THE)) {
    int cent = c->has_dct && c->dct.y >= 2030 ? c->dct.y / 100 * 100 : 1900;
    p.y = cent + t->decw * 10;
    set_pt(o, i + 1, XC_TIMEX_DATE, C_DECADE, p);
    return 1;
  }
  int n;
  size_t e = ordinal_at(c, i, &n);
  const ft *u = T(c, e);
  if (e == i || u->unit != U_CENTURY || u->plural || n < 1 || n > 30) return 0;
  if ((u->f & F_HYPH) && (pf & PF_THE)) return 0; /* "the 21st-century economy" */
  p.g = G_CENTURY, p.y = (n - 1) * 100;
  set_pt(o, e + 1, XC_TIMEX_DATE, C_DECADE, p);
  return 1;
}

/* A deadline word shortly before token i ("until Tuesday", "until 9 a.m.
 * EST Tuesday", "as soon as Tuesday"): the day lies ahead whatever the
 * tense of the verb ("postponed until Tuesday"). */
static int deadline_before(const ctx *c, size_t i) {
  for (size_t k = i, n = 0; k-- > 0 && n < 5 && same_sent(c, k, i); n++) {
    const ft *t = &c->t[k];
    if (t->kw == K_UNTIL || word_is(c, k, "till")) return 1;
    if (t->kw == K_SOON && k > 0 && word_is(c, k - 1, "as") && word_is(c, k + 1, "as")) return 1;
    if ((t->f & F_PUNCT) || t->tense) return 0;
  }
  return 0;
}

/* "Friday", "last Friday", "Friday morning", "Saturday night". */
static int r_wday(ctx *c, size_t i, int pf, cand *o) {
  int rel = 0, kw0 = T(c, i)->kw;
  size_t k;
  if (pf & PF_THE) { /* "the previous Friday"; not "the Tuesday deadline" */
    if (kw0 != K_PREVIOUS && kw0 != K_FOLLOWING) return 0;
    rel = kw0, k = i + 1;
  } else {
    k = i + rel_mod_at(c, i, &rel, 0);
  }
  const ft *t = T(c, k);
  if (!t->wday || t->plural || !(t->f & F_CAP) || (t->abbr && !(t->f & F_ABBR))) return 0;
  if (!same_sent(c, i, k)) return 0;
  k++;
  int pod = 0;
  const ft *nx = T(c, k);
  if (nx->pod && !nx->plural && same_sent(c, i, k)) pod = nx->pod, k++;
  size_t at;
  int tense = tense_near_at(c, i, k, &at);
  /* "until Tuesday" lies ahead, unless the past perfect looks back from
   * it ("Until Thursday, they had not named him") */
  if (deadline_before(c, i) && !(tense == T_PAST && word_is(c, at, "had"))) tense = T_FUTURE;
  /* "Wednesday's ruling" names a day of news: "would" there is a future
   * seen from the past ("said they would fight Wednesday's ruling") */
  if (kw_at(c, k, K_POSS) && tense == T_FUTURE && word_is(c, at, "would")) tense = T_PAST;
  pt p = wday_pt(c, t->wday, rel, tense);
  if (pod) p.g = G_POD, p.sub = pod;
  set_pt(o, k, pod ? XC_TIMEX_TIME : XC_TIMEX_DATE, C_WDAY, p);
  return 1;
}

/* "today", "yesterday afternoon", "tomorrow", "tonight", "the day before
 * yesterday". */
static int r_deictic(ctx *c, size_t i, int pf, cand *o) {
  size_t k = i;
  long off;
  int pod = 0;
  const ft *t = T(c, i);
  if (pf & PF_THE) {
    if (t->unit != U_DAY || t->plural) return 0;
    if (kw_at(c, i + 1, K_BEFORE) && kw_at(c, i + 2, K_YESTERDAY)) off = -2;
    else if (kw_at(c, i + 1, K_AFTER) && kw_at(c, i + 2, K_TOMORROW)) off = 2;
    else return 0;
    k += 3;
  } else {
    switch (t->kw) {
    case K_TODAY: off = 0; break;
    case K_YESTERDAY: off = -1; break;
    case K_TOMORROW: off = 1; break;
    case K_TONIGHT: off = 0, pod = P_NI; break;
    default: return 0;
    }
    k++;
  }
  const ft *nx = T(c, k);
  if (!pod && nx->pod && !nx->plural && same_sent(c, i, k)) pod = nx->pod, k++;
  pt p = c->has_dct ? day_pt(c->dctz + off) : unknown_day();
  if (pod) p.g = G_POD, p.sub = pod;
  set_pt(o, k, pod ? XC_TIMEX_TIME : XC_TIMEX_DATE, C_DEICTIC, p);
  return 1;
}

/* "this morning", "last night", and a part of day with "mid", "early" or
 * "late" or before a day ("mid-afternoon yesterday"). */
static int r_pod(ctx *c, size_t i, int pf, cand *o) {
  const ft *t = T(c, i), *nx = T(c, i + 1);
  if (!t->pod && !((t->kw == K_THIS || t->kw == K_LAST) && nx->pod)) return 0;
  pt p = c->has_dct ? day_pt(c->dctz) : unknown_day();
  size_t k;
  if ((t->kw == K_THIS || t->kw == K_LAST) && nx->pod && !nx->plural && same_sent(c, i, i + 1)) {
    if (t->kw == K_LAST && nx->pod != P_NI) return 0;
    if (t->kw == K_LAST && c->has_dct) p = day_pt(c->dctz - 1);
    p.g = G_POD, p.sub = nx->pod;
    set_pt(o, i + 2, XC_TIMEX_TIME, C_POD, p);
    return 1;
  }
  if (!t->pod || t->plural || (pf & PF_THE)) return 0;
  k = i + 1;
  cand day;
  memset(&day, 0, sizeof day);
  if (same_sent(c, i, k) && (r_deictic(c, k, 0, &day) || r_wday(c, k, 0, &day)) &&
      day.p.g == G_DAY)
    p = day.p, k = day.j;
  else if (!(pf & PF_EARLY))
    return 0;
  p.g = G_POD, p.sub = t->pod;
  set_pt(o, k, XC_TIMEX_TIME, C_POD, p);
  return 1;
}

/* "now", "currently", "recently", "the past", "the future", "soon". */
static int r_ref(ctx *c, size_t i, int pf, cand *o) {
  const ft *t = T(c, i), *nx = T(c, i + 1);
  int det = pf & PF_THE, r;
  size_t k = i + 1;
  switch (t->kw) {
  case K_NOW:
    if (det) return 0;
    r = R_PRESENT;
    break;
  case K_CURRENTLY:
  case K_NOWADAYS:
    if (det) return 0;
    r = R_PRESENT;
    break;
  case K_CURRENT:
    if (det || nx->unit) return 0;
    r = R_PRESENT;
    break;
  case K_PRESENT:
    if (!det || !(nx->f & F_PUNCT)) return 0;
    r = R_PRESENT;
    break;
  case K_A: /* "for a while" (a vague duration), "a while ago" */
    if (nx->kw != K_WHILE || det) return 0;
    if (kw_at(c, i + 2, K_AGO)) {
      set_pt(o, i + 3, XC_TIMEX_DATE, C_AGO, ref_pt(R_PAST));
      return 1;
    }
    set_str(o, i + 2, XC_TIMEX_DURATION, C_DUR, "PXX");
    return 1;
  case K_THESE:
    if (nx->unit != U_DAY || !nx->plural) return 0;
    r = R_PRESENT, k++;
    break;
  case K_RECENTLY:
  case K_LATELY:
    if (det) return 0;
    r = R_PAST;
    break;
  case K_RECENT:
    if (det) return 0;
    if (nx->unit && nx->plural && same_sent(c, i, k)) { /* "recent years" */
      k++;
      if (kw_at(c, k, K_AND) && T(c, k + 1)->unit && T(c, k + 1)->plural) k += 2;
    }
    r = R_PAST;
    break;
  case K_COMING: /* "in coming months", "past years" */
    if (det || !nx->unit || !nx->plural || !same_sent(c, i, k)) return 0;
    r = R_FUTURE, k++;
    break;
  case K_PAST:
    if (!det && nx->unit && nx->plural && same_sent(c, i, k)) {
      r = R_PAST, k++;
      break;
    }
    if (!det || nx->unit || nx->numw >= 0 || nx->nk || nx->kw == K_FEW ||
        nx->kw == K_SEVERAL || nx->kw == K_COUPLE || nx->season || nx->month || nx->wday)
      return 0;
    r = R_PAST;
    break;
  case K_NEAR:
    if (!det) return 0;
    if (nx->kw == K_FUTURE) {
      r = R_FUTURE, k++;
      break;
    }
    /* fall through */ /* to "the near term" */
  case K_SHORT:
  case K_LONG:
    if (!det || !word_is(c, i + 1, "term") || (nx->f & F_HYPH) ||
        !(T(c, i + 2)->f & F_PUNCT))
      return 0;
    r = R_FUTURE, k++;
    break;
  case K_TIME: /* "at the time" */
    if (!det || i < 2 || c->t[i - 2].kw != K_AT || !(nx->f & F_PUNCT)) return 0;
    r = R_PAST;
    break;
  case K_LATER: /* "at a later date" */
    if (!(i > 0 && c->t[i - 1].kw == K_A) || !word_is(c, i + 1, "date")) return 0;
    r = R_FUTURE, k++;
    break;
  case K_FUTURE: /* "the future", "in future"; not "future earnings" */
    if (!det && !(i > 0 && c->t[i - 1].kw == K_IN)) return 0;
    r = R_FUTURE;
    break;
  case K_SOON:
    if (det) return 0;
    if (word_is(c, i + 1, "as") && word_is(c, i + 2, "possible") && i > 0 &&
        word_is(c, i - 1, "as")) { /* "as soon as possible" */
      set_pt(o, i + 3, XC_TIMEX_DATE, C_REF, ref_pt(R_FUTURE));
      o->j = i + 3;
      return 1;
    }
    if (word_is(c, i + 1, "as") || word_is(c, i + 1, "after")) return 0;
    r = R_FUTURE;
    break;
  default:
    return 0;
  }
  set_pt(o, k, XC_TIMEX_DATE, C_REF, ref_pt(r));
  return 1;
}

/* "this year", "last week", "next month", "the past year", "the
 * following day", "that year", "this quarter". */
static int r_rel(ctx *c, size_t i, int pf, cand *o) {
  const ft *m = T(c, i);
  size_t k = i + 1 + kw_at(c, i + 1, K_FISCAL); /* "the current fiscal year" */
  const ft *u = T(c, k);
  int det = pf & PF_THE, anaph = 0;
  long n;
  if (!u->unit || u->plural || (u->f & F_HYPH) || !same_sent(c, i, k)) return 0;
  if (u->unit <= U_HOUR) return 0;
  if (u->f & F_CAP) return 0; /* a title: ABC's "This Week" */
  switch (m->kw) {
  case K_THIS: if (det) return 0; n = 0; break;
  case K_CURRENT: n = 0; break;
  case K_LAST: n = -1; break;
  case K_PAST:
  case K_LATEST: if (!det) return 0; n = -1; break;
  case K_NEXT: n = 1, anaph = det; break;
  case K_COMING: n = 1; break;
  case K_PREVIOUS:
  case K_PRIOR: n = -1, anaph = 1; break;
  case K_FOLLOWING: n = 1, anaph = 1; break;
  case K_SAME: n = 0, anaph = 1; break;
  case K_THAT: if (det) return 0; n = 0, anaph = 1; break;
  default: return 0;
  }
  if (u->unit == U_DAY && !anaph) return 0; /* "this day", "the last day" */
  k++;
  if (!c->has_dct && !anaph) {
    pt p = {u->unit == U_YEAR ? G_YEAR : u->unit == U_MONTH ? G_MONTH : u->unit == U_QUARTER ? G_QUARTER
           : u->unit == U_WEEK ? G_WEEK : G_DAY, YX, 0, 0, 0, 0, 0};
    set_pt(o, k, XC_TIMEX_DATE, C_REL, p);
    return 1;
  }
  pt p;
  if (u->unit == U_QUARTER && anaph) {
    pt f = focus_quarter(c);
    p = f.y == YX ? f : shift(days_from_civil(f.y, f.sub * 3 - 2, 1), U_QUARTER, n);
  } else {
    p = shift(anaph ? anchor_z(c, u->unit) : c->dctz, u->unit, n);
  }
  set_pt(o, k, XC_TIMEX_DATE, C_REL, p);
  return 1;
}

/* "the weekend": the one just past, unless the sentence looks ahead or
 * the DCT is itself at the end of the week. */
static pt weekend_pt(const ctx *c, int tense) {
  long z = c->dctz;
  if (weekday(z) <= 4 && tense != T_FUTURE) z -= 7;
  return week_pt(z, G_WEEKEND);
}

/* "the year" (DATE, or DURATION in "the year ended June 30"), "the
 * month", "the week", "the weekend", "the day". */
static int r_the_unit(ctx *c, size_t i, int pf, cand *o) {
  const ft *u = T(c, i), *nx = T(c, i + 1);
  size_t k = i + 1;
  if (u->kw == K_FULL && nx->unit == U_YEAR) u = nx, nx = T(c, i + 2), k++; /* "the full year" */
  if (!(pf & PF_THE) || !u->unit || u->plural || (u->f & F_HYPH)) return 0;
  if (nx->f & F_HYPH) return 0; /* "the year-earlier period" */
  if (u->f & F_CAP) return 0;
  if (nx->kw == K_ENDED || nx->kw == K_ENDING) {
    if (u->unit != U_YEAR && u->unit != U_MONTH && u->unit != U_WEEK) return 0;
    char v[32];
    fmt_dur(v, 1, 0, u->unit);
    set_str(o, k, XC_TIMEX_DURATION, C_THEUNIT, v);
    return 1;
  }
  pt p;
  cand d;
  memset(&d, 0, sizeof d);
  if (u->unit == U_WEEK && kw_at(c, k, K_OF) && same_sent(c, i, k + 1) &&
      r_date(c, k + 1, 0, &d) && d.p.g == G_DAY && d.p.y != YX) {
    /* "the week of March 6": the ISO week of that day */
    set_pt(o, d.j, XC_TIMEX_DATE, C_THEUNIT, week_pt(days_from_civil(d.p.y, d.p.m, d.p.d), G_WEEK));
    return 1;
  }
  switch (u->unit) {
  case U_YEAR:
  case U_MONTH:
  case U_WEEK:
    if (!c->has_dct) return 0;
    p = shift(c->dctz, u->unit, 0);
    break;
  case U_WEEKEND:
    if (!c->has_dct) return 0;
    p = weekend_pt(c, tense_near(c, i, k));
    break;
  case U_DAY:
    if (!c->has_dct && !c->has_refday) return 0;
    p = day_pt(c->has_refday ? c->refday : c->dctz);
    break;
  default:
    return 0;
  }
  set_pt(o, k, XC_TIMEX_DATE, C_THEUNIT, p);
  return 1;
}

/* Words allowed between a number and its unit ("two more years", "eight
 * trading days"). */
static int unit_filler(int kw) {
  switch (kw) {
  case K_MORE: case K_ADDITIONAL: case K_OTHER: case K_CONSECUTIVE: case K_STRAIGHT:
  case K_TRADING: case K_BUSINESS: case K_CALENDAR: case K_FULL:
    return 1;
  default:
    return 0;
  }
}

/* Words before a bare plural unit that make it a vague duration ("for
 * years", "within weeks"). */
static int bare_unit_context(int kw) {
  return kw == K_FOR || kw == K_OVER || kw == K_WITHIN || kw == K_AFTER || kw == K_IN;
}

/* "three years", "the past three months", "two-day", "2 1/2 years", "a
 * minute and a half", and the dates "four years ago", "a year earlier",
 * "two days later", "three weeks from now". */
static int r_duration(ctx *c, size_t i, int pf, cand *o) {
  int det = pf & PF_THE, lead = 0;
  size_t k = i;
  const ft *t = T(c, k);
  switch (t->kw) {
  case K_LAST: case K_PAST: case K_NEXT: case K_COMING: case K_PREVIOUS: case K_FINAL:
  case K_REMAINING: case K_LATEST: case K_FOLLOWING: case K_PRIOR: case K_ENTIRE:
  case K_FULL: case K_WHOLE:
    lead = t->kw, k++;
    break;
  default:
    if (t->ord == 1 && t->numw < 0) lead = -1, k++; /* "the first nine months" */
    break;
  }
  numv nv;
  size_t e = num_at(c, k, &nv);
  int have_num = e > k;
  k = e;
  if (have_num && (kw_at(c, k, K_TO) || kw_at(c, k, K_OR) || kw_at(c, k, K_DASH))) {
    numv hi; /* a range: the extent covers it, the value keeps its start */
    size_t e2 = num_at(c, k + 1, &hi);
    if (e2 > k + 1 && T(c, e2)->unit && !hi.article) k = e2;
  }
  while (unit_filler(T(c, k)->kw) && same_sent(c, i, k)) k++;
  const ft *u = T(c, k);
  if (!u->unit || !same_sent(c, i, k)) return 0;
  int ahead = 0;
  if (!have_num) {
    if (!u->plural) return 0;
    int prev = i > 0 && same_sent(c, i - 1, i) ? c->t[i - 1].kw : 0;
    ahead = det && !lead && word_is(c, k + 1, "ahead"); /* "the weeks ahead" */
    int ago = !det && !lead && kw_at(c, k + 1, K_AGO);      /* "months ago" */
    int over = det && !lead && prev == K_OVER;              /* "over the years" */
    if (!lead && !ahead && !ago && !over && !(bare_unit_context(prev) && !det)) return 0;
    if (lead && lead != K_PAST && lead != K_LAST && lead != K_NEXT && lead != K_COMING &&
        lead != -1)
      return 0;
    if (!det && (lead == K_PAST || lead == K_COMING)) return 0; /* r_ref: "in coming months" */
    nv.vague = 1;
  }
  if (u->unit == U_SEC && (!have_num || nv.article)) return 0; /* "a second time" */
  if ((u->f & F_CAP) && !(t->f & F_CAP)) return 0; /* a title: "60 Minutes" */
  /* fractions: "three-quarters of", "a quarter of the market" */
  if (u->unit == U_QUARTER && (((u->f & F_HYPH) && u->plural) || (!u->plural && kw_at(c, k + 1, K_OF))))
    return 0;
  int hy = (u->f & F_HYPH) != 0;
  k += 1 + ahead;
  if (kw_at(c, k, K_OLD)) return 0; /* ages: "27-year-old", "five years old" */
  if (kw_at(c, k, K_LONG) && (T(c, k)->f & F_HYPH)) k++; /* "two-year-long" */
  else if ((T(c, k)->f & F_HYPH) && same_sent(c, i, k))
    return 0; /* the unit starts a compound: "a year-earlier loss", "quarter-century" */
  if (kw_at(c, k, K_AND) && kw_at(c, k + 1, K_A) && kw_at(c, k + 2, K_HALF) && !nv.vague)
    nv.v += 0.5, k += 3;
  if (kw_at(c, k, K_OR) && (kw_at(c, k + 1, K_SO) || kw_at(c, k + 1, K_MORE))) k += 2;
  else if (kw_at(c, k, K_OR) && T(c, k + 1)->unit && T(c, k + 1)->plural == u->plural &&
           !hy)
    k += 2; /* "weeks or months" */
  else if (kw_at(c, k, K_OR) && T(c, k + 1)->numw > 0 && !T(c, k + 2)->unit && !hy)
    k += 2; /* "a year or two" */
  if (hy && det) return 0; /* "the two-year war": "the" stays outside */
  if (det && !lead && (T(c, k)->f & F_WORD) && !T(c, k)->kw && !T(c, k)->tense &&
      same_sent(c, i, k))
    return 0; /* "the two day rally" */
  int dir = 0, from_ref = 0;
  if (!hy && !lead && same_sent(c, i, k)) {
    const ft *a = T(c, k);
    if (a->kw == K_AGO || a->kw == K_BACK) dir = -1, k++;
    else if (a->kw == K_EARLIER) dir = -1, from_ref = 1, k++;
    else if (a->kw == K_FROM && kw_at(c, k + 1, K_NOW)) dir = 1, k += 2;
    else if (a->kw == K_HENCE) dir = 1, k++;
  }
  static const char *const modal[] = {"will", "would", "could", "may", "might", "can",
                                      "shall", "should", NULL};
  if (!dir && !det && !lead && word_is(c, i, "one") && u->unit == U_DAY && !u->plural &&
      i > 0 && same_sent(c, i - 1, i) && word_in(c, i - 1, modal)) {
    /* "it will one day be": some day ahead, not a length */
    set_pt(o, k, XC_TIMEX_DATE, C_REF, ref_pt(R_FUTURE));
    return 1;
  }
  if (!dir) {
    char v[32];
    fmt_dur(v, nv.v, nv.vague, u->unit);
    set_str(o, k, XC_TIMEX_DURATION, C_DUR, v);
    return 1;
  }
  pt p;
  if (nv.vague || nv.v > 9999) /* "millions of years ago": no calendar for it */
    p = ref_pt(dir < 0 ? R_PAST : R_FUTURE);
  else if (!c->has_dct) p = unknown_day();
  else if (u->unit == U_YEAR && nv.v == 1 && c->focus_q) { /* "a year ago" in a report on a quarter */
    p = focus_quarter(c);
    p.y += dir;
  } else {
    long n = (long)(nv.v + 0.5);
    p = shift(from_ref ? anchor_z(c, u->unit) : c->dctz, u->unit, dir * n);
  }
  set_pt(o, k, XC_TIMEX_DATE, C_AGO, p);
  return 1;
}

/* The year of quarter q named without one: the DCT's year when the
 * quarter has begun by the DCT (or lies ahead in a future sentence), else
 * the year before. */
static int year_for_quarter(const ctx *c, int q, int tense) {
  if (!c->has_dct) return YX;
  int cur = (c->dct.m - 1) / 3 + 1;
  if (q <= cur || tense == T_FUTURE) return c->dct.y;
  return c->dct.y - 1;
}

/* "the third quarter", "third-quarter", "the fourth quarter of 1990",
 * "this year's third quarter", "the year-ago quarter", "the latest
 * period", "the quarter", "the first half", "the first two quarters of
 * 1990", "fiscal second-quarter". */
static int r_quarter(ctx *c, size_t i, int pf, cand *o) {
  int det = pf & PF_THE, y = YX, off, yearago = 0, latest = 0, cur = 0, ordv = 0, half = 0;
  size_t k = i;
  int explicit_year = 0;
  if (!det && word_is(c, k, "its")) k++, det = 1;
  const ft *t = T(c, k);
  if (rel_year_at(c, k, &off) && kw_at(c, k + 2, K_POSS)) { /* "this year's" */
    if (c->has_dct) y = c->dct.y + off;
    k += 3;
  } else if (t->nk == N_INT && year_at(c, k, &y, 0) > k) { /* "1989's", "the 1988 third quarter" */
    k += 1 + kw_at(c, k + 1, K_POSS);
    explicit_year = 1;
  }
  for (int guard = 0; guard < 4; guard++) {
    t = T(c, k);
    if (t->unit == U_YEAR && !t->plural && (T(c, k + 1)->f & F_HYPH) &&
        (kw_at(c, k + 1, K_AGO) || kw_at(c, k + 1, K_EARLIER))) {
      yearago = 1, k += 2; /* "year-ago", "year-earlier" */
    } else if (t->kw == K_COMPARABLE || t->kw == K_CORRESPONDING || t->kw == K_SAME) {
      latest = 2, k++;
    } else if (t->kw == K_LATEST || t->kw == K_RECENT) {
      latest = 1, k++;
    } else if (t->kw == K_CURRENT) {
      cur = 1, k++;
    } else if (t->kw == K_FISCAL) {
      k++;
    } else {
      break;
    }
  }
  if (!same_sent(c, i, k)) return 0;
  t = T(c, k);
  size_t e = ordinal_at(c, k, &ordv);
  if (e == k && t->kw == K_LAST && T(c, k + 1)->kw == K_HALF) ordv = 2, e = k + 1;
  k = e;
  t = T(c, k);
  int hy = (t->f & F_HYPH) != 0;
  if (ordv == 1 && t->numw == 2 && T(c, k + 1)->unit == U_QUARTER && T(c, k + 1)->plural) {
    half = 1, k += 2; /* "the first two quarters" */
  } else if (t->unit == U_QUARTER && !t->plural) {
    if (ordv > 4 || (!ordv && !det && !cur && !latest && !yearago)) return 0;
    if (T(c, k + 1)->f & F_HYPH) return 0; /* "quarter-century", "quarter-to-quarter" */
    k++;
  } else if (t->kw == K_HALF && ordv >= 1 && ordv <= 2) {
    if (!det && !hy && y == YX) return 0;
    half = ordv, k++;
  } else if (t->kw == K_PERIOD && !ordv && (yearago || latest || (explicit_year && det))) {
    k++; /* "the year-ago period", "the latest period", "the 1988 period" */
  } else if (yearago && !ordv && !latest && !cur && y == YX) {
    /* "year-ago results": the quarter in focus a year back, or last year */
    if (det) return 0;
    pt f = focus_quarter(c);
    if (c->focus_q) f.y--;
    else f = c->has_dct ? year_pt(c->dct.y - 1) : year_pt(YX);
    set_pt(o, k, XC_TIMEX_DATE, C_QUARTER, f);
    o->nofocus = 1;
    return 1;
  } else {
    return 0;
  }
  if (!same_sent(c, i, k - 1)) return 0;
  if (hy && det) return 0; /* "the third-quarter loss" */
  /* the year after: "of 1990", "of fiscal 1990", "last year", "a year ago" */
  if (y == YX) {
    size_t q = k + (kw_at(c, k, K_OF) && kw_at(c, k + 1, K_FISCAL));
    size_t ye = year_after(c, q, &y);
    if (ye > q) k = ye;
    else if (kw_at(c, k, K_A) && T(c, k + 1)->unit == U_YEAR && kw_at(c, k + 2, K_AGO))
      yearago = 1, k += 3;
  } else if (kw_at(c, k, K_A) && T(c, k + 1)->unit == U_YEAR && kw_at(c, k + 2, K_AGO)) {
    yearago = 1, k += 3;
  }
  pt p = {half ? G_HALF : G_QUARTER, y, 0, 0, half ? half : ordv, 0, 0};
  if (!half && !ordv) {
    /* "the current quarter" is the DCT's, "the latest quarter" the last one
     * ended by then, "the quarter" the one the report is about */
    pt f = !c->has_dct ? focus_quarter(c)
           : cur       ? shift(c->dctz, U_QUARTER, 0)
           : latest == 1 ? shift(c->dctz, U_QUARTER, -1)
                         : focus_quarter(c);
    if (y == YX) p = f;
    else p.sub = f.sub; /* "the corresponding period last year" */
  } else if (y == YX) {
    if (half) y = c->has_dct ? c->dct.y : YX;
    else y = year_for_quarter(c, ordv, tense_near(c, i, k));
    p.y = y;
  }
  if (yearago && p.y != YX) p.y--;
  o->p = p;
  set_pt(o, k, XC_TIMEX_DATE, C_QUARTER, p);
  o->nofocus = yearago;
  return 1;
}

/* Words before a season that make it one ("in spring", "since summer"). */
static int season_context(int kw) {
  switch (kw) {
  case K_IN: case K_DURING: case K_SINCE: case K_UNTIL: case K_BY: case K_THROUGH:
  case K_FROM: case K_OVER: case K_LATE: case K_EARLY: case K_MID:
    return 1;
  default:
    return 0;
  }
}

/* The season of day z (northern hemisphere, by months). */
static int season_of(const ctx *c) {
  static const int by_month[] = {S_WI, S_WI, S_SP, S_SP, S_SP, S_SU, S_SU, S_SU, S_FA,
                                 S_FA, S_FA, S_WI};
  return by_month[c->dct.m - 1];
}

/* "this summer", "last fall", "the winter of 1994", "spring last year",
 * "in the spring". */
static int r_season(ctx *c, size_t i, int pf, cand *o) {
  int rel = 0, y = YX, kw0 = T(c, i)->kw;
  size_t k = i + rel_mod_at(c, i, &rel, 1);
  if (rel && (pf & PF_THE) && kw0 != K_PAST && kw0 != K_COMING) return 0;
  const ft *t = T(c, k);
  if (!t->season || t->plural || !same_sent(c, i, k)) return 0;
  k++;
  size_t e = year_after(c, k, &y);
  int explicit_year = e > k;
  k = e;
  const ft *nx = T(c, k);
  if (!rel && !explicit_year) {
    int prev = i > 0 ? c->t[i - 1].kw : 0;
    if (!(pf & (PF_THE | PF_EARLY | PF_EDGE)) && !season_context(prev)) return 0;
    /* "the fall in prices", "a spring of water", "summer camp" */
    if (!(nx->f & F_PUNCT) && nx->kw != K_AND && !nx->tense && k < c->nt) return 0;
  }
  if (!explicit_year) {
    if (!c->has_dct) y = YX;
    else if (rel == K_LAST && kw0 == K_THIS) /* "this past spring": the last one begun */
      y = c->dct.y - (t->season > season_of(c) && season_of(c) != S_WI);
    else if (rel == K_LAST) y = c->dct.y - 1;
    else if (rel == K_THIS) y = c->dct.y;
    else if (rel == K_NEXT || rel == K_COMING) y = c->dct.y + (t->season <= season_of(c));
    else {
      int tense = tense_near(c, i, k), now = season_of(c);
      y = c->dct.y;
      if (tense == T_PAST && t->season > now && now != S_WI) y--;
      if (tense == T_FUTURE && t->season < now) y++;
    }
  }
  pt p = {G_SEASON, y, 0, 0, t->season, 0, 0};
  set_pt(o, k, XC_TIMEX_DATE, C_SEASON, p);
  return 1;
}

/* Words before "a year" that make it a rate ("$5 million a year", "twice
 * a week"). */
static int rate_before(const ctx *c, size_t i) {
  if (i == 0 || !same_sent(c, i - 1, i)) return 0;
  const ft *p = &c->t[i - 1];
  if (p->nk == N_INT || p->nk == N_DEC) return 1;
  if (p->kw == K_PERCENT || p->kw == K_TIMES || p->kw == K_TWICE || p->kw == K_ONCE) return 1;
  /* a counted noun: "four flights a week", "$5 million a year" */
  if (!(p->f & F_WORD) || p->kw || p->tense || p->unit) return 0;
  for (size_t k = i - 1; k-- > 0 && k + 4 >= i && same_sent(c, k, i);)
    if ((c->t[k].nk == N_INT || c->t[k].nk == N_DEC || c->t[k].numw > 1) && !c->t[k].unit)
      return 1;
  return 0;
}

/* "every week", "each month", "every two years", "each Thursday", "each
 * July", "daily", "annually", "a year" after an amount, "per day",
 * "Mondays", "Tuesday nights". */
static int r_set(ctx *c, size_t i, int pf, cand *o) {
  const ft *t = T(c, i);
  char v[32];
  size_t k = i + 1;
  const char *fixed = NULL;
  switch (t->kw) {
  case K_EVERY:
  case K_EACH: {
    long n = 1;
    numv nv = {1, 0, 0};
    if (kw_at(c, k, K_OTHER)) n = 2, k++;
    else {
      size_t e = num_at(c, k, &nv);
      if (e > k && !nv.article) n = (long)(nv.v + 0.5), k = e;
    }
    const ft *u = T(c, k);
    if (!same_sent(c, i, k)) return 0;
    if (u->unit && u->unit != U_WEEKEND) fmt_dur(v, (double)n, nv.vague, u->unit);
    else if (u->wday && (u->f & F_CAP)) snprintf(v, sizeof v, "XXXX-WXX-%d", u->wday);
    else if (u->month && (u->f & F_CAP)) snprintf(v, sizeof v, "XXXX-%02d", u->month);
    else if (u->season) snprintf(v, sizeof v, "XXXX-%s", season_code[u->season]);
    else if (u->pod) snprintf(v, sizeof v, "XXXX-XX-XXT%s", pod_code[u->pod]);
    else if (u->unit == U_WEEKEND) snprintf(v, sizeof v, "XXXX-WXX-WE");
    else return 0;
    if (u->wday && T(c, k + 1)->pod && same_sent(c, k, k + 1)) { /* "each Friday night" */
      size_t len = strlen(v);
      snprintf(v + len, sizeof v - len, "T%s", pod_code[T(c, k + 1)->pod]);
      k++;
    }
    set_str(o, k + 1, XC_TIMEX_SET, C_SET, v);
    return 1;
  }
  case K_DAILY: fixed = "P1D"; break;
  case K_NIGHTLY: fixed = "XXXX-XX-XXTNI"; break;
  case K_WEEKLY: fixed = "P1W"; break;
  case K_MONTHLY: fixed = "P1M"; break;
  case K_YEARLY:
  case K_ANNUALLY: fixed = "P1Y"; break;
  case K_HOURLY: fixed = "PT1H"; break;
  case K_PER:
  case K_A: {
    const ft *u = T(c, k);
    if (!u->unit || u->plural || u->unit == U_WEEKEND || !same_sent(c, i, k)) return 0;
    if (t->kw == K_A && !rate_before(c, i)) return 0;
    const ft *nx = T(c, k + 1);
    if (nx->kw == K_AGO || nx->kw == K_EARLIER || nx->kw == K_LATER || nx->kw == K_OLD ||
        nx->kw == K_BEFORE || nx->kw == K_AFTER || (nx->f & F_HYPH))
      return 0;
    fmt_dur(v, 1, 0, u->unit);
    set_str(o, k + 1, XC_TIMEX_SET, C_SET, v);
    return 1;
  }
  default:
    if (t->wday && t->plural && (t->f & F_CAP)) { /* "on Mondays" */
      snprintf(v, sizeof v, "XXXX-WXX-%d", t->wday);
      set_str(o, i + 1, XC_TIMEX_SET, C_SET, v);
      return 1;
    }
    if (t->wday && !t->plural && (t->f & F_CAP) && T(c, k)->pod && T(c, k)->plural &&
        same_sent(c, i, k)) { /* "Tuesday nights" */
      snprintf(v, sizeof v, "XXXX-WXX-%dT%s", t->wday, pod_code[T(c, k)->pod]);
      set_str(o, k + 1, XC_TIMEX_SET, C_SET, v);
      return 1;
    }
    return 0;
  }
  if (pf & PF_THE) return 0; /* "the daily tally" */
  set_str(o, k, XC_TIMEX_SET, C_SET, fixed);
  return 1;
}

/* A day after a clock time ("5 p.m. EST Nov. 9", "10 p.m. Wednesday",
 * "noon today"): its point, and the end in *k. */
static int clock_day(ctx *c, size_t k0, size_t *k, pt *day) {
  size_t q = k0 + kw_at(c, k0, K_COMMA);
  q += kw_at(c, q, K_ON);
  cand d;
  memset(&d, 0, sizeof d);
  if (!same_sent(c, k0 > 0 ? k0 - 1 : 0, q)) return 0;
  if ((r_date(c, q, 0, &d) && d.p.g == G_DAY) || (r_numdate(c, q, 0, &d)) ||
      (r_wday(c, q, 0, &d) && d.p.g == G_DAY) || (r_deictic(c, q, 0, &d) && d.p.g == G_DAY)) {
    *k = d.j, *day = d.p;
    return 1;
  }
  return 0;
}

/* "3:30 p.m.", "5 p.m. EST", "10 a.m. Friday", "noon", "midnight Friday",
 * "at 14:30", "nine o'clock". */
static int r_clock(ctx *c, size_t i, int pf, cand *o) {
  const ft *t = T(c, i), *nx = T(c, i + 1);
  int hh, mm = 0, ampm = 0;
  size_t k = i + 1;
  if (pf & PF_THE) return 0;
  if ((t->kw == K_NOON || t->kw == K_MIDNIGHT) && (t->f & F_CAP) && i > 0 &&
      same_sent(c, i - 1, i))
    return 0; /* a title: "High Noon" */
  if (t->kw == K_NOON || t->kw == K_MIDDAY) hh = 12;
  else if (t->kw == K_MIDNIGHT) hh = 24;
  else if ((t->nk == N_CLOCK || t->nk == N_INT) && !(t->f & (F_MONEY | F_GROUP))) {
    hh = t->num, mm = t->nk == N_CLOCK ? t->n2 : 0;
    if (nx->kw == K_AM || nx->kw == K_PM) {
      if (hh < 1 || hh > 12) return 0;
      ampm = nx->kw, k++;
    } else if (nx->kw == K_OCLOCK) {
      if (hh < 1 || hh > 12) return 0;
      k++;
    } else if (t->nk == N_INT || (!nx->tz && !(i > 0 && c->t[i - 1].kw == K_AT))) {
      return 0; /* "3:30" alone may be a score or a ratio */
    }
  } else if (t->numw >= 1 && t->numw <= 12 && nx->kw == K_OCLOCK) {
    hh = t->numw, k++;
  } else {
    return 0;
  }
  if (!same_sent(c, i, k - 1)) return 0;
  if (ampm == K_PM && hh < 12) hh += 12;
  if (ampm == K_AM && hh == 12) hh = 0;
  if (T(c, k)->tz && same_sent(c, i, k)) k++;
  pt day = c->has_dct ? day_pt(c->dctz) : unknown_day();
  size_t e;
  if (clock_day(c, k, &e, &day)) {
    k = e;
  } else if (k < c->nt && c->text[c->t[k].s] == '(' && same_sent(c, i, k)) {
    /* "10:35 a.m. (0735 GMT) Friday": the day after the aside dates the
     * time, outside its extent */
    for (size_t q = k + 1; q < k + 6 && same_sent(c, k, q); q++)
      if (c->text[c->t[q].s] == ')') {
        clock_day(c, q + 1, &e, &day);
        break;
      }
  }
  day.g = G_TIME, day.hh = hh, day.mm = mm;
  set_pt(o, k, XC_TIMEX_TIME, C_CLOCK, day);
  return 1;
}

/* "year-end", "year end", "yearend", "year's end". */
static int r_yearend(ctx *c, size_t i, int pf, cand *o) {
  const ft *t = T(c, i);
  size_t k;
  if (pf & PF_THE) return 0;
  if (t->kw == K_YEAREND) k = i + 1;
  else if (t->unit == U_YEAR && !t->plural && kw_at(c, i + 1, K_END) && same_sent(c, i, i + 1))
    k = i + 2;
  else if (t->unit == U_YEAR && !t->plural && kw_at(c, i + 1, K_POSS) && kw_at(c, i + 2, K_END))
    k = i + 3;
  else return 0;
  if (!c->has_dct) return 0;
  set_pt(o, k, XC_TIMEX_DATE, C_YEAREND, year_pt(c->dct.y));
  return 1;
}

/* "the day before", "the day after" (at the end of a clause): a day from
 * the last one named. */
static int r_anaph_day(ctx *c, size_t i, int pf, cand *o) {
  const ft *t = T(c, i);
  if (!(pf & PF_THE) || t->unit != U_DAY || t->plural) return 0;
  int dir = kw_at(c, i + 1, K_BEFORE) ? -1 : kw_at(c, i + 1, K_AFTER) ? 1 : 0;
  cand d;
  memset(&d, 0, sizeof d);
  if (dir && same_sent(c, i, i + 2) &&
      (r_wday(c, i + 2, 0, &d) || r_date(c, i + 2, 0, &d)) && d.p.g == G_DAY &&
      d.p.y != YX) {
    /* "the day before last Tuesday('s hearing)": a day from the one named */
    set_pt(o, d.j, XC_TIMEX_DATE, C_THEUNIT, day_pt(days_from_civil(d.p.y, d.p.m, d.p.d) + dir));
    return 1;
  }
  if (!dir || !(T(c, i + 2)->f & F_PUNCT)) return 0;
  if (!c->has_dct && !c->has_refday) return 0;
  set_pt(o, i + 2, XC_TIMEX_DATE, C_THEUNIT,
         day_pt((c->has_refday ? c->refday : c->dctz) + dir));
  return 1;
}

/* Easter Sunday of year y (the anonymous Gregorian computus of Meeus,
 * Jones and Butcher): its month and day. */
static void easter(int y, int *m, int *d) {
  int a = y % 19, b = y / 100, cc = y % 100, dd = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - dd - g + 15) % 30;
  int i = cc / 4, k = cc % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int mm = (a + 11 * h + 22 * l) / 451;
  *m = (h + l - 7 * mm + 114) / 31;
  *d = (h + l - 7 * mm + 114) % 31 + 1;
}

/* Holidays news dates things by: a fixed day, the nth weekday wd of a
 * month (nth -1: the last one), or Easter (m 0). */
typedef struct holiday {
  const char *w1, *w2, *w3; /* its words; w2/w3 NULL when absent or optional */
  int need2;                /* w2 is required ("Election Day") */
  int m, d, wd, nth;
} holiday;

static const holiday holidays[] = {
    {"Christmas", "Eve", NULL, 1, 12, 24, 0, 0},
    {"Christmas", "Day", NULL, 0, 12, 25, 0, 0},
    {"New", "Year", "Eve", 1, 12, 31, 0, 0},
    {"New", "Year", "Day", 1, 1, 1, 0, 0},
    {"Thanksgiving", "Day", NULL, 0, 11, 0, 4, 4},
    {"Election", "Day", NULL, 1, 11, 0, 2, 0}, /* nth 0: see holiday_day */
    {"Labor", "Day", NULL, 1, 9, 0, 1, 1},
    {"Memorial", "Day", NULL, 1, 5, 0, 1, -1},
    {"Halloween", NULL, NULL, 0, 10, 31, 0, 0},
    {"Valentine", "Day", NULL, 1, 2, 14, 0, 0},
    {"Easter", "Sunday", NULL, 0, 0, 0, 0, 0},
};

/* The day of holiday h in year y. */
static long holiday_day(const holiday *h, int y) {
  int m = h->m, d = h->d;
  if (!m) easter(y, &m, &d);
  if (d) return days_from_civil(y, m, d);
  if (h->nth > 0) {
    long first = days_from_civil(y, m, 1);
    return first + (h->wd - weekday(first) + 7) % 7 + 7L * (h->nth - 1);
  }
  if (h->nth < 0) {
    long last = days_from_civil(y, m, days_in_month(y, m));
    return last - (weekday(last) - h->wd + 7) % 7;
  }
  long first = days_from_civil(y, m, 1); /* Election Day: the Tuesday after the first Monday */
  return first + (1 - weekday(first) + 7) % 7 + 1;
}

/* "Christmas", "New Year's Eve", "Thanksgiving Day", "last Thanksgiving",
 * "Election Day", "Easter", "Christmas 1998". */
static int r_holiday(ctx *c, size_t i, int pf, cand *o) {
  int rel = 0;
  size_t k0 = i + rel_mod_at(c, i, &rel, 0), k = k0;
  if ((pf & PF_THE) || !(T(c, k)->f & F_CAP) || !same_sent(c, i, k)) return 0;
  const holiday *h = NULL;
  for (size_t n = 0; n < sizeof holidays / sizeof holidays[0] && !h; n++) {
    const holiday *t = &holidays[n];
    size_t q = k;
    if (!word_is(c, q, t->w1)) continue;
    q++;
    if (t->w3) { /* "New Year's Day" */
      if (!word_is(c, q, t->w2) || !kw_at(c, q + 1, K_POSS) || !word_is(c, q + 2, t->w3)) continue;
      q += 3;
    } else if (t->w2) {
      size_t poss = kw_at(c, q, K_POSS); /* "Valentine's Day" */
      if (word_is(c, q + poss, t->w2)) q += poss + 1;
      else if (t->need2) continue;
    }
    if (!same_sent(c, k, q - 1)) continue;
    h = t, k = q;
  }
  if (!h) return 0;
  /* "Easter week": the ISO week of the holiday */
  int week = T(c, k)->unit == U_WEEK && !T(c, k)->plural && same_sent(c, i, k);
  k += week;
  int y = YX;
  size_t e = year_after(c, k, &y);
  int explicit_year = e > k;
  k = e;
  long z;
  if (!explicit_year) {
    if (!c->has_dct) {
      pt p = {week ? G_WEEK : G_DAY, YX, week ? 0 : h->m, week ? 0 : h->d, 0, 0, 0};
      set_pt(o, k, XC_TIMEX_DATE, C_DATE, p);
      return 1;
    }
    /* the one that the tense (or "last", "next") points to from the DCT */
    y = c->dct.y;
    z = holiday_day(h, y);
    long first = week ? z - (weekday(z) - 1) : z; /* a week has begun by its Monday */
    int tense = rel == K_LAST ? T_PAST : rel == K_NEXT ? T_FUTURE : tense_near(c, i, k);
    if (tense == T_PAST && first > c->dctz) y--;
    else if (tense == T_FUTURE && z < c->dctz) y++;
    else if (rel == K_LAST && z == c->dctz) y--;
  }
  z = holiday_day(h, y);
  set_pt(o, k, XC_TIMEX_DATE, C_DATE, week ? week_pt(z, G_WEEK) : day_pt(z));
  return 1;
}

/* ==== modifiers, matching, and the public calls ==== */

/* One modifier at k that TimeML keeps inside the extent; returns its
 * length in tokens (0 when there is none) and adds its PF_* to *pf. */
static size_t prefix_at(const ctx *c, size_t k, int *pf) {
  const ft *t = T(c, k);
  int nk = T(c, k + 1)->kw;
  switch (t->kw) {
  case K_THE:
    if ((nk == K_END || nk == K_BEGINNING || nk == K_START || nk == K_MIDDLE || nk == K_TURN) &&
        kw_at(c, k + 2, K_OF))
      return *pf |= PF_EDGE, 3;
    if (*pf & PF_THE) return 0;
    return *pf |= PF_THE, 1;
  case K_END:
  case K_BEGINNING:
  case K_START:
    return nk == K_OF ? (*pf |= PF_EDGE, 2) : 0;
  case K_ABOUT:
  case K_AROUND:
  case K_APPROXIMATELY:
  case K_ROUGHLY:
  case K_NEARLY:
  case K_ALMOST:
    return *pf |= PF_APPROX, 1;
  case K_SOME:
    return T(c, k + 1)->nk == N_INT ? (*pf |= PF_APPROX, 1) : 0;
  case K_MORE:
  case K_LESS:
  case K_FEWER:
    return nk == K_THAN ? (*pf |= PF_APPROX, 2) : 0;
  case K_AT:
    return nk == K_LEAST || nk == K_MOST ? (*pf |= PF_APPROX, 2) : 0;
  case K_UP:
    return nk == K_TO ? (*pf |= PF_APPROX, 2) : 0;
  case K_NO:
    return (nk == K_MORE || nk == K_LESS) && kw_at(c, k + 2, K_THAN) ? (*pf |= PF_APPROX, 3) : 0;
  case K_EARLY:
  case K_LATE:
  case K_MID:
    if (nk == K_IN) return *pf |= PF_EARLIER | PF_IN, 2;
    return *pf |= PF_EARLY, 1;
  case K_EARLIER:
  case K_LATER:
    if (nk == K_IN) return *pf |= PF_EARLIER | PF_IN, 2;
    return *pf |= PF_EARLIER, 1;
  case K_FISCAL:
    return *pf |= PF_FISCAL, 1;
  default:
    return 0;
  }
}

/* Whether the modifiers pf go with a core of category cat ("nearly two
 * years" but not "nearly Friday"). */
static int compatible(int pf, int cat) {
  if ((pf & PF_APPROX) && !(cat & (C_DUR | C_AGO | C_CLOCK | C_DATE | C_YEAREND))) return 0;
  if ((pf & PF_EARLY) && !(cat & (C_DATE | C_MONTH | C_YEAR | C_DECADE | C_WDAY | C_DEICTIC |
                                  C_POD | C_REL | C_SEASON)))
    return 0;
  if ((pf & PF_IN) && !(cat & (C_THEUNIT | C_QUARTER))) return 0;
  if ((pf & PF_EARLIER) && !(cat & (C_REL | C_DEICTIC | C_WDAY | C_THEUNIT | C_POD | C_QUARTER)))
    return 0;
  if ((pf & PF_EDGE) && !(cat & (C_THEUNIT | C_MONTH | C_DATE | C_YEAR | C_REL | C_DECADE |
                                 C_SEASON | C_QUARTER)))
    return 0;
  if ((pf & PF_FISCAL) && !(cat & (C_YEAR | C_QUARTER | C_THEUNIT))) return 0;
  return 1;
}

typedef int (*rule_fn)(ctx *c, size_t i, int pf, cand *o);

/* In order of preference when two match the same tokens. */
static const rule_fn rules[] = {r_date,   r_numdate, r_clock,  r_wday,     r_deictic,
                                r_pod,    r_quarter, r_set,    r_duration, r_rel,
                                r_the_unit, r_season, r_decade, r_year,    r_ref,
                                r_yearend, r_anaph_day, r_holiday};

/* The longest expression starting at token i (modifiers, then a core). */
static int match_at(ctx *c, size_t i, cand *best) {
  int pf = 0, found = 0;
  size_t k = i;
  for (int r = 0; r < 6; r++) {
    size_t n = prefix_at(c, k, &pf);
    if (!n) break;
    if (!same_sent(c, i, k + n)) return 0;
    k += n;
  }
  for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
    cand o;
    memset(&o, 0, sizeof o);
    if (rules[r](c, k, pf, &o) && o.j > k && compatible(pf, o.cat) &&
        (!found || o.j > best->j))
      *best = o, found = 1;
  }
  return found;
}

/* Remembers what a resolved expression names, for the anaphora after it. */
static void note(ctx *c, const cand *b) {
  const pt *p = &b->p;
  if (p->g == G_NONE || p->g == G_REF || p->y == YX || b->type == XC_TIMEX_SET) return;
  if (b->nofocus) return;
  c->ref = *p, c->has_ref = 1;
  if ((p->g == G_DAY || p->g == G_POD || p->g == G_TIME) && p->m && p->d)
    c->refday = days_from_civil(p->y, p->m, p->d), c->has_refday = 1;
  /* the focus is the quarter a report is about: the current one or one of
   * the last four. "A year ago" compares with it, and a quarter far off
   * ("the third quarter of 1990") is a forecast; neither moves it. */
  if (p->g == G_QUARTER && p->sub && b->cat != C_AGO) {
    long idx = p->y * 4L + p->sub - 1, now = c->dct.y * 4L + (c->dct.m - 1) / 3;
    if (!c->has_dct || (idx <= now && idx >= now - 4)) c->focus_y = p->y, c->focus_q = p->sub;
  }
}

static void emit(ctx *c, xc_timexv *out, size_t i, const cand *b) {
  if (out->n == out->cap) {
    out->cap = out->cap ? out->cap * 2 : 32;
    out->v = xc_xrealloc(out->v, out->cap * sizeof *out->v);
  }
  xc_timex *x = &out->v[out->n++];
  memset(x, 0, sizeof *x);
  x->start = c->t[i].s;
  x->end = c->t[b->j - 1].e;
  x->type = (uint8_t)b->type;
  if (b->p.g != G_NONE) fmt_pt(&b->p, x->value);
  else snprintf(x->value, sizeof x->value, "%s", b->dur);
  note(c, b);
}

void xc_timexv_init(xc_timexv *t) { memset(t, 0, sizeof *t); }

void xc_timexv_release(xc_timexv *t) {
  free(t->v);
  memset(t, 0, sizeof *t);
}

int xc_timex_tag(const char *text, size_t n, const xc_date *dct, xc_timexv *out) {
  out->n = 0;
  xc_tokens tk;
  xc_sentv sv;
  xc_tokens_init(&tk);
  xc_sentv_init(&sv);
  int rc = xc_tokenize(text, n, &tk);
  if (rc < 0) return rc;
  xc_sentences(text, n, &tk, &sv);
  ctx c;
  memset(&c, 0, sizeof c);
  c.text = text;
  if (dct && dct->m >= 1 && dct->m <= 12 && dct->d >= 1 && dct->d <= days_in_month(dct->y, dct->m)) {
    c.has_dct = 1, c.dct = *dct;
    c.dctz = days_from_civil(dct->y, dct->m, dct->d);
  }
  lex_index lx; /* a few hundred steps: cheaper than any lock for a shared one */
  lex_index_build(&lx);
  c.lexi = &lx;
  build_tokens(&c, text, &tk, &sv);
  xc_tokens_release(&tk);
  xc_sentv_release(&sv);
  for (size_t i = 0; i < c.nt;) {
    cand b;
    if ((c.t[i].f & F_START) && match_at(&c, i, &b)) {
      emit(&c, out, i, &b);
      i = b.j;
    } else {
      i++;
    }
  }
  free(c.t);
  return 0;
}

const char *xc_timex_type_name(int type) {
  static const char *const names[] = {
#define XC_TIMEX_NAME(name, text) text,
      XC_TIMEX_TYPES(XC_TIMEX_NAME)
#undef XC_TIMEX_NAME
  };
  return type >= 0 && type < XC_TIMEX_COUNT ? names[type] : "?";
}
