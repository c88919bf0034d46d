/* ingest.c - file reading with limits, binary sniffing (magic numbers, NUL
 * bytes, control-character ratio), charset decoding (BOM, then the HTML
 * declared charset as the WHATWG prescan finds it, then UTF-8 validity with a
 * windows-1252 fallback), and content-based format detection. */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *xc_format_name(xc_format f) {
  switch (f) {
#define XC_FMT_CASE(name, text)                                                \
  case name:                                                                   \
    return text;
    XC_FORMATS(XC_FMT_CASE)
#undef XC_FMT_CASE
  }
  return "text";
}

void xc_input_release(xc_input *in) {
  free(in->path);
  free(in->data);
  memset(in, 0, sizeof *in);
}

/* ---- binary sniffing ---- */
/* Counts byte c as a NUL or as a control character that text does not
 * use (all below 0x20 but tab, line ends, form feed and escape). */
static void count_ctl(unsigned c, size_t *nul, size_t *ctl) {
  *nul += c == 0;
  *ctl += c > 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
          c != '\f' && c != 0x1b;
}

/* Nonzero when one of the eight bytes of w is below 0x20 and not a tab,
 * line feed or carriage return. ZERO_BYTES(x) sets the high bit of
 * exactly the zero bytes of x (no borrow runs from byte to byte), so
 * zero bytes of w ^ (c * ONES) mark the bytes equal to c. */
static int low_bytes(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ull, low7 = 0x7F7F7F7F7F7F7F7Full;
#define ZERO_BYTES(x) (~((((x) & low7) + low7) | (x) | low7))
  uint64_t below = ZERO_BYTES(w & 0xE0E0E0E0E0E0E0E0ull); /* bytes < 0x20 */
  if (!below) return 0;
  uint64_t text = ZERO_BYTES(w ^ (ones * '\t')) | ZERO_BYTES(w ^ (ones * '\n')) |
                  ZERO_BYTES(w ^ (ones * '\r'));
#undef ZERO_BYTES
  return (below & ~text) != 0;
}

static const char *binary_kind(const unsigned char *p, size_t n) {
  static const struct {
    const char *magic;
    size_t len;
    const char *name;
  } magic[] = {
      {"%PDF-", 5, "PDF document"},
      {"PK\x03\x04", 4, "zip archive"},
      {"\x1f\x8b", 2, "gzip data"},
      {"\x89PNG", 4, "PNG image"},
      {"\xff\xd8\xff", 3, "JPEG image"},
      {"GIF8", 4, "GIF image"},
      {"\x7f" "ELF", 4, "executable"},
      {"BZh", 3, "bzip2 data"},
      {"\xfd" "7zXZ", 5, "xz data"},
      {"SQLite format 3", 15, "SQLite database"},
  };
  for (size_t i = 0; i < sizeof magic / sizeof magic[0]; i++)
    if (n >= magic[i].len && memcmp(p, magic[i].magic, magic[i].len) == 0)
      return magic[i].name;
  /* counted without a branch per byte; the NUL verdict comes first, as
   * it would stopping at the NUL that tips it. Eight bytes with none below
   * 0x20 but tabs and line ends (nearly all of a text) are passed over in
   * one test. */
  size_t m = n < 8192 ? n : 8192, ctl = 0, nul = 0, i = 0;
  for (; i + 8 <= m; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    if (!low_bytes(w)) continue;
    for (size_t k = i; k < i + 8; k++) count_ctl(p[k], &nul, &ctl);
  }
  for (; i < m; i++) count_ctl(p[i], &nul, &ctl);
  /* a few stray NULs in a text page are stripped later */
  if (nul * 500 > m || nul > 64) return "binary data (NUL bytes)";
  if (m && ctl * 20 > m) return "binary data (control characters)";
  return NULL;
}

/* ---- charset ---- */
/* Finds a charset declared in the first bytes of an HTML page (meta charset
 * or http-equiv content). Writes a lowercase name into out. */
static int html_declared_charset(const char *p, size_t n, char *out,
                                 size_t outsz) {
  size_t m = n < 4096 ? n : 4096;
  const char *end = p + m, *s = p;
  while ((s = xc_memcasemem(s, (size_t)(end - s), "charset")) != NULL) {
    const char *q = s + 7;
    while (q < end && (*q == ' ' || *q == '\t')) q++;
    if (q < end && *q == '=') {
      q++;
      while (q < end && (*q == ' ' || *q == '"' || *q == '\'')) q++;
      size_t k = 0;
      while (q < end && k + 1 < outsz &&
             (((*q | 32) >= 'a' && (*q | 32) <= 'z') ||
              (*q >= '0' && *q <= '9') || *q == '-' || *q == '_' || *q == ':'))
        out[k++] = (char)xc_lower((unsigned char)*q++);
      out[k] = 0;
      if (k) return 1;
    }
    s += 7;
  }
  return 0;
}

/* Maps labels to the names iconv knows, following the WHATWG aliases that
 * matter in practice: latin-1 and ascii mean windows-1252 on the web. */
static const char *iconv_name(const char *label) {
  static const char *w1252[] = {"iso-8859-1", "iso8859-1", "latin1",
                                "us-ascii", "ascii", "l1", "cp1252",
                                "windows-1252", "x-cp1252", NULL};
  for (int i = 0; w1252[i]; i++)
    if (strcmp(label, w1252[i]) == 0) return "WINDOWS-1252";
  if (strcmp(label, "utf8") == 0 || strcmp(label, "unicode-1-1-utf-8") == 0)
    return "UTF-8";
  if (strcmp(label, "x-sjis") == 0 || strcmp(label, "shift-jis") == 0)
    return "SHIFT_JIS";
  if (strcmp(label, "gb2312") == 0) return "GBK";
  return label;
}

/* Decodes src with iconv into UTF-8; undecodable bytes become U+FFFD.
 * Returns 0, or -1 when iconv does not know the charset. */
static int decode_iconv(const char *from, const char *src, size_t n,
                        xc_buf *out) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) return -1;
  char tmp[8192];
  char *in = (char *)src;
  size_t inleft = n;
  while (inleft > 0) {
    char *o = tmp;
    size_t oleft = sizeof tmp;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    xc_buf_put(out, tmp, sizeof tmp - oleft);
    if (r == (size_t)-1) {
      if (errno == E2BIG) continue;
      /* EILSEQ or EINVAL (truncated): replace one byte and go on */
      xc_buf_put(out, "\xEF\xBF\xBD", 3);
      in++, inleft--;
      iconv(cd, NULL, NULL, NULL, NULL);
    }
  }
  iconv_close(cd);
  return 0;
}

/* Does charset label keep the bytes 0x00-0x7F as ASCII (the one-byte
 * Windows, ISO-8859, KOI8, Mac and Thai sets, and EUC, GBK, GB18030,
 * Big5)? Not Shift_JIS (0x5C may be a yen sign), ISO-2022 (escapes in
 * ASCII), UTF-7/16/32 or EBCDIC. */
static int ascii_compatible(const char *label) {
  static const char *const prefixes[] = {"windows-", "iso-8859-", "iso8859", "koi8", "mac",
                                         "tis-620", "ibm874", "euc-", "gbk", "gb18030",
                                         "big5", NULL};
  for (int i = 0; prefixes[i]; i++)
    if (xc_strncaseeq(label, prefixes[i], strlen(prefixes[i]))) return 1;
  return 0;
}

/* Decodes p[0..n) into in->data. When *owned is p itself (a buffer the
 * caller malloc'd) and the bytes are already clean UTF-8, the buffer is
 * taken over instead of copied and *owned is set to NULL. */
static void decode(const char *p, size_t n, xc_input *in, char **owned) {
  xc_buf out;
  xc_buf_init(&out);
  const char *label = NULL;
  char declared[32] = "";

  if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
    p += 3, n -= 3;
    label = "utf-8";
  } else if (n >= 2 && (memcmp(p, "\xFF\xFE", 2) == 0 ||
                        memcmp(p, "\xFE\xFF", 2) == 0)) {
    label = (unsigned char)p[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    decode_iconv(label, p + 2, n - 2, &out);
    snprintf(in->charset, sizeof in->charset, "%s", label);
    in->data = xc_buf_detach(&out);
    in->len = strlen(in->data);
    return;
  }
  if (!label && html_declared_charset(p, n, declared, sizeof declared))
    label = iconv_name(declared);

  int multibyte; /* a valid multi-byte sequence: evidence of UTF-8 */
  size_t bad = xc_utf8_scan(p, n, &multibyte);
  int want_utf8 = !label || strcmp(label, "UTF-8") == 0 ||
                  strcmp(label, "utf-8") == 0;
  /* a page labelled with a legacy charset whose bytes are all valid UTF-8,
   * multi-byte sequences included, is UTF-8 mislabelled (common in the
   * wild; legacy text almost never forms valid UTF-8 by chance); one in
   * plain ASCII under a charset that keeps ASCII as it is reads the same
   * either way, without iconv */
  if (!want_utf8 && !bad &&
      (multibyte || ascii_compatible(label)))
    want_utf8 = 1;
  if (want_utf8 && bad && !multibyte)
    label = "WINDOWS-1252", want_utf8 = 0; /* undeclared legacy page */
  if (!want_utf8 && decode_iconv(label, p, n, &out) == 0) {
    snprintf(in->charset, sizeof in->charset, "%s", label);
  } else {
    snprintf(in->charset, sizeof in->charset, "utf-8");
    if (bad) {
      xc_utf8_sanitize(&out, p, n);
      in->repaired = 1;
    } else if (owned && *owned == p) {
      in->data = *owned;
      in->len = n;
      *owned = NULL;
      return;
    } else {
      xc_buf_put(&out, p, n);
    }
  }
  in->data = xc_buf_detach(&out);
  in->len = strlen(in->data); /* no NULs survive binary sniffing */
}

/* ---- format detection ---- */
static int starts_line(const char *p, size_t n, size_t i) {
  return i == 0 || (i < n && p[i - 1] == '\n');
}

static int has_front_matter(const char *p, size_t n) {
  if (n < 4 || memcmp(p, "---", 3) != 0 || (p[3] != '\n' && p[3] != '\r'))
    return 0;
  size_t i = 4, keys = 0, lines = 0;
  while (i < n && lines < 200) {
    const char *nl = memchr(p + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - p) : n;
    size_t len = e - i;
    if (len && p[i + len - 1] == '\r') len--;
    if ((len == 3 && (memcmp(p + i, "---", 3) == 0 ||
                      memcmp(p + i, "...", 3) == 0)))
      return keys > 0;
    const char *colon = memchr(p + i, ':', len);
    if (colon && colon > p + i && p[i] != ' ' && p[i] != '\t') keys++;
    lines++;
    i = e + 1;
  }
  return 0;
}

xc_format xc_ingest_detect(const char *p, size_t n) {
  size_t m = n < 16384 ? n : 16384;
  size_t i = 0;
  while (i < m && xc_is_space((unsigned char)p[i])) i++;
  if (has_front_matter(p + i, n - i)) return XC_FMT_MARKDOWN;
  /* one pass over the '<' of the first 16 KB: a root element decides;
   * otherwise enough common tags make it markup */
  static const char *const roots[] = {"!doctype html", "html", "head", "body",
                                      NULL};
  static const char *const tags[] = {"p>", "p ", "div", "br", "span", "a href",
                                     "/p>", "/div>", "table", "li>", NULL};
  size_t ntags = 0;
  for (const char *s = p, *e = p + m; (s = memchr(s, '<', (size_t)(e - s)));) {
    s++;
    size_t left = (size_t)(e - s);
    for (int k = 0; roots[k]; k++) {
      size_t l = strlen(roots[k]);
      if (left > l && xc_strncaseeq(s, roots[k], l) &&
          (s[l] == '>' || xc_is_space((unsigned char)s[l])))
        return XC_FMT_HTML;
    }
    for (int k = 0; tags[k]; k++) {
      size_t l = strlen(tags[k]);
      if (left >= l && xc_strncaseeq(s, tags[k], l)) {
        ntags++;
        break;
      }
    }
  }
  if (ntags >= 5) return XC_FMT_HTML;
  /* Markdown without front matter: headings plus inline syntax */
  size_t heads = 0, links = 0, emph = 0;
  for (size_t k = 0; k < m; k++) {
    if (p[k] == '#' && starts_line(p, m, k)) {
      size_t h = k;
      while (h < m && p[h] == '#') h++;
      if (h - k <= 6 && h < m && p[h] == ' ') heads++;
    } else if (p[k] == ']' && k + 1 < m && p[k + 1] == '(') {
      links++;
    } else if (p[k] == '*' && k + 1 < m && p[k + 1] == '*') {
      emph++, k++;
    }
  }
  if (heads >= 2 && links + emph >= 2) return XC_FMT_MARKDOWN;
  return XC_FMT_TEXT;
}

/* ---- loading ---- */
static int ingest(const char *path, const char *p, size_t n, char **owned,
                  xc_input *in, xc_err *err) {
  memset(in, 0, sizeof *in);
  if (n == 0) return xc_err_set(err, XC_EEMPTY, "empty file");
  if (n > XC_INGEST_MAX_BYTES)
    return xc_err_set(err, XC_ELIMIT, "file too large (%zu MB, limit %zu MB)",
                      n >> 20, XC_INGEST_MAX_BYTES >> 20);
  int utf16 = n >= 2 && (memcmp(p, "\xFF\xFE", 2) == 0 ||
                         memcmp(p, "\xFE\xFF", 2) == 0);
  const char *kind = utf16 ? NULL : binary_kind((const unsigned char *)p, n);
  if (kind) return xc_err_set(err, XC_EFORMAT, "not text: %s", kind);
  char *clean = NULL;
  if (!utf16 && memchr(p, 0, n)) {
    clean = xc_xmalloc(n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
      if (p[i]) clean[k++] = p[i];
    p = clean, n = k;
  }
  decode(p, n, in, owned);
  free(clean);
  xc_slice t = xc_trim(in->data, in->len);
  if (t.n == 0) {
    xc_input_release(in);
    return xc_err_set(err, XC_EEMPTY, "no text (only white space)");
  }
  in->path = xc_xstrdup(path ? path : "-");
  in->format = xc_ingest_detect(in->data, in->len);
  return 0;
}

int xc_ingest_bytes(const char *path, const char *p, size_t n, xc_input *in,
                    xc_err *err) {
  return ingest(path, p, n, NULL, in, err);
}

/* Reads the open file fd (fstat gave st) into b: one read of the size
 * fstat gave plus a byte, so a file of the expected size needs one call; a
 * file that grew meanwhile (or is not regular) is read to its end in
 * further chunks. Returns 0, or -1 on a read error. */
static int read_all(int fd, const struct stat *st, xc_buf *b) {
  int sized = S_ISREG(st->st_mode) && st->st_size > 0;
  size_t want = sized ? (size_t)st->st_size + 1 : 65536;
  for (;;) {
    xc_buf_reserve(b, want);
    ssize_t k = read(fd, b->p + b->n, want);
    if (k < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    b->n += (size_t)k;
    b->p[b->n] = 0;
    if (k == 0 || b->n > XC_INGEST_MAX_BYTES) return 0;
    if (sized && b->n == (size_t)st->st_size) return 0; /* all of it */
    want = 65536;
  }
}

int xc_ingest_load(const char *path, xc_input *in, xc_err *err) {
  memset(in, 0, sizeof *in);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return xc_err_set(err, XC_EIO, "%s", strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) memset(&st, 0, sizeof st); /* size unknown */
  if (S_ISDIR(st.st_mode)) {
    close(fd);
    return xc_err_set(err, XC_EIO, "is a directory");
  }
  if ((size_t)st.st_size > XC_INGEST_MAX_BYTES) {
    close(fd);
    return xc_err_set(err, XC_ELIMIT, "file too large (%lld MB, limit %zu MB)",
                      (long long)st.st_size >> 20, XC_INGEST_MAX_BYTES >> 20);
  }
  xc_buf b;
  xc_buf_init(&b);
  int rerr = read_all(fd, &st, &b);
  close(fd);
  if (rerr) {
    xc_buf_release(&b);
    return xc_err_set(err, XC_EIO, "read error");
  }
  if (b.n > XC_INGEST_MAX_BYTES) {
    xc_buf_release(&b);
    return xc_err_set(err, XC_ELIMIT, "file too large (limit %zu MB)",
                      XC_INGEST_MAX_BYTES >> 20);
  }
  char *owned = b.p;
  int rc = ingest(path, b.p ? b.p : "", b.n, &owned, in, err);
  if (owned) xc_buf_release(&b); /* not taken over by decode */
  return rc;
}

/* ---- walking ---- */
/* A folder entry: its name and the type readdir reported (DT_UNKNOWN when
 * the file system does not say). */
typedef struct {
  char *name;
  unsigned char type;
} dir_entry;

static int cmp_entry(const void *a, const void *b) {
  return strcmp(((const dir_entry *)a)->name, ((const dir_entry *)b)->name);
}

static int walk(const char *path, int depth, const struct stat *known,
                xc_walk_fn fn, xc_walk_err_fn on_error, void *ctx);

/* Walks the entries of folder path, in name order, skipping hidden ones. */
static int walk_dir(const char *path, int depth, xc_walk_fn fn,
                    xc_walk_err_fn on_error, void *ctx) {
  DIR *d = opendir(path);
  if (!d) {
    if (on_error) on_error(path, strerror(errno), ctx);
    return 1;
  }
  dir_entry *v = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      v = xc_xrealloc(v, cap * sizeof *v);
    }
#ifdef DT_REG
    v[n++] = (dir_entry){xc_xstrdup(e->d_name), e->d_type};
#else
    v[n++] = (dir_entry){xc_xstrdup(e->d_name), 0}; /* unknown: stat it */
#endif
  }
  closedir(d);
  if (n) qsort(v, n, sizeof *v, cmp_entry);
  int errs = 0;
  xc_buf child;
  xc_buf_init(&child);
  /* a regular file (not a link) needs no stat: readdir said what it is */
  struct stat reg;
  memset(&reg, 0, sizeof reg);
  reg.st_mode = S_IFREG;
  for (size_t i = 0; i < n; i++) {
    xc_buf_clear(&child);
    xc_buf_puts(&child, path);
    if (child.n && child.p[child.n - 1] != '/') xc_buf_putc(&child, '/');
    xc_buf_puts(&child, v[i].name);
#ifdef DT_REG
    const struct stat *known = v[i].type == DT_REG ? &reg : NULL;
#else
    const struct stat *known = NULL;
#endif
    errs += walk(child.p, depth + 1, known, fn, on_error, ctx);
    free(v[i].name);
  }
  xc_buf_release(&child);
  free(v);
  return errs;
}

/* Visits path, whose stat is *known when the caller has it. */
static int walk(const char *path, int depth, const struct stat *known,
                xc_walk_fn fn, xc_walk_err_fn on_error, void *ctx) {
  struct stat st;
  if (known) st = *known;
  else if (stat(path, &st) != 0) {
    if (on_error) on_error(path, strerror(errno), ctx);
    return 1;
  }
  if (S_ISREG(st.st_mode)) {
    fn(path, ctx);
    return 0;
  }
  if (!S_ISDIR(st.st_mode)) {
    if (on_error) on_error(path, "not a regular file", ctx);
    return 1;
  }
  if (depth > 64) {
    if (on_error) on_error(path, "folders nested too deep (symlink loop?)", ctx);
    return 1;
  }
  return walk_dir(path, depth, fn, on_error, ctx);
}

int xc_ingest_walk(const char *path, xc_walk_fn fn, xc_walk_err_fn on_error,
                   void *ctx) {
  return walk(path, 0, NULL, fn, on_error, ctx);
}
