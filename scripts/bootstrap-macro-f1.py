#!/usr/bin/env python3
"""How far a macro-F1 figure could move with another sample of the same size.

Usage:
  govtag tag Corpus/test.jsonl -o /tmp/test-labelled.jsonl --quiet
  scripts/bootstrap-macro-f1.py Corpus/test.jsonl /tmp/test-labelled.jsonl [--dimension data_element]

Resamples the gold records with replacement (2,000 times, fixed seed) and prints the macro-F1 of
GovTag's labels (the mean over categories that gold or GovTag assigned, as `govtag eval` does)
and its 90% bootstrap interval. It only measures; it chooses nothing.
"""
import argparse
import json
import random
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="gold-labelled JSON Lines (records with a 'gold' object)")
    parser.add_argument("labelled", help="govtag tag output for the same records")
    parser.add_argument("--dimension", default="data_element")
    parser.add_argument("--resamples", type=int, default=2000)
    arguments = parser.parse_args()

    gold, predicted = {}, {}
    with open(arguments.gold, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            gold[record["id"]] = set(record["gold"][arguments.dimension])
    with open(arguments.labelled, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if "labels" in record:
                predicted[record["id"]] = set(record["labels"][arguments.dimension])
    missing = [identifier for identifier in gold if identifier not in predicted]
    if missing:
        print(f"error: {len(missing)} gold records have no labelled record (first: {missing[0]}); "
              "label the same file with govtag tag first", file=sys.stderr)
        return 1
    categories = sorted(set().union(*gold.values(), *predicted.values()))

    def macro_f1(sample):
        scores = []
        for category in categories:
            true_positives = sum(1 for i in sample if category in gold[i] and category in predicted[i])
            in_gold = sum(1 for i in sample if category in gold[i])
            in_predicted = sum(1 for i in sample if category in predicted[i])
            if in_gold == 0 and in_predicted == 0:
                continue
            precision = true_positives / in_predicted if in_predicted else 0.0
            recall = true_positives / in_gold if in_gold else 0.0
            scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
        return sum(scores) / len(scores) if scores else 0.0

    identifiers = list(gold)
    generator = random.Random(20241130)
    resampled = sorted(
        macro_f1([generator.choice(identifiers) for _ in identifiers]) for _ in range(arguments.resamples))
    low = resampled[int(0.05 * arguments.resamples)]
    high = resampled[int(0.95 * arguments.resamples) - 1]
    print(f"{arguments.dimension} macro-F1 {macro_f1(identifiers):.3f} over {len(identifiers)} records; "
          f"90% bootstrap interval {low:.3f}–{high:.3f} ({arguments.resamples} resamples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
