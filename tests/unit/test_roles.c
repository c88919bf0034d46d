/* test_roles.c - a source's role in its story (src/check/roles.c). */
#include "check/roles.h"
#include "test.h"

TEST(roles_copies_repost_or_commentary) {
  xc_role_facts f = {.copy = 1, .resemblance = 0.95, .growth = 1.0, .grounding = 0.8};
  CHECK(xc_source_role(&f) == XC_ROLE_REPOST);
  f.resemblance = 0.4, f.growth = 2.0; /* the original inside much text of its own */
  CHECK(xc_source_role(&f) == XC_ROLE_COMMENTARY);
  f.growth = 0.6; /* a trimmed reprint */
  CHECK(xc_source_role(&f) == XC_ROLE_REPOST);
  CHECK(!strcmp(xc_role_name(XC_ROLE_COMMENTARY), "commentary"));
}

TEST(roles_filler_needs_all_signs) {
  /* one of eight statements backed, quotes nobody else has from people
   * nobody else names, in a story with other sources */
  xc_role_facts f = {.grounding = 1.0 / 8, .statements = 8, .specifics = 0.1, .other_sources = 3,
                     .quotes = 3, .lone_speakers = 3};
  CHECK(xc_source_role(&f) == XC_ROLE_FILLER);
  CHECK(!strcmp(xc_role_name(XC_ROLE_FILLER), "generated_filler"));
  xc_role_facts alone = f;
  alone.other_sources = 1; /* nothing to compare with: no verdict */
  CHECK(xc_source_role(&alone) == XC_ROLE_ORIGINAL);
  xc_role_facts backed = f;
  backed.backed_quotes = 1; /* one of its quotes is also elsewhere */
  CHECK(xc_source_role(&backed) == XC_ROLE_ORIGINAL);
  xc_role_facts grounded = f;
  grounded.grounding = 0.5;
  CHECK(xc_source_role(&grounded) == XC_ROLE_ORIGINAL);
  xc_role_facts known = f;
  known.lone_speakers = 1; /* its speakers are people the story names */
  CHECK(xc_source_role(&known) == XC_ROLE_ORIGINAL);
  xc_role_facts quiet = f;
  quiet.quotes = 1, quiet.lone_speakers = 1; /* one quote proves little */
  CHECK(xc_source_role(&quiet) == XC_ROLE_ORIGINAL);
  CHECK(!strcmp(xc_role_name(99), "original"));
  /* nothing at all backed, much said: its quotes given to real people the
   * story names do not save it */
  xc_role_facts none = {.statements = 9, .specifics = 0.1, .other_sources = 3, .quotes = 4,
                        .lone_speakers = 1};
  CHECK(xc_source_role(&none) == XC_ROLE_FILLER);
  none.statements = 3; /* too little said to judge */
  CHECK(xc_source_role(&none) == XC_ROLE_ORIGINAL);
  none.statements = 9, none.specifics = 1.2; /* numbers and dates: a report */
  CHECK(xc_source_role(&none) == XC_ROLE_ORIGINAL);
  /* one thing backed (what happened, restated from the headline) among
   * much said is as good as nothing; among little said it is not */
  none.specifics = 0.1, none.statements = 30, none.grounding = 1.0 / 30;
  CHECK(xc_source_role(&none) == XC_ROLE_FILLER);
  none.statements = 9, none.grounding = 1.0 / 9;
  CHECK(xc_source_role(&none) == XC_ROLE_ORIGINAL);
  none.statements = 30, none.grounding = 2.0 / 30;
  CHECK(xc_source_role(&none) == XC_ROLE_ORIGINAL);
}
