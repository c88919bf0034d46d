#!/bin/sh
# data/gen_clusters.sh - remakes data/clusters.tsv, the word classes the
# entity tagger uses as features: unlabelled text from ../shared/data
# (data/cluster_corpus.py; never CoNLL eng.testa/eng.testb) clustered by
# the exchange algorithm (data/gen_clusters.c) into 256 and 1024 classes
# (8 passes); words seen at least 3 times. Deterministic. About 8 minutes.
set -e
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
TMP=${TMPDIR:-/tmp}/xc-clusters.$$
mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT
${CC:-cc} -O2 -o "$TMP/gen_clusters" data/gen_clusters.c -lm
python3 data/cluster_corpus.py "$DATA" > "$TMP/corpus.txt"
"$TMP/gen_clusters" 3 8 256 1024 < "$TMP/corpus.txt" > data/clusters.tsv.new
mv data/clusters.tsv.new data/clusters.tsv
