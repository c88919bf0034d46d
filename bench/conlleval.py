#!/usr/bin/env python3
"""Span-level NER scores in the manner of conlleval: an entity counts when
its type and exact extent match. Reads `crosscheck entities --conll` output
(gold tag in the second-to-last column, prediction in the last; IOB1 or
IOB2) and prints precision, recall and F1 overall and per type (stdlib
only). With --json FILE also writes the figures as JSON.

usage: conlleval.py OUTPUT.conll [--json FILE]"""
import json
import sys


def spans(tags):
    """(start, end, type) of every chunk; a sentence boundary (None) ends one."""
    out, start, typ = [], None, None
    for i, t in enumerate(tags + [None]):
        if t is None or t == "O":
            kind, ty = None, None
        else:
            kind, ty = t.split("-", 1)
        begins = ty is not None and (start is None or kind == "B" or ty != typ)
        if start is not None and (ty is None or begins):
            out.append((start, i, typ))
            start = None
        if begins:
            start, typ = i, ty
    return out


def main():
    path = sys.argv[1]
    gold, pred = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if not cols or cols[0] == "-DOCSTART-":
                gold.append(None)
                pred.append(None)
                continue
            gold.append(cols[-2])
            pred.append(cols[-1])
    g = set(spans(gold))
    p = set(spans(pred))
    types = sorted({s[2] for s in g | p})
    report = {}
    for ty in types + ["overall"]:
        gs = {s for s in g if ty == "overall" or s[2] == ty}
        ps = {s for s in p if ty == "overall" or s[2] == ty}
        tp = len(gs & ps)
        prec = tp / len(ps) if ps else 0.0
        rec = tp / len(gs) if gs else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        report[ty] = {"precision": prec, "recall": rec, "f1": f1, "gold": len(gs), "predicted": len(ps)}
        print("%-8s P %.4f  R %.4f  F1 %.4f  (gold %d, predicted %d)" % (ty, prec, rec, f1, len(gs), len(ps)))
    if "--json" in sys.argv:
        with open(sys.argv[sys.argv.index("--json") + 1], "w") as f:
            json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
