#!/usr/bin/env python3
"""bench/polnear.py - direct-quote accuracy on PolNeAR (python3 stdlib only).

    polnear.py score DATA PRED [--json OUT] [--errors N]
    polnear.py gold DATA            (the gold quotes, one per line, for a look)

DATA is a PolNeAR split (text/, attributions/ in brat standoff with Source,
Cue and Content); PRED holds `crosscheck quotes` output, one DOC.json per
DATA/text/DOC.txt. The metric is the one in ../shared/data/README.md:

- gold quotes: the words inside quote marks of each annotated attribution's
  Content span, split at the marks (one attribution can give several);
- a predicted quote matches a gold quote when it overlaps at least half of
  it; precision = matched predictions / predictions, recall = matched gold
  quotes / gold quotes;
- speaker accuracy, over matched gold quotes whose attribution has a Source:
  the predicted speaker's span overlaps the Source span, or the predicted
  speaker shares a capitalised name word with the Source text.

Predictions marked "indirect" are attributions without quote marks and are
left out: the metric is about direct quotes. A document annotated more than
once counts once, with its first annotation file in name order. Brat offsets
count characters; crosscheck's count bytes of the UTF-8 file, so predicted
offsets are converted before comparing.
"""
import json
import os
import re
import sys

# ---------------------------------------------------------------- reading

def annotation_files(data):
    """{document name: its first annotation file}"""
    out = {}
    for f in sorted(os.listdir(os.path.join(data, "attributions"))):
        if f.endswith(".ann"):
            out.setdefault(re.sub(r"_[0-9a-f]+\.ann$", "", f), f)
    return out


def parse_ann(path):
    """Text-bound annotations {id: (type, [(start, end)...])} and the
    attribution events [{role: id}]."""
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            if parts[0].startswith("T"):
                typ, _, rest = parts[1].partition(" ")
                try:
                    pieces = [tuple(int(x) for x in p.split()) for p in rest.split(";")]
                except ValueError:
                    continue
                if all(len(p) == 2 for p in pieces):
                    spans[parts[0]] = (typ, pieces)
            elif parts[0].startswith("E"):
                events.append(dict(r.split(":", 1) for r in parts[1].split() if ":" in r))
    return spans, events

# ---------------------------------------------------------------- gold quotes

DOUBLE_OPEN = ("\u201c", "\u201e", "\u00ab", "``")
DOUBLE_CLOSE = ("\u201d", "\u00bb")
DOUBLE_EITHER = ('"', "''")
OPEN_CONTEXT = " \t\n\r([{\u2014\u2013-/"


def marks(text, a, b):
    """Quote marks in text[a:b]: (position, length, 'open'|'close', double?)."""
    out, i = [], a
    while i < b:
        two = text[i:i + 2] if i + 1 < b else ""
        c = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if two in ("``", "''"):
            kind = "open" if two == "``" or prev in OPEN_CONTEXT or i == a else "close"
            out.append((i, 2, kind, True))
            i += 2
            continue
        if c in DOUBLE_OPEN or c in DOUBLE_CLOSE:
            # curly marks say which end they are, unless typed the wrong
            # way round ("the world“ and"): then their flanks decide
            kind = "open" if c in DOUBLE_OPEN else "close"
            if kind == "open" and prev not in OPEN_CONTEXT and i != a and not nxt.isalnum() and nxt not in "'‘":
                kind = "close"
            elif kind == "close" and (prev in OPEN_CONTEXT or i == a) and nxt.isalnum():
                kind = "open"
            out.append((i, 1, kind, True))
        elif c == '"':
            out.append((i, 1, "open" if prev in OPEN_CONTEXT or i == a else "close", True))
        elif c in "\u2018'" and (prev in OPEN_CONTEXT or i == a or prev in "\u201c\"") and nxt.isalnum():
            out.append((i, 1, "open", False))
        elif c in "\u2019'" and not nxt.isalnum() and (prev.isalnum() or prev in ".,!?\u2026"):
            out.append((i, 1, "close", False))
        i += 1
    return out


def gold_quotes(text, pieces):
    """The quoted stretches of one Content annotation: [(start, end)], the
    words between an opening and a closing mark. Double marks first; single
    marks count only outside double ones (headline style, 'like this'). An
    opening mark repeated at a new paragraph continues the quote; one never
    closed runs to the end of its piece."""
    found = []
    for a, b in pieces:
        ms = marks(text, a, b)
        use_double = any(d for _, _, _, d in ms)
        ms = [m for m in ms if m[3] == use_double]
        start = None
        for pos, ln, kind, _ in ms:
            if kind == "open":
                if start is None:
                    start = pos + ln
            elif start is not None:
                found.append((start, pos))
                start = None
            elif not use_double:
                continue  # an apostrophe ("voters'") with no quote open
            elif text[a:pos].strip():
                found.append((a, pos))  # the piece starts inside a quote
        if start is not None:
            found.append((start, b))
    out = []
    for s, e in found:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and re.search(r"\w", text[s:e]):
            out.append((s, e))
    return out


def load_gold(data, name, annfile):
    with open(os.path.join(data, "text", name + ".txt"), encoding="utf-8") as f:
        text = f.read()
    spans, events = parse_ann(os.path.join(data, "attributions", annfile))
    gold = []
    for ev in events:
        # an attribution may have a second content ("Content2") for a quote
        # resumed after its cue
        pieces = []
        for role, tid in ev.items():
            if role.startswith("Content") and tid in spans:
                pieces.extend(spans[tid][1])
        if not pieces:
            continue
        source = spans.get(ev.get("Source"))
        for s, e in gold_quotes(text, sorted(pieces)):
            gold.append({"start": s, "end": e, "source": source[1] if source else None})
    return text, gold

# ---------------------------------------------------------------- predictions

def byte_to_char(text):
    """A function mapping byte offsets of text's UTF-8 encoding to characters."""
    table, pos = [], 0
    for i, c in enumerate(text):
        n = len(c.encode("utf-8"))
        table.extend([i] * n)
        pos += n
    table.append(len(text))
    return lambda b: table[min(max(b, 0), len(table) - 1)] if b is not None else None


def load_pred(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
    except (OSError, ValueError):
        return None
    conv = byte_to_char(text)
    out = []
    for q in raw:
        if q.get("indirect"):
            continue
        out.append({"start": conv(q["start"]), "end": conv(q["end"]),
                    "speaker": q.get("speaker") or "",
                    "sstart": conv(q.get("speaker_start")), "send": conv(q.get("speaker_end"))})
    return out

# ---------------------------------------------------------------- scoring

NOT_NAMES = set("""the a an this that these those he she it they we i you his her its their our
mr mrs ms dr sen rep gov president senator representative governor secretary
former u.s. us new one some many two all both every another other according
""".split())


def name_words(s):
    return {w.lower() for w in re.findall(r"[^\W\d_][\w.'\u2019-]*", s)
            if w[0].isupper() and len(w) > 1 and w.lower() not in NOT_NAMES}


def overlap(a, b, c, d):
    return max(0, min(b, d) - max(a, c))


def speaker_ok(text, pred, source):
    if pred["sstart"] is not None and pred["send"] is not None:
        if any(overlap(pred["sstart"], pred["send"], a, b) > 0 for a, b in source):
            return True
    src = " ".join(text[a:b] for a, b in source)
    return bool(name_words(pred["speaker"]) & name_words(src))


def score_doc(text, gold, pred, errs, name):
    """Counts for one document: matched predictions, matched gold quotes,
    speaker checks and speaker hits."""
    c = {"pred": len(pred), "gold": len(gold), "tp_pred": 0, "tp_gold": 0, "spk": 0, "spk_ok": 0}
    hit = [False] * len(pred)
    for g in gold:
        need = (g["end"] - g["start"]) / 2.0
        best, best_ov = None, 0
        for i, p in enumerate(pred):
            ov = overlap(p["start"], p["end"], g["start"], g["end"])
            if ov >= need and ov > 0:
                hit[i] = True
                if ov > best_ov:
                    best, best_ov = p, ov
        if best is None:
            errs.append(("miss", name, g["start"], text[g["start"]:g["end"]], ""))
            continue
        c["tp_gold"] += 1
        if g["source"]:
            c["spk"] += 1
            if speaker_ok(text, best, g["source"]):
                c["spk_ok"] += 1
            else:
                src = " | ".join(text[a:b] for a, b in g["source"])
                errs.append(("speaker", name, g["start"], text[g["start"]:g["end"]],
                             "pred=%r gold=%r" % (best["speaker"], src)))
    c["tp_pred"] = sum(hit)
    for i, p in enumerate(pred):
        if not hit[i]:
            errs.append(("false", name, p["start"], text[p["start"]:p["end"]], p["speaker"]))
    return c


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def cmd_score(data, preddir, json_out=None, nerr=0):
    tot = {"pred": 0, "gold": 0, "tp_pred": 0, "tp_gold": 0, "spk": 0, "spk_ok": 0}
    errs, docs, missing = [], 0, 0
    for name, annfile in sorted(annotation_files(data).items()):
        text, gold = load_gold(data, name, annfile)
        pred = load_pred(os.path.join(preddir, name + ".json"), text)
        if pred is None:
            missing += 1
            pred = []
        docs += 1
        c = score_doc(text, gold, pred, errs, name)
        for k in tot:
            tot[k] += c[k]
    p = tot["tp_pred"] / tot["pred"] if tot["pred"] else 0.0
    r = tot["tp_gold"] / tot["gold"] if tot["gold"] else 0.0
    acc = tot["spk_ok"] / tot["spk"] if tot["spk"] else 0.0
    res = {"documents": docs, "gold_quotes": tot["gold"], "predicted": tot["pred"],
           "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4),
           "speaker_accuracy": round(acc, 4), "speaker_checked": tot["spk"],
           "missing_predictions": missing}
    print("documents %d, gold quotes %d, predicted %d%s" % (
        docs, tot["gold"], tot["pred"], ", %d without output" % missing if missing else ""))
    print("quote    P %.3f  R %.3f  F1 %.3f" % (p, r, f1(p, r)))
    print("speaker  accuracy %.3f (%d of %d matched quotes with a source)" % (acc, tot["spk_ok"], tot["spk"]))
    if json_out:
        with open(json_out, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1)
    if nerr:
        for kind, name, pos, q, extra in errs[:nerr] if nerr > 0 else errs:
            q = q.replace("\n", " ")
            print("%-7s %s@%d: %s %s" % (kind, name, pos, q[:120], extra))
    return 0


def cmd_gold(data):
    for name, annfile in sorted(annotation_files(data).items()):
        text, gold = load_gold(data, name, annfile)
        for g in gold:
            src = " | ".join(text[a:b] for a, b in g["source"]) if g["source"] else "-"
            print("%s\t%d\t%s\t%s" % (name, g["start"], text[g["start"]:g["end"]].replace("\n", " "), src))
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "score":
        args = argv[2:]
        json_out, nerr = None, 0
        if "--json" in args:
            i = args.index("--json")
            json_out = args[i + 1]
            del args[i:i + 2]
        if "--errors" in args:
            i = args.index("--errors")
            nerr = int(args[i + 1])
            del args[i:i + 2]
        if len(args) != 2:
            return usage()
        return cmd_score(args[0], args[1], json_out, nerr)
    if len(argv) == 3 and argv[1] == "gold":
        return cmd_gold(argv[2])
    return usage()


def usage():
    sys.stderr.write("usage: polnear.py score DATA PRED [--json OUT] [--errors N]\n"
                     "       polnear.py gold DATA\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
