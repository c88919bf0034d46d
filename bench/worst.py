#!/usr/bin/env python3
"""Lists pages of one set by shingle F1 (worst first) for a tool's output and
shows, for the first few, what was missed and what was extra (stdlib only).

usage: worst.py DATADIR OUT.jsonl [N] [--show K] [--no-comments]"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import gold_of, load_jsonl, without_comments  # noqa: E402
from shingle_f1 import page_f1, score, TOKEN  # noqa: E402


def lines_missing(gold, pred):
    """Gold lines whose tokens are mostly absent from pred, and pred lines
    mostly absent from gold."""
    def toks(t):
        return set(TOKEN.findall(t))
    pg, pp = toks(pred), toks(gold)
    miss = [l for l in gold.splitlines() if l.strip() and
            len([t for t in TOKEN.findall(l) if t not in pg]) > 0.5 * max(1, len(TOKEN.findall(l)))]
    extra = [l for l in pred.splitlines() if l.strip() and
             len([t for t in TOKEN.findall(l) if t not in pp]) > 0.5 * max(1, len(TOKEN.findall(l)))]
    return miss, extra


def main():
    datadir, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 30
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 5
    gold = gold_of(datadir)
    if "--no-comments" in sys.argv:
        gold = without_comments(gold)
    pred = load_jsonl(out)
    rows = []
    for i, g in gold.items():
        s = score(g, pred.get(i, ""))
        rows.append((page_f1(s), s, i))
    rows.sort()
    for f1, s, i in rows[:n]:
        print("%.3f P=%.3f R=%.3f tp=%d fp=%d fn=%d %s" % (f1, s[3], s[4], s[0], s[1], s[2], i))
    for f1, s, i in rows[:show]:
        miss, extra = lines_missing(gold[i], pred.get(i, ""))
        print("\n==== %s F1=%.3f" % (i, f1))
        print("-- missed (gold lines absent from output):")
        for l in miss[:12]:
            print("   - " + l[:200])
        print("-- extra (output lines absent from gold):")
        for l in extra[:12]:
            print("   + " + l[:200])


if __name__ == "__main__":
    main()
