#!/usr/bin/env bash
# Smoke check of a release build: serve it with a plain static server, render it in headless
# Chromium and require the commission sessions in the DOM. Catches a build that "succeeds" but
# shows a blank page (e.g. a broken wasm-opt). Usage: scripts/smoke.sh <served root> <url path>
set -euo pipefail

root=${1:?served directory}
path=${2:-/}
min_sessions=${MIN_SESSIONS:-3}

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root" >/dev/null 2>&1 &
server=$!
profile=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$profile"' EXIT

# Wait for the server to accept connections.
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
  sleep 0.1
done

url="http://127.0.0.1:$port$path"
dom=$(timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --virtual-time-budget=5000 --window-size=1400,900 --dump-dom "$url" 2>/dev/null)

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
