#!/bin/sh
# Fixture cases in cmark's spec style: tests/spec/<stage>/<name>.<ext> is an
# input, <name>.expect says what the output must hold (see tests/spec.py).
exec python3 "$(dirname "$0")/spec.py" "$@"
