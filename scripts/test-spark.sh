#!/usr/bin/env bash
# `make test-spark TARBALL`: runs the dist tarball's binary as a PySpark `rdd.pipe` stage
# (local[2], several partitions, a bad line in one of them) and checks that the output equals
# `govtag tag -` on the same input, line for line (scripts/spark-pipe-test.py). Installs what it
# needs when missing: Java 17 (Debian's openjdk-17-jre-headless) and pyspark (PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
tarball=${1:?usage: scripts/test-spark.sh dist/govtag-VERSION-linux-ARCH.tar.gz}
tarball=$(cd "$(dirname "$tarball")" && pwd -P)/$(basename "$tarball")
python=${PYTHON:-python3}
pyspark_spec=${PYSPARK_SPEC:-pyspark==4.3.0}
sudo=$([ "$(id -u)" = 0 ] || command -v sudo || true)

if ! command -v java >/dev/null; then
  echo "test-spark: installing Java 17 (openjdk-17-jre-headless) with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless
fi
if ! "$python" -c 'import pyspark' 2>/dev/null; then
  echo "test-spark: installing $pyspark_spec with pip"
  "$python" -m pip install --quiet "$pyspark_spec"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$tarball" -C "$tmp"
bin_dir=$(cd "$tmp/$(basename "$tarball" .tar.gz)/bin" && pwd -P)
unset GOVTAG_LEXICONS
"$python" scripts/spark-pipe-test.py --bin-dir "$bin_dir" --corpus "$repo/Corpus/dev.jsonl"
