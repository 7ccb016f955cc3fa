# GovTag: the two set-up commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
# apt-get needs root; use sudo when not root and sudo exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)
CORPUS ?= $(sort $(wildcard Corpus/*.jsonl))
OUT ?= out

# Installation: `make install PREFIX=~/.local`, staged with DESTDIR for packagers.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
DATADIR = $(DESTDIR)$(PREFIX)/share/govtag
# The relocatable build (Swift runtime and Foundation linked in) has its own build folder, so it
# and `make release` do not relink each other's binary back and forth.
STATIC_BUILD ?= .build-static
STATIC_GOVTAG = $(STATIC_BUILD)/release/govtag
VERSION := $(shell sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/GovTagKit/Support/GovTagVersion.swift)
DIST ?= dist
DIST_NAME = govtag-$(VERSION)-linux-$(shell uname -m)

.PHONY: deps build release static run test install install-files uninstall dist \
  reference test-install test-dist test-spark test-exchange test-serve bench bench-serve fuzz lint format calibrate planted confidence-figures audit-figures clean

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

# A binary that runs without a Swift toolchain (it needs only glibc and libicu72).
static: deps
	$(SWIFT) build -c release --static-swift-stdlib --product govtag --scratch-path $(STATIC_BUILD)

# The main job: label the bundled corpus with the bundled lexicons.
run: release
	@mkdir -p $(OUT)
	.build/release/govtag lexicon check --lexicons Lexicons
	.build/release/govtag tag $(CORPUS) --lexicons Lexicons -o $(OUT)/labelled.jsonl --errors $(OUT)/errors.jsonl
	.build/release/govtag report $(OUT)/labelled.jsonl -o $(OUT)/report.html
	@echo "labelled records: $(OUT)/labelled.jsonl"

# Fit the confidence curves on the development split only (Corpus/test.jsonl is for reporting).
calibrate: release
	.build/release/govtag calibrate Corpus/dev.jsonl -o Lexicons/calibration.yaml --folds-by-part

# The audit fixture: 10 wrong manual labels planted in Corpus/test.jsonl (seed 11).
planted: release
	@mkdir -p $(OUT)
	.build/release/govtag tag Corpus/test.jsonl -q -o $(OUT)/test-labelled.jsonl
	scripts/plant-label-errors.py Corpus/test.jsonl $(OUT)/test-labelled.jsonl -o Tests/Fixtures/audit/planted-test.jsonl --seed 11 --swaps 0

# The README's "Confidence" tables, measured on Corpus/test.jsonl.
confidence-figures: release
	scripts/confidence-figures.py --govtag .build/release/govtag

# How well audit finds planted label errors: dev out of fold and test, seeds 1-20 (README, "Audit").
audit-figures: release
	scripts/audit-planted-figures.py --govtag .build/release/govtag

test: deps
	$(SWIFT) test

# PREFIX/bin/govtag and PREFIX/share/govtag/Lexicons, where the binary finds them with no flags.
install: static
	@$(MAKE) --no-print-directory install-files

# The lexicon folder is replaced, not merged: a file left from an older version would still load.
install-files:
	rm -rf $(DATADIR)/Lexicons
	install -d $(BINDIR) $(DATADIR)/Lexicons
	install -m 755 $(STATIC_GOVTAG) $(BINDIR)/govtag
	install -m 644 Lexicons/* $(DATADIR)/Lexicons/

uninstall:
	rm -f $(BINDIR)/govtag
	rm -rf $(DATADIR)

# dist/govtag-VERSION-linux-ARCH.tar.gz: an installation tree (bin/, share/govtag/Lexicons) with
# README.md and LICENSE, to unpack anywhere.
dist: static
	rm -rf $(DIST)/$(DIST_NAME) $(DIST)/$(DIST_NAME).tar.gz
	$(MAKE) --no-print-directory install-files PREFIX= DESTDIR=$(DIST)/$(DIST_NAME)
	install -m 644 README.md LICENSE $(DIST)/$(DIST_NAME)/
	tar -czf $(DIST)/$(DIST_NAME).tar.gz -C $(DIST) --owner=0 --group=0 --sort=name $(DIST_NAME)
	@echo "$(DIST)/$(DIST_NAME).tar.gz"

# What test-install and test-dist compare against: the normal build, built when missing.
# REFERENCE=$(CURDIR)/.build/debug/govtag (after `make test`) saves a release build; its output is
# the same bytes.
REFERENCE ?= $(CURDIR)/.build/release/govtag
reference:
	@[ -x "$(REFERENCE)" ] || $(MAKE) --no-print-directory release

# `make install` into a temporary prefix, then tag, explain and lexicon check from / with no flags.
test-install: static reference
	REFERENCE="$(REFERENCE)" scripts/test-install.sh

# The tarball unpacked elsewhere, run with the Swift toolchain's libraries hidden.
test-dist: dist reference
	REFERENCE="$(REFERENCE)" scripts/test-dist.sh $(DIST)/$(DIST_NAME).tar.gz

# The tarball's binary as a PySpark `rdd.pipe` stage (local[2]); installs pyspark and Java when missing.
test-spark: dist
	scripts/test-spark.sh $(DIST)/$(DIST_NAME).tar.gz

# Label Studio (label-studio-sdk), liwc and jieba read what govtag export and lexicon export write,
# and a round trip without edits keeps every label (docs/exchange.md); installs them from PyPI when
# missing. LABEL_STUDIO=1 also runs a real Label Studio on 127.0.0.1 (in .build/label-studio-venv).
test-exchange: build
	scripts/test-exchange.sh .build/debug/govtag

# swift-format (the toolchain's), with the style the code follows (.swift-format: 2 spaces, 130
# columns): `make lint` fails on any difference, `make format` rewrites the files.
FORMAT_PATHS = Package.swift Sources Tests Examples/tag-one-text/Sources Benchmarks/Sources Fuzz/Sources
lint:
	$(SWIFT) format lint --strict --recursive $(FORMAT_PATHS)

format:
	$(SWIFT) format format --in-place --recursive $(FORMAT_PATHS)

# A real `govtag serve` on loopback: schemathesis (PyPI) against its /openapi.json, SIGHUP reload
# (good and broken lexicons), SIGTERM with a request in flight, a taken port (scripts/test-serve.sh).
test-serve: build
	scripts/test-serve.sh .build/debug/govtag

# The server under wrk load (Benchmarks/serve.sh): requests/s and latency at 1, 8 and 64
# connections against govtag tag --jobs 2 on the same texts, a 5-minute soak with bad requests
# and a reload, RSS. Takes about 8 minutes; run it on an idle machine.
bench-serve:
	Benchmarks/serve.sh

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
	rm -rf .build $(STATIC_BUILD) $(OUT) $(DIST)
