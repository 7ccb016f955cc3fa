#!/usr/bin/env python3
"""GovTag as a PySpark `rdd.pipe` stage, checked line for line.

Runs `./govtag tag - --quiet --jobs 1 --allow-failures` (from the dist tarball's bin/ folder,
which finds its lexicons beside itself) through `rdd.pipe` on a `local[2]` Spark, over a corpus
with one bad line added, in several partitions (the bad line inside one of them). Checks that:

- the output has one line per input line, in input order, each the record of that input line;
- it equals `govtag tag -` run directly on each partition's lines, concatenated, byte for byte
  (a bad line's error record counts lines from the start of its partition's standard input);
- it equals `govtag tag -` run once on the whole input, line for line, except the bad line's
  error record, whose line number there counts from the start of the whole input.

The comparison is itself tested, on real Spark output: a run that loses a line (`| sed 3d` in the
pipe) and a run that swaps two lines must both fail it. Exit status 0 when all checks pass; prints
"spark-pipe-test: N passed, N failed".
"""

import argparse
import json
import os
import subprocess
import sys

COMMAND = "./govtag tag - --quiet --jobs 1 --allow-failures"
BAD_LINE = '{"id": "bad-line", "text": unquoted}'
PARTITIONS = 4


def run_govtag(bin_dir, lines):
    """`govtag tag -` run directly (not through Spark) on `lines`; its output lines."""
    result = subprocess.run(
        COMMAND.split(), cwd=bin_dir, input="".join(line + "\n" for line in lines),
        capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def compare(expected, actual):
    """The differences between two outputs, line for line: [] when they are equal."""
    problems = []
    if len(actual) != len(expected):
        problems.append(f"{len(actual)} lines, expected {len(expected)}")
    for number, (want, got) in enumerate(zip(expected, actual), start=1):
        if want != got:
            problems.append(f"line {number} differs: expected {want[:80]!r}…, got {got[:80]!r}…")
            break
    return problems


def record_ids(output):
    """The id of each output line (None for error records)."""
    return [json.loads(line).get("id") for line in output]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin-dir", required=True, help="the folder holding the govtag binary (dist bin/)")
    parser.add_argument("--corpus", required=True, help="a JSON Lines corpus, e.g. Corpus/dev.jsonl")
    arguments = parser.parse_args()

    with open(arguments.corpus, encoding="utf-8") as handle:
        corpus = [line.rstrip("\n") for line in handle if line.strip()]
    # The bad line goes inside a middle partition, not at a partition boundary.
    bad_index = len(corpus) * 5 // 8 + 3
    lines = corpus[:bad_index] + [BAD_LINE] + corpus[bad_index:]

    # Spark starts its Python workers in this folder in local mode, so "./govtag" is the dist binary.
    os.chdir(arguments.bin_dir)
    os.environ.pop("GOVTAG_LEXICONS", None)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]").appName("govtag-pipe-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    passed = failed = 0

    def check(name, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            print(f"FAILED: {name}: {'; '.join(problems)}")
        else:
            passed += 1
            print(f"ok: {name}")

    try:
        rdd = spark.sparkContext.parallelize(lines, PARTITIONS)
        partitions = rdd.glom().collect()
        holding_bad = [index for index, part in enumerate(partitions) if BAD_LINE in part]
        check(
            f"{len(lines)} lines in {len(partitions)} partitions "
            f"({', '.join(str(len(part)) for part in partitions)}), the bad line in partition {holding_bad}",
            [] if len(partitions) == PARTITIONS and len(holding_bad) == 1
            and 0 < partitions[holding_bad[0]].index(BAD_LINE) < len(partitions[holding_bad[0]]) - 1
            else ["the bad line must sit inside exactly one partition"])

        output = rdd.pipe(COMMAND, checkCode=True).collect()

        per_partition = [line for part in partitions for line in run_govtag(arguments.bin_dir, part)]
        check("rdd.pipe output equals govtag tag - on each partition, byte for byte", compare(per_partition, output))

        whole = run_govtag(arguments.bin_dir, lines)
        check(
            "govtag tag - on the whole input: one line per input line",
            [] if len(whole) == len(lines) else [f"{len(whole)} lines for {len(lines)}"])
        expected_ids = [json.loads(line).get("id") if line != BAD_LINE else None for line in lines]
        check("rdd.pipe output ids are the input ids, in input order", compare(expected_ids, record_ids(output)))
        bad_record = json.loads(output[bad_index]) if len(output) > bad_index else {}
        check(
            "the bad line yields an error record in its place",
            [] if bad_record.get("id") is None and "not valid JSON" in bad_record.get("error", {}).get("reason", "")
            else [f"line {bad_index + 1} is {str(bad_record)[:120]}"])
        same_but_bad = [line for index, line in enumerate(whole) if index != bad_index]
        spark_but_bad = [line for index, line in enumerate(output) if index != bad_index]
        check(
            "rdd.pipe output equals govtag tag - on the whole input, line for line (but the bad line's number)",
            compare(same_but_bad, spark_but_bad))

        # The comparison must catch a lost line and a reordered one in real Spark output.
        lost = rdd.pipe(f"sh -c '{COMMAND} | sed 3d'").collect()
        check("a run that loses a line fails the comparison", [] if compare(per_partition, lost) else ["it passed"])

        def swap_two(index, records):
            records = list(records)
            if index == 1:
                records[0], records[1] = records[1], records[0]
            return records

        swapped = rdd.pipe(COMMAND).mapPartitionsWithIndex(swap_two).collect()
        check("a run that swaps two lines fails the comparison", [] if compare(per_partition, swapped) else ["it passed"])
    finally:
        spark.stop()

    print(f"spark-pipe-test: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
