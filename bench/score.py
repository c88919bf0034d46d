#!/usr/bin/env python3
"""Scores crosscheck and readability-lxml extractions of one or more sets
against gold text with shingle F1 and prints one table per set; writes all
figures as JSON (stdlib only).

usage: score.py OUT.json SET:DATADIR:CC.jsonl:CC_SECONDS:RD.jsonl:RD_SECONDS[:CC_LOOP_SECONDS] ...

CC_SECONDS is the whole crosscheck process (start-up, reading the files,
output); CC_LOOP_SECONDS its extraction loop alone with the pages already
in memory, which is how RD_SECONDS (readability-lxml) is measured.

The predicted text of both tools is title + "\\n" + text, because the gold
files hold the headline as their first line."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shingle_f1 import aggregate, score  # noqa: E402


def load_jsonl(path):
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                d = json.loads(line)
            except ValueError:
                continue
            key = os.path.splitext(os.path.basename(d.get("path", "")))[0]
            out[key] = (d.get("title") or "") + "\n" + (d.get("text") or "")
    return out


def decode(raw):
    """Gold text: UTF-8, or UTF-16 when it starts with a byte-order mark."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("utf-8", errors="replace")


def gold_of(datadir):
    gold = {}
    gdir = os.path.join(datadir, "gold")
    for name in os.listdir(gdir):
        if name.endswith(".txt"):
            with open(os.path.join(gdir, name), "rb") as f:
                gold[name[:-4]] = decode(f.read())
    return gold


# Dragnet's gold appends the page's reader comments after a marker line such
# as "!@#$%^&*()  COMMENTS" (sometimes mistyped: "COMMNENTS", "CORRECTED",
# "!@ $%^&*()"); crosscheck drops comment sections by design (SPEC.md), so
# such sets are also scored against the gold cut at the marker.
COMMENTS_MARK = re.compile(r"^(?:[^\w\n]*COMMENTS[^\w\n]*|.*%\^&\*\(\).*)$", re.M)


def without_comments(gold):
    out = {}
    for i, g in gold.items():
        m = COMMENTS_MARK.search(g)
        out[i] = g[:m.start()] if m else g
    return out


def html_bytes(datadir, ids):
    return sum(os.path.getsize(os.path.join(datadir, "html", i + ".html")) for i in ids)


def per_page(gold, pred):
    return {i: score(g, pred.get(i, "")) for i, g in gold.items()}


def main():
    out_json = sys.argv[1]
    report = {"metric": "shingle F1 (4-token shingles of \\w+ tokens, multiset); "
                        "predicted text = title + \"\\n\" + text for both tools",
              "sets": {}}
    print("predicted text = title + \"\\n\" + text for both tools "
          "(the gold files contain the headline)")
    for spec in sys.argv[2:]:
        fields = spec.split(":")
        name, datadir, cc_path, cc_s, rd_path, rd_s = fields[:6]
        loop_s = float(fields[6]) if len(fields) > 6 else 0.0
        gold = gold_of(datadir)
        ids = [i for i in gold if os.path.exists(os.path.join(datadir, "html", i + ".html"))]
        gold = {i: gold[i] for i in ids}
        mb = html_bytes(datadir, ids) / 1e6
        rows = {}
        gold_nc = without_comments(gold)
        with_comments = sum(1 for i in ids if gold_nc[i] != gold[i])
        for tool, path, secs in (("crosscheck", cc_path, float(cc_s)),
                                 ("readability-lxml", rd_path, float(rd_s))):
            pred = load_jsonl(path)
            pages = per_page(gold, pred)
            f1, p, r = aggregate(list(pages.values()))
            rows[tool] = {"f1": f1, "precision": p, "recall": r, "seconds": secs,
                          "pages_per_s": len(ids) / secs if secs > 0 else 0.0,
                          "mb_per_s": mb / secs if secs > 0 else 0.0,
                          "missing": sum(1 for i in ids if i not in pred)}
            if with_comments:
                f1, p, r = aggregate(list(per_page(gold_nc, pred).values()))
                rows[tool]["without_comments"] = {"f1": f1, "precision": p, "recall": r}
        cc, rd = rows["crosscheck"], rows["readability-lxml"]
        ratio = rd["seconds"] / cc["seconds"] if cc["seconds"] > 0 else 0.0
        report["sets"][name] = {"pages": len(ids), "mb": mb, "tools": rows,
                                "speed_ratio": ratio}
        if loop_s > 0:
            report["sets"][name]["crosscheck_loop"] = {
                "seconds": loop_s, "pages_per_s": len(ids) / loop_s, "mb_per_s": mb / loop_s,
                "speed_ratio": rd["seconds"] / loop_s}
        print("\n%s: %d pages, %.1f MB (one core each)" % (name, len(ids), mb))
        print("  %-18s %6s %6s %6s %9s %8s %8s" % ("tool", "F1", "P", "R", "pages/s", "MB/s", "seconds"))
        for tool in ("crosscheck", "readability-lxml"):
            t = rows[tool]
            print("  %-18s %6.3f %6.3f %6.3f %9.1f %8.2f %8.2f" % (
                tool, t["f1"], t["precision"], t["recall"], t["pages_per_s"], t["mb_per_s"], t["seconds"]))
        if with_comments:
            report["sets"][name]["pages_with_comments_in_gold"] = with_comments
            print("  gold cut before its COMMENTS marker (%d pages hold reader comments):" % with_comments)
            for tool in ("crosscheck", "readability-lxml"):
                t = rows[tool]["without_comments"]
                print("  %-18s %6.3f %6.3f %6.3f" % (tool, t["f1"], t["precision"], t["recall"]))
        print("  speed ratio crosscheck / readability-lxml: %.0fx (whole crosscheck process "
              "vs readability's extraction loop)" % ratio)
        if loop_s > 0:
            print("  crosscheck extraction loop alone (pages in memory, as readability is timed): "
                  "%.1f pages/s, %.2f MB/s, %.3f s; ratio %.0fx" % (
                      len(ids) / loop_s, mb / loop_s, loop_s, rd["seconds"] / loop_s))
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
    print("\nwrote %s" % out_json)


if __name__ == "__main__":
    main()
