#!/usr/bin/env python3
"""synth_files.py STREAM.jsonl DIR - writes each report of a synthetic stream
(bench/synth_stream.c) as a Markdown file with front matter (title, date,
site), the form `crosscheck ingest` reads: DIR/NNN/rNNNNNNN.md, a thousand
files a folder."""
import json
import os
import sys

src, out = sys.argv[1], sys.argv[2]
for i, line in enumerate(open(src, encoding="utf-8")):
    d = json.loads(line)
    folder = os.path.join(out, "%03d" % (i // 1000))
    if i % 1000 == 0:
        os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "r%07d.md" % i), "w", encoding="utf-8") as f:
        f.write("---\ntitle: %s\ndate: %s\nsite: %s\n---\n\n%s\n" % (
            json.dumps(d["title"]), d["published"], json.dumps(d["outlet"]), d["text"]))
