#!/usr/bin/env bash
# Data in and out in a release build, through the transfer worker as it ships
# (bench/transfer-checks.mjs): serves <root> and checks the page at <url path>.
# Usage: scripts/transfer-checks.sh <served root> <url path>
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:?served directory}
path=${2:-/}
. scripts/serve.sh
serve_dir "$root"
node bench/transfer-checks.mjs "http://127.0.0.1:$PORT$path"
