#!/usr/bin/python3
"""Runs readability-lxml over a list of HTML files (argv[1]: file with one
path per line) and writes JSON Lines {path, title, text} to argv[2]; prints
the seconds spent in the extraction loop (reading files excluded) on stdout.
Needs Debian's python3-readability: run with /usr/bin/python3."""
import json
import sys
import time

import lxml.html
from readability import Document


def main():
    paths = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    pages = []
    for p in paths:
        with open(p, "rb") as f:
            pages.append((p, f.read()))  # bytes: readability detects the charset
    results = []
    t0 = time.perf_counter()
    for p, html in pages:
        try:
            doc = Document(html)
            summary = doc.summary()
            title = doc.title()
            text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
        except Exception:  # a page readability cannot read scores zero
            title, text = "", ""
        results.append((p, title, text))
    elapsed = time.perf_counter() - t0
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for p, title, text in results:
            out.write(json.dumps({"path": p, "title": title, "text": text}) + "\n")
    print("%.6f" % elapsed)


if __name__ == "__main__":
    main()
