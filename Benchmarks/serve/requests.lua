-- wrk script for Benchmarks/serve.sh: POST /v1/tag with one case record per request, cycling
-- through the bodies in BODIES (one JSON object per line), and a JSON summary at the end.
local bodies = {}
local index = 0

function init(args)
  local path = os.getenv("BODIES")
  for line in io.lines(path) do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
  -- Each thread starts at its own place, so the threads do not send the same record together:
  -- every thread has its own Lua state, so the address of a new table differs between them.
  math.randomseed(os.time() + tonumber(string.match(tostring({}), "0x(%x+)") or "0", 16) % 1000003)
  index = math.random(#bodies)
end

function request()
  index = index % #bodies + 1
  return wrk.format("POST", "/v1/tag", { ["Content-Type"] = "application/json" }, bodies[index])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
