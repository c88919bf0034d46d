#!/usr/bin/env python3
"""cluster_corpus.py DATA - writes to stdout the unlabelled text that
data/gen_clusters.sh clusters words from: one sentence a line, tokens
split on spaces the way CoNLL-2003 splits them (punctuation apart,
"'s" and "n't" as their own tokens).

Sources under DATA (../shared/data): the gold texts of the extraction
sets, PolNeAR train texts, TempEval-3 TimeML texts (tags stripped),
ECB+ dev documents, BASIL article bodies, and the tokens of CoNLL-2003
eng.train (the tagger's own training text; never eng.testa/eng.testb).
Deterministic: files are read in sorted order."""
import html
import json
import os
import re
import sys
import tarfile

TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f]+(?=n't)|n't|'s\b|'[A-Za-z]+|"
                   r"\d+(?:[.,:/]\d+)*|[A-Za-z\u00c0-\u024f0-9]+(?:[.'&-][A-Za-z\u00c0-\u024f0-9]+)*\.?"
                   r"|\S")
SENT_END = re.compile(r"(?<=[.!?\"'])\s+(?=[\"'A-Z0-9])")


def tokens(line):
    """CoNLL-like tokens of one sentence; a trailing dot of a word is kept
    only for one-letter words and known abbreviation shapes (U.S., Mr.)."""
    out = []
    for t in TOKEN.findall(line):
        if len(t) > 2 and t[-2:].lower() == "'s":
            out += [t[:-2], t[-2:]]
        elif t.endswith(".") and len(t) > 1 and not re.fullmatch(r"(?:[A-Za-z]\.)+|[A-Z][a-z]{0,3}\.", t):
            out += [t[:-1], "."]
        else:
            out.append(t)
    return out


def emit(text):
    """Splits text into paragraphs, then sentences, and prints them."""
    for para in re.split(r"\n", text):
        para = " ".join(para.split())
        if not para:
            continue
        for s in SENT_END.split(para):
            toks = tokens(s)
            if toks:
                print(" ".join(toks))


def main():
    data = sys.argv[1]
    for name in ("l3s-gn1.tar.gz", "dragnet.tar.gz"):
        with tarfile.open(os.path.join(data, "extraction", name)) as tar:
            members = sorted((m for m in tar.getmembers() if "/gold/" in m.name and m.isfile()),
                             key=lambda m: m.name)
            for m in members:
                emit(tar.extractfile(m).read().decode("utf-8", "replace"))
    for sub in ("polnear/train/text", "ecbplus-dev/docs"):
        d = os.path.join(data, sub)
        for f in sorted(os.listdir(d)):
            with open(os.path.join(d, f), encoding="utf-8", errors="replace") as fh:
                emit(fh.read())
    for root, _, files in sorted(os.walk(os.path.join(data, "tempeval3-train"))):
        for f in sorted(files):
            if f.endswith(".tml"):
                with open(os.path.join(root, f), encoding="utf-8", errors="replace") as fh:
                    t = fh.read()
                t = re.sub(r"<EXTRAINFO>.*?</EXTRAINFO>|<DCT>.*?</DCT>|<DOCID>.*?</DOCID>", "", t,
                           flags=re.S)
                emit(html.unescape(re.sub(r"<[^>]*>", "", t)))
    for root, _, files in sorted(os.walk(os.path.join(data, "basil", "articles"))):
        for f in sorted(files):
            with open(os.path.join(root, f), encoding="utf-8") as fh:
                art = json.load(fh)
            body = art.get("body-paragraphs", "[]")
            paras = json.loads(body) if isinstance(body, str) else body
            emit(art.get("title", "") + "\n" + "\n".join(" ".join(p) for p in paras))
    sent = []
    with open(os.path.join(data, "conll2003", "eng.train"), encoding="utf-8") as fh:
        for line in fh:
            w = line.split()
            if not w or w[0] == "-DOCSTART-":
                if sent:
                    print(" ".join(sent))
                sent = []
            else:
                sent.append(w[0])


if __name__ == "__main__":
    main()
