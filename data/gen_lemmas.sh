#!/bin/sh
# data/gen_lemmas.sh - writes data/lemmas.tsv, the word lists of the
# lemmatizer (src/lang/lemma.c), from WordNet 3.0 (Debian package
# wordnet-base; WordNet 3.0 licence, (c) 2006 Princeton University, see
# /usr/share/doc/wordnet-base/copyright: use, copy, modify and distribute
# for any purpose, with the notice kept):
#   exc<TAB>INFLECTED<TAB>LEMMA   irregular forms of nouns and adjectives
#                                 (noun.exc, adj.exc): children -> child
#   vexc<TAB>INFLECTED<TAB>LEMMA  irregular forms of verbs (verb.exc):
#                                 found -> find, shot -> shoot
#   verb<TAB>LEMMA                one-word verbs (index.verb): what a
#                                 regular -s/-ed/-ing form must come back to
# Needs wordnet-base (apt-get install wordnet-base); run from the repo
# root: sh data/gen_lemmas.sh. Deterministic (sorted).
WN=/usr/share/wordnet
[ -f "$WN/verb.exc" ] || { echo "gen_lemmas: wordnet-base missing ($WN)" >&2; exit 1; }
LC_ALL=C
export LC_ALL
{
  echo "# made by data/gen_lemmas.sh from WordNet 3.0 (wordnet-base); do not edit"
  # one-word entries only; an inflected form listed twice keeps its first lemma
  { sed 's/^/v /' "$WN/verb.exc"; cat "$WN/noun.exc" "$WN/adj.exc" | sed 's/^/- /'; } |
    awk 'NF >= 3 && $2 !~ /_/ && $3 !~ /_/ && $2 != $3 && !seen[$2]++ {
           print ($1 == "v" ? "vexc" : "exc") "\t" $2 "\t" $3 }' |
    sort
  grep -v '^  ' "$WN/index.verb" | awk '$1 !~ /[_0-9]/ { print "verb\t" $1 }' | sort -u
} > data/lemmas.tsv
echo "gen_lemmas: $(grep -c '^v*exc' data/lemmas.tsv) irregular forms, $(grep -c '^verb' data/lemmas.tsv) verbs"
