#!/bin/sh
# scripts/model.sh BUILD - retrains the entity model from CoNLL-2003
# (../shared/data/conll2003: eng.train to learn, eng.testa to pick the
# epoch) into model/ner.bin. Deterministic: the same data and code give
# the same bytes. Skips (exit 0) when the data is absent.
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
DATA=../shared/data/conll2003
if [ ! -f "$DATA/eng.train" ]; then
  echo "model: $DATA absent, keeping model/ner.bin"
  exit 0
fi
"$BUILD/crosscheck" train-ner --train "$DATA/eng.train" --dev "$DATA/eng.testa" \
  --epochs "${EPOCHS:-15}" -o model/ner.bin.new || exit 1
mv model/ner.bin.new model/ner.bin
