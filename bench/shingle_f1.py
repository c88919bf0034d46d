#!/usr/bin/env python3
"""Shingle F1 of extracted text against gold text (stdlib only).

tokens   = re.findall(r"\w+", text)  (case-sensitive, Unicode)
shingles = every run of 4 consecutive tokens, as a multiset (a text with
           fewer than 4 tokens gives one shorter shingle)
per page: tp = sum(min(gold, pred)), fp = pred excess, fn = gold excess;
          precision = tp/(tp+fp), recall = tp/(tp+fn) (1 when fp = fn = 0,
          0 when tp = fp = 0 / tp = fn = 0)
precision is averaged over pages with tp+fp > 0, recall over pages with
tp+fn > 0; F1 = harmonic mean of the two averages.

Usage as a module: score(gold_text, pred_text) -> (tp, fp, fn, p, r);
aggregate(list of per-page tuples) -> (f1, p, r).
"""
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+")
K = 4


def shingles(text):
    toks = TOKEN.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < K:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + K]) for i in range(len(toks) - K + 1))


def score(gold, pred):
    g, p = shingles(gold), shingles(pred)
    tp = sum(min(c, p[s]) for s, c in g.items())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    if fp == 0 and fn == 0:
        prec = rec = 1.0
    else:
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
    return tp, fp, fn, prec, rec


def aggregate(rows):
    ps = [r[3] for r in rows if r[0] + r[1] > 0]
    rs = [r[4] for r in rows if r[0] + r[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f1, p, r


def page_f1(row):
    p, r = row[3], row[4]
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: shingle_f1.py GOLD PRED")
    gold = open(sys.argv[1], encoding="utf-8", errors="replace").read()
    pred = open(sys.argv[2], encoding="utf-8", errors="replace").read()
    tp, fp, fn, p, r = score(gold, pred)
    print("tp=%d fp=%d fn=%d P=%.3f R=%.3f" % (tp, fp, fn, p, r))
