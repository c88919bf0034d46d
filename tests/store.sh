#!/bin/bash
# The store (SPEC.md: ingest, stories, story, search) on the project's own
# fixtures: ingest is incremental (a report that bridges two stories merges
# them, ids stay stable, a merged story's id forwards), idempotent (the same
# content twice changes nothing) and transactional (killed with SIGKILL in
# either step it keeps what it committed, never duplicates, and the next
# ingest finishes the work); search finds reports, entities and quotes.
# Prints "store: N passed, N failed".
BIN=${1:-build/crosscheck}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL store: $*"; }
expect() { # expect NAME STATUS CMD...
  local name=$1 want=$2; shift 2
  timeout 300 "$@" >"$T/out" 2>"$T/err"; local got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$name: exit $got, want $want ($(head -c 300 "$T/err"))"; fi
}
has() { if grep -q -- "$3" "$2"; then ok; else bad "$1: '$3' not in $(basename "$2"): $(head -c 300 "$2")"; fi; }
hasnt() { if grep -q -- "$3" "$2"; then bad "$1: '$3' in $(basename "$2")"; else ok; fi; }
py() { # py NAME PYTHON-CODE ARGS...: passes when the code exits 0
  local name=$1 code=$2; shift 2
  if python3 -c "$code" "$@" 2>"$T/pyerr"; then ok; else bad "$name: $(tail -c 400 "$T/pyerr")"; fi
}
# the partition of reports into stories: a sorted list of sorted path lists
PART='
import json, sqlite3, sys, os
def part_db(db):
    c = sqlite3.connect(db)
    g = {}
    for path, story in c.execute("SELECT path, story FROM documents"):
        g.setdefault(story, []).append(os.path.basename(path))
    return sorted(sorted(v) for v in g.values())
def part_json(path):
    d = json.load(open(path))
    by = {doc["id"]: os.path.basename(doc["path"]) for doc in d["documents"]}
    return sorted(sorted(by[x] for x in s["documents"]) for s in d["stories"])
'
F=tests/fixtures

# ---- one folder, then again: idempotent ----
expect "ingest stories fixture" 0 "$BIN" ingest --db "$T/a.db" $F/stories
has "ingest says what it did" "$T/out" "6 reports added, 0 already in the store, 0 rejected; 3 stories: 3 new"
py "store file: WAL, schema 3, sound" '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
assert c.execute("PRAGMA user_version").fetchone()[0] == 3
assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert c.execute("SELECT count(*) FROM documents WHERE analysed = 1").fetchone()[0] == 6
' "$T/a.db"
"$BIN" analyze --json $F/stories >"$T/batch.json"
py "ingest groups as analyze does" "$PART"'
assert part_db(sys.argv[1]) == part_json(sys.argv[2]), (part_db(sys.argv[1]), part_json(sys.argv[2]))
' "$T/a.db" "$T/batch.json"
snap() { python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for t in ("SELECT id, hash, updated FROM stories ORDER BY id",
          "SELECT seq, id, story, copy_of FROM documents ORDER BY seq",
          "SELECT * FROM story_items ORDER BY rowid", "SELECT * FROM story_moves ORDER BY old"):
    print(c.execute(t).fetchall())' "$1"; }
snap "$T/a.db" >"$T/snap1"
sleep 1 # a rewrite would show in the stories' `updated` second
expect "ingest again" 0 "$BIN" ingest --db "$T/a.db" $F/stories
has "again: nothing added" "$T/out" "0 reports added, 6 already in the store"
snap "$T/a.db" >"$T/snap2"
if cmp -s "$T/snap1" "$T/snap2"; then ok; else bad "the same content twice changed the store"; fi
cp $F/stories/a2-valley-post.md "$T/renamed-copy.md"
expect "same content, other path" 0 "$BIN" ingest --db "$T/a.db" "$T/renamed-copy.md"
has "other path: already there" "$T/out" "0 reports added, 1 already in the store"

# ---- stories and story ----
expect "stories" 0 "$BIN" stories --db "$T/a.db"
has "stories header" "$T/out" "ID .*DATE .*REPORTS .*SOURCES"
has "stories lists the Lindmark fire" "$T/out" "Korvel cold store"
expect "stories --json" 0 "$BIN" stories --db "$T/a.db" --json
py "stories --json: 3 stories, newest first, counts" '
import json, sys
s = json.load(open(sys.argv[1]))
assert len(s) == 3 and sum(x["reports"] for x in s) == 6, s
dates = [x["date"] for x in s if x["date"]]
assert dates == sorted(dates, reverse=True), dates
assert all(set(x) >= {"id", "title", "date", "reports", "sources", "facts", "disputes"} for x in s)
' "$T/out"
SID=$(python3 -c 'import json,sys; print([x["id"] for x in json.load(open(sys.argv[1])) if "Korvel" in x["title"]][0])' "$T/out")
expect "story md" 0 "$BIN" story --db "$T/a.db" "$SID"
has "story md: headline" "$T/out" "^## .*Korvel"
has "story md: sources" "$T/out" "### Sources"
"$BIN" analyze --md $F/stories >"$T/batch.md"
py "story md: the story's part of analyze --md" '
import sys
part, whole = open(sys.argv[1]).read(), open(sys.argv[2]).read()
assert part.startswith("## ") and part in whole
' "$T/out" "$T/batch.md"
expect "story json" 0 "$BIN" story --db "$T/a.db" "$SID" --format json
py "story json: the analyze object for one story" '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["stories"]) == 1 and d["stories"][0]["id"] == sys.argv[2]
assert sorted(x["id"] for x in d["documents"]) == sorted(d["stories"][0]["documents"])
assert all(x["story"] == sys.argv[2] for x in d["documents"])
' "$T/out" "$SID"
py "story json: what analyze --json says of that story, under the store's ids" '
import json, sys
one, whole = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
s = one["stories"][0]
w = [x for x in whole["stories"] if sorted(x["documents"]) == sorted(s["documents"])]
assert len(w) == 1, "no story of analyze has the same reports"
w = w[0]
sid = {x["id"]: None for x in whole["stories"]}
sid[w["id"]] = s["id"]
for k in w:
    if k not in ("id", "related"):
        assert w[k] == s[k], k
assert len(w["related"]) == len(s["related"])
docs = {d["id"]: d for d in whole["documents"]}
for d in one["documents"]:
    a = dict(docs[d["id"]], story=s["id"], path=None)
    assert dict(d, path=None) == a, d["id"]
' "$T/out" "$T/batch.json"
expect "story html" 0 "$BIN" story --db "$T/a.db" "$SID" --format html
has "story html: a page" "$T/out" "<!DOCTYPE html>"
expect "story unknown id" 1 "$BIN" story --db "$T/a.db" 123456789abc
has "unknown id named" "$T/err" "story 123456789abc: not in the store"
expect "story not an id" 1 "$BIN" story --db "$T/a.db" "x'; DROP TABLE stories; --"
expect "story bad format" 2 "$BIN" story --db "$T/a.db" "$SID" --format pdf
expect "story no id" 2 "$BIN" story --db "$T/a.db"
expect "stories: no store" 1 "$BIN" stories --db "$T/none.db"
has "no store named" "$T/err" "$T/none.db: no store there"
if [ ! -e "$T/none.db" ]; then ok; else bad "a reading command made a store"; fi
printf 'not a database, just text\n%.0s' {1..200} >"$T/text.db"
expect "stories: not a store" 1 "$BIN" stories --db "$T/text.db"
has "not a store named" "$T/err" "$T/text.db"
cp "$T/a.db" "$T/new.db"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version = 99"); c.commit()' "$T/new.db"
expect "store of a newer schema" 1 "$BIN" ingest --db "$T/new.db" $F/stories
has "newer schema named" "$T/err" "made by a newer crosscheck"

# ---- untrusted text stays text ----
cat >"$T/inject.md" <<'MD'
---
title: "<script>alert('x')</script> Crane <img src=x onerror=alert(1)> falls in Veltmark port"
date: 2031-05-02
site: "Veltmark Wire"
---

A container crane fell onto a cargo ship at the port of Veltmark on Friday, injuring two dock workers, the harbour authority said. <script>alert(2)</script>

The authority said the port would stay closed to large vessels until inspectors had finished.
MD
expect "ingest injection page" 0 "$BIN" ingest --db "$T/a.db" "$T/inject.md"
"$BIN" stories --db "$T/a.db" --json >"$T/list.json"
XID=$(python3 -c 'import json,sys; print([x["id"] for x in json.load(open(sys.argv[1])) if "Veltmark" in x["title"]][0])' "$T/list.json")
expect "injection story html" 0 "$BIN" story --db "$T/a.db" "$XID" --format html
hasnt "no live script tag" "$T/out" "<script>"
hasnt "no live onerror attribute" "$T/out" "<img src=x onerror"
has "the title shown as text" "$T/out" "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Crane"

# ---- search ----
expect "search a word" 0 "$BIN" search --db "$T/a.db" sprinklers
has "search: the council report" "$T/out" "^document .*Lindmark council votes"
has "search: terms in bold" "$T/out" "\*\*sprinklers\*\*"
expect "search --json" 0 "$BIN" search --db "$T/a.db" --json "Pellow Bay"
py "search --json: hits with their story" '
import json, sys
h = json.load(open(sys.argv[1]))
assert h and all(set(x) == {"kind", "ref", "story", "title", "snippet"} for x in h), h
assert all(x["story"] for x in h) and any(x["kind"] == "document" for x in h)
assert all("**" in x["snippet"] for x in h)
' "$T/out"
expect "search an entity" 0 "$BIN" search --db "$T/a.db" --json Oster Freight
py "search finds the entity" 'import json,sys; h=json.load(open(sys.argv[1])); assert any(x["kind"]=="entity" and "Oster" in x["title"] for x in h), h' "$T/out"
expect "search a prefix" 0 "$BIN" search --db "$T/a.db" --json "sprink*"
py "prefix matches" 'import json,sys; assert json.load(open(sys.argv[1]))' "$T/out"
expect "search a phrase" 0 "$BIN" search --db "$T/a.db" --json '"cold store"'
py "phrase matches" 'import json,sys; assert json.load(open(sys.argv[1]))' "$T/out"
expect "search operators are text" 0 "$BIN" search --db "$T/a.db" 'fire AND (NEAR "x' '-' 'OR'
expect "search nothing" 0 "$BIN" search --db "$T/a.db" zzzqqq
has "no match said" "$T/out" "no match"
expect "search punctuation only" 0 "$BIN" search --db "$T/a.db" '!!!'
expect "search no query" 2 "$BIN" search --db "$T/a.db"
expect "search --limit" 0 "$BIN" search --db "$T/a.db" --json --limit 1 fire
py "limit keeps one" 'import json,sys; assert len(json.load(open(sys.argv[1]))) == 1' "$T/out"
expect "ingest the cross-check fixture" 0 "$BIN" ingest --db "$T/q.db" $F/crosscheck
python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
row = c.execute("SELECT ref, body FROM story_items WHERE kind = \"quote\" ORDER BY length(body) DESC").fetchone()
print(sorted(row[1].split(), key=len)[-1].strip(".,;:!?\"'"'"'"))' "$T/q.db" >"$T/qword"
expect "search a quote word" 0 "$BIN" search --db "$T/q.db" --json "$(cat "$T/qword")"
py "search finds the quote" 'import json,sys; h=json.load(open(sys.argv[1])); assert any(x["kind"]=="quote" for x in h), h' "$T/out"

# ---- incremental: one report at a time, a bridge merges two stories ----
seen="$T/seen"; : >"$seen"
for f in $(ls $F/undated/* | sort -r); do
  "$BIN" ingest --db "$T/b.db" --quiet "$f" || bad "ingest $f one at a time"
  "$BIN" stories --db "$T/b.db" --json | python3 -c 'import json,sys; [print(x["id"]) for x in json.load(sys.stdin)]' >>"$seen"
done
"$BIN" analyze --json $F/undated >"$T/batch2.json"
py "one at a time ends as one batch" "$PART"'
assert part_db(sys.argv[1]) == part_json(sys.argv[2]), (part_db(sys.argv[1]), part_json(sys.argv[2]))
' "$T/b.db" "$T/batch2.json"
"$BIN" stories --db "$T/b.db" --json | python3 -c 'import json,sys; [print(x["id"]) for x in json.load(sys.stdin)]' >"$T/final"
gone=$(sort -u "$seen" | grep -v -x -F -f "$T/final" | head -1)
if [ -n "$gone" ]; then ok; else bad "no story was merged by a later report"; fi
expect "a merged story's id forwards" 0 "$BIN" story --db "$T/b.db" "$gone"
has "forward said" "$T/err" "story $gone was merged into"
py "the first story kept its id as it grew" '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
first = open(sys.argv[2]).read().split()[0]
assert c.execute("SELECT count(*) FROM stories WHERE id = ?", (first,)).fetchone()[0] == 1
' "$T/b.db" "$seen"

# ---- a rejected input is reported, the rest stored ----
: >"$T/empty.txt"
expect "ingest with a bad input" 1 "$BIN" ingest --db "$T/c.db" "$T/empty.txt" $F/filler
has "bad input named" "$T/err" "crosscheck: $T/empty.txt: "
has "the rest stored" "$T/out" "4 reports added, 0 already in the store, 1 rejected"

# ---- killed (SIGKILL) while storing, then while writing stories ----
ALL="$F/stories $F/crosscheck $F/undated $F/copies $F/filler"
"$BIN" ingest --db "$T/ref.db" --quiet $ALL
{ (XC_TEST_KILL=batch:2 exec "$BIN" ingest --db "$T/k.db" --batch 3 --quiet $ALL >/dev/null 2>&1); st=$?; } 2>/dev/null
if [ "$st" -eq 137 ]; then ok; else bad "kill after two batches: exit $st, want 137"; fi
py "killed while storing: two batches kept, no stories yet" '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert c.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (6, 6)
assert c.execute("SELECT count(*) FROM stories").fetchone()[0] == 0
' "$T/k.db"
expect "an ingest without input finishes the analysis" 0 "$BIN" ingest --db "$T/k.db"
has "finished: six reports in stories" "$T/out" "0 reports added, 0 already in the store, 0 rejected; .* (6 reports in all)"
{ (XC_TEST_KILL=stories exec "$BIN" ingest --db "$T/k.db" --quiet $ALL >/dev/null 2>&1); st=$?; } 2>/dev/null
if [ "$st" -eq 137 ]; then ok; else bad "kill while writing stories: exit $st, want 137"; fi
py "killed while writing stories: the stories as before, reports kept" '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
n, d = c.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone()
assert n == d and n > 6, (n, d)
assert c.execute("SELECT count(*) FROM documents WHERE analysed = 1").fetchone()[0] == 6
' "$T/k.db"
expect "ingest after the kills" 0 "$BIN" ingest --db "$T/k.db" $ALL
py "after the kills: the same stories as a clean run" "$PART"'
assert part_db(sys.argv[1]) == part_db(sys.argv[2])
c = __import__("sqlite3").connect(sys.argv[1])
assert c.execute("SELECT count(*) FROM documents WHERE analysed = 0").fetchone()[0] == 0
' "$T/k.db" "$T/ref.db"

# ---- incremental ingest reuses what it stored, with the same result ----
SAME='
import sqlite3, sys, re
def load(db):
    c = sqlite3.connect(db)
    mem = {}
    for sid, did in c.execute("SELECT story, id FROM documents"):
        mem.setdefault(sid, []).append(did)
    key = {sid: tuple(sorted(v)) for sid, v in mem.items()}
    names = {sid: "S%d" % i for i, (sid, k) in enumerate(sorted(key.items(), key=lambda x: x[1]))}
    pat = re.compile("|".join(map(re.escape, names)))
    f = lambda t: pat.sub(lambda m: names[m.group(0)], t)
    return {key[sid]: (f(j), f(m), f(h), sorted(f(r).split()))
            for sid, j, m, h, r in c.execute("SELECT id, b.json, b.md, b.html, related FROM stories JOIN briefs b USING (id)")}
a, b = load(sys.argv[1]), load(sys.argv[2])
assert set(a) == set(b), "the stories differ"
bad = [k for k in a if a[k] != b[k]]
assert not bad, "briefs differ: %r" % (bad[:2],)
'
FILES=$(for d in $ALL; do ls "$d"/* | sort -r; done)
for f in $FILES; do "$BIN" ingest --db "$T/inc.db" --quiet "$f" || bad "ingest $f into inc.db"; done
"$BIN" ingest --db "$T/once.db" --quiet $FILES
py "report by report: the same stories and briefs as one ingest" "$SAME" "$T/inc.db" "$T/once.db"
py "signatures kept for every report" '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("SELECT count(*) FROM documents d JOIN signatures s USING (seq)").fetchone()[0] == \
       c.execute("SELECT count(*) FROM documents").fetchone()[0]
' "$T/inc.db"
# a store whose briefs another build wrote is analysed again in full
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE meta SET value = ? WHERE key = ?", ("older", "build")); c.execute("DELETE FROM signatures"); c.commit()' "$T/inc.db"
expect "ingest by a newer build" 0 "$BIN" ingest --db "$T/inc.db"
has "a newer build: the same briefs, none rewritten" "$T/out" "0 new, 0 changed, 0 merged"
py "a newer build: its id recorded, signatures made again" '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("SELECT value FROM meta WHERE key = ?", ("build",)).fetchone()[0] != "older"
assert c.execute("SELECT count(*) FROM signatures").fetchone()[0] == c.execute("SELECT count(*) FROM documents").fetchone()[0]
' "$T/inc.db"
py "a newer build: the same stories and briefs" "$SAME" "$T/inc.db" "$T/once.db"

# an outside kill -9 at whatever moment it lands
mkdir -p "$T/many"
for i in $(seq 1 300); do
  printf 'Report %d from the Tarnby wire\n\nThe Tarnby ferry number %d left port %d minutes late on Sunday, the operator said, after a %d-minute delay loading trucks on deck %d.\n' \
    "$i" "$i" "$((i % 50))" "$((i * 7 % 90))" "$((i % 4))" >"$T/many/r$i.txt"
done
"$BIN" ingest --db "$T/m.db" --batch 10 --quiet "$T/many" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 200); do
  n=$(python3 -c 'import sqlite3,sys
try: print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM documents").fetchone()[0])
except Exception: print(0)' "$T/m.db" 2>/dev/null)
  [ "${n:-0}" -ge 20 ] && break
  sleep 0.05
done
{ kill -9 $pid; wait $pid; } 2>/dev/null
py "kill -9 at any moment: whole batches, sound file" '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
n, d = c.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone()
assert n == d and (n % 10 == 0 or n == 300), n
' "$T/m.db"
expect "ingest again after kill -9" 0 "$BIN" ingest --db "$T/m.db" --quiet "$T/many"
py "after kill -9: every report once, all analysed" '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("SELECT count(*), count(DISTINCT id), sum(analysed) FROM documents").fetchone() == (300, 300, 300)
' "$T/m.db"

echo "store: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
