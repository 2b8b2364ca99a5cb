#!/usr/bin/env bash
# Load benchmark of Backwise (`make bench`). Not part of `make test`.
#
# Builds bin/backwise, starts it on a fresh database, seeds thousands of
# visitors with bookmarks and kept results through its own HTTP API
# (.ci/bench/seed, which builds the answers from GET /api/v1/questions and
# walks the HTML questionnaire once for a bw_check cookie of complete
# answers in progress), then measures each main route with wrk (10 s,
# 2 threads, 64 connections), the same article page served by nginx as a
# static file (the ceiling), and a 60 s mixed run of 80% reads and 20%
# writes while sampling the server's memory. Prints one table and checks
# the targets:
#
#   kept result (POST /check/result/keep) >= 0.1 x the first-time article rate
#   server peak RSS (VmHWM)           <= 100 MB
#   no errors and no 5xx in any run (the mixed run included)
#
# The article's ratio to nginx is printed for information. It is no longer
# a target: reading at scale is the static export's job (README), and the
# shortcut that chased the ratio was removed (docs/performance.md).
#
# Exits 1 if a target is missed. Traffic goes only to 127.0.0.1; every run
# is bounded in time and the whole takes about 4 minutes (plus about 100 s
# the first time, when go-sqlite3 compiles SQLite).
#
# Installs wrk and nginx with apt-get when they are missing (as root).
# Environment knobs, for quick trials (the defaults are the benchmark):
#   BENCH_VISITORS=3000  BENCH_DURATION=10  BENCH_MIXED_DURATION=60  (seconds)
#   BENCH_KEEP=1         keep the temporary folder (logs, wrk output, database)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LUA=$ROOT/.ci/bench

VISITORS=${BENCH_VISITORS:-3000}
DURATION=${BENCH_DURATION:-10}
MIXED_DURATION=${BENCH_MIXED_DURATION:-60}
THREADS=2
CONNS=64
SEED_CONCURRENCY=16
ARTICLE=/articles/when-to-avoid-massage
ROUTINE=/routines/tennis-ball-lower-back
SEARCH='/search?q=tennis+ball'

TARGET_SAVED_RATIO=0.1
TARGET_RSS_MB=100

if [ -n "${MAKELEVEL:-}" ]; then COMMAND="make bench"; else COMMAND="bash .ci/bench.sh"; fi

say() { printf '%s\n' "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# --- 1. Tools ---------------------------------------------------------------

NGINX=$(command -v nginx || true)
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
if ! command -v wrk >/dev/null || [ -z "$NGINX" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    die "wrk and nginx are needed. Install them as root: sudo apt-get update && sudo apt-get install -y wrk nginx"
  fi
  say "installing wrk and nginx (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends wrk nginx >/dev/null
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  command -v wrk >/dev/null && [ -x "$NGINX" ] || die "apt-get ran but wrk or nginx is still missing"
fi
for tool in curl gzip go; do command -v "$tool" >/dev/null || die "$tool is needed"; done

say "building bin/backwise..."
make --no-print-directory build >/dev/null

WORK=$(mktemp -d /tmp/bench.XXXXXX)
# nginx's workers run as an unprivileged user when started as root: they
# must be able to read the page under $WORK.
chmod 755 "$WORK"
SERVER_PID="" NGINX_PID="" SAMPLER_PID=""

stop() { # stop PID: TERM, wait up to 10 s, then KILL
  local pid=$1 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$SAMPLER_PID"
  stop "$NGINX_PID"
  stop "$SERVER_PID"
  if [ "${BENCH_KEEP:-}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# free_port picks a port below the kernel's ephemeral range (so no client
# connection of wrk or the seeder can hold it) that nothing answers on.
free_port() {
  local p
  for _ in $(seq 100); do
    p=$((10000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  die "no free port found"
}

# --- 2. Server and seeding --------------------------------------------------

# The server runs from a private copy of the binary: a rebuild of
# bin/backwise, or a restart of another backwise by name, during the run
# cannot touch it.
cp bin/backwise "$WORK/app"
# A port can still be taken between the check and the bind: try a few.
for attempt in 1 2 3 4 5; do
  PORT=$(free_port)
  APP=http://127.0.0.1:$PORT
  "$WORK/app" serve -addr "127.0.0.1:$PORT" -db "$WORK/bench.db" -write-limit 0 -log-format json 2>"$WORK/server.log" &
  SERVER_PID=$!
  started=
  for i in $(seq 150); do
    curl -fs -o /dev/null "$APP/healthz" && { started=1; break; }
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.2
  done
  [ -n "$started" ] && break
  kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true
  grep -q "address already in use" "$WORK/server.log" || { tail -5 "$WORK/server.log" >&2; die "the server did not start"; }
  [ "$attempt" = 5 ] && die "no free port after 5 tries"
done

# Sample the server's resident memory every second for the whole run; each
# scenario's peak is read from this afterwards.
(
  while kill -0 "$SERVER_PID" 2>/dev/null; do
    echo "$(date +%s.%N) $(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null)"
    sleep 1
  done
) >"$WORK/rss.txt" 2>/dev/null &
SAMPLER_PID=$!

alive() {
  kill -0 "$SERVER_PID" 2>/dev/null && return
  tail -5 "$WORK/server.log" >&2
  die "the server (pid $SERVER_PID) exited during: $1"
}

say "seeding $VISITORS visitors..."
go build -o "$WORK/seed" ./.ci/bench/seed
SEED_START=$(date +%s%N)
timeout 300 "$WORK/seed" -url "$APP" -visitors "$VISITORS" -concurrency "$SEED_CONCURRENCY" \
  -out "$WORK/cookies.txt" -items "$WORK/items.txt" -api-body "$WORK/api.json" -check-cookie "$WORK/check.txt" \
  >"$WORK/seed.txt" || { cat "$WORK/seed.txt"; die "seeding failed"; }
SEED_WALL=$(awk -v ns=$(($(date +%s%N) - SEED_START)) 'BEGIN { printf "%.2f", ns / 1e9 }')
SEED_LINE=$(grep -v '^SEED ' "$WORK/seed.txt")
alive "seeding"
# The files the wrk scripts read (.ci/bench/lib.lua).
export BENCH_COOKIES=$WORK/cookies.txt BENCH_ITEMS=$WORK/items.txt BENCH_API=$WORK/api.json BENCH_CHECK=$WORK/check.txt
COOKIE="bw_visitor=$(head -1 "$WORK/cookies.txt")"
# Complete answers in progress, as the questionnaire's pages left them.
CHECK="bw_check=$(cat "$WORK/check.txt")"

# --- 3. Scenarios -----------------------------------------------------------

# expect STATUS URL CURL-ARGS...: one request as wrk will send it must get
# STATUS, so a broken route fails here instead of being measured.
expect() {
  local want=$1 url=$2 got
  shift 2
  got=$(curl -s -o "$WORK/expect.out" -w '%{http_code}' -H 'Accept-Encoding: gzip' "$@" "$url") || true
  [ "$got" = "$want" ] || die "$url answered $got, expected $want: $(head -c 300 "$WORK/expect.out" | tr -c '[:print:]\n' '.')"
}

ORDER=()
declare -A RPS P50 P99 ERRS X5 NOTE CPU START END

# ticks PID...: CPU time (user + system, in clock ticks) used so far by the
# processes, their threads included.
ticks() {
  local t=0 p
  for p in "$@"; do
    set -- $(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | cut -d' ' -f12,13)
    t=$((t + ${1:-0} + ${2:-0}))
  done
  echo "$t"
}

# measure NAME LABEL SCRIPT URL [SCRIPT-ARGS...]: one wrk run.
measure() {
  local name=$1 label=$2 script=$3 url=$4 seconds=$DURATION
  shift 4
  local extra=()
  if [ $# -gt 0 ]; then extra=(-- "$@"); fi
  [ "$name" = mixed ] && seconds=$MIXED_DURATION
  ORDER+=("$name")
  NOTE[$name]=$label
  say "  $label ($seconds s)..."
  # The server's CPU time per request is measured too: unlike req/s, it
  # hardly moves when other work shares the machine.
  local pids=$SERVER_PID t0
  if [ "$name" = nginx ]; then pids="$NGINX_PID $( (pgrep -P "$NGINX_PID" || true) | tr '\n' ' ')"; fi
  # shellcheck disable=SC2086
  t0=$(ticks $pids)
  START[$name]=$(date +%s.%N)
  timeout $((seconds + 30)) wrk -t$THREADS -c$CONNS -d${seconds}s --timeout 5s --latency -s "$LUA/$script" "$url" "${extra[@]}" \
    >"$WORK/wrk-$name.txt" 2>&1 || { cat "$WORK/wrk-$name.txt" >&2; die "wrk failed for $label"; }
  END[$name]=$(date +%s.%N)
  # shellcheck disable=SC2086
  local used=$(($(ticks $pids) - t0)) line
  line=$(grep '^BENCH ' "$WORK/wrk-$name.txt") || { cat "$WORK/wrk-$name.txt" >&2; die "no BENCH line from wrk for $label"; }
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $line"; }
  local status sock s5
  status=$(field status)
  sock=$(($(field connect) + $(field read) + $(field write) + $(field timeout)))
  RPS[$name]=$(field rps)
  P50[$name]=$(field p50_us)
  P99[$name]=$(field p99_us)
  ERRS[$name]=$((status + sock))
  CPU[$name]=$(awk -v t="$used" -v hz="$(getconf CLK_TCK)" -v n="$(field requests)" 'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }')
  [ "$((status + sock))" -gt 0 ] && NOTE[$name]+=" [non-2xx/3xx $status, socket errors $sock]"
  s5=$(field s5xx)
  if [ "$s5" -ge 0 ]; then
    X5[$name]=$s5
  elif [ "$status" = 0 ]; then
    X5[$name]=0 # no status of 400 or more at all
  else
    X5[$name]="<=$status" # this script does not tell 4xx from 5xx (see wrk-$name.txt)
  fi
  if [ "$name" != nginx ]; then alive "$label"; fi
}

# --- 4. nginx: the same article bytes as a static file -----------------------

start_nginx() {
  local port=$1 root=$WORK/benchroot
  mkdir -p "$root" "$WORK/nginx"
  curl -fs "$APP$ARTICLE" -o "$root/article.html"
  gzip -9 -n -k "$root/article.html"
  chmod 755 "$root" && chmod 644 "$root"/*
  sed -e "s|@PORT@|$port|g" -e "s|@ROOT@|$root|g" -e "s|@PREFIX@|$WORK/nginx|g" \
    "$LUA/nginx.conf.in" >"$WORK/nginx/nginx.conf"
  "$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" &
  NGINX_PID=$!
  for i in $(seq 50); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/article.html" && break
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/nginx/error.log" >&2; die "nginx exited at start-up"; }
    [ "$i" = 50 ] && die "nginx did not answer within 10 s"
    sleep 0.2
  done
  curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/article.html" | grep -qi '^content-encoding: gzip' ||
    die "nginx does not serve article.html.gz (gzip_static)"
}

say "measuring ($THREADS threads, $CONNS connections, ${DURATION} s each):"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

expect 200 "$APP$ARTICLE"
measure article "article, first-time reader (gzip)" static.lua "$APP$ARTICLE"

NGINX_PORT=$(free_port)
start_nginx "$NGINX_PORT"
expect 200 "http://127.0.0.1:$NGINX_PORT/article.html"
measure nginx "nginx, same article as a static file (gzip_static)" static.lua "http://127.0.0.1:$NGINX_PORT/article.html"
stop "$NGINX_PID"
NGINX_PID=""

expect 200 "$APP$ARTICLE" -H "Cookie: $COOKIE"
measure article-visitor "article, visitor with bookmarks" visitor.lua "$APP$ARTICLE"
expect 200 "$APP$ROUTINE"
measure routine "routine, first-time reader (gzip)" static.lua "$APP$ROUTINE"
expect 200 "$APP/me" -H "Cookie: $COOKIE"
measure me "/me, visitor with bookmarks and results" visitor.lua "$APP/me"
expect 200 "$APP$SEARCH"
measure search "search \"tennis ball\"" static.lua "$APP$SEARCH"
expect 200 "$APP/check/result" -H "Cookie: $CHECK"
measure check-result "GET /check/result (answers in progress, not kept)" static.lua "$APP/check/result" check
expect 200 "$APP/api/v1/assessments" -H 'Content-Type: application/json' --data-binary "@$WORK/api.json"
measure api "POST /api/v1/assessments (save:false)" static.lua "$APP/api/v1/assessments" api
# No Origin or Sec-Fetch-Site header, like wrk: CrossOriginProtection lets
# such requests through (it rejects only cross-site browser requests).
expect 303 "$APP/check/result/keep" -H "Cookie: $COOKIE; $CHECK" --data ''
measure check-keep "POST /check/result/keep (303)" visitor.lua "$APP/check/result/keep" keep

# --- 5. Mixed run -----------------------------------------------------------

measure mixed "mixed: 80% reads, 20% writes" mixed.lua "$APP"
HWM_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
stop "$SAMPLER_PID"
SAMPLER_PID=""
# rss_peak NAME: the highest VmRSS sample (MB) taken during that run.
rss_peak() {
  awk -v a="${START[$1]}" -v b="${END[$1]}" '$1 >= a && $1 <= b + 1 && $2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$WORK/rss.txt"
}
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 6. Report --------------------------------------------------------------

ms() { awk -v us="$1" 'BEGIN { printf "%.2f ms", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }

say ""
say "Backwise load benchmark"
say "  date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
say "  command:  $COMMAND"
say "  machine:  $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), Linux $(uname -r)"
say "  tools:    $(go version | cut -d' ' -f3), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $("$NGINX" -v 2>&1 | sed 's/.*: //')"
say "  load:     $LOAD_BEFORE before, $LOAD_AFTER after (1, 5, 15 min averages)"
say "  wrk:      -t$THREADS -c$CONNS -d${DURATION}s (mixed ${MIXED_DURATION}s), every request with Accept-Encoding: gzip"
say "  seeding:  $SEED_LINE; $SEED_WALL s wall clock with the server's start-up excluded"
say ""
say "| scenario | req/s | p50 | p99 | errors | 5xx | server CPU/req | server RSS peak |"
say "|---|---:|---:|---:|---:|---:|---:|---:|"
for name in "${ORDER[@]}"; do
  rss="$(rss_peak "$name") MB"
  [ "$name" = nginx ] && rss="-"
  printf '| %s | %.0f | %s | %s | %s | %s | %s µs | %s |\n' "${NOTE[$name]}" "${RPS[$name]}" "$(ms "${P50[$name]}")" "$(ms "${P99[$name]}")" \
    "${ERRS[$name]}" "${X5[$name]}" "${CPU[$name]}" "$rss"
done
say ""
say "errors = responses with a status of 400 or more plus socket errors, as wrk counts them."
say "5xx = counted by the wrk script where it builds requests in Lua; for the fixed-request runs"
say "(no Lua per response, so as not to slow wrk) 0 when no status was 400 or more."
say "server CPU/req = user + system CPU time of the server (nginx: master and workers) during the run,"
say "divided by the requests: the cost of one request, which other load on the machine hardly moves."
say "server RSS peak = highest VmRSS of the one-second samples taken during the run."
say ""

FAILED=0
verdict() { # verdict LABEL VALUE TARGET-TEXT OK
  local mark=PASS
  [ "$4" = 1 ] || { mark=FAIL; FAILED=1; }
  printf '%-44s %-12s %-10s %s\n' "$1" "$2" "$3" "$mark"
}
R_NGINX=$(ratio "${RPS[article]}" "${RPS[nginx]}")
R_SAVED=$(ratio "${RPS[check-keep]}" "${RPS[article]}")
HWM_MB=$(awk -v kb="$HWM_KB" 'BEGIN { printf "%.1f", kb / 1024 }')
ERR_TOTAL=0
for name in "${ORDER[@]}"; do
  ERR_TOTAL=$((ERR_TOTAL + ERRS[$name]))
  case ${X5[$name]} in 0) ;; *) ERR_TOTAL=$((ERR_TOTAL + 1)) ;; esac
done
printf '%-44s %-12s %-10s %s\n' "target" "measured" "goal" "verdict"
verdict "POST /check/result/keep vs article (req/s)" "$R_SAVED" ">= $TARGET_SAVED_RATIO" "$(ge "$R_SAVED" "$TARGET_SAVED_RATIO" && echo 1)"
verdict "server peak RSS (VmHWM, whole run)" "$HWM_MB MB" "<= $TARGET_RSS_MB MB" "$(ge "$TARGET_RSS_MB" "$HWM_MB" && echo 1)"
verdict "mixed run: errors, 5xx" "${ERRS[mixed]}, ${X5[mixed]}" "0, 0" "$([ "${ERRS[mixed]}" = 0 ] && [ "${X5[mixed]}" = 0 ] && echo 1)"
verdict "all runs: errors and 5xx" "$ERR_TOTAL" "0" "$([ "$ERR_TOTAL" = 0 ] && echo 1)"
say ""
say "for information (no target): article vs nginx $R_NGINX by req/s; by server CPU per request,"
say "nginx/article = $(ratio "${CPU[nginx]}" "${CPU[article]}") (the req/s ratio to expect if each server had the CPUs to itself)"

if awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  say ""
  say "warning: the load average was $LOAD_BEFORE before the run on $(nproc) CPUs: other work was running,"
  say "so absolute figures are low and noisy; the ratios, measured in the same run, hold better."
fi

if [ "$FAILED" = 1 ]; then
  say ""
  say "bench: a target was missed (see docs/performance.md for where the time goes)"
  exit 1
fi
