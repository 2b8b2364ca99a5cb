-- Requests as a returning visitor: each request carries the bw_visitor
-- cookie of the next seeded visitor in turn (BENCH_COOKIES), with
-- Accept-Encoding: gzip.
--   wrk ... -s visitor.lua URL            GET URL
--   wrk ... -s visitor.lua URL -- keep    POST URL (/check/result/keep) with the
--                                         bw_check cookie too, as the "Keep this
--                                         result" button does: an empty form (303)
local lib = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "lib.lua")

setup = lib.setup
lib.count_statuses()

local next_cookie
local method, body, extra
local headers = {["Accept-Encoding"] = "gzip"}

function init(args)
  next_cookie = lib.rotor(lib.cookies(), thread_id)
  local mode = args[1] or "get"
  if mode == "keep" then
    method, body, extra = "POST", "", "; " .. lib.check_cookie()
    headers["Content-Type"] = "application/x-www-form-urlencoded"
  elseif mode ~= "get" then
    error("unknown mode " .. mode)
  end
end

function request()
  headers["Cookie"] = next_cookie() .. (extra or "")
  return wrk.format(method, nil, headers, body)
end

done = lib.done
