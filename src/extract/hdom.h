/* hdom.h - a fast, forgiving HTML tree for extraction: elements with
 * lower-case names and decoded attributes, text nodes with decoded text.
 * Built in one pass by a tokenizer that follows the HTML5 rules that matter
 * for reading (raw text in script/style, implied end tags of p, li, dt/dd,
 * table rows and cells, void elements, a depth cap), not the whole tree
 * construction algorithm. Everything lives in one arena per document, or
 * in the parsed buffer itself. */
#ifndef XC_HDOM_H
#define XC_HDOM_H

#include "../core/core.h"

/* Ids of the attribute names hdom interns (xc_hattr.id): the ones
 * extraction reads (from XC_A_CONTENT on, only as strings: see
 * XC_HDOM_EXTRACT), then common ones that are only skipped. */
enum {
  XC_A_CLASS = 1, XC_A_ID, XC_A_ITEMPROP, XC_A_ROLE, XC_A_REL, XC_A_HIDDEN,
  XC_A_ARIA_HIDDEN, XC_A_STYLE, XC_A_TYPE, XC_A_CONTENT, XC_A_NAME,
  XC_A_PROPERTY, XC_A_HTTP_EQUIV, XC_A_HREF, XC_A_LANG, XC_A_XML_LANG,
  XC_A_DATETIME,
  XC_A_NKNOWN_READ /* ids from here on name attributes nobody reads */
};

typedef struct xc_hattr {
  const char *name;  /* lower case, NUL-terminated */
  const char *value; /* decoded, len bytes, NOT NUL-terminated: it may point
                        into the parsed buffer ("" when absent) */
  uint32_t len;
  uint8_t id;   /* XC_A_* for a name hdom knows, 0 for any other */
  uint8_t refs; /* value is NOT decoded: it still holds character
                   references (XC_HDOM_EXTRACT only); read it with
                   xc_hdom_attr_text */
} xc_hattr;

typedef struct xc_hnode xc_hnode;
struct xc_hnode {
  xc_hnode *parent, *first, *last, *next;
  const char *name; /* element: lower-case tag name; NULL for a text node */
  const char *text; /* text node: decoded UTF-8 (raw for script/style),
                       text_len bytes, NOT NUL-terminated: it may point into
                       the parsed buffer */
  uint32_t text_len;
  uint16_t nattr;
  uint16_t depth;
  uint8_t tag;      /* xc_hdom_tag_id(name): 0 for text and unknown tags */
  uint8_t space;    /* XC_HSPACE_* (XC_HDOM_EXTRACT only) */
  xc_hattr *attr;
};

/* Bits of xc_hnode.space. A tree built with XC_HDOM_EXTRACT has no text
 * nodes of white space only (the single " " the other trees keep between
 * tags, which separates inline words): the node after such a blank carries
 * XC_HSPACE_BEFORE, and an element whose last child it was carries
 * XC_HSPACE_END. Two thirds of a page's text nodes are such blanks. A
 * reader of text treats each bit as a " " text node in that place. */
enum { XC_HSPACE_BEFORE = 1, XC_HSPACE_END = 2 };

/* Elements nested deeper than this are attached to the deepest allowed
 * ancestor instead (keeps 100,000 nested <div>s linear and shallow). */
#define XC_HDOM_MAX_DEPTH 256

typedef struct xc_hdom {
  xc_hnode *root; /* a synthetic "#document" element */
  size_t nelements, ntext;
  xc_arena arena;
} xc_hdom;

/* Parses UTF-8 HTML p[0..n) into dom (zeroed by the call). Never fails on
 * content; release with xc_hdom_release. Text and attribute values point
 * into p where they need no decoding: p must outlive the tree. */
void xc_hdom_parse(xc_hdom *dom, const char *p, size_t n);

/* Flags of xc_hdom_parse_flags. XC_HDOM_EXTRACT builds the tree for
 * extraction: only the attributes it reads are kept (ids below
 * XC_A_NKNOWN_READ; at most 64 of them), the values of ids from
 * XC_A_CONTENT on, read only as strings, keep their character references
 * (xc_hattr.refs) until xc_hdom_attr_text decodes them, and white-space
 * text nodes become XC_HSPACE_* bits. */
enum { XC_HDOM_EXTRACT = 1 };

/* xc_hdom_parse with opts, a set of XC_HDOM_* flags. */
void xc_hdom_parse_flags(xc_hdom *dom, const char *p, size_t n, unsigned opts);

/* Small id of a known element name (lower case), 0 when unknown: nodes
 * compare by n->tag == xc_hdom_tag_id("p") without string compares. */
uint8_t xc_hdom_tag_id(const char *name);

/* Frees the whole tree. */
void xc_hdom_release(xc_hdom *dom);

/* Appends the value of a, decoded, to out. */
void xc_hdom_attr_text(const xc_hattr *a, xc_buf *out);

/* Attribute name (lower case) of element n, or NULL. */
const xc_hattr *xc_hdom_attr(const xc_hnode *n, const char *name);

/* Attribute with interned id (XC_A_*) of element n, or NULL. */
const xc_hattr *xc_hdom_attr_id(const xc_hnode *n, uint8_t id);

/* Next node in document order below root (pre-order), or NULL; pass
 * skip_children to step over n's subtree. Iterative: no recursion. */
xc_hnode *xc_hdom_next(const xc_hnode *root, const xc_hnode *n,
                       int skip_children);

/* Decodes character references in p[0..n) (named, decimal, hex; windows-1252
 * remapping of 128..159 as HTML5 does) and appends the UTF-8 to out. */
void xc_html_unescape(xc_buf *out, const char *p, size_t n);

#endif
