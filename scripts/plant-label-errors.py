#!/usr/bin/env python3
"""Plants wrong manual labels in a gold file, for measuring how well `govtag audit` finds them.

Usage:
  scripts/plant-label-errors.py GOLD.jsonl LABELLED.jsonl -o PLANTED.jsonl [--seed 11] [--count 5] [--swaps 5]

GOLD.jsonl holds the gold labels ("gold"); LABELLED.jsonl is `govtag tag GOLD.jsonl` (same
records, GovTag's "labels"). The output copies each record with its gold labels as "manual"
(the field `govtag audit` reads), then, in distinct records chosen with a seeded random
generator, removes COUNT true labels that GovTag also assigned, adds COUNT false labels that
GovTag also left out, and swaps SWAPS labels: a true label GovTag also assigned is replaced by a
false one of the same dimension that GovTag also left out (the commonest annotator error: the
right capability taken out, a wrong one put in; --swap-dimension, capability by default, or any). Each planted error makes GovTag and the person
disagree where they agreed before; a swap is two errors. The planted errors are listed in
PLANTED.errors.json ({"id", "dimension", "category", "planted": "removed"|"added"|"swapped_out"|
"swapped_in"}). It chooses nothing from GovTag's confidences, only from its labels.

The committed fixture Tests/Fixtures/audit/planted-test.jsonl was made with
  .build/release/govtag tag Corpus/test.jsonl -o /tmp/test-labelled.jsonl
  scripts/plant-label-errors.py Corpus/test.jsonl /tmp/test-labelled.jsonl \
      -o Tests/Fixtures/audit/planted-test.jsonl --seed 11 --swaps 0
(`make planted`; the fixture predates swaps).
"""
import argparse
import json
import random

DIMENSIONS = ["capability", "data_element", "traits", "innovation", "technology"]
CATEGORIES = {
    "capability": ["economic_regulation", "market_supervision", "social_management", "public_service",
                   "environmental_protection", "government_operations", "government_transparency"],
    "data_element": ["data_sharing", "data_management", "data_application", "data_standards", "data_market"],
    "traits": ["platform", "grassroots", "gov_enterprise", "market_operation"],
    "innovation": ["technology", "management", "standardization", "institutional"],
    "technology": ["big_data", "cloud", "ai", "blockchain", "iot", "digital_twin", "gis", "video"],
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold")
    parser.add_argument("labelled")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--count", type=int, default=5)
    parser.add_argument("--swaps", type=int, default=5)
    parser.add_argument("--swap-dimension", default="capability",
                        help="the dimension whose labels are swapped (default capability), or 'any'")
    args = parser.parse_args()

    records = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    labels = {}
    for line in open(args.labelled, encoding="utf-8"):
        if line.strip():
            record = json.loads(line)
            labels[record["id"]] = record["labels"]

    removable, addable = [], []
    for record in records:
        gold, govtag = record["gold"], labels[record["id"]]
        for dimension in DIMENSIONS:
            if dimension not in gold:
                continue
            for category in CATEGORIES[dimension]:
                inGold, inGovTag = category in gold[dimension], category in govtag.get(dimension, [])
                if inGold and inGovTag:
                    removable.append((record["id"], dimension, category))
                elif not inGold and not inGovTag:
                    addable.append((record["id"], dimension, category))

    generator = random.Random(args.seed)
    used, planted = set(), []
    for kind, pool in (("removed", removable), ("added", addable)):
        chosen = 0
        for item in generator.sample(pool, len(pool)):
            if chosen == args.count:
                break
            if item[0] in used:
                continue
            used.add(item[0])
            planted.append({"id": item[0], "dimension": item[1], "category": item[2], "planted": kind})
            chosen += 1
    # Swaps last, so that --swaps 0 plants exactly what the script planted before it had them.
    replacements = {}
    for record_id, dimension, category in addable:
        replacements.setdefault((record_id, dimension), []).append(category)
    chosen = 0
    for item in generator.sample(removable, len(removable)):
        if chosen == args.swaps:
            break
        if args.swap_dimension != "any" and item[1] != args.swap_dimension:
            continue
        if item[0] in used or (item[0], item[1]) not in replacements:
            continue
        used.add(item[0])
        wrong = generator.choice(replacements[(item[0], item[1])])
        planted.append({"id": item[0], "dimension": item[1], "category": item[2], "planted": "swapped_out"})
        planted.append({"id": item[0], "dimension": item[1], "category": wrong, "planted": "swapped_in",
                        "replaces": item[2]})
        chosen += 1

    byID = {}
    for error in planted:
        byID.setdefault(error["id"], []).append(error)
    with open(args.output, "w", encoding="utf-8") as out:
        for record in records:
            manual = {key: (list(record["gold"][key]) if isinstance(record["gold"][key], list) else record["gold"][key])
                      for key in record["gold"]}
            for error in byID.get(record["id"], []):
                categories = manual[error["dimension"]]
                if error["planted"] in ("removed", "swapped_out"):
                    categories.remove(error["category"])
                else:
                    categories.append(error["category"])
            copy = {key: value for key, value in record.items() if key != "gold"}
            copy["manual"] = manual
            out.write(json.dumps(copy, ensure_ascii=False) + "\n")
    errors = args.output.rsplit(".", 1)[0] + ".errors.json"
    with open(errors, "w", encoding="utf-8") as out:
        json.dump(planted, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print(f"planted {len(planted)} wrong labels in {args.output} (list: {errors})")


if __name__ == "__main__":
    main()
