-- Requests for wrk, one endpoint per wrk process so that each endpoint gets its own latency histogram; the soak runs
-- one wrk per endpoint at the same time. The endpoint and its inputs follow "--" on wrk's command line:
--   duty <quotes.jsonl>           POST /api/duty, one JSON entry per line of the file, in turn
--   batch <entries.csv>           POST /api/duty/batch with the whole file as text/csv
--   track                         GET /api/track over phase one's years and the 2025 arrangement
--   cases <ids.txt> <key> <date>  POST /api/cases/{id}/advance: a consultation appended to each case in turn
--   health                        GET /health
-- Each thread counts answers by status; done() prints one line, "wrk endpoint=... p99_ms=... s5xx=...", that the
-- benchmarks parse. Latencies are wrk's own (from the request's write to the response's end), in microseconds.

local threads = {}
local next_offset = 0

function setup(thread)
  -- Threads start at different cases, so two connections rarely append to the same case at once.
  thread:set("offset", next_offset)
  next_offset = next_offset + 97
  table.insert(threads, thread)
end

kind = nil
local bodies = {}
local paths = {}
local ids = {}
local n = 0
local json = { ["Content-Type"] = "application/json" }
local csv = { ["Content-Type"] = "text/csv" }
local case_headers
local case_body
s2xx, s3xx, s4xx, s409, s5xx = 0, 0, 0, 0, 0

local function lines(file)
  local all = {}
  for line in io.lines(file) do
    if line ~= "" then all[#all + 1] = line end
  end
  assert(#all > 0, file .. " is empty")
  return all
end

function init(args)
  kind = args[1]
  n = offset or 0
  if kind == "duty" then
    bodies = lines(args[2])
  elseif kind == "batch" then
    local f = assert(io.open(args[2], "rb"))
    bodies = { f:read("*a") }
    f:close()
  elseif kind == "track" then
    paths = { "/api/track?year=2020", "/api/track?year=2021", "/api/track?year=2020&years=2&window=agreement",
              "/api/track?agreement=us-china-2025-11&year=2025" }
  elseif kind == "cases" then
    ids = lines(args[2])
    case_headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = args[3] }
    case_body = '{"action":"hold-consultation","at":"' .. args[4] .. '","note":"load"}'
  elseif kind ~= "health" then
    error("unknown endpoint '" .. tostring(kind) .. "': expected duty, batch, track, cases or health")
  end
end

function request()
  n = n + 1
  if kind == "duty" then
    return wrk.format("POST", "/api/duty", json, bodies[n % #bodies + 1])
  elseif kind == "batch" then
    return wrk.format("POST", "/api/duty/batch", csv, bodies[1])
  elseif kind == "track" then
    return wrk.format("GET", paths[n % #paths + 1])
  elseif kind == "cases" then
    return wrk.format("POST", "/api/cases/" .. ids[n % #ids + 1] .. "/advance", case_headers, case_body)
  end
  return wrk.format("GET", "/health")
end

function response(status, headers, body)
  if status == 409 then s409 = s409 + 1 end
  if status >= 500 then s5xx = s5xx + 1
  elseif status >= 400 then s4xx = s4xx + 1
  elseif status >= 300 then s3xx = s3xx + 1
  else s2xx = s2xx + 1 end
end

function done(summary, latency, requests)
  local totals = { s2xx = 0, s3xx = 0, s4xx = 0, s409 = 0, s5xx = 0 }
  local name = "?"
  for _, thread in ipairs(threads) do
    for key, _ in pairs(totals) do totals[key] = totals[key] + thread:get(key) end
    name = thread:get("kind") or name
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "wrk endpoint=%s requests=%d seconds=%.1f per_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f s2xx=%d s3xx=%d s4xx=%d s409=%d s5xx=%d socket_errors=%d timeouts=%d\n",
    name, summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3, totals.s2xx, totals.s3xx, totals.s4xx, totals.s409, totals.s5xx,
    e.connect + e.read + e.write, e.timeout))
end
