#!/usr/bin/env python3
"""Summarises a demangled `callgrind_annotate` listing: instructions per group, top functions.

Input: the output of `callgrind_annotate --threshold=100 --auto=no OUT | swift demangle
--simplified` (one line per function: `IR (P%)  FILE:FUNCTION [OBJECT]`). Each function's own
(exclusive) instructions are put in the first group whose rule matches, so the groups add up
to the program total. Prints the groups and the top N functions as plain text.

With --inclusive (the same listing made with `--inclusive=yes`), it also prints the inclusive
cost of GovTag's main stages (decode, classify and its parts, write), which is where the
per-record time goes.

Usage: callgrind-groups.py ANNOTATED.txt [--inclusive INCLUSIVE.txt] [--top 25] [--slice-mb 2]
"""

import argparse
import re
import sys

LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*?)\s+\[(.*)\]\s*$")
TOTAL = re.compile(r"^\s*([\d,]+)\s+\(100\.0+%\)\s+PROGRAM TOTALS")

# (group, test on (function, object)); the first match wins, so order matters.
GROUPS = [
    ("start-up: lexicon loading (YAML, automaton build, gazetteer)",
     lambda f, o: re.search(r"Yams|yaml_|LexiconLoader|GazetteerLoader|ScopeRules\.load|KeywordAutomaton\.Builder|"
                            r"ClassifierModel\.init|ClassifierModel\.load|Gazetteer\.init|libCYaml", f + o)),
    ("ICU word break (libicuuc + the C shim)",
     lambda f, o: "libicu" in o or f.startswith("govtag_wordbreak") or "ICUWordBreaker" in f),
    ("keyword matching (prefix filter and double-array trie)", lambda f, o: "KeywordAutomaton" in f),
    ("JSON: decoding input, writing records",
     lambda f, o: re.search(r"JSONWriter|JSONValue|DocumentDecoder|LabelledRecordWriter|JSONLinesRecordReader|"
                            r"RecordReader|LineReader", f)),
    ("batch runner: chunking, ordering, output",
     lambda f, o: re.search(r"BatchRunner|OrderedParallelPipeline|ChunkLabeller|OutputStream", f)),
    ("GovTag classification: folding, hits, scope, scoring, evidence, location, text hash",
     lambda f, o: re.search(r"Tagger|TextFolding|FoldedText|WordBoundaries|TextBreaks|LocationResolver|UTF8Text|"
                            r"Evidence|Classification|StableHash|ScopeRules|Gazetteer|Review|ClassifierModel|Token", f)),
    ("Foundation", lambda f, o: re.search(r"libFoundation|libCoreFoundation|lib_FoundationICU", o)),
    ("allocation (malloc/free)",
     lambda f, o: "libc.so" in o and re.search(r"malloc|free|_int_|tcache|arena|sysmalloc|unlink_chunk|realloc", f)),
    ("memory copies (memcpy/memmove/memset/memchr)", lambda f, o: "libc.so" in o and re.search(r"mem|str", f)),
    ("Swift runtime: reference counting, exclusivity checks, allocation",
     lambda f, o: re.search(r"swift_retain|swift_release|swift_bridgeObject|RefCount|swift_allocObject|"
                            r"swift_deallocObject|swift_slowAlloc|swift_slowDealloc|swift_beginAccess|"
                            r"swift_endAccess|AccessSet|swift_isUniquelyReferenced|swift_arrayInit|"
                            r"swift_arrayDestroy|swift_deallocClassInstance|_swift_release_dealloc", f)),
    ("Swift standard library: strings, arrays, dictionaries, hashing",
     lambda f, o: "libswiftCore" in o or re.search(r"^(specialized |generic specialization |merged )*"
                                                   r"(static )?(Array|ContiguousArray|_ContiguousArrayBuffer|String|"
                                                   r"Substring|Dictionary|_NativeDictionary|Set|_NativeSet|Hasher|"
                                                   r"Sequence|Collection|Unsafe|_StringGuts|_StringObject|"
                                                   r"Character|Int|Double|BinaryInteger|FixedWidthInteger|"
                                                   r"MutableCollection|RangeReplaceableCollection)", f)),
    ("kernel and dynamic loader", lambda f, o: re.search(r"ld-linux|vdso", o)),
]
OTHER = "other"

# GovTag's stages, for the inclusive listing: (label, function name without `specialized `).
STAGES = [
    ("per record, all of it (ChunkLabeller.label)", "ChunkLabeller.label(_:)"),
    ("  decode the JSON line (DocumentDecoder.decode)", "DocumentDecoder.decode(_:at:)"),
    ("  classify (Tagger.classify)", "Tagger.classify(title:text:)"),
    ("    fold traditional/full-width (TextFolding.fold)", "TextFolding.fold(_:into:offsets:)"),
    ("    runs between hard breaks, for lazy ICU (WordBoundaries.prepareLazy)", "WordBoundaries.prepareLazy(_:)"),
    ("    automaton hits and statuses (Tagger.rawHits)", "Tagger.rawHits(in:)"),
    ("      of which ICU where hits need it (WordBoundaries.isBoundary)", "WordBoundaries.isBoundary(at:in:)"),
    ("        of which ICU's iterator (ICUWordBreaker.forEachSegment)", "ICUWordBreaker.forEachSegment(of:_:)"),
    ("      of which scope cues (Tagger.applyScope)", "Tagger.applyScope(to:in:cues:)"),
    ("    place names (LocationResolver.mentions)", "LocationResolver.mentions(in:original:field:toOriginal:)"),
    ("    scoring (Tagger.score)", "Tagger.score(_:textLength:)"),
    ("  write the labelled record (LabelledRecordWriter.write)", "LabelledRecordWriter.write(_:_:to:)"),
    ("    of which evidence (LabelledRecordWriter.writeEvidence)", "LabelledRecordWriter.writeEvidence(_:to:)"),
    ("    of which string escaping (JSONWriter.appendQuoted)", "JSONWriter.appendQuoted(_:)"),
    ("output: counting and writing chunks (BatchRunner.run's write)", "write #1 (_:to:recordsWritten:) in BatchRunner.run"),
    ("start-up: load and compile the lexicons (ClassifierModel.load)", "static ClassifierModel.load(lexiconDirectory:)"),
]


def read_listing(path):
    """Returns (total, [(cost, function, object)]) from a demangled callgrind_annotate listing."""
    total, functions = None, []
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if total is None and (match := TOTAL.match(line)):
                    total = int(match.group(1).replace(",", ""))
                    continue
                match = LINE.match(line)
                if match:
                    cost = int(match.group(1).replace(",", ""))
                    place, obj = match.group(2), match.group(3)
                    function = place.split(":", 1)[1] if ":" in place else place
                    functions.append((cost, function, obj))
    except OSError as error:
        print(f"callgrind-groups.py: error: {path}: {error.strerror}; run profile.sh", file=sys.stderr)
        sys.exit(2)
    if not total or not functions:
        print(f"callgrind-groups.py: error: {path}: no callgrind_annotate totals or functions; "
              "run profile.sh again", file=sys.stderr)
        sys.exit(2)
    return total, functions


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("annotated")
    parser.add_argument("--inclusive", help="the same listing made with --inclusive=yes")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--slice-mb", default="?")
    arguments = parser.parse_args()

    total, functions = read_listing(arguments.annotated)

    groups = {name: [] for name, _ in GROUPS}
    groups[OTHER] = []
    for cost, function, obj in functions:
        for name, rule in GROUPS:
            if rule(function, obj):
                groups[name].append((cost, function, obj))
                break
        else:
            groups[OTHER].append((cost, function, obj))

    def short(obj):
        return obj.rsplit("/", 1)[-1]

    print(f"callgrind: govtag tag --jobs 1 over a {arguments.slice_mb} MB slice of the benchmark corpus")
    print(f"total instructions (Ir): {total:,}")
    print()
    print("Instructions by group (each function's own instructions, first matching group):")
    print()
    listed = sum(cost for cost, _, _ in functions)
    for name, items in sorted(groups.items(), key=lambda item: -sum(cost for cost, _, _ in item[1])):
        cost = sum(cost for cost, _, _ in items)
        if cost == 0:
            continue
        top = ", ".join(function[:60] for _, function, _ in sorted(items, reverse=True)[:3])
        print(f"{cost * 100 / total:6.1f}%  {name}")
        print(f"         e.g. {top}")
    if listed < total:
        print(f"{(total - listed) * 100 / total:6.1f}%  below callgrind_annotate's listing threshold")
    print()
    if arguments.inclusive:
        inclusive_total, inclusive = read_listing(arguments.inclusive)
        print("Inclusive instructions of GovTag's stages (a stage includes what it calls):")
        print()
        for label, name in STAGES:
            costs = [cost for cost, function, _ in inclusive
                     if re.sub(r"^(specialized |merged )+", "", function).startswith(name)]
            if costs:
                print(f"{max(costs) * 100 / inclusive_total:6.1f}%  {label}")
        print()
    print(f"Top {arguments.top} functions by their own instructions:")
    print()
    for cost, function, obj in sorted(functions, reverse=True)[: arguments.top]:
        print(f"{cost:>14,} {cost * 100 / total:5.1f}%  {function[:110]}  [{short(obj)}]")


if __name__ == "__main__":
    main()
