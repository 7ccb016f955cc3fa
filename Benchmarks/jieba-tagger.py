#!/usr/bin/env python3
"""The alternative users know: a lexicon tagger built from jieba and pyahocorasick.

It does what GovTag does, the simple way, so that the benchmark can compare like with like:
- loads every dimension lexicon of --lexicons (the YAML files with a `dimension` key) with
  PyYAML: terms, weights, `match: substring`, category and file thresholds;
- segments each title and text with jieba (precise mode), with every lexicon term added to
  jieba's dictionary as a user word, so that terms come out as single words;
- finds every term in one pass with a pyahocorasick automaton over the text; a hit counts when
  it starts and ends on a jieba word boundary (or the term is `match: substring`);
- scores each category as the simple sum of its counted hits' weights and assigns it at its
  threshold;
- writes one JSON line per record: the input fields plus labels, scores and evidence.

It runs in one process. It prints a JSON summary on standard output:
{"records", "jsonl_bytes", "text_bytes", "setup_seconds", "seconds", "mb_per_s"}.

Usage: jieba-tagger.py INPUT.jsonl -o OUT.jsonl --lexicons Lexicons [--max-bytes N]
"""

import argparse
import glob
import json
import logging
import os
import sys
import time


def fail(message):
    """Prints `jieba-tagger.py: error: MESSAGE` on standard error and exits with status 2."""
    print(f"jieba-tagger.py: error: {message}", file=sys.stderr)
    sys.exit(2)


try:
    import ahocorasick
    import jieba
    import yaml
except ImportError as error:
    fail(f"{error.name} is not installed; run: pip install jieba pyahocorasick pyyaml")


def load_lexicons(directory):
    """Returns (terms, thresholds): terms maps a term to [(dimension, category, weight, substring)],
    thresholds maps (dimension, category) to the category's threshold."""
    terms, thresholds = {}, {}
    paths = sorted(glob.glob(os.path.join(directory, "*.yaml")))
    if not paths:
        fail(f"{directory}: no lexicon files (*.yaml); give the GovTag Lexicons folder with --lexicons")
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            try:
                document = yaml.safe_load(handle)
            except yaml.YAMLError as error:
                fail(f"{path}: not valid YAML: {error}; run govtag lexicon check")
        if not isinstance(document, dict) or "dimension" not in document:
            continue  # the gazetteer and the scope cues
        dimension = document["dimension"]
        default = float(document.get("threshold", 3))
        for category, body in (document.get("categories") or {}).items():
            thresholds[(dimension, category)] = float(body.get("threshold", default))
            for term, spec in (body.get("terms") or {}).items():
                if isinstance(spec, dict):
                    weight, substring = float(spec.get("weight", 1)), spec.get("match") == "substring"
                else:
                    weight, substring = float(spec), False
                terms.setdefault(str(term), []).append((dimension, category, weight, substring))
    if not terms:
        fail(f"{directory}: no terms in any dimension lexicon")
    return terms, thresholds


def build(terms):
    """Adds the terms to jieba's dictionary and compiles them into an Aho-Corasick automaton."""
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    automaton = ahocorasick.Automaton()
    for term, entries in terms.items():
        jieba.add_word(term)
        automaton.add_word(term, (term, entries))
    automaton.make_automaton()
    return automaton


def analyze(text, field, automaton, scores, evidence):
    """Adds the counted hits of `text` to `scores` and every hit to `evidence`."""
    boundaries = {0}
    offset = 0
    for word in jieba.cut(text):
        offset += len(word)
        boundaries.add(offset)
    for last, (term, entries) in automaton.iter(text):
        start, end = last - len(term) + 1, last + 1
        aligned = start in boundaries and end in boundaries
        for dimension, category, weight, substring in entries:
            counted = aligned or substring
            if counted:
                key = (dimension, category)
                scores[key] = scores.get(key, 0.0) + weight
            evidence.append({"dimension": dimension, "category": category, "term": term, "field": field,
                             "start": start, "end": end, "weight": weight,
                             "status": "counted" if counted else "crosses_word_boundary"})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines records with text (and title)")
    parser.add_argument("-o", "--output", required=True, help="where to write the labelled records")
    parser.add_argument("--lexicons", required=True, help="the GovTag Lexicons folder")
    parser.add_argument("--max-bytes", type=int, default=0, help="stop after this many input bytes (0: all)")
    arguments = parser.parse_args()

    started = time.monotonic()
    terms, thresholds = load_lexicons(arguments.lexicons)
    automaton = build(terms)
    dimensions = sorted({dimension for dimension, _ in thresholds})
    ready = time.monotonic()

    records = jsonl_bytes = text_bytes = 0
    try:
        source = open(arguments.input, "rb")
    except OSError as error:
        fail(f"{arguments.input}: cannot open the input: {error.strerror}; check the path")
    with source, open(arguments.output, "w", encoding="utf-8") as out:
        for number, line in enumerate(source, 1):
            if arguments.max_bytes and jsonl_bytes >= arguments.max_bytes:
                break
            jsonl_bytes += len(line)
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
            except (ValueError, KeyError, TypeError):
                fail(f"{arguments.input}:{number}: not a JSON record with a text; fix the line")
            scores, evidence = {}, []
            title = record.get("title")
            if isinstance(title, str) and title:
                analyze(title, "title", automaton, scores, evidence)
            analyze(text, "text", automaton, scores, evidence)
            labels = {dimension: [] for dimension in dimensions}
            by_dimension = {dimension: {} for dimension in dimensions}
            for (dimension, category), score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
                by_dimension[dimension][category] = score
                if score >= thresholds[(dimension, category)]:
                    labels[dimension].append(category)
            record["labels"] = labels
            record["scores"] = by_dimension
            record["evidence"] = evidence
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
            records += 1
            text_bytes += len(text.encode("utf-8"))
    seconds = time.monotonic() - ready
    print(json.dumps({"records": records, "jsonl_bytes": jsonl_bytes, "text_bytes": text_bytes,
                      "setup_seconds": round(ready - started, 3), "seconds": round(seconds, 3),
                      "mb_per_s": round(jsonl_bytes / 1e6 / seconds, 3) if seconds > 0 else 0}))


if __name__ == "__main__":
    main()
