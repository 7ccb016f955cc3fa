#!/usr/bin/env python3
"""Prints which source folder names a type declared in another folder: `A -> B` means a file
under A names a type (or extends one) declared under B. Used to check the dependency picture in
CONTRIBUTING.md: every arrow must point down it (LAYERS below), and no GovTagCore folder may
point at GovTagKit. Approximate by design (it reads names, not the compiler's symbol graph): a
declaration is a top-level `struct|enum|class|protocol|actor|typealias Name`, and a use is the
name as a whole word outside comments and string literals.

Usage: scripts/folder-dependencies.py [Sources]
Exit status 1 when a GovTagCore folder names GovTagKit, an arrow is not downward in LAYERS, a
folder is missing from LAYERS, or folders form a cycle.
"""
import os, re, sys, collections

root = sys.argv[1] if len(sys.argv) > 1 else "Sources"

# The layers of the picture in CONTRIBUTING.md, top to bottom: a folder may name only folders
# of a lower layer (a later line). Keep the two in step.
LAYERS = [
    ["GovTagServer"],  # `govtag serve`: on the front door and the record format only (SERVER_MAY_NAME)
    ["GovTagKit", "GovTagKit/FrontDoor"],  # GovTagKit: the root file that re-exports the core
    ["GovTagKit/Exchange"],
    ["GovTagKit/Report", "GovTagKit/Batch"],
    ["GovTagKit/Audit"],
    ["GovTagKit/Rendering"],
    ["GovTagKit/Records"],
    ["GovTagKit/Support"],
    ["GovTagCore/Classification"],
    ["GovTagCore/Location"],
    ["GovTagCore/Lexicon", "GovTagCore/Matching", "GovTagCore/Segmentation"],
    ["GovTagCore/Normalization", "GovTagCore/Taxonomy"],
    ["GovTagCore/Support"],
]
rank = {folder: level for level, folders in enumerate(LAYERS) for folder in folders}
targets = ["GovTagCore", "GovTagKit", "GovTagServer"]
# The server builds on the library's front door, the record format it answers in, and the
# shared support types (errors, locations); never on the batch runner, audit, report or the
# engine's internals.
SERVER_MAY_NAME = {"GovTagKit/FrontDoor", "GovTagKit/Records", "GovTagKit/Support", "GovTagCore/Support", "GovTagCore/Taxonomy"}
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
for folder in sorted({f for f, _ in files.values()} - set(rank)):
    bad += 1
    print(f"{folder}: not in the layers of CONTRIBUTING.md (add it to LAYERS here and to the picture)")
for (a, b), names in sorted(edges.items()):
    problem = ""
    if a.startswith("GovTagCore") and b.startswith("GovTagKit"):
        problem = "   <-- core names kit"
    elif a == "GovTagServer" and b not in SERVER_MAY_NAME:
        problem = "   <-- the server must build on the front door"
    elif a in rank and b in rank and rank[b] <= rank[a]:
        problem = "   <-- not downward in CONTRIBUTING.md's picture"
    bad += bool(problem)
    print(f"{a} -> {b}: {', '.join(sorted(names)[:6])}{' …' if len(names) > 6 else ''}{problem}")
# Folders that reach each other (strongly connected, Tarjan): each group of two or more is a cycle.
graph = collections.defaultdict(set)
for a, b in edges:
    graph[a].add(b)
index, low, stack, on_stack, groups = {}, {}, [], set(), []
def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v); on_stack.add(v)
    for w in graph[v]:
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        group = []
        while True:
            w = stack.pop(); on_stack.discard(w); group.append(w)
            if w == v: break
        if len(group) > 1: groups.append(sorted(group))
for v in sorted({f for f, _ in files.values()}):
    if v not in index: visit(v)
for group in groups:
    print("cycle: " + " <-> ".join(group))
sys.exit(1 if bad or groups else 0)
