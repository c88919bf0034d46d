#!/bin/sh
# bench/quotes.sh BUILD - direct-quote accuracy and speed on PolNeAR dev
# (../shared/data/polnear/dev): `crosscheck quotes` on every text, scored
# by bench/polnear.py with the metric of ../shared/data/README.md (quote
# P/R/F1, a match covering at least half of the gold quote; speaker
# accuracy over the matched quotes); then documents/s on one core, both
# in one process with the models loaded (bench/quotes_run.c, best of
# BENCH_RUNS runs, default 3) and as a process per document (what the
# command costs, model loading included). Figures go to
# BUILD/bench-quotes.json. QUOTES_SET=train scores the training split;
# QUOTES_ERRORS=N lists N errors. Skips (exit 0) when the data is absent.
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
SET=${QUOTES_SET:-dev}
DATA=../shared/data/polnear/$SET
if [ ! -d "$DATA/text" ] || [ ! -d "$DATA/attributions" ]; then
  echo "bench-quotes: $DATA absent, skipping"
  exit 0
fi
RUNS=${BENCH_RUNS:-3}
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
OUT="$BUILD/bench-quotes-$SET"
rm -rf "$OUT"
mkdir -p "$OUT"
docs=$(ls "$DATA/text" | grep -c '\.txt$')
# accuracy: the command itself, a process per document (timed once)
t0=$(date +%s.%N)
for f in "$DATA"/text/*.txt; do
  $PIN "$BUILD/crosscheck" quotes "$f" > "$OUT/$(basename "$f" .txt).json" ||
    echo "bench-quotes: $f failed" >&2
done
t1=$(date +%s.%N)
echo "PolNeAR $SET:"
python3 bench/polnear.py score "$DATA" "$OUT" --json "$BUILD/bench-quotes.json" \
  ${QUOTES_ERRORS:+--errors $QUOTES_ERRORS} | sed 's/^/  /'
# speed in one process
CFLAGS="-std=c11 -O2 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Isrc -Iinclude"
cc $CFLAGS bench/quotes_run.c "$BUILD/libcrosscheck.a" \
  $(pkg-config --libs libxml-2.0 libutf8proc yaml-0.1 jansson md4c zlib) -lm -lpthread \
  -o "$BUILD/quotes_run" || exit 1
mkdir -p "$OUT/run"
printf '  speed: '
$PIN "$BUILD/quotes_run" "$OUT/run" "$RUNS" "$DATA"/text/*.txt || exit 1
awk "BEGIN{printf \"  speed: %d documents in %.2f s = %.1f documents/s as a process per document (models loaded each time)\n\", $docs, $t1 - $t0, $docs / ($t1 - $t0)}"
