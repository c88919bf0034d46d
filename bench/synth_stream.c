/* synth_stream.c - a deterministic generator of synthetic news streams for
 * the scale benchmark (bench/cluster_scale.c): many events, each reported
 * by a few outlets in their own words (sharing the officials' quotes and,
 * sometimes, a press-release paragraph), syndicated copies (verbatim,
 * trimmed, retitled, with or without a credit line), reposts that add
 * commentary, blog posts made of two paragraphs of a report, outlet
 * footers shared by thousands of pages, and look-alike events: a fifth of
 * events repeat an earlier event's kind and place with other victims and
 * another date, and mention it as background. Everything is invented from
 * syllables and a pseudo-word lexicon; a given (N, seed) gives the same
 * bytes on every machine.
 *
 * usage: synth_stream N [SEED] > stream.jsonl
 * One JSON object per line, in publication order:
 *   {"id": position, "uid": report number, "event": event number,
 *    "series": event it looks like (or -1), "kind": "fire", "family": uid
 *    of the original a copy derives from (its own uid for an original),
 *    "role": "original|syndicated|repost|quoting", "outlet", "published",
 *    "title", "text"} */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"

/* ---- randomness: splitmix64, one stream per event and per report ---- */

typedef struct {
  uint64_t s;
} rng;

static uint64_t next(rng *r) {
  uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static unsigned pick(rng *r, unsigned n) { return (unsigned)(next(r) % n); }
static int chance(rng *r, unsigned percent) { return pick(r, 100) < percent; }

static rng seeded(uint64_t a, uint64_t b) {
  rng r = {a * 0xD6E8FEB86659FD93ULL ^ b};
  next(&r);
  return r;
}

/* ---- names and words ---- */

static const char *const SYL[32] = {
    "ka", "lo", "mer", "tan", "vel", "dor", "bri", "sen", "hal", "cor", "mi",
    "ra", "fen", "gol", "ash", "wyn", "bel", "tor", "ul", "an", "os", "dra",
    "ki", "pel", "nor", "sta", "vin", "ere", "lum", "quo", "zan", "tri"};
static const char *const PLACE_END[10] = {"ford", "by", "ton", "mouth", "dale",
                                          "wick", "ham", "stead", "port", "field"};
static const char *const PAPER[12] = {"Herald", "Courier", "Gazette", "Post",
                                      "Times", "Observer", "Wire", "Daily",
                                      "Ledger", "Tribune", "Chronicle", "Sentinel"};
static const char *const ORG_KIND[10] = {
    "Cold Storage", "Logistics", "Chemical Works", "Grain Cooperative",
    "Rail Authority", "Transit Company", "General Hospital", "Energy",
    "Textile Mills", "Port Authority"};
static const char *const ROLE[6] = {"the police chief", "the fire chief",
                                    "the mayor", "a regional spokesman",
                                    "the district governor", "a rescue coordinator"};
static const char *const WEEKDAY[7] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
static const char *const MONTH[12] = {"January", "February", "March", "April",
                                      "May", "June", "July", "August",
                                      "September", "October", "November", "December"};
/* function words, so generated prose has the rhythm of sentences */
static const char *const FUNC[24] = {
    "the", "of", "and", "to", "in", "a", "that", "was", "for", "on", "with", "as",
    "by", "at", "from", "his", "her", "their", "had", "were", "after", "before",
    "which", "but"};

typedef struct {
  const char *noun, *alt, *verb, *site, *hurt;
} kind_words;

static const kind_words KIND[12] = {
    {"fire", "blaze", "broke out at", "the %s plant", "injured"},
    {"shooting", "gun attack", "took place outside", "the %s offices", "wounded"},
    {"explosion", "blast", "tore through", "the %s depot", "injured"},
    {"flood", "flash flood", "swept through", "the streets near the %s yard", "stranded"},
    {"derailment", "train crash", "happened near", "the %s sidings", "injured"},
    {"bridge collapse", "collapse", "struck", "the bridge by the %s works", "hurt"},
    {"stabbing", "knife attack", "happened near", "the %s building", "wounded"},
    {"storm", "gale", "battered", "the %s site", "hurt"},
    {"gas leak", "leak", "was reported at", "the %s plant", "taken ill"},
    {"landslide", "mudslide", "buried part of", "the %s quarry", "trapped"},
    {"bus crash", "crash", "happened outside", "the %s terminal", "injured"},
    {"car bombing", "bombing", "struck outside", "the %s headquarters", "killed"}};
static const char *const KIND_NAME[12] = {
    "fire", "shooting", "explosion", "flood", "derailment", "collapse",
    "stabbing", "storm", "gas-leak", "landslide", "bus-crash", "car-bombing"};

static void cap_syl(xc_buf *b, unsigned s, int capital) {
  const char *p = SYL[s % 32];
  char c = capital ? (char)(p[0] - 32) : p[0];
  xc_buf_putc(b, c);
  xc_buf_puts(b, p + 1);
}

/* Pseudo-word number i of a 32,768-word lexicon (three syllables). */
static void lex_word(xc_buf *b, unsigned i) {
  cap_syl(b, i & 31, 0);
  cap_syl(b, (i >> 5) & 31, 0);
  cap_syl(b, (i >> 10) & 31, 0);
}

static void place_name(xc_buf *b, rng *r) {
  if (chance(r, 10)) xc_buf_puts(b, pick(r, 2) ? "North " : "East ");
  cap_syl(b, pick(r, 32), 1);
  cap_syl(b, pick(r, 32), 0);
  xc_buf_puts(b, PLACE_END[pick(r, 10)]);
}

static void person_name(xc_buf *b, rng *r) {
  cap_syl(b, pick(r, 32), 1);
  cap_syl(b, pick(r, 32), 0);
  xc_buf_putc(b, ' ');
  cap_syl(b, pick(r, 32), 1);
  cap_syl(b, pick(r, 32), 0);
  if (chance(r, 50)) cap_syl(b, pick(r, 32), 0);
}

/* A sentence of n words from the lexicon and function words. Zipf-like:
 * most content words come from a common core of 2,000, the rest from the
 * whole lexicon, so texts share words but seldom five in a row. */
static void prose(xc_buf *b, rng *r, unsigned n) {
  size_t start = b->n;
  for (unsigned i = 0; i < n; i++) {
    if (i) xc_buf_putc(b, ' ');
    if (chance(r, 40)) xc_buf_puts(b, FUNC[pick(r, 24)]);
    else lex_word(b, chance(r, 60) ? pick(r, 2000) : pick(r, 32768));
  }
  if (n && b->p[start] >= 'a' && b->p[start] <= 'z') b->p[start] = (char)(b->p[start] - 32);
  xc_buf_putc(b, '.');
}

/* ---- dates ---- */

/* YYYY-MM-DD of day d after 2015-01-01 (civil-from-days, Hinnant); out
 * holds 32 bytes. */
static void date_str(long d, char *out) {
  long z = d + 16436 + 719468; /* 2015-01-01 is day 16436 of the epoch */
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153, dd = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  snprintf(out, 32, "%04d-%02d-%02d", (int)(y + (m <= 2)), (int)m, (int)dd);
}

/* ---- events ---- */

#define QUOTES 3
#define EVENTS_PER_DAY 60

typedef struct {
  long id, series; /* series: the earlier event this one looks like, or -1 */
  long day;
  int kind, hurt, age;
  char place[48], org[96], victim[48], earlier_victim[48];
  long earlier_day;
  char speaker[QUOTES][48];
  int role[QUOTES];
  char quote[QUOTES][320];
  char press[640];
} event;

#define RECENT 4096 /* earlier events a look-alike may repeat */

static void fill_str(char *dst, size_t cap, xc_buf *b) {
  size_t n = b->n < cap - 1 ? b->n : cap - 1;
  memcpy(dst, b->p, n);
  dst[n] = 0;
  xc_buf_clear(b);
}

static void make_event(event *e, long id, uint64_t seed, const event *recent) {
  rng r = seeded(seed, (uint64_t)id);
  xc_buf b;
  xc_buf_init(&b);
  memset(e, 0, sizeof *e);
  e->id = id;
  e->day = id / EVENTS_PER_DAY;
  e->series = -1;
  const event *like = NULL;
  if (id > 16 && chance(&r, 20)) {
    long back = id - 1 < RECENT - 1 ? id - 1 : RECENT - 1;
    like = &recent[(id - 1 - (long)pick(&r, (unsigned)back)) % RECENT];
    e->series = like->id;
  }
  e->kind = like ? like->kind : (int)pick(&r, 12);
  if (like) {
    memcpy(e->place, like->place, sizeof e->place);
    memcpy(e->org, like->org, sizeof e->org);
    memcpy(e->earlier_victim, like->victim, sizeof e->victim);
    e->earlier_day = like->day;
  } else {
    place_name(&b, &r);
    fill_str(e->place, sizeof e->place, &b);
    place_name(&b, &r);
    xc_buf_printf(&b, " %s", ORG_KIND[pick(&r, 10)]);
    fill_str(e->org, sizeof e->org, &b);
  }
  person_name(&b, &r);
  fill_str(e->victim, sizeof e->victim, &b);
  e->hurt = 2 + (int)pick(&r, 30);
  e->age = 19 + (int)pick(&r, 60);
  for (int q = 0; q < QUOTES; q++) {
    person_name(&b, &r);
    fill_str(e->speaker[q], sizeof e->speaker[q], &b);
    e->role[q] = (int)pick(&r, 6);
    prose(&b, &r, 14 + pick(&r, 16));
    b.n--; /* no full stop inside the quote marks */
    fill_str(e->quote[q], sizeof e->quote[q], &b);
  }
  prose(&b, &r, 18 + pick(&r, 10));
  xc_buf_putc(&b, ' ');
  prose(&b, &r, 18 + pick(&r, 12));
  fill_str(e->press, sizeof e->press, &b);
  xc_buf_release(&b);
}

/* ---- outlets ---- */

#define OUTLETS 800

static void outlet_name(unsigned o, xc_buf *b) {
  rng r = seeded(0x6f75746c6574ULL, o);
  xc_buf_puts(b, "The ");
  place_name(b, &r);
  xc_buf_printf(b, " %s", PAPER[pick(&r, 12)]);
}

/* a third of the outlets end every page with the same newsletter box */
static void outlet_footer(unsigned o, xc_buf *b) {
  if (o % 3) return;
  rng r = seeded(0x666f6f746572ULL, o);
  xc_buf_puts(b, "\n\nSign up for the ");
  outlet_name(o, b);
  xc_buf_puts(b, " newsletter: ");
  prose(b, &r, 16);
}

/* ---- reports ---- */

/* A report in an outlet's own words: a lead, details, one or two of the
 * officials' quotes verbatim, sometimes the press release, background on
 * the earlier look-alike event, and a good deal of its own prose. */
static void own_report(const event *e, rng *r, unsigned outlet, xc_buf *title, xc_buf *t) {
  const kind_words *k = &KIND[e->kind];
  char site[160];
  snprintf(site, sizeof site, k->site, e->org);
  const char *wd = WEEKDAY[(e->day + 3) % 7]; /* 2015-01-01 was a Thursday */
  switch (pick(r, 4)) {
  case 0:
    xc_buf_printf(title, "%d %s in %s %s", e->hurt, k->hurt, e->place, k->noun);
    break;
  case 1:
    xc_buf_printf(title, "%s: %s at %s leaves %d %s", e->place, k->alt, e->org, e->hurt,
                  k->hurt);
    break;
  case 2:
    xc_buf_printf(title, "Inquiry after %s in %s", k->noun, e->place);
    break;
  default:
    prose(title, r, 6 + pick(r, 4));
    title->n--;
    xc_buf_printf(title, " in %s", e->place);
  }
  switch (pick(r, 4)) {
  case 0:
    xc_buf_printf(t, "A %s %s %s in %s on %s, leaving %d people %s, officials said.",
                  k->noun, k->verb, site, e->place, wd, e->hurt, k->hurt);
    break;
  case 1:
    xc_buf_printf(t, "%d people were %s when a %s %s %s in %s on %s.", e->hurt, k->hurt,
                  k->alt, k->verb, site, e->place, wd);
    break;
  case 2:
    xc_buf_printf(t, "Authorities in %s are investigating a %s at %s that left %d people %s on %s.",
                  e->place, k->noun, e->org, e->hurt, k->hurt, wd);
    break;
  default:
    xc_buf_printf(t, "%s was among %d people %s in a %s in %s on %s.", e->victim, e->hurt,
                  k->hurt, k->noun, e->place, wd);
  }
  unsigned paras = 5 + pick(r, 8);
  int quoted = 0, press = chance(r, 30), background = e->series >= 0 && chance(r, 60);
  int victim = 1;
  for (unsigned p = 0; p < paras; p++) {
    xc_buf_puts(t, "\n\n");
    unsigned what = pick(r, 5);
    if (what == 0 && quoted < 2) {
      int q = (int)pick(r, QUOTES);
      if (pick(r, 2))
        xc_buf_printf(t, "\"%s,\" said %s, %s.", e->quote[q], e->speaker[q], ROLE[e->role[q]]);
      else
        xc_buf_printf(t, "%s, %s, said: \"%s.\"", e->speaker[q], ROLE[e->role[q]], e->quote[q]);
      quoted++;
    } else if (what == 1 && press) {
      xc_buf_printf(t, "In a statement, %s said: %s", e->org, e->press);
      press = 0;
    } else if (what == 2 && background) {
      char d[32];
      date_str(e->earlier_day, d);
      xc_buf_printf(t, "It was the second %s in %s in recent years. In %s %.4s, %s was among those %s in a %s at %s.",
                    k->noun, e->place, MONTH[(d[5] - '0') * 10 + d[6] - '0' - 1], d,
                    e->earlier_victim, k->hurt, k->alt, e->org);
      background = 0;
    } else if (what == 3 && victim) {
      victim = 0;
      xc_buf_printf(t, "%s, %d, was taken to hospital, a relative said. ", e->victim, e->age);
      prose(t, r, 10 + pick(r, 12));
    } else {
      prose(t, r, 12 + pick(r, 14));
      xc_buf_putc(t, ' ');
      prose(t, r, 10 + pick(r, 14));
    }
  }
  outlet_footer(outlet, t);
}

/* A report as generated, before it is placed in the stream. */
typedef struct {
  long day;
  uint64_t order;  /* random tie-break within a day */
  long uid, event, series, family;
  int kind;
  const char *role;
  unsigned outlet;
  int undated;
  char *title, *text;
} report;

/* pending reports: a binary heap by (day, order) */
typedef struct {
  report *r;
  size_t n, cap;
} heap;

static int before(const report *a, const report *b) {
  return a->day != b->day ? a->day < b->day : a->order < b->order;
}

static void heap_push(heap *h, report x) {
  if (h->n == h->cap) {
    h->cap = h->cap ? h->cap * 2 : 1024;
    h->r = xc_xrealloc(h->r, h->cap * sizeof *h->r);
  }
  size_t i = h->n++;
  while (i && before(&x, &h->r[(i - 1) / 2])) {
    h->r[i] = h->r[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  h->r[i] = x;
}

static report heap_pop(heap *h) {
  report top = h->r[0], last = h->r[--h->n];
  size_t i = 0;
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= h->n) break;
    if (c + 1 < h->n && before(&h->r[c + 1], &h->r[c])) c++;
    if (!before(&h->r[c], &last)) break;
    h->r[i] = h->r[c];
    i = c;
  }
  if (h->n) h->r[i] = last;
  return top;
}

static long next_uid;

static report new_report(const event *e, rng *r, const char *role, long family,
                         unsigned outlet, long day) {
  report x = {day, next(r), next_uid++, e->id, e->series, family, e->kind, role,
              outlet, 0, NULL, NULL};
  if (family < 0) x.family = x.uid;
  return x;
}

/* The copies of original o: syndicated (verbatim, trimmed or retitled,
 * with or without a credit line), a repost with commentary, a blog post
 * made of two of its paragraphs. */
static void copies_of(const event *e, rng *r, const report *o, heap *h) {
  xc_buf on;
  xc_buf_init(&on);
  outlet_name(o->outlet, &on);
  unsigned nsyn = chance(r, 30) ? 1 + pick(r, 3) : 0;
  for (unsigned c = 0; c < nsyn; c++) {
    unsigned outlet = pick(r, OUTLETS);
    report x = new_report(e, r, "syndicated", o->family, outlet, o->day + pick(r, 2));
    xc_buf t;
    xc_buf_init(&t);
    size_t len = strlen(o->text);
    if (chance(r, 40)) { /* trimmed at a paragraph */
      const char *cut = o->text + len * (6 + pick(r, 3)) / 10;
      const char *par = strstr(cut, "\n\n");
      len = par ? (size_t)(par - o->text) : len;
    }
    xc_buf_put(&t, o->text, len);
    if (chance(r, 50)) xc_buf_printf(&t, "\n\nThis story originally appeared in %s.", on.p);
    x.text = xc_buf_detach(&t);
    if (chance(r, 50)) {
      x.title = xc_xstrdup(o->title);
    } else {
      xc_buf_printf(&t, "%s (%s)", o->title, KIND[e->kind].alt);
      x.title = xc_buf_detach(&t);
    }
    heap_push(h, x);
  }
  if (chance(r, 5)) {
    report x = new_report(e, r, "repost", o->family, pick(r, OUTLETS), o->day + pick(r, 3));
    xc_buf t;
    xc_buf_init(&t);
    xc_buf_printf(&t, "Originally published by %s.\n\n%s\n\nOur view\n\n", on.p, o->text);
    size_t words = strlen(o->text) / 9;
    for (size_t w = 0; w < words; w += 20) {
      prose(&t, r, 20);
      xc_buf_putc(&t, ' ');
    }
    x.text = xc_buf_detach(&t);
    x.title = xc_xstrdup(o->title);
    x.undated = chance(r, 50);
    heap_push(h, x);
  }
  if (chance(r, 4)) {
    /* its second and third paragraphs, when it has them */
    const char *p2 = strstr(o->text, "\n\n");
    const char *p4 = p2 ? strstr(p2 + 2, "\n\n") : NULL;
    p4 = p4 ? strstr(p4 + 2, "\n\n") : NULL;
    if (p2 && p4 && p4 - p2 > 200) {
      report x = new_report(e, r, "quoting", o->family, pick(r, OUTLETS), o->day + 1);
      xc_buf t;
      xc_buf_init(&t);
      xc_buf_printf(&t, "From %s, on the %s in %s:\n\n", on.p, KIND[e->kind].noun, e->place);
      xc_buf_put(&t, p2 + 2, (size_t)(p4 - p2 - 2));
      xc_buf_puts(&t, "\n\n");
      prose(&t, r, 8);
      x.text = xc_buf_detach(&t);
      xc_buf_printf(&t, "Read this: %s", o->title);
      x.title = xc_buf_detach(&t);
      x.undated = 1;
      heap_push(h, x);
    }
  }
  xc_buf_release(&on);
}

static void emit(const report *x, long pos, xc_buf *line, FILE *out) {
  char d[32];
  date_str(x->day, d);
  xc_buf_clear(line);
  xc_buf_printf(line, "{\"id\":%ld,\"uid\":%ld,\"event\":%ld,\"series\":%ld,\"kind\":\"%s\","
                      "\"family\":%ld,\"role\":\"%s\",\"outlet\":\"",
                pos, x->uid, x->event, x->series, KIND_NAME[x->kind], x->family, x->role);
  outlet_name(x->outlet, line);
  xc_buf_puts(line, "\",\"published\":");
  if (x->undated) xc_buf_puts(line, "null");
  else xc_buf_printf(line, "\"%s\"", d);
  xc_buf_puts(line, ",\"title\":\"");
  xc_json_escape(line, x->title, strlen(x->title));
  xc_buf_puts(line, "\",\"text\":\"");
  xc_json_escape(line, x->text, strlen(x->text));
  xc_buf_puts(line, "\"}\n");
  fwrite(line->p, 1, line->n, out);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: synth_stream N [SEED] > stream.jsonl\n");
    return 2;
  }
  long n = atol(argv[1]);
  uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 10) : 1;
  event *recent = xc_xcalloc(RECENT, sizeof *recent);
  heap h = {0};
  xc_buf line;
  xc_buf_init(&line);
  long pos = 0;
  for (long id = 0; pos < n; id++) {
    event *e = &recent[id % RECENT];
    event cur;
    make_event(&cur, id, seed, recent);
    *e = cur;
    /* reports of earlier days are complete: emit them in order */
    while (h.n && h.r[0].day < e->day && pos < n) {
      report x = heap_pop(&h);
      emit(&x, pos++, &line, stdout);
      free(x.title), free(x.text);
    }
    rng r = seeded(seed ^ 0x7265706f7274ULL, (uint64_t)id);
    unsigned own = 1;
    while (own < 8 && chance(&r, 55)) own++;
    for (unsigned k = 0; k < own; k++) {
      unsigned outlet = pick(&r, OUTLETS);
      report x = new_report(e, &r, "original", -1, outlet, e->day + (chance(&r, 30) ? 1 : 0));
      xc_buf title, text;
      xc_buf_init(&title);
      xc_buf_init(&text);
      own_report(e, &r, outlet, &title, &text);
      x.title = xc_buf_detach(&title);
      x.text = xc_buf_detach(&text);
      heap_push(&h, x);
      copies_of(e, &r, &x, &h);
    }
  }
  while (h.n) {
    report x = heap_pop(&h);
    free(x.title), free(x.text);
  }
  free(h.r);
  free(recent);
  xc_buf_release(&line);
  return 0;
}
