#!/usr/bin/env bash
# `make test-serve`: runs a real `govtag serve` on loopback and checks, from outside, what the
# in-process tests cannot:
#   1. schemathesis (PyPI) against GET /openapi.json: every answer matches the document, valid
#      records are labelled, invalid ones refused with 4xx, unknown methods get 405;
#   2. SIGHUP reloads edited lexicons (the generation goes up, the labels change), and refuses
#      broken ones (the old version keeps answering, the log says why);
#   3. SIGTERM while a large request is in flight (half its body sent): new connections are
#      refused, the request completes (200, every record), and the server exits with status 0;
#      SIGTERM while a large answer (about 12 MB, on a keep-alive connection) is being written to
#      a client that reads slowly: every byte arrives before the server exits with status 0; one
#      that stops reading is cut off after --shutdown-grace, and the server exits 0;
#   4. a port already in use: a clear error and exit status 2;
#   5. a connection that sends nothing is closed after --idle-timeout;
#   6. under a hard limit of 512 open files, --max-connections is lowered with a warning and 600
#      connections at once do not crash the server;
#   7. clients that trickle their bodies hold the connections for --body-timeout at most;
#   8. a client that reads none of its answer is dropped after --idle-timeout.
# Usage: scripts/test-serve.sh [path/to/govtag]   (default .build/debug/govtag)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
govtag=${1:-.build/debug/govtag}
govtag=$(cd "$(dirname "$govtag")" && pwd -P)/$(basename "$govtag")
python=${PYTHON:-python3}
schemathesis_spec=${SCHEMATHESIS_SPEC:-schemathesis==4.32.5}
examples=${SCHEMATHESIS_EXAMPLES:-100}
port=${PORT:-$((20000 + RANDOM % 20000))}

if ! "$python" -c 'import schemathesis' 2>/dev/null; then
  echo "test-serve: installing $schemathesis_spec with pip"
  "$python" -m pip install --quiet "$schemathesis_spec"
fi

tmp=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "test-serve: FAIL: $*" >&2; [ -f "$tmp/server.log" ] && tail -20 "$tmp/server.log" >&2; exit 1; }
url=http://127.0.0.1:$port

cp -R "$repo/Lexicons" "$tmp/lexicons"
head -c 24 /dev/urandom | base64 > "$tmp/token"
unset GOVTAG_LEXICONS

start() {
  "$govtag" serve --port "$port" --lexicons "$tmp/lexicons" --admin-token-file "$tmp/token" > "$tmp/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    curl -fs "$url/healthz" > /dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || fail "the server exited at start"
    sleep 0.1
  done
  fail "the server did not answer /healthz within 10 s"
}
field() { "$python" -c "import json,sys; print(json.load(sys.stdin)$1)"; }

start
echo "test-serve: server on $url (pid $server)"

# 1. The OpenAPI document is true.
# Run from the temporary folder: schemathesis keeps a .schemathesis/ cache in its working directory.
(cd "$tmp" && "$python" -m schemathesis.cli run "$url/openapi.json" --checks all --max-examples "$examples" \
  -H "Authorization: Bearer $(cat "$tmp/token")" --no-color > "$tmp/schemathesis.log" 2>&1) \
  || { tail -60 "$tmp/schemathesis.log" >&2; fail "schemathesis found problems"; }
grep -E "generated|No issues" "$tmp/schemathesis.log" | sed 's/^/test-serve: schemathesis: /'

# 2. SIGHUP reload: an added term changes the labels; a broken file is refused.
record='{"id":"r1","text":"本项目用于演示热加载词条测试。"}'
tag() { curl -fs -H 'Content-Type: application/json' --data-binary "$record" "$url/v1/tag"; }
version1=$(tag | field '["lexicon_version"]')
generation1=$(curl -fs "$url/v1/lexicon" | field '["generation"]')  # schemathesis has reloaded too
generation2=$((generation1 + 1))
[ "$(tag | field '["labels"]["capability"]')" = "[]" ] || fail "the test record should have no capability label before the reload"
"$python" - "$tmp/lexicons/capability.yaml" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
# Add the term under public_service's terms: the first "terms:" line after "  public_service:".
start = text.index("\n  public_service:")
at = text.index("terms:\n", start) + len("terms:\n")
indent = re.match(r"[ ]*", text[at:]).group(0)
open(path, "w", encoding="utf-8").write(text[:at] + f"{indent}热加载词条: 10\n" + text[at:])
PY
kill -HUP "$server"
for _ in $(seq 1 50); do
  [ "$(curl -fs "$url/v1/lexicon" | field '["generation"]')" = "$generation2" ] && break
  sleep 0.1
done
[ "$(curl -fs "$url/v1/lexicon" | field '["generation"]')" = "$generation2" ] || fail "SIGHUP did not reload the lexicons"
version2=$(tag | field '["lexicon_version"]')
[ "$version2" != "$version1" ] || fail "the lexicon version did not change after the reload"
[ "$(tag | field '["labels"]["capability"]')" = "['public_service']" ] || fail "the added term does not label after the reload"
echo "test-serve: SIGHUP reloaded $version1 -> $version2"

echo "  broken: [" >> "$tmp/lexicons/capability.yaml"
kill -HUP "$server"
for _ in $(seq 1 50); do grep -q "lexicon reload refused (SIGHUP)" "$tmp/server.log" && break; sleep 0.1; done
grep -q "lexicon reload refused (SIGHUP)" "$tmp/server.log" || fail "a broken lexicon was not refused"
[ "$(tag | field '["lexicon_version"]')" = "$version2" ] || fail "the old lexicons did not stay after a refused reload"
echo "test-serve: SIGHUP with a broken lexicon refused; $version2 still answers"

# 3. SIGTERM with a request in flight: half its body is sent, then SIGTERM, then a new
#    connection is tried (refused), then the rest of the body: the request still completes (200,
#    every record), and the server exits 0.
"$python" - "$repo/Corpus/dev.jsonl" "$tmp/big.json" <<'PY'
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
batch = [dict(r, id=f"{r['id']}-{i}") for i in range(4) for r in records][:800]
json.dump(batch, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$python" - "$port" "$tmp/big.json" "$server" > "$tmp/inflight.json" <<'PY'
import json, os, signal, socket, sys, time
port, path, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
body = open(path, "rb").read()
connection = socket.create_connection(("127.0.0.1", port))
head = (f"POST /v1/tag?evidence=none HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
connection.sendall(head + body[: len(body) // 2])
time.sleep(0.5)
os.kill(pid, signal.SIGTERM)
time.sleep(1.0)
try:  # the listener is closed while the request is still in flight
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
    refused = False
except OSError:
    refused = True
connection.sendall(body[len(body) // 2 :])
answer = b""
while chunk := connection.recv(1 << 16):
    answer += chunk
head, _, payload = answer.partition(b"\r\n\r\n")
status = int(head.split(b" ")[1])
print(json.dumps({"status": status, "records": len(json.loads(payload)) if status == 200 else None, "refused": refused}))
PY
set +e; wait "$server"; status=$?; set -e
server=
field_of() { "$python" -c "import json; print(json.load(open('$tmp/inflight.json'))['$1'])"; }
[ "$(field_of refused)" = True ] || fail "a new connection was accepted during shutdown"
[ "$(field_of status)" = 200 ] || fail "the in-flight request got $(field_of status) during shutdown"
[ "$(field_of records)" = 800 ] || fail "the in-flight request did not get all 800 records"
[ "$status" = 0 ] || fail "the server exited with status $status after SIGTERM"
echo "test-serve: SIGTERM with half a request sent: new connections refused, the request of 800 records completed, exit status 0"

# 3b. SIGTERM while a large answer is being written on a keep-alive connection: the client reads
#     the head, then stops reading (the answer waits in the server), SIGTERM, then it reads the
#     rest. Every byte of Content-Length must arrive, and the server exits 0. (NIO's close drops
#     the writes still queued: before ConnectionGuard, the client got 200 and a cut body.)
"$govtag" serve --port "$port" --lexicons "$repo/Lexicons" > "$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "$url/healthz" > /dev/null 2>&1 && break; sleep 0.1; done
"$python" - "$tmp/long.json" <<'PY'
import json, sys
json.dump({"id": "long", "text": "推进政务服务一网通办，数据共享。" * 80000}, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$python" - "$port" "$tmp/long.json" "$server" > "$tmp/draining.json" <<'PY'
import json, os, signal, socket, sys, time
port, path, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
body = open(path, "rb").read()
connection = socket.socket()
connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16384)  # a slow reader: the answer backs up in the server
connection.connect(("127.0.0.1", port))
connection.settimeout(120)
connection.sendall((f"POST /v1/tag HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode() + body)
answer = b""
while b"\r\n\r\n" not in answer:
    chunk = connection.recv(4096)
    if not chunk:
        break
    answer += chunk
head, _, payload = answer.partition(b"\r\n\r\n")
length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")))
time.sleep(1.0)
os.kill(pid, signal.SIGTERM)
time.sleep(1.5)
while len(payload) < length and (chunk := connection.recv(1 << 16)):
    payload += chunk
try:
    records = len(json.loads(payload)["labels"]) > 0
except ValueError:
    records = False
print(json.dumps({"status": int(head.split(b" ")[1]), "length": length, "received": len(payload), "valid": records}))
PY
set +e; wait "$server"; status=$?; set -e
server=
draining() { "$python" -c "import json; print(json.load(open('$tmp/draining.json'))['$1'])"; }
[ "$(draining status)" = 200 ] || fail "the large answer got $(draining status)"
[ "$(draining received)" = "$(draining length)" ] \
  || fail "SIGTERM cut the answer: $(draining received) of $(draining length) bytes arrived"
[ "$(draining valid)" = True ] || fail "the large answer is not a labelled record"
[ "$status" = 0 ] || fail "the server exited with status $status after SIGTERM with an answer being written"
echo "test-serve: SIGTERM while a $(draining length)-byte answer was being written: every byte arrived, exit status 0"

# 3c. The same with --shutdown-grace 1 and a client that never reads on: the server closes the
#     connection after the grace (the client gets fewer bytes than Content-Length) and exits 0.
"$govtag" serve --port "$port" --lexicons "$repo/Lexicons" --shutdown-grace 1 > "$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "$url/healthz" > /dev/null 2>&1 && break; sleep 0.1; done
"$python" - "$port" "$tmp/long.json" "$server" > "$tmp/grace.json" <<'PY'
import json, os, signal, socket, sys, time
port, path, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
body = open(path, "rb").read()
connection = socket.socket()
connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16384)
connection.connect(("127.0.0.1", port))
connection.settimeout(120)
connection.sendall((f"POST /v1/tag HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode() + body)
answer = b""
while b"\r\n\r\n" not in answer:
    answer += connection.recv(4096)
head, _, payload = answer.partition(b"\r\n\r\n")
length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")))
os.kill(pid, signal.SIGTERM)
start = time.time()
def exited():  # a zombie until the shell waits for it
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
while not exited() and time.time() - start < 20:
    time.sleep(0.1)
seconds = round(time.time() - start, 1)
connection.settimeout(5)
try:
    while chunk := connection.recv(1 << 16):
        payload += chunk
except OSError:
    pass
print(json.dumps({"seconds": seconds, "length": length, "received": len(payload)}))
PY
set +e; wait "$server"; status=$?; set -e
server=
grace() { "$python" -c "import json; print(json.load(open('$tmp/grace.json'))['$1'])"; }
"$python" -c "import sys; sys.exit(0 if $(grace seconds) < 5 else 1)" \
  || fail "with --shutdown-grace 1 the server took $(grace seconds) s to exit"
[ "$(grace received)" -lt "$(grace length)" ] || fail "the unread answer was not cut at the grace"
[ "$status" = 0 ] || fail "the server exited with status $status after the shutdown grace"
echo "test-serve: --shutdown-grace 1 with an answer nobody reads: exit 0 after $(grace seconds) s, $(grace received) of $(grace length) bytes sent"

# 4. The port is taken: a clear error, status 2.
"$python" -c "
import socket, time, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $port)); s.listen()
time.sleep(15)" &
holder=$!
sleep 0.5
set +e; "$govtag" serve --port "$port" --lexicons "$repo/Lexicons" > "$tmp/taken.log" 2>&1; status=$?; set -e
kill "$holder" 2>/dev/null || true
[ "$status" = 2 ] || { cat "$tmp/taken.log" >&2; fail "a second server on a taken port exited with $status, not 2"; }
grep -q "govtag: error: cannot listen on 127.0.0.1:$port: the address is already in use" "$tmp/taken.log" \
  || { cat "$tmp/taken.log" >&2; fail "the taken port is not reported clearly"; }
echo "test-serve: port taken: $(grep 'govtag: error' "$tmp/taken.log" | head -1)"
# 5. A client that connects and sends nothing is dropped after --idle-timeout.
"$govtag" serve --port "$port" --lexicons "$repo/Lexicons" --idle-timeout 1 > "$tmp/idle.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "$url/healthz" > /dev/null 2>&1 && break; sleep 0.1; done
idle=$("$python" -c "
import socket, time
s = socket.create_connection(('127.0.0.1', $port)); s.settimeout(10); start = time.time()
print('closed' if s.recv(1) == b'' else 'data', round(time.time() - start, 1))")
kill "$server"; wait "$server" || true; server=
case "$idle" in closed\ 1.*|closed\ 2.*) ;; *) fail "an idle connection was not closed after --idle-timeout 1 ($idle)";; esac
echo "test-serve: an idle connection was closed after ${idle#closed } s (--idle-timeout 1)"

# 6. The limit on open files: the soft limit is raised to the hard one at start, and
#    --max-connections is lowered to fit under it with a warning; 600 connections at once, more
#    than the 512 files allowed, do not crash the server (it died with SIGILL at the limit).
(ulimit -Sn 256 && ulimit -Hn 512 && exec "$govtag" serve --port "$port" --lexicons "$repo/Lexicons") > "$tmp/files.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "$url/healthz" > /dev/null 2>&1 && break; sleep 0.1; done
grep -q -- "--max-connections 1024 does not fit the limit of 512 open files (ulimit -n; the hard limit is 512): serving at most 448 connections at once" "$tmp/files.log" \
  || fail "no warning that --max-connections was lowered to fit the limit on open files: $(cat "$tmp/files.log")"
"$python" - "$port" <<'PY2' || fail "600 connections at once against a limit of 512 open files"
import socket, sys, time
port = int(sys.argv[1])
connections = []
for _ in range(600):
    connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    connections.append(connection)
answered = sum(1 for c in connections[:400] if c.recv(12) == b"HTTP/1.1 200")
for c in connections: c.close()
sys.exit(0 if answered == 400 else 1)
PY2
curl -fs "$url/healthz" > /dev/null || fail "the server does not answer after 600 connections at a limit of 512 open files"
kill "$server"; set +e; wait "$server"; status=$?; set -e; server=
[ "$status" = 0 ] || fail "the server exited with status $status after 600 connections (SIGILL is 132)"
echo "test-serve: hard limit 512 open files: $(grep -o 'serving at most [0-9]* connections' "$tmp/files.log"), 600 connections survived, exit 0"

# 7. Clients that trickle their bodies fill --max-connections for --body-timeout at most: a plain
#    request waiting behind 50 of them (at --max-connections 40) is answered within about 3 s.
"$govtag" serve --port "$port" --lexicons "$repo/Lexicons" --max-connections 40 --body-timeout 3 > "$tmp/slow.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "$url/healthz" > /dev/null 2>&1 && break; sleep 0.1; done
waited=$("$python" - "$port" <<'PY2'
import socket, subprocess, sys, threading, time
port = int(sys.argv[1])
stop = False
def trickle(connection):
    while not stop:
        try: connection.send(b" ")
        except OSError: return
        time.sleep(0.5)
connections = []
for _ in range(50):
    connection = socket.create_connection(("127.0.0.1", port))
    connection.sendall(b"POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
    connections.append(connection)
    threading.Thread(target=trickle, args=(connection,), daemon=True).start()
time.sleep(0.5)
print(subprocess.run(["curl", "-s", "-o", "/dev/null", "-m", "20", "-w", "%{http_code} %{time_total}", "-H",
    "Content-Type: application/json", "-d", '{"id":"n","text":"一网通办"}', f"http://127.0.0.1:{port}/v1/tag"],
    capture_output=True, text=True).stdout)
stop = True
PY2
)
kill "$server"; wait "$server" || true; server=
"$python" -c "import sys; c, t = '$waited'.split(); sys.exit(0 if c == '200' and float(t) < 8 else 1)" \
  || fail "a request behind 50 trickling clients (--max-connections 40, --body-timeout 3) got: $waited"
echo "test-serve: a request behind 50 trickling clients (--max-connections 40, --body-timeout 3): ${waited% *} after ${waited#* } s"

# 8. A client that reads none of its answer is dropped after --idle-timeout (Hummingbird's idle
#    timer does not run while an answer is written), so its answer is not held for ever.
"$govtag" serve --port "$port" --lexicons "$repo/Lexicons" --idle-timeout 2 > "$tmp/stall.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "$url/healthz" > /dev/null 2>&1 && break; sleep 0.1; done
stalled=$("$python" - "$port" <<'PY2'
import json, socket, sys, time
port = int(sys.argv[1])
body = json.dumps({"id": "big", "text": "一网通办" * 80000}, ensure_ascii=False).encode()
connection = socket.socket()
connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # before connect: a small window
connection.connect(("127.0.0.1", port))
connection.sendall(b"POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                   + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
time.sleep(12)  # labelling (a debug build takes seconds), then 2 s of not reading
connection.settimeout(5)
answer = b""
try:
    while chunk := connection.recv(1 << 16):
        answer += chunk
except OSError:
    pass
head, _, payload = answer.partition(b"\r\n\r\n")
length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), -1)
print(len(payload), length)
PY2
)
curl -fs "$url/healthz" > /dev/null || fail "the server does not answer after a client stopped reading"
kill "$server"; wait "$server" || true; server=
received=${stalled% *}; length=${stalled#* }
[ "$length" -gt 4000000 ] && [ "$received" -lt "$length" ] \
  || fail "a client that read none of its answer was not dropped after --idle-timeout 2 (received, length: $stalled)"
echo "test-serve: a client that read none of its $length-byte answer was dropped after --idle-timeout 2 ($received bytes had reached it)"
echo "test-serve: all checks passed"
