#!/usr/bin/env python3
"""Builds the benchmark corpus: a deterministic JSON Lines file of at least SIZE megabytes.

The sentences of the bundled narratives (Corpus/dev.jsonl and Corpus/test.jsonl, split on
。！？； and line breaks) are recombined by a seeded random number generator into records of
log-normally distributed length (80 to 6,000 characters, median about 700), each with an id, a
title (one sentence) and a year, so the texts look like real case narratives to the segmenter
and the lexicons while the file can be as large as wanted. The same arguments always give the
same bytes.

Besides the JSONL (--out), it writes (--texts) the same texts as plain UTF-8, one text per line
with the line breaks inside a text replaced by spaces, for the ICU and core passes, which must
not pay for JSON; and (--meta) a JSON summary: records, JSONL bytes, text bytes, title bytes.

With --repeat-from BASE.jsonl it instead repeats an existing corpus with fresh ids until SIZE is
reached (used for the 1 GB peak-memory run), which is much faster than recombining.

Sizes are in megabytes of 1,000,000 bytes.

Usage:
  make-corpus.py [SIZE_MB] --out corpus.jsonl [--texts texts.txt] [--meta meta.json] [--seed N]
  make-corpus.py 1000 --repeat-from corpus-200.jsonl --out corpus-1000.jsonl
"""

import argparse
import json
import math
import os
import random
import re
import sys

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = [os.path.join(REPOSITORY, "Corpus", "dev.jsonl"), os.path.join(REPOSITORY, "Corpus", "test.jsonl")]
MEGABYTE = 1_000_000
# Record lengths in characters: log-normal, clipped to [MIN_CHARS, MAX_CHARS].
MIN_CHARS, MAX_CHARS = 80, 6000
MEDIAN_CHARS, SIGMA = 700, 0.9
# A paragraph break (a real line break in the text) after a sentence, with this probability.
PARAGRAPH_BREAK = 0.15
YEARS = range(2015, 2025)
# A sentence ends after one of these; a line break ends one too (and is dropped).
SENTENCE_END = re.compile(r"(?<=[。！？；])|\n")


def fail(message):
    """Prints `make-corpus.py: error: MESSAGE` on standard error and exits with status 2."""
    print(f"make-corpus.py: error: {message}", file=sys.stderr)
    sys.exit(2)


def load_sentences(paths):
    """Returns the distinct non-blank sentences of the `text` fields of `paths`, in file order."""
    sentences, seen = [], set()
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as error:
                        fail(f"{path}:{number}: not JSON ({error.msg}); fix or remove the line")
                    for sentence in SENTENCE_END.split(record.get("text", "")):
                        sentence = sentence.strip()
                        if sentence and sentence not in seen:
                            seen.add(sentence)
                            sentences.append(sentence)
        except OSError as error:
            fail(f"{path}: cannot read the source corpus: {error.strerror}; run from a GovTag checkout")
    if len(sentences) < 10:
        fail(f"only {len(sentences)} sentences in {', '.join(paths)}; the corpus needs at least 10")
    return sentences


def make_title(sentence):
    """A title from a sentence: without its final punctuation, at most 40 characters."""
    title = sentence.rstrip("。！？；，")
    return title[:40]


def records(sentences, rng):
    """Yields (id, title, text, year) records forever, from `sentences` and the seeded `rng`."""
    mu = math.log(MEDIAN_CHARS)
    number = 0
    while True:
        number += 1
        target = min(MAX_CHARS, max(MIN_CHARS, int(rng.lognormvariate(mu, SIGMA))))
        parts, length = [], 0
        while length < target:
            sentence = sentences[rng.randrange(len(sentences))]
            if length + len(sentence) > MAX_CHARS:
                if length >= MIN_CHARS:
                    break
                sentence = sentence[: MAX_CHARS - length]
            if parts and rng.random() < PARAGRAPH_BREAK:
                parts.append("\n")
            parts.append(sentence)
            length += len(sentence)
        title = make_title(sentences[rng.randrange(len(sentences))])
        yield f"bench-{number:08d}", title, "".join(parts), YEARS[rng.randrange(len(YEARS))]


def recombine(arguments, limit):
    """Writes the recombined corpus; returns the summary for --meta."""
    rng = random.Random(arguments.seed)
    sentences = load_sentences(SOURCES)
    summary = {"records": 0, "jsonl_bytes": 0, "text_bytes": 0, "title_bytes": 0, "seed": arguments.seed,
               "source_sentences": len(sentences)}
    texts = open(arguments.texts, "wb") if arguments.texts else None
    with open(arguments.out, "wb") as out:
        for identifier, title, text, year in records(sentences, rng):
            line = json.dumps({"id": identifier, "title": title, "text": text, "year": year},
                              ensure_ascii=False).encode("utf-8") + b"\n"
            out.write(line)
            encoded = text.encode("utf-8")
            if texts:
                texts.write(encoded.replace(b"\n", b" ") + b"\n")
            summary["records"] += 1
            summary["jsonl_bytes"] += len(line)
            summary["text_bytes"] += len(encoded)
            summary["title_bytes"] += len(title.encode("utf-8"))
            if summary["jsonl_bytes"] >= limit:
                break
    if texts:
        texts.close()
    return summary


def repeat(arguments, limit):
    """Writes copies of --repeat-from with fresh ids (`r<copy>-<id>`) until `limit` bytes."""
    summary = {"records": 0, "jsonl_bytes": 0, "repeated_from": arguments.repeat_from}
    try:
        size = os.path.getsize(arguments.repeat_from)
    except OSError as error:
        fail(f"{arguments.repeat_from}: cannot read the corpus to repeat: {error.strerror}")
    if size == 0:
        fail(f"{arguments.repeat_from}: the corpus to repeat is empty")
    copy = 0
    with open(arguments.out, "wb") as out:
        while summary["jsonl_bytes"] < limit:
            copy += 1
            prefix = b'{"id": "r%d-' % copy
            with open(arguments.repeat_from, "rb") as base:
                for number, line in enumerate(base, 1):
                    if not line.startswith(b'{"id": "'):
                        fail(f"{arguments.repeat_from}:{number}: a record must start with {{\"id\": \"; "
                             "repeat only corpora made by make-corpus.py")
                    line = prefix + line[8:]
                    out.write(line)
                    summary["records"] += 1
                    summary["jsonl_bytes"] += len(line)
                    if summary["jsonl_bytes"] >= limit:
                        break
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", nargs="?", type=float, default=200,
                        help="size of the JSONL in MB of 10^6 bytes (default 200)")
    parser.add_argument("--out", required=True, help="the JSONL file to write")
    parser.add_argument("--texts", help="also write the texts here, one per line")
    parser.add_argument("--meta", help="also write a JSON summary here")
    parser.add_argument("--seed", type=int, default=20240501, help="random seed (default 20240501)")
    parser.add_argument("--repeat-from", help="repeat this corpus with fresh ids instead of recombining")
    arguments = parser.parse_args()
    if not arguments.size > 0:
        fail(f"the size must be a positive number of MB, not {arguments.size}")
    if arguments.repeat_from and arguments.texts:
        fail("--texts cannot be used with --repeat-from")
    for path in (arguments.out, arguments.texts, arguments.meta):
        if path:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    limit = int(arguments.size * MEGABYTE)
    # Write to temporary names and rename at the end, so an interrupted run leaves no half corpus.
    final = {"out": arguments.out, "texts": arguments.texts}
    arguments.out += ".partial"
    if arguments.texts:
        arguments.texts += ".partial"
    summary = repeat(arguments, limit) if arguments.repeat_from else recombine(arguments, limit)
    if final["texts"]:
        os.replace(arguments.texts, final["texts"])
    os.replace(arguments.out, final["out"])
    if arguments.meta:
        with open(arguments.meta, "w", encoding="utf-8") as handle:
            json.dump(summary, handle, indent=2)
            handle.write("\n")
    print(f"make-corpus.py: {summary['records']} records, {summary['jsonl_bytes'] / MEGABYTE:.1f} MB → {final['out']}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
