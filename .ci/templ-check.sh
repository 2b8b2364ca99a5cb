#!/usr/bin/env bash
# Fails when the committed *_templ.go files or the .templ formatting are not
# what templ would produce now. Works on a copy, so it never edits the tree
# and needs no git.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
templ=$(go tool -n templ)
cp -r templates "$tmp/templates"
rm -f "$tmp"/templates/*_templ.go
# Generate from the same relative path as `make generate`: templ writes the
# .templ file's path into its error values.
(cd "$tmp" && "$templ" generate -include-version=false -path templates >/dev/null 2>&1) || {
  (cd "$tmp" && "$templ" generate -include-version=false -path templates); exit 1; }
status=0
for f in "$tmp"/templates/*_templ.go; do
  name=templates/$(basename "$f")
  if ! cmp -s "$f" "$name"; then
    echo "stale generated file: $name (run: make generate)" >&2
    status=1
  fi
done
for f in templates/*_templ.go; do
  [ -f "$tmp/templates/$(basename "$f")" ] || { echo "generated file without a .templ source: $f" >&2; status=1; }
done
for f in templates/*.templ; do
  if ! "$templ" fmt -stdout "$f" 2>/dev/null | cmp -s - "$f"; then
    echo "not templ-formatted: $f (run: go tool templ fmt templates)" >&2
    status=1
  fi
done
exit $status
