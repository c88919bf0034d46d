/* crosscheck.h - the public API: run the pipeline over a set of reports in
 * memory and read the result. The command line (src/cli) and later the store
 * and the web server are built on these calls alone.
 *
 *   xc_analysis *a = xc_analysis_new();
 *   xc_analysis_add_file(a, "report.html", &err);   // per input
 *   xc_analysis_finish(a);                           // copies, stories, checks
 *   ... read a->docs, a->stories ...
 *   xc_analysis_free(a);
 */
#ifndef CROSSCHECK_H
#define CROSSCHECK_H

#include <stddef.h>
#include <stdint.h>

#include "../src/check/claims.h"
#include "../src/check/roles.h"
#include "../src/check/story_quotes.h"
#include "../src/check/timeline.h"
#include "../src/core/core.h"
#include "../src/extract/extract.h"

#define XC_ID_LEN 12 /* hex digits in document and story ids */

/* A highlighted span of a report's text (the document page): an entity
 * mention, a quote or a time expression. */
enum { XC_MARK_PER, XC_MARK_ORG, XC_MARK_LOC, XC_MARK_MISC, XC_MARK_QUOTE, XC_MARK_TIME };
typedef struct xc_mark {
  uint32_t start, end; /* byte offsets into the text, end exclusive */
  uint8_t kind;        /* XC_MARK_* */
  char label[48];      /* a time's TimeML value, a quote's speaker, or "" */
} xc_mark;

/* Static name of a mark kind ("person", "org", "place", "misc", "quote",
 * "time"). */
const char *xc_mark_name(int kind);

/* One report after extraction. Owned by its analysis. */
typedef struct xc_document {
  char id[XC_ID_LEN + 1]; /* from the content: same bytes, same id */
  char *path;
  const char *format;   /* "html", "markdown", "text" (static) */
  xc_extracted x;       /* title, dates, authors, text, ... */
  int copy_of;          /* index of the document this copies, or -1 */
  int story;            /* index into stories, or -1 before finish */
  xc_mark *marks;       /* its mentions, quotes and times in text order, made
                           by the story stage (none for a kept story's) */
  size_t nmarks;
} xc_document;

struct xc_resolver;

/* One story: reports of the same event. Owned by its analysis. */
typedef struct xc_story {
  char id[XC_ID_LEN + 1];
  char *title;
  char *date;     /* YYYY-MM-DD of the core event, or NULL */
  int *docs;      /* indexes into the analysis' documents */
  size_t ndocs;
  struct xc_resolver *entities; /* its named entities (src/lang/resolve.h) */
  size_t *entity_order;         /* entity indexes, most documents first */
  size_t nentities;
  xc_timeline timeline;         /* dated sentences of its reports, by date */
  xc_story_quotes quotes;       /* its direct quotes, merged across reports */
  xc_claims *claims;            /* its facts and disputes (src/check/claims.h) */
  double *grounding; /* per report (as docs): share of its statements and quotes
                        another independent source supports; -1 when it has none */
  int *role;         /* per report (as docs): XC_ROLE_* (src/check/roles.h) */
  int *related;   /* indexes of stories of events its reports recall, or
                     of look-alike events kept apart from it */
  size_t nrelated;
  int kept;       /* set by a cache's grouped(): the caller keeps this
                     story's brief from an earlier run, so it has no
                     entities, quotes, claims, timeline or sources (do not
                     render it; its id, title, date, docs, related hold) */
} xc_story;

struct xc_analysis;

/* Hooks for a caller that keeps results between runs (the store): what
 * an earlier run computed is not computed again. All optional. */
typedef struct xc_analysis_cache {
  void *ctx;
  /* report doc's event signature as packed before (xc_evsig_pack), or
   * NULL; *n receives its size. */
  const void *(*get_sig)(void *ctx, size_t doc, size_t *n);
  /* report doc's signature, just made (packed): keep it for next time */
  void (*put_sig)(void *ctx, size_t doc, const void *p, size_t n);
  /* once the stories are grouped (reports, copy links, related stories,
   * ids, titles and dates known) and before their cross-check: may change
   * story ids and set `kept` on the stories it has briefs for */
  void (*grouped)(void *ctx, struct xc_analysis *a);
} xc_analysis_cache;

/* Called as long work goes on (the store's progress bar): stage names the
 * step ("reports", "stories"), done of total items finished. */
typedef void (*xc_progress_fn)(void *ctx, const char *stage, size_t done, size_t total);

typedef struct xc_analysis {
  xc_document *docs;
  size_t ndocs, capdocs;
  xc_story *stories;
  size_t nstories;
  int finished;
  uint64_t *ids;   /* open-addressing set of document id hashes */
  size_t idcap, nids;
  xc_progress_fn progress; /* optional, set before finish */
  void *progress_ctx;
  const xc_analysis_cache *cache; /* optional, set before finish */
  size_t lang_keep; /* bytes of text whose language analyses are kept from
                       grouping to the cross-check (0: XC_LANG_KEEP); past
                       it, a report is analysed again for its story, and
                       memory stays bounded (about 20 times the text kept) */
} xc_analysis;

#define XC_LANG_KEEP ((size_t)32 << 20)

/* A new empty analysis; free with xc_analysis_free. */
xc_analysis *xc_analysis_new(void);

/* Loads, decodes and extracts the file at path and appends it. Returns 0, or
 * a negative XC_E* code with the reason in err (the analysis is unchanged). */
int xc_analysis_add_file(xc_analysis *a, const char *path, xc_err *err);

/* Appends an input already in memory (bytes are copied). */
int xc_analysis_add_bytes(xc_analysis *a, const char *path, const char *p,
                          size_t n, xc_err *err);

/* The id an input's bytes get (what xc_analysis_add_bytes gives the first
 * document of that content), without extracting it: 0, or a negative
 * XC_E* when the input is rejected before extraction (empty, binary). */
int xc_content_id(const char *path, const char *p, size_t n, char out[XC_ID_LEN + 1], xc_err *err);

/* Appends a report extracted before (a store's copy of what
 * xc_analysis_add_* made): id, path, format name ("html", ...) and every
 * field of x are copied. */
void xc_analysis_add_extracted(xc_analysis *a, const char *id, const char *path,
                               const char *format, const xc_extracted *x);

/* Finds copies, groups documents into stories and orders them. Call once,
 * after the last add. */
void xc_analysis_finish(xc_analysis *a);

/* Frees the analysis and everything in it; NULL is fine. */
void xc_analysis_free(xc_analysis *a);

/* Renders the analysis as the JSON contract object (SPEC.md) onto out. */
void xc_brief_json(const xc_analysis *a, xc_buf *out, int pretty);

/* Renders the analysis as a Markdown brief onto out. */
void xc_brief_markdown(const xc_analysis *a, xc_buf *out);

/* The same brief as one self-contained HTML page (no external asset; all
 * report text escaped). */
void xc_brief_html(const xc_analysis *a, xc_buf *out);

/* One story (index si) alone, as the analysis renders it whole: its
 * element of "stories" (pretty, indented to sit depth levels deep, as
 * xc_json_init_at); the Markdown brief; the self-contained HTML page.
 * Appended to out. */
void xc_brief_story_object(const xc_analysis *a, size_t si, xc_buf *out, int depth);
void xc_brief_story_markdown(const xc_analysis *a, size_t si, xc_buf *out);
void xc_brief_story_html(const xc_analysis *a, size_t si, xc_buf *out);

/* Story si for the web's story page (an HTML fragment, no <html> or
 * style): the brief, then the source matrix (which independent source
 * says, contradicts or lacks each disputed point and shared fact) and the
 * timeline drawn as SVG. Every piece of report text is escaped. */
void xc_brief_story_page(const xc_analysis *a, size_t si, xc_buf *out);

/* Writes one document as the `extract` JSON Lines object (no newline). */
void xc_brief_extract_line(const xc_document *d, xc_buf *out);

#endif
