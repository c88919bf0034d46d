/* signature.c - a report's event signature (signature.h). Words and names
 * are counted with the weight of where they stand: the title and the lead
 * (the first sentences, where news puts the event itself) count more, and
 * a sentence that dates something weeks before the event (background: "a
 * similar attack in April") counts less, so that a report about one event
 * does not look like the earlier event it recalls. The event date is the
 * first day named in the lead, resolved against the publication date
 * (src/time), else the publication date. */
#include "signature.h"

#include <stdlib.h>
#include <string.h>

#include "lang/resolve.h"
#include "quote/quote.h"

#define LEAD_SENTS 3      /* sentences of the lead */
#define LEAD_MIN_WORDS 4  /* shorter lines (datelines, bylines) are not lead */
#define W_TITLE 3.0f
#define W_LEAD 2.0f
#define W_BODY 1.0f
#define W_BACKGROUND 0.5f
#define BACKGROUND_DAYS 14 /* a date this much before the event is another event */
#define LEAD_DATE_BEFORE BACKGROUND_DAYS /* a lead date this much before
                                            publication is background ("the
                                            Sept. 11 attacks" in a report of
                                            a vote) */
#define SEED_WORD 0x574f5244u
#define SEED_NAME 0x4e414d45u
#define COARSE_MIN 8 /* letters of a surname whose vowels may go (coarse_surname) */

void xc_evsig_init(xc_evsig *s) { memset(s, 0, sizeof *s); }

void xc_evsig_release(xc_evsig *s) {
  free(s->words);
  free(s->names);
  xc_evsig_init(s);
}

/* Packed layout: a header naming the layout (its magic changes whenever
 * xc_evsig or xc_sig_item do), the struct with its pointers cleared, then
 * the words and the names. Native byte order: the store is read on the
 * machine that wrote it (a mismatch is only a cache miss). */
#define PACK_MAGIC (0x5853u ^ (uint32_t)sizeof(xc_evsig) << 16 ^ (uint32_t)sizeof(xc_sig_item) << 8)

void xc_evsig_pack(const xc_evsig *s, xc_buf *out) {
  uint32_t magic = PACK_MAGIC;
  xc_evsig flat = *s;
  flat.words = flat.names = NULL;
  flat.wcap = flat.ncap = 0;
  xc_buf_put(out, (const char *)&magic, sizeof magic);
  xc_buf_put(out, (const char *)&flat, sizeof flat);
  if (s->nwords) xc_buf_put(out, (const char *)s->words, s->nwords * sizeof *s->words);
  if (s->nnames) xc_buf_put(out, (const char *)s->names, s->nnames * sizeof *s->names);
}

int xc_evsig_unpack(xc_evsig *s, const void *p, size_t n) {
  const char *c = p;
  uint32_t magic;
  xc_evsig flat;
  xc_evsig_release(s);
  if (n < sizeof magic + sizeof flat) return -1;
  memcpy(&magic, c, sizeof magic);
  memcpy(&flat, c + sizeof magic, sizeof flat);
  size_t need = sizeof magic + sizeof flat;
  if (magic != PACK_MAGIC || flat.nwords > n || flat.nnames > n ||
      flat.nbackground > XC_SIG_BACKGROUND || flat.nqty > XC_SIG_QTY)
    return -1;
  need += (flat.nwords + flat.nnames) * sizeof(xc_sig_item);
  if (need != n) return -1;
  *s = flat;
  s->words = xc_xmalloc((flat.nwords ? flat.nwords : 1) * sizeof *s->words);
  s->names = xc_xmalloc((flat.nnames ? flat.nnames : 1) * sizeof *s->names);
  s->wcap = flat.nwords ? flat.nwords : 1;
  s->ncap = flat.nnames ? flat.nnames : 1;
  c += sizeof magic + sizeof flat;
  if (flat.nwords) memcpy(s->words, c, flat.nwords * sizeof *s->words);
  c += flat.nwords * sizeof *s->words;
  if (flat.nnames) memcpy(s->names, c, flat.nnames * sizeof *s->names);
  return 0;
}

/* Function words and the words of every news report ("said", "told"):
 * they say nothing about which event a report is about. Sorted. */
static const char *const STOP[] = {
    "about", "after", "again", "against", "all", "also", "among", "and", "another", "any",
    "are", "around", "because", "been", "before", "being", "between", "both", "but",
    "can", "could", "did", "does", "during", "each", "even", "every", "few", "for",
    "from", "had", "has", "have", "having", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "into", "its", "itself", "just", "last", "later", "like",
    "made", "make", "many", "may", "more", "most", "much", "must", "not", "now", "off",
    "one", "only", "other", "our", "out", "over", "own", "said", "same", "say", "says",
    "she", "should", "since", "some", "still", "such", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "through", "told", "too",
    "two", "under", "until", "upon", "very", "was", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
    "without", "would", "year", "years", "yet", "you", "your"};

static int cmp_str(const void *k, const void *e) { return strcmp(k, *(const char *const *)e); }

static int in_list(const char *w, const char *const *list, size_t n) {
  return bsearch(w, list, n, sizeof *list, cmp_str) != NULL;
}

static int is_stop(const char *w) { return in_list(w, STOP, sizeof STOP / sizeof *STOP); }

uint32_t xc_evsig_word_key(const char *p, size_t n) {
  return (uint32_t)xc_hash64(p, n, SEED_WORD);
}

static void push(xc_sig_item **v, size_t *n, size_t *cap, uint32_t key, float w, uint8_t type) {
  if (w <= 0) return;
  if (*n == *cap) {
    *cap = *cap ? *cap * 2 : 256;
    *v = xc_xrealloc(*v, *cap * sizeof **v);
  }
  (*v)[(*n)++] = (xc_sig_item){key, w, type};
}

/* 1 when the whole number v could be a year of news ("2008"). */
static int year_like(unsigned long v) { return v >= 1900 && v <= 2100; }

/* 1 when the word low[0..n) starts with a number that can tell one event
 * from another: a toll, an age, a sum, a score ("23", "5.6", "61-year-old",
 * "31-24"), not a small count (12 or less) or a year ("2008", "1990s"). */
static int specific_number(const char *low, size_t n) {
  if (!n || low[0] < '0' || low[0] > '9') return 0;
  size_t i = 0;
  unsigned long v = 0;
  while (i < n && low[i] >= '0' && low[i] <= '9' && v < 100000000)
    v = v * 10 + (unsigned)(low[i++] - '0');
  if (i + 1 < n && low[i] == '.' && low[i + 1] >= '0' && low[i + 1] <= '9') return 1;
  if (i == 4 && year_like(v) && (i == n || low[i] == 's')) return 0;
  return v > 12;
}

/* Adds the content word or number p[0..n) (any case) with weight w:
 * ASCII letters folded; a word of at least three bytes that is not a
 * function word. Numbers count: tolls, ages, sums and scores differ
 * between look-alike events. */
static void add_word(xc_evsig *s, const char *p, size_t n, float w) {
  char low[48];
  if (n >= sizeof low) return;
  int digits = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    digits |= c >= '0' && c <= '9';
    low[i] = (char)xc_lower(c);
  }
  if (!digits && n < 3) return;
  low[n] = 0;
  if (is_stop(low)) return;
  push(&s->words, &s->nwords, &s->wcap, xc_evsig_word_key(low, n), w,
       specific_number(low, n) ? XC_SIG_NUMBER : 0);
}

/* Adds the number token t of ld (sentence tokens end before `end`) with
 * what it counts, the next word (lower case, without a plural -s) when it
 * is a content word: "20 miles" and "minus 20 degrees" are no number in
 * common. A year, or a number before a function word or a short word,
 * stays bare. On ECB+ over 24 input orders bare numbers merge siblings
 * 1.9% (1.5-4.2%) against 1.6% (1.2-2.0%); BASIL 96 events against 98. */
static void add_number(xc_evsig *s, const char *text, const xc_lang_doc *ld, uint32_t t,
                       uint32_t end, float w) {
  const xc_token *tk = &ld->tokens.v[t], *nx = t + 1 < end ? &ld->tokens.v[t + 1] : NULL;
  size_t n = tk->end - tk->start, un = nx ? nx->end - nx->start : 0;
  char buf[48];
  if (!nx || nx->kind != XC_TK_WORD || n + 1 + un >= sizeof buf) {
    add_word(s, text + tk->start, n, w);
    return;
  }
  memcpy(buf, text + tk->start, n);
  size_t i = 0;
  unsigned long v = 0;
  while (i < n && buf[i] >= '0' && buf[i] <= '9') v = v * 10 + (unsigned)(buf[i++] - '0');
  char *u = buf + n + 1;
  for (size_t j = 0; j < un; j++) u[j] = (char)xc_lower((unsigned char)text[nx->start + j]);
  u[un] = 0;
  if ((i == 4 && i == n && year_like(v)) || un < 3 || is_stop(u)) {
    add_word(s, text + tk->start, n, w);
    return;
  }
  if (un > 3 && u[un - 1] == 's' && u[un - 2] != 's') un--; /* "miles": "mile" */
  buf[n] = ' ';
  add_word(s, buf, n + 1 + un, w);
}

/* Title words: runs of letters (and bytes >= 0x80), each added with W_TITLE. */
static void add_title(xc_evsig *s, const char *t) {
  const unsigned char *p = (const unsigned char *)t;
  while (*p) {
    while (*p && !(((*p | 32) >= 'a' && (*p | 32) <= 'z') || *p >= 0x80)) p++;
    const unsigned char *w = p;
    while (((*p | 32) >= 'a' && (*p | 32) <= 'z') || *p >= 0x80 || *p == '-') p++;
    if (p > w) add_word(s, (const char *)w, (size_t)(p - w), W_TITLE);
  }
}

/* A long surname skeleton sk without its vowels and h (but its first
 * letter), with b = v, z = s, q = k: the spellings of one name from other
 * scripts and other newsrooms meet (Alishbandi = Alishvandi, Christiansen
 * = Christianson, MacFarlane = McFarlane). Only for surnames of
 * COARSE_MIN letters or more after the transliteration folds: shorter
 * ones collide (Melania and Maloney, Kristal and Kristol). */
static void coarse_surname(xc_buf *sk) {
  size_t o = 1;
  for (size_t j = 1; j < sk->n; j++) {
    char c = sk->p[j];
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'h') continue;
    c = c == 'v' ? 'b' : c == 'z' ? 's' : c == 'q' ? 'k' : c;
    if (sk->p[o - 1] == c) continue;
    sk->p[o++] = c;
  }
  sk->n = o;
  sk->p[o] = 0;
}

uint32_t xc_evsig_name_key(const char *p, size_t n, int type) {
  /* the words of the name; a person's is the last word alone */
  xc_buf sk;
  xc_buf_init(&sk);
  size_t i = 0;
  while (i < n) {
    while (i < n && (xc_is_space((unsigned char)p[i]) || p[i] == '.')) i++;
    size_t a = i;
    while (i < n && !xc_is_space((unsigned char)p[i])) i++;
    if (i == a) break;
    if (type == XC_NER_PER) xc_buf_clear(&sk);
    else if (sk.n) xc_buf_putc(&sk, ' ');
    xc_resolve_skeleton(p + a, i - a, &sk);
  }
  if (type == XC_NER_PER && sk.n >= COARSE_MIN) coarse_surname(&sk);
  uint32_t k = (uint32_t)xc_hash64(sk.p ? sk.p : "", sk.n, SEED_NAME);
  xc_buf_release(&sk);
  return k;
}

static int cmp_item(const void *a, const void *b) {
  uint32_t x = ((const xc_sig_item *)a)->key, y = ((const xc_sig_item *)b)->key;
  return x < y ? -1 : x > y;
}

/* Sorts items by key and merges equal keys (weights add, first type kept). */
static size_t fold(xc_sig_item *v, size_t n) {
  if (!n) return 0;
  qsort(v, n, sizeof *v, cmp_item);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (k && v[k - 1].key == v[i].key) {
      v[k - 1].w += v[i].w;
      if (!(v[i].type & XC_SIG_SOURCE)) v[k - 1].type &= (uint8_t)~XC_SIG_SOURCE;
    } else {
      v[k++] = v[i];
    }
  }
  return k;
}

/* Day number of a TimeML value that names a day ("2026-02-06", with or
 * without a time), or of the middle of a month ("2026-02") when month is
 * set; XC_SIG_NODATE otherwise. */
static int32_t value_day(const char *v, int month) {
  xc_date d;
  size_t n = strlen(v);
  if (n >= 10 && (n == 10 || v[10] == 'T') && xc_timex_parse_date(v, 10, &d) == 0)
    return (int32_t)xc_timex_day_number(&d);
  if (month && n == 7 && v[4] == '-') {
    char buf[11];
    memcpy(buf, v, 7);
    memcpy(buf + 7, "-15", 4);
    if (xc_timex_parse_date(buf, 10, &d) == 0) return (int32_t)xc_timex_day_number(&d);
  }
  return XC_SIG_NODATE;
}

/* Sentence index of byte b (sentences in order; start from *k). */
static size_t sent_of(const xc_lang_doc *ld, uint32_t b, size_t k) {
  while (k + 1 < ld->sents.n && ld->sents.v[k].end <= b) k++;
  return k;
}

/* Marks the lead: the first LEAD_SENTS sentences with enough words. */
static void mark_lead(const xc_lang_doc *ld, uint8_t *role) {
  size_t found = 0;
  for (size_t k = 0; k < ld->sents.n && found < LEAD_SENTS; k++) {
    const xc_sent *st = &ld->sents.v[k];
    size_t words = 0;
    for (uint32_t t = st->tok; t < st->tok_end; t++) words += ld->tokens.v[t].kind == XC_TK_WORD;
    if (words >= LEAD_MIN_WORDS) role[k] = 1, found++;
  }
}

/* The event date: the first day named in the lead that is not after the
 * publication and not long before it; else the publication date. */
static void event_date(xc_evsig *s, const xc_lang_doc *ld, const xc_timexv *tx,
                       const uint8_t *role) {
  s->date = s->published, s->date_in_text = 0, s->wday = 0;
  size_t k = 0;
  for (size_t i = 0; i < tx->n; i++) {
    k = sent_of(ld, tx->v[i].start, k);
    if (role[k] != 1) continue;
    const char *v = tx->v[i].value;
    int32_t d = value_day(v, 0);
    if (d == XC_SIG_NODATE) {
      /* a weekday that could not be placed: "XXXX-WXX-6" */
      if (!s->wday && !strncmp(v, "XXXX-WXX-", 9) && v[9] >= '1' && v[9] <= '7')
        s->wday = (uint8_t)(v[9] - '0');
      continue;
    }
    if (s->published != XC_SIG_NODATE &&
        (d > s->published + 1 || d < s->published - LEAD_DATE_BEFORE))
      continue;
    s->date = d, s->date_in_text = 1;
    s->wday = (uint8_t)(((d % 7) + 7 + 3) % 7 + 1); /* day 0, 1970-01-01, a Thursday */
    return;
  }
}

/* Background: dates weeks before the event; their sentences are marked 2
 * and the dates kept (ascending, distinct). */
static void background(xc_evsig *s, const xc_lang_doc *ld, const xc_timexv *tx, uint8_t *role) {
  s->nbackground = 0;
  if (s->date == XC_SIG_NODATE) return;
  size_t k = 0;
  for (size_t i = 0; i < tx->n; i++) {
    k = sent_of(ld, tx->v[i].start, k);
    int32_t d = value_day(tx->v[i].value, 1);
    if (d == XC_SIG_NODATE || d >= s->date - BACKGROUND_DAYS) continue;
    if (role[k] != 1) role[k] = 2;
    size_t j = 0;
    while (j < s->nbackground && s->background[j] < d) j++;
    if ((j < s->nbackground && s->background[j] == d) || s->nbackground == XC_SIG_BACKGROUND)
      continue;
    memmove(s->background + j + 1, s->background + j,
            (s->nbackground - j) * sizeof *s->background);
    s->background[j] = d;
    s->nbackground++;
  }
}

/* ---- quantities: "28 stranded", "two dead" ---- */

static const char *const NUM_WORDS[] = {"eight", "eighteen", "eleven", "fifteen", "five",
                                        "four", "fourteen", "nine", "nineteen", "one",
                                        "seven", "seventeen", "six", "sixteen", "ten",
                                        "thirteen", "three", "twelve", "twenty", "two"};
static const unsigned NUM_VALUES[] = {8, 18, 11, 15, 5, 4, 14, 9, 19, 1,
                                      7, 17, 6, 16, 10, 13, 3, 12, 20, 2};
/* Words after a number that are not what it counts. */
static const char *const QTY_SKIP[] = {"a", "am", "an", "and", "at", "by", "for", "from", "in",
                                       "of", "on", "or", "pm", "the", "to"};

static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* 1 when byte b lies inside a time expression of tx ("3 days", "7 p.m."). */
static int in_timex(const xc_timexv *tx, size_t b) {
  for (size_t i = 0; tx && i < tx->n; i++)
    if (b >= tx->v[i].start && b < tx->v[i].end) return 1;
  return 0;
}

static void add_qty(xc_evsig *s, const char *unit, size_t n, unsigned long value10) {
  if (s->nqty == XC_SIG_QTY || !n || n >= 32) return;
  char low[32];
  for (size_t i = 0; i < n; i++) low[i] = (char)xc_lower((unsigned char)unit[i]);
  low[n] = 0;
  if (in_list(low, QTY_SKIP, sizeof QTY_SKIP / sizeof *QTY_SKIP)) return;
  if (n > 3 && low[n - 1] == 's' && low[n - 2] != 's') n--; /* "deaths" counts "death" */
  xc_sig_qty q = {xc_evsig_word_key(low, n), (uint32_t)value10};
  for (size_t i = 0; i < s->nqty; i++)
    if (s->qty[i].unit == q.unit && s->qty[i].value == q.value) return;
  s->qty[s->nqty++] = q;
}

/* The quantities of p[a, b) (offsets as in tx, which may be NULL): a
 * number, in digits or a word up to twenty, then the word it counts,
 * after a space or a hyphen. Years and numbers inside time expressions
 * are not quantities. */
static void scan_qty(xc_evsig *s, const char *p, size_t a, size_t b, const xc_timexv *tx) {
  size_t i = a;
  while (i < b && s->nqty < XC_SIG_QTY) {
    if (i > a && (is_alpha((unsigned char)p[i - 1]) || is_digit((unsigned char)p[i - 1]))) {
      i++;
      continue;
    }
    size_t start = i;
    unsigned long v = 0;
    int ok = 0;
    if (is_digit((unsigned char)p[i])) {
      while (i < b && (is_digit((unsigned char)p[i]) ||
                       (p[i] == ',' && i + 3 < b && is_digit((unsigned char)p[i + 1]) &&
                        is_digit((unsigned char)p[i + 3])))) {
        if (p[i] != ',' && v < 100000000) v = v * 10 + (unsigned)(p[i] - '0');
        i++;
      }
      v *= 10;
      if (i + 1 < b && p[i] == '.' && is_digit((unsigned char)p[i + 1])) {
        v += (unsigned)(p[i + 1] - '0');
        for (i += 1; i < b && is_digit((unsigned char)p[i]); i++) {}
      }
      ok = !(v % 10 == 0 && year_like(v / 10)); /* not a year */
    } else if (is_alpha((unsigned char)p[i])) {
      char w[16];
      size_t n = 0;
      while (i < b && is_alpha((unsigned char)p[i])) {
        if (n < sizeof w - 1) w[n++] = (char)xc_lower((unsigned char)p[i]);
        i++;
      }
      w[n] = 0;
      const char *const *hit = bsearch(w, NUM_WORDS, sizeof NUM_WORDS / sizeof *NUM_WORDS,
                                       sizeof *NUM_WORDS, cmp_str);
      if (hit) v = 10 * NUM_VALUES[hit - NUM_WORDS], ok = 1;
    } else {
      i++;
      continue;
    }
    if (!ok || in_timex(tx, start)) continue;
    size_t j = i;
    if (j < b && (p[j] == ' ' || p[j] == '-')) j++;
    size_t u = j;
    while (j < b && is_alpha((unsigned char)p[j])) j++;
    if (j > u && (j == b || !is_digit((unsigned char)p[j]))) add_qty(s, p + u, j - u, v);
  }
}

static float role_weight(uint8_t r) { return r == 1 ? W_LEAD : r == 2 ? W_BACKGROUND : W_BODY; }

static int tok_is(const char *text, const xc_token *t, const char *w) {
  size_t n = strlen(w);
  return t->kind == XC_TK_WORD && t->end - t->start == n && xc_strncaseeq(text + t->start, w, n);
}

static int speech_verb(const char *text, const xc_token *t) {
  return t->kind == XC_TK_WORD && xc_quote_speech_verb(text + t->start, t->end - t->start);
}

/* 1 when mention m (sentence tokens [a, b)) names a source of what is
 * said rather than someone the event happens to: "Howard said", "Howard,
 * an analyst at Verisign, said", "said threat researcher Paul Ferguson",
 * "according to Rick Howard". */
static int source_mention(const char *text, const xc_lang_doc *ld, const xc_mention *m,
                          uint32_t a, uint32_t b) {
  const xc_token *v = ld->tokens.v;
  uint32_t t = m->tok_end;
  if (t < b && v[t].kind == XC_TK_PUNCT && text[v[t].start] == ',') {
    /* an apposition up to the next comma, then the verb */
    uint32_t e = t + 1;
    while (e < b && e < t + 16 && !(v[e].kind == XC_TK_PUNCT && text[v[e].start] == ',') &&
           !speech_verb(text, &v[e]))
      e++;
    if (e < b && v[e].kind == XC_TK_PUNCT && text[v[e].start] == ',') e++;
    if (e < b && speech_verb(text, &v[e])) return 1;
  } else if (t < b && speech_verb(text, &v[t])) {
    return 1;
  }
  /* before: "said [role words] Name", "according to Name" */
  uint32_t s = m->tok;
  for (uint32_t back = 0; s > a && back < 7; back++) {
    const xc_token *p = &v[s - 1];
    if (p->kind != XC_TK_WORD) break;
    if (speech_verb(text, p)) return !tok_is(text, p, "told");
    if (tok_is(text, p, "to") && s - 1 > a && tok_is(text, &v[s - 2], "according")) return 1;
    s--;
  }
  return 0;
}

/* Names: one key per mention, weighted by its sentence; a name whose
 * (last) word is in the title counts as a title word. */
static void add_names(xc_evsig *s, const char *text, const xc_lang_doc *ld, const uint8_t *role) {
  size_t k = 0;
  for (size_t i = 0; i < ld->nmentions; i++) {
    const xc_mention *m = &ld->mentions[i];
    k = sent_of(ld, m->start, k);
    uint32_t key = xc_evsig_name_key(text + m->start, m->end - m->start, m->type);
    uint8_t type = m->type;
    if (type == XC_NER_PER && source_mention(text, ld, m, ld->sents.v[k].tok, ld->sents.v[k].tok_end))
      type |= XC_SIG_SOURCE;
    push(&s->names, &s->nnames, &s->ncap, key, role_weight(role[k]), type);
  }
}

/* Names whose last word is a title word get W_TITLE more. */
static void title_names(xc_evsig *s, const char *text, const xc_lang_doc *ld,
                        const xc_sig_item *tw, size_t ntw) {
  for (size_t i = 0; i < ld->nmentions && ntw; i++) {
    const xc_mention *m = &ld->mentions[i];
    const xc_token *last = &ld->tokens.v[m->tok_end - 1];
    char low[48];
    size_t n = last->end - last->start;
    if (n >= sizeof low) continue;
    for (size_t j = 0; j < n; j++) low[j] = (char)xc_lower((unsigned char)text[last->start + j]);
    xc_sig_item key = {xc_evsig_word_key(low, n), 0, 0};
    if (!bsearch(&key, tw, ntw, sizeof key, cmp_item)) continue;
    uint32_t nk = xc_evsig_name_key(text + m->start, m->end - m->start, m->type);
    push(&s->names, &s->nnames, &s->ncap, nk, W_TITLE, m->type);
  }
}

/* The year the dates of tx name most often (the first of equals), 0 when
 * none: of a report with no publication date, only the dates written out
 * in full ("December 17, 2008", "in 2008") have one. */
static int16_t text_year(const xc_timexv *tx) {
  int years[16], counts[16], n = 0, best = 0;
  for (size_t i = 0; i < tx->n; i++) {
    const char *v = tx->v[i].value;
    if (tx->v[i].type != XC_TIMEX_DATE || strspn(v, "0123456789") < 4) continue;
    int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
    if (y < 1900 || y > 2100) continue;
    int k = 0;
    while (k < n && years[k] != y) k++;
    if (k == n) {
      if (n == 16) continue;
      years[n] = y, counts[n++] = 0;
    }
    if (++counts[k] > counts[best]) best = k;
  }
  return n ? (int16_t)years[best] : 0;
}

static int32_t day_of(const char *published) {
  xc_date pd;
  return published && strlen(published) >= 10 && xc_timex_parse_date(published, 10, &pd) == 0
             ? (int32_t)xc_timex_day_number(&pd)
             : XC_SIG_NODATE;
}

void xc_evsig_make_empty(xc_evsig *s, const char *title, const char *published) {
  s->nwords = s->nnames = s->nbackground = s->nqty = 0;
  s->unplaced = 0;
  s->date = s->published = day_of(published);
  s->date_in_text = 0, s->wday = 0, s->year = 0;
  if (title) add_title(s, title), scan_qty(s, title, 0, strlen(title), NULL);
  s->nwords = fold(s->words, s->nwords);
}

void xc_evsig_make(xc_evsig *s, const char *title, const char *text, size_t n,
                   const xc_lang_doc *ld, const xc_timexv *tx, const char *published) {
  (void)n;
  s->nwords = s->nnames = s->nbackground = s->nqty = 0;
  s->published = day_of(published);
  uint8_t *role = xc_xcalloc(ld->sents.n ? ld->sents.n : 1, 1);
  mark_lead(ld, role);
  event_date(s, ld, tx, role);
  background(s, ld, tx, role);
  s->unplaced = 0;
  for (size_t i = 0; i < tx->n; i++)
    s->unplaced += (tx->v[i].type == XC_TIMEX_DATE || tx->v[i].type == XC_TIMEX_TIME) &&
                   strchr(tx->v[i].value, 'X') != NULL;
  s->year = s->published == XC_SIG_NODATE ? text_year(tx) : 0;
  if (title) scan_qty(s, title, 0, strlen(title), NULL);
  for (size_t k = 0; k < ld->sents.n; k++)
    if (role[k] == 1) scan_qty(s, text, ld->sents.v[k].start, ld->sents.v[k].end, tx);
  if (title) add_title(s, title);
  size_t ntw = s->nwords = fold(s->words, s->nwords);
  xc_sig_item *tw = xc_xmalloc((ntw ? ntw : 1) * sizeof *tw);
  if (ntw) memcpy(tw, s->words, ntw * sizeof *tw);
  for (size_t k = 0; k < ld->sents.n; k++) {
    float w = role_weight(role[k]);
    for (uint32_t t = ld->sents.v[k].tok; t < ld->sents.v[k].tok_end; t++) {
      const xc_token *tk = &ld->tokens.v[t];
      if (tk->kind == XC_TK_NUMBER) add_number(s, text, ld, t, ld->sents.v[k].tok_end, w);
      else if (tk->kind == XC_TK_WORD) add_word(s, text + tk->start, tk->end - tk->start, w);
    }
  }
  s->nwords = fold(s->words, s->nwords);
  add_names(s, text, ld, role);
  title_names(s, text, ld, tw, ntw);
  s->nnames = fold(s->names, s->nnames);
  free(tw);
  free(role);
}
