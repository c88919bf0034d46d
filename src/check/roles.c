/* roles.c - a source's role in its story (see roles.h). */
#include "check/roles.h"

/* A copy this close to its original is a repost; below, the copy carries
 * the original inside much text of its own. */
#define REPOST_RESEMBLANCE 0.7
/* Filler: at most this share of its statements backed by another source,
 * with the story's other sources numbering at least FILLER_OTHERS. */
#define FILLER_GROUNDING 0.15
#define FILLER_OTHERS 2

int xc_source_role(const xc_role_facts *f) {
  if (f->copy) return f->resemblance >= REPOST_RESEMBLANCE ? XC_ROLE_REPOST : XC_ROLE_COMMENTARY;
  /* quotes are where invention shows: people nobody else quotes or names,
   * saying what nobody else reports them saying */
  if (f->other_sources >= FILLER_OTHERS && f->grounding >= 0 &&
      f->grounding <= FILLER_GROUNDING && f->quotes >= 2 && f->backed_quotes == 0 &&
      2 * f->lone_speakers >= f->quotes)
    return XC_ROLE_FILLER;
  return XC_ROLE_ORIGINAL;
}

const char *xc_role_name(int role) {
  static const char *const names[] = {"original", "repost", "commentary", "generated_filler"};
  return role >= 0 && role <= XC_ROLE_FILLER ? names[role] : "original";
}
