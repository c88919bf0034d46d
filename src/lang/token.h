/* token.h - the tokenizer: UTF-8 text to words, numbers, punctuation,
 * quotes, URLs and e-mail addresses, as byte offsets into the text. */
#ifndef XC_TOKEN_H
#define XC_TOKEN_H

#include <stddef.h>
#include <stdint.h>

/* Token kinds (X-macro: enum and name table come from this one list). */
#define XC_TOKEN_KINDS(X)                                                      \
  X(XC_TK_WORD, "word")     /* letters of any script, digits, inner - ' . */  \
  X(XC_TK_NUMBER, "number") /* 1,200 3.5 12.5% $4.2bn 9mm 1996-08-22 2nd */   \
  X(XC_TK_PUNCT, "punct")   /* . , ; : ! ? ... dashes brackets bullets */     \
  X(XC_TK_QUOTE, "quote")   /* " “ ” ' ‘ ’ « » „ 「 」 ` `` '' */             \
  X(XC_TK_URL, "url")       /* http(s)://... ftp://... www.... */             \
  X(XC_TK_EMAIL, "email")   /* local@example.org */                           \
  X(XC_TK_SYMBOL, "symbol") /* anything else; also each invalid byte */

enum {
#define XC_TK_ENUM(name, text) name,
  XC_TOKEN_KINDS(XC_TK_ENUM)
#undef XC_TK_ENUM
  XC_TK_COUNT
};

/* Token flags. Case flags look at letters of any script (Unicode Lu/Lt/Ll). */
enum {
  XC_TF_UPPER = 1 << 0,    /* first character is an upper-case letter */
  XC_TF_LOWER = 1 << 1,    /* first character is a lower-case letter */
  XC_TF_ALLCAPS = 1 << 2,  /* has cased letters, none lower case ("NATO", "I") */
  XC_TF_DIGIT = 1 << 3,    /* has a digit */
  XC_TF_HYPHEN = 1 << 4,   /* has an inner hyphen ("Russian-backed") */
  XC_TF_ABBR = 1 << 5,     /* ends with its own period ("Gen.", "U.S.", "V."); see sub */
  XC_TF_APOS = 1 << 6,     /* has an inner apostrophe ("O'Brien", "o’clock") */
  XC_TF_CLITIC = 1 << 7,   /* split-off clitic: 's ’s n't 're 've 'll 'd 'm, or s' */
  XC_TF_SPACE = 1 << 8,    /* white space (or the start of the text) before */
  XC_TF_NEWLINE = 1 << 9,  /* a line break (or the start of the text) before */
  XC_TF_PARA = 1 << 10,    /* a blank line (or the start of the text) before */
  XC_TF_OPEN = 1 << 11,    /* opening quote or bracket */
  XC_TF_CLOSE = 1 << 12,   /* closing quote or bracket */
  XC_TF_NONASCII = 1 << 13, /* has a byte >= 0x80 */
  XC_TF_CJK = 1 << 14,     /* Han ideograph or kana */
  XC_TF_INVALID = 1 << 15  /* a byte that is not valid UTF-8 (a SYMBOL) */
};

/* Sub-kinds: for WORD with XC_TF_ABBR, what kind of abbreviation. */
enum {
  XC_AB_NONE = 0,
  XC_AB_INITIAL, /* one upper-case letter: "V." in "Sergei V. Skripal" */
  XC_AB_DOTTED,  /* letters with inner periods: "U.S." "G.R.U." "p.m." "Ph.D." */
  XC_AB_LISTED,  /* in the abbreviation list: "Gen." "Corp." "Calif." "etc." */
  XC_AB_NUMPRE   /* listed, only before a number: "No. 5" */
};

/* Sub-kinds of PUNCT. */
enum {
  XC_PU_OTHER = 0,
  XC_PU_PERIOD,   /* "." (also fullwidth and ideographic full stops) */
  XC_PU_TERM,     /* "!" "?" and runs of them ("?!", "!!!"), other scripts' ends */
  XC_PU_ELLIPSIS, /* "..." (two or more periods) or "…" */
  XC_PU_DASH,     /* "—" "–" "--" and a lone "-" between spaces */
  XC_PU_COMMA,    /* "," "、" "،" */
  XC_PU_COLON,    /* ":" */
  XC_PU_SEMI,     /* ";" */
  XC_PU_BRACKET,  /* ( ) [ ] { }, with XC_TF_OPEN or XC_TF_CLOSE */
  XC_PU_BULLET    /* "•" "▪" "●"..., or "-" "*" opening a line */
};

/* Sub-kinds of QUOTE (with XC_TF_OPEN / XC_TF_CLOSE when it can be told). */
enum { XC_QU_DOUBLE = 1, XC_QU_SINGLE };

/* One token: bytes [start, end) of the text. */
typedef struct xc_token {
  uint32_t start, end;
  uint16_t flags; /* XC_TF_* */
  uint8_t kind;   /* XC_TK_* */
  uint8_t sub;    /* XC_AB_* for words, XC_PU_* for punct, XC_QU_* for quotes */
} xc_token;

/* A growable array of tokens; owns v. */
typedef struct xc_tokens {
  xc_token *v;
  size_t n, cap;
} xc_tokens;

/* Starts an empty array (a zeroed struct is the same). */
void xc_tokens_init(xc_tokens *t);
/* Frees the array; t is empty and reusable afterwards. */
void xc_tokens_release(xc_tokens *t);

/* Splits text[0..n) into tokens, replacing the contents of out (its memory
 * is reused). Never fails on content: invalid UTF-8 bytes become one-byte
 * SYMBOL tokens with XC_TF_INVALID. Tokens are in text order, never empty,
 * never overlap, and never include white space (ASCII, Unicode Zs, U+200B,
 * U+FEFF). Follows the Penn Treebank / CoNLL-2003 conventions for clitics
 * ("Ukraine's" -> "Ukraine" "'s", "don't" -> "do" "n't"). Returns 0, or
 * XC_ELIMIT when n does not fit the 32-bit offsets (out is then empty). */
int xc_tokenize(const char *text, size_t n, xc_tokens *out);

/* Static name of a kind ("word", "number", ...; "?" when out of range). */
const char *xc_token_kind_name(int kind);

#endif
