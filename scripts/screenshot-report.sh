#!/usr/bin/env bash
# Screenshots of the HTML review report for docs/report.md.
#
# Builds govtag (release, in its own scratch folder), labels the bundled corpus, writes the
# report, and takes two headless Chromium screenshots: the charts, and one case with its
# evidence highlighted (opened through the report's #case=ID address).
#
#   scripts/screenshot-report.sh            # writes docs/images/report-charts.png and report-case.png
#   CASE=gt1-010 scripts/screenshot-report.sh
#
# Needs Debian's chromium and fonts-noto-cjk (installed with apt-get when missing; without a CJK
# font the Chinese would show as boxes).
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-.build-report}
OUT=${OUT:-out/screenshots}
CASE=${CASE:-gt2-016}
IMAGES=${IMAGES:-docs/images}
MAX_BYTES=$((400 * 1024))

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
missing=()
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "screenshot-report: installing ${missing[*]} with apt-get"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

swift build -c release --product govtag --scratch-path "$SCRATCH"
govtag="$SCRATCH/release/govtag"
mkdir -p "$OUT" "$IMAGES"
"$govtag" tag Corpus/*.jsonl --lexicons Lexicons -o "$OUT/labelled.jsonl" --quiet
"$govtag" report "$OUT/labelled.jsonl" -o "$OUT/report.html" --quiet
url="file://$(pwd)/$OUT/report.html"

shoot() { # FILE WIDTH,HEIGHT URL
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=3000 \
    --screenshot="$1" --window-size="$2" "$3" 2>/dev/null
}
# The charts: the page header and all six charts, folded number tables included.
shoot "$OUT/report-charts.png" 1400,1480 "$url"
# One case in its reading view, evidence highlighted and the labels set beside the gold labels.
shoot "$OUT/report-case.png" 1400,900 "$url#case=$CASE"

for name in report-charts report-case; do
  size=$(stat -c %s "$OUT/$name.png")
  if [ "$size" -gt "$MAX_BYTES" ]; then
    echo "screenshot-report: $OUT/$name.png is $size bytes, more than $MAX_BYTES; reduce the window size" >&2
    exit 1
  fi
  cp "$OUT/$name.png" "$IMAGES/$name.png"
  echo "screenshot-report: $IMAGES/$name.png ($size bytes)"
done
