#!/usr/bin/env bash
# Takes a screenshot of a URL in headless Chromium, after the data has had time to arrive.
# Usage: scripts/screenshot.sh <url> <out.png> [width,height]
set -euo pipefail
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --virtual-time-budget=5000 \
  --window-size="${3:-1400,900}" --screenshot="$2" "$1" 2>/dev/null
echo "wrote $2"
