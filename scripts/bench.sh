#!/usr/bin/env bash
# `make bench`: builds the release site, generates synthetic datasets of 1k, 10k and 100k events,
# serves everything on loopback, drives headless Chromium through a scripted wheel-zoom and
# drag-pan sequence (bench/run.mjs) and writes docs/benchmarks.md. A measurement, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."

trunk build --release
mkdir -p dist/bench
cargo build --quiet --release --bin gen-dataset
for n in 1000 10000 100000; do
  ./target/release/gen-dataset --events "$n" --seed 42 > "dist/bench/events-$n.json"
done

. "$(dirname "$0")/serve.sh"
serve_dir dist

results=target/bench-results.json
node bench/run.mjs "http://127.0.0.1:$PORT" "$results" \
  "bundled=/" \
  "1k=/?data=bench/events-1000.json" \
  "10k=/?data=bench/events-10000.json" \
  "100k=/?data=bench/events-100000.json"

scripts/bench-report.sh "$results" > docs/benchmarks.md
cat docs/benchmarks.md
