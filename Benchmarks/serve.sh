#!/usr/bin/env bash
# `govtag serve` under load, measured the way the serve issue asks. Usage:
#
#   Benchmarks/serve.sh            (make bench-serve)
#
# Environment: ROUNDS (default 3), DURATION (seconds per wrk run, default 20), SOAK (seconds
# of the soak run, default 300), PORT (default 18090).
#
# Builds govtag (release, .build-bench) and installs wrk (Debian) when missing. The requests are
# the bundled corpus's records (Corpus/dev.jsonl and test.jsonl), one case per POST /v1/tag, as
# a submission portal sends them; the reference is `govtag tag --jobs 2` on the same records
# (repeated to 30x, fresh ids) timed in the same rounds. Then:
#   1. ROUNDS rounds, interleaved: govtag tag --jobs 2, then wrk at 1, 8 and 64 connections
#      (2 threads, or 1 for one connection) for DURATION s each; medians of the rounds;
#   2. a soak: wrk at 8 connections for SOAK s while a second client sends every kind of bad
#      request (bad-requests.py), SIGHUP reloads the lexicons at half time and
#      POST /v1/admin/reload at three quarters; RSS sampled every 30 s.
# wrk runs on the same 2 cores as the server. The Markdown report goes to stdout and to
# Benchmarks/results/serve-DATE.md.
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-20}"
SOAK="${SOAK:-300}"
PORT="${PORT:-18090}"
MAX_BODY=262144
MAX_RECORDS=100
for value in "$ROUNDS" "$DURATION" "$SOAK" "$PORT"; do
  [[ "$value" =~ ^[0-9]+$ ]] && [ "$value" -gt 0 ] || die "ROUNDS, DURATION, SOAK and PORT must be whole numbers above 0"
done
case "${1:-}" in -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;; esac

command -v swift >/dev/null 2>&1 || die "swift is not on PATH; install Swift 6 first"
[ -e /usr/include/unicode/ubrk.h ] || require_tool icuinfo libicu-dev
require_tool wrk wrk
require_tool curl curl
require_tool python3 python3
say "building govtag (release, $MAIN_SCRATCH)"
swift_build -c release --package-path "$ROOT_DIR" --product govtag --scratch-path "$MAIN_SCRATCH"

work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$RESULTS_DIR"

# The request bodies (one record per line, as given) and the batch input for govtag tag.
python3 - "$ROOT_DIR/Corpus/dev.jsonl" "$ROOT_DIR/Corpus/test.jsonl" "$work" <<'PY'
import json, sys
lines = [line for path in sys.argv[1:3] for line in open(path, encoding="utf-8") if line.strip()]
with open(f"{sys.argv[3]}/bodies.jsonl", "w", encoding="utf-8") as bodies:
    bodies.writelines(line if line.endswith("\n") else line + "\n" for line in lines)
with open(f"{sys.argv[3]}/batch.jsonl", "w", encoding="utf-8") as batch:
    for copy in range(30):
        for line in lines:
            record = json.loads(line)
            record["id"] = f"{record['id']}-{copy}"
            batch.write(json.dumps(record, ensure_ascii=False) + "\n")
PY
BODIES="$work/bodies.jsonl"
BATCH_RECORDS=$(wc -l < "$work/batch.jsonl")
BODY_COUNT=$(wc -l < "$BODIES")
BODY_BYTES=$(wc -c < "$BODIES")
say "$BODY_COUNT request bodies (mean $((BODY_BYTES / BODY_COUNT)) bytes); batch reference of $BATCH_RECORDS records"

head -c 24 /dev/urandom | base64 > "$work/token"
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status"; }
url="http://127.0.0.1:$PORT"
"$GOVTAG" serve --port "$PORT" --lexicons "$LEXICONS" --admin-token-file "$work/token" \
  --max-body "$MAX_BODY" --max-records "$MAX_RECORDS" --log-level notice > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "$url/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$url/healthz" >/dev/null || die "the server did not start: $(tail -5 "$work/server.log")"
RSS_START=$(rss_kb)
say "server pid $server on $url, RSS $((RSS_START / 1024)) MiB at start"

run_wrk() {  # connections seconds -> one JSON line
  local connections="$1" seconds="$2" threads=2
  [ "$connections" -ge 2 ] || threads=1
  BODIES="$BODIES" wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/serve/requests.lua" "$url" \
    | grep '^{"requests"'
}
run_wrk 2 5 > /dev/null  # warm-up
RSS_WARM=$(rss_kb)

: > "$work/rounds.jsonl"
for round in $(seq 1 "$ROUNDS"); do
  start=$(date +%s%N)
  "$GOVTAG" tag "$work/batch.jsonl" --jobs 2 --lexicons "$LEXICONS" -q -o "$work/batch-out.jsonl"
  end=$(date +%s%N)
  echo "{\"round\":$round,\"kind\":\"tag\",\"ns\":$((end - start))}" >> "$work/rounds.jsonl"
  for connections in 1 8 64; do
    say "round $round: wrk at $connections connection(s) for $DURATION s"
    echo "{\"round\":$round,\"kind\":\"wrk\",\"connections\":$connections,\"result\":$(run_wrk "$connections" "$DURATION")}" >> "$work/rounds.jsonl"
  done
done

say "soak: wrk at 8 connections for $SOAK s with bad requests, SIGHUP at $((SOAK / 2)) s, admin reload at $((SOAK * 3 / 4)) s"
generation_before=$(curl -fs "$url/v1/lexicon" | python3 -c 'import json,sys; print(json.load(sys.stdin)["generation"])')
python3 "$BENCH_DIR/serve/bad-requests.py" "$PORT" "$SOAK" "$MAX_BODY" "$MAX_RECORDS" > "$work/bad.json" &
bad=$!
run_wrk 8 "$SOAK" > "$work/soak.json" &
load=$!
: > "$work/rss.txt"
elapsed=0
while [ "$elapsed" -lt "$SOAK" ]; do
  sleep 10
  elapsed=$((elapsed + 10))
  [ $((elapsed % 30)) = 0 ] && echo "$elapsed $(rss_kb)" >> "$work/rss.txt"
  [ "$elapsed" = $((SOAK / 2 / 10 * 10)) ] && { kill -HUP "$server"; say "SIGHUP sent at $elapsed s"; }
  if [ "$elapsed" = $((SOAK * 3 / 4 / 10 * 10)) ]; then
    curl -fs -X POST -H "Authorization: Bearer $(cat "$work/token")" "$url/v1/admin/reload" > "$work/reload.json" \
      && say "admin reload at $elapsed s"
  fi
done
wait "$load"
wait "$bad"
RSS_END=$(rss_kb)
generation_after=$(curl -fs "$url/v1/lexicon" | python3 -c 'import json,sys; print(json.load(sys.stdin)["generation"])')

python3 - "$work" "$BATCH_RECORDS" "$RSS_START" "$RSS_WARM" "$RSS_END" "$generation_before" "$generation_after" \
  "$DURATION" "$SOAK" "$BODY_COUNT" "$((BODY_BYTES / BODY_COUNT))" "$(git -C "$ROOT_DIR" rev-parse --short HEAD)" \
  "$("$GOVTAG" --version | head -1)" > "$work/report.md" <<'PY'
import json, statistics, sys
work, batch_records = sys.argv[1], int(sys.argv[2])
rss_start, rss_warm, rss_end = (int(v) / 1024 for v in sys.argv[3:6])
gen_before, gen_after = int(sys.argv[6]), int(sys.argv[7])
duration, soak, bodies, mean_bytes, commit, version = sys.argv[8], int(sys.argv[9]), sys.argv[10], sys.argv[11], sys.argv[12], sys.argv[13]
rows = [json.loads(line) for line in open(f"{work}/rounds.jsonl")]
tag = [batch_records / (r["ns"] / 1e9) for r in rows if r["kind"] == "tag"]
tag_median = statistics.median(tag)
def errors(result): return sum(result["errors"].values())
out = []
out.append(f"# govtag serve under wrk ({commit}, {version})\n")
out.append(f"Requests: {bodies} case records of the bundled corpus, one per POST /v1/tag (mean {mean_bytes} bytes), "
           f"cycled by wrk; wrk and the server share the machine's 2 cores. {len(tag)} rounds of {duration} s per "
           "connection count, interleaved with the reference; medians of the rounds. The server runs with "
           "--max-body 262144 and --max-records 100 (smaller than the defaults, so that the bad client's "
           "oversized requests stay cheap to send).\n")
out.append(f"Reference: `govtag tag --jobs 2` on the same records (x30, {batch_records} records): "
           f"**{tag_median:.0f} records/s** (rounds: {', '.join(f'{t:.0f}' for t in tag)}).\n")
out.append("| connections | requests/s | ratio to tag --jobs 2 | p50 ms | p90 ms | p99 ms | errors |")
out.append("|---:|---:|---:|---:|---:|---:|---:|")
ratios = {}
for connections in (1, 8, 64):
    results = [r["result"] for r in rows if r["kind"] == "wrk" and r["connections"] == connections]
    rps = statistics.median(r["requests"] / (r["duration_us"] / 1e6) for r in results)
    p50 = statistics.median(r["p50_us"] for r in results) / 1000
    p90 = statistics.median(r["p90_us"] for r in results) / 1000
    p99 = statistics.median(r["p99_us"] for r in results) / 1000
    ratios[connections] = (rps / tag_median, p99, sum(errors(r) for r in results))
    out.append(f"| {connections} | {rps:.0f} | {rps / tag_median:.2f} | {p50:.1f} | {p90:.1f} | {p99:.1f} | {sum(errors(r) for r in results)} |")
ratio8, p99_8, errors8 = ratios[8]
soak_result = json.load(open(f"{work}/soak.json"))
bad = json.load(open(f"{work}/bad.json"))
rss = [line.split() for line in open(f"{work}/rss.txt")]
soak_rps = soak_result["requests"] / (soak_result["duration_us"] / 1e6)
out.append("")
out.append(f"Soak: wrk at 8 connections for {soak} s: {soak_result['requests']} requests ({soak_rps:.0f}/s), "
           f"p99 {soak_result['p99_us'] / 1000:.1f} ms, errors {errors(soak_result)} "
           f"({', '.join(f'{k} {v}' for k, v in soak_result['errors'].items())}); lexicon generation {gen_before} -> {gen_after} "
           f"(SIGHUP at {soak // 2} s, POST /v1/admin/reload at {soak * 3 // 4} s).\n")
out.append("Bad requests sent meanwhile (each on its own connection), and how many got the expected status and JSON error:\n")
out.append("| kind | sent | expected answer | other |")
out.append("|---|---:|---:|---:|")
for kind, count in bad["kinds"].items():
    out.append(f"| {kind} | {count['sent']} | {count['expected']} | {count['other']} |")
if bad["unexpected"]:
    out.append(f"\nUnexpected answers (first {len(bad['unexpected'])}): `{json.dumps(bad['unexpected'], ensure_ascii=False)}`")
out.append("")
out.append(f"RSS: {rss_start:.1f} MiB at start, {rss_warm:.1f} MiB after warm-up, "
           f"{' → '.join(f'{int(kb) / 1024:.1f}' for _, kb in rss)} MiB every 30 s of the soak, {rss_end:.1f} MiB at the end.\n")
bad_other = sum(c["other"] for c in bad["kinds"].values())
# RSS is judged between reloads: before the SIGHUP and after the admin reload. A reload loads a
# second model while the first still answers, and the allocator keeps that peak (about 5 MiB,
# once: 16 reloads in a row stay there), which is a step, not growth.
before = [int(kb) / 1024 for t, kb in rss if int(t) <= soak // 2]
after = [int(kb) / 1024 for t, kb in rss if int(t) > soak * 3 // 4 + 10]
spread = max((max(part) - min(part) for part in (before, after) if part), default=0)
step = (after[0] - before[-1]) if before and after else 0
checks = [
    (f"at 8 connections, requests/s ≥ 0.5 × govtag tag --jobs 2", ratio8 >= 0.5, f"{ratio8:.2f}"),
    ("p99 at 8 connections ≤ 50 ms", p99_8 <= 50, f"{p99_8:.1f} ms"),
    ("zero errors on good requests (rounds and soak)", errors8 + errors(soak_result) + ratios[1][2] + ratios[64][2] == 0,
     f"{errors8 + errors(soak_result) + ratios[1][2] + ratios[64][2]}"),
    ("every bad request got its error", bad_other == 0, f"{bad_other} other"),
    ("both reloads applied during the soak", gen_after == gen_before + 2, f"generation {gen_before} -> {gen_after}"),
    ("RSS not growing: flat (≤ 2 MiB) before the first reload and after the last", spread <= 2,
     f"spread {spread:.1f} MiB; the reloads added {step:+.1f} MiB once"),
]
out.append("| target | met | measured |")
out.append("|---|---|---|")
for name, met, measured in checks:
    out.append(f"| {name} | {'yes' if met else '**no**'} | {measured} |")
print("\n".join(out))
PY
stamp="$(date -u +%Y-%m-%d-%H%M)"
cp "$work/report.md" "$RESULTS_DIR/serve-$stamp.md"
cat "$work/report.md"
say "report written to Benchmarks/results/serve-$stamp.md"
