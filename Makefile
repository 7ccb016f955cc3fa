# GovTag: the two set-up commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
# apt-get needs root; use sudo when not root and sudo exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)
CORPUS ?= $(sort $(wildcard Corpus/*.jsonl))
OUT ?= out

.PHONY: deps build release run test bench clean calibrate planted confidence-figures

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

# Fit the confidence curves on the development split only (Corpus/test.jsonl is for reporting).
calibrate: release
	.build/release/govtag calibrate Corpus/dev.jsonl -o Lexicons/calibration.yaml

# The audit fixture: 10 wrong manual labels planted in Corpus/test.jsonl (seed 11).
planted: release
	@mkdir -p $(OUT)
	.build/release/govtag tag Corpus/test.jsonl -q -o $(OUT)/test-labelled.jsonl
	scripts/plant-label-errors.py Corpus/test.jsonl $(OUT)/test-labelled.jsonl -o Tests/Fixtures/audit/planted-test.jsonl --seed 11

# The README's "Confidence" tables, measured on Corpus/test.jsonl.
confidence-figures: release
	scripts/confidence-figures.py --govtag .build/release/govtag

test: deps
	$(SWIFT) test

clean:
	rm -rf .build $(OUT)
