#!/usr/bin/env bash
# `make test-install`: installs GovTag into a temporary prefix with `make install`, then runs the
# installed binary from / with no flags: lexicon check, tag (file and standard input) and explain,
# each compared byte for byte with the normal build (.build/release/govtag, or $REFERENCE) given
# the same lexicon folder with --lexicons. Also DESTDIR staging, a symbolic link on PATH, and
# `make uninstall`. Prints "test-install: N passed, N failed" and exits 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
reference=${REFERENCE:-$repo/.build/release/govtag}
[ -x "$reference" ] || { echo "test-install: no reference binary at $reference; run make release first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tmp=$(cd "$tmp" && pwd -P)
unset GOVTAG_LEXICONS
passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAILED: $1"; }
# same NAME FILE1 FILE2: the two files are byte-identical.
same() { if cmp -s "$2" "$3"; then pass "$1"; else fail "$1 ($2 and $3 differ:"; diff "$2" "$3" | head -5; echo ")"; fi; }

prefix=$tmp/prefix
# A lexicon file left by an older installation must not survive (it would still load).
mkdir -p "$prefix/share/govtag/Lexicons"
echo "dimension: stale" >"$prefix/share/govtag/Lexicons/stale.yaml"
make --no-print-directory install PREFIX="$prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "make install PREFIX=$prefix"; }
govtag=$prefix/bin/govtag
lexicons=$prefix/share/govtag/Lexicons
[ -x "$govtag" ] && pass "make install puts bin/govtag in PREFIX" || fail "no $govtag"
[ -f "$lexicons/capability.yaml" ] && [ -f "$lexicons/gazetteer.yaml" ] && [ -f "$lexicons/scope.yaml" ] &&
  pass "make install puts the lexicons in PREFIX/share/govtag/Lexicons" || fail "no lexicons in $lexicons"
[ ! -e "$lexicons/stale.yaml" ] && pass "make install replaces the lexicon folder" || fail "a stale lexicon file survived make install"

text="杭州市推进政务服务一网通办"
# The installed binary, from /, no flags; the reference with --lexicons naming the same folder,
# so that the lexicon paths in the evidence are the same strings.
(cd / && "$govtag" lexicon check) >"$tmp/check.installed" 2>&1 || fail "installed lexicon check exited $?"
"$reference" lexicon check --lexicons "$lexicons" >"$tmp/check.reference" 2>&1
same "lexicon check from / with no flags" "$tmp/check.reference" "$tmp/check.installed"

(cd / && "$govtag" tag "$repo/Corpus/dev.jsonl" -o "$tmp/tag.installed" --quiet) || fail "installed tag exited $?"
"$reference" tag "$repo/Corpus/dev.jsonl" -o "$tmp/tag.reference" --quiet --lexicons "$lexicons"
same "tag FILE -o OUT from / with no flags" "$tmp/tag.reference" "$tmp/tag.installed"

(cd / && "$govtag" tag - --quiet <"$repo/Corpus/dev.jsonl" >"$tmp/pipe.installed") || fail "installed tag - exited $?"
same "tag - from / with no flags" "$tmp/tag.reference" "$tmp/pipe.installed"

(cd / && "$govtag" explain "$text") >"$tmp/explain.installed" 2>&1 || fail "installed explain exited $?"
"$reference" explain "$text" --lexicons "$lexicons" >"$tmp/explain.reference" 2>&1
same "explain from / with no flags" "$tmp/explain.reference" "$tmp/explain.installed"
grep -q "public_service" "$tmp/explain.installed" && pass "explain finds public_service" || fail "explain lacks public_service"

version=$(cd / && "$govtag" --version | tail -1)
case $version in
  "lexicons $lexicons (beside the executable), version "*) pass "--version names the installed lexicons: $version" ;;
  *) fail "--version says: $version" ;;
esac

# A symbolic link on PATH finds the lexicons of the installation it points into.
mkdir -p "$tmp/onpath"
ln -s "$govtag" "$tmp/onpath/govtag"
(cd / && PATH="$tmp/onpath:$PATH" govtag explain "$text") >"$tmp/explain.link" 2>&1 || fail "linked explain exited $?"
same "explain through a symbolic link on PATH" "$tmp/explain.reference" "$tmp/explain.link"

# DESTDIR stages the same tree under another root.
make --no-print-directory install-files PREFIX=/usr DESTDIR="$tmp/stage" >/dev/null
[ -x "$tmp/stage/usr/bin/govtag" ] && [ -f "$tmp/stage/usr/share/govtag/Lexicons/capability.yaml" ] &&
  pass "DESTDIR=$tmp/stage PREFIX=/usr stages usr/bin and usr/share/govtag" || fail "DESTDIR staging"

make --no-print-directory uninstall PREFIX="$prefix" >/dev/null
if [ ! -e "$govtag" ] && [ ! -e "$prefix/share/govtag" ]; then pass "make uninstall removes both"; else fail "make uninstall left files"; fi

echo "test-install: $passed passed, $failed failed"
[ "$failed" = 0 ]
