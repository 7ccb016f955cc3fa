#!/usr/bin/env python3
"""Macro-F1 per dimension on each part of a corpus, told apart by id (README, "How good it is").

Parts: dev-r… and test-r… are the first real-world writer's texts, dev-s… the second's, dev-t…
the third and fourth writers', dev-u… the fifth and sixth, test-u… the seventh and eighth (a fresh
real-world test), dev-v… the ninth and tenth, test-v… the eleventh and twelfth (another fresh
test), dev-w… the thirteenth and fourteenth, test-w… the fifteenth and sixteenth, test-z… the
seventeenth and eighteenth, test-q… the nineteenth and twentieth (the last fresh test); every
other id is an older case submission. Each part is written to a temporary file and measured with `govtag eval --format json`; the table
also gives the precision of data_application and grassroots with the counts behind it.

  scripts/eval-parts.py Corpus/dev.jsonl --govtag .build/debug/govtag [--lexicons DIR]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

DIMENSIONS = ["capability", "data_element", "traits", "innovation", "technology"]
PRECISION = [("data_element", "data_application"), ("traits", "grassroots")]


def part_of(record_id):
    for prefix in ("dev-r", "dev-s", "dev-t", "dev-u", "dev-v", "dev-w", "test-r", "test-u", "test-v", "test-w",
                   "test-z", "test-q"):
        if record_id.startswith(prefix):
            return prefix
    return "older"


def figures(govtag, lexicons, path):
    command = [govtag, "eval", path, "--format", "json"]
    if lexicons:
        command += ["--lexicons", lexicons]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"eval-parts: {' '.join(command)} exited {result.returncode}: {result.stderr.strip()}")
    overall = json.loads(result.stdout)["overall"]
    row = {}
    for dimension in overall["dimensions"]:
        row[dimension["dimension"]] = f"{dimension['macro']['f1']:.3f}"
        for wanted_dimension, category in PRECISION:
            if dimension["dimension"] != wanted_dimension:
                continue
            for item in dimension["categories"]:
                if item["category"] == category:
                    predicted, hits = item["predicted"], item["true_positives"]
                    share = f"{hits / predicted:.2f}" if predicted else "-"
                    row[category] = f"{share} ({hits} of {predicted})"
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--govtag", default=".build/debug/govtag")
    parser.add_argument("--lexicons")
    args = parser.parse_args()
    parts = {}
    for path in args.corpus:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    parts.setdefault(part_of(json.loads(line)["id"]), []).append(line if line.endswith("\n") else line + "\n")
    columns = []
    with tempfile.TemporaryDirectory() as work:
        for name, lines in parts.items():
            path = os.path.join(work, f"{name}.jsonl")
            with open(path, "w", encoding="utf-8") as handle:
                handle.writelines(lines)
            columns.append((f"{name} ({len(lines)})", figures(args.govtag, args.lexicons, path)))
    keys = DIMENSIONS + [category for _, category in PRECISION]
    print("| | " + " | ".join(name for name, _ in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for key in keys:
        label = key if key in DIMENSIONS else f"precision of {key}"
        print(f"| {label} | " + " | ".join(row.get(key, "-") for _, row in columns) + " |")


if __name__ == "__main__":
    main()
