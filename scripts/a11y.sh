#!/usr/bin/env bash
# Accessibility check of the release build: serves dist/ on loopback and runs axe-core over the
# main screens in French, English and Arabic, light/dark/high contrast, desktop and phone
# (bench/axe.mjs). Fails on any WCAG 2.1 A/AA violation.
set -euo pipefail
cd "$(dirname "$0")/.."
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
  sleep 0.1
done
node bench/axe.mjs "http://127.0.0.1:$port"
