#!/usr/bin/env python3
"""What calibration does for a writer it has never seen: leave-one-part-out (README, "How good it is").

For each part of a gold corpus (told apart by id, as in scripts/eval-parts.py: the older case
submissions, then each group of real-world writers), `govtag calibrate --folds-by-part` (as `make
calibrate` runs it) is fitted on the other parts only, and the held-out part is measured with `govtag eval` twice: with the lexicons'
thresholds alone (no calibration.yaml) and with the calibration fitted without it. The table gives
both per part, so a label rule that helps only the writers it was fitted on shows up as a loss on
the part left out. Nothing is written outside a temporary folder.

  scripts/calibrate-by-part.py Corpus/dev.jsonl --govtag .build/debug/govtag [--lexicons Lexicons]
"""
import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("eval_parts", os.path.join(HERE, "eval-parts.py"))
eval_parts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(eval_parts)


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"calibrate-by-part: {' '.join(command)} exited {result.returncode}: {result.stderr.strip()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--govtag", default=".build/debug/govtag")
    parser.add_argument("--lexicons", default="Lexicons")
    args = parser.parse_args()
    parts = {}
    with open(args.corpus, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                parts.setdefault(eval_parts.part_of(json.loads(line)["id"]), []).append(line.rstrip("\n") + "\n")
    keys = eval_parts.DIMENSIONS + [category for _, category in eval_parts.PRECISION]
    columns = []
    with tempfile.TemporaryDirectory() as work:
        thresholds = os.path.join(work, "thresholds")
        shutil.copytree(args.lexicons, thresholds)
        calibration = os.path.join(thresholds, "calibration.yaml")
        if os.path.exists(calibration):
            os.remove(calibration)
        for name, lines in parts.items():
            held = os.path.join(work, f"{name}.jsonl")
            rest = os.path.join(work, f"without-{name}.jsonl")
            with open(held, "w", encoding="utf-8") as handle:
                handle.writelines(lines)
            with open(rest, "w", encoding="utf-8") as handle:
                for other, other_lines in parts.items():
                    if other != name:
                        handle.writelines(other_lines)
            fitted = os.path.join(work, f"lexicons-without-{name}")
            shutil.copytree(thresholds, fitted)
            run([args.govtag, "calibrate", rest, "-o", os.path.join(fitted, "calibration.yaml"), "--lexicons", thresholds,
                 "--folds-by-part"])
            before = eval_parts.figures(args.govtag, thresholds, held)
            after = eval_parts.figures(args.govtag, fitted, held)
            columns.append((f"{name} ({len(lines)})", before, after))
    print("| held out | " + " | ".join(name for name, _, _ in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for key in keys:
        label = key if key in eval_parts.DIMENSIONS else f"precision of {key}"
        cells = [f"{before.get(key, '-')} → {after.get(key, '-')}" for _, before, after in columns]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
