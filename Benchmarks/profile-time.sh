#!/usr/bin/env bash
# Where govtag's time goes, beside where the bare ICU pass's goes. Usage:
#
#   Benchmarks/profile-time.sh [SLICE_MB]
#
# Samples `govtag tag --jobs 1` and `govtag-bench icu` (the bare ICU word-break pass) over the
# same first SLICE_MB (default 20) MB of the benchmark corpus with `perf record -e cpu-clock`,
# then writes Benchmarks/results/time-profile.txt: each program's CPU seconds, the share and
# seconds spent in ICU (libicuuc) and elsewhere, and govtag's top functions by samples.
#
# Why besides profile.sh: callgrind counts instructions, which are steady but blind to how long
# each takes. GovTag runs at about 0.75 of the ICU pass in instructions and about 0.6 on the
# clock; this shows which code takes the difference (cache misses in the automaton's tables,
# for one). `cpu-clock` is a software event, so it works in virtual machines without hardware
# counters. Samples move by a few percent between runs on a shared machine.
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

SLICE="${1:-${SLICE_MB:-20}}"
[[ "$SLICE" =~ ^[0-9]+$ ]] && [ "$SLICE" -gt 0 ] || die "SLICE_MB must be a whole number of MB above 0, not '$SLICE'"
require_tool perf linux-perf
require_tool python3 python3
build_all

mkdir -p "$DATA_DIR/out" "$RESULTS_DIR"
JSONL="$DATA_DIR/time-slice-$SLICE.jsonl"
TEXTS="$DATA_DIR/time-slice-$SLICE.txt"
# The same generator and seed as the benchmark, so the slice is its corpus's first records.
python3 "$BENCH_DIR/make-corpus.py" "$SLICE" --out "$JSONL" --texts "$TEXTS" >/dev/null

record() {  # record NAME COMMAND...
  local name="$1"
  shift
  perf record -q -e cpu-clock -F 2000 -o "$DATA_DIR/perf-$name.data" -- "$@" >/dev/null 2>"$DATA_DIR/perf-$name.log" \
    || { tail -5 "$DATA_DIR/perf-$name.log" >&2; die "perf record failed for $name (log: $DATA_DIR/perf-$name.log); perf may need kernel.perf_event_paranoid <= 2"; }
  perf report -i "$DATA_DIR/perf-$name.data" --no-children --sort dso,sym --stdio -g none 2>/dev/null \
    | swift demangle --simplified >"$DATA_DIR/perf-$name.txt"
}

# Three rounds, interleaved, so that a burst of another job's work lands on both programs;
# the summary takes each figure's median.
for round in 1 2 3; do
  say "perf, round $round of 3: govtag tag --jobs 1 over $SLICE MB, then the bare ICU pass over the same texts"
  record "tag-$round" "$GOVTAG" tag "$JSONL" --jobs 1 --quiet -o "$DATA_DIR/out/time-slice-labelled.jsonl" --lexicons "$LEXICONS"
  rm -f "$DATA_DIR/out/time-slice-labelled.jsonl"
  record "icu-$round" "$GOVTAG_BENCH" icu "$TEXTS"
done

python3 - "$DATA_DIR" "$SLICE" >"$RESULTS_DIR/time-profile.txt" <<'EOF'
import re, sys

def read(path):
    samples, total, rows = 0, 0, []
    for line in open(path, encoding="utf-8", errors="replace"):
        match = re.match(r"# Samples: (\d+)", line)
        if match:
            samples = int(match.group(1))
        match = re.match(r"# Event count \(approx\.\): (\d+)", line)
        if match:
            total = int(match.group(1))
        match = re.match(r"\s*([\d.]+)%\s+(\S+)\s+\[\.\]\s+(.*)$", line)
        if match:
            rows.append((float(match.group(1)), match.group(2), match.group(3).strip()))
    return samples, total / 1e9, rows  # cpu-clock counts nanoseconds

def median(values):
    return sorted(values)[len(values) // 2]

def icu_share(rows):
    return sum(share for share, dso, _ in rows if dso.startswith("libicu")) / 100

runs = {name: [read(f"{sys.argv[1]}/perf-{name}-{round}.txt") for round in (1, 2, 3)] for name in ("tag", "icu")}
tag_seconds = median([seconds for _, seconds, _ in runs["tag"]])
icu_seconds = median([seconds for _, seconds, _ in runs["icu"]])
tag_icu = median([seconds * icu_share(rows) for _, seconds, rows in runs["tag"]])
floor_icu = median([seconds * icu_share(rows) for _, seconds, rows in runs["icu"]])
tag_rows = runs["tag"][1][2]
print(f"perf record -e cpu-clock over the first {sys.argv[2]} MB of the benchmark corpus: CPU seconds, medians of 3 rounds")
print()
print(f"{'':34}{'govtag tag --jobs 1':>22}{'bare ICU pass':>16}")
print(f"{'CPU seconds':34}{tag_seconds:>22.2f}{icu_seconds:>16.2f}")
print(f"{'  in ICU (libicuuc)':34}{tag_icu:>22.2f}{floor_icu:>16.2f}")
print(f"{'  elsewhere':34}{tag_seconds - tag_icu:>22.2f}{icu_seconds - floor_icu:>16.2f}")
print()
print(f"ICU pass ÷ govtag in CPU time: {icu_seconds / tag_seconds:.2f}. govtag's time in ICU is "
      f"{tag_icu / floor_icu:.2f} of the pass's; at 0.8 of the pass, govtag would have "
      f"{1.25 * icu_seconds - tag_icu:.2f} s for everything else (it takes {tag_seconds - tag_icu:.2f} s)")
print()
print("govtag's top functions by samples (own time, round 2):")
for share, dso, symbol in sorted(tag_rows, reverse=True)[:25]:
    print(f"  {share:5.2f}%  {symbol[:110]}  [{dso}]")
EOF
cat "$RESULTS_DIR/time-profile.txt"
say "summary: $RESULTS_DIR/time-profile.txt (perf data: $DATA_DIR/perf-{tag,icu}-{1,2,3}.data)"
