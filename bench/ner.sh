#!/bin/sh
# bench/ner.sh BUILD - entity tagging accuracy and speed: `crosscheck
# entities --conll` on CoNLL-2003 eng.testa (dev) and eng.testb (test),
# scored by bench/conlleval.py (exact-span F1, per type); tokens/s on one
# core of the tagger on CoNLL tokens and of the whole language layer
# (tokenizer + sentences + tagger) on extracted news text
# (bench/lang_speed.sh). Skips (exit 0) when ../shared/data/conll2003 is
# absent.
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
DATA=../shared/data/conll2003
if [ ! -f "$DATA/eng.testb" ]; then
  echo "bench-ner: $DATA absent, skipping"
  exit 0
fi
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
for set in testa testb; do
  "$BUILD/crosscheck" entities --conll "$DATA/eng.$set" > "$BUILD/bench-ner.$set.conll" || exit 1
  echo "eng.$set:"
  python3 bench/conlleval.py "$BUILD/bench-ner.$set.conll" --json "$BUILD/bench-ner.$set.json" | sed 's/^/  /'
done
# speed: the tagger over eng.train five times (about a million tokens),
# best of three runs, the whole process (reading, tagging, printing)
big="$BUILD/bench-ner.speed.conll"
: > "$big"
for i in 1 2 3 4 5; do cat "$DATA/eng.train" >> "$big"; done
tokens=$(grep -c -v -e '^$' -e '^-DOCSTART-' "$big")
best=""
for i in 1 2 3; do
  t0=$(date +%s.%N)
  $PIN "$BUILD/crosscheck" entities --conll "$big" > /dev/null || exit 1
  t1=$(date +%s.%N)
  s=$(awk "BEGIN{print $t1 - $t0}")
  best=$(awk "BEGIN{b=\"$best\"; print (b == \"\" || $s < b) ? $s : b}")
done
rm -f "$big"
awk "BEGIN{printf \"tagger on CoNLL tokens: %d tokens in %.3f s = %.0f tokens/s (one core, whole process)\n\", $tokens, $best, $tokens / $best}"
sh bench/lang_speed.sh "$BUILD"
