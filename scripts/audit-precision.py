#!/usr/bin/env python3
"""How well `govtag audit --json` ranks planted label errors: ranks, hits in the top N, average precision.

Usage: govtag audit PLANTED.jsonl --json | scripts/audit-precision.py PLANTED.errors.json [--top 20]
"""
import argparse
import json
import sys

parser = argparse.ArgumentParser()
parser.add_argument("errors")
parser.add_argument("--top", type=int, default=20)
args = parser.parse_args()
planted = {(e["id"], e["dimension"], e["category"]) for e in json.load(open(args.errors, encoding="utf-8"))}
report = json.load(sys.stdin)
ranks = sorted(s["rank"] for s in report["suspects"] if (s["id"], s["dimension"], s["category"]) in planted)
precision = [(k + 1) / rank for k, rank in enumerate(ranks)]
ap = sum(precision) / len(planted)
print(f"planted {len(planted)}, found among {len(report['suspects'])} suspects at ranks {ranks}")
print(f"top {args.top}: {sum(1 for r in ranks if r <= args.top)}; average precision {ap:.3f}")
