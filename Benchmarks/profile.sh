#!/usr/bin/env bash
# Where govtag's instructions go. Usage:
#
#   Benchmarks/profile.sh [SLICE_MB]
#
# Runs `govtag tag --jobs 1` over a SLICE_MB (default 2) MB slice of the benchmark corpus (the
# same generator and seed, so the slice is the corpus's first records) under
# valgrind --tool=callgrind, then writes Benchmarks/results/callgrind-summary.txt: the
# instructions per group (ICU, keyword automaton, JSON, Foundation, allocation and reference
# counting, …) and the top 25 functions by their own instructions, demangled. Builds govtag
# (release, .build-bench) first. Works from any directory.
#
# The slice is small because callgrind runs about 50 times slower than the program; lexicon
# loading, a fixed start-up cost, is therefore a larger share here than in the 200 MB run.
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

SLICE="${1:-${SLICE_MB:-2}}"
[[ "$SLICE" =~ ^[0-9]+$ ]] && [ "$SLICE" -gt 0 ] || die "SLICE_MB must be a whole number of MB above 0, not '$SLICE'"
require_tool valgrind valgrind
require_tool callgrind_annotate valgrind
require_tool python3 python3
require_tool strip binutils
build_all

mkdir -p "$DATA_DIR/out" "$RESULTS_DIR"
SLICE_FILE="$DATA_DIR/slice-$SLICE.jsonl"
# Made anew when the corpus or the generator changed since the slice was made.
if [ ! -s "$SLICE_FILE" ] || [ "$SLICE_FILE" -ot "$ROOT_DIR/Corpus/dev.jsonl" ] || [ "$SLICE_FILE" -ot "$ROOT_DIR/Corpus/test.jsonl" ] \
  || [ "$SLICE_FILE" -ot "$BENCH_DIR/make-corpus.py" ]; then
  python3 "$BENCH_DIR/make-corpus.py" "$SLICE" --out "$SLICE_FILE"
fi
PROFILE_OUT="$DATA_DIR/callgrind.out"
ANNOTATED="$DATA_DIR/callgrind-exclusive.txt"
INCLUSIVE="$DATA_DIR/callgrind-inclusive.txt"

# Valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug information Swift 6 emits and gives
# up ("unhandled dwarf2 abbrev form code 0x25"), so profile a copy without debug information:
# the symbol table, which is all callgrind needs for function names, stays.
PROFILED="$DATA_DIR/govtag-nodebug"
cp "$GOVTAG" "$PROFILED"
strip --strip-debug "$PROFILED" || die "strip --strip-debug $PROFILED failed (install binutils)"

say "callgrind: govtag tag --jobs 1 over $SLICE MB (takes a minute or two)"
rm -f "$PROFILE_OUT"
valgrind --tool=callgrind --callgrind-out-file="$PROFILE_OUT" \
  "$PROFILED" tag "$SLICE_FILE" --jobs 1 --quiet -o "$DATA_DIR/out/slice-labelled.jsonl" --lexicons "$LEXICONS" \
  2>"$DATA_DIR/callgrind.log" || { tail -20 "$DATA_DIR/callgrind.log" >&2; die "valgrind failed; its log is $DATA_DIR/callgrind.log"; }
rm -f "$DATA_DIR/out/slice-labelled.jsonl"

# Every function's own (exclusive) and inclusive instructions with its object file, demangled.
callgrind_annotate --threshold=100 --show-percs=yes --auto=no "$PROFILE_OUT" 2>/dev/null \
  | swift demangle --simplified >"$ANNOTATED"
callgrind_annotate --threshold=100 --show-percs=yes --auto=no --inclusive=yes "$PROFILE_OUT" 2>/dev/null \
  | swift demangle --simplified >"$INCLUSIVE"
python3 "$BENCH_DIR/callgrind-groups.py" "$ANNOTATED" --inclusive "$INCLUSIVE" --slice-mb "$SLICE" --top 25 \
  >"$RESULTS_DIR/callgrind-summary.txt"
cat "$RESULTS_DIR/callgrind-summary.txt"
say "summary: $RESULTS_DIR/callgrind-summary.txt (full profile: $PROFILE_OUT; listings: $ANNOTATED, $INCLUSIVE)"
