#!/usr/bin/env python3
"""Prints which source folder names a type declared in another folder: `A -> B` means a file
under A names a type (or extends one) declared under B. Used to check the dependency picture in
CONTRIBUTING.md: every arrow must point down it, and no GovTagCore folder may point at
GovTagKit. Approximate by design (it reads names, not the compiler's symbol graph): a
declaration is `struct|enum|class|protocol|actor|typealias Name` at any nesting level, and a
use is the name as a whole word outside comments and string literals.

Usage: scripts/folder-dependencies.py [Sources]   (exit status 1 when GovTagCore names GovTagKit)
"""
import os, re, sys, collections

root = sys.argv[1] if len(sys.argv) > 1 else "Sources"
targets = ["GovTagCore", "GovTagKit"]
# Top-level declarations only: nested names (`Builder`, `Status`) are spelled with their owner.
decl = re.compile(
    r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private|final|indirect)\s+)*"
    r"(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z][A-Za-z0-9_]*)", re.M)
files = {}
for target in targets:
    for dirpath, _, names in os.walk(os.path.join(root, target)):
        for name in names:
            if name.endswith(".swift"):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(dirpath, root).split(os.sep)
                folder = "/".join(rel[:2])
                text = open(path, encoding="utf-8").read()
                text = re.sub(r"//[^\n]*", "", text)
                text = re.sub(r'"""(.|\n)*?"""', '""', text)
                text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
                files[path] = (folder, text)

owner = {}
for path, (folder, text) in files.items():
    for name in decl.findall(text):
        owner.setdefault(name, set()).add(folder)
# A name declared in several folders (nested `Kind`, `Field`...) says nothing about direction.
owner = {name: next(iter(folders)) for name, folders in owner.items() if len(folders) == 1}

edges = collections.defaultdict(set)
for path, (folder, text) in files.items():
    for word in set(re.findall(r"\b[A-Z][A-Za-z0-9_]*\b", text)):
        target = owner.get(word)
        if target and target != folder:
            edges[(folder, target)].add(word)

bad = 0
for (a, b), names in sorted(edges.items()):
    up = a.startswith("GovTagCore") and b.startswith("GovTagKit")
    bad += up
    print(f"{a} -> {b}: {', '.join(sorted(names)[:6])}{' …' if len(names) > 6 else ''}{'   <-- core names kit' if up else ''}")
pairs = {(a, b) for (a, b) in edges}
cycles = sorted((a, b) for (a, b) in pairs if (b, a) in pairs and a < b)
for a, b in cycles:
    print(f"cycle: {a} <-> {b}")
sys.exit(1 if bad else 0)
