#!/bin/sh
# bench/lang_speed.sh BUILD - tokens/s of the language layer over English
# news text: the text fields of `crosscheck extract` on the dragnet pages
# (unpacked by bench/extract.sh into build/bench-data), one document per
# form feed, concatenated and
# repeated to about 40 MB, written under BUILD (never committed). Skips
# (exit 0) when the pages are absent.
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
HTML=build/bench-data/dragnet/html
TAR=../shared/data/extraction/dragnet.tar.gz
if [ ! -d "$HTML" ]; then
  [ -f "$TAR" ] || { echo "lang-speed: $TAR absent, skipping"; exit 0; }
  mkdir -p build/bench-data && tar -xzf "$TAR" -C build/bench-data || exit 1
fi
make --no-print-directory BUILD="$BUILD" "$BUILD/crosscheck" >/dev/null || exit 1
CFLAGS="-std=c11 -O2 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Isrc -Iinclude"
cc $CFLAGS bench/lang_speed.c "$BUILD/libcrosscheck.a" \
  $(pkg-config --libs libxml-2.0 libutf8proc yaml-0.1 jansson md4c zlib) -lm \
  -o "$BUILD/lang_speed" || exit 1
text="$BUILD/bench-lang.txt"
"$BUILD/crosscheck" extract "$HTML" 2>/dev/null |
  python3 -c 'import json, sys
t = "\n\f".join(json.loads(l)["text"] for l in sys.stdin)
sys.stdout.write(t * max(1, 40000000 // max(1, len(t.encode()))))' > "$text" || exit 1
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
$PIN "$BUILD/lang_speed" "$text" 5
