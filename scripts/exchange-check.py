#!/usr/bin/env python3
"""GovTag's exchange formats against the real tools (make test-exchange, docs/exchange.md).

Run by scripts/test-exchange.sh with the files it made in WORK:
  labelled.jsonl (govtag tag), tasks.json + config.xml (export label-studio), govtag.dic,
  govtag.jieba (lexicon export). Each check prints one line `ok: …` or `FAIL: …`; the exit status
  is the number of failed checks.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

import yaml

failures = 0


def report(ok, message):
    global failures
    print(("ok: " if ok else "FAIL: ") + message, flush=True)
    if not ok:
        failures += 1


def govtag(args, work, stdin=None):
    result = subprocess.run([ARGS.govtag] + args, cwd=work, input=stdin, capture_output=True, text=True)
    return result


# MARK: - label-studio-sdk


def evidence_hits(record):
    """A labelled record's hits as dicts, from govtag tag's compact evidence layout
    ({dimension: {category: {term: [[field, start, end, contribution, status?, why?], ...]}}});
    `match` is cut from the field by the code point offsets."""
    hits = []
    for dimension, categories in record.get("evidence", {}).items():
        for category, terms in categories.items():
            for term, entries in terms.items():
                for entry in entries:
                    field, start, end, contribution = entry[:4]
                    hits.append({"dimension": dimension, "category": category, "term": term, "field": field,
                                 "start": start, "end": end, "contribution": contribution,
                                 "status": entry[4] if len(entry) > 4 else "counted",
                                 "match": record.get(field, "")[start:end]})
    return hits


def check_label_studio_sdk(work):
    """The configuration parses, and every prediction's result is valid for it."""
    from label_studio_sdk.label_interface import LabelInterface

    config = open(os.path.join(work, "config.xml"), encoding="utf-8").read()
    interface = LabelInterface(config)
    try:
        interface.validate()  # schema, unique names, toName targets, tag attributes
        report(True, "label-studio-sdk validates config.xml (schema, names, toName, attributes)")
    except Exception as error:
        report(False, f"label-studio-sdk rejects config.xml: {error}")
    controls = sorted(control.name for control in interface.controls)
    expected = sorted(["evidence", "title_evidence", "capability", "data_element", "traits", "innovation", "technology",
                       "province", "region"])
    report(controls == expected, f"label-studio-sdk parses config.xml: controls {controls}")
    tasks = json.load(open(os.path.join(work, "tasks.json"), encoding="utf-8"))
    invalid = []
    for task in tasks:
        if not interface.validate_task({"data": task["data"]}):
            invalid.append((task["data"]["id"], "data"))
        for prediction in task["predictions"]:
            try:
                errors = interface.validate_prediction(prediction, return_errors=True)
            except Exception as error:  # the SDK raises on some invalid results
                errors = [str(error)]
            if errors:
                invalid.append((task["data"]["id"], errors[:2]))
    report(not invalid, f"label-studio-sdk validates the predictions of {len(tasks)} tasks" +
           (f": invalid {invalid[:10]}" if invalid else ""))
    # Offsets are JavaScript string indices: the span's text is text[start:end] in UTF-16 units.
    wrong = 0
    spans = 0
    for task in tasks:
        for result in task["predictions"][0]["result"]:
            if result["type"] != "labels":
                continue
            spans += 1
            text = task["data"][result["to_name"]].encode("utf-16-le")
            value = result["value"]
            if text[2 * value["start"]:2 * value["end"]].decode("utf-16-le") != value["text"]:
                wrong += 1
    report(wrong == 0 and spans > 0, f"{spans} evidence spans: text[start:end] in UTF-16 units is the span's text ({wrong} wrong)")


# MARK: - liwc


def lexicon_terms(lexicons):
    """(dimension.category, term, rules) for every term of the dimension files."""
    terms = []
    cues = []
    for name in sorted(os.listdir(lexicons)):
        if not name.endswith(".yaml"):
            continue
        data = yaml.safe_load(open(os.path.join(lexicons, name), encoding="utf-8"))
        if name == "scope.yaml":
            def strings(node):
                if isinstance(node, str):
                    yield node
                elif isinstance(node, dict):
                    for key, value in node.items():
                        yield from strings(key)
                        yield from strings(value)
                elif isinstance(node, list):
                    for item in node:
                        yield from strings(item)
            cues = [cue for cue in strings(data) if len(cue) >= 1]
            continue
        if name in ("gazetteer.yaml", "calibration.yaml") or "dimension" not in data:
            continue
        for category, body in (data.get("categories") or {}).items():
            excluded = bool(body.get("exclude"))
            for term, value in (body.get("terms") or {}).items():
                rules = dict(value) if isinstance(value, dict) else {}
                terms.append((f"{data['dimension']}.{category}", str(term), rules, excluded))
    return terms, cues


def check_liwc(work):
    """The liwc package counts the same category hits as GovTag's evidence, for terms without rules."""
    import liwc

    parse, names = liwc.load_token_parser(os.path.join(work, "govtag.dic"))
    terms, cues = lexicon_terms(ARGS.lexicons)
    texts = [term for _, term, _, _ in terms]
    plain = []
    for category, term, rules, excluded in terms:
        if rules.get("near") or rules.get("match") == "substring" or excluded or not all("\u4e00" <= c <= "\u9fff" for c in term):
            continue
        # No other term inside it or around it, and no scope cue in it: one token, one hit.
        if any(other != term and (other in term or term in other) for other in texts):
            continue
        if any(cue in term for cue in cues):
            continue
        plain.append((category, term))
    # A few texts of five terms each, one term per sentence.
    groups = [plain[i:i + 5] for i in range(0, min(len(plain), 40), 5)]
    records = [json.dumps({"id": f"t{i}", "text": "。".join(term for _, term in group) + "。"}, ensure_ascii=False)
               for i, group in enumerate(groups)]
    result = govtag(["tag", "-", "--lexicons", ARGS.lexicons, "-q"], work, stdin="\n".join(records) + "\n")
    tagged = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    mismatched = []
    for group, record in zip(groups, tagged):
        govtag_hits = collections.Counter(f"{e['dimension']}.{e['category']}" for e in evidence_hits(record))
        liwc_hits = collections.Counter(category for token in record["text"].split("。") if token for category in parse(token))
        if govtag_hits != liwc_hits:
            mismatched.append((record["id"], dict(govtag_hits), dict(liwc_hits)))
    report(len(tagged) == len(groups) and groups and not mismatched,
           f"liwc reads govtag.dic ({len(names)} categories) and counts GovTag's category hits on {len(groups)} texts of "
           f"{sum(len(g) for g in groups)} terms without rules" + (f": differ {mismatched[:3]}" if mismatched else ""))


# MARK: - jieba


def check_jieba(work):
    """jieba with the exported user dictionary keeps every term whole."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    path = os.path.join(work, "govtag.jieba")
    jieba.load_userdict(path)
    terms = [line.rsplit(" ", 2)[0] for line in open(path, encoding="utf-8") if line.strip()]
    split = [term for term in terms if jieba.lcut(term) != [term]]
    # govtag lexicon export names the terms jieba always cuts (characters outside jieba's runs).
    announced = set()
    for line in open(os.path.join(work, "jieba-export.log"), encoding="utf-8"):
        if "terms jieba always cuts" in line:
            announced = set(line.rstrip("\n").rsplit(": ", 1)[-1].split(", "))
    unannounced = [term for term in split if term not in announced]
    report(not unannounced and set(split) == announced,
           f"jieba keeps {len(terms) - len(split)} of {len(terms)} exported terms whole; the {len(split)} it cuts are the ones "
           f"govtag lexicon export named ({', '.join(split[:8])})" + (f"; not named: {unannounced[:20]}" if unannounced else "")
           + (f"; named but kept whole: {sorted(announced - set(split))[:20]}" if announced - set(split) else ""))
    # In running text: how many of GovTag's counted word-mode hits are jieba tokens too (informative).
    records = [json.loads(line) for line in open(os.path.join(work, "labelled.jsonl"), encoding="utf-8")][:20]
    hits = whole = 0
    for record in records:
        tokens = set(jieba.lcut(record["text"]))
        for e in evidence_hits(record):
            if e["field"] == "text" and e["status"] == "counted":
                hits += 1
                whole += e["match"] in tokens
    print(f"info: in 20 corpus texts, {whole} of {hits} counted GovTag hits are whole jieba tokens")


# MARK: - round trip


def accept_all(tasks):
    """What Label Studio exports when a reviewer submits every prediction unchanged."""
    return [{"id": i + 1, "data": task["data"], "drafts": [], "predictions": task["predictions"],
             "annotations": [{"id": 1000 + i, "completed_by": 1, "was_cancelled": False,
                              "result": task["predictions"][0]["result"]}]}
            for i, task in enumerate(tasks)]


def check_audit(work, export_name, label):
    result = govtag(["import", "label-studio", export_name, "-o", "manual.jsonl"], work)
    report(result.returncode == 0, f"{label}: govtag import label-studio: {result.stderr.strip().splitlines()[-1]}")
    audit = govtag(["audit", "manual.jsonl", "--json", "--lexicons", ARGS.lexicons], work)
    summary = json.loads(audit.stdout)["summary"]
    agreements = [(d["dimension"], c["category"], c["observed_agreement"]) for d in summary["dimensions"] for c in d["categories"]]
    below = [a for a in agreements if a[2] != 1]
    report(audit.returncode == 0 and agreements and not below,
           f"{label}: govtag audit agreement 1.0 on all {len(agreements)} categories of {summary['records']['audited']} records" +
           (f"; below: {below[:5]}" if below else ""))


def check_round_trip(work):
    tasks = json.load(open(os.path.join(work, "tasks.json"), encoding="utf-8"))
    json.dump(accept_all(tasks), open(os.path.join(work, "accepted.json"), "w", encoding="utf-8"), ensure_ascii=False)
    check_audit(work, "accepted.json", "round trip without edits")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("work")
    parser.add_argument("--govtag", required=True)
    parser.add_argument("--lexicons", required=True)
    parser.add_argument("--only", default="sdk,liwc,jieba,roundtrip")
    ARGS = parser.parse_args()
    ARGS.govtag = os.path.abspath(ARGS.govtag)
    ARGS.lexicons = os.path.abspath(ARGS.lexicons)
    checks = {"sdk": check_label_studio_sdk, "liwc": check_liwc, "jieba": check_jieba, "roundtrip": check_round_trip}
    for name in ARGS.only.split(","):
        try:
            checks[name](ARGS.work)
        except Exception as error:
            report(False, f"{name}: {type(error).__name__}: {error}")
    sys.exit(min(failures, 100))
