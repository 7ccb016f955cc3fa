#!/usr/bin/env python3
"""The second client of Benchmarks/serve.sh: sends every kind of bad request, in turn, until
told to stop, each on its own connection, and counts the answers that are not the expected
status (and JSON error). Prints a JSON summary.

Usage: bad-requests.py PORT SECONDS MAX_BODY MAX_RECORDS
"""
import http.client, json, sys, time

port, seconds, max_body, max_records = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
record = '{"id":"b","text":"建设城市大脑"}'
KINDS = [
    ("invalid_json", "application/json", b'{"id":"b","text":', 400),
    ("invalid_utf8", "application/json", b'{"id":"b","text":"\xb3\xc7"}', 400),
    ("no_text", "application/json", b'{"id":"b"}', 422),
    ("wrong_content_type", "text/plain", record.encode(), 415),
    ("too_many_records", "application/json", ("[" + ",".join([record] * (max_records + 1)) + "]").encode(), 422),
    ("body_too_large", "application/json", b'{"id":"b","text":"' + b"x" * max_body + b'"}', 413),
    ("deep_nesting", "application/json", b'{"id":"b","text":"x","d":' + b"[" * 200 + b"]" * 200 + b"}", 400),
]

counts = {name: {"sent": 0, "expected": 0, "other": 0} for name, *_ in KINDS}
unexpected = []
deadline = time.monotonic() + seconds
while time.monotonic() < deadline:
    for name, content_type, body, status in KINDS:
        counts[name]["sent"] += 1
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("POST", "/v1/tag", body=body, headers={"Content-Type": content_type})
            response = connection.getresponse()
            answer = response.read()
            connection.close()
            ok = response.status == status and json.loads(answer)["error"]["status"] == status
        except Exception as error:  # a reset or a non-JSON answer counts as a wrong answer
            ok = False
            response = None
            answer = repr(error).encode()
        if ok:
            counts[name]["expected"] += 1
        else:
            counts[name]["other"] += 1
            if len(unexpected) < 5:
                unexpected.append({"kind": name, "status": response.status if response else None, "answer": answer[:200].decode("utf-8", "replace")})
        time.sleep(0.02)
print(json.dumps({"kinds": counts, "unexpected": unexpected}))
