#!/usr/bin/env bash
# What a visitor of the release build must never meet (bench/checks.mjs): a console error or
# warning on load, a request for a missing file (such as /favicon.ico), lane names covering marks
# on a phone, and a load that never ends. Serves dist/ with a server that also has a path that
# never answers. Then the static first view (bench/static-checks.mjs): the whole record with
# JavaScript off, and a hand-over to the app that moves nothing. Then data in and out through the
# transfer worker as it ships (bench/transfer-checks.mjs). Usage: scripts/checks.sh [dist]
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-dist}
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 scripts/serve_with_stall.py "$root" "$PORT" &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null' EXIT
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null && break
  sleep 0.1
done
node bench/checks.mjs "http://127.0.0.1:$PORT"
node bench/static-checks.mjs "http://127.0.0.1:$PORT" public/data/cooperation.json
node bench/transfer-checks.mjs "http://127.0.0.1:$PORT/"
