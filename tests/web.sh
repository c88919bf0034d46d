#!/bin/bash
# The web server in a real browser: makes a store of the project's fixtures
# (plus a report whose title and text carry <script> and onerror=), starts
# `crosscheck serve` on a free loopback port, and runs tests/web/web.mjs
# (Debian's chromium driven by playwright-core from npm, installed here
# from tests/web/package-lock.json when missing). Screenshots go to
# BUILD/web/. Prints "web: N passed, N failed".
BIN=${1:-build/crosscheck}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
BUILD=$(dirname "$BIN")
SHOTS=$BUILD/web
mkdir -p "$SHOTS"
T=$(mktemp -d)
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
fail() { echo "FAIL web: $*"; echo "web: 0 passed, 1 failed"; exit 1; }

command -v node >/dev/null || fail "node is not installed (scripts/deps installs it)"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || fail "no chromium at ${CHROMIUM:-/usr/bin/chromium} (scripts/deps installs it)"
if [ ! -d tests/web/node_modules/playwright-core ]; then
  (cd tests/web && npm ci --no-audit --no-fund --loglevel=error >"$T/npm.log" 2>&1) ||
    fail "npm ci in tests/web: $(tail -3 "$T/npm.log")"
fi

cat >"$T/inject.md" <<'MD'
---
title: "<script>alert('x')</script> Crane <img src=x onerror=alert(1)> falls in Veltmark port"
date: 2031-05-02
site: "Veltmark <b>Wire</b>"
---

A container crane fell onto a cargo ship at the port of Veltmark on Friday, injuring two dock workers, the harbour authority said. <script>alert(2)</script>

The authority said the port would stay closed to large vessels until inspectors had finished <img src=x onerror=alert(4)>.

A screen at the gate showed `<script>alert(5)</script>` and `<img src=x onerror=alert(6)>` in its caption.
MD
"$BIN" ingest --db "$T/web.db" --quiet tests/fixtures/crosscheck tests/fixtures/stories "$T/inject.md" ||
  fail "ingest of the fixtures"

"$BIN" serve --db "$T/web.db" --listen 127.0.0.1:0 2>"$T/serve.log" &
SERVER=$!
for _ in $(seq 1 100); do
  grep -q "serving" "$T/serve.log" && break
  sleep 0.1
done
BASE=$(sed -n 's/.* on \(http:[^ ]*\)\/ .*/\1/p' "$T/serve.log")
[ -n "$BASE" ] || fail "the server did not start: $(cat "$T/serve.log")"

BASE=$BASE SHOTS=$SHOTS node tests/web/web.mjs
status=$?
kill "$SERVER" 2>/dev/null
wait "$SERVER" 2>/dev/null
server_status=$?
SERVER=
# SIGTERM: a clean stop (143 would mean the signal killed it)
if [ "$server_status" -ne 0 ]; then
  echo "FAIL web: the server did not stop cleanly on SIGTERM (exit $server_status): $(tail -5 "$T/serve.log")"
  exit 1
fi
exit $status
