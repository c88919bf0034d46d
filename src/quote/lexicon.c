/* lexicon.c - the closed word classes the quote finder reads: reporting
 * verbs ("said", "told", "according to"), pronouns, determiners, the
 * adverbs and auxiliaries that may stand between a speaker and its verb,
 * the words that end a noun phrase, nouns that name works ("book",
 * "show") and speech events ("statement"). Hand-written: these are small
 * closed classes of English grammar, not name lists; each group below is
 * a line of words with its class bits, sorted once into a table searched
 * by binary search. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "quote/quote_int.h"

typedef struct group {
  uint32_t k;
  uint8_t g;
  const char *words;
} group;

#define CUE_SAY (QK_CUE | QK_INV | QK_IND)
static const group groups[] = {
    /* reporting verbs that follow a quote inverted ("..., said Smith") and
     * introduce reported speech ("Smith said that ...") */
    {CUE_SAY, 0,
     "said say says added add adds wrote write writes explained explain explains "
     "argued argue argues insisted insist insists declared declare declares "
     "continued continue continues recalled recall recalls replied reply replies "
     "responded respond responds answered answer observed observes conceded concede "
     "concedes acknowledged acknowledge acknowledges admitted admit admits asserted "
     "assert asserts contended contend contends maintained maintain maintains "
     "predicted predict predicts stated suggested suggest suggests stressed stress "
     "emphasized emphasised emphasize emphasizes cautioned caution cautions "
     "countered concluded conclude concludes complained complain complains lamented "
     "lament laments quipped quip joked boasted boast boasts tweeted tweet mused "
     "remarked remark reasoned recounted offered opined announced announce announces "
     "confirmed confirm confirms promised promise vowed vow pledged pledge pledges "
     "agreed agree agrees shouted shout shouts yelled yell yells screamed scream "
     "chanted chant chants exclaimed whispered muttered sighed cried testified "
     "testify testifies retorted retort snapped wondered wonder wonders warned warn "
     "warns conceded reported insisted noted note alleged allege alleges claimed "
     "claim denied deny denies reiterated reiterate reiterates proclaimed "
     "elaborated interjected griped fumed gushed marveled marvelled scoffed "
     "sneered bragged acknowledged read reads posted reacted reacts demanded pleaded "
     "begged questioned commented texted emailed pointed released expressed revealed "
     "spoke mentioned echoed repeated decried railed highlighted remembered advised "
     "written voiced indicated signaled signalled hinted threatened warned quoth "
     "preached thundered bellowed implied mocked scoffed sniped quipped vented "
     "insisted boasted gloated tweeted"},
    /* plain verbs of saying (xc_quote_speech_verb) */
    {QK_PLAIN, 0,
     "said say says added adds argued argues cautioned commented explained explains "
     "noted notes observed stated told warned warns wrote writes"},
    /* beliefs and findings: partial quotes ("Trump thinks it is 'rigged'") */
    {QK_CUE | QK_IND | QK_WEAK, 0,
     "think thinks thought believe believes believed feel feels felt fear fears "
     "feared worry worries worried hope hopes hoped"},
    {QK_CUE | QK_IND | QK_WEAK, 0, "found finds hints"},
    {QK_CUE | QK_IND | QK_WEAK | QK_THING, 0, "showed shows show read reads"},
    /* verbs whose -s form is also a plural noun ("his claims", "her
     * notes"): cues only next to a quote or after a plain subject */
    /* base forms ("will add", "continue to"), verbs with other senses */
    {CUE_SAY | QK_WEAK, 0, "add write explain argue insist declare continue recall respond "
                           "concede acknowledge admit assert contend maintain predict "
                           "suggest emphasize conclude complain announce confirm agree "
                           "testify warn allege deny reiterate continued added noted "
                           "maintained offered observed read reads posted pointed "
                           "released expressed revealed echoed repeated indicated "
                           "signaled signalled threatened advised remembered "
                           "chant tweet answer reply claim promise vow pledge note remark "
                           "shout yell scream boast lament caution retort wonder stress "
                           "report quip comment read post "
                           "notes claims tweets posts remarks answers counters jokes "
                           "quips promises vows reports states comments demands points"},
    /* participles: the speaker is the subject of the clause ("..., saying") */
    {QK_CUE | QK_ING | QK_IND, 0,
     "saying adding telling writing noting arguing explaining insisting claiming "
     "declaring warning asking suggesting acknowledging admitting announcing "
     "stating replying responding answering describing accusing promising vowing "
     "predicting tweeting posting stressing emphasizing urging complaining "
     "lamenting boasting joking quipping recalling continuing blaming calling "
     "referring declaring proclaiming reiterating cautioning pointing testifying "
     "remarking musing conceding denying alleging citing"},
    /* a listener or target comes after the verb ("told reporters") */
    {QK_CUE | QK_OBJ | QK_IND, 0,
     "told tell tells asked ask asks assured assure assures urged urge urges "
     "reminded informed"},
    {QK_CUE | QK_OBJ | QK_ACC | QK_IND, 0, "accused accuse accuses blamed blame blames"},
    /* naming and characterising: partial quotes ("called it 'a disaster'") */
    {QK_CUE | QK_OBJ | QK_CALL, 0,
     "called calls call dubbed dubs labeled labelled labels branded brands "
     "described describes describe termed terms characterized characterised "
     "characterizes deemed hailed blasted slammed denounced derided mocked "
     "criticized criticised praised touted referred refers pronounced quoted "
     "cited cites thanked condemned defended attacked touting touted"},
    /* pronouns that can be speakers */
    {QK_PRON, QG_M, "he"},
    {QK_PRON, QG_F, "she"},
    {QK_PRON, QG_P, "they"},
    {QK_PRON, QG_P | QG_1, "we"},
    {QK_PRON, QG_1, "i"},
    {QK_PRON, QG_N, "it"},
    /* determiners, possessives and quantifiers: a noun phrase starts here */
    {QK_DET, 0, "the a an this these those his her its their our my your every any no"},
    {QK_DET | QK_QUANT, 0,
     "some many several few most all both each another other one two three four "
     "five six seven eight nine ten dozens hundreds thousands others"},
    /* may stand between a speaker and its verb ("Smith also said") */
    {QK_ADV, 0,
     "also later then has had have would will once again recently previously "
     "reportedly repeatedly further simply just never often earlier first even "
     "still too not n't did does do could should may might must can already "
     "originally initially finally subsequently quickly immediately always "
     "separately similarly apparently allegedly privately publicly reportedly "
     "last yesterday today tonight only merely ultimately eventually frequently "
     "often however meanwhile instead indeed"},
    /* end a noun phrase: prepositions, conjunctions, relatives, copulas */
    {QK_STOP, 0,
     "in on into onto during after before since until when while as because if "
     "than and but or nor so yet that which who whom whose where why how what "
     "whether to by about against among between through over under without "
     "within via per despite amid like unlike is was are were be been being am "
     "there here not who's it's he's she's"},
    /* inside a noun phrase: "a spokesman for the campaign" */
    {QK_PREP, 0, "of for from at with"},
    /* nouns that introduce the title of a work */
    {QK_TITLE, 0,
     "book books film films movie movies show shows song songs album albums series "
     "documentary program programme column essay article op-ed headline titled "
     "entitled headlined novel memoir play poem podcast episode segment magazine "
     "newspaper hashtag slogan website blog video ad advertisement commercial "
     "section chapter report bill act law operation initiative plan tv radio "
     "broadcast newsletter sketch"},
    /* speech events: "in a statement", "told CNN in an interview" */
    {QK_SPEECH, 0,
     "statement statements interview interviews release email emails letter tweet "
     "tweets post posts remarks speech conference briefing message memo op-ed "
     "column testimony appearance address announcement"},
};
#undef CUE_SAY

typedef struct entry {
  char w[24];
  uint32_t k;
  uint8_t g;
} entry;

static entry *table;
static size_t ntable;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int entry_cmp(const void *a, const void *b) {
  return strcmp(((const entry *)a)->w, ((const entry *)b)->w);
}

/* Splits every group into entries, sorts them and joins duplicates (a
 * word in two groups gets both classes). */
static void build(void) {
  size_t cap = 0;
  for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
    for (const char *p = groups[i].words; *p; p++) cap += *p == ' ';
  cap += sizeof groups / sizeof groups[0];
  entry *e = xc_xcalloc(cap, sizeof *e);
  size_t n = 0;
  for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
    const char *p = groups[i].words;
    while (*p) {
      while (*p == ' ') p++;
      size_t len = strcspn(p, " ");
      if (len && len < sizeof e[n].w) {
        memcpy(e[n].w, p, len);
        e[n].k = groups[i].k;
        e[n].g = groups[i].g;
        n++;
      }
      p += len;
    }
  }
  qsort(e, n, sizeof *e, entry_cmp);
  size_t out = 0;
  for (size_t i = 0; i < n; i++) {
    if (out && !strcmp(e[out - 1].w, e[i].w)) {
      e[out - 1].k |= e[i].k;
      e[out - 1].g |= e[i].g;
    } else {
      e[out++] = e[i];
    }
  }
  table = e;
  ntable = out;
}

static const entry *find(const char *w) {
  size_t lo = 0, hi = ntable;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(w, table[mid].w);
    if (c == 0) return &table[mid];
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return NULL;
}

/* The classes of the reporting verb whose past form is stem + "ed" (or
 * "d", or with its last consonant doubled: "slammed"), or 0. */
static uint32_t past_of(const char *stem, size_t n) {
  char w[32];
  if (n < 2 || n + 3 >= sizeof w) return 0;
  static const char *const ends[] = {"ed", "d", NULL};
  for (size_t k = 0; ends[k]; k++) {
    memcpy(w, stem, n);
    strcpy(w + n, ends[k]);
    const entry *e = find(w);
    if (e && (e->k & QK_CUE)) return e->k;
  }
  memcpy(w, stem, n); /* "slamm" from "slamming" */
  w[n] = 0;
  if (n >= 3 && w[n - 1] == w[n - 2]) {
    strcpy(w + n, "ed");
    const entry *e = find(w);
    if (e && (e->k & QK_CUE)) return e->k;
  }
  return 0;
}

/* Forms the lists leave out, from the past form they hold: "pledging",
 * "labeling" (participles: the clause's subject speaks) and "mocks",
 * "slams" (also plural nouns, so weak). */
static uint32_t derived(const char *w, size_t n) {
  uint32_t k = 0;
  if (n > 5 && !strcmp(w + n - 3, "ing")) {
    k = past_of(w, n - 3);
    if (!k) {
      char e[32];
      memcpy(e, w, n - 3);
      e[n - 3] = 'e'; /* "pledg" + "e" */
      k = past_of(e, n - 2);
    }
    if (k) return (k & ~(unsigned)(QK_INV | QK_WEAK)) | QK_ING;
    return 0;
  }
  if (n > 4 && w[n - 1] == 's' && w[n - 2] != 's') {
    k = past_of(w, n - 1);
    if (!k && n > 5 && w[n - 2] == 'e') k = past_of(w, n - 2); /* "pushes" */
    if (k) return (k & ~(uint32_t)QK_ING) | QK_WEAK;
  }
  return 0;
}

uint32_t xc_qlex(const char *p, size_t n, unsigned *gender) {
  pthread_once(&once, build);
  char w[24];
  if (gender) *gender = 0;
  if (n == 0 || n >= sizeof w) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c >= 0x80) { /* "n’t": the curly apostrophe as the straight one */
      if (c == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 &&
          (unsigned char)p[i + 2] == 0x99)
        return xc_qlex_apos(p, n, gender);
      return 0;
    }
    w[i] = (char)xc_lower(c);
  }
  w[n] = 0;
  const entry *e = find(w);
  if (e) {
    if (gender) *gender = e->g;
    return e->k;
  }
  return derived(w, n);
}

/* A word with a curly apostrophe ("n’t", "it’s"): looked up with the
 * straight one. */
uint32_t xc_qlex_apos(const char *p, size_t n, unsigned *gender) {
  char w[24];
  size_t o = 0;
  for (size_t i = 0; i < n && o + 1 < sizeof w; i++) {
    if ((unsigned char)p[i] == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 &&
        (unsigned char)p[i + 2] == 0x99) {
      w[o++] = '\'';
      i += 2;
    } else {
      w[o++] = p[i];
    }
  }
  if (o >= sizeof w - 1) return 0;
  for (size_t i = 0; i < o; i++)
    if ((unsigned char)w[i] >= 0x80) return 0;
  return xc_qlex(w, o, gender);
}

int xc_quote_speech_verb(const char *p, size_t n) {
  return (xc_qlex(p, n, NULL) & QK_PLAIN) != 0;
}
