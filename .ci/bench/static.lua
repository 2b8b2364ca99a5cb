-- One fixed request, built once by wrk (no request() function, so no Lua
-- per request): GET the URL given to wrk, or the request selected by the
-- script argument. Every request says Accept-Encoding: gzip, as browsers do.
--   wrk ... -s static.lua URL                 GET URL
--   wrk ... -s static.lua URL -- check        GET URL with the bw_check cookie (answers in progress)
--   wrk ... -s static.lua URL -- api          POST /api/v1/assessments (save:false)
--   wrk ... -s static.lua URL -- api-save     the same with save:true: a new visitor per request (201)
local lib = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "lib.lua")

wrk.headers["Accept-Encoding"] = "gzip"
setup = lib.setup

function init(args)
  local mode = args[1] or "get"
  if mode == "check" then
    wrk.headers["Cookie"] = lib.check_cookie()
  elseif mode == "api" or mode == "api-save" then
    wrk.method = "POST"
    wrk.body = mode == "api" and lib.api_body() or lib.api_save_body()
    wrk.headers["Content-Type"] = "application/json"
  elseif mode ~= "get" then
    error("unknown mode " .. mode)
  end
end

done = lib.done
