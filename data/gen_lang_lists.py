#!/usr/bin/env python3
"""Generates the word lists of the tokenizer and the sentence splitter.

  python3 data/gen_lang_lists.py abbrev   > src/lang/abbrev.inc
  python3 data/gen_lang_lists.py starters > src/lang/starters.inc

abbrev: words whose following period is part of the word ("Gen.", "Corp.",
"Calif."). Three sources, combined because none is enough alone:
  1. compromise's curated abbreviation lists (npm package compromise 14.17.0,
     src/1-one/tokenize/model/abbreviations/*.js; MIT licence, (c) Spencer
     Kelly): honorifics, months, organisations, places, nouns, misc. Its
     units list is left out: news writes "9mm", "5 km" without a period, so a
     unit before a full stop is nearly always the end of a sentence.
     Fetched with `npm pack` unless --compromise DIR|TGZ is given.
  2. learned from CoNLL-2003 eng.train (Reuters, research use; only the
     derived words are kept, never the data): tokens "Xx." that are not the
     last token of a sentence, seen at least twice.
  3. learned from the raw news text of PolNeAR (../shared/data/polnear, only
     the derived words kept), Punkt-style (Kiss & Strunk 2006): "w." followed
     by white space or closing punctuation ("(R-Ky.)") at least 3 times, with the period at least 80% of the
     time, 2-5 letters, and not an English word in Debian's wamerican list
     (SCOWL; permissive licence, (c) Kevin Atkinson) so that "untrue." or
     "Scene." are not taken for abbreviations.
Each word is flagged WORDLIKE when its lower-case form is an English word in
wamerican, has a vowel, and is seen at least 3 times in lower case without a
period in the two corpora ("vet", "sir", "etc"; not "inc", which wamerican
also lists, nor "vs"): written in lower case it keeps its period only
mid-sentence. Honorifics are flagged HONORIFIC: they keep their period
only when capitalised ("Gen." but not "gen."). A tiny hand-written core adds
"No"/"Nos" as NUMPRE (keep the period only before a number: "No. 5"), which
no source above lists.

starters: capitalised words that begin sentences, learned from CoNLL-2003
eng.train: the first word of at least 3 sentences whose lower-case form is
seen at least 3 times mid-sentence and which is capitalised in at most 5% of
its mid-sentence uses ("The", "He", "Officials"; not "Army" or "State").
After an abbreviation that can end a sentence ("U.S.", "Corp.") the
splitter breaks only before such a word.

Needs: npm (for compromise), wamerican (apt-get install wamerican), and
../shared/data (CoNLL-2003, PolNeAR) beside the repository.
"""
import argparse
import collections
import glob
import os
import re
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared", "data")
COMPROMISE = "compromise@14.17.0"
LISTS = ["honorifics", "months", "organizations", "places", "nouns", "misc"]
DICT = "/usr/share/dict/american-english"
NUMPRE_CORE = ["no", "nos"]  # hand-written core (see the header)


def compromise_lists(src):
    """{list name: [words]} from an unpacked package dir or a .tgz."""
    tmp = None
    if src is None:
        tmp = tempfile.mkdtemp()
        subprocess.run(["npm", "pack", "--silent", COMPROMISE], cwd=tmp,
                       check=True, stdout=subprocess.DEVNULL)
        src = glob.glob(os.path.join(tmp, "compromise-*.tgz"))[0]
    if src.endswith(".tgz"):
        d = tmp or tempfile.mkdtemp()
        with tarfile.open(src) as tf:
            tf.extractall(d, filter="data") if hasattr(tarfile, "data_filter") else tf.extractall(d)
        src = os.path.join(d, "package")
    out = {}
    for name in LISTS:
        path = os.path.join(src, "src/1-one/tokenize/model/abbreviations", name + ".js")
        words = []
        for line in open(path, encoding="utf-8"):
            line = line.split("//")[0]
            words += re.findall(r"'([^']*)'", line)
        out[name] = words
    return out


def english_words():
    if not os.path.exists(DICT):
        sys.exit("gen_lang_lists.py: %s missing (apt-get install wamerican)" % DICT)
    return {w.strip() for w in open(DICT, encoding="utf-8") if w.strip().islower()}


def conll_sentences(path):
    sent = []
    for line in open(path, encoding="utf-8"):
        f = line.split()
        if not f:
            if sent:
                yield sent
            sent = []
        elif f[0] != "-DOCSTART-":
            sent.append(f[0])
    if sent:
        yield sent


def conll_abbrevs(path):
    seen = collections.Counter()
    for s in conll_sentences(path):
        for t in s[:-1]:
            if re.fullmatch(r"[A-Za-z]{2,}\.", t):
                seen[t[:-1].lower()] += 1
    return {w for w, n in seen.items() if n >= 2}


def punkt_abbrevs(texts, english, nodot):
    dot = collections.Counter()
    for path in texts:
        text = open(path, encoding="utf-8").read()
        for m in re.finditer(r"(?<![\w.@/])([A-Za-z]+)(\.(?=[\s)\],;:\"\u201d\u2019])|(?![\w.]))", text):
            (dot if m.group(2) else nodot)[m.group(1)] += 1
    out = set()
    for w, n in dot.items():
        if (n >= 3 and 2 <= len(w) <= 5 and n >= 0.8 * (n + nodot[w])
                and not w.isupper() and w.lower() not in english):
            out.add(w.lower())
    return out


def starters(path):
    init, low, capmid = collections.Counter(), collections.Counter(), collections.Counter()
    for s in conll_sentences(path):
        first = next((i for i, t in enumerate(s) if t[:1].isalpha()), None)
        if first is None:
            continue
        if re.fullmatch(r"[A-Z][a-z]*", s[first]):
            init[s[first]] += 1
        for i in range(first + 1, len(s)):
            if s[i - 1].endswith(".") or s[i - 1] in ('"', ":", "(", "'", "``"):
                continue
            if re.fullmatch(r"[a-z]+", s[i]):
                low[s[i]] += 1
            elif re.fullmatch(r"[A-Z][a-z]*", s[i]):
                capmid[s[i]] += 1
    return sorted(w for w, n in init.items()
                  if n >= 3 and low[w.lower()] >= 3
                  and capmid[w] <= 0.05 * (capmid[w] + low[w.lower()]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["abbrev", "starters"])
    ap.add_argument("--compromise", help="unpacked compromise package or its .tgz")
    ap.add_argument("--conll", default=os.path.join(SHARED, "conll2003", "eng.train"))
    ap.add_argument("--polnear", default=os.path.join(SHARED, "polnear"))
    a = ap.parse_args()
    if not os.path.exists(a.conll):
        sys.exit("gen_lang_lists.py: %s missing" % a.conll)
    if a.what == "starters":
        words = starters(a.conll)
        print("/* generated by data/gen_lang_lists.py starters; do not edit.")
        print(" * Capitalised words that often begin a sentence and are rarely")
        print(" * capitalised inside one, learned from CoNLL-2003 eng.train (Reuters")
        print(" * RCV1, research use; only these derived words are kept). Sorted")
        print(" * (strcmp order) for binary search. */")
        print("static const char *const lang_starters[] = {")
        for w in words:
            print('    "%s",' % w)
        print("};")
        return
    english = english_words()
    comp = compromise_lists(a.compromise)
    flags = {}
    for name, words in comp.items():
        for w in words:
            w = w.lower()
            if not re.fullmatch(r"[a-z]{2,}", w):
                continue
            f = flags.get(w, 0)
            if name == "honorifics":
                f |= 1
            flags[w] = f
    learned = conll_abbrevs(a.conll)
    texts = sorted(glob.glob(os.path.join(a.polnear, "*", "text", "*.txt")))
    plain = collections.Counter()  # words seen without a period
    learned |= punkt_abbrevs(texts, english, plain)
    for s in conll_sentences(a.conll):
        plain.update(s)
    for w in learned:
        flags.setdefault(w, 0)
    for w in NUMPRE_CORE:
        flags[w] = flags.get(w, 0) | 4
    for w in flags:
        if w in english and plain[w] >= 3 and re.search("[aeiouy]", w):
            flags[w] |= 2
    print("/* generated by data/gen_lang_lists.py abbrev; do not edit.")
    print(" * Abbreviations that keep their period, lower case, sorted (strcmp")
    print(" * order) for binary search. Sources: compromise 14.17.0 (MIT, (c) Spencer")
    print(" * Kelly); words learned from CoNLL-2003 eng.train and PolNeAR news text")
    print(" * (only the derived words are kept); WORDLIKE from Debian's wamerican")
    print(" * (SCOWL, (c) Kevin Atkinson, permissive); core: no, nos.")
    print(" * Flags: 1 HONORIFIC (needs a capital), 2 WORDLIKE (an English word:")
    print(" * in lower case only mid-sentence), 4 NUMPRE (only before a number). */")
    print("static const struct { const char *word; unsigned char flags; } lang_abbrevs[] = {")
    for w in sorted(flags):
        print('    {"%s", %d},' % (w, flags[w]))
    print("};")


main()
