#!/bin/sh
# make test-exchange: GovTag's Label Studio, doccano and dictionary formats against the real tools
# (docs/exchange.md). Usage: scripts/test-exchange.sh GOVTAG
#   Installs label-studio-sdk, liwc and jieba from PyPI when missing (and label-studio when
#   LABEL_STUDIO=1), tags the first RECORDS records of Corpus/test.jsonl with Lexicons/, exports
#   tasks, configuration and dictionaries, then runs scripts/exchange-check.py.
set -eu
GOVTAG=$(realpath "${1:-.build/debug/govtag}")
LEXICONS=$(realpath Lexicons)
RECORDS=${RECORDS:-40}
PYTHON=${PYTHON:-python3}

missing=""
for module in label_studio_sdk:label-studio-sdk liwc:liwc jieba:jieba yaml:pyyaml; do
  "$PYTHON" -c "import ${module%%:*}" 2>/dev/null || missing="$missing ${module#*:}"
done
if [ -n "$missing" ]; then
  echo "govtag: installing$missing from PyPI"
  "$PYTHON" -m pip install -q $missing
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
head -n "$RECORDS" Corpus/test.jsonl > "$WORK/cases.jsonl"
"$GOVTAG" tag "$WORK/cases.jsonl" --lexicons "$LEXICONS" -q -o "$WORK/labelled.jsonl"
"$GOVTAG" export label-studio "$WORK/labelled.jsonl" --lexicons "$LEXICONS" -o "$WORK/tasks.json" --config "$WORK/config.xml"
"$GOVTAG" lexicon export --format liwc "$LEXICONS" -o "$WORK/govtag.dic"
"$GOVTAG" lexicon export --format jieba "$LEXICONS" -o "$WORK/govtag.jieba" 2> "$WORK/jieba-export.log"

status=0
"$PYTHON" scripts/exchange-check.py "$WORK" --govtag "$GOVTAG" --lexicons "$LEXICONS" || status=$?

# The full check, in a virtual environment of its own (label-studio pins its own SDK).
if [ "${LABEL_STUDIO:-0}" = 1 ]; then
  VENV=${LABEL_STUDIO_VENV:-.build/label-studio-venv}
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -c "import label_studio" 2>/dev/null || "$VENV/bin/pip" install -q label-studio
  timeout "${LABEL_STUDIO_TIMEOUT:-900}" "$VENV/bin/python" scripts/label-studio-round-trip.py "$WORK" \
    --govtag "$GOVTAG" --lexicons "$LEXICONS" || status=$((status + 1))
fi
if [ "$status" = 0 ]; then echo "test-exchange: all checks passed"; else echo "test-exchange: $status check(s) failed"; fi
exit "$status"
