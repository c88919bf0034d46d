/* roles.h - what part a source plays in its story: the original report,
 * a repost of another (a copy, nearly word for word), commentary on
 * another (a copy of it with much text of its own), or generated filler:
 * while the story has other sources to compare with, a page that gives
 * next to no numbers or dates, none of whose quotes another source
 * carries, and either nothing of what it says is backed at all, or little
 * is and its quotes come from people no other source names. */
#ifndef XC_ROLES_H
#define XC_ROLES_H

#include <stddef.h>

enum { XC_ROLE_ORIGINAL, XC_ROLE_REPOST, XC_ROLE_COMMENTARY, XC_ROLE_FILLER };

/* What the role is judged on, for one source of a story. */
typedef struct xc_role_facts {
  int copy;              /* a copy of another report */
  double resemblance;    /* of a copy to its original (word 5-grams, 0..1) */
  double growth;         /* a copy's length over its original's */
  double grounding;      /* its grounding (SPEC.md), -1 when nothing checkable */
  size_t statements;     /* its checkable statements and quotes */
  double specifics;      /* numbers and dates it gives per 100 words */
  size_t other_sources;  /* independent sources of the story besides it */
  size_t quotes;         /* its direct quotes */
  size_t backed_quotes;  /* ... that another independent source also carries */
  size_t lone_speakers;  /* ... whose speaker no other report names */
} xc_role_facts;

/* The role (XC_ROLE_*) these facts show. */
int xc_source_role(const xc_role_facts *f);

/* "original", "repost", "commentary", "generated_filler". */
const char *xc_role_name(int role);

#endif
