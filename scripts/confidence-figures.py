#!/usr/bin/env python3
"""Prints the README's "Confidence" tables, measured on Corpus/test.jsonl (the curves are fitted
on Corpus/dev.jsonl only; run `make calibrate` first after changing the lexicons or dev).

Usage: scripts/confidence-figures.py [--govtag .build/release/govtag] [--seeds 20]   (`make confidence-figures`)

Runs the given govtag binary: `eval` with and without Lexicons/calibration.yaml (a temporary
copy of Lexicons/ without it, and one whose curves all label by confidence), `eval
--review-band` for several bands, and `audit` on test files with planted label errors
(scripts/plant-label-errors.py, seeds 1..N and the committed seed-11 fixture).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TEST = os.path.join(ROOT, "Corpus", "test.jsonl")


def run(govtag, *args):
    result = subprocess.run([govtag, *args], capture_output=True, text=True, cwd=ROOT)
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed: {result.stderr}")
    return result.stdout


def evaluate(govtag, lexicons, *extra):
    return json.loads(run(govtag, "eval", TEST, "--json", "--lexicons", lexicons, *extra))["overall"]


def macro(figures):
    return {d["dimension"]: d["macro"]["f1"] for d in figures["dimensions"]}


def audit_precision(govtag, planted, errors, lexicons):
    report = json.loads(run(govtag, "audit", planted, "--json", "--lexicons", lexicons))
    wanted = {(e["id"], e["dimension"], e["category"]) for e in json.load(open(errors, encoding="utf-8"))}
    ranks = sorted(s["rank"] for s in report["suspects"] if (s["id"], s["dimension"], s["category"]) in wanted)
    ap = sum((k + 1) / rank for k, rank in enumerate(ranks)) / len(wanted)
    return ranks, sum(1 for r in ranks if r <= 20), ap, len(report["suspects"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--govtag", default=os.path.join(ROOT, ".build", "release", "govtag"))
    parser.add_argument("--seeds", type=int, default=20)
    args = parser.parse_args()
    govtag = os.path.abspath(args.govtag)
    lexicons = os.path.join(ROOT, "Lexicons")
    work = tempfile.mkdtemp(prefix="govtag-figures-")
    try:
        plain = os.path.join(work, "thresholds")
        shutil.copytree(lexicons, plain)
        os.remove(os.path.join(plain, "calibration.yaml"))
        allConfidence = os.path.join(work, "confidence")
        shutil.copytree(lexicons, allConfidence)
        path = os.path.join(allConfidence, "calibration.yaml")
        text = open(path, encoding="utf-8").read().replace("labels: threshold", "labels: confidence")
        open(path, "w", encoding="utf-8").write(text)

        base, chosen, conf = (evaluate(govtag, plain), evaluate(govtag, lexicons), evaluate(govtag, allConfidence))
        print(f"Label rules, test macro-F1 ({len(open(TEST).readlines())} cases)\n")
        print("| dimension | thresholds only | confidence ≥ 0.5 everywhere | rules chosen on dev (shipped) |")
        print("|---|---:|---:|---:|")
        for d in macro(base):
            print(f"| {d} | {macro(base)[d]:.3f} | {macro(conf)[d]:.3f} | {macro(chosen)[d]:.3f} |")

        print("\nCalibration on test (every category of every record)\n")
        print("| dimension | Brier | baseline Brier | ECE (10 bins) | baseline ECE |")
        print("|---|---:|---:|---:|---:|")
        for c in chosen["calibration"]:
            print(f"| {c['dimension']} | {c['brier']:.3f} | {c['baseline_brier']:.3f} | {c['ece']:.3f} | {c['baseline_ece']:.3f} |")

        print("\nReview band trade-off on test (capability confidences)\n")
        print("| --review-band | flagged | capability exactly right, unflagged | flagged |")
        print("|---|---:|---:|---:|")
        for band in ["0.1,0.9", "0.15,0.85", "0.2,0.8", "0.25,0.75", "0.3,0.7", "0.4,0.6"]:
            r = evaluate(govtag, lexicons, "--review-band", band)["review"]
            mark = " (default)" if band == "0.2,0.8" else ""
            print(
                f"| {band}{mark} | {r['flagged']} of {r['records']} ({100 * r['flagged_share']:.0f}%) | "
                f"{100 * r['unflagged_accuracy']:.1f}% of {r['unflagged_with_gold_capability']} | "
                f"{100 * r['flagged_accuracy']:.1f}% of {r['flagged_with_gold_capability']} |")

        print("\nAudit of planted label errors in test (10 per file: 5 true labels removed, 5 false added)\n")
        fixture = os.path.join(ROOT, "Tests", "Fixtures", "audit", "planted-test.jsonl")
        fixtureErrors = os.path.join(ROOT, "Tests", "Fixtures", "audit", "planted-test.errors.json")
        for name, lex in (("P(wrong) from confidence", lexicons), ("suspicion (thresholds only)", plain)):
            ranks, top, ap, total = audit_precision(govtag, fixture, fixtureErrors, lex)
            print(f"- seed 11 fixture, {name}: ranks {ranks} of {total} suspects; top 20: {top}; AP {ap:.3f}")
        labelled = os.path.join(work, "test-labelled.jsonl")
        run(govtag, "tag", TEST, "-q", "-o", labelled)
        results = {"P(wrong) from confidence": [], "suspicion (thresholds only)": []}
        for seed in range(1, args.seeds + 1):
            planted = os.path.join(work, f"planted-{seed}.jsonl")
            subprocess.run([sys.executable, os.path.join(HERE, "plant-label-errors.py"), TEST, labelled, "-o", planted,
                            "--seed", str(seed), "--swaps", "0"], check=True, capture_output=True)
            errors = planted.rsplit(".", 1)[0] + ".errors.json"
            for name, lex in (("P(wrong) from confidence", lexicons), ("suspicion (thresholds only)", plain)):
                _, top, ap, _ = audit_precision(govtag, planted, errors, lex)
                results[name].append((top, ap))
        for name, values in results.items():
            tops, aps = [v[0] for v in values], [v[1] for v in values]
            print(f"- seeds 1–{args.seeds}, {name}: top 20 mean {statistics.mean(tops):.1f} (min {min(tops)}, max {max(tops)}); "
                  f"AP mean {statistics.mean(aps):.3f}, median {statistics.median(aps):.3f} (min {min(aps):.3f}, max {max(aps):.3f})")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
