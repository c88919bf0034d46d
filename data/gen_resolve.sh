#!/bin/sh
# data/gen_resolve.sh - makes data/resolve.tsv, the word lists of entity
# resolution (src/lang/resolve.c), from pinned data packages:
#   compromise 14.17.0 (npm; MIT, (c) Spencer Kelly): its lexicon's
#     Honorific words ("gen", "lt", "mr"; of its phrases "lieutenant
#     general" only the last word), Actor words ("minister", "president"),
#     function words (Determiner, Preposition, Conjunction) and other
#     words that end a title (Pronoun, Copula, Modal, verbs in the past or
#     present tense, Adverb, QuestionWord, Negative); its tags also tell
#     which WordNet nouns are mostly adverbs, verbs or comparatives
#     ("better": not a role)
#   world-countries 5.1.0 (npm; ODbL 1.0, and so is the derived country and
#     demonym part of this file): common and official names, alternative
#     spellings and English demonyms of every country
#   WordNet 3.0 (Debian package wordnet-base; WordNet 3.0 licence,
#     (c) 2006 Princeton University, see /usr/share/doc/wordnet-base/copyright):
#     the one-word nouns below a few synsets, hyponyms only (no instances):
#     ranks below "military officer" and "title, form of address"; roles
#     below "leader", "official", "spokesperson", "diplomat", "politician",
#     "legislator", "administrator", "executive" and "lawman"
#   wamerican (Debian; SCOWL, permissive licence, see
#     /usr/share/doc/wamerican/copyright): lower-case English words
# Output lines, sorted and unique, after a banner:
#   honorific<TAB>word   a title or form of address in front of a name
#   rank<TAB>word        a military or police rank ("general", "colonel")
#   role<TAB>word        an office or job ("minister", "spokesman")
#   fn<TAB>word          a determiner, preposition or conjunction ("of")
#   stop<TAB>word        a pronoun, verb or adverb: ends a title or role
#   country<TAB>name<TAB>Canonical   a name of a country and its common name
#   demonym<TAB>word<TAB>Canonical   "Ukrainian", "Ukrainians" -> Ukraine
# A country's names are its common and official names; its alternative
# spellings, but not its ISO code (unless it is the initials of the
# common name: "US", "NZ", "HK") nor one, other than a code in capitals,
# that is a lower-case English word once accents are stripped ("Ísland");
# and each capitalised word of those that starts with the first four
# letters of its one-word demonym and is not the demonym itself
# ("Britain" from "Great Britain": British; "America": American; not
# "Russian" from "Russian Federation", nor "Africa" from "South Africa").
# A name or demonym that belongs to two countries ("Korea", "Congolese")
# is left out unless just one of them is a UN member ("American": the
# United States).
# Needs node, npm, wordnet-base and wamerican (apt-get install nodejs npm
# wordnet-base wamerican); run from the repo root:
#   sh data/gen_resolve.sh
set -e
OUT=$(pwd)/data/resolve.tsv
WN=/usr/share/wordnet/data.noun
[ -f "$WN" ] || { echo "wordnet-base missing" >&2; exit 1; }
[ -f /usr/share/dict/american-english ] || { echo "wamerican missing" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm install --silent --no-audit --no-fund compromise@14.17.0 world-countries@5.1.0 >/dev/null
cat > gen.mjs <<'JS'
import nlp from 'compromise';
import fs from 'fs';
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const countries = require('world-countries');

/* WordNet 3.0 synsets (data.noun byte offsets) whose hyponyms are read */
const RANK_ROOTS = { '10317007': 'military officer' };
const TITLE_ROOTS = { '06339416': 'title, form of address' }; /* "Mister", "Herr" */
const ROLE_ROOTS = {
  '09623038': 'leader', '10372373': 'official, functionary',
  '10638385': 'spokesperson', '10013927': 'diplomat',
  '10450303': 'politician', '10253995': 'legislator',
  '09770472': 'administrator', '10069645': 'executive',
  '10249459': 'lawman, law officer',
};
const syn = new Map();
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!line || line.startsWith('  ')) continue;
  const f = line.split(' ');
  const words = [];
  let i = 4;
  for (let k = 0, wc = parseInt(f[3], 16); k < wc; k++, i += 2)
    words.push(f[i].replace(/\(.*\)$/, ''));
  const hypo = [];
  for (let k = 0, pc = parseInt(f[i++], 10); k < pc; k++, i += 4)
    if (f[i] === '~' && f[i + 3] === '0000') hypo.push(f[i + 1]);
  syn.set(f[0], { words, hypo });
}
function below(roots, caps) {
  const out = new Set(), stack = Object.keys(roots);
  while (stack.length) {
    const s = syn.get(stack.pop());
    if (!s) throw new Error('WordNet synset missing');
    const ok = caps ? /^[A-Za-z]{3,}$/ : /^[a-z]{3,}$/;
    for (const w of s.words) if (ok.test(w)) out.add(w.toLowerCase());
    stack.push(...s.hypo);
  }
  return out;
}

const lines = new Set();
const word = w => /^[a-z]+$/.test(w);
const lex = nlp.world().model.one.lexicon;
const rank = new Set([...below(RANK_ROOTS, false), ...below(TITLE_ROOTS, true)]);
const role = below(ROLE_ROOTS, false), honorific = new Set(), stop = new Set();
const FN_TAGS = new Set(['Determiner', 'Preposition', 'Conjunction']);
const STOP_TAGS = new Set(['Pronoun', 'Copula', 'Modal', 'PastTense', 'PresentTense', 'Adverb',
  'QuestionWord', 'Negative']);
const fn = new Set(), actor = new Set();
/* WordNet nouns that are mostly other words ("better", "count") */
const NOT_ROLE_TAGS = new Set(['Comparative', 'Superlative', 'Adverb', 'PresentTense',
  'PastTense', 'Copula', 'Modal']);
for (const [w, t] of Object.entries(lex)) {
  const tags = Array.isArray(t) ? t : [t];
  if (tags.includes('Honorific')) {
    const last = w.split(' ').pop();
    if (w.includes(' ')) rank.add(last);
    else if (word(w)) honorific.add(w);
  }
  if (tags.includes('Actor') && word(w) && w.length > 2) actor.add(w);
  else if (tags.some(x => NOT_ROLE_TAGS.has(x))) role.delete(w);
  if (tags.some(x => STOP_TAGS.has(x)) && word(w)) stop.add(w);
  else if (tags.some(x => FN_TAGS.has(x)) && word(w)) fn.add(w);
}
for (const w of actor) role.add(w);
for (const w of honorific) lines.add('honorific\t' + w);
for (const w of rank) if (!honorific.has(w)) lines.add('rank\t' + w);
for (const w of role) if (!honorific.has(w) && !rank.has(w)) lines.add('role\t' + w);
const head = w => honorific.has(w) || rank.has(w) || role.has(w);
for (const w of stop) if (!head(w)) lines.add('stop\t' + w);
for (const w of fn) if (!head(w)) lines.add('fn\t' + w);

/* lower-case English words (wamerican): a native spelling that folds to
 * one ("Ísland") is no name of a country in English text */
const fold = w => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const common = new Set(fs.readFileSync('/usr/share/dict/american-english', 'utf8')
  .split('\n').filter(w => /^[a-z]+$/.test(w)));
const owners = new Map(); /* lower-case name -> set of canonical names */
const member = new Set(countries.filter(c => c.unMember).map(c => c.name.common));
const own = (kind, name, canon) => {
  if (typeof name !== 'string' || !name.trim() || /[,;()\[\]"\t]/.test(name)) return;
  const key = kind + '\t' + name.trim().replace(/\s+/g, ' ');
  const k = key.toLowerCase();
  if (!owners.has(k)) owners.set(k, { key, canon: new Set() });
  owners.get(k).canon.add(canon);
};
/* the one owner, or the one UN member among several ("American": the
 * United States, not the Northern Mariana Islands); else none */
const owner = canon => {
  if (canon.size === 1) return [...canon][0];
  const m = [...canon].filter(c => member.has(c));
  return m.length === 1 ? m[0] : null;
};
for (const c of countries) {
  const canon = c.name.common;
  const initials = c.name.common.split(' ').map(w => w[0]).join('');
  const names = [c.name.common, c.name.official,
    ...(c.altSpellings || []).filter(a => a !== c.cca2 || a === initials)];
  const dem = (c.demonyms || {}).eng || {};
  const dems = [...new Set([dem.m, dem.f].filter(d => typeof d === 'string' && d))];
  own('country', c.name.common, canon);
  own('country', c.name.official, canon);
  for (const n of names.slice(2))
    if (/^[A-Z]+$/.test(n) || !common.has(fold(n))) own('country', n, canon);
  for (const d of dems) {
    own('demonym', d, canon);
    if (!/(s|sh|ch|ese)$/i.test(d)) own('demonym', d + 's', canon);
    if (d.includes(' ')) continue; /* not "Africa" from "South African" */
    const stem = d.slice(0, 4).toLowerCase();
    for (const n of names)
      for (const w of n.split(' '))
        if (w.length >= 4 && /^[A-Z]/.test(w) && w.toLowerCase().startsWith(stem) &&
            !dems.some(x => x.toLowerCase() === w.toLowerCase()))
          own('country', w, canon);
  }
}
for (const { key, canon } of owners.values())
  if (owner(canon)) lines.add(key + '\t' + owner(canon));

const banner = [
  '# data/resolve.tsv - generated by data/gen_resolve.sh, do not edit.',
  '# Word lists of entity resolution (src/lang/resolve.c). Sources and licences:',
  '# compromise 14.17.0 (MIT); world-countries 5.1.0 (ODbL 1.0: the country and',
  '# demonym lines are a derived database under the same licence); WordNet 3.0',
  '# (WordNet 3.0 licence, Copyright 2006 by Princeton University. All rights reserved.);',
  '# wamerican (SCOWL; permissive licence).',
];
const sorted = [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
process.stdout.write(banner.join('\n') + '\n' + sorted.join('\n') + '\n');
JS
node gen.mjs "$WN" > "$OUT"
echo "wrote $OUT: $(grep -vc '^#' "$OUT") entries" >&2
