#!/usr/bin/env python3
"""Runs the extraction fixture cases under tests/spec/extract.

Each input file NAME.<ext> (html, md, txt) has NAME.expect beside it:

    title: The exact title            field equals (null: "title: null")
    published: 2026-03-14
    authors: Jane Roe; John Doe       the list, in order
    site: ... / publisher: ... / language: ... / canonical: ...
    tags: a; b
    + a phrase that must be in the text
    - a phrase that must not be in the text
    # a comment

Prints "spec: N passed, N failed" (one case = one input file).
"""
import json
import os
import subprocess
import sys

LIST_FIELDS = {"authors", "tags"}


def check_case(binary, inp, expect):
    errors = []
    res = subprocess.run([binary, "extract", inp], capture_output=True, timeout=60)
    if res.returncode != 0:
        return ["exit status %d: %s" % (res.returncode, res.stderr.decode(errors="replace"))]
    lines = res.stdout.decode().splitlines()
    if len(lines) != 1:
        return ["expected one JSON line, got %d" % len(lines)]
    doc = json.loads(lines[0])
    text = doc.get("text") or ""
    for n, raw in enumerate(open(expect, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        where = "%s:%d" % (os.path.basename(expect), n)
        if line.startswith("+ ") or line.startswith("- "):
            phrase = line[2:]
            found = phrase in text
            if line[0] == "+" and not found:
                errors.append("%s: missing from text: %r" % (where, phrase))
            if line[0] == "-" and found:
                errors.append("%s: should not be in text: %r" % (where, phrase))
            continue
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        got = doc.get(key)
        if key in LIST_FIELDS:
            want = [v.strip() for v in value.split(";") if v.strip()]
            if got != want:
                errors.append("%s: %s = %r, got %r" % (where, key, want, got))
        else:
            want = None if value == "null" else value
            if got != want:
                errors.append("%s: %s = %r, got %r" % (where, key, want, got))
    return errors


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/crosscheck"
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spec", "extract")
    passed = failed = 0
    for name in sorted(os.listdir(root)) if os.path.isdir(root) else []:
        if name.endswith(".expect"):
            continue
        inp = os.path.join(root, name)
        expect = os.path.join(root, os.path.splitext(name)[0] + ".expect")
        if not os.path.exists(expect):
            print("spec: %s has no .expect file" % name)
            failed += 1
            continue
        try:
            errors = check_case(binary, inp, expect)
        except Exception as e:  # a crash or bad JSON is a failure, not a stop
            errors = ["%s: %s" % (type(e).__name__, e)]
        if errors:
            failed += 1
            print("FAIL spec/extract/%s" % name)
            for e in errors:
                print("  " + e)
        else:
            passed += 1
    print("spec: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
