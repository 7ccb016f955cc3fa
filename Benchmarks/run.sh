#!/usr/bin/env bash
# GovTag's throughput and memory benchmark. Usage:
#
#   Benchmarks/run.sh [SIZE_MB] [--with-jieba] [--profile] [--no-big] [--baseline REV]
#
#   SIZE_MB        size of the corpus in MB of 10^6 bytes (default 200; also SIZE_MB=)
#   --with-jieba   also time the jieba + pyahocorasick tagger (pip-installs them when missing)
#                  on the first JIEBA_MB (default 20) MB of the corpus
#   --profile      also run profile.sh (callgrind on a 2 MB slice)
#   --no-big       skip the 1 GB peak-memory run of govtag tag --jobs ALL (also BIG_MB=0)
#   --baseline REV also build govtag at git revision REV (with REV's own Lexicons/) and time its
#                  `tag --jobs 1` interleaved with the rest, for a same-run "within N% of REV"
#                  ratio (also BASELINE=REV)
#
# Environment: RUNS (timed runs of each measurement, default 3), SIZE_MB, JIEBA_MB, BIG_MB
# (size of the peak-memory run, default 1000).
#
# Builds govtag (release, .build-bench) and govtag-bench (release, Benchmarks/.build), makes
# the corpus under Benchmarks/.data/ if it is missing, then times, RUNS times each and
# interleaved (each round rotated by one): govtag tag --jobs 1, govtag tag --jobs ALL, govtag tag --jobs 1 --evidence none
# (to show what writing evidence costs), govtag tag --jobs 1 --evidence-layout full (GovTag 0.1's
# evidence layout, the same output shape as an older baseline's), the ICU floor, the GovTag core pass (and jieba). It
# prints a Markdown table of medians and the ratios against their targets and writes it to
# Benchmarks/results/latest.md. Works from any directory.
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

SIZE="${SIZE_MB:-200}"
RUNS="${RUNS:-3}"
JIEBA_MB="${JIEBA_MB:-20}"
BIG_MB="${BIG_MB:-1000}"
WITH_JIEBA=0
PROFILE=0
BASELINE="${BASELINE:-}"
expect_baseline=0
for argument in "$@"; do
  if [ "$expect_baseline" = 1 ]; then BASELINE="$argument"; expect_baseline=0; continue; fi
  case "$argument" in
    --baseline) expect_baseline=1 ;;
    --baseline=*) BASELINE="${argument#--baseline=}" ;;
    --with-jieba) WITH_JIEBA=1 ;;
    --profile) PROFILE=1 ;;
    --no-big) BIG_MB=0 ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) die "unknown option $argument; see Benchmarks/run.sh --help" ;;
    *) SIZE="$argument" ;;
  esac
done
[[ "$SIZE" =~ ^[0-9]+$ ]] && [ "$SIZE" -gt 0 ] || die "SIZE_MB must be a whole number of MB above 0, not '$SIZE'"
[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -gt 0 ] || die "RUNS must be a whole number above 0, not '$RUNS'"
[[ "$JIEBA_MB" =~ ^[0-9]+$ ]] && [ "$JIEBA_MB" -gt 0 ] || die "JIEBA_MB must be a whole number above 0, not '$JIEBA_MB'"
[[ "$BIG_MB" =~ ^[0-9]+$ ]] || die "BIG_MB must be a whole number of MB (0 skips the run), not '$BIG_MB'"

JOBS_ALL="$(nproc)"
require_tool python3 python3
[ -x /usr/bin/time ] || require_tool /usr/bin/time time
build_all
[ "$expect_baseline" = 0 ] || die "--baseline needs a git revision, e.g. --baseline HEAD~3"
[ -z "$BASELINE" ] || build_baseline "$BASELINE"
ensure_corpus "$SIZE"

RAW="$RESULTS_DIR/raw"
OUT_DIR="$DATA_DIR/out"
mkdir -p "$RAW" "$OUT_DIR"
MEASUREMENTS="$RAW/measurements.jsonl"
: >"$MEASUREMENTS"
rm -f "$RAW"/*.stdout "$RAW"/*.stderr "$RAW"/*.time

# measure NAME RUN OUTPUT_FILE COMMAND...: runs COMMAND under /usr/bin/time -v, appends
# {name, run, wall_seconds, max_rss_kb, user_seconds, system_seconds, output_bytes, stdout} to
# MEASUREMENTS and deletes OUTPUT_FILE (if any) afterwards, so outputs do not fill the disk.
measure() {
  local name="$1" run="$2" output="$3"
  shift 3
  local base="$RAW/$name.$run"
  local started ended status=0
  started="$(date +%s%N)"
  /usr/bin/time -v -o "$base.time" "$@" >"$base.stdout" 2>"$base.stderr" || status=$?
  ended="$(date +%s%N)"
  local output_bytes=0
  if [ -n "$output" ]; then
    output_bytes="$(stat -c %s "$output" 2>/dev/null || echo 0)"
    rm -f "$output"
  fi
  if [ "$status" != 0 ]; then
    cat "$base.stderr" >&2
    die "$name (run $run) exited with status $status: $*"
  fi
  python3 - "$name" "$run" "$started" "$ended" "$base" "$output_bytes" >>"$MEASUREMENTS" <<'PY'
import json, re, sys
name, run, started, ended, base, output_bytes = sys.argv[1:]
text = open(base + ".time").read()
def field(label):
    match = re.search(re.escape(label) + r":\s*([0-9.]+)", text)
    return float(match.group(1)) if match else None
print(json.dumps({"name": name, "run": int(run), "wall_seconds": (int(ended) - int(started)) / 1e9,
                  "max_rss_kb": field("Maximum resident set size (kbytes)"),
                  "user_seconds": field("User time (seconds)"), "system_seconds": field("System time (seconds)"),
                  "output_bytes": int(output_bytes),
                  "stdout": open(base + ".stdout").read().strip()}))
PY
  say "$(printf '%-10s run %s: %6.2f s' "$name" "$run" "$(python3 -c "print(($ended - $started) / 1e9)")")"
}

NAMES=(govtag-j1 "govtag-j$JOBS_ALL" govtag-j1-noevidence govtag-j1-full icu core)
[ -z "$BASELINE" ] || NAMES+=(baseline-j1)
run_one() {
  local name="$1" run="$2"
  case "$name" in
    govtag-j1-noevidence)
      measure "$name" "$run" "$OUT_DIR/labelled.jsonl" \
        "$GOVTAG" tag "$CORPUS" --jobs 1 --evidence none --quiet -o "$OUT_DIR/labelled.jsonl" --lexicons "$LEXICONS" ;;
    govtag-j1-full)
      measure "$name" "$run" "$OUT_DIR/labelled.jsonl" \
        "$GOVTAG" tag "$CORPUS" --jobs 1 --evidence-layout full --quiet -o "$OUT_DIR/labelled.jsonl" --lexicons "$LEXICONS" ;;
    govtag-j*)
      local jobs="${name#govtag-j}"
      measure "$name" "$run" "$OUT_DIR/labelled.jsonl" \
        "$GOVTAG" tag "$CORPUS" --jobs "$jobs" --quiet -o "$OUT_DIR/labelled.jsonl" --lexicons "$LEXICONS" ;;
    baseline-j1)
      measure "$name" "$run" "$OUT_DIR/labelled-baseline.jsonl" \
        "$BASELINE_GOVTAG" tag "$CORPUS" --jobs 1 --quiet -o "$OUT_DIR/labelled-baseline.jsonl" --lexicons "$BASELINE_LEXICONS" ;;
    icu) measure icu "$run" "" "$GOVTAG_BENCH" icu "$TEXTS" ;;
    core) measure core "$run" "" "$GOVTAG_BENCH" core "$TEXTS" --lexicons "$LEXICONS" ;;
    jieba)
      measure jieba "$run" "$OUT_DIR/jieba.jsonl" python3 "$BENCH_DIR/jieba-tagger.py" "$CORPUS" \
        -o "$OUT_DIR/jieba.jsonl" --lexicons "$LEXICONS" --max-bytes "$((JIEBA_MB * 1000000))" ;;
  esac
}

if [ "$WITH_JIEBA" = 1 ]; then
  if ! python3 -c 'import jieba, ahocorasick, yaml' 2>/dev/null; then
    say "installing jieba and pyahocorasick (pip)"
    python3 -m pip install --quiet jieba pyahocorasick pyyaml || die "pip install jieba pyahocorasick pyyaml failed"
  fi
  NAMES+=(jieba)
fi

say "warming the page cache"
cat "$CORPUS" "$TEXTS" >/dev/null
say "timing ${NAMES[*]}: $RUNS runs each, interleaved (the machine should be otherwise idle)"
# Each round starts one measurement later than the last (a rotation), so that no measurement
# always runs first, or always right after the one that wrote 2 GB.
for run in $(seq 1 "$RUNS"); do
  count=${#NAMES[@]}
  for offset in $(seq 0 $((count - 1))); do
    run_one "${NAMES[$(((offset + run - 1) % count))]}" "$run"
  done
done

if [ "$BIG_MB" -gt 0 ]; then
  BIG="$DATA_DIR/corpus-$BIG_MB.jsonl"
  if [ ! -s "$BIG" ] || [ "$BIG" -ot "$CORPUS" ]; then
    say "making the $BIG_MB MB corpus by repeating $CORPUS with fresh ids"
    python3 "$BENCH_DIR/make-corpus.py" "$BIG_MB" --repeat-from "$CORPUS" --out "$BIG" --meta "$DATA_DIR/corpus-$BIG_MB.json"
  fi
  say "peak memory: govtag tag --jobs $JOBS_ALL over $BIG_MB MB (one run)"
  measure "big-j$JOBS_ALL" 1 "$OUT_DIR/labelled-big.jsonl" \
    "$GOVTAG" tag "$BIG" --jobs "$JOBS_ALL" --quiet -o "$OUT_DIR/labelled-big.jsonl" --lexicons "$LEXICONS"
fi

mkdir -p "$RESULTS_DIR"
python3 "$BENCH_DIR/report.py" --measurements "$MEASUREMENTS" --meta "$META" --size "$SIZE" \
  --jobs "$JOBS_ALL" --runs "$RUNS" --jieba-mb "$JIEBA_MB" --big-mb "$BIG_MB" \
  --govtag "$GOVTAG" --build-note "$BUILD_NOTE" --baseline "${BASELINE_LABEL:-}" --out "$RESULTS_DIR/latest.md"
say "results: $RESULTS_DIR/latest.md (raw runs: $RAW)"

if [ "$PROFILE" = 1 ]; then
  "$BENCH_DIR/profile.sh"
fi
