/* token.c - rule-based tokenizer in one left-to-right pass: ASCII bytes are
 * classified by a table, other code points by utf8proc's Unicode categories.
 * Conventions follow the Penn Treebank / CoNLL-2003 (clitics split, dashes
 * apart, hyphenated words whole); abbreviations come from abbrev.inc. */
#include "lang/token.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/core.h"
#include "lang/abbrev.inc"

enum { AB_HONORIFIC = 1, AB_WORDLIKE = 2, AB_NUMPRE = 4 };

/* ---- character classes ---- */
enum {
  A_OTHER, A_SPACE, A_NL, A_CR, A_UPPER, A_LOWER, A_DIGIT, A_PUNCT
};
/* clang-format off */
static const unsigned char ascii_cls[128] = {
  1,1,1,1,1,1,1,1,1,1,2,1,1,3,1,1,  1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  1,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,  6,6,6,6,6,6,6,6,6,6,7,7,7,7,7,7,
  7,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,  4,4,4,4,4,4,4,4,4,4,4,7,7,7,7,7,
  7,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,  5,5,5,5,5,5,5,5,5,5,5,7,7,7,7,1,
};
/* clang-format on */

/* Classes of any code point. */
enum {
  U_INVALID, U_SPACE, U_NL, U_PARA, U_UPPER, U_LOWER, U_LETTER, U_DIGIT,
  U_MARK, U_JOIN, U_HAN, U_HIRA, U_KATA, U_HYPHEN, U_PUNCT, U_SYMBOL,
  U_CURRENCY
};

static int uclass(int32_t cp) {
  if (cp < 0) return U_INVALID;
  if (cp < 0x80) {
    switch (ascii_cls[cp]) {
    case A_SPACE: return U_SPACE;
    case A_NL: case A_CR: return U_NL;
    case A_UPPER: return U_UPPER;
    case A_LOWER: return U_LOWER;
    case A_DIGIT: return U_DIGIT;
    default: break;
    }
  }
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0xF900 && cp <= 0xFAFF))
    return U_HAN;
  if (cp >= 0x3041 && cp <= 0x309F) return U_HIRA;
  if ((cp >= 0x30A0 && cp <= 0x30FF && cp != 0x30FB) ||
      (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9F))
    return U_KATA;
  switch (cp) {
  case 0x85: case 0x2028: return U_NL;
  case 0x2029: return U_PARA;
  case 0x200B: case 0x2060: case 0xFEFF: return U_SPACE;
  case 0xAD: case 0x200C: case 0x200D: return U_JOIN;
  case 0x2010: case 0x2011: return U_HYPHEN;
  default: break;
  }
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return U_UPPER;
  case UTF8PROC_CATEGORY_LL: return U_LOWER;
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return U_LETTER;
  case UTF8PROC_CATEGORY_ND: return U_DIGIT;
  case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME: return U_MARK;
  case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC:
  case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CO:
  case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CS: return U_SPACE;
  case UTF8PROC_CATEGORY_ZL: return U_NL;
  case UTF8PROC_CATEGORY_ZP: return U_PARA;
  case UTF8PROC_CATEGORY_SC: return U_CURRENCY;
  case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SK:
  case UTF8PROC_CATEGORY_SO: return U_SYMBOL;
  default: return U_PUNCT;
  }
}

static inline int is_wordc(int u) {
  return u == U_UPPER || u == U_LOWER || u == U_LETTER || u == U_DIGIT ||
         u == U_MARK || u == U_HAN || u == U_HIRA || u == U_KATA;
}
static inline int is_letter(int u) {
  return u == U_UPPER || u == U_LOWER || u == U_LETTER || u == U_MARK;
}

/* ---- the scanner ---- */
typedef struct tz {
  const unsigned char *s;
  size_t n;
  xc_tokens *out;
  int dq_open, sq_open; /* a double / single quote is open in this paragraph */
} tz;

/* Code point at k (-1 for an invalid sequence or the end), its length in *len. */
static inline int32_t dec(const tz *z, size_t k, size_t *len) {
  if (k >= z->n) {
    *len = 0;
    return -1;
  }
  if (z->s[k] < 0x80) {
    *len = 1;
    return z->s[k];
  }
  utf8proc_int32_t cp;
  size_t left = z->n - k;
  utf8proc_ssize_t r = utf8proc_iterate(z->s + k, left < 4 ? (utf8proc_ssize_t)left : 4, &cp);
  if (r <= 0) {
    *len = 1;
    return -1;
  }
  *len = (size_t)r;
  return cp;
}

/* Class of the code point at k; U_SPACE at the end of the text. */
static int cls_at(const tz *z, size_t k) {
  size_t len;
  if (k >= z->n) return U_SPACE;
  return uclass(dec(z, k, &len));
}

static inline int is_apos(int32_t c) { return c == '\'' || c == 0x2019; }

static inline void push(tz *z, size_t start, size_t end, int kind, int sub, unsigned flags) {
  xc_tokens *t = z->out;
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 256;
    t->v = xc_xrealloc(t->v, t->cap * sizeof *t->v);
  }
  xc_token *k = &t->v[t->n++];
  k->start = (uint32_t)start;
  k->end = (uint32_t)end;
  k->kind = (uint8_t)kind;
  k->sub = (uint8_t)sub;
  k->flags = (uint16_t)flags;
}

/* Length of an English clitic (s re ve ll d m, any case) starting at k and
 * followed by a non-word character; 0 when there is none. */
static size_t clitic_at(const tz *z, size_t k) {
  size_t m = 0;
  char w[3];
  while (m < 3 && k + m < z->n && z->s[k + m] < 0x80 &&
         (ascii_cls[z->s[k + m]] == A_UPPER || ascii_cls[z->s[k + m]] == A_LOWER)) {
    w[m] = (char)xc_lower(z->s[k + m]);
    m++;
  }
  if (m == 0 || m == 3 || is_wordc(cls_at(z, k + m))) return 0;
  if (m == 1 && (w[0] == 's' || w[0] == 'd' || w[0] == 'm')) return 1;
  if (m == 2 && ((w[0] == 'r' && w[1] == 'e') || (w[0] == 'v' && w[1] == 'e') ||
                 (w[0] == 'l' && w[1] == 'l')))
    return 2;
  return 0;
}

/* Length of "n't" / "n’t" at k (followed by a non-word character), else 0. */
static size_t nt_at(const tz *z, size_t k) {
  size_t al;
  if (k + 2 >= z->n || (z->s[k] | 0x20) != 'n') return 0;
  int32_t a = dec(z, k + 1, &al);
  if (!is_apos(a) || k + 1 + al >= z->n || (z->s[k + 1 + al] | 0x20) != 't') return 0;
  if (is_wordc(cls_at(z, k + 2 + al))) return 0;
  return 2 + al;
}

/* What follows position k after spaces on the same line. */
enum { NV_END, NV_LOWER, NV_DIGIT, NV_UPPER, NV_MIDPUNCT, NV_OTHER };
static int next_visible(const tz *z, size_t k) {
  for (size_t lim = k + 16; k < z->n && k < lim; k++) {
    unsigned char c = z->s[k];
    if (c == ' ' || c == '\t') continue;
    if (c == '\n' || c == '\r') return NV_END;
    if (c == ',' || c == ';' || c == ':') return NV_MIDPUNCT;
    int u = cls_at(z, k);
    if (u == U_LOWER) return NV_LOWER;
    if (u == U_DIGIT) return NV_DIGIT;
    if (u == U_UPPER) return NV_UPPER;
    return NV_OTHER;
  }
  return k >= z->n ? NV_END : NV_OTHER;
}

/* Flags of the listed abbreviation p[0..len) (ASCII letters), or -1. */
static int abbrev_lookup(const unsigned char *p, size_t len) {
  char w[8];
  if (len < 2 || len >= sizeof w) return -1;
  for (size_t i = 0; i < len; i++) w[i] = (char)xc_lower(p[i]);
  w[len] = 0;
  size_t lo = 0, hi = sizeof lang_abbrevs / sizeof lang_abbrevs[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(w, lang_abbrevs[mid].word);
    if (c == 0) return lang_abbrevs[mid].flags;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return -1;
}

/* Word statistics gathered while scanning. */
typedef struct wstat {
  unsigned nup, nlow, ndig, nletters, nchars, dots, seglen, maxseg;
  int first; /* class of the first letter or digit */
  int script; /* 0, U_HAN, U_HIRA or U_KATA */
  int hyphen, apos, nonascii, letter_after_hyphen, ascii_letters_only;
} wstat;

static unsigned wflags(const wstat *w) {
  unsigned f = 0;
  if (w->first == U_UPPER) f |= XC_TF_UPPER;
  if (w->first == U_LOWER) f |= XC_TF_LOWER;
  if (w->nup && !w->nlow) f |= XC_TF_ALLCAPS;
  if (w->ndig) f |= XC_TF_DIGIT;
  if (w->hyphen) f |= XC_TF_HYPHEN;
  if (w->apos) f |= XC_TF_APOS;
  if (w->nonascii) f |= XC_TF_NONASCII;
  if (w->script) f |= XC_TF_CJK;
  return f;
}

/* At an apostrophe of alen bytes at j inside the word that began at i:
 * where the word ends when a clitic follows ("Ukraine|'s", "do|n't"), or 0
 * when the apostrophe belongs to the word ("O'Brien"). */
static size_t apos_cut(const tz *z, size_t i, size_t j, size_t alen, wstat *w) {
  if (clitic_at(z, j + alen)) return j;
  if ((z->s[j - 1] | 0x20) == 'n' && j - 1 > i && nt_at(z, j - 1)) {
    if (z->s[j - 1] == 'n') w->nlow--; else w->nup--;
    w->nletters--;
    return j - 1;
  }
  return 0;
}

/* Scans a word or number starting at i (a word character, or a currency
 * sign or '.' before a digit). Pushes it and returns its end. */
static size_t scan_word(tz *z, size_t i, unsigned flags) {
  const unsigned char *s = z->s;
  size_t n = z->n, j = i, len;
  wstat w;
  memset(&w, 0, sizeof w);
  w.first = -1;
  w.ascii_letters_only = 1;
  int number = 0, prev = U_SPACE; /* class of the last consumed character */
  int32_t c = dec(z, j, &len);
  int u = uclass(c);
  if (u == U_CURRENCY || c == '.') { /* prefix of a number: $4.2bn .5 */
    number = 1;
    w.nonascii |= c >= 0x80;
    w.ascii_letters_only = 0;
    j += len;
    prev = U_PUNCT;
  }
  for (;;) {
    while (j < n) {
      unsigned char b = s[j];
      if (b < 0x80) {
        int a = ascii_cls[b];
        if (a == A_LOWER || a == A_UPPER || a == A_DIGIT) {
          if (w.script) goto stop;
          if (a == A_DIGIT) {
            w.ndig++;
            w.ascii_letters_only = 0;
            if (w.first < 0) w.first = U_DIGIT;
            prev = U_DIGIT;
          } else {
            if (a == A_UPPER) w.nup++; else w.nlow++;
            if (w.first < 0) w.first = a == A_UPPER ? U_UPPER : U_LOWER;
            w.nletters++;
            if (++w.seglen > w.maxseg) w.maxseg = w.seglen;
            if (w.hyphen) w.letter_after_hyphen = 1;
            prev = a == A_UPPER ? U_UPPER : U_LOWER;
          }
          w.nchars++;
          j++;
          continue;
        }
        if (a != A_PUNCT) goto stop;
        int nu = cls_at(z, j + 1);
        int pw = is_wordc(prev);
        if (b == '.') {
          if (prev == U_DIGIT && nu == U_DIGIT) goto take1;
          if (pw && (nu == U_LOWER || nu == U_DIGIT)) goto take_dot;
          if (pw && nu == U_UPPER && w.seglen <= 2 && w.seglen > 0) {
            /* "U.S", "Ph.D": the next segment is at most 2 letters */
            size_t k = j + 1, m = 0;
            while (k < n && m < 3 && s[k] < 0x80 && ascii_cls[s[k]] >= A_UPPER &&
                   ascii_cls[s[k]] <= A_LOWER)
              k++, m++;
            if (m <= 2 && (m > 0 || is_letter(nu))) goto take_dot;
          }
          goto stop;
        take_dot:
          w.dots++;
          w.seglen = 0;
          w.ascii_letters_only = 0;
          goto take1;
        }
        if (b == '-') {
          if (pw && (is_letter(nu) || nu == U_DIGIT)) {
            w.hyphen = 1;
            w.seglen = 0;
            w.ascii_letters_only = 0;
            goto take1;
          }
          goto stop;
        }
        if (b == '\'') {
          if (!(is_letter(prev) || prev == U_DIGIT) || !is_letter(nu)) goto stop;
          size_t cut = apos_cut(z, i, j, 1, &w);
          if (cut) {
            j = cut;
            goto stop;
          }
          w.apos = 1;
          w.ascii_letters_only = 0;
          goto take1;
        }
        if (b == ',' || b == ':' || b == '/') {
          if (prev == U_DIGIT && nu == U_DIGIT) goto take1;
          goto stop;
        }
        if (b == '%') {
          if (prev == U_DIGIT) {
            j++;
            goto stop;
          }
          goto stop;
        }
        if (b == '&') {
          if (prev == U_UPPER && j + 1 < n && s[j + 1] >= 'A' && s[j + 1] <= 'Z') {
            w.ascii_letters_only = 0;
            goto take1;
          }
          goto stop;
        }
        goto stop;
      take1:
        j++;
        prev = U_PUNCT;
        continue;
      }
      /* non-ASCII */
      c = dec(z, j, &len);
      u = uclass(c);
      w.ascii_letters_only = 0;
      if (u == U_HAN || u == U_HIRA || u == U_KATA) {
        if (w.nchars && (u == U_HAN || w.script != u)) goto stop;
        w.script = u;
      } else if (w.script && u != U_MARK) {
        goto stop;
      }
      if (is_wordc(u)) {
        if (u == U_UPPER) w.nup++;
        else if (u == U_LOWER) w.nlow++;
        if (u == U_DIGIT) {
          w.ndig++;
        } else {
          w.nletters++;
          if (u != U_MARK && ++w.seglen > w.maxseg) w.maxseg = w.seglen;
          if (w.hyphen) w.letter_after_hyphen = 1;
        }
        if (w.first < 0 && u != U_MARK) w.first = u;
        w.nchars++;
        w.nonascii = 1;
        j += len;
        prev = u == U_MARK ? prev : u;
        if (u == U_HAN) { /* one ideograph a token (with its marks) */
          while (j < n && s[j] >= 0x80 && cls_at(z, j) == U_MARK) {
            dec(z, j, &len);
            j += len;
          }
          goto stop;
        }
        continue;
      }
      if (u == U_JOIN || u == U_HYPHEN || c == 0x2019) {
        int nu = cls_at(z, j + len);
        if (!is_wordc(prev) || !is_wordc(nu)) goto stop;
        if (c == 0x2019) {
          if (!is_letter(nu)) goto stop;
          size_t cut = apos_cut(z, i, j, len, &w);
          if (cut) {
            j = cut;
            goto stop;
          }
          w.apos = 1;
        } else if (u == U_HYPHEN) {
          w.hyphen = 1;
          w.seglen = 0;
        }
        w.nonascii = 1;
        j += len;
        continue;
      }
      goto stop;
    }
  stop:
    /* a final period: part of the word when it is an abbreviation */
    if (j < n && s[j] == '.' && (j + 1 >= n || s[j + 1] != '.') && w.nletters &&
        !w.script) {
      int sub = XC_AB_NONE;
      size_t wl = j - i;
      if (w.dots && !w.ndig && w.maxseg <= 2 && !w.hyphen && !w.apos) {
        sub = XC_AB_DOTTED;
      } else if (w.nchars == 1 && w.nletters == 1 && w.first == U_UPPER && !w.dots) {
        sub = XC_AB_INITIAL;
      } else if (w.ascii_letters_only && !number) {
        int f = abbrev_lookup(s + i, wl);
        if (f >= 0) {
          int nv = next_visible(z, j + 1);
          sub = XC_AB_LISTED;
          if ((f & AB_HONORIFIC) && w.first != U_UPPER) sub = XC_AB_NONE;
          if ((f & AB_WORDLIKE) && w.first == U_LOWER && nv != NV_LOWER &&
              nv != NV_DIGIT && nv != NV_MIDPUNCT)
            sub = XC_AB_NONE;
          if (f & AB_NUMPRE) sub = nv == NV_DIGIT ? XC_AB_NUMPRE : XC_AB_NONE;
        }
      }
      if (sub != XC_AB_NONE) {
        j++;
        /* "U.S.-backed": a hyphen after the period goes on with the word */
        if (j + 1 < n && s[j] == '-' && is_wordc(cls_at(z, j + 1))) {
          w.hyphen = 1;
          w.seglen = 0;
          j++;
          prev = U_PUNCT;
          continue;
        }
        flags |= XC_TF_ABBR;
        push(z, i, j, XC_TK_WORD, sub, flags | wflags(&w));
        return j;
      }
    }
    break;
  }
  if (j == i) j = i + 1; /* cannot happen; never loop */
  int kind = XC_TK_WORD;
  if ((number || w.first == U_DIGIT) && !w.letter_after_hyphen) kind = XC_TK_NUMBER;
  push(z, i, j, kind, 0, flags | wflags(&w));
  return j;
}

/* ---- URLs and e-mail addresses ---- */
static int prefix_ci(const tz *z, size_t i, const char *p) {
  size_t m = strlen(p);
  return i + m <= z->n && xc_strncaseeq((const char *)z->s + i, p, m);
}

static inline int is_alnum_ascii(unsigned char b) {
  return b < 0x80 && ascii_cls[b] >= A_UPPER && ascii_cls[b] <= A_DIGIT;
}

/* End of a URL starting at i ("http://", "https://", "ftp://", "www."), or 0.
 * Ends at white space, <, >, " or a non-word non-ASCII character; trailing
 * sentence punctuation and unbalanced closing brackets are left out. */
static size_t url_at(const tz *z, size_t i) {
  static const char *const pre[] = {"http://", "https://", "ftp://", "www."};
  size_t p = 0;
  if (i + 4 >= z->n || ((z->s[i + 1] | 0x20) != 't' && (z->s[i + 1] | 0x20) != 'w'))
    return 0;
  for (size_t k = 0; k < sizeof pre / sizeof pre[0] && !p; k++)
    if (prefix_ci(z, i, pre[k])) p = strlen(pre[k]);
  if (!p || i + p >= z->n || !is_alnum_ascii(z->s[i + p])) return 0;
  size_t e = i + p, len;
  long paren = 0, brack = 0;
  while (e < z->n) {
    unsigned char b = z->s[e];
    if (b < 0x80) {
      if (ascii_cls[b] <= A_CR || b == '"' || b == '<' || b == '>' || b == '`') break;
      paren += b == '(' ? 1 : b == ')' ? -1 : 0;
      brack += b == '[' ? 1 : b == ']' ? -1 : 0;
      e++;
      continue;
    }
    if (!is_wordc(uclass(dec(z, e, &len)))) break;
    e += len;
  }
  while (e > i + p) {
    unsigned char b = z->s[e - 1];
    if (strchr(".,;:!?'*", b)) e--;
    else if (b == ')' && paren < 0) e--, paren++;
    else if (b == ']' && brack < 0) e--, brack++;
    else break;
  }
  return e > i + p ? e : 0;
}

/* End of an e-mail address starting at i, or 0. */
static size_t email_at(const tz *z, size_t i) {
  const unsigned char *s = z->s;
  size_t k = i, n = z->n;
  while (k < n && k - i < 64 && (is_alnum_ascii(s[k]) || (s[k] && strchr("._%+-", s[k]))))
    k++;
  if (k == i || k >= n || s[k] != '@' || s[i] == '.' || s[k - 1] == '.') return 0;
  size_t d = k + 1, last = d, labels = 0;
  for (;;) {
    size_t ls = d;
    while (d < n && d - k < 255 && (is_alnum_ascii(s[d]) || s[d] == '-')) d++;
    if (d == ls) return 0;
    last = ls;
    labels++;
    if (d + 1 < n && s[d] == '.' && is_alnum_ascii(s[d + 1])) {
      d++;
      continue;
    }
    break;
  }
  if (labels < 2 || d - last < 2) return 0;
  for (size_t q = last; q < d; q++)
    if (ascii_cls[s[q]] != A_UPPER && ascii_cls[s[q]] != A_LOWER) return 0;
  return d;
}

/* ---- quotes ---- */
enum { QD_NONE, QD_OPEN, QD_CLOSE };
/* Whether c is a quote mark: its kind (XC_QU_*), default direction, and
 * whether that direction is fixed (guillemets, corner brackets). */
static int quote_kind(int32_t c, int *dir, int *fixed) {
  *fixed = 0;
  *dir = QD_NONE;
  switch (c) {
  case '"': case 0xFF02: return XC_QU_DOUBLE;
  case '\'': case 0xFF07: return XC_QU_SINGLE;
  case 0x201C: *dir = QD_OPEN; return XC_QU_DOUBLE;
  case 0x201D: *dir = QD_CLOSE; return XC_QU_DOUBLE;
  case 0x2018: *dir = QD_OPEN; return XC_QU_SINGLE;
  case 0x2019: *dir = QD_CLOSE; return XC_QU_SINGLE;
  default: break;
  }
  *fixed = 1;
  switch (c) {
  case 0x201E: case 0x201F: case 0xAB: case 0x300C: case 0x300E: case 0x301D:
  case 0x275D: case 0x2E42:
    *dir = QD_OPEN;
    return XC_QU_DOUBLE;
  case 0xBB: case 0x300D: case 0x300F: case 0x301E: case 0x301F: case 0x275E:
    *dir = QD_CLOSE;
    return XC_QU_DOUBLE;
  case 0x201A: case 0x201B: case 0x2039: case 0x275B:
    *dir = QD_OPEN;
    return XC_QU_SINGLE;
  case 0x203A: case 0x275C:
    *dir = QD_CLOSE;
    return XC_QU_SINGLE;
  case '`':
    *dir = QD_OPEN;
    return XC_QU_SINGLE;
  default: return 0;
  }
}

static const xc_token *last_tok(const tz *z) {
  return z->out->n ? &z->out->v[z->out->n - 1] : NULL;
}

/* A quote mark at i: direction from what is either side (as CommonMark's
 * flanking rules), else from the mark itself, else from whether a quote of
 * its kind is open in the paragraph. */
static size_t scan_quote(tz *z, size_t i, int32_t c, size_t len, int kind, int dir,
                         int fixed, unsigned flags) {
  size_t e = i + len;
  if (c == '`' && e < z->n && z->s[e] == '`') e++, kind = XC_QU_DOUBLE; /* `` */
  /* '': the Penn Treebank's closing mark, but ASCII news text uses it at
   * both ends (''Yes,'' he said): the flanks decide, closing by default */
  if (c == '\'' && e < z->n && z->s[e] == '\'') {
    e++;
    kind = XC_QU_DOUBLE, dir = QD_CLOSE, fixed = 0;
  }
  const xc_token *p = last_tok(z);
  int prev_space = !p || p->end < i;
  int prev_open = p && !prev_space &&
                  (((p->flags & XC_TF_OPEN) && p->kind != XC_TK_WORD) ||
                   (p->kind == XC_TK_PUNCT && p->sub == XC_PU_DASH));
  int nu = cls_at(z, e);
  int next_space = nu == U_SPACE || nu == U_NL || nu == U_PARA;
  int next_punct = 0;
  if (e < z->n && z->s[e] < 0x80) next_punct = ascii_cls[z->s[e]] == A_PUNCT && !strchr("([{", z->s[e]);
  else if (nu == U_PUNCT) next_punct = 1;
  int left = !next_space && (prev_space || prev_open);
  int right = !prev_space && (next_space || next_punct);
  if (!fixed) {
    if (left && !right) dir = QD_OPEN;
    else if (right && !left) dir = QD_CLOSE;
    else if (dir == QD_NONE)
      dir = (kind == XC_QU_DOUBLE ? z->dq_open : z->sq_open) ? QD_CLOSE : QD_OPEN;
  }
  /* "the soldiers' families": a possessive, not a closing quote */
  if (kind == XC_QU_SINGLE && (c == '\'' || c == 0x2019) && dir == QD_CLOSE &&
      !z->sq_open && p && !prev_space && p->kind == XC_TK_WORD &&
      (z->s[i - 1] | 0x20) == 's') {
    push(z, i, e, XC_TK_WORD, 0, flags | XC_TF_CLITIC);
    return e;
  }
  if (kind == XC_QU_DOUBLE) z->dq_open = dir == QD_OPEN;
  else z->sq_open = dir == QD_OPEN;
  flags |= dir == QD_OPEN ? XC_TF_OPEN : XC_TF_CLOSE;
  if (c >= 0x80) flags |= XC_TF_NONASCII;
  push(z, i, e, XC_TK_QUOTE, kind, flags);
  return e;
}

/* ---- punctuation and symbols ---- */
static int is_term(int32_t c) {
  switch (c) {
  case '!': case '?': case 0x203C: case 0x2047: case 0x2048: case 0x2049:
  case 0xFF01: case 0xFF1F: case 0x061F: case 0x3002: case 0xFF0E: case 0xFF61:
  case 0x0964: case 0x0965: case 0x1362: case 0x06D4: case 0x0589:
    return 1;
  default: return 0;
  }
}

static int is_dash(int32_t c) {
  return c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2E3A ||
         c == 0x2E3B || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

static int is_bullet(int32_t c) {
  switch (c) {
  case 0x2022: case 0x2023: case 0x2043: case 0x2219: case 0x25AA: case 0x25AB:
  case 0x25CF: case 0x25CB: case 0x25E6: case 0x25A0: case 0x25A1: case 0x25BA:
  case 0x25B8: case 0x27A2: case 0x2794: case 0x2713: case 0x2714:
    return 1;
  default: return 0;
  }
}

/* Length of the run of code points at i for which same() holds. */
static size_t run_of(const tz *z, size_t i, int (*same)(int32_t)) {
  size_t e = i, len;
  while (e < z->n) {
    int32_t c = dec(z, e, &len);
    if (c < 0 || !same(c)) break;
    e += len;
  }
  return e;
}

static int is_period(int32_t c) { return c == '.'; }
static int is_ellipsis(int32_t c) { return c == 0x2026; }
static int is_hyphen_minus(int32_t c) { return c == '-'; }

static size_t scan_punct(tz *z, size_t i, int32_t c, int u, size_t len, unsigned flags) {
  size_t e = i + len;
  int kind = XC_TK_PUNCT, sub = XC_PU_OTHER;
  int line_start = (flags & XC_TF_NEWLINE) != 0;
  int space_after = cls_at(z, e) == U_SPACE;
  if (c >= 0x80) flags |= XC_TF_NONASCII;
  if (c == '.') {
    e = run_of(z, i, is_period);
    sub = e - i >= 2 ? XC_PU_ELLIPSIS : XC_PU_PERIOD;
  } else if (c == 0x2026) {
    e = run_of(z, i, is_ellipsis);
    sub = XC_PU_ELLIPSIS;
  } else if (is_term(c)) {
    e = run_of(z, i, is_term);
    sub = XC_PU_TERM;
  } else if (c == ',' || c == 0x3001 || c == 0x060C || c == 0xFF0C) {
    sub = XC_PU_COMMA;
  } else if (c == ';' || c == 0x061B || c == 0xFF1B) {
    sub = XC_PU_SEMI;
  } else if (c == ':' || c == 0xFF1A) {
    sub = XC_PU_COLON;
  } else if (c == '-') {
    e = run_of(z, i, is_hyphen_minus);
    sub = e - i == 1 && line_start && cls_at(z, e) == U_SPACE ? XC_PU_BULLET : XC_PU_DASH;
  } else if (is_dash(c)) {
    e = run_of(z, i, is_dash);
    sub = XC_PU_DASH;
  } else if (is_bullet(c) || ((c == '*' || c == 0xB7) && line_start && space_after)) {
    sub = XC_PU_BULLET;
  } else if (c == '(' || c == '[' || c == '{' ||
             (c >= 0x80 && utf8proc_category(c) == UTF8PROC_CATEGORY_PS)) {
    sub = XC_PU_BRACKET;
    flags |= XC_TF_OPEN;
  } else if (c == ')' || c == ']' || c == '}' ||
             (c >= 0x80 && utf8proc_category(c) == UTF8PROC_CATEGORY_PE)) {
    sub = XC_PU_BRACKET;
    flags |= XC_TF_CLOSE;
  } else {
    int cat = utf8proc_category(c);
    if (u != U_PUNCT || cat == UTF8PROC_CATEGORY_SM || cat == UTF8PROC_CATEGORY_SK ||
        cat == UTF8PROC_CATEGORY_SO || cat == UTF8PROC_CATEGORY_SC) {
      kind = XC_TK_SYMBOL;
      /* keep an emoji's variation selectors and ZWJ sequences together */
      size_t l2;
      while (e < z->n && z->s[e] >= 0x80) {
        int32_t d = dec(z, e, &l2);
        int v = uclass(d);
        if (v == U_MARK || (d >= 0x1F3FB && d <= 0x1F3FF)) { /* skin tones */
          e += l2;
        } else if (d == 0x200D && e + l2 < z->n && cls_at(z, e + l2) == U_SYMBOL) {
          e += l2;
          dec(z, e, &l2);
          e += l2;
        } else {
          break;
        }
      }
    }
  }
  push(z, i, e, kind, sub, flags);
  return e;
}

/* ---- the main loop ---- */
static size_t scan_token(tz *z, size_t i, int32_t c, int u, size_t len, unsigned flags) {
  if (u == U_INVALID) {
    push(z, i, i + 1, XC_TK_SYMBOL, 0, flags | XC_TF_INVALID | XC_TF_NONASCII);
    return i + 1;
  }
  const xc_token *p = last_tok(z);
  int glued = p && p->end == i && (p->kind == XC_TK_WORD || p->kind == XC_TK_NUMBER);
  if (glued) { /* clitics: Ukraine's -> Ukraine 's; don't -> do n't */
    size_t m = 0;
    if (is_apos(c) && (m = clitic_at(z, i + len)) != 0) m += len;
    else if ((c | 0x20) == 'n') m = nt_at(z, i);
    if (m) {
      push(z, i, i + m, XC_TK_WORD, 0, flags | XC_TF_CLITIC | (c >= 0x80 ? XC_TF_NONASCII : 0));
      return i + m;
    }
  }
  if ((c | 0x20) == 'h' || (c | 0x20) == 'f' || (c | 0x20) == 'w') {
    size_t e = url_at(z, i);
    if (e) {
      push(z, i, e, XC_TK_URL, 0, flags);
      return e;
    }
  }
  int numpre = (u == U_CURRENCY || (c == '.' && !glued)) && cls_at(z, i + len) == U_DIGIT;
  if (is_wordc(u) || numpre) {
    size_t e = scan_word(z, i, flags);
    unsigned char b = e < z->n ? z->s[e] : 0;
    if (c < 0x80 && (b == '@' || b == '_' || b == '+' || b == '%')) {
      size_t m = email_at(z, i);
      if (m) {
        z->out->n--;
        push(z, i, m, XC_TK_EMAIL, 0, flags);
        return m;
      }
    }
    return e;
  }
  int dir, fixed, qk = quote_kind(c, &dir, &fixed);
  if (qk) return scan_quote(z, i, c, len, qk, dir, fixed, flags);
  return scan_punct(z, i, c, u, len, flags);
}

int xc_tokenize(const char *text, size_t n, xc_tokens *out) {
  out->n = 0;
  if (n > UINT32_MAX) return XC_ELIMIT;
  tz z = {(const unsigned char *)text, n, out, 0, 0};
  size_t want = n / 5 + 16;
  if (out->cap < want) {
    out->cap = want;
    out->v = xc_xrealloc(out->v, out->cap * sizeof *out->v);
  }
  size_t i = 0, len;
  unsigned nl = 2; /* the start of the text opens a paragraph */
  int sp = 1;
  while (i < n) {
    unsigned char b = z.s[i];
    if (b < 0x80) {
      int a = ascii_cls[b];
      if (a == A_SPACE) {
        sp = 1, i++;
        continue;
      }
      if (a == A_NL || a == A_CR) {
        if (a == A_NL || i + 1 >= n || z.s[i + 1] != '\n') nl++;
        sp = 1, i++;
        continue;
      }
    }
    int32_t c;
    int u;
    if (b < 0x80) {
      c = b, len = 1;
      u = ascii_cls[b] == A_UPPER ? U_UPPER : ascii_cls[b] == A_LOWER ? U_LOWER
        : ascii_cls[b] == A_DIGIT ? U_DIGIT : uclass(c);
    } else {
      c = dec(&z, i, &len);
      u = uclass(c);
    }
    if (u == U_SPACE || u == U_NL || u == U_PARA || u == U_JOIN) {
      nl += u == U_NL ? 1 : u == U_PARA ? 2 : 0;
      sp |= u != U_JOIN;
      i += len;
      continue;
    }
    unsigned flags = (sp ? XC_TF_SPACE : 0u) | (nl ? XC_TF_NEWLINE : 0u) |
                     (nl >= 2 ? XC_TF_PARA : 0u);
    if (nl >= 2) z.dq_open = z.sq_open = 0;
    sp = 0, nl = 0;
    i = scan_token(&z, i, c, u, len, flags);
  }
  return 0;
}

void xc_tokens_init(xc_tokens *t) { memset(t, 0, sizeof *t); }

void xc_tokens_release(xc_tokens *t) {
  free(t->v);
  memset(t, 0, sizeof *t);
}

const char *xc_token_kind_name(int kind) {
  static const char *const names[] = {
#define XC_TK_NAME(name, text) text,
      XC_TOKEN_KINDS(XC_TK_NAME)
#undef XC_TK_NAME
  };
  return kind >= 0 && kind < XC_TK_COUNT ? names[kind] : "?";
}
