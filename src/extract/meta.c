/* meta.c - metadata helpers shared by every extractor: dates written the ways
 * news sites write them, bylines into person names, repost credit lines into
 * the original outlet. Language identification is in langid.c. */
#include "extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- dates ---- */
static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const weekdays[] = {"monday",   "tuesday", "wednesday",
                                       "thursday", "friday",  "saturday",
                                       "sunday"};

static int is_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }

/* Month name or abbreviation at p; returns 1..12 and its length in *len. */
static int month_at(const char *p, size_t n, size_t *len) {
  size_t k = 0;
  while (k < n && is_alpha((unsigned char)p[k])) k++;
  if (k < 3) return 0;
  static const char *const full[] = {"january", "february", "march",
                                     "april",   "may",      "june",
                                     "july",    "august",   "september",
                                     "october", "november", "december"};
  for (int m = 0; m < 12; m++) {
    size_t fl = strlen(full[m]);
    if ((k == fl && xc_strncaseeq(p, full[m], k)) ||
        (k == 3 && xc_strncaseeq(p, months[m], 3)) ||
        (k == 4 && m == 8 && xc_strncaseeq(p, "sept", 4))) {
      *len = k;
      if (k < n && p[k] == '.') (*len)++;
      return m + 1;
    }
  }
  return 0;
}

static size_t digits_at(const char *p, size_t n, int *val, size_t maxd) {
  size_t k = 0;
  int v = 0;
  while (k < n && k < maxd && is_digit((unsigned char)p[k]))
    v = v * 10 + (p[k] - '0'), k++;
  if (k < n && is_digit((unsigned char)p[k])) return 0; /* too many digits */
  *val = v;
  return k;
}

static size_t skip_sep(const char *p, size_t n, size_t i) {
  while (i < n && (p[i] == ' ' || p[i] == ',' || p[i] == '\t' ||
                   (unsigned char)p[i] == 0xC2 || (unsigned char)p[i] == 0xA0))
    i++;
  return i;
}

static int valid_ymd(int y, int m, int d) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static size_t ymd_out(int y, int m, int d, size_t used, char *out) {
  if (!valid_ymd(y, m, d)) return 0;
  snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
  return used;
}

/* Can a date start at p? Every form starts with a digit, or with a weekday
 * or a month whose name begins with one of these three letters (its whole
 * name, or "sept", begins with them too), so anything else is rejected
 * before the slow scan: most words of a byline. */
static int date_may_start(const char *p, size_t n) {
  if (!n) return 0;
  if (is_digit((unsigned char)p[0])) return 1;
  if (n < 3 || !is_alpha((unsigned char)p[0]) || !is_alpha((unsigned char)p[1]) ||
      !is_alpha((unsigned char)p[2]))
    return 0;
  static const char starts[] = "janfebmaraprmayjunjulaugsepoctnovdec"
                               "montuewedthufrisatsun";
  char l[3] = {(char)(p[0] | 32), (char)(p[1] | 32), (char)(p[2] | 32)};
  for (size_t k = 0; k + 3 <= sizeof starts - 1; k += 3)
    if (starts[k] == l[0] && starts[k + 1] == l[1] && starts[k + 2] == l[2]) return 1;
  return 0;
}

size_t xc_date_scan(const char *p, size_t n, char *out) {
  size_t i = 0, k;
  int y = 0, m = 0, d = 0;
  if (!date_may_start(p, n)) return 0;
  /* optional weekday */
  for (int w = 0; w < 7; w++) {
    size_t wl = strlen(weekdays[w]);
    if (n >= wl && xc_strncaseeq(p, weekdays[w], wl)) {
      i = wl;
      break;
    }
    if (n >= 4 && xc_strncaseeq(p, weekdays[w], 3) &&
        (p[3] == ',' || p[3] == ' ' || p[3] == '.')) {
      i = 3;
      break;
    }
  }
  if (i) i = skip_sep(p, n, i + (i < n && p[i] == '.'));
  const char *s = p + i;
  size_t r = n - i;
  /* YYYY-MM-DD or YYYY/MM/DD */
  if ((k = digits_at(s, r, &y, 4)) == 4 && r > 4 && (s[4] == '-' || s[4] == '/')) {
    char sep = s[4];
    size_t a = digits_at(s + 5, r - 5, &m, 2);
    if (a && 5 + a < r && s[5 + a] == sep) {
      size_t b = digits_at(s + 6 + a, r - 6 - a, &d, 2);
      if (b) return ymd_out(y, m, d, i + 6 + a + b, out);
    }
    return 0;
  }
  /* MM/DD/YYYY (US) or DD.MM.YYYY (European) */
  if ((k = digits_at(s, r, &m, 2)) > 0 && k < r && (s[k] == '/' || s[k] == '.')) {
    char sep = s[k];
    size_t a = digits_at(s + k + 1, r - k - 1, &d, 2);
    if (a && k + 1 + a < r && s[k + 1 + a] == sep) {
      size_t b = digits_at(s + k + 2 + a, r - k - 2 - a, &y, 4);
      /* a US dateline's two-digit year, "12/16/08 1:30 AM EST", unless
       * more of a number follows ("1/2/08/4", "3/4/05.5") */
      size_t e = k + 2 + a + b;
      int more = e < r && (s[e] == '/' || (s[e] == '.' && e + 1 < r &&
                                            is_digit((unsigned char)s[e + 1])));
      int two = b == 2 && sep == '/' && !more;
      if (b != 4 && !two) return 0;
      if (two) y += y < 70 ? 2000 : 1900;
      if (sep == '.' || m > 12) { int t = m; m = d; d = t; }
      return ymd_out(y, m, d, i + e, out);
    }
    return 0;
  }
  /* Month D, YYYY */
  size_t ml;
  if ((m = month_at(s, r, &ml)) > 0) {
    size_t j = skip_sep(s, r, ml);
    size_t a = digits_at(s + j, r - j, &d, 2);
    if (!a) return 0;
    j += a;
    if (j + 1 < r && is_alpha((unsigned char)s[j]) && is_alpha((unsigned char)s[j + 1]))
      j += 2; /* 1st, 2nd, 3rd, 4th */
    j = skip_sep(s, r, j);
    size_t b = digits_at(s + j, r - j, &y, 4);
    if (b != 4) return 0;
    return ymd_out(y, m, d, i + j + b, out);
  }
  /* D Month YYYY */
  if ((k = digits_at(s, r, &d, 2)) > 0) {
    size_t j = k;
    if (j + 1 < r && is_alpha((unsigned char)s[j]) && is_alpha((unsigned char)s[j + 1]) &&
        !month_at(s + j, r - j, &ml))
      j += 2;
    j = skip_sep(s, r, j);
    if (j < r && s[j] == '-') j++;
    if ((m = month_at(s + j, r - j, &ml)) > 0) {
      j = skip_sep(s, r, j + ml);
      if (j < r && s[j] == '-') j++;
      size_t b = digits_at(s + j, r - j, &y, 4);
      if (b == 4) return ymd_out(y, m, d, i + j + b, out);
    }
  }
  return 0;
}

int xc_date_normalize(const char *p, size_t n, char *out) {
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && (is_alpha((unsigned char)p[i - 1]) || is_digit((unsigned char)p[i - 1])))
      continue;
    if (xc_date_scan(p + i, n - i, out)) return 1;
  }
  return 0;
}

/* ---- bylines ---- */
static const char *const byline_noise[] = {
    "email the author", "email author", "follow on twitter", "updated",
    "published", "posted", "last modified", "staff writer", "staff reporter",
    "correspondent", "contributor", "editor", "reporter", "columnist",
    "writer", "view all posts", "read more", "min read", "minute read",
    "photographer", "senior", "bureau", "associated press writer", NULL};

static int has_digit(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (is_digit((unsigned char)p[i])) return 1;
  return 0;
}

/* Person-like: 1..6 words, most starting upper-case, no digits. */
static int name_like(const char *p, size_t n) {
  if (n < 2 || n > 80 || has_digit(p, n) || memchr(p, '@', n)) return 0;
  size_t words = 0, caps = 0;
  for (size_t i = 0; i < n; i++) {
    if (i == 0 || p[i - 1] == ' ') {
      words++;
      unsigned char c = (unsigned char)p[i];
      if ((c >= 'A' && c <= 'Z') || c >= 0xC0) caps++;
    }
  }
  return words >= 1 && words <= 6 && caps * 2 >= words + 1;
}

/* A desk or a team, not a person: "News Desk", "Staff", "Wires". */
static int org_word(const char *p, size_t n) {
  static const char *const words[] = {"desk", "newsroom", "staff", "team",
                                      "admin", "administrator", "editorial",
                                      "editors", "wires", "agencies", "agency",
                                      "webmaster", "newsdesk", "news", "times",
                                      "press", "reuters", "tribune", "herald",
                                      "gazette", "journal", "magazine", "media",
                                      NULL};
  for (size_t i = 0; i < n;) {
    while (i < n && !is_alpha((unsigned char)p[i])) i++;
    size_t a = i;
    while (i < n && is_alpha((unsigned char)p[i])) i++;
    for (int k = 0; words[k]; k++)
      if (strlen(words[k]) == i - a && xc_strncaseeq(p + a, words[k], i - a))
        return 1;
  }
  return 0;
}

static void push_author(xc_strv *authors, const char *p, size_t n) {
  xc_slice s = xc_trim(p, n);
  while (s.n && (s.p[s.n - 1] == '.' || s.p[s.n - 1] == ':' ||
                 s.p[s.n - 1] == '-'))
    s.n--, s = xc_trim(s.p, s.n);
  static const char *const lead[] = {"written by: ", "posted by: ", "by: ",
                                     "written by ", "posted by ", "story by ",
                                     "reported by ", "by ", "author: ",
                                     "authors: ", "author ", NULL};
  for (int changed = 1; changed;) {
    changed = 0;
    for (int k = 0; lead[k]; k++) {
      size_t l = strlen(lead[k]);
      if (s.n > l && xc_strncaseeq(s.p, lead[k], l)) {
        s = xc_trim(s.p + l, s.n - l);
        changed = 1;
      }
    }
  }
  if (!s.n) return;
  if (org_word(s.p, s.n)) return;
  for (int k = 0; byline_noise[k]; k++)
    if (xc_memcasemem(s.p, s.n, byline_noise[k])) return;
  char *c = xc_collapse_ws(s.p, s.n);
  if (name_like(c, strlen(c))) xc_strv_push_unique(authors, c);
  free(c);
}

void xc_authors_from_byline(const char *p, size_t n, xc_strv *authors) {
  char date[11];
  /* cut at the first date or time-like digits: "By X | May 2, 2024",
   * "Posted by X at 11:20 AM" */
  for (size_t i = 0; i < n; i++)
    if ((i == 0 || p[i - 1] == ' ' || p[i - 1] == '|') &&
        (xc_date_scan(p + i, n - i, date) || is_digit((unsigned char)p[i]))) {
      n = i;
      if (n >= 3 && xc_strncaseeq(p + n - 3, "at ", 3)) n -= 3;
      else if (n >= 3 && xc_strncaseeq(p + n - 3, "on ", 3)) n -= 3;
      break;
    }
  size_t start = 0;
  for (size_t i = 0; i <= n; i++) {
    int cut = 0, skip = 1;
    if (i == n) cut = 1;
    else if (p[i] == ',' || p[i] == '|' || p[i] == ';' || p[i] == '&' ||
             p[i] == '/' || p[i] == '\n' || p[i] == '(' || p[i] == ')')
      cut = 1;
    else if (i + 5 <= n && xc_strncaseeq(p + i, " and ", 5))
      cut = 1, skip = 5;
    else if (i + 3 <= n && (unsigned char)p[i] == 0xE2 &&
             (unsigned char)p[i + 1] == 0x80 &&
             ((unsigned char)p[i + 2] == 0x94 || (unsigned char)p[i + 2] == 0x93 ||
              (unsigned char)p[i + 2] == 0xA2))
      cut = 1, skip = 3; /* em dash, en dash, bullet */
    if (!cut) continue;
    push_author(authors, p + start, i - start);
    /* a comma after a name usually starts a role: "Jane Roe, Reuters" */
    i += (size_t)skip - 1;
    start = i + 1;
  }
}

/* ---- repost credits ---- */
static char *outlet_from(const char *p, size_t n) {
  xc_slice s = xc_trim(p, n);
  if (s.n > 4 && memcmp(s.p, "the ", 4) == 0) s = xc_trim(s.p + 4, s.n - 4);
  while (s.n && strchr(".:;,!\"'", s.p[s.n - 1])) s.n--;
  s = xc_trim(s.p, s.n);
  if (s.n == 0 || s.n > 80) return NULL;
  unsigned char c = (unsigned char)s.p[0];
  if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xC0))
    return NULL;
  return xc_collapse_ws(s.p, s.n);
}

char *xc_publisher_from_line(const char *p, size_t n) {
  xc_slice s = xc_trim(p, n);
  if (s.n < 8 || s.n > 400) return NULL;
  const char *q;
  /* "The post <title> appeared first on <Outlet>." */
  if (xc_strncaseeq(s.p, "the post ", 9) &&
      (q = xc_memcasemem(s.p, s.n, " appeared first on ")) != NULL) {
    q += 19;
    return outlet_from(q, (size_t)(s.p + s.n - q));
  }
  /* "<Name> reports in the <Outlet>:" / "writes in" */
  static const char *const verbs[] = {" reports in ", " reported in ",
                                      " writes in ",  " wrote in ",
                                      " reports for ", NULL};
  if (s.p[s.n - 1] == ':' && s.n < 160)
    for (int k = 0; verbs[k]; k++)
      if ((q = xc_memcasemem(s.p, s.n, verbs[k])) != NULL) {
        q += strlen(verbs[k]);
        return outlet_from(q, (size_t)(s.p + s.n - q));
      }
  /* "Source: Outlet" (a short name, not a sentence) */
  if (s.n < 60 && (xc_strncaseeq(s.p, "source: ", 8) ||
                   xc_strncaseeq(s.p, "originally from: ", 17))) {
    const char *v = (const char *)memchr(s.p, ':', s.n) + 1;
    size_t vn = (size_t)(s.p + s.n - v), words = 1;
    for (size_t i = 0; i < vn; i++) words += v[i] == ' ' && i && v[i - 1] != ' ';
    if (words <= 6 && !memchr(v, ',', vn) && v[vn - 1] != '.')
      return outlet_from(v, vn);
  }
  static const char *const orig[] = {
      "originally appeared in ",  "originally appeared on ",
      "first appeared in ",       "first appeared on ",
      "originally published in ", "originally published on ",
      "originally published by ", "originally published at ",
      "republished from ",        "republished with permission from ",
      "reprinted from ",          "reprinted with permission from ", NULL};
  if (s.n < 200)
    for (int k = 0; orig[k]; k++)
      if ((q = xc_memcasemem(s.p, s.n, orig[k])) != NULL) {
        q += strlen(orig[k]);
        const char *e = s.p + s.n;
        for (const char *t = q; t < e; t++)
          if (*t == ',' || *t == '(' || (*t == '.' && t + 1 < e && t[1] == ' ')) {
            e = t;
            break;
          }
        return outlet_from(q, (size_t)(e - q));
      }
  return NULL;
}

void xc_authors_declared(const char *p, size_t n, xc_strv *authors) {
  xc_slice s = xc_trim(p, n);
  if (s.n > 3 && xc_strncaseeq(s.p, "by ", 3)) s = xc_trim(s.p + 3, s.n - 3);
  if (!s.n || s.n > 100 || memchr(s.p, '@', s.n) || memchr(s.p, '/', s.n))
    return;
  char *c = xc_collapse_ws(s.p, s.n);
  if (*c) xc_strv_push_unique(authors, c);
  free(c);
}
