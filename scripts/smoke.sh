#!/usr/bin/env bash
# Smoke check of a release build: serve it with a plain static server, render it in headless
# Chromium and require the commission sessions in the DOM *drawn by the app* (the static first
# view written at build time must have been replaced, and must have been there). Catches a build
# that "succeeds" but never starts (e.g. a broken wasm-opt), and a build without its static view.
# Usage: scripts/smoke.sh <served root> <url path>
set -euo pipefail

root=${1:?served directory}
path=${2:-/}
min_sessions=${MIN_SESSIONS:-3}

. "$(dirname "$0")/serve.sh"
serve_dir "$root"
profile=$(mktemp -d)
trap 'kill $SERVER_PID 2>/dev/null; rm -rf "$profile"' EXIT

url="http://127.0.0.1:$PORT$path"
dom=$(timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --virtual-time-budget=5000 --window-size=1400,900 --dump-dom "$url" 2>/dev/null)

if ! grep -q 'id="static-view"' "$root$path/index.html" 2>/dev/null && ! grep -q 'id="static-view"' "$root/index.html"; then
  echo "smoke: FAIL — the built index.html has no static first view (the prerender hook did not run?)" >&2
  exit 1
fi
if grep -q 'id="static-view"' <<<"$dom"; then
  echo "smoke: FAIL — $url still shows the static first view: the app never took over" >&2
  exit 1
fi
sessions=$(grep -o 'data-testid="session"' <<<"$dom" | wc -l || true)
if grep -q 'data-testid="error"' <<<"$dom"; then
  echo "smoke: FAIL — $url shows the error screen:" >&2
  grep -o 'data-testid="error-reason"[^<]*' <<<"$dom" >&2 || true
  exit 1
fi
if [ "$sessions" -lt "$min_sessions" ]; then
  echo "smoke: FAIL — $url rendered $sessions session marker(s), expected at least $min_sessions (blank page?)" >&2
  exit 1
fi
echo "smoke: ok — $url rendered $sessions session markers in headless Chromium"
