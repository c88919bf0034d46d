#!/bin/sh
# bench/times.sh BUILD - time-expression accuracy and speed: `crosscheck
# times` on the TempEval-3 training data (TimeBank and AQUAINT .tml files),
# scored by bench/tempeval.py with the TempEval-3 measures (strict and
# relaxed extent F1, type and value accuracy, value F1), per corpus and
# overall; documents/s on one core, both as whole processes (one run per
# document, as the scorer calls it) and in process (bench/times_speed.c,
# the tagger alone over the same texts). Figures go to
# BUILD/bench-times.json. Skips (exit 0) when ../shared/data is absent.
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
DATA=../shared/data/tempeval3-train
if [ ! -d "$DATA/TimeBank" ]; then
  echo "bench-times: $DATA absent, skipping"
  exit 0
fi
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
dump="$BUILD/bench-times-text"
rm -rf "$dump"
$PIN python3 bench/tempeval.py --bin "$BUILD/crosscheck" --json "$BUILD/bench-times.json" \
  --dump "$dump" "$DATA/TimeBank" "$DATA/AQUAINT" || exit 1
CFLAGS="-std=c11 -O2 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Isrc -Iinclude"
cc $CFLAGS bench/times_speed.c "$BUILD/libcrosscheck.a" \
  $(pkg-config --libs libxml-2.0 libutf8proc yaml-0.1 jansson md4c zlib) -lm \
  -o "$BUILD/times_speed" || exit 1
$PIN "$BUILD/times_speed" "$dump" 20
