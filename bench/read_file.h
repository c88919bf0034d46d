/* read_file.h - reads a whole file into a buffer, for the in-process
 * bench harnesses (extract_loop.c, quotes_run.c, times_speed.c). */
#ifndef XC_BENCH_READ_FILE_H
#define XC_BENCH_READ_FILE_H

#include <stdio.h>

#include "core/core.h"

/* Appends the bytes of path to b; 0, or -1 when it cannot be opened. */
static inline int bench_read_file(const char *path, xc_buf *b) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  char chunk[1 << 16];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) xc_buf_put(b, chunk, got);
  fclose(f);
  return 0;
}

#endif
