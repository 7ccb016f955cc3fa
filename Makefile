# GovTag: the two set-up commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
# apt-get needs root; use sudo when not root and sudo exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)
CORPUS ?= $(sort $(wildcard Corpus/*.jsonl))
OUT ?= out

.PHONY: deps build release run test bench clean

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

clean:
	rm -rf .build $(OUT)
