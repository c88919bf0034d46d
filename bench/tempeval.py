#!/usr/bin/env python3
"""tempeval.py - scores `crosscheck times` on TimeML (.tml) files with the
TempEval-3 temporal-expression metrics (standard library only).

For each file: the text inside <TEXT> with every tag stripped and XML
entities decoded is the input; its <TIMEX3> elements are the gold (the
creation-time TIMEX3 inside <DCT> is not part of the text and is left out);
the DCT's date is passed as --dct. Predictions and gold are paired one to
one (a predicted span overlapping a gold span; the largest overlap first)
and scored:

  strict extent P/R/F1   pairs whose extents are identical
  relaxed extent P/R/F1  pairs whose extents overlap
  type, value accuracy   over the relaxed pairs
  value P/R/F1           relaxed pairs with the right value, over the
                         predicted (P) and gold (R) counts (TempEval-3's
                         attribute F1)

usage: tempeval.py --bin CROSSCHECK DIR... [--json OUT] [--errors NAME]
        [--dump DIR]
  DIR        a corpus folder of .tml files (reported under its base name)
  --errors   print missed, spurious and wrongly valued expressions of the
             corpus NAME with their context (for development)
  --dump     also write each plain text and a manifest (DCT, path) there,
             for the speed harness (bench/times_speed.c)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
TAG = re.compile(r"<(/?)([A-Za-z_][\w.-]*)([^>]*?)(/?)>|&(#x[0-9a-fA-F]+|#[0-9]+|\w+);")
ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')


def decode_entity(name):
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return ENTITIES.get(name, "&" + name + ";")


def parse_tml(raw):
    """Returns (dct 'YYYY-MM-DD' or None, plain text, gold list). Gold items
    are dicts with start/end as character offsets into the plain text."""
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if m:
        v = ATTR.findall(m.group(1))
        vals = dict(v)
        if re.match(r"\d{4}-\d\d-\d\d", vals.get("value", "")):
            dct = vals["value"][:10]
    a = raw.find("<TEXT>")
    b = raw.find("</TEXT>")
    if a < 0 or b < 0:
        return dct, "", []
    body = raw[a + len("<TEXT>"):b]
    out = []
    n = 0  # characters of plain text so far
    pos = 0
    gold, open_timex = [], []
    for m in TAG.finditer(body):
        chunk = body[pos:m.start()]
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        if m.group(5):  # an entity
            ch = decode_entity(m.group(5))
            out.append(ch)
            n += len(ch)
            continue
        closing, name, attrs, selfclose = m.group(1), m.group(2), m.group(3), m.group(4)
        if name != "TIMEX3":
            continue
        if closing:
            if open_timex:
                g = open_timex.pop()
                g["end"] = n
                gold.append(g)
        else:
            vals = dict(ATTR.findall(attrs))
            if vals.get("functionInDocument") == "CREATION_TIME":
                vals["_dct"] = True
            g = {"start": n, "type": vals.get("type", ""), "value": vals.get("value", ""),
                 "dct": "_dct" in vals}
            if selfclose:
                g["end"] = n
                gold.append(g)
            else:
                open_timex.append(g)
    out.append(body[pos:])
    text = "".join(out)
    gold = [g for g in gold if g["end"] > g["start"]]
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    gold.sort(key=lambda g: (g["start"], g["end"]))
    return dct, text, gold


def char_to_byte(text):
    """Table: character offset -> UTF-8 byte offset (len(text)+1 entries)."""
    table = [0] * (len(text) + 1)
    b = 0
    for i, ch in enumerate(text):
        table[i] = b
        b += len(ch.encode("utf-8"))
    table[len(text)] = b
    return table


def pair(gold, pred):
    """One-to-one pairs (gi, pi) of overlapping spans, largest overlap first."""
    cand = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                cand.append((-ov, gi, pi))
    cand.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cand:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


class Score:
    def __init__(self):
        self.gold = self.pred = self.strict = self.relaxed = 0
        self.type_ok = self.value_ok = 0
        self.docs = 0
        self.seconds = 0.0

    def add(self, other):
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def report(self):
        def prf(hit_p, hit_r):
            p = hit_p / self.pred if self.pred else 0.0
            r = hit_r / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return p, r, f

        sp, sr, sf = prf(self.strict, self.strict)
        rp, rr, rf = prf(self.relaxed, self.relaxed)
        vp, vr, vf = prf(self.value_ok, self.value_ok)
        return {
            "documents": self.docs, "gold": self.gold, "predicted": self.pred,
            "strict": {"p": sp, "r": sr, "f1": sf},
            "relaxed": {"p": rp, "r": rr, "f1": rf},
            "type_accuracy": self.type_ok / self.relaxed if self.relaxed else 0.0,
            "value_accuracy": self.value_ok / self.relaxed if self.relaxed else 0.0,
            "value": {"p": vp, "r": vr, "f1": vf},
            "docs_per_s": self.docs / self.seconds if self.seconds else 0.0,
        }


def context(text, s, e, width=60):
    a = max(0, s - width)
    b = min(len(text), e + width)
    return (text[a:s] + "[" + text[s:e] + "]" + text[e:b]).replace("\n", " ")


def score_doc(binary, path, sc, errors, dump):
    raw = open(path, encoding="utf-8").read()
    dct, text, gold = parse_tml(raw)
    gold = [g for g in gold if not g["dct"]]
    data = text.encode("utf-8")
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as tf:
        tf.write(data)
        tmp = tf.name
    args = [binary, "times"] + (["--dct", dct] if dct else []) + [tmp]
    try:
        t0 = time.perf_counter()
        res = subprocess.run(args, capture_output=True)
        sc.seconds += time.perf_counter() - t0
    finally:
        os.unlink(tmp)
    if res.returncode != 0:
        sys.stderr.write("tempeval: %s: exit %d: %s\n" % (path, res.returncode,
                                                         res.stderr.decode(errors="replace")[:300]))
        pred = []
    else:
        pred = json.loads(res.stdout.decode("utf-8"))
    # byte offsets of the predictions back to characters
    b2c = {}
    for i, b in enumerate(char_to_byte(text)):
        b2c.setdefault(b, i)
    for p in pred:
        p["start"] = b2c.get(p["start"], p["start"])
        p["end"] = b2c.get(p["end"], p["end"])
    sc.docs += 1
    sc.gold += len(gold)
    sc.pred += len(pred)
    pairs = pair(gold, pred)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        sc.relaxed += 1
        if g["start"] == p["start"] and g["end"] == p["end"]:
            sc.strict += 1
        if g["type"] == p.get("type"):
            sc.type_ok += 1
        if g["value"] == p.get("value"):
            sc.value_ok += 1
        if errors is not None:
            if (g["start"], g["end"]) != (p["start"], p["end"]):
                errors.append("EXTENT %s gold %r pred %r  | %s" % (
                    os.path.basename(path), g["text"], p.get("text"), context(text, g["start"], g["end"])))
            if g["value"] != p.get("value") or g["type"] != p.get("type"):
                errors.append("VALUE  %s %r gold %s %s pred %s %s dct %s | %s" % (
                    os.path.basename(path), g["text"], g["type"], g["value"], p.get("type"),
                    p.get("value"), dct, context(text, g["start"], g["end"])))
    if errors is not None:
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                errors.append("MISSED %s %r %s %s | %s" % (
                    os.path.basename(path), g["text"], g["type"], g["value"],
                    context(text, g["start"], g["end"])))
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                errors.append("SPURIOUS %s %r %s %s | %s" % (
                    os.path.basename(path), p.get("text"), p.get("type"), p.get("value"),
                    context(text, p["start"], p["end"])))
    if dump is not None:
        name = os.path.basename(path)[:-4] + ".txt"
        with open(os.path.join(dump, name), "wb") as f:
            f.write(data)
        with open(os.path.join(dump, "manifest.tsv"), "a") as f:
            f.write("%s\t%s\n" % (dct or "", name))


def fmt(name, r):
    return ("%-9s %4d docs %5d gold %5d pred | strict P %.3f R %.3f F1 %.3f | relaxed P %.3f R %.3f "
            "F1 %.3f | type acc %.3f | value acc %.3f, P %.3f R %.3f F1 %.3f" % (
                name, r["documents"], r["gold"], r["predicted"], r["strict"]["p"], r["strict"]["r"],
                r["strict"]["f1"], r["relaxed"]["p"], r["relaxed"]["r"], r["relaxed"]["f1"],
                r["type_accuracy"], r["value_accuracy"], r["value"]["p"], r["value"]["r"],
                r["value"]["f1"]))


def main(argv):
    binary, dirs, json_out, errors_for, dump = None, [], None, None, None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--bin", "--json", "--errors", "--dump") and i + 1 < len(argv):
            v = argv[i + 1]
            i += 2
            if a == "--bin":
                binary = v
            elif a == "--json":
                json_out = v
            elif a == "--errors":
                errors_for = v
            else:
                dump = v
            continue
        if a.startswith("-"):
            sys.stderr.write(__doc__)
            return 2
        dirs.append(a)
        i += 1
    if not binary or not dirs:
        sys.stderr.write(__doc__)
        return 2
    if dump is not None:
        os.makedirs(dump, exist_ok=True)
        open(os.path.join(dump, "manifest.tsv"), "w").close()
    total = Score()
    results = {}
    errors = []
    for d in dirs:
        name = os.path.basename(os.path.normpath(d))
        sc = Score()
        files = sorted(f for f in os.listdir(d) if f.endswith(".tml"))
        errs = errors if errors_for == name else None
        for f in files:
            score_doc(binary, os.path.join(d, f), sc, errs, dump)
        results[name] = sc.report()
        total.add(sc)
        print(fmt(name, results[name]))
    results["overall"] = total.report()
    print(fmt("overall", results["overall"]))
    print("whole process, one document per run: %.0f docs/s" % results["overall"]["docs_per_s"])
    if errors:
        print("\n".join(errors))
    if json_out:
        with open(json_out, "w") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
