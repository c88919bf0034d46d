#!/bin/sh
# Runs every test suite against the binaries in BUILD (default build/) and
# prints the closing "N passed, N failed" line over all of them.
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
"$BUILD/test-unit" 2>&1 | tee -a "$out" || status=1
tests/cli.sh "$BUILD/crosscheck" 2>&1 | tee -a "$out" || status=1
tests/spec.sh "$BUILD/crosscheck" 2>&1 | tee -a "$out" || status=1
tests/store.sh "$BUILD/crosscheck" 2>&1 | tee -a "$out" || status=1
tests/web.sh "$BUILD/crosscheck" 2>&1 | tee -a "$out" || status=1
passed=$(sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
failed=$(sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' "$out" | awk '{s+=$1} END {print s+0}')
suites=$(grep -c '^[a-z]*: [0-9]* passed, [0-9]* failed' "$out")
[ "$suites" -eq 5 ] || { echo "a test suite did not finish"; failed=$((failed + 1)); }
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
