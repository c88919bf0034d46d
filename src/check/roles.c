/* roles.c - a source's role in its story (see roles.h). */
#include "check/roles.h"

#include <math.h>

/* A copy this close to its original is a repost; below, the copy carries
 * the original inside much text of its own. */
#define REPOST_RESEMBLANCE 0.7
#define COMMENTARY_GROWTH 1.3 /* ... and is this much longer than it */
/* Filler: at most a quarter of its statements backed by another source
 * when its quotes come from people nobody else names, with the story's
 * other sources numbering at least FILLER_OTHERS. */
#define FILLER_GROUNDING 0.25
#define FILLER_OTHERS 2
#define FILLER_STATEMENTS 5  /* checkable statements and quotes, none backed */
#define FILLER_ONE_BACKED 20 /* ... or one backed: the event itself, which a
                                page that restates the headline shares */
/* Reports give numbers and calendar dates (medians 1.8 and 2.4 per 100
 * words on BASIL and ECB+ dev); a page padded out by a generator gives
 * next to none. The bar is the 5th percentile of the 300 BASIL articles
 * and of the ECB+ reports that give any (0.60 on both): a report vaguer
 * than 19 in 20 news reports. */
#define FILLER_SPECIFICS 0.6

int xc_source_role(const xc_role_facts *f) {
  /* commentary adds much of its own; a reprint trimmed or lightly edited
   * is still a repost */
  if (f->copy)
    return f->resemblance < REPOST_RESEMBLANCE && f->growth >= COMMENTARY_GROWTH ? XC_ROLE_COMMENTARY
                                                                                : XC_ROLE_REPOST;
  /* quotes are where invention shows: people nobody else quotes or names,
   * saying what nobody else reports them saying */
  if (f->other_sources < FILLER_OTHERS || f->grounding < 0 || f->quotes < 2 || f->backed_quotes ||
      f->specifics >= FILLER_SPECIFICS)
    return XC_ROLE_ORIGINAL;
  /* nothing backed but, at most, what happened (which every page on the
   * story restates) in a page with much to say; or little backed, with
   * quotes from people the story's other sources never name */
  long backed = lround(f->grounding * (double)f->statements);
  if ((backed == 0 && f->statements >= FILLER_STATEMENTS) ||
      (backed == 1 && f->statements >= FILLER_ONE_BACKED))
    return XC_ROLE_FILLER;
  if (f->grounding <= FILLER_GROUNDING && 2 * f->lone_speakers >= f->quotes) return XC_ROLE_FILLER;
  return XC_ROLE_ORIGINAL;
}

const char *xc_role_name(int role) {
  static const char *const names[] = {"original", "repost", "commentary", "generated_filler"};
  return role >= 0 && role <= XC_ROLE_FILLER ? names[role] : "original";
}
