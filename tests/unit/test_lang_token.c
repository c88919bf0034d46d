/* test_lang_token.c - the tokenizer: abbreviations and initials, numbers,
 * hyphens and dashes, clitics, quotes, URLs and e-mail, other scripts,
 * invalid bytes, flags, and pathological inputs. Sentences are invented. */
#include <stdlib.h>

#include "core/core.h"
#include "lang_test.h"

/* Token k of s (a zeroed token when there are fewer). */
static xc_token tok_at(const char *s, size_t k) {
  xc_tokens t;
  xc_token r;
  memset(&r, 0, sizeof r);
  xc_tokens_init(&t);
  xc_tokenize(s, strlen(s), &t);
  if (k < t.n) r = t.v[k];
  xc_tokens_release(&t);
  return r;
}

TEST(token_words_and_punctuation) {
  CHECK_STR(toks("The harbour closed, officials said."),
            "The|harbour|closed|,|officials|said|.");
  CHECK_STR(toks("  Wait; what?! Really...  "), "Wait|;|what|?!|Really|...");
  CHECK_STR(toks(""), "");
  CHECK_STR(toks(" \n\t "), "");
  CHECK(tok_at("said.", 1).kind == XC_TK_PUNCT && tok_at("said.", 1).sub == XC_PU_PERIOD);
  CHECK(tok_at("go?!", 1).sub == XC_PU_TERM);
  CHECK(tok_at("so…", 1).sub == XC_PU_ELLIPSIS);
  CHECK(tok_at("so...", 1).sub == XC_PU_ELLIPSIS);
  CHECK(tok_at("a, b", 1).sub == XC_PU_COMMA);
  CHECK(tok_at("a: b", 1).sub == XC_PU_COLON);
  CHECK(tok_at("(a)", 0).sub == XC_PU_BRACKET && (tok_at("(a)", 0).flags & XC_TF_OPEN));
  CHECK(tok_at("(a)", 2).flags & XC_TF_CLOSE);
  CHECK_STR(toks("AT&T and S&P rose"), "AT&T|and|S&P|rose");
}

TEST(token_abbreviations_keep_their_period) {
  CHECK_STR(toks("Lt. Gen. Vladimir Petrov"), "Lt.|Gen.|Vladimir|Petrov");
  CHECK_STR(toks("Mr. and Mrs. Okafor met Dr. Lindqvist"),
            "Mr.|and|Mrs.|Okafor|met|Dr.|Lindqvist");
  CHECK_STR(toks("Adm. Sgt. Gov. Sen. Rep. Prof. St. Capt."),
            "Adm.|Sgt.|Gov.|Sen.|Rep.|Prof.|St.|Capt.");
  CHECK_STR(toks("on Jan. 5 and Sept. 12"), "on|Jan.|5|and|Sept.|12");
  CHECK_STR(toks("Acme Corp. and Brill Inc. of Calif. agreed"),
            "Acme|Corp.|and|Brill|Inc.|of|Calif.|agreed");
  CHECK_STR(toks("red vs. blue, cats etc. and"), "red|vs.|blue|,|cats|etc.|and");
  xc_token t = tok_at("Gen. Petrov", 0);
  CHECK(t.kind == XC_TK_WORD && (t.flags & XC_TF_ABBR) && t.sub == XC_AB_LISTED);
  /* a sentence-final period is its own token */
  CHECK_STR(toks("They arrived."), "They|arrived|.");
  CHECK_STR(toks("in 1996."), "in|1996|.");
}

TEST(token_abbreviation_conditions) {
  /* "No." only before a number */
  CHECK_STR(toks("No. 5 won"), "No.|5|won");
  CHECK(tok_at("No. 5", 0).sub == XC_AB_NUMPRE);
  CHECK_STR(toks("The answer was No. Then"), "The|answer|was|No|.|Then");
  CHECK_STR(toks("she said no."), "she|said|no|.");
  /* honorifics need a capital */
  CHECK_STR(toks("Yes, sir. The"), "Yes|,|sir|.|The");
  CHECK_STR(toks("Sir. Winston"), "Sir.|Winston");
  /* lower-case English words keep the period only mid-sentence */
  CHECK_STR(toks("took the cat to the vet. The"), "took|the|cat|to|the|vet|.|The");
  CHECK_STR(toks("ex. five"), "ex.|five");
}

TEST(token_initials_and_dotted_acronyms) {
  CHECK_STR(toks("Sergei V. Skripal"), "Sergei|V.|Skripal");
  CHECK(tok_at("Sergei V. Skripal", 1).sub == XC_AB_INITIAL);
  CHECK_STR(toks("J.K. Rowling and J. R. Smith"), "J.K.|Rowling|and|J.|R.|Smith");
  CHECK_STR(toks("the U.S. and the G.R.U. and the U.N."),
            "the|U.S.|and|the|G.R.U.|and|the|U.N.");
  CHECK(tok_at("U.S.", 0).sub == XC_AB_DOTTED);
  CHECK_STR(toks("at 9 p.m. or 7 a.m., e.g. today, i.e. now"),
            "at|9|p.m.|or|7|a.m.|,|e.g.|today|,|i.e.|now");
  CHECK_STR(toks("a Ph.D. student"), "a|Ph.D.|student");
  CHECK_STR(toks("a U.S.-backed plan"), "a|U.S.-backed|plan");
  /* not acronyms: a long segment, a missing space */
  CHECK_STR(toks("Visit Example.com. Then"), "Visit|Example.com|.|Then");
  CHECK_STR(toks("in St.Petersburg"), "in|St.|Petersburg");
  CHECK_STR(toks("the end.The next"), "the|end|.|The|next");
  /* initials in other scripts */
  CHECK_STR(toks("Сергей В. Скрипаль"), "Сергей|В.|Скрипаль");
}

TEST(token_numbers) {
  const char *s = "1,200 3.5 12.5% $4.2bn 9mm 1996-08-22 10:30 2nd €30 .5 1990s 9/11";
  CHECK_STR(toks(s), "1,200|3.5|12.5%|$4.2bn|9mm|1996-08-22|10:30|2nd|€30|.5|1990s|9/11");
  xc_tokens t;
  xc_tokens_init(&t);
  xc_tokenize(s, strlen(s), &t);
  CHECK(t.n == 12);
  for (size_t i = 0; i < t.n; i++) CHECK(t.v[i].kind == XC_TK_NUMBER && (t.v[i].flags & XC_TF_DIGIT));
  xc_tokens_release(&t);
  CHECK(tok_at("a 10-year-old boy", 1).kind == XC_TK_WORD);
  CHECK(tok_at("a 10-year-old boy", 1).flags & XC_TF_HYPHEN);
  CHECK_STR(toks("It rose 5%, to 3,000."), "It|rose|5%|,|to|3,000|.");
  CHECK_STR(toks("(1,2,3)"), "(|1,2,3|)");
  CHECK_STR(toks("US$5 and -3"), "US|$5|and|-|3");
}

TEST(token_hyphens_and_dashes) {
  CHECK_STR(toks("Russian-backed self-defense F-16 COVID-19 jets"),
            "Russian-backed|self-defense|F-16|COVID-19|jets");
  CHECK(tok_at("self-defense", 0).flags & XC_TF_HYPHEN);
  CHECK_STR(toks("war—again; 1990–1995; yes - no; so--what"),
            "war|—|again|;|1990|–|1995|;|yes|-|no|;|so|--|what");
  CHECK(tok_at("war—again", 1).sub == XC_PU_DASH);
  CHECK(tok_at("yes - no", 1).sub == XC_PU_DASH);
  CHECK(tok_at("so--what", 1).sub == XC_PU_DASH);
  CHECK_STR(toks("trailing- and -leading"), "trailing|-|and|-|leading");
  CHECK_STR(toks("co\xe2\x80\x90operate"), "co\xe2\x80\x90operate"); /* U+2010 */
}

TEST(token_clitics_split_as_conll) {
  CHECK_STR(toks("Ukraine's army"), "Ukraine|'s|army");
  CHECK_STR(toks("Ukraine’s army"), "Ukraine|’s|army");
  CHECK(tok_at("Ukraine's", 1).flags & XC_TF_CLITIC);
  CHECK_STR(toks("I don't know, can't say, won't go"),
            "I|do|n't|know|,|ca|n't|say|,|wo|n't|go");
  CHECK_STR(toks("They’re sure I'm right; we've, you'll, he'd"),
            "They|’re|sure|I|'m|right|;|we|'ve|,|you|'ll|,|he|'d");
  CHECK_STR(toks("DON'T"), "DO|N'T");
  CHECK_STR(toks("O'Brien and O'Neill's dog at 5 o'clock"),
            "O'Brien|and|O'Neill|'s|dog|at|5|o'clock");
  CHECK(tok_at("O'Brien", 0).flags & XC_TF_APOS);
  CHECK_STR(toks("rock'n'roll"), "rock'n'roll");
  CHECK_STR(toks("the 1990's"), "the|1990|'s");
  /* a plural possessive is a clitic; a closing quote is not */
  CHECK_STR(toks("the soldiers' families"), "the|soldiers|'|families");
  CHECK(tok_at("the soldiers' families", 2).flags & XC_TF_CLITIC);
  xc_token q = tok_at("a 'quoted words' phrase", 4);
  CHECK(q.kind == XC_TK_QUOTE && (q.flags & XC_TF_CLOSE));
  CHECK_STR(toks("n't 's"), "n't|'|s");
}

TEST(token_quotes_open_and_close) {
  const char *s = "He said \"Go now,\" and left.";
  CHECK_STR(toks(s), "He|said|\"|Go|now|,|\"|and|left|.");
  CHECK(tok_at(s, 2).kind == XC_TK_QUOTE && (tok_at(s, 2).flags & XC_TF_OPEN));
  CHECK(tok_at(s, 2).sub == XC_QU_DOUBLE);
  CHECK(tok_at(s, 6).flags & XC_TF_CLOSE);
  const char *c = "“Yes,” she said. ‘Fine.’";
  CHECK_STR(toks(c), "“|Yes|,|”|she|said|.|‘|Fine|.|’");
  CHECK(tok_at(c, 0).flags & XC_TF_OPEN);
  CHECK(tok_at(c, 3).flags & XC_TF_CLOSE);
  CHECK(tok_at(c, 7).sub == XC_QU_SINGLE && (tok_at(c, 7).flags & XC_TF_OPEN));
  CHECK(tok_at(c, 10).flags & XC_TF_CLOSE);
  CHECK_STR(toks("«Non» „Ja“ 「はい」 ``so''"), "«|Non|»|„|Ja|“|「|はい|」|``|so|''");
  CHECK(tok_at("„Ja“", 2).flags & XC_TF_CLOSE);
  CHECK(tok_at("``so''", 2).flags & XC_TF_CLOSE);
  /* '' at both ends (ASCII news text): the flanks decide */
  CHECK(tok_at("''Yes,'' he said.", 0).flags & XC_TF_OPEN);
  CHECK(tok_at("''Yes,'' he said.", 3).flags & XC_TF_CLOSE);
  /* no space either side: the open/closed state decides */
  CHECK(tok_at("a\"b\"c", 1).flags & XC_TF_OPEN);
  CHECK(tok_at("a\"b\"c", 3).flags & XC_TF_CLOSE);
}

TEST(token_urls_and_email) {
  CHECK_STR(toks("See https://example.org/a/b?q=1&r=2. Then"),
            "See|https://example.org/a/b?q=1&r=2|.|Then");
  CHECK(tok_at("see http://example.org", 1).kind == XC_TK_URL);
  CHECK_STR(toks("(www.example.net/page)"), "(|www.example.net/page|)");
  CHECK_STR(toks("wiki https://en.example.org/Foo_(bar), ok"),
            "wiki|https://en.example.org/Foo_(bar)|,|ok");
  CHECK_STR(toks("Write to press.desk@example.co.uk."), "Write|to|press.desk@example.co.uk|.");
  CHECK(tok_at("mail j_doe+news@example.org now", 1).kind == XC_TK_EMAIL);
  CHECK_STR(toks("at @handle and a@b"), "at|@|handle|and|a|@|b");
  CHECK_STR(toks("http:// www."), "http|:|/|/|www|.");
}

TEST(token_other_scripts) {
  CHECK_STR(toks("Москва-Сити и Київ."), "Москва-Сити|и|Київ|.");
  CHECK(tok_at("Москва", 0).flags & XC_TF_UPPER);
  CHECK(tok_at("Москва", 0).flags & XC_TF_NONASCII);
  CHECK_STR(toks("Η Αθήνα είναι μεγάλη."), "Η|Αθήνα|είναι|μεγάλη|.");
  /* one token per Han ideograph; kana runs stay whole */
  CHECK_STR(toks("东京很大。"), "东|京|很|大|。");
  CHECK(tok_at("东京", 0).flags & XC_TF_CJK);
  CHECK(tok_at("大。", 1).sub == XC_PU_TERM);
  CHECK_STR(toks("カタカナとひらがな"), "カタカナ|とひらがな");
  CHECK_STR(toks("قال المتحدث؟ نعم، غدا"), "قال|المتحدث|؟|نعم|،|غدا");
  CHECK_STR(toks("नमस्ते दुनिया।"), "नमस्ते|दुनिया|।");
  CHECK_STR(toks("Zoë Łukasz naïve café"), "Zoë|Łukasz|naïve|café");
  /* combining marks stay with their letter */
  CHECK_STR(toks("Cafe\xcc\x81 open"), "Cafe\xcc\x81|open");
  CHECK_STR(toks("ok 👍🏽 go"), "ok|👍🏽|go");
}

TEST(token_flags) {
  const char *s = "NATO said\nUkraine's\n\nnew FBI-led";
  xc_token a = tok_at(s, 0), b = tok_at(s, 1), c = tok_at(s, 2), d = tok_at(s, 4);
  CHECK((a.flags & (XC_TF_UPPER | XC_TF_ALLCAPS | XC_TF_PARA | XC_TF_NEWLINE | XC_TF_SPACE)) ==
        (XC_TF_UPPER | XC_TF_ALLCAPS | XC_TF_PARA | XC_TF_NEWLINE | XC_TF_SPACE));
  CHECK((b.flags & XC_TF_LOWER) && (b.flags & XC_TF_SPACE) && !(b.flags & XC_TF_NEWLINE));
  CHECK((c.flags & XC_TF_NEWLINE) && !(c.flags & XC_TF_PARA) && !(c.flags & XC_TF_ALLCAPS));
  CHECK(!(tok_at(s, 3).flags & XC_TF_SPACE)); /* 's */
  CHECK((d.flags & XC_TF_PARA) && (d.flags & XC_TF_LOWER));
  CHECK(tok_at(s, 5).flags & XC_TF_HYPHEN);
  CHECK(tok_at("a\r\n\r\nb", 1).flags & XC_TF_PARA);
  CHECK(tok_at("a\n \t\nb", 1).flags & XC_TF_PARA);
  CHECK(!(tok_at("a\r\nb", 1).flags & XC_TF_PARA));
  CHECK(tok_at("a\xc2\xa0" "b", 1).flags & XC_TF_SPACE); /* NBSP */
  CHECK(tok_at("B2B", 0).flags & XC_TF_DIGIT);
}

TEST(token_bullets) {
  const char *s = "Points:\n• one\n- two\n* three\nnot - a bullet";
  CHECK_STR(toks(s), "Points|:|•|one|-|two|*|three|not|-|a|bullet");
  CHECK(tok_at(s, 2).sub == XC_PU_BULLET);
  CHECK(tok_at(s, 4).sub == XC_PU_BULLET);
  CHECK(tok_at(s, 6).sub == XC_PU_BULLET);
  CHECK(tok_at(s, 9).sub == XC_PU_DASH);
}

TEST(token_invalid_bytes) {
  const char *s = "ab\xff\xfe c\xc3 \xe2\x80 d\xed\xa0\x80";
  xc_tokens t;
  xc_tokens_init(&t);
  CHECK(xc_tokenize(s, strlen(s), &t) == 0);
  size_t invalid = 0;
  for (size_t i = 0; i < t.n; i++)
    if (t.v[i].flags & XC_TF_INVALID) {
      CHECK(t.v[i].kind == XC_TK_SYMBOL && t.v[i].end == t.v[i].start + 1);
      invalid++;
    }
  CHECK(invalid == 8);
  CHECK(t.n == 11);
  xc_tokens_release(&t);
  CHECK_STR(xc_token_kind_name(XC_TK_EMAIL), "email");
  CHECK_STR(xc_token_kind_name(99), "?");
}

TEST(token_reuses_its_array) {
  xc_tokens t;
  xc_tokens_init(&t);
  xc_tokenize("one two three", 13, &t);
  CHECK(t.n == 3);
  xc_tokenize("four", 4, &t);
  CHECK(t.n == 1 && t.v[0].start == 0 && t.v[0].end == 4);
  xc_tokens_release(&t);
  CHECK(t.v == NULL && t.n == 0);
  xc_tokens_release(&t);
}

/* ---- pathological inputs: linear time, no crash ---- */
TEST(token_ten_megabyte_line) {
  size_t n = 10u << 20;
  char *p = xc_xmalloc(n);
  const char *pat = "ab.C-d'e1,2:U.S.x@y";
  for (size_t i = 0; i < n; i++) p[i] = pat[i % 19];
  size_t nt;
  CHECK(lang_run(p, n, &nt, NULL) < 20.0);
  CHECK(nt > 0);
  memset(p, 'a', n); /* one 10 MB word */
  CHECK(lang_run(p, n, &nt, NULL) < 20.0);
  CHECK(nt == 1);
  for (size_t i = 0; i < n; i++) p[i] = "a."[i & 1];
  CHECK(lang_run(p, n, &nt, NULL) < 20.0);
  free(p);
}

TEST(token_many_quotes_and_periods) {
  size_t n = 100000, nt, ns;
  char *p = xc_xmalloc(2 * n);
  memset(p, '"', 50000);
  CHECK(lang_run(p, 50000, &nt, &ns) < 20.0);
  CHECK(nt == 50000);
  memset(p, '.', n);
  CHECK(lang_run(p, n, &nt, &ns) < 20.0);
  CHECK(nt == 1 && ns == 1);
  for (size_t i = 0; i < 2 * n; i++) p[i] = ". "[i & 1];
  CHECK(lang_run(p, 2 * n, &nt, &ns) < 20.0);
  CHECK(nt == n);
  for (size_t i = 0; i < 2 * n; i++) p[i] = "\xe2\x80\x9c\xe2\x80\x9d'`"[i % 8];
  CHECK(lang_run(p, 2 * n, &nt, &ns) < 20.0);
  free(p);
}

TEST(token_random_bytes_keep_invariants) {
  size_t n = 1 << 20;
  char *p = xc_xmalloc(n);
  uint32_t x = 12345;
  for (int round = 0; round < 4; round++) {
    for (size_t i = 0; i < n; i++) {
      x = x * 1103515245u + 12345u;
      /* round 0: any byte; then mostly text-like bytes */
      unsigned char b = (unsigned char)(x >> 16);
      if (round) b = (unsigned char)" .'\"-aZ9\n,\xe2\x80\x9c\x99\xd0\x9f@/:"[(x >> 16) % 19];
      p[i] = (char)b;
    }
    lang_run(p, n, NULL, NULL);
  }
  free(p);
}
