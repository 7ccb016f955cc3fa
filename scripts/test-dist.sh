#!/usr/bin/env bash
# `make test-dist TARBALL`: unpacks the dist tarball in a temporary folder and runs its binary,
# from / and with no flags, with the Swift toolchain's library folder hidden under an empty tmpfs
# (a private mount namespace, `unshare -m`, needs root): lexicon check, tag and explain. The tag
# output must be byte-identical to the normal build's (.build/release/govtag, or $REFERENCE) given
# the same lexicon folder; the normal build, hidden the same way, must fail to start (that proves
# the hiding works). Prints "test-dist: N passed, N failed" and exits 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
tarball=${1:?usage: scripts/test-dist.sh dist/govtag-VERSION-linux-ARCH.tar.gz}
tarball=$(cd "$(dirname "$tarball")" && pwd -P)/$(basename "$tarball")
reference=${REFERENCE:-$repo/.build/release/govtag}
[ -x "$reference" ] || { echo "test-dist: no reference binary at $reference; run make release first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tmp=$(cd "$tmp" && pwd -P)
unset GOVTAG_LEXICONS
passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAILED: $1"; }
same() { if cmp -s "$2" "$3"; then pass "$1"; else fail "$1 ($2 and $3 differ:"; diff "$2" "$3" | head -5; echo ")"; fi; }

name=$(basename "$tarball" .tar.gz)
tar -xzf "$tarball" -C "$tmp"
root=$tmp/$name
govtag=$root/bin/govtag
lexicons=$root/share/govtag/Lexicons
for file in bin/govtag share/govtag/Lexicons/capability.yaml share/govtag/Lexicons/gazetteer.yaml README.md LICENSE; do
  [ -e "$root/$file" ] && pass "the tarball holds $name/$file" || fail "the tarball lacks $name/$file"
done

# What the binary links at run time: no Swift library, only the system's (libicu72 among them).
ldd "$govtag" >"$tmp/ldd" 2>&1 || true
if grep -Eq 'libswift|libFoundation|libdispatch|/opt/swift' "$tmp/ldd"; then fail "the dist binary links Swift libraries: $(cat "$tmp/ldd")"; else pass "the dist binary links no Swift library"; fi
echo "   it needs: $(awk '{print $1}' "$tmp/ldd" | tr '\n' ' ')"

# The toolchain's runtime folder, the one the normal build's libswiftCore.so comes from.
toolchain_lib=$(ldd "$reference" | awk '/libswiftCore/ {print $3}' | xargs -r dirname)
[ -n "$toolchain_lib" ] && [ -d "$toolchain_lib" ] || { echo "test-dist: cannot find the toolchain's library folder from ldd $reference" >&2; exit 2; }

# Reference outputs, with the toolchain visible.
"$reference" lexicon check --lexicons "$lexicons" >"$tmp/check.reference" 2>&1
"$reference" tag - --quiet --lexicons "$lexicons" <"$repo/Corpus/dev.jsonl" >"$tmp/tag.reference"
text="杭州市推进政务服务一网通办"
"$reference" explain "$text" --lexicons "$lexicons" >"$tmp/explain.reference" 2>&1

# The same commands with the toolchain hidden, from /, in a private mount namespace.
export govtag reference toolchain_lib tmp text repo
unshare -m sh -c '
  set -u
  mount -t tmpfs none "$toolchain_lib" || exit 99
  cd /
  "$reference" --version >"$tmp/hidden.reference" 2>&1; echo $? >"$tmp/hidden.reference.status"
  "$govtag" lexicon check >"$tmp/check.dist" 2>&1; echo $? >"$tmp/check.dist.status"
  "$govtag" tag - --quiet <"$repo/Corpus/dev.jsonl" >"$tmp/tag.dist"; echo $? >"$tmp/tag.dist.status"
  "$govtag" explain "$text" >"$tmp/explain.dist" 2>&1; echo $? >"$tmp/explain.dist.status"
  "$govtag" --version >"$tmp/version.dist" 2>&1
' || { echo "test-dist: could not hide $toolchain_lib (unshare -m and mount need root)" >&2; exit 2; }

status=$(cat "$tmp/hidden.reference.status")
[ "$status" = 127 ] && pass "with $toolchain_lib hidden the normal build cannot start (status 127)" ||
  fail "the normal build still starts with $toolchain_lib hidden (status $status): the hiding did not work"
for step in check tag explain; do
  status=$(cat "$tmp/$step.dist.status")
  [ "$status" = 0 ] && pass "$step: the dist binary exits 0 with the toolchain hidden" || fail "$step exited $status: $(head -3 "$tmp/$step.dist")"
done
same "lexicon check from / with no flags, toolchain hidden" "$tmp/check.reference" "$tmp/check.dist"
same "tag - from / with no flags, toolchain hidden: same bytes as the normal build" "$tmp/tag.reference" "$tmp/tag.dist"
same "explain from / with no flags, toolchain hidden" "$tmp/explain.reference" "$tmp/explain.dist"
[ "$(wc -l <"$tmp/tag.dist")" = "$(wc -l <"$repo/Corpus/dev.jsonl")" ] && pass "one output line per input line" || fail "line counts differ"
grep -qx "lexicons $lexicons (beside the executable), version .*" "$tmp/version.dist" &&
  pass "--version: $(tail -1 "$tmp/version.dist")" || fail "--version says: $(cat "$tmp/version.dist")"

echo "test-dist: $passed passed, $failed failed"
[ "$failed" = 0 ]
