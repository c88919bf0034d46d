/* test.h - the unit-test runner's tiny framework: TEST(name) registers a
 * test; CHECK(cond) records a failure with file and line and goes on. */
#ifndef XC_TEST_H
#define XC_TEST_H

#include <stdio.h>
#include <string.h>

typedef void (*xc_test_fn)(void);
void xc_test_register(const char *name, xc_test_fn fn);
void xc_test_fail(const char *file, int line, const char *what);

#define TEST(name)                                                             \
  static void test_##name(void);                                               \
  __attribute__((constructor)) static void register_##name(void) {             \
    xc_test_register(#name, test_##name);                                      \
  }                                                                            \
  static void test_##name(void)

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) xc_test_fail(__FILE__, __LINE__, #cond);                      \
  } while (0)

#define CHECK_STR(a, b)                                                        \
  do {                                                                         \
    const char *a_ = (a), *b_ = (b);                                           \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                   \
      char m_[1024];                                                           \
      snprintf(m_, sizeof m_, "%s == \"%s\" (got \"%s\")", #a, b_ ? b_ : "NULL", \
               a_ ? a_ : "NULL");                                              \
      xc_test_fail(__FILE__, __LINE__, m_);                                    \
    }                                                                          \
  } while (0)

#endif
