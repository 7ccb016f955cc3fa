#!/usr/bin/env python3
"""How well `govtag audit` finds planted label errors, on dev (out of fold) and on test.

Usage: scripts/audit-planted-figures.py [--govtag .build/release/govtag] [--lexicons Lexicons]
                                        [--seeds 1-20] [--folds 5] [--swaps 5]

dev: Corpus/dev.jsonl is split into FOLDS folds (seeded). For each fold, `govtag calibrate` fits
the curves and the label context on the other folds (in a copy of the lexicon directory), and
that copy tags and audits the fold, so no dev record is scored by a model fitted on it. For each
seed, scripts/plant-label-errors.py plants 5 removed and 5 added labels and SWAPS capability swaps
(a true capability replaced by a wrong one: two errors each) in dev (where GovTag's out-of-fold
labels agreed with gold); each fold's records are audited with their own copy, and
the suspects of all folds are merged in the audit's order (P(wrong), then suspicion, then no
evidence first, then id).

test: Corpus/test.jsonl is tagged with LEXICONS (with their calibration.yaml, fitted on dev),
errors planted per seed the same way, and audited; plus the committed seed-11 fixture
Tests/Fixtures/audit/planted-test.jsonl; and test once more with the lexicons' calibration
left out (the suspicion alone ranks).

Prints per split the hits in the top 20 and the average precision: for seed 11 (with the ranks
of each kind of planted error), and the mean and range over the seeds, and the mean rank of the
swapped-in labels as a share of the suspects (0 top, 1 bottom).
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PLANT = os.path.join(HERE, "plant-label-errors.py")


def load(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def dump(records, path):
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def run(command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def suspects(govtag, path, lexicons):
    report = json.loads(run([govtag, "audit", path, "--json", "--lexicons", lexicons]))
    return report["suspects"]


def order(suspect):
    # The audit's order (Suspect.ranksBefore); the rank within its own run stands in for the
    # taxonomy's order, the last tie-break.
    return (-suspect.get("p_wrong", -1), -suspect["suspicion"], len(suspect["evidence"]) > 0, suspect["id"],
            suspect["rank"])


def figures(ranked, errors, top=20):
    planted = {(e["id"], e["dimension"], e["category"]): e["planted"] for e in errors}
    ranks = [i + 1 for i, s in enumerate(ranked) if (s["id"], s["dimension"], s["category"]) in planted]
    ap = sum((k + 1) / rank for k, rank in enumerate(ranks)) / len(planted)
    kinds = {}
    for i, s in enumerate(ranked):
        kind = planted.get((s["id"], s["dimension"], s["category"]))
        if kind:
            kinds.setdefault(kind, []).append(i + 1)
    swapped_in = [rank / len(ranked) for rank in kinds.get("swapped_in", [])]
    return sum(1 for rank in ranks if rank <= top), ap, kinds, swapped_in


def plant(gold, labelled, seed, output, swaps):
    run([sys.executable, PLANT, gold, labelled, "-o", output, "--seed", str(seed), "--swaps", str(swaps)])
    return load(output), json.load(open(output.rsplit(".", 1)[0] + ".errors.json", encoding="utf-8"))


def summary(name, results, seed_index):
    hits = [r[0] for r in results]
    aps = [r[1] for r in results]
    line = f"{name}: "
    if seed_index is not None:
        line += f"seed 11: {hits[seed_index]} in the top 20, AP {aps[seed_index]:.3f} (ranks {results[seed_index][2]}); "
    line += (f"seeds {len(results)}: {statistics.mean(hits):.1f} in the top 20 ({min(hits)}–{max(hits)}), "
             f"AP {statistics.mean(aps):.3f} ({min(aps):.2f}–{max(aps):.2f})")
    swapped_in = [share for r in results for share in r[3]]
    if swapped_in:
        line += f"; swapped-in labels at {statistics.mean(swapped_in):.2f} of the list on average"
    print(line, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--govtag", default=".build/release/govtag")
    parser.add_argument("--lexicons", default="Lexicons")
    parser.add_argument("--seeds", default="1-20")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--swaps", type=int, default=5)
    parser.add_argument("--dev", default="Corpus/dev.jsonl")
    parser.add_argument("--test", default="Corpus/test.jsonl")
    parser.add_argument("--fixture", default="Tests/Fixtures/audit/planted-test.jsonl")
    args = parser.parse_args()
    first, last = (int(x) for x in args.seeds.split("-"))
    seeds = list(range(first, last + 1))
    seed_index = seeds.index(11) if 11 in seeds else None
    work = tempfile.mkdtemp(prefix="govtag-audit-figures-")
    try:
        # dev, out of fold.
        dev = load(args.dev)
        shuffled = list(range(len(dev)))
        random.Random(5).shuffle(shuffled)
        fold = {dev[i]["id"]: position % args.folds for position, i in enumerate(shuffled)}
        labelled = {}
        for k in range(args.folds):
            lexicons = os.path.join(work, f"lexicons-{k}")
            os.makedirs(lexicons)
            for name in os.listdir(args.lexicons):
                if name.endswith(".yaml") and name != "calibration.yaml":
                    shutil.copy(os.path.join(args.lexicons, name), lexicons)
            train = os.path.join(work, f"train-{k}.jsonl")
            held = os.path.join(work, f"held-{k}.jsonl")
            dump([r for r in dev if fold[r["id"]] != k], train)
            dump([r for r in dev if fold[r["id"]] == k], held)
            run([args.govtag, "calibrate", train, "-o", os.path.join(lexicons, "calibration.yaml"), "--lexicons", lexicons])
            out = os.path.join(work, f"held-{k}-labelled.jsonl")
            run([args.govtag, "tag", held, "-q", "-o", out, "--lexicons", lexicons])
            for record in load(out):
                labelled[record["id"]] = record
        dev_labelled = os.path.join(work, "dev-labelled.jsonl")
        dump([labelled[r["id"]] for r in dev], dev_labelled)
        results = []
        for seed in seeds:
            planted, errors = plant(args.dev, dev_labelled, seed, os.path.join(work, f"dev-planted-{seed}.jsonl"), args.swaps)
            merged = []
            for k in range(args.folds):
                part = os.path.join(work, f"dev-planted-{seed}-{k}.jsonl")
                dump([r for r in planted if fold[r["id"]] == k], part)
                merged += suspects(args.govtag, part, os.path.join(work, f"lexicons-{k}"))
            results.append(figures(sorted(merged, key=order), errors))
        summary(f"dev (out of fold, {len(dev)} records)", results, seed_index)

        # test, with the lexicons' own calibration (fitted on dev).
        test_labelled = os.path.join(work, "test-labelled.jsonl")
        run([args.govtag, "tag", args.test, "-q", "-o", test_labelled, "--lexicons", args.lexicons])
        uncalibrated = os.path.join(work, "lexicons-uncalibrated")
        os.makedirs(uncalibrated)
        for name in os.listdir(args.lexicons):
            if name.endswith(".yaml") and name != "calibration.yaml":
                shutil.copy(os.path.join(args.lexicons, name), uncalibrated)
        results, plain = [], []
        for seed in seeds:
            path = os.path.join(work, f"test-planted-{seed}.jsonl")
            _, errors = plant(args.test, test_labelled, seed, path, args.swaps)
            results.append(figures(suspects(args.govtag, path, args.lexicons), errors))
            plain.append(figures(suspects(args.govtag, path, uncalibrated), errors))
        summary(f"test ({len(load(args.test))} records)", results, seed_index)
        summary(f"test without calibration ({len(load(args.test))} records)", plain, seed_index)
        if os.path.exists(args.fixture):
            errors = json.load(open(args.fixture.rsplit(".", 1)[0] + ".errors.json", encoding="utf-8"))
            hits, ap, kinds, _ = figures(suspects(args.govtag, args.fixture, args.lexicons), errors)
            print(f"fixture {args.fixture}: {hits} in the top 20, AP {ap:.3f} (ranks {kinds})")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
