#!/usr/bin/env python3
"""Agreement between two annotators' label files of the bundled corpus, with `govtag audit --compare`.

Usage: scripts/annotator-agreement.py A.jsonl B.jsonl [--govtag PATH] [--json]

A and B hold one line per record, {"id", "manual": {dimension: [...]}} (as in
Corpus/annotations/); the texts are taken from Corpus/*.jsonl by id, since audit reads the
narratives too (to say which annotator GovTag sides with). Writes the joined records to a
temporary folder, runs `govtag audit --compare` on them and removes the folder.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fail(message):
    print(f"annotator-agreement.py: error: {message}", file=sys.stderr)
    sys.exit(2)


def corpus_texts():
    texts = {}
    folder = os.path.join(ROOT, "Corpus")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".jsonl"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    texts[record["id"]] = (record.get("title"), record["text"])
    return texts


def join(path, texts, out):
    with open(path, encoding="utf-8") as handle, open(out, "w", encoding="utf-8") as sink:
        for number, line in enumerate(handle, 1):
            try:
                record = json.loads(line)
            except ValueError:
                fail(f"{path}:{number}: not JSON")
            if record.get("id") not in texts:
                fail(f"{path}:{number}: id {record.get('id')!r} is not in Corpus/*.jsonl")
            title, text = texts[record["id"]]
            sink.write(json.dumps({"id": record["id"], "title": title, "text": text, "manual": record["manual"]},
                                  ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--govtag", default=os.path.join(ROOT, ".build", "release", "govtag"))
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    if not os.access(arguments.govtag, os.X_OK):
        fail(f"{arguments.govtag} is not an executable govtag; build it (make release) or pass --govtag")
    texts = corpus_texts()
    with tempfile.TemporaryDirectory(prefix="govtag-agreement-") as folder:
        joined = []
        for path, name in ((arguments.a, "A.jsonl"), (arguments.b, "B.jsonl")):
            joined.append(os.path.join(folder, name))
            join(path, texts, joined[-1])
        command = [arguments.govtag, "audit", "--compare", *joined, "--lexicons", os.path.join(ROOT, "Lexicons")]
        if arguments.json:
            command.append("--json")
        sys.exit(subprocess.run(command, check=False).returncode)


if __name__ == "__main__":
    main()
