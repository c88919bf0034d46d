#!/bin/sh
# bench/cluster.sh BUILD - copies and story clustering (issue 5):
#  1. ECB+ dev: `crosscheck analyze --json` over its 772 plain-text reports,
#     B-cubed F1 of the stories against the event labels and the sibling
#     false-merge rate, beside a tf-idf baseline (bench/cluster_score.py);
#     then the same over ECB_ORDERS shuffles of the input order (default
#     24): half of ECB+ is undated, and one order is one draw;
#  1b. ../shared/seeds in every input order (cluster_score.py partitions):
#     the groupings and how many orders give each;
#  2. BASIL: its 300 articles written as Markdown with front matter, then
#     the share of its 100 events recovered exactly, beside the baseline;
#  3. scale: a synthetic stream of SCALE_N reports (bench/synth_stream.c,
#     default 100,000; SCALE_N=1000000 for the full run) fed one report at
#     a time (bench/cluster_scale.c) to the copy index, the language layer
#     and the incremental story clusterer: time per report of each at
#     checkpoints, memory per report, copy precision and recall, the
#     stories' B-cubed F1 and look-alike merge rate. Writes
#     BUILD/bench-cluster-scale.csv and .svg (time per report against size).
# Figures go to BUILD/bench-cluster-*.json. Skips (exit 0) when
# ../shared/data is absent; BENCH_SCALE=1 runs the synthetic part anyway.
# The streams are kept in build/bench-data (about 2.4 KB a report).
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
DATA=../shared/data
SCALE_N=${SCALE_N:-100000}
WORK=build/bench-data
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
if [ ! -d "$DATA" ] && [ "${BENCH_SCALE:-0}" != 1 ]; then
  echo "bench-cluster: $DATA absent, skipping (BENCH_SCALE=1 runs the synthetic scale part)"
  exit 0
fi
mkdir -p "$WORK" "$BUILD"

seconds() { # seconds CMD...: runs CMD, prints its wall-clock seconds on fd 3
  t0=$(date +%s.%N)
  "$@" || return 1
  t1=$(date +%s.%N)
  awk "BEGIN{printf \"%.2f\", $t1 - $t0}" >&3
}

# ---- ECB+ ----
ECB=$DATA/ecbplus-dev
if [ -f "$ECB/labels.tsv" ]; then
  out="$BUILD/bench-cluster.ecb.analyze.json"
  s=$(seconds $PIN "$BUILD/crosscheck" analyze --json "$ECB/docs" 3>&1 >"$out") || {
    echo "bench-cluster: analyze failed on $ECB/docs"; exit 1; }
  echo "ECB+: crosscheck analyze --json over $(ls "$ECB/docs" | wc -l) files: $s s (one process, whole pipeline)"
  python3 bench/cluster_score.py ecb "$ECB/labels.tsv" "$ECB/docs" "$out" \
    --json "$BUILD/bench-cluster-ecb.json" || exit 1
  echo "ECB+ over ${ECB_ORDERS:-24} shuffled input orders (the same for the baseline):"
  mkdir -p "$WORK/ecb-orders"
  python3 bench/cluster_score.py ecb-orders "$ECB/labels.tsv" "$ECB/docs" "${ECB_ORDERS:-24}" \
    "$WORK/ecb-orders" "$BUILD/crosscheck" --json "$BUILD/bench-cluster-ecb-orders.json" || exit 1
else
  echo "bench-cluster: $ECB absent, skipping ECB+"
fi

# ---- the seeds, in every input order ----
if [ -d ../shared/seeds ]; then
  mkdir -p "$WORK/seed-orders"
  python3 bench/cluster_score.py partitions ../shared/seeds "$WORK/seed-orders" "$BUILD/crosscheck" || exit 1
fi

# ---- BASIL ----
BASIL=$DATA/basil
if [ -d "$BASIL/articles" ]; then
  md="$WORK/basil-md"
  [ -d "$md" ] || python3 bench/cluster_score.py basil-prep "$BASIL" "$md" || exit 1
  out="$BUILD/bench-cluster.basil.analyze.json"
  s=$(seconds $PIN "$BUILD/crosscheck" analyze --json "$md" 3>&1 >"$out") || {
    echo "bench-cluster: analyze failed on $md"; exit 1; }
  echo "BASIL: crosscheck analyze --json over $(ls "$md" | wc -l) files: $s s"
  python3 bench/cluster_score.py basil "$BASIL" "$md" "$out" \
    --json "$BUILD/bench-cluster-basil.json" || exit 1
else
  echo "bench-cluster: $BASIL absent, skipping BASIL"
fi

# ---- scale ----
# a longer stream of the same seed starts with the shorter one: reuse it,
# unless the generator changed since it was written
stream=""
for f in "$WORK"/synth-*-1.jsonl; do
  [ -s "$f" ] && [ "$f" -nt bench/synth_stream.c ] || continue
  n=$(basename "$f" | sed 's/synth-\([0-9]*\)-1.jsonl/\1/')
  [ "$n" -ge "$SCALE_N" ] && { stream=$f; break; }
done
if [ -z "$stream" ]; then
  stream="$WORK/synth-$SCALE_N-1.jsonl"
  echo "scale: generating $SCALE_N synthetic reports into $stream ..."
  "$BUILD/synth-stream" "$SCALE_N" 1 >"$stream.tmp" && mv "$stream.tmp" "$stream" || exit 1
fi
echo "scale: $SCALE_N reports from $stream, one at a time (times: CPU time of one core)"
$PIN "$BUILD/cluster-scale" "$stream" "$BUILD/bench-cluster-scale.csv" \
  --n "$SCALE_N" || exit 1
python3 bench/cluster_plot.py "$BUILD/bench-cluster-scale.csv" "$BUILD/bench-cluster-scale.svg" &&
  echo "scale: curve in $BUILD/bench-cluster-scale.svg (data $BUILD/bench-cluster-scale.csv)"
echo "targets (issue 5): 1M reports < 10 min on one core, index < 2 KiB per report, flat curve"
