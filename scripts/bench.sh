#!/usr/bin/env bash
# `make bench`: builds the release site, generates synthetic datasets of 1k, 10k and 100k events,
# serves everything on loopback, drives headless Chromium through a scripted wheel-zoom and
# drag-pan sequence (bench/run.mjs), then loads this app, TimelineJS and vis-timeline on an
# emulated phone on a slow network (bench/phone.mjs), and writes docs/benchmarks.md.
# `scripts/bench.sh phone` runs only the phone-load part and replaces only its section of
# docs/benchmarks.md. BENCH_RUNS sets the runs per case (default 3). A measurement, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
# The Makefile's PATH, for a run without make: Trunk, wasm-bindgen, and wasm-opt from tools/.
export PATH="$PWD/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

phone_results=target/bench-phone.json
trunk build --release

if [ "${1:-}" = phone ]; then
  node bench/phone.mjs "$phone_results"
  node bench/phone-report.mjs "$phone_results" --into docs/benchmarks.md
  node bench/phone-report.mjs "$phone_results"
  exit 0
fi

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

node bench/phone.mjs "$phone_results"

scripts/bench-report.sh "$results" "$phone_results" > docs/benchmarks.md
cat docs/benchmarks.md
