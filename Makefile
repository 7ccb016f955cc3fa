# GovTag: the two set-up commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
# apt-get needs root; use sudo when not root and sudo exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)
CORPUS ?= $(sort $(wildcard Corpus/*.jsonl))
OUT ?= out

.PHONY: deps build release run test bench clean fuzz

# ICU4C's headers and libraries (Debian's libicu-dev), installed only when missing.
deps:
	@if [ ! -e /usr/include/unicode/ubrk.h ]; then \
	  echo "govtag: installing libicu-dev (ICU4C) with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libicu-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product govtag

# The main job: label the bundled corpus with the bundled lexicons.
run: release
	@mkdir -p $(OUT)
	.build/release/govtag lexicon check --lexicons Lexicons
	.build/release/govtag tag $(CORPUS) --lexicons Lexicons -o $(OUT)/labelled.jsonl --errors $(OUT)/errors.jsonl
	.build/release/govtag report $(OUT)/labelled.jsonl -o $(OUT)/report.html
	@echo "labelled records: $(OUT)/labelled.jsonl"

test: deps
	$(SWIFT) test

# libFuzzer over the JSON record reader, the CSV and JSON array readers and the lexicon parser,
# FUZZ_SECONDS each (Fuzz/README.md). New inputs go to Fuzz/.build/corpus, crashes to
# Fuzz/.build/crashes; the committed seeds are Fuzz/Seeds.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzJSONRecord FuzzCSV FuzzLexicon
fuzz: deps
	cd Fuzz && $(SWIFT) build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p Fuzz/.build/corpus/$$target Fuzz/.build/crashes || exit 1; \
	  echo "govtag: fuzzing $$target for $(FUZZ_SECONDS) s"; \
	  Fuzz/.build/debug/$$target -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	    -print_final_stats=1 -artifact_prefix=Fuzz/.build/crashes/$$target- \
	    Fuzz/.build/corpus/$$target Fuzz/Seeds/$$target || exit 1; \
	done

clean:
	rm -rf .build $(OUT)
