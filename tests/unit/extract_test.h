/* extract_test.h - helpers shared by the extractor unit tests. */
#ifndef XC_EXTRACT_TEST_H
#define XC_EXTRACT_TEST_H

#include "extract/extract.h"
#include "test.h"

typedef int (*xc_extract_fn)(const char *, size_t, xc_extracted *, xc_err *);

/* Runs fn over the C string s into x (zeroed first); checks it succeeds
 * and leaves a text. */
static inline void run_extractor(xc_extract_fn fn, const char *s, xc_extracted *x) {
  memset(x, 0, sizeof *x);
  xc_err err;
  CHECK(fn(s, strlen(s), x, &err) == 0);
  CHECK(x->text != NULL);
}

/* Does the extracted text contain phrase? */
static inline int has(const xc_extracted *x, const char *phrase) {
  return x->text && strstr(x->text, phrase) != NULL;
}

#endif
