-- visitor.lua's requests at a steady pace: each connection waits
-- BENCH_PACE_MS milliseconds (default 5) before each request, so one
-- connection asks for about 200 a second instead of as many as the server
-- can answer. wrk times a request from when it is sent, so the wait is
-- not in the latencies.
--   wrk -t1 -c1 ... -s paced.lua URL -- keep
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "visitor.lua")

local pace = tonumber(os.getenv("BENCH_PACE_MS") or "5")

function delay() return pace end
