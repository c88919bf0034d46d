#!/bin/bash
# Command-line behaviour: usage and exit codes (SPEC.md), folders, charsets,
# and bad input (empty, binary, invalid UTF-8, a 50 MB line, 100,000 nested
# <div>s, truncated HTML): a clear "crosscheck: PATH: reason", never a crash,
# never losing the other inputs. Prints "cli: N passed, N failed".
BIN=${1:-build/crosscheck}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL cli: $*"; }
# expect NAME STATUS CMD...: runs CMD (time-limited), checks its exit status
expect() {
  local name=$1 want=$2; shift 2
  timeout 120 "$@" >"$T/out" 2>"$T/err"; local got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$name: exit $got, want $want ($(head -c 300 "$T/err"))"; fi
}
has() { # has NAME FILE PATTERN: grep -q
  if grep -q -- "$3" "$2"; then ok; else bad "$1: '$3' not in $(basename "$2"): $(head -c 300 "$2")"; fi
}
json_ok() { # json_ok NAME FILE MODE(lines|object) PYTHON-EXPR over d
  if python3 - "$2" "$3" "$4" <<'PY'
import json, sys
path, mode, expr = sys.argv[1:4]
raw = open(path, encoding="utf-8").read()
d = [json.loads(l) for l in raw.splitlines()] if mode == "lines" else json.loads(raw)
sys.exit(0 if eval("(" + expr + ")") else 1)
PY
  then ok; else bad "$1: JSON check failed: $4"; fi
}

cat >"$T/good.txt" <<'TXT'
Harbour crane collapses in Veltmark port

A container crane toppled onto a cargo ship at the port of Veltmark on Tuesday
morning, injuring two dock workers, the harbour authority said.

The authority said the crane's arm gave way during a routine lift and that the
port would stay closed to large vessels until inspectors had finished their work.
TXT

# ---- usage and help ----
expect "no arguments" 2 "$BIN"
expect "--help" 0 "$BIN" --help
has "--help lists analyze" "$T/out" "analyze"
expect "unknown command" 2 "$BIN" frobnicate
expect "extract without input" 2 "$BIN" extract
expect "analyze without input" 2 "$BIN" analyze --json
expect "analyze unknown option" 2 "$BIN" analyze --bogus "$T/good.txt"
expect "extract --help" 0 "$BIN" extract --help

# ---- one good file ----
expect "extract good" 0 "$BIN" extract "$T/good.txt"
json_ok "extract fields" "$T/out" lines \
  'len(d)==1 and all(k in d[0] for k in ("path","title","published","authors","site","publisher","language","text")) and "crane toppled" in d[0]["text"]'

# ---- bad inputs never lose the others ----
: >"$T/empty.txt"
printf '   \n\t\n' >"$T/blank.txt"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' >"$T/image.txt"
head -c 4096 /dev/urandom >"$T/random.bin"
printf 'Caf\xe9 owners in Veltmark said the \xff\xfe harbour closure hurt trade badly this week, and more.\n' >"$T/invalid.txt"
expect "mixed inputs" 1 "$BIN" extract "$T/empty.txt" "$T/good.txt" "$T/blank.txt" "$T/image.txt" "$T/random.bin" "$T/missing.txt" "$T/invalid.txt"
has "empty named" "$T/err" "crosscheck: $T/empty.txt: empty file"
has "blank named" "$T/err" "crosscheck: $T/blank.txt: no text"
has "image named" "$T/err" "crosscheck: $T/image.txt: not text: PNG image"
has "binary named" "$T/err" "crosscheck: $T/random.bin: not text"
has "missing named" "$T/err" "crosscheck: $T/missing.txt: No such file"
json_ok "good and invalid survive" "$T/out" lines \
  'len(d)==2 and "crane toppled" in d[0]["text"] and "\ufffd" in d[1]["text"] or (len(d)==2 and "Caf" in d[1]["text"])'

# ---- folders, recursively, sorted, hidden files skipped ----
mkdir -p "$T/tree/a/b" "$T/tree/.hidden"
cp "$T/good.txt" "$T/tree/a/b/one.txt"
cp "$T/good.txt" "$T/tree/.hidden/skip.txt"
printf '<html><body><p>The second report about the crane in Veltmark port, which fell on Tuesday.</p></body></html>' >"$T/tree/a/two.html"
expect "folder walk" 0 "$BIN" extract "$T/tree"
json_ok "folder docs" "$T/out" lines 'len(d)==2 and d[0]["path"].endswith("a/b/one.txt") and d[1]["path"].endswith("a/two.html")'

# ---- charsets ----
printf '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 in Veltmark</title></head><body><p>The caf\xe9 by the harbour reopened on Friday after the crane accident closed the quay.</p></body></html>' >"$T/latin1.html"
expect "latin-1 page" 0 "$BIN" extract "$T/latin1.html"
has "latin-1 decoded" "$T/out" 'café'
printf '\xef\xbb\xbfBOM text: the harbour authority of Veltmark published its inspection report on Monday.\n' >"$T/bom.txt"
expect "utf-8 bom" 0 "$BIN" extract "$T/bom.txt"
json_ok "bom stripped" "$T/out" lines 'd[0]["text"].startswith("BOM text")'
printf 'Harbour news: the crane inspection in Veltmark finished on Monday, officials said.\n' | iconv -f UTF-8 -t UTF-16 >"$T/utf16.txt"
expect "utf-16 with bom" 0 "$BIN" extract "$T/utf16.txt"
has "utf-16 decoded" "$T/out" 'crane inspection'

# ---- pathological sizes and shapes (time-limited by expect) ----
python3 -c "import sys; sys.stdout.write('word ' * (10*1024*1024))" >"$T/line.txt"
expect "50 MB single line" 0 "$BIN" extract "$T/line.txt"
python3 -c "import sys; sys.stdout.write('<html><body><article>' + '<p>The crane report continues here.</p>' * (50*1024*1024//38) + '</article></body></html>')" >"$T/line.html"
expect "50 MB single-line html" 0 "$BIN" extract "$T/line.html"
has "50 MB html text" "$T/out" "The crane report continues here."
python3 - "$T/deep.html" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("<html><body>" + "<div>" * 100000 + "<p>Deep inside the page the report says the crane fell on Tuesday in Veltmark.</p>" + "</div>" * 100000 + "</body></html>")
PY
expect "100,000 nested divs" 0 "$BIN" extract "$T/deep.html"
printf '<html><head><title>Crane falls</title></head><body><article><p>A crane fell onto a ship in the port of Veltmark on Tuesday, the authority said, and two workers were hurt in the acci' >"$T/trunc.html"
expect "truncated html" 0 "$BIN" extract "$T/trunc.html"
has "truncated kept" "$T/out" 'two workers were hurt'

# ---- analyze: the contract object ----
expect "analyze json" 0 "$BIN" analyze --json "$T/tree" "$T/good.txt"
json_ok "analyze contract" "$T/out" object '
all(k in d for k in ("documents","stories")) and len(d["documents"])==3 and
all(all(k in doc for k in ("id","path","title","published","authors","site","publisher","copy_of","language","story","text")) for doc in d["documents"]) and
all(all(k in s for k in ("id","title","date","documents","entities","quotes","facts","disputes","timeline","sources")) for s in d["stories"]) and
sorted(x for s in d["stories"] for x in s["documents"]) == sorted(doc["id"] for doc in d["documents"]) and
all(doc["story"] in [s["id"] for s in d["stories"]] for doc in d["documents"])'
json_ok "identical files are copies" "$T/out" object 'sum(1 for doc in d["documents"] if doc["copy_of"]) == 1'
json_ok "ids are unique" "$T/out" object 'len(set(doc["id"] for doc in d["documents"])) == 3'
printf 'Veltmark: The harbour authority said on Tuesday that the damaged crane would be removed by barge. Work starts next week.\n' >"$T/untitled.txt"
expect "analyze untitled" 0 "$BIN" analyze --json "$T/untitled.txt"
json_ok "story title from the lead" "$T/out" object 'd["stories"][0]["title"] == "Veltmark: The harbour authority said on Tuesday that the damaged crane would be removed by barge"'
expect "analyze md" 0 "$BIN" analyze "$T/good.txt"
has "md brief" "$T/out" "^## "
expect "analyze with a bad input" 1 "$BIN" analyze --json "$T/good.txt" "$T/empty.txt"
json_ok "analyze keeps the good one" "$T/out" object 'len(d["documents"])==1'

# ---- story grouping: two look-alike fires and a later vote that recalls one ----
expect "analyze stories fixture" 0 "$BIN" analyze --json tests/fixtures/stories
json_ok "stories: grouped, dated, related" "$T/out" object '
(lambda by, sid: len(d["stories"]) == 3 and
 by["a1-lindmark-courier.md"]["story"] == by["a2-valley-post.md"]["story"] == by["a3-radio-north.txt"]["story"] and
 by["b1-harbour-gazette.md"]["story"] == by["b2-coast-daily.md"]["story"] != by["a1-lindmark-courier.md"]["story"] and
 sid[by["a1-lindmark-courier.md"]["story"]]["date"] == "2031-03-02" and
 by["a1-lindmark-courier.md"]["story"] in sid[by["c1-lindmark-council.md"]["story"]]["related"] and
 all(isinstance(s["related"], list) for s in d["stories"]))(
 {x["path"].split("/")[-1]: x for x in d["documents"]}, {s["id"]: s for s in d["stories"]})'
# two dated reports of a footbridge collapse, an undated blog post about it
# (it names the day, "on Monday", which it cannot place) and an undated
# report of a second footbridge falling in the same town, with the same
# city engineer quoted: in every input order of the undated two, the blog
# post joins the dated reports and the look-alike stays apart
for order in "e3 f1" "f1 e3"; do
  rm -rf "$T/u"; k=0
  for f in e1 e2 $order; do
    mkdir -p "$T/u/$k"; cp tests/fixtures/undated/$f-* "$T/u/$k/"; k=$((k + 1))
  done
  expect "analyze undated fixture ($order)" 0 "$BIN" analyze --json "$T/u"
  json_ok "undated: the blog with its event, the look-alike apart ($order)" "$T/out" object '
(lambda by: len(d["stories"]) == 2 and
 by["e1"]["story"] == by["e2"]["story"] == by["e3"]["story"] != by["f1"]["story"] and
 by["e3"]["published"] is None and by["f1"]["published"] is None)(
 {x["path"].split("/")[-1][:2]: x for x in d["documents"]})'
done
expect "analyze stories fixture html" 0 "$BIN" analyze --html tests/fixtures/stories
has "html names the related story" "$T/out" "<li>Related: "

# ---- the bundled examples, end to end ----
expect "analyze examples" 0 "$BIN" analyze --json examples
json_ok "examples: stories and copy" "$T/out" object '
(lambda docs, by: len(d["stories"]) == 2 and
 len({by["dornholt-herald.html"]["story"], by["rivers-wire.txt"]["story"], by["northern-ledger.txt"]["story"], by["aun-valley-notes.md"]["story"]}) == 1 and
 by["coastline-daily.txt"]["story"] != by["dornholt-herald.html"]["story"] and
 by["rivers-wire.txt"]["copy_of"] == by["dornholt-herald.html"]["id"] and
 by["rivers-wire.txt"]["publisher"] == "Dornholt Herald" and
 sum(1 for x in docs if x["copy_of"]) == 1)(d["documents"], {x["path"].split("/")[-1]: x for x in d["documents"]})'
json_ok "examples: story entities resolved across reports" "$T/out" object '
(lambda s: any(e["name"] == "Lena Varga" and e["type"] == "PERSON" and len(e["documents"]) >= 3 for e in s["entities"]) and
 any(e["name"] == "Kessel Bridge" and e["type"] == "LOC" and len(e["documents"]) == 4 for e in s["entities"]) and
 all(set(e) >= {"name", "type", "aliases", "documents"} and e["type"] in ("PERSON", "ORG", "LOC", "MISC") for e in s["entities"]) and
 len({e["name"] for e in s["entities"] if e["type"] == "PERSON"}) == len([e for e in s["entities"] if e["type"] == "PERSON"]))(
 max(d["stories"], key=lambda s: len(s["documents"])))'
expect "analyze examples md" 0 "$BIN" analyze examples
has "md marks the copy" "$T/out" "\*\*copy\*\* of"
has "md names people" "$T/out" "^- People: Lena Varga"

# ---- the cross-check on an invented grain-terminal fire (tests/fixtures/crosscheck):
# five outlets in three formats, one a repost; planted: one number, one
# place and one speaker given differently, facts several tell; an undated
# page of invented quotes that joins the story as generated filler; a silo
# fire elsewhere a month before is another story with nothing to dispute ----
expect "analyze crosscheck fixture" 0 "$BIN" analyze --json tests/fixtures/crosscheck
json_ok "crosscheck: the planted disputes and nothing else" "$T/out" object '
(lambda by, s: sorted((x["about"].split(":")[0], sorted(c["value"] for c in x["claims"])) for x in s["disputes"]) == [
   ("number of crews", ["11", "9"]),
   ("where", ["inside", "near"]),
   ("who said", ["Jonas Pryde", "Marta Olsen"])] and
 all(set(c["documents"]) <= set(s["documents"]) for x in s["disputes"] for c in x["claims"]) and
 [c["documents"] for x in s["disputes"] if x["about"] == "number of crews" for c in x["claims"] if c["value"] == "9"] == [[by["harbour-times.md"]["id"]]])(
 {x["path"].split("/")[-1]: x for x in d["documents"]},
 next(s for s in d["stories"] if len(s["documents"]) >= 5))'
json_ok "crosscheck: facts several outlets tell, the repost not counted" "$T/out" object '
(lambda by, s: any(f["support"] == "corroborated" and "fire broke out" in f["text"] and len(f["documents"]) == 6 for f in s["facts"]) and
 any(f["support"] == "corroborated" and "4,000 tonnes" in f["text"] and
     f["counts"] == [{"amount": "4,000", "value": 4000, "noun": "tonnes"}] for f in s["facts"]) and
 any("fire broke out" in f["text"] and "break" in f["what"] and f["date"] == "2026-04-13" for f in s["facts"]) and
 by["northern-wire.txt"]["copy_of"] == by["saltmere-gazette.html"]["id"] and
 {x["document"]: x["role"] for x in s["sources"]} == {
   by[n]["id"]: r for n, r in (("northern-wire.txt", "repost"), ("quickfacts-news.txt", "generated_filler"),
                               ("saltmere-gazette.html", "original"), ("coast-radio.txt", "original"),
                               ("bay-dispatch.md", "original"), ("harbour-times.md", "original"))} and
 all(0 <= x["grounding"] <= 1 for x in s["sources"]))(
 {x["path"].split("/")[-1]: x for x in d["documents"]},
 next(s for s in d["stories"] if len(s["documents"]) >= 5))'
json_ok "crosscheck: single-source flags only on the invented-quote page" "$T/out" object '
(lambda by, s: sorted(q["speaker"] for q in s["quotes"] if q["support"] == "single") == [
   "Alan Weir", "Clara Doyle", "Victor Hale"] and
 all(q["documents"] == [by["quickfacts-news.txt"]["id"]] for q in s["quotes"] if q["support"] == "single") and
 all(f["documents"] == [by["quickfacts-news.txt"]["id"]] for f in s["facts"] if f["support"] == "single"))(
 {x["path"].split("/")[-1]: x for x in d["documents"]},
 next(s for s in d["stories"] if len(s["documents"]) >= 5))'
json_ok "crosscheck: the look-alike fire is its own story, undisputed" "$T/out" object '
(lambda by: by["pellworth-silo-fire.txt"]["story"] != by["saltmere-gazette.html"]["story"] and
 all(not s["disputes"] for s in d["stories"] if s["id"] == by["pellworth-silo-fire.txt"]["story"]))(
 {x["path"].split("/")[-1]: x for x in d["documents"]})'
expect "analyze crosscheck fixture md" 0 "$BIN" analyze tests/fixtures/crosscheck
has "md shows the disputes" "$T/out" "^### Disputed"
has "md gives each side its outlets" "$T/out" "11 (.*Saltmere Gazette"
has "md lists key facts with counts" "$T/out" "4,000 tonnes.*\[4/6\]"
has "md flags the invented-quote page" "$T/out" "Weir.*(single source)"
has "md marks the invented-quote page generated" "$T/out" "quickfacts-news.txt.*looks generated"

# a generated-looking page among three reports of an invented tram opening
# (tests/fixtures/filler): vague, its quotes from people nobody else names
expect "analyze filler fixture" 0 "$BIN" analyze --json tests/fixtures/filler
json_ok "filler: the vague page is marked, the reports are not" "$T/out" object '
(lambda by: len(d["stories"]) == 1 and
 {by[x["document"]]: x["role"] for x in d["stories"][0]["sources"]} == {
   "buzzline-news.txt": "generated_filler", "kessmoor-post.txt": "original",
   "river-daily.md": "original", "valley-radio.txt": "original"})(
 {x["id"]: x["path"].split("/")[-1] for x in d["documents"]})'
expect "analyze filler fixture md" 0 "$BIN" analyze tests/fixtures/filler
has "md flags the generated-looking page" "$T/out" "looks generated"

# the same brief as one self-contained page; report text escaped
mkdir -p "$T/inject"
cat >"$T/inject/a.txt" <<'TXT'
Crane <script>alert(1)</script> falls at Veltmark port

A container crane fell onto a ship at the port of Veltmark on Tuesday, the harbour authority said. "We <img src=x onerror=alert(2)> saw it fall," crane driver Ivo Sand said.
TXT
expect "analyze html" 0 "$BIN" analyze --html tests/fixtures/crosscheck "$T/inject"
has "html: a page" "$T/out" "^<!DOCTYPE html>"
has "html: the disputes" "$T/out" "<h3>Disputed</h3>"
has "html: a side with its outlets" "$T/out" "<strong>11</strong> (.*Saltmere Gazette"
if grep -q "<script\|<img\|<[^>]*onerror\|src=\"http\|href=\"http" "$T/out"; then bad "html: markup from a report or an external asset got through"; else ok; fi
has "html: escaped report text" "$T/out" "Crane &lt;script&gt;alert(1)&lt;/script&gt; falls"

# ---- entities --conll: one tag appended per token line ----
cat >"$T/tags.conll" <<'CONLL'
-DOCSTART- -X- O O

Inspectors NNS O
from IN O
Veltmark NNP B-LOC
met VBD O
Maria NNP B-PER
Lindqvist NNP I-PER
. . O

The DT O
port NN O
reopened VBD O
CONLL
expect "entities conll" 0 "$BIN" entities --conll "$T/tags.conll"
if python3 - "$T/tags.conll" "$T/out" <<'PY'
import sys
src = open(sys.argv[1]).read().splitlines()
out = open(sys.argv[2]).read().splitlines()
assert len(src) == len(out), (len(src), len(out))
tags = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}
for a, b in zip(src, out):
    if not a.strip() or a.startswith("-DOCSTART-"):
        assert a == b, (a, b)
    else:
        assert b.startswith(a + " ") and b[len(a) + 1:] in tags, (a, b)
PY
then ok; else bad "entities conll: lines not kept one for one with a tag appended"; fi
expect "entities stdin" 0 sh -c "printf 'Oslo\n' | '$BIN' entities --conll -"
expect "entities without --conll" 2 "$BIN" entities "$T/tags.conll"
expect "entities missing file" 1 "$BIN" entities --conll "$T/nope.conll"
has "entities missing file named" "$T/err" "nope.conll"

# ---- times --dct DATE FILE: JSON array of {start, end, text, type, value} ----
printf 'The Veltmark ferry sank on Friday, three days after a storm. Divers will return next week.\n' >"$T/times.txt"
expect "times" 0 "$BIN" times --dct 2024-03-13 "$T/times.txt"
json_ok "times JSON shape" "$T/out" object \
  'isinstance(d, list) and len(d) == 3 and all(set(x) == {"start","end","text","type","value"} for x in d) and all(x["type"] in ("DATE","TIME","DURATION","SET") for x in d)'
json_ok "times values" "$T/out" object \
  '[(x["text"], x["type"], x["value"]) for x in d] == [("Friday","DATE","2024-03-08"), ("three days","DURATION","P3D"), ("next week","DATE","2024-W12")]'
if python3 - "$T/times.txt" "$T/out" <<'PY'
import json, sys
raw = open(sys.argv[1], "rb").read()
for x in json.load(open(sys.argv[2], encoding="utf-8")):
    assert raw[x["start"]:x["end"]].decode("utf-8") == x["text"], x
PY
then ok; else bad "times: offsets do not point at the text"; fi
# byte offsets count UTF-8 bytes, not characters
printf 'Caf\xc3\xa9 \xe2\x80\x9cLe Port\xe2\x80\x9d opened on March 3, 2021.\n' >"$T/times-utf8.txt"
expect "times utf-8" 0 "$BIN" times --dct 2021-03-05 "$T/times-utf8.txt"
json_ok "times utf-8 offsets" "$T/out" object 'd == [{"start": 30, "end": 43, "text": "March 3, 2021", "type": "DATE", "value": "2021-03-03"}]'
expect "times stdin" 0 sh -c "printf 'It rained yesterday.\n' | '$BIN' times --dct 2024-01-01 -"
json_ok "times stdin value" "$T/out" object 'd[0]["value"] == "2023-12-31"'
: >"$T/times-empty.txt"
expect "times empty file" 0 "$BIN" times --dct 2024-01-01 "$T/times-empty.txt"
json_ok "times empty array" "$T/out" object 'd == []'
printf '\xff\xfe\x00 Monday \xc3' >"$T/times-bad.txt"
expect "times invalid utf-8" 0 "$BIN" times --dct 2024-01-03 "$T/times-bad.txt"
json_ok "times invalid utf-8 still tagged" "$T/out" object 'len(d) == 1 and d[0]["value"] == "2024-01-01"'
expect "times --help" 0 "$BIN" times --help
expect "times without --dct" 2 "$BIN" times "$T/times.txt"
expect "times without file" 2 "$BIN" times --dct 2024-03-13
expect "times bad dct" 2 "$BIN" times --dct 2024-02-30 "$T/times.txt"
expect "times bad dct format" 2 "$BIN" times --dct 13/03/2024 "$T/times.txt"
expect "times dct missing value" 2 "$BIN" times --dct
expect "times unknown option" 2 "$BIN" times --dct 2024-03-13 --bogus "$T/times.txt"
expect "times two files" 2 "$BIN" times --dct 2024-03-13 "$T/times.txt" "$T/times.txt"
expect "times missing file" 1 "$BIN" times --dct 2024-03-13 "$T/nope.txt"
has "times missing file named" "$T/err" "crosscheck: $T/nope.txt: No such file"
expect "times folder" 1 "$BIN" times --dct 2024-03-13 "$T"
has "times folder named" "$T/err" "crosscheck: $T: Is a directory"

# ---- quotes FILE: JSON array, byte offsets into FILE ----
printf '%s\n' \
  'The ferry service across the Veltmark estuary resumed on Thursday.' '' \
  $'\xe2\x80\x9cWe checked every mooring twice,\xe2\x80\x9d said Tomas Brandt, the ferry captain.' '' \
  'Brandt said that the first crossing was full.' '' \
  'The so-called "temporary" timetable stays in place.' >"$T/quotes.txt"
expect "quotes" 0 "$BIN" quotes "$T/quotes.txt"
json_ok "quotes fields and offsets" "$T/out" object '
(lambda raw: len(d) == 2 and
 all(set(q) >= {"start","end","text","speaker","speaker_start","speaker_end"} for q in d) and
 all(raw[q["start"]:q["end"]].decode() == q["text"] for q in d) and
 d[0]["text"] == "We checked every mooring twice" and "Brandt" in d[0]["speaker"] and
 "Brandt" in raw[d[0]["speaker_start"]:d[0]["speaker_end"]].decode() and d[0]["indirect"] is False and
 d[1]["indirect"] is True and "Brandt" in d[1]["speaker"] and "temporary" not in raw[d[-1]["start"]:d[-1]["end"]].decode()
)(open(sys.argv[1].replace("/out", "/quotes.txt"), "rb").read())'
printf 'no quotes here at all.\n' >"$T/plain.txt"
expect "quotes none" 0 "$BIN" quotes "$T/plain.txt"
json_ok "quotes none is []" "$T/out" object 'd == []'
expect "quotes empty file" 0 "$BIN" quotes "$T/empty.txt"
expect "quotes --help" 0 "$BIN" quotes --help
has "quotes --help names fields" "$T/out" "speaker_start"
expect "quotes without file" 2 "$BIN" quotes
expect "quotes two files" 2 "$BIN" quotes "$T/plain.txt" "$T/plain.txt"
expect "quotes unknown option" 2 "$BIN" quotes --bogus "$T/plain.txt"
expect "quotes missing file" 1 "$BIN" quotes "$T/nope.txt"
has "quotes missing file named" "$T/err" "crosscheck: $T/nope.txt: No such file"
expect "quotes binary file" 1 "$BIN" quotes "$T/image.txt"
has "quotes binary named" "$T/err" "crosscheck: $T/image.txt: not text"
expect "--help lists quotes" 0 "$BIN" --help
has "--help lists quotes" "$T/out" "quotes FILE"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
