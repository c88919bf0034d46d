#!/bin/sh
# bench/serve.sh BUILD - `crosscheck serve` under load (issue 7), beside a
# peer in the same run:
#  1. a synthetic stream of SERVE_N reports (bench/synth_stream.c, default
#     100,000) written as Markdown files, and a store made from them with
#     `crosscheck ingest` (both kept in build/bench-data and reused; a store
#     written by another build is analysed again by the ingest);
#  2. `crosscheck serve --threads 1` pinned to core 0, and wrk (1 thread,
#     64 connections, SERVE_SECONDS each, default 20, after 3 s of warm-up)
#     pinned to core 1, on loopback: the story list (/) and the page of the
#     largest story;
#  3. the same two runs against the peer, bench/serve_peer.py: Python's
#     threading HTTP server and sqlite3 serving the same rows.
# Prints requests/s, p50 and p99 latency and errors (socket errors and
# non-2xx answers) for each, and the ratios; writes BUILD/bench-serve.json.
# Needs wrk (scripts/deps installs it).
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
N=${SERVE_N:-100000}
SECS=${SERVE_SECONDS:-20}
WORK=build/bench-data
DB=$WORK/serve-$N.db
command -v wrk >/dev/null 2>&1 || { echo "bench-serve: wrk is not installed (scripts/deps)"; exit 1; }
mkdir -p "$WORK"
PIN0="" PIN1=""
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then PIN0="taskset -c 0"; PIN1="taskset -c 1"; fi

if [ ! -d "$WORK/synth-$N" ]; then
  echo "bench-serve: writing $N synthetic reports to $WORK/synth-$N"
  "$BUILD/synth-stream" "$N" >"$WORK/synth-$N.jsonl" &&
    python3 bench/synth_files.py "$WORK/synth-$N.jsonl" "$WORK/synth-$N.tmp" &&
    mv "$WORK/synth-$N.tmp" "$WORK/synth-$N" && rm -f "$WORK/synth-$N.jsonl" || exit 1
fi
echo "bench-serve: ingest into $DB"
t0=$(date +%s)
"$BUILD/crosscheck" ingest --db "$DB" "$WORK/synth-$N" || exit 1
echo "bench-serve: ingest took $(( $(date +%s) - t0 )) s"
# what the ingest wrote reaches the disk before the clock starts: the
# kernel's write-back would otherwise run during the measurements
sync
sleep 5
BIG=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT id FROM stories ORDER BY reports DESC, id LIMIT 1").fetchone()[0])' "$DB")
STORIES=$(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute("SELECT count(*) FROM stories").fetchone()[0], c.execute("SELECT reports FROM stories WHERE id = ?", (sys.argv[2],)).fetchone()[0])' "$DB" "$BIG")
echo "bench-serve: $STORIES (stories; reports in the largest, $BIG)"

PORT=18931
PEER_PORT=18932
OUT=$(mktemp -d)
trap 'kill $SRV $PEER 2>/dev/null; rm -rf "$OUT"' EXIT
$PIN0 "$BUILD/crosscheck" serve --db "$DB" --listen 127.0.0.1:$PORT --threads 1 2>"$OUT/serve.log" &
SRV=$!
$PIN0 python3 bench/serve_peer.py "$DB" $PEER_PORT 2>/dev/null &
PEER=$!
for _ in $(seq 1 50); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" && curl -s -o /dev/null "http://127.0.0.1:$PEER_PORT/" && break
  sleep 0.2
done

run() { # run NAME URL: a 3-second warm-up (caches, statements), then the run
  $PIN1 wrk -t1 -c64 -d3s "$2" >/dev/null 2>&1
  $PIN1 wrk -t1 -c64 -d"${SECS}s" --latency "$2" >"$OUT/$1.txt" 2>&1
  python3 - "$OUT/$1.txt" "$1" <<'PY'
import re, sys, json
t = open(sys.argv[1]).read()
def ms(s):
    v, u = re.match(r"([\d.]+)(us|ms|s)", s).groups()
    return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[u]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", t, re.M))
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
errs = sum(map(int, sock.groups())) if sock else 0
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
errs += int(non2xx.group(1)) if non2xx else 0
reqs = int(re.search(r"(\d+) requests in", t).group(1))
r = {"name": sys.argv[2], "rps": rps, "p50_ms": ms(lat["50"]), "p99_ms": ms(lat["99"]), "errors": errs, "requests": reqs}
print(json.dumps(r))
PY
}
{
  run crosscheck-list "http://127.0.0.1:$PORT/"
  run crosscheck-story "http://127.0.0.1:$PORT/stories/$BIG"
  run peer-list "http://127.0.0.1:$PEER_PORT/"
  run peer-story "http://127.0.0.1:$PEER_PORT/stories/$BIG"
} >"$OUT/runs.jsonl"
python3 - "$OUT/runs.jsonl" "$BUILD/bench-serve.json" "$N" <<'PY'
import json, sys
runs = {r["name"]: r for r in map(json.loads, open(sys.argv[1]))}
print("bench-serve: %s reports; wrk 1 thread, 64 connections, on loopback" % sys.argv[3])
print("  %-18s %10s %9s %9s %7s" % ("", "req/s", "p50 ms", "p99 ms", "errors"))
for k in ("crosscheck-list", "peer-list", "crosscheck-story", "peer-story"):
    r = runs[k]
    print("  %-18s %10.0f %9.2f %9.2f %7d" % (k, r["rps"], r["p50_ms"], r["p99_ms"], r["errors"]))
for page in ("list", "story"):
    c, p = runs["crosscheck-" + page], runs["peer-" + page]
    print("  %s: crosscheck %.1fx the peer's requests/s, p99 %.2f ms against %.2f ms (target < 20 ms, zero errors: %s)"
          % (page, c["rps"] / p["rps"], c["p99_ms"], p["p99_ms"],
             "met" if c["p99_ms"] < 20 and c["errors"] == 0 else "NOT met"))
json.dump({"reports": int(sys.argv[3]), "runs": runs}, open(sys.argv[2], "w"), indent=1)
PY
