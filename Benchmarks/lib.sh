# Shared by run.sh and profile.sh (sourced, not run): paths, messages, builds, the corpus.
# Expects `set -euo pipefail` from the caller.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(dirname "$BENCH_DIR")"
DATA_DIR="$BENCH_DIR/.data"
RESULTS_DIR="$BENCH_DIR/results"
# The main package's build folder for the benchmark (never the default .build), and the
# benchmark package's own.
MAIN_SCRATCH="$ROOT_DIR/.build-bench"
BENCH_SCRATCH="$BENCH_DIR/.build"
GOVTAG="$MAIN_SCRATCH/release/govtag"
GOVTAG_BENCH="$BENCH_SCRATCH/release/govtag-bench"
LEXICONS="$ROOT_DIR/Lexicons"
# Set by build_all when the plain release build failed and the workaround was used.
BUILD_NOTE=""
# Flags added to every swift build once the workaround below is needed.
EXTRA_SWIFT_FLAGS=()

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 2; }

# Checks that a command exists; installs the Debian package $2 with apt-get when it does not.
require_tool() {
  local tool="$1" package="$2"
  command -v "$tool" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    die "$tool is missing; install the Debian package $package (apt-get install $package)"
  fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  say "installing $package for $tool (apt-get)"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >/dev/null \
    || die "could not install $package; install it by hand (apt-get install $package)"
}

# Runs `swift build "$@"`; when the release build of GovTagKit fails only because of the
# MemberImportVisibility check on Linux (`stat` and its fields are attributed to
# CoreFoundation under whole-module optimisation), builds again with that check disabled: it
# changes what the compiler accepts, not the code it generates.
swift_build() {
  local log attempt replanned=0
  log="$(mktemp)"
  for attempt in 1 2 3 4 5; do
    if swift build "$@" "${EXTRA_SWIFT_FLAGS[@]}" >"$log" 2>&1; then
      rm -f "$log"
      return 0
    fi
    if grep -q 'was modified during the build' "$log"; then
      # Another engineer saved a file while we compiled: try again shortly.
      say "a source file changed during the build; trying again in 30 s (attempt $attempt of 5)"
      sleep 30
    elif [ ${#EXTRA_SWIFT_FLAGS[@]} = 0 ] && grep -q 'MemberImportVisibility\]' "$log"; then
      say "the release build trips the MemberImportVisibility check (see $log);"
      say "building again with -disable-upcoming-feature MemberImportVisibility (same generated code)"
      BUILD_NOTE="built with -Xswiftc -disable-upcoming-feature -Xswiftc MemberImportVisibility (the plain release build fails that check)"
      EXTRA_SWIFT_FLAGS=(-Xswiftc -disable-upcoming-feature -Xswiftc MemberImportVisibility)
    elif [ $replanned = 0 ] && grep -Eq "cannot find .* in scope|no such module" "$log"; then
      # SwiftPM keeps the build plan of a path dependency (the main package, for the benchmark
      # package) until a build fails: after a source file is added there, the first build
      # compiles the old file list and fails; the next one plans afresh.
      say "the build plan was stale (a source file was added or a target changed); building again"
      replanned=1
    else
      break
    fi
  done
  grep -E 'error:' "$log" | sort -u | head -20 >&2 || true
  die "swift build $* failed; the full log is $log (if another engineer is editing a file, wait a minute and run again)"
}

# Builds govtag (release, main package, .build-bench) and govtag-bench (release, Benchmarks/.build).
build_all() {
  command -v swift >/dev/null 2>&1 || die "swift is not on PATH; install Swift 6 first"
  [ -e /usr/include/unicode/ubrk.h ] || require_tool icuinfo libicu-dev
  say "building govtag (release, $MAIN_SCRATCH)"
  swift_build -c release --package-path "$ROOT_DIR" --product govtag --scratch-path "$MAIN_SCRATCH"
  say "building govtag-bench (release, $BENCH_SCRATCH)"
  swift_build -c release --package-path "$BENCH_DIR" --scratch-path "$BENCH_SCRATCH" --product govtag-bench
  [ -x "$GOVTAG" ] || die "the build did not produce $GOVTAG"
  [ -x "$GOVTAG_BENCH" ] || die "the build did not produce $GOVTAG_BENCH"
}

# Makes the SIZE-MB corpus (JSONL, texts, meta) under .data/ unless it is there already.
# Sets CORPUS, TEXTS, META.
ensure_corpus() {
  local size="$1"
  CORPUS="$DATA_DIR/corpus-$size.jsonl"
  TEXTS="$DATA_DIR/texts-$size.txt"
  META="$DATA_DIR/corpus-$size.json"
  # The corpus is made from Corpus/*.jsonl by make-corpus.py: a change to either makes it anew.
  local stamp="$DATA_DIR/corpus-$size.sources" sources
  sources="$(cat "$ROOT_DIR/Corpus/dev.jsonl" "$ROOT_DIR/Corpus/test.jsonl" "$BENCH_DIR/make-corpus.py" | sha256sum | cut -d' ' -f1)"
  if [ -s "$CORPUS" ] && [ -s "$TEXTS" ] && [ -s "$META" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$sources" ]; then
    say "corpus: $CORPUS (already made from the same sources)"
    return 0
  fi
  say "making the $size MB corpus in $DATA_DIR"
  rm -f "$stamp"
  python3 "$BENCH_DIR/make-corpus.py" "$size" --out "$CORPUS" --texts "$TEXTS" --meta "$META"
  printf '%s\n' "$sources" >"$stamp"
}

# Builds govtag at git revision $1 (release) from a clean export of that revision under
# .data/baseline-SHA/, so its speed can be timed beside the working tree's in one run. Sets
# BASELINE_GOVTAG, BASELINE_LEXICONS (the revision's own lexicons) and BASELINE_LABEL.
build_baseline() {
  local revision="$1" sha source
  sha="$(git -C "$ROOT_DIR" rev-parse --verify --quiet "$revision^{commit}")" \
    || die "--baseline $revision: not a git revision of $ROOT_DIR (try a commit id, a tag or HEAD~N)"
  source="$DATA_DIR/baseline-${sha:0:12}"
  if [ ! -f "$source/Package.swift" ]; then
    say "exporting $revision (${sha:0:12}) to $source"
    rm -rf "$source" && mkdir -p "$source"
    git -C "$ROOT_DIR" archive "$sha" | tar -x -C "$source"
  fi
  say "building the baseline govtag (release, $source/.build-bench)"
  swift_build -c release --package-path "$source" --product govtag --scratch-path "$source/.build-bench"
  BASELINE_GOVTAG="$source/.build-bench/release/govtag"
  BASELINE_LEXICONS="$source/Lexicons"
  BASELINE_LABEL="$revision (${sha:0:12})"
  [ -x "$BASELINE_GOVTAG" ] || die "the baseline build did not produce $BASELINE_GOVTAG"
}
