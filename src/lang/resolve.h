/* resolve.h - entity resolution: one entity per real person or body,
 * within a document and across the documents of a story, from the
 * tagger's mentions (lang.h). Titles, ranks and roles around a person's
 * name are kept apart from the name; spellings are matched by a folded
 * skeleton of each name word; acronyms join the names they abbreviate;
 * demonyms join their country. */
#ifndef XC_RESOLVE_H
#define XC_RESOLVE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/core.h"
#include "lang/lang.h"

/* One resolved entity. Every pointer is owned by the resolver and lives
 * until xc_resolve_free. */
typedef struct xc_entity {
  const char *name;           /* display name: the fullest form seen, titles stripped */
  int type;                   /* XC_NER_PER, XC_NER_ORG, XC_NER_LOC or XC_NER_MISC */
  const char *const *aliases; /* other surface forms of the name, first seen first */
  size_t naliases;
  const char *const *demonyms; /* of a place: demonyms linked to it ("Ukrainian") */
  size_t ndemonyms;
  const char *const *titles; /* of a person: ranks and honorifics ("Lt. Gen.", "Mr.") */
  size_t ntitles;
  const char *const *roles; /* of a person: offices ("Foreign Minister",
                               "deputy head of the GRU") */
  size_t nroles;
  const uint32_t *docs; /* indexes of the documents it occurs in, ascending */
  size_t ndocs;
  size_t nmentions; /* mentions resolved to it, demonyms included */
} xc_entity;

typedef struct xc_resolver xc_resolver;

/* A resolver for one story, empty. Free with xc_resolve_free. */
xc_resolver *xc_resolve_new(void);
/* Frees r and every entity it made; NULL does nothing. */
void xc_resolve_free(xc_resolver *r);

/* Adds document number doc (any index, each once) with its text[0..n)
 * and its analysis d (tokens, sentences and mentions of that text; d and
 * text may be freed afterwards). Resolves the document's mentions among
 * themselves. Returns 0, or XC_EINVAL when doc was added before, the
 * resolver is finished, or a mention lies outside the tokens or text. */
int xc_resolve_add(xc_resolver *r, uint32_t doc, const char *text, size_t n, const xc_lang_doc *d);

/* Resolves across the documents added and builds the entities; later
 * calls do nothing. */
void xc_resolve_finish(xc_resolver *r);

/* Number of entities (0 before xc_resolve_finish). Entities are in the
 * order of their first mention (documents in the order added). */
size_t xc_resolve_count(const xc_resolver *r);
/* Entity i (< xc_resolve_count), owned by r. */
const xc_entity *xc_resolve_entity(const xc_resolver *r, size_t i);

/* The entity index of mention number mention of document doc, or -1 when
 * it has none (a title tagged alone, such as "Lt.", or an unknown
 * document or mention). Valid after xc_resolve_finish. */
long xc_resolve_mention(const xc_resolver *r, uint32_t doc, size_t mention);

/* Appends the spelling skeleton of one name word p[0..n) to out: case
 * folded, accents stripped, letters and digits only, then the
 * transliteration folds of resolve.c ("Alekseyev" and "Alekseev" both
 * give "alexev"). Exposed for tests. */
void xc_resolve_skeleton(const char *p, size_t n, xc_buf *out);

#endif
