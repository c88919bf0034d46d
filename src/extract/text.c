/* text.c - plain text copied from web pages. Lines are joined into units
 * (paragraphs, undoing hard wraps), each unit is classified from its features
 * (length, words, capitalisation, end punctuation, dates, boilerplate phrases,
 * repetition), and the article is the maximum-scoring contiguous run of units
 * (Kadane's maximum subarray over prose/boilerplate scores, in the spirit of
 * boilerpipe and jusText); title, date, byline and site come from its edges. */
#include "extract.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* unit flags */
enum {
  U_PROSE = 1 << 0,    /* a sentence-like paragraph */
  U_REPEAT = 1 << 1,   /* short and seen 2+ times in the document */
  U_BOIL = 1 << 2,     /* a boilerplate phrase: menu, search, share, ad */
  U_STOP = 1 << 3,     /* a section marker the article never runs across */
  U_DATE = 1 << 4,     /* a date line */
  U_BYLINE = 1 << 5,   /* "By Jane Roe" */
  U_BYMAYBE = 1 << 6,  /* "A Blog by Jane Roe": byline unless it is the title */
  U_REPOST = 1 << 7,   /* repost credit naming the original outlet */
  U_CREDIT = 1 << 8,   /* the article's closing credit: "Reporting by ..." */
  U_TEASER = 1 << 9,   /* a cut-off teaser ending in "..." */
  U_TAGS = 1 << 10,    /* topic words run together: "CranesPortVeltmark" */
  U_CAPTION = 1 << 11, /* image credit or caption */
  U_COMMENTS = 1 << 12, /* a comment-section marker */
  U_LIST = 1 << 13,     /* an item of a list a colon introduces */
  U_PAIRED = 1 << 14    /* in a run of headline + one-paragraph teasers */
};

/* removed from the text wherever they are */
#define U_DROP                                                                 \
  (U_REPEAT | U_BOIL | U_STOP | U_DATE | U_BYLINE | U_REPOST | U_TEASER |      \
   U_TAGS | U_CAPTION)

typedef struct unit {
  size_t off, len; /* in the joined text */
  unsigned words, caps, lows, camel;
  unsigned flags;
  int terminal, colon, dash_end, breadcrumb;
  size_t count, last; /* occurrences of the same text, index of the last */
  uint64_t key;
} unit;

typedef struct doc {
  xc_buf txt; /* unit texts, one after another */
  unit *u;
  size_t n, cap;
} doc;

static const char *utext(const doc *d, const unit *u) { return d->txt.p + u->off; }

/* ---- building units ---- */
static int is_terminal_cp(uint32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}
static int is_close_cp(uint32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
         cp == 0x2019 || cp == 0xBB || cp == '*' || cp == '_';
}

/* Last code point of p[0..n) and its start offset. */
static uint32_t last_cp(const char *p, size_t n, size_t *start) {
  size_t s = n - 1, len;
  while (s > 0 && ((unsigned char)p[s] & 0xC0) == 0x80 && n - s < 4) s--;
  *start = s;
  return xc_utf8_decode(p + s, n - s, &len);
}

/* Ends a sentence, ignoring closing quotes and brackets. */
static int ends_terminal(const char *p, size_t n) {
  while (n) {
    size_t s;
    uint32_t cp = last_cp(p, n, &s);
    if (is_close_cp(cp)) {
      n = s;
      continue;
    }
    return is_terminal_cp(cp);
  }
  return 0;
}

static int ends_with_str(const char *p, size_t n, const char *s) {
  size_t l = strlen(s);
  return n >= l && memcmp(p + n - l, s, l) == 0;
}

/* A wrapped line continues: the previous line is long and unfinished and the
 * next starts in lower case. */
static int joins(xc_slice a, xc_slice b) {
  if (a.n < 30 || !b.n) return 0;
  if (ends_terminal(a.p, a.n) || a.p[a.n - 1] == ':') return 0;
  unsigned char c = (unsigned char)b.p[0];
  return (c >= 'a' && c <= 'z') || a.p[a.n - 1] == ',';
}

static int bullet_start(xc_slice s) {
  if (s.n >= 2 && (s.p[0] == '-' || s.p[0] == '*' || s.p[0] == '+') &&
      s.p[1] == ' ')
    return 1;
  if (s.n >= 3 && memcmp(s.p, "\xE2\x80\xA2", 3) == 0) return 1;
  size_t k = 0;
  while (k < s.n && k < 3 && s.p[k] >= '0' && s.p[k] <= '9') k++;
  return k && k + 1 < s.n && (s.p[k] == '.' || s.p[k] == ')') && s.p[k + 1] == ' ';
}

/* A block of lines hard-wrapped at a fixed width: every line but the last is
 * close to the longest. */
static int block_wrapped(const xc_slice *ln, size_t a, size_t b) {
  if (b - a < 2) return 0;
  size_t w = 0;
  for (size_t i = a; i < b; i++)
    if (ln[i].n > w) w = ln[i].n;
  if (w < 50 || w > 110) return 0;
  for (size_t i = a; i < b; i++) {
    if (bullet_start(ln[i])) return 0;
    /* two lines: both full; more: all but the last */
    if ((i + 1 < b || b - a == 2) && ln[i].n * 10 < w * 7) return 0;
  }
  return 1;
}

static unit *new_unit(doc *d) {
  if (d->n == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 64;
    d->u = xc_xrealloc(d->u, d->cap * sizeof *d->u);
  }
  unit *u = &d->u[d->n++];
  memset(u, 0, sizeof *u);
  u->off = d->txt.n;
  return u;
}

/* Appends s to the text with runs of white space collapsed. */
static void put_collapsed(xc_buf *b, xc_slice s) {
  int sp = 0;
  for (size_t i = 0; i < s.n; i++) {
    unsigned char c = (unsigned char)s.p[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      sp = 1;
      continue;
    }
    if (sp) xc_buf_putc(b, ' ');
    sp = 0;
    xc_buf_putc(b, (char)c);
  }
}

static void build_units(doc *d, const char *p, size_t n) {
  size_t nl = 0, cap = 0;
  xc_slice *ln = NULL;
  for (size_t i = 0; i <= n;) {
    const char *e = i < n ? memchr(p + i, '\n', n - i) : NULL;
    size_t end = e ? (size_t)(e - p) : n;
    if (nl == cap) {
      cap = cap ? cap * 2 : 256;
      ln = xc_xrealloc(ln, cap * sizeof *ln);
    }
    ln[nl++] = xc_trim(p + i, end - i);
    if (!e) break;
    i = end + 1;
  }
  for (size_t a = 0; a < nl;) {
    if (!ln[a].n) {
      a++;
      continue;
    }
    size_t b = a;
    while (b < nl && ln[b].n) b++;
    int wrapped = block_wrapped(ln, a, b);
    unit *u = NULL;
    for (size_t i = a; i < b; i++) {
      if (u && (wrapped || joins(ln[i - 1], ln[i]))) {
        xc_buf_putc(&d->txt, ' ');
      } else {
        if (u) u->len = d->txt.n - u->off, xc_buf_putc(&d->txt, 0);
        u = new_unit(d);
      }
      put_collapsed(&d->txt, ln[i]);
    }
    u->len = d->txt.n - u->off;
    xc_buf_putc(&d->txt, 0);
    a = b;
  }
  free(ln);
}

/* ---- features ---- */
static int is_upper_cp(uint32_t cp) {
  if (cp < 128) return cp >= 'A' && cp <= 'Z';
  return utf8proc_isupper((utf8proc_int32_t)cp);
}
static int is_lower_cp(uint32_t cp) {
  if (cp < 128) return cp >= 'a' && cp <= 'z';
  return utf8proc_islower((utf8proc_int32_t)cp);
}
static int is_open_cp(uint32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C ||
         cp == 0x2018 || cp == 0xAB || cp == '*' || cp == '_';
}

static void features(doc *d, unit *u) {
  const char *s = utext(d, u);
  size_t n = u->len, len;
  int word_start = 1;
  uint32_t prev = 0;
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i += len) {
    uint32_t cp = xc_utf8_decode(s + i, n - i, &len);
    h = (h ^ (uint64_t)(cp < 128 ? (uint32_t)xc_lower((int)cp) : cp)) *
        1099511628211ULL;
    if (cp == ' ') {
      word_start = 1;
      prev = cp;
      continue;
    }
    if (word_start) {
      if (is_open_cp(cp)) {
        prev = cp;
        continue; /* the word starts after its opening quote */
      }
      u->words++;
      if (is_upper_cp(cp) || (cp >= '0' && cp <= '9')) u->caps++;
      else if (is_lower_cp(cp)) u->lows++;
      word_start = 0;
    } else if (is_upper_cp(cp) && is_lower_cp(prev)) {
      u->camel++;
    }
    if (cp == 0x203A || cp == 0xBB || cp == '|' || cp == 0x2022 ||
        cp == 0xB7 || (cp == '>' && prev == ' '))
      u->breadcrumb = 1;
    prev = cp;
  }
  u->key = h ^ n;
  u->terminal = ends_terminal(s, n);
  u->colon = n && s[n - 1] == ':';
  u->dash_end = n && (s[n - 1] == '-' || ends_with_str(s, n, "\xE2\x80\x94") ||
                      ends_with_str(s, n, "\xE2\x80\x93"));
}

/* Counts equal unit texts (case-insensitive) with an open-addressing table. */
static void count_repeats(doc *d) {
  size_t cap = 16;
  while (cap < d->n * 2) cap <<= 1;
  size_t *slot = xc_xmalloc(cap * sizeof *slot); /* unit index + 1 */
  memset(slot, 0, cap * sizeof *slot);
  for (size_t i = 0; i < d->n; i++) {
    unit *u = &d->u[i];
    size_t h = (size_t)u->key & (cap - 1);
    for (;;) {
      if (!slot[h]) {
        slot[h] = i + 1;
        u->count = 1;
        u->last = i;
        break;
      }
      unit *f = &d->u[slot[h] - 1];
      if (f->key == u->key && f->len == u->len) {
        f->count++;
        f->last = i;
        u->count = 0; /* resolved below through the first occurrence */
        u->last = slot[h] - 1;
        break;
      }
      h = (h + 1) & (cap - 1);
    }
  }
  for (size_t i = 0; i < d->n; i++) {
    unit *u = &d->u[i];
    if (!u->count) {
      unit *f = &d->u[u->last];
      u->count = f->count;
      u->last = f->last;
    }
  }
  free(slot);
}

/* ---- boilerplate phrases ---- */
/* Lower-cased, with leading bullets and trailing separators removed. */
static int sep_cp(uint32_t cp) {
  return cp == 0x2022 || cp == 0xBB || cp == 0x203A || cp == 0x2014 ||
         cp == 0x2013 || cp == 0xB7 || (cp < 128 && cp && strchr("-*+#>|: ", (int)cp));
}

static size_t norm_short(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0, l;
  while (n && sep_cp(xc_utf8_decode(s, n, &l))) s += l, n -= l;
  for (size_t i = 0; i < n && k + 1 < cap; i++)
    out[k++] = (char)xc_lower((unsigned char)s[i]);
  while (k) {
    size_t st = k - 1;
    while (st > 0 && ((unsigned char)out[st] & 0xC0) == 0x80 && k - st < 4) st--;
    uint32_t cp = xc_utf8_decode(out + st, k - st, &l);
    if (!(sep_cp(cp) || cp == '.')) break;
    k = st;
  }
  out[k] = 0;
  return k;
}

static int in_list(const char *s, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strcmp(s, list[i]) == 0) return 1;
  return 0;
}
static int prefix_in(const char *s, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strncmp(s, list[i], strlen(list[i])) == 0) return 1;
  return 0;
}
static int contains_any(const char *s, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strstr(s, list[i])) return 1;
  return 0;
}

static const char *const boil_exact[] = {
    "no result", "no results", "view all result", "view all results",
    "search", "search for", "home", "menu", "main menu", "close", "open",
    "read more", "continue reading", "read full story", "read the full story",
    "load more", "show more", "see more", "more", "advertisement", "advert",
    "ad", "sponsored", "sponsored content", "promoted", "share", "shares",
    "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "share on x", "facebook", "twitter", "whatsapp",
    "linkedin", "telegram", "reddit", "pinterest", "email", "e-mail", "print",
    "copy link", "copied", "tweet", "pin", "subscribe", "subscribe now",
    "sign in", "sign up", "log in", "login", "log out", "register", "newsletter",
    "newsletters", "trending", "trending now", "most read", "most popular",
    "popular", "top stories", "latest", "latest news", "breaking news",
    "previous", "next", "previous article", "next article", "previous post",
    "next post", "tags", "topics", "filed under", "categories", "category",
    "follow us", "back to top", "skip to content", "skip to main content",
    "loading", "loading...", "toggle navigation", "navigation", "listen",
    "listen to this article", "play", "watch", "video", "photos", "gallery",
    "cancel reply", "reply", "like", "report", "accept", "accept all",
    "cookie settings", "privacy policy", "terms of use", "terms of service",
    "contact us", "about us", "all rights reserved", "news", "related",
    "recommended", "comments", "comment", "discussion", "show comments",
    "view comments", NULL};

static const char *const caption_prefix[] = {
    "image:", "images:", "photo:", "photos:", "photograph:", "picture:",
    "pictured:", "credit:", "image credit", "photo credit", "featured image",
    "image source", "image via", "photo by ", "photo via", "file photo",
    "(photo", "(image", "(picture", "(file photo", "(credit", "[photo",
    "[image", NULL};

static const char *const caption_contains[] = {
    "(ap photo", "(reuters/", "getty images", "/ shutterstock",
    "shutterstock /", "via getty", NULL};

static const char *const boil_prefix[] = {
    "tags:", "filed under:", "filed in:", "categories:", "category:",
    "topics:", "related:", "read more:", "read also", "also read", "see also:",
    "more:", "watch:", "listen:", "click here", "follow us", "share this",
    "share on", "sign up for", "subscribe to", "copyright", "\xC2\xA9",
    "(c) ", "home \xE2\x80\xBA", "home >", "home \xC2\xBB", "home /",
    "home |", "you are here", "you are in:", "hot tags", "popular tags",
    "posted in ", "last updated", "min read",
    "we use cookies", "this site uses cookies", "this website uses cookies",
    "posted by", NULL};

static const char *const boil_contains[] = {
    "all rights reserved", "\xC2\xA9 20", "\xC2\xA9 19", "cookie policy",
    "privacy policy", "terms of use", "terms of service", "sign up for our",
    "subscribe to our", "sign up to our", "delivered to your inbox",
    "straight to your inbox", "min read", NULL};

static const char *const stop_exact[] = {
    "about the author", "about the authors", "related posts",
    "related articles", "related stories", "related news", "related content",
    "more stories", "more news", "you may also like", "you might also like",
    "recommended for you", "read next", "what to read next", "more from",
    "source link", "leave a reply", "leave a comment", "post a comment",
    "add comment", "add a comment", "post your comments", "post your comment",
    "join the conversation", "join the discussion", NULL};

static const char *const credit_prefix[] = {
    "reporting by", "additional reporting", "writing by", "editing by",
    "edited by", "compiled by", "with wires", "with agencies", "with reporting",
    "wire services", "- with", "\xE2\x80\x94 with", NULL};
static const char *const credit_contains[] = {
    " reported from ", "contributed reporting", "contributed to this report",
    "contributed to this article", "contributed to this story", "; editing by",
    NULL};

static const char *const by_prefix[] = {"by ", "by: ", "written by ", "posted by ",
                                        "written by: ", "posted by: ",
                                        "words by ", "story by ", "author: ",
                                        "authors: ", "byline: ", NULL};

static const char *const comment_verbs[] = {
    "add ", "post ", "leave ", "write ", "submit ", "have your say",
    "share your", "join ", NULL};

/* "A blog by Jane Roe": at most three words before " by ", and not
 * "Powered by", "Sponsored by", "Photo by", "Brought to you by". */
static int by_maybe(const char *low) {
  static const char *const not_people[] = {
      "illustration", "illustrations", "photo", "photos", "image", "images",
      "video", "you", "art", "graphic", "graphics", "map", "design", NULL};
  const char *q = strstr(low, " by ");
  if (!q) return 0;
  size_t words = 1;
  for (const char *c = low; c < q; c++) words += *c == ' ';
  if (words > 3) return 0;
  const char *w = q;
  while (w > low && w[-1] != ' ') w--;
  size_t wl = (size_t)(q - w);
  if (wl >= 2 && w[wl - 2] == 'e' && w[wl - 1] == 'd') return 0;
  for (int i = 0; not_people[i]; i++)
    if (strlen(not_people[i]) == wl && strncmp(w, not_people[i], wl) == 0)
      return 0;
  return 1;
}

/* "12 comments", "Comments (12)", "3 thoughts on", "5 responses to" */
static int comment_counter(const char *s) {
  const char *q = s;
  while (*q >= '0' && *q <= '9') q++;
  if (q > s && *q == ' ')
    return strncmp(q + 1, "comment", 7) == 0 || strncmp(q + 1, "thought", 7) == 0 ||
           strncmp(q + 1, "response", 8) == 0 || strncmp(q + 1, "repl", 4) == 0;
  if (strncmp(s, "comments (", 10) == 0 || strncmp(s, "comments: ", 10) == 0 ||
      strncmp(s, "comment (", 9) == 0)
    return 1;
  return 0;
}

/* A comment section's furniture ("Comment No. 1034", "Report this
 * comment", "Comments are closed."), not a sentence using the word ("He
 * declined to comment.", "commented"). */
static int comment_furniture(const char *low, int sentence) {
  const char *q = strstr(low, "comment");
  if (!q) return 0;
  if ((q - low >= 3 && strncmp(q - 3, "to ", 3) == 0) ||
      (q - low >= 4 && strncmp(q - 4, "for ", 4) == 0))
    return 0;
  const char *e = q + 7;
  if (*e == 's') e++;
  if ((*e >= 'a' && *e <= 'z')) return 0; /* commented, commentary */
  if (!sentence || q == low || (low[0] >= '0' && low[0] <= '9')) return 1;
  return strstr(low, "closed") || strstr(low, "submitted") ||
         strstr(low, "moderat") || strstr(low, "report this");
}

/* "1 of 399", "3/12", "3 / 12" */
static int slide_counter(const char *s) {
  const char *q = s;
  if (!(*q >= '0' && *q <= '9')) return 0;
  while (*q >= '0' && *q <= '9') q++;
  if (strncmp(q, " of ", 4) == 0) q += 4;
  else if (*q == '/') q++;
  else if (strncmp(q, " / ", 3) == 0) q += 3;
  else return 0;
  if (!(*q >= '0' && *q <= '9')) return 0;
  while (*q >= '0' && *q <= '9') q++;
  return *q == 0;
}

static int is_digitstr(const char *s) {
  if (!*s) return 0;
  for (; *s; s++)
    if (!((*s >= '0' && *s <= '9') || *s == ',' || *s == '.' || *s == 'k'))
      return 0;
  return 1;
}

static void classify(doc *d) {
  char low[320];
  for (size_t i = 0; i < d->n; i++) {
    unit *u = &d->u[i];
    const char *s = utext(d, u);
    /* prose: sentences with mostly lower-case words */
    int lowish = u->lows * 10 >= u->words * 4;
    if ((u->words >= 8 && u->terminal && lowish) ||
        (u->words >= 15 && lowish && !u->camel))
      u->flags |= U_PROSE;
    if (u->count >= 2 && u->words <= 10) u->flags |= U_REPEAT;
    if (u->camel >= 2 && !u->terminal && u->words <= 30 &&
        u->camel * 3 >= u->words)
      u->flags |= U_TAGS;
    /* a cut-off teaser: "... gleaming with ..." */
    if (u->words >= 6 && u->words <= 80 && (ends_with_str(s, u->len, " ...") ||
                          ends_with_str(s, u->len, " \xE2\x80\xA6") ||
                          (u->words >= 10 && (ends_with_str(s, u->len, "...") ||
                                              ends_with_str(s, u->len, "\xE2\x80\xA6")))))
      u->flags |= U_TEASER;
    if (u->words > 60) continue; /* phrase tests below are for short units */
    norm_short(s, u->len, low, sizeof low);
    if (u->len < sizeof low - 8) {
      if (in_list(low, boil_exact) || is_digitstr(low)) u->flags |= U_BOIL;
      /* a counter ("12 comments") may sit in the article's header; a
       * section heading ("3 comments:", "Post a Comment") ends the article */
      if (in_list(low, stop_exact) ||
          (comment_counter(low) && s[u->len - 1] == ':'))
        u->flags |= U_STOP | U_BOIL;
      else if (comment_counter(low))
        u->flags |= U_BOIL | U_COMMENTS;
      /* comment-section furniture: "Comment No. 1034", "Report this
       * comment", "Comments are closed", "Log in to Reply" */
      if (u->words <= 8 && (comment_furniture(low, u->terminal) ||
                            strstr(low, "to reply")))
        u->flags |= U_BOIL | U_COMMENTS;
      if (strncmp(low, "about the author", 16) == 0) u->flags |= U_STOP;
      /* "Add your comment", "Comments (0)", "Post your comments" */
      if (u->words <= 6 && strstr(low, "comment") &&
          prefix_in(low, comment_verbs))
        u->flags |= U_STOP | U_BOIL;
      if ((u->flags & U_STOP) && (strstr(low, "comment") || strstr(low, "repl") ||
                                  strstr(low, "conversation") ||
                                  strstr(low, "discussion")))
        u->flags |= U_COMMENTS;
      if (slide_counter(low)) u->flags |= U_BOIL;
      if (u->words <= 40 && (prefix_in(low, boil_prefix) ||
                             contains_any(low, boil_contains)))
        u->flags |= U_BOIL;
      if (u->words <= 40 && (prefix_in(low, caption_prefix) ||
                             contains_any(low, caption_contains)))
        u->flags |= U_CAPTION;
      if (u->words <= 40 && strstr(low, "newsletter") &&
          (strstr(low, "sign up") || strstr(low, "subscribe") ||
           strstr(low, "inbox")))
        u->flags |= U_BOIL;
      if (u->words <= 40 &&
          (prefix_in(low, credit_prefix) || contains_any(low, credit_contains)))
        u->flags |= U_CREDIT;
      if (u->words <= 12 && !u->terminal && prefix_in(low, by_prefix))
        u->flags |= U_BYLINE;
      else if (u->words <= 8 && !u->terminal && by_maybe(low) &&
               !(u->flags & (U_CREDIT | U_CAPTION | U_BOIL)))
        u->flags |= U_BYMAYBE;
    }
    char date[11];
    if (u->words <= 10 && u->len <= 100 && !(u->flags & U_PROSE) &&
        xc_date_normalize(s, u->len, date))
      u->flags |= U_DATE;
    if (u->len <= 400) {
      char *pub = xc_publisher_from_line(s, u->len);
      if (pub) {
        u->flags |= U_REPOST;
        if (strncmp(low, "the post ", 9) == 0) u->flags |= U_STOP;
        free(pub);
      }
    }
    if (u->flags & (U_BOIL | U_TAGS | U_TEASER | U_CAPTION | U_REPOST | U_DATE))
      u->flags &= ~(unsigned)U_PROSE;
  }
  /* "By reader at 01/08/08 05:30 PM" after the article has begun heads a
   * reader's comment */
  unsigned long prose = 0;
  for (size_t i = 0; i < d->n; i++) {
    unit *u = &d->u[i];
    if (u->flags & U_PROSE) prose += u->words;
    if ((u->flags & U_BYLINE) && prose >= 100) {
      const char *s = utext(d, u);
      for (size_t k = 0; k < u->len; k++)
        if (s[k] >= '0' && s[k] <= '9') {
          u->flags |= U_STOP | U_COMMENTS;
          break;
        }
    }
  }
  /* a list introduced by "...:" is content: its short items cost little */
  for (size_t i = 0; i + 1 < d->n; i++) {
    if (!d->u[i].colon || (d->u[i].flags & (U_BOIL | U_STOP))) continue;
    size_t j = i + 1;
    for (; j < d->n && d->u[j].words <= 12 && !d->u[j].colon &&
           !(d->u[j].flags & (U_BOIL | U_STOP | U_PROSE));
         j++)
      d->u[j].flags |= U_LIST;
    i = j - 1; /* each unit is looked at once */
  }
  /* related-story teasers: four or more headline + one-paragraph pairs,
   * when the page has more prose elsewhere (an article written as
   * subheading + paragraph pairs keeps its weight) */
  for (size_t i = 0; i + 1 < d->n;) {
    size_t j = i;
    unsigned long words = 0;
    while (j + 1 < d->n && !(d->u[j].flags & (U_PROSE | U_STOP)) &&
           d->u[j].words >= 3 && !d->u[j].terminal &&
           (d->u[j + 1].flags & U_PROSE) && d->u[j + 1].words <= 40)
      words += d->u[j + 1].words, j += 2;
    if ((j - i) / 2 >= 4 && words * 2 < prose)
      for (size_t k = i; k < j; k++) d->u[k].flags |= U_PAIRED;
    i = j > i ? j : i + 1;
  }
  /* the paragraph after "About the Author" is the bio */
  for (size_t i = 0; i + 1 < d->n; i++) {
    unit *u = &d->u[i];
    if ((u->flags & U_STOP) && u->words <= 12) {
      norm_short(utext(d, u), u->len, low, sizeof low);
      if (strncmp(low, "about the author", 16) == 0 && d->u[i + 1].words <= 150)
        d->u[i + 1].flags |= U_BOIL, d->u[i + 1].flags &= ~(unsigned)U_PROSE;
    }
  }
}

/* ---- the article region ---- */
static long long unit_score(const unit *u, int after_comments) {
  if (u->flags & U_STOP) return -1000000000LL;
  if (u->flags & (U_REPOST | U_CREDIT)) return 0;
  if (u->flags & U_PROSE)
    return (after_comments || (u->flags & U_PAIRED)) ? (long long)u->words / 4
                                                     : (long long)u->words;
  if (u->flags & U_PAIRED) return -6;
  if (u->flags & U_LIST) return -1;
  if (u->flags & (U_BOIL | U_REPEAT | U_TAGS | U_TEASER | U_CAPTION)) return -8;
  if (u->flags & U_DATE) return -5;
  return -3;
}

static void find_region(const doc *d, size_t *rs, size_t *re) {
  long long best = 0, cur = 0;
  size_t cs = 0, bs = 0, be = 0;
  int after_comments = 0;
  unsigned long prose = 0;
  for (size_t i = 0; i < d->n; i++) {
    /* what follows an end-of-article marker (comments, bio, related
     * posts) weighs less */
    if ((d->u[i].flags & (U_COMMENTS | U_STOP)) && prose >= 80)
      after_comments = 1;
    if (d->u[i].flags & U_PROSE) prose += d->u[i].words;
    long long s = unit_score(&d->u[i], after_comments);
    if (cur <= 0) cur = s, cs = i;
    else cur += s;
    if (cur > best) best = cur, bs = cs, be = i + 1;
  }
  *rs = bs;
  *re = be;
}

static int headline_like(const doc *d, const unit *u, size_t rs) {
  if (u->words < 3 || u->words > 30 || u->len > 250 || u->len < 12) return 0;
  if (u->flags & (U_BOIL | U_STOP | U_DATE | U_BYLINE | U_REPOST | U_CREDIT |
                  U_TAGS | U_TEASER | U_CAPTION))
    return 0;
  if (u->breadcrumb || u->colon || u->dash_end) return 0;
  if (u->last >= rs && u->count > 1) return 0;
  const char *s = utext(d, u);
  if (u->terminal && s[u->len - 1] == '.' && !(u->flags & U_REPEAT)) return 0;
  return 1;
}

/* Hashes of the content words (4+ letters, case-folded) of s[0..n). */
static size_t word_hashes(const char *s, size_t n, uint64_t *h, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < cap;) {
    while (i < n && !(((unsigned char)s[i] | 32) >= 'a' && ((unsigned char)s[i] | 32) <= 'z') &&
           (unsigned char)s[i] < 0x80)
      i++;
    size_t a = i;
    uint64_t x = 1469598103934665603ULL;
    while (i < n && ((((unsigned char)s[i] | 32) >= 'a' && ((unsigned char)s[i] | 32) <= 'z') ||
                     (unsigned char)s[i] >= 0x80))
      x = (x ^ (uint64_t)xc_lower((unsigned char)s[i++])) * 1099511628211ULL;
    if (i - a >= 4) h[k++] = x;
  }
  return k;
}

/* Scores the headline-like units in [lo, rs): words shared with the
 * article's opening, a headline's length, closeness; a label ("Map:",
 * "Photo:") or a credit ("Jane Roe, The Province") scores low. */
static size_t pick_title(const doc *d, size_t lo, size_t rs, size_t re) {
  uint64_t lead[160], cand[40];
  size_t nl = 0;
  for (size_t i = rs; i < re && nl < 120; i++)
    if (d->u[i].flags & U_PROSE)
      nl += word_hashes(utext(d, &d->u[i]), d->u[i].len, lead + nl, 160 - nl);
  size_t best = (size_t)-1;
  long bs = -1000000;
  for (size_t i = rs; i-- > lo;) {
    const unit *u = &d->u[i];
    if (!headline_like(d, u, rs)) continue;
    const char *s = utext(d, u);
    size_t nc = word_hashes(s, u->len, cand, 40), shared = 0;
    for (size_t a = 0; a < nc; a++)
      for (size_t b = 0; b < nl; b++)
        if (cand[a] == lead[b]) {
          shared++;
          break;
        }
    long sc = (long)shared * 4 - (long)(rs - i);
    if (u->words >= 5 && u->words <= 20) sc += 4;
    if (u->caps == u->words && u->words <= 4) sc -= 4; /* a name or section */
    const char *colon = memchr(s, ':', u->len < 24 ? u->len : 24);
    if (colon && colon - s < 16 && u->words <= 8) sc -= 6;
    const char *comma = memchr(s, ',', u->len);
    if (comma && u->words <= 6) sc -= 6;
    if (sc > bs) bs = sc, best = i;
  }
  return best;
}

/* Site name from a copyright line: "Veltmark Courier © 2026", "© 2026 X." */
static char *site_from_copyright(const char *s, size_t n) {
  xc_buf b;
  xc_buf_init(&b);
  size_t i = 0;
  while (i < n) {
    if (n - i >= 2 && memcmp(s + i, "\xC2\xA9", 2) == 0) {
      i += 2;
      continue;
    }
    if (n - i >= 9 && xc_strncaseeq(s + i, "copyright", 9)) {
      i += 9;
      continue;
    }
    if (n - i >= 19 && xc_strncaseeq(s + i, "all rights reserved", 19)) break;
    if (n - i >= 3 && xc_strncaseeq(s + i, "(c)", 3)) {
      i += 3;
      continue;
    }
    if ((s[i] >= '0' && s[i] <= '9') || s[i] == '|' || s[i] == '.' ||
        s[i] == ',') {
      i++;
      continue;
    }
    xc_buf_putc(&b, s[i]);
    i++;
  }
  char *c = xc_collapse_ws(xc_buf_cstr(&b), b.n);
  xc_buf_release(&b);
  size_t len = strlen(c);
  while (len && (c[len - 1] == '-' || c[len - 1] == ' ')) c[--len] = 0;
  unsigned words = len ? 1 : 0;
  for (size_t k = 0; k < len; k++) words += c[k] == ' ';
  if (!len || words > 6) {
    free(c);
    return NULL;
  }
  return c;
}

static void find_site(const doc *d, xc_extracted *out) {
  char *copy = NULL;
  char low[320];
  for (size_t i = d->n; i-- > 0 && !copy;) {
    const unit *u = &d->u[i];
    if (u->words > 15) continue;
    const char *s = utext(d, u);
    norm_short(s, u->len, low, sizeof low);
    if (strstr(low, "\xC2\xA9") || strncmp(low, "copyright", 9) == 0)
      copy = site_from_copyright(s, u->len);
  }
  if (d->n) {
    const unit *u = &d->u[0];
    const char *s = utext(d, u);
    /* a menu follows: two or more one- or two-word lines */
    int menu = d->n > 3 && d->u[1].words <= 2 && d->u[2].words <= 2 &&
               u->caps == u->words;
    if (u->words && u->words <= 5 && u->len <= 60 && !u->terminal &&
        !(u->flags & (U_DATE | U_PROSE | U_BOIL)) &&
        (u->count >= 2 || menu ||
         (copy && strlen(copy) == u->len && xc_strncaseeq(copy, s, u->len)))) {
      out->site = xc_xstrndup(s, u->len);
      free(copy);
      return;
    }
  }
  out->site = copy;
}

static void add_byline(const doc *d, const unit *u, xc_extracted *out) {
  const char *s = utext(d, u);
  size_t n = u->len;
  if (u->flags & U_BYMAYBE) {
    const char *q = xc_memcasemem(s, n, " by ");
    if (!q) return;
    n -= (size_t)(q + 1 - s);
    s = q + 1;
  }
  xc_authors_from_byline(s, n, &out->authors);
}

/* "VELTMARK, March 3, 2026 —": a date before the dateline's dash. */
static int dateline_date(const char *s, size_t n, char *date) {
  size_t m = n < 80 ? n : 80;
  const char *dash = NULL;
  static const char *const dashes[] = {"\xE2\x80\x94", "\xE2\x80\x93", " - ", NULL};
  for (int k = 0; dashes[k]; k++) {
    const char *q = xc_memcasemem(s, m, dashes[k]);
    if (q && (!dash || q < dash)) dash = q;
  }
  if (!dash) return 0;
  return xc_date_normalize(s, (size_t)(dash - s), date);
}

static void emit(xc_buf *b, const doc *d, const unit *u) {
  if (b->n) xc_buf_put(b, "\n\n", 2);
  xc_buf_put(b, utext(d, u), u->len);
}

/* Splits p[0..n) into classified units. */
static void doc_load(doc *d, const char *p, size_t n) {
  memset(d, 0, sizeof *d);
  xc_buf_init(&d->txt);
  build_units(d, p, n);
  for (size_t i = 0; i < d->n; i++) features(d, &d->u[i]);
  count_repeats(d);
  classify(d);
}

static void doc_release(doc *d) {
  free(d->u);
  xc_buf_release(&d->txt);
}

int xc_extract_text(const char *p, size_t n, xc_extracted *out, xc_err *err) {
  (void)err;
  doc d;
  doc_load(&d, p, n);

  size_t rs, re;
  find_region(&d, &rs, &re);
  int empty = rs == re;
  if (empty) rs = re = 0;

  /* title: the headline above the article that best shares its words */
  size_t lo = rs > 15 ? rs - 15 : 0;
  size_t title = empty ? (size_t)-1 : pick_title(&d, lo, rs, re);
  if (title == (size_t)-1 && !empty) {
    /* a headline inside the start of the region, after little text */
    unsigned w = 0;
    for (size_t i = rs; i < re && i < rs + 5 && w < 40; i++) {
      const unit *u = &d.u[i];
      if (!(u->flags & U_PROSE) && headline_like(&d, u, rs) && i + 1 < re) {
        title = i;
        rs = i + 1;
        break;
      }
      w += u->words;
    }
  }
  if (title == (size_t)-1 && empty) {
    for (size_t i = 0; i < d.n && i < 15; i++)
      if (headline_like(&d, &d.u[i], d.n)) {
        title = i;
        break;
      }
  }
  if (title != (size_t)-1)
    out->title = xc_xstrndup(utext(&d, &d.u[title]), d.u[title].len);

  /* the article's closing credit lines, and a dateline on its own line */
  size_t dateline = (size_t)-1;
  if (!empty) {
    while (re < d.n && (d.u[re].flags & U_CREDIT) && !(d.u[re].flags & U_STOP))
      re++;
    if (rs > 0 && rs - 1 != title && d.u[rs - 1].dash_end &&
        d.u[rs - 1].words <= 8 &&
        !(d.u[rs - 1].flags & (U_DROP & ~(unsigned)U_DATE)))
      dateline = --rs;
  }

  /* bylines and dates above the article (or at its top) */
  size_t top = rs + 3 < re ? rs + 3 : re;
  char date[11];
  for (size_t i = lo; i < top; i++) {
    const unit *u = &d.u[i];
    if (i == title) continue;
    if (u->flags & (U_BYLINE | U_BYMAYBE)) add_byline(&d, u, out);
    if (!out->published && (u->flags & (U_DATE | U_BYLINE)) &&
        xc_date_normalize(utext(&d, u), u->len, date))
      out->published = xc_xstrdup(date);
  }
  /* no byline above: "About the Author: Jane Roe", or a byline just below */
  for (size_t i = re; i < d.n && i < re + 4 && !out->authors.n; i++) {
    const unit *u = &d.u[i];
    const char *s = utext(&d, u);
    const char *c = memchr(s, ':', u->len);
    if ((u->flags & U_STOP) && c && u->words <= 8 &&
        xc_strncaseeq(s, "about the author", 16))
      xc_authors_from_byline(c + 1, (size_t)(s + u->len - c - 1), &out->authors);
    else if (u->flags & U_BYLINE)
      add_byline(&d, u, out);
    else if (!(u->flags & U_CREDIT))
      break;
  }
  /* dates closer to the article win: rescan backwards for a date line */
  for (size_t i = rs; i-- > lo;)
    if ((d.u[i].flags & U_DATE) &&
        xc_date_normalize(utext(&d, &d.u[i]), d.u[i].len, date)) {
      free(out->published);
      out->published = xc_xstrdup(date);
      break;
    }
  if (!out->published && rs < re &&
      dateline_date(utext(&d, &d.u[rs]), d.u[rs].len, date))
    out->published = xc_xstrdup(date);

  /* repost credit: inside the article or just around it */
  size_t plo = rs > 3 ? rs - 3 : 0, phi = re + 4 < d.n ? re + 4 : d.n;
  for (size_t i = plo; i < phi && !out->publisher; i++)
    if (d.u[i].flags & U_REPOST)
      out->publisher = xc_publisher_from_line(utext(&d, &d.u[i]), d.u[i].len);

  find_site(&d, out);

  xc_buf b;
  xc_buf_init(&b);
  if (!empty) {
    for (size_t i = rs; i < re; i++) {
      const unit *u = &d.u[i];
      if (i == title || ((u->flags & U_DROP) && i != dateline)) continue;
      if (u->flags & U_BYMAYBE && i < top) continue;
      emit(&b, &d, u);
    }
  } else {
    for (size_t i = 0; i < d.n; i++) {
      const unit *u = &d.u[i];
      if (i == title || (u->flags & U_DROP)) continue;
      emit(&b, &d, u);
    }
  }
  out->text = xc_buf_detach(&b);
  doc_release(&d);
  return 0;
}

char *xc_text_strip_boilerplate(const char *p, size_t n, char **publisher) {
  doc d;
  doc_load(&d, p, n);
  /* a section marker cuts the rest when little prose follows it */
  unsigned long total = 0, after = 0;
  for (size_t i = 0; i < d.n; i++)
    if (d.u[i].flags & U_PROSE) total += d.u[i].words;
  size_t end = d.n;
  for (size_t i = d.n; i-- > 0;) {
    if (d.u[i].flags & U_PROSE) after += d.u[i].words;
    if ((d.u[i].flags & U_STOP) && after * 4 <= total) end = i;
  }
  if (publisher) *publisher = NULL;
  xc_buf b;
  xc_buf_init(&b);
  for (size_t i = 0; i < d.n && publisher && !*publisher; i++)
    if (d.u[i].flags & U_REPOST)
      *publisher = xc_publisher_from_line(utext(&d, &d.u[i]), d.u[i].len);
  for (size_t i = 0; i < end; i++) {
    const unit *u = &d.u[i];
    if (u->flags & U_REPOST) continue;
    if (u->flags & (U_BOIL | U_TAGS | U_CAPTION | U_STOP)) continue;
    emit(&b, &d, u);
  }
  doc_release(&d);
  return xc_buf_detach(&b);
}
