# crosscheck - build, test, demo, bench. Thin: the work is in scripts/ and tests/.
#   make            build/crosscheck
#   make check      all tests (closing line: N passed, N failed)
#   make demo       install deps, build, analyze the bundled examples
#   make bench      benchmarks over ../shared/data (skip when absent)
#   make asan|ubsan the whole suite under sanitizers

CC      ?= cc
HOSTCC  ?= cc
BUILD   ?= build
PKGS    := libxml-2.0 libutf8proc yaml-0.1 jansson md4c zlib libxxhash sqlite3 libmicrohttpd
OPT     ?= -O2
WERROR  := $(if $(CI),-Werror,)
CFLAGS  ?= $(OPT) -g
CFLAGS  += -std=c11 -Wall -Wextra -Wpedantic -Wstrict-prototypes -Wshadow $(WERROR) \
           -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(XCFLAGS)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm $(XLDFLAGS)

LIB_SRC := $(sort $(wildcard src/*/*.c))
LIB_SRC := $(filter-out src/cli/%,$(LIB_SRC))
LIB_ASM := $(sort $(wildcard src/*/*.S))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC:= $(sort $(wildcard tests/unit/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(LIB_ASM:%.S=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_OBJ:= $(TEST_SRC:%.c=$(BUILD)/obj/%.o)
DEPS    := $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)

.PHONY: all check test demo bench bench-extract bench-ner bench-times bench-quotes bench-cluster bench-serve model asan ubsan deps clean fuzz

all: $(BUILD)/crosscheck

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

# trained weights and lists linked in as bytes (src/*/*.S)
$(BUILD)/obj/%.o: %.S model/ner.bin data/gazetteer.tsv data/resolve.tsv data/clusters.tsv data/lemmas.tsv
	@mkdir -p $(dir $@)
	$(CC) -DXC_LANGID_BIN='"$(BUILD)/gen/langid.bin"' -DXC_GAZ_BIN='"$(BUILD)/gen/gazetteer.bin"' \
	  -c $< -o $@

# the language-id and name-list tables, built at compile time by host
# tools (data/gen_*_table.c; no sanitizers: they only run here)
$(BUILD)/obj/src/extract/langid_data.o: $(BUILD)/gen/langid.bin
$(BUILD)/obj/src/lang/gazetteer_data.o: $(BUILD)/gen/gazetteer.bin
$(BUILD)/gen/gazetteer.bin: data/gen_gaz_table.c data/gazetteer.tsv src/lang/gaz_table.h \
                            src/lang/gazetteer.h src/core/core.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -O2 -std=c11 -D_DEFAULT_SOURCE -Isrc -o $(BUILD)/gen/gen_gaz_table $<
	$(BUILD)/gen/gen_gaz_table data/gazetteer.tsv $@
$(BUILD)/gen/langid.bin: data/gen_langid_table.c src/extract/langid_table.h \
                         src/extract/langid.inc src/core/core.h
	@mkdir -p $(dir $@)
	$(HOSTCC) -O2 -std=c11 -D_DEFAULT_SOURCE -Isrc -o $(BUILD)/gen/gen_langid_table $<
	$(BUILD)/gen/gen_langid_table $@

# the store re-analyses a store whose briefs another build wrote: its build
# id is a checksum of everything that shapes the analysis
BUILD_ID := $(shell cat $(LIB_SRC) $(LIB_ASM) $(wildcard src/*/*.h src/*/*.inc include/*.h) \
              model/ner.bin data/*.tsv 2>/dev/null | cksum | cut -d' ' -f1)
$(BUILD)/obj/src/store/store.o: CFLAGS += -DXC_BUILD_ID='"$(BUILD_ID)"'
$(BUILD)/obj/src/store/store.o: $(filter-out src/store/store.c,$(LIB_SRC)) $(LIB_ASM) \
              model/ner.bin $(wildcard data/*.tsv)

$(BUILD)/libcrosscheck.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/crosscheck: $(CLI_OBJ) $(BUILD)/libcrosscheck.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test-unit: $(TEST_OBJ) $(BUILD)/libcrosscheck.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

check: deps
	@$(MAKE) --no-print-directory test

# the suite without the dependency check (used by check, asan, ubsan)
test: $(BUILD)/crosscheck $(BUILD)/test-unit
	@tests/run.sh $(BUILD)

demo: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/crosscheck analyze examples/

deps:
	@scripts/deps

bench: bench-extract bench-ner bench-times bench-quotes bench-cluster bench-serve

bench-extract: all $(BUILD)/extract-loop
	@bench/extract.sh $(BUILD)

# times the extraction loop alone, as bench/readability_run.py does
$(BUILD)/extract-loop: bench/extract_loop.c $(BUILD)/libcrosscheck.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

bench-ner: all
	@bench/ner.sh $(BUILD)

bench-times: all
	@bench/times.sh $(BUILD)

bench-quotes: all
	@bench/quotes.sh $(BUILD)

# story clustering and copies: ECB+ and BASIL scores beside a tf-idf
# baseline, then a synthetic stream of SCALE_N reports fed one at a time to
# the copy index and the incremental clusterer (SCALE_N=1000000 for the
# full run of issue 5)
SCALE_N ?= 100000
bench-cluster: all $(BUILD)/synth-stream $(BUILD)/cluster-scale
	@SCALE_N=$(SCALE_N) bench/cluster.sh $(BUILD)

# the web server under load: a store of SERVE_N synthetic reports, wrk at 64
# connections against `crosscheck serve` and a Python peer (bench/serve.sh)
SERVE_N ?= 100000
bench-serve: all $(BUILD)/synth-stream
	@SERVE_N=$(SERVE_N) bench/serve.sh $(BUILD)

$(BUILD)/synth-stream: bench/synth_stream.c $(BUILD)/libcrosscheck.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/cluster-scale: bench/cluster_scale.c $(BUILD)/libcrosscheck.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# retrain model/ner.bin from ../shared/data/conll2003, then relink
model: all
	@scripts/model.sh $(BUILD)
	@$(MAKE) --no-print-directory all

asan: deps
	@$(MAKE) --no-print-directory test BUILD=build/asan OPT=-O1 \
	  XCFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  XLDFLAGS="-fsanitize=address,undefined"

ubsan: deps
	@$(MAKE) --no-print-directory test BUILD=build/ubsan OPT=-O1 \
	  XCFLAGS="-fsanitize=undefined -fno-sanitize-recover=all" XLDFLAGS="-fsanitize=undefined"

clean:
	rm -rf build

-include $(DEPS)

# ---- fuzzing: one libFuzzer target per parser, seeded from the fixtures ----
FUZZ_TARGETS := hdom html text markdown ingest lang timex

FUZZ_TARGETS := hdom html text markdown ingest lang quote
FUZZ_TIME    ?= 60
fuzz:
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang OPT=-O1 \
	  XCFLAGS="-fsanitize=fuzzer-no-link,address,undefined" build/fuzz/libcrosscheck.a
	@for t in $(FUZZ_TARGETS); do \
	  case $$t in html|text|markdown) src="fuzz/fuzz_extractor.c -DFUZZ_EXTRACT=xc_extract_$$t";; \
	    *) src=fuzz/fuzz_$$t.c;; esac; \
	  clang -std=c11 -g -O1 -Isrc -Iinclude -fsanitize=fuzzer,address,undefined \
	    $$src build/fuzz/libcrosscheck.a $(LDLIBS) -o build/fuzz/fuzz_$$t || exit 1; \
	  mkdir -p build/fuzz/corpus_$$t; \
	  cp tests/spec/extract/* examples/* build/fuzz/corpus_$$t/ 2>/dev/null; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_TIME) -max_len=65536 \
	    -timeout=10 build/fuzz/corpus_$$t || exit 1; \
	done
