/* name.c - the speaker's name: a name's entity from the resolver; a
 * pronoun's antecedent, the first person named before it that agrees in
 * gender, sentence by sentence backwards and left to right within a
 * sentence (subjects first, as in Hobbs' search); a definite description
 * ("the general", "the spokeswoman") the last entity holding that title
 * or role; else the words as written ("a former senior official"). */
#include <string.h>
#include <strings.h>

#include "quote/quote_int.h"

static const xc_entity *entity_of(const qctx *c, int32_t m, long *e) {
  *e = -1;
  if (m < 0 || !c->r) return NULL;
  *e = xc_resolve_mention(c->r, c->doc, (size_t)m);
  return *e >= 0 ? xc_resolve_entity(c->r, (size_t)*e) : NULL;
}

/* The gender an entity's titles and roles show: QG_M, QG_F or 0. */
static unsigned entity_gender(const xc_entity *en) {
  static const char *const male[] = {"mr", "mr.", "sir", "lord", "king", "prince", "father", NULL};
  static const char *const female[] = {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame",
                                       "lady", "queen", "princess", "mother", NULL};
  for (size_t i = 0; i < en->ntitles; i++) {
    for (size_t k = 0; male[k]; k++)
      if (!strcasecmp(en->titles[i], male[k])) return QG_M;
    for (size_t k = 0; female[k]; k++)
      if (!strcasecmp(en->titles[i], female[k])) return QG_F;
  }
  for (size_t i = 0; i < en->nroles; i++) {
    const char *r = en->roles[i];
    if (strstr(r, "woman") || strstr(r, "women") || strstr(r, "wife") || strstr(r, "mother") ||
        strstr(r, "daughter") || strstr(r, "sister"))
      return QG_F;
    if (strstr(r, "spokesman") || strstr(r, "chairman") || strstr(r, "congressman") ||
        strstr(r, "husband") || strstr(r, "father") || strstr(r, "son of") || strstr(r, "brother"))
      return QG_M;
  }
  return 0;
}

static unsigned gender_of(qctx *c, long e) {
  if (e < 0 || (size_t)e >= c->nent) return 0;
  if (c->egender[e] == 0xFF) {
    const xc_entity *en = xc_resolve_entity(c->r, (size_t)e);
    c->egender[e] = (uint8_t)entity_gender(en);
  }
  return c->egender[e];
}

/* The entity a pronoun at token p refers to: the first person named
 * before it, sentence by sentence backwards, left to right within a
 * sentence (subjects first), outside quotes, agreeing in gender; a
 * possessor ("Smith's") only when nothing else fits. -1 when none. */
static long pronoun_antecedent(qctx *c, uint32_t p, unsigned g) {
  if (!(g & (QG_M | QG_F | QG_P | QG_N)) || !c->r) return -1;
  int want_org = (g & (QG_P | QG_N)) != 0;
  uint32_t sp = c->sent_of[p];
  for (int pass = 0; pass < 2; pass++) {
    for (uint32_t s = sp + 1; s-- > 0 && sp - s < (want_org ? 3u : 12u);) {
      /* a bounded look back: sentences can be a whole page long */
      uint32_t from = c->s[s].tok;
      if (p > 1500 && from < p - 1500) from = p - 1500;
      if (from >= c->s[s].tok_end) break;
      for (uint32_t i = from; i < c->s[s].tok_end && i < p; i++) {
        int32_t m = c->mention_of[i];
        if (m < 0 || (uint32_t)c->d->mentions[m].tok != i || xc_q_in_quote(c, i)) continue;
        const xc_mention *mm = &c->d->mentions[m];
        if (want_org ? mm->type != XC_NER_ORG : mm->type != XC_NER_PER) continue;
        if (pass == 0 && xc_q_clitic_s(c, mm->tok_end)) continue;
        long e;
        if (!entity_of(c, m, &e)) continue;
        if (!want_org) {
          unsigned eg = gender_of(c, e);
          if (eg && !(eg & g)) continue;
          if (!eg && (size_t)e < c->nent) c->egender[e] = (uint8_t)(g & (QG_M | QG_F));
        }
        return e;
      }
    }
  }
  return -1;
}

/* Words of a title or role, abbreviations spelt out, compared with the
 * head word h (lower case). */
static int role_has(const char *role, const char *h) {
  static const char *const abbr[][2] = {
      {"gen", "general"},  {"sen", "senator"},   {"rep", "representative"}, {"gov", "governor"},
      {"lt", "lieutenant"}, {"col", "colonel"},  {"adm", "admiral"},        {"sgt", "sergeant"},
      {"capt", "captain"}, {"maj", "major"},     {"pres", "president"},     {"sec", "secretary"},
      {"dr", "doctor"},    {"prof", "professor"}, {"rev", "reverend"},      {"supt", "superintendent"},
      {"gov.", "governor"}};
  const char *p = role;
  while (*p) {
    while (*p == ' ') p++;
    size_t n = strcspn(p, " ");
    size_t m = n;
    while (m && p[m - 1] == '.') m--;
    char w[40];
    if (m && m < sizeof w) {
      for (size_t i = 0; i < m; i++) w[i] = (char)xc_lower((unsigned char)p[i]);
      w[m] = 0;
      if (!strcmp(w, h)) return 1;
      for (size_t i = 0; i < sizeof abbr / sizeof abbr[0]; i++)
        if (!strcmp(w, abbr[i][0]) && !strcmp(abbr[i][1], h)) return 1;
    }
    p += n;
  }
  return 0;
}

static int entity_has_role(const xc_entity *en, const char *h) {
  for (size_t i = 0; i < en->ntitles; i++)
    if (role_has(en->titles[i], h)) return 1;
  for (size_t i = 0; i < en->nroles; i++)
    if (role_has(en->roles[i], h)) return 1;
  if (en->type == XC_NER_ORG && role_has(en->name, h)) return 1;
  return 0;
}

/* A definite description ("the general", "the former president", "the
 * department"): the last entity before it with that title or role. */
static long description_antecedent(qctx *c, const qnp *np) {
  uint32_t a = np->a;
  if (!c->r || !xc_q_is(c, a, "the")) return -1;
  uint32_t h = np->head;
  size_t n = c->t[h].end - c->t[h].start;
  char w[40];
  if (n >= sizeof w) return -1;
  for (size_t i = 0; i < n; i++) w[i] = (char)xc_lower((unsigned char)c->text[c->t[h].start + i]);
  w[n] = 0;
  for (uint32_t i = a; i-- > 0 && a - i < 3000;) {
    int32_t m = c->mention_of[i];
    if (m < 0 || (uint32_t)c->d->mentions[m].tok != i) continue;
    long e;
    const xc_entity *en = entity_of(c, m, &e);
    if (en && (en->type == XC_NER_PER || en->type == XC_NER_ORG) && entity_has_role(en, w)) return e;
  }
  return -1;
}

/* Appends text[a..b) with white space collapsed. */
static void put_collapsed(xc_buf *out, const char *p, size_t n) {
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    if (xc_is_space((unsigned char)p[i])) {
      space = out->n > 0;
      continue;
    }
    if (space) xc_buf_putc(out, ' '), space = 0;
    xc_buf_putc(out, p[i]);
  }
}

void xc_q_speaker_name(qctx *c, const qnp *np, long *entity, int *type, int *described) {
  xc_buf_clear(&c->scratch);
  *entity = -1, *type = -1, *described = 0;
  const xc_entity *en = NULL;
  long e = -1;
  if (np->kind == NP_NAME) {
    en = entity_of(c, np->mention, &e);
    if (!en) { /* a title alone ("Lt."): the phrase as written */
      const xc_mention *m = &c->d->mentions[np->mention];
      put_collapsed(&c->scratch, c->text + m->start, m->end - m->start);
      *type = m->type;
      return;
    }
  } else if (np->kind == NP_REL) {
    if (np->mention >= 0) en = entity_of(c, np->mention, &e);
    if (!en) {
      put_collapsed(&c->scratch, c->text + c->t[np->ra].start, c->t[np->rb - 1].end - c->t[np->ra].start);
      *described = 1;
      return;
    }
  } else if (np->kind == NP_PRON) {
    e = pronoun_antecedent(c, np->a, c->gen[np->a]);
    if (e >= 0) en = xc_resolve_entity(c->r, (size_t)e);
  } else if (np->kind == NP_DESC) {
    e = description_antecedent(c, np);
    if (e >= 0) en = xc_resolve_entity(c->r, (size_t)e);
  }
  if (en) {
    xc_buf_puts(&c->scratch, en->name);
    *entity = e, *type = en->type;
    return;
  }
  if (np->kind == NP_DESC) *described = 1;
  uint32_t a = c->t[np->a].start, b = c->t[np->b - 1].end;
  put_collapsed(&c->scratch, c->text + a, b - a);
}
