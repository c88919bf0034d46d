/* test_roles.c - a source's role in its story (src/check/roles.c). */
#include "check/roles.h"
#include "test.h"

TEST(roles_copies_repost_or_commentary) {
  xc_role_facts f = {1, 0.95, 0.8, 3, 2, 2, 0};
  CHECK(xc_source_role(&f) == XC_ROLE_REPOST);
  f.resemblance = 0.4; /* the original inside much text of its own */
  CHECK(xc_source_role(&f) == XC_ROLE_COMMENTARY);
  CHECK(!strcmp(xc_role_name(XC_ROLE_COMMENTARY), "commentary"));
}

TEST(roles_filler_needs_all_signs) {
  /* nothing backed, quotes nobody else has from people nobody else names,
   * in a story with other sources */
  xc_role_facts f = {0, 0, 0.0, 3, 3, 0, 3};
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
}
