-- Shared by the wrk scripts of .ci/bench.sh: the questionnaire's request
-- body and cookie, the seeded visitors' cookies, and a done() that prints
-- one machine-readable line.
-- Scenario scripts load it with: dofile(<their folder> .. "lib.lua").
-- Environment, every file written by seed:
--   BENCH_COOKIES  one bw_visitor token per line
--   BENCH_ITEMS    "article slug" / "routine slug" per line
--   BENCH_API      the body of an unsaved POST /api/v1/assessments
--   BENCH_CHECK    a bw_check cookie value: complete answers in progress

local lib = {}

local function slurp(path)
  local f = assert(io.open(path, "r"), "cannot open " .. path)
  local s = f:read("*a"):gsub("%s+$", "")
  f:close()
  return s
end

local function env_file(name)
  local path = os.getenv(name)
  assert(path, name .. " is not set")
  local s = slurp(path)
  assert(s ~= "", path .. " is empty")
  return s
end

-- The questionnaire, complete, as seed built it from GET /api/v1/questions:
-- no warning sign, aged 35, mild lower-back pain for under three days,
-- improving. api_body is the JSON API's form (save:false); check_cookie is
-- the same answers in progress in the HTML flow, the "bw_check=VALUE"
-- cookie that GET /check/result and POST /check/result/keep read.
function lib.api_body() return env_file("BENCH_API") end
-- api_save_body is the same request with save:true: each one keeps the
-- result for a new visitor (no cookie is sent).
function lib.api_save_body()
  local body, n = lib.api_body():gsub('"save":false', '"save":true')
  assert(n == 1, "no \"save\":false in " .. os.getenv("BENCH_API"))
  return body
end
function lib.check_cookie() return "bw_check=" .. env_file("BENCH_CHECK") end

local function lines(path)
  local out = {}
  local f = assert(io.open(path, "r"), "cannot open " .. tostring(path))
  for line in f:lines() do
    if line ~= "" then out[#out + 1] = line end
  end
  f:close()
  return out
end

-- cookies returns the seeded visitors' "bw_visitor=TOKEN" header values.
function lib.cookies()
  local path = os.getenv("BENCH_COOKIES")
  assert(path, "BENCH_COOKIES is not set")
  local out = {}
  for i, token in ipairs(lines(path)) do out[i] = "bw_visitor=" .. token end
  assert(#out > 0, "no cookies in " .. path)
  return out
end

-- items returns the site's articles and routines as {kind=, slug=}.
function lib.items()
  local path = os.getenv("BENCH_ITEMS")
  assert(path, "BENCH_ITEMS is not set")
  local out = {}
  for _, line in ipairs(lines(path)) do
    local kind, slug = line:match("^(%a+) (%S+)$")
    if kind then out[#out + 1] = {kind = kind, slug = slug} end
  end
  assert(#out > 0, "no items in " .. path)
  return out
end

-- setup numbers the threads (so each starts at a different cookie) and
-- keeps them, so done() can collect their status counts.
local threads = {}
function lib.setup(thread)
  thread:set("thread_id", #threads)
  threads[#threads + 1] = thread
end

-- count_statuses installs a response() hook that counts statuses by class.
-- Call it at the top level of a script (wrk decides at start whether to
-- hand responses to Lua). Only the scripts that build each request in Lua
-- anyway use it: the hook costs the fast static runs real throughput.
function lib.count_statuses()
  s2xx, s3xx, s4xx, s5xx = 0, 0, 0, 0
  response = function(status, headers, body)
    if status >= 500 then s5xx = s5xx + 1
    elseif status >= 400 then s4xx = s4xx + 1
    elseif status >= 300 then s3xx = s3xx + 1
    else s2xx = s2xx + 1 end
  end
end

-- rotor returns a function giving the list's elements in turn, starting at
-- an offset that depends on the thread.
function lib.rotor(list, id)
  local i = ((id or 0) * 7919) % #list
  return function()
    i = i % #list + 1
    return list[i]
  end
end

-- done prints one line for bench.sh: throughput, latency percentiles (µs)
-- and errors. status = responses with a status of 400 or more (wrk's
-- "Non-2xx or 3xx responses"); connect/read/write/timeout are socket errors;
-- s2xx..s5xx are the counts by class, or -1 when the script counted none.
function lib.done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  local counts = {-1, -1, -1, -1}
  for _, t in ipairs(threads) do
    for i, name in ipairs({"s2xx", "s3xx", "s4xx", "s5xx"}) do
      local n = t:get(name)
      if n then counts[i] = math.max(counts[i], 0) + n end
    end
  end
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_us=%.0f p90_us=%.0f p99_us=%.0f max_us=%.0f "
      .. "status=%d connect=%d read=%d write=%d timeout=%d bytes=%d s2xx=%d s3xx=%d s4xx=%d s5xx=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout, summary.bytes,
    counts[1], counts[2], counts[3], counts[4]))
end

return lib
