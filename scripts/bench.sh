#!/usr/bin/env bash
# `make bench`: builds the release site, generates synthetic datasets of 1k, 10k and 100k events
# and vis-timeline pages of the same events (bench/frames-sites.mjs), serves everything on
# loopback, drives headless Chromium through a wheel-zoom and drag-pan sequence at one input per
# 16 ms in this app and in vis-timeline (bench/frames.mjs: first render, frame intervals, long
# tasks, per-input main-thread work) and through keys and buttons in this app (bench/keys.mjs),
# then loads this app, TimelineJS and vis-timeline on an
# emulated phone on a slow network (bench/phone.mjs), and writes docs/benchmarks.md.
# `scripts/bench.sh phone` runs only the phone-load part and replaces only its section of
# docs/benchmarks.md; `scripts/bench.sh frames` likewise for the frames part. BENCH_RUNS sets the
# runs per case (default 3; bench/frames.mjs documents its other knobs). A measurement, not a test.
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

# dist/bench/ is served with the site but is no part of it (the phone bench leaves it out).
mkdir -p dist/bench
cargo build --quiet --release --bin gen-dataset
sizes=(1000 10000 100000)
for n in "${sizes[@]}"; do
  ./target/release/gen-dataset --events "$n" --seed 1 > "dist/bench/events-$n.json"
done
node bench/frames-sites.mjs dist/bench "${sizes[@]}"

. "$(dirname "$0")/serve.sh"
serve_dir dist

results=target/bench-frames.json
node bench/frames.mjs "http://127.0.0.1:$PORT" "$results" "${sizes[@]}"
if [ "${1:-}" = frames ]; then
  node bench/frames-report.mjs "$results" --into docs/benchmarks.md
  node bench/frames-report.mjs "$results"
  exit 0
fi

# Keys and buttons moving the view, this app alone (bench/keys.mjs).
keys_results=target/bench-keys.json
BENCH_KEYS_OUT=$keys_results node bench/keys.mjs "http://127.0.0.1:$PORT" \
  "/?data=bench/events-10000.json" "/?data=bench/events-100000.json"

node bench/phone.mjs "$phone_results"

scripts/bench-report.sh "$results" "$phone_results" "$keys_results" > docs/benchmarks.md
cat docs/benchmarks.md
