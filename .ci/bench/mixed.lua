-- The mixed run: every request is drawn at random, 80% reads and 20%
-- writes, all with Accept-Encoding: gzip, spread over the site's articles
-- and routines (BENCH_ITEMS) and the seeded visitors (BENCH_COOKIES).
--
--   reads  30% article, first-time reader     10% article, returning visitor
--          15% routine, first-time reader      5% routine, returning visitor
--          10% search                         10% /me
--   writes 10% questionnaire kept             10% bookmark add or remove
--          (POST /check/result/keep with the answers in progress, BENCH_CHECK)
local lib = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "lib.lua")

setup = lib.setup
lib.count_statuses()

local next_cookie, next_article, next_routine, items, check_cookie
local queries = {"tennis+ball", "sciatica", "massage", "stretch", "pregnancy", "when+to+see+a+doctor"}
local form = {["Accept-Encoding"] = "gzip", ["Content-Type"] = "application/x-www-form-urlencoded"}
local keep = {["Accept-Encoding"] = "gzip", ["Content-Type"] = "application/x-www-form-urlencoded"}
local anon = {["Accept-Encoding"] = "gzip"}
local known = {["Accept-Encoding"] = "gzip"}

function init(args)
  math.randomseed(1000 + (thread_id or 0))
  next_cookie = lib.rotor(lib.cookies(), thread_id)
  check_cookie = lib.check_cookie()
  items = lib.items()
  local articles, routines = {}, {}
  for _, it in ipairs(items) do
    local path = "/" .. it.kind .. "s/" .. it.slug
    if it.kind == "article" then articles[#articles + 1] = path else routines[#routines + 1] = path end
  end
  assert(#articles > 0 and #routines > 0, "need articles and routines in BENCH_ITEMS")
  next_article = lib.rotor(articles, thread_id)
  next_routine = lib.rotor(routines, thread_id)
end

local function as_visitor(method, path, headers, body)
  headers["Cookie"] = next_cookie()
  return wrk.format(method, path, headers, body)
end

function request()
  local n = math.random(100)
  if n <= 30 then return wrk.format("GET", next_article(), anon) end
  if n <= 40 then return as_visitor("GET", next_article(), known) end
  if n <= 55 then return wrk.format("GET", next_routine(), anon) end
  if n <= 60 then return as_visitor("GET", next_routine(), known) end
  if n <= 70 then return wrk.format("GET", "/search?q=" .. queries[math.random(#queries)], anon) end
  if n <= 80 then return as_visitor("GET", "/me", known) end
  if n <= 90 then
    -- "Keep this result": an empty form with both cookies.
    keep["Cookie"] = next_cookie() .. "; " .. check_cookie
    return wrk.format("POST", "/check/result/keep", keep, "")
  end
  local it = items[math.random(#items)]
  local action = math.random(2) == 1 and "add" or "remove"
  return as_visitor("POST", "/bookmarks", form, "kind=" .. it.kind .. "&slug=" .. it.slug .. "&action=" .. action)
end

done = lib.done
