#!/usr/bin/env python3
"""Checks that every target depending on GovTagKit also depends on GovTagCore directly, in the
main package and in the packages beside it (Benchmarks, Examples, Fuzz).

Why: GovTagKit re-exports GovTagCore, and SwiftPM's incremental build does not rebuild a target
that reaches a struct only through a re-export when the struct's stored properties change
(swiftlang/swift#89636). The target keeps the old layout and the program crashes
(`initializeWithCopy for ClassifierModel`) until a clean build. A direct dependency on
GovTagCore makes the change seen. Reads the manifests with `swift package dump-package`
(no build, no resolution).

Usage: scripts/check-core-dependency.py [package folder ...]   (default: the four packages)
Exit status 1 when a target lacks the dependency (each named with its Package.swift).
"""
import json, os, subprocess, sys

PACKAGES = [".", "Benchmarks", "Examples/tag-one-text", "Fuzz"]


def dependency_names(dependency):
    """The target or product name a dependency entry of dump-package's JSON refers to."""
    for kind in ("byName", "target", "product"):
        if kind in dependency:
            return dependency[kind][0]
    return None


def missing_core(package):
    manifest = json.loads(
        subprocess.run(["swift", "package", "--package-path", package, "dump-package"],
                       check=True, capture_output=True, text=True).stdout)
    problems = []
    for target in manifest["targets"]:
        names = {dependency_names(d) for d in target["dependencies"]}
        if "GovTagKit" in names and "GovTagCore" not in names:
            problems.append(target["name"])
    return problems


def main():
    packages = sys.argv[1:] or PACKAGES
    failed = False
    for package in packages:
        for target in missing_core(package):
            failed = True
            print(f"{os.path.join(package, 'Package.swift')}: target {target} depends on GovTagKit but not on "
                  f"GovTagCore; add GovTagCore to its dependencies (an incremental build otherwise keeps "
                  f"GovTagCore's old struct layouts and crashes: swiftlang/swift#89636)", file=sys.stderr)
    if not failed:
        print(f"core-dependency: every target that depends on GovTagKit depends on GovTagCore too "
              f"({', '.join(packages)})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
