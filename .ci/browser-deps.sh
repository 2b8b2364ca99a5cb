#!/usr/bin/env bash
# Installs what the tests need beyond Go, and nothing when it is already
# there: python3 (for the seed-overlap check), Debian's Chromium at
# /usr/bin/chromium and axe-core at e2e/.deps/axe.min.js (git-ignored). `make test` runs it before the tests;
# CI runs as root with no stdin, so apt-get must not ask anything.
set -euo pipefail
cd "$(dirname "$0")/.."

AXE_VERSION=4.14.1
AXE_FILE=e2e/.deps/axe.min.js
did=()

# The content test runs ../shared/tools/seed-overlap, a Python script.
if ! command -v python3 >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "browser-deps: python3 is missing (needed by the seed-overlap content check): sudo apt-get install -y python3" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq python3 >/dev/null
  did+=("installed python3")
fi

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "browser-deps: /usr/bin/chromium is missing. Install Debian's chromium package as root:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  [ -x /usr/bin/chromium ] || { echo "browser-deps: apt-get installed chromium but /usr/bin/chromium is missing" >&2; exit 1; }
  did+=("installed chromium")
fi

# The version line sits in the file's banner comment, e.g. "/*! axe v4.14.1".
axe_ok() { [ -s "$AXE_FILE" ] && head -c 200 "$AXE_FILE" | grep -q "axe v${AXE_VERSION//./\\.}\b"; }

if ! axe_ok; then
  command -v npm >/dev/null || { echo "browser-deps: npm is needed to fetch axe-core (apt-get install -y npm)" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "axe-core@${AXE_VERSION}" >/dev/null)
  tar -xzf "$tmp"/axe-core-"${AXE_VERSION}".tgz -C "$tmp" package/axe.min.js
  mkdir -p "$(dirname "$AXE_FILE")"
  cp "$tmp/package/axe.min.js" "$AXE_FILE.tmp"
  mv "$AXE_FILE.tmp" "$AXE_FILE"
  axe_ok || { echo "browser-deps: $AXE_FILE does not say axe v${AXE_VERSION}" >&2; exit 1; }
  did+=("fetched axe-core ${AXE_VERSION}")
fi

if [ ${#did[@]} -eq 0 ]; then
  echo "browser-deps: chromium ($(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')) and axe-core ${AXE_VERSION} already present"
else
  echo "browser-deps: $(printf '%s, ' "${did[@]}" | sed 's/, $//'); chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), axe-core ${AXE_VERSION} at $AXE_FILE"
fi
