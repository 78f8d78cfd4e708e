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

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
  sleep 0.1
done

results=target/bench-results.json
node bench/run.mjs "http://127.0.0.1:$port" "$results" \
  "bundled=/" \
  "1k=/?data=bench/events-1000.json" \
  "10k=/?data=bench/events-10000.json" \
  "100k=/?data=bench/events-100000.json"

wasm=$(ls dist/*.wasm)
js=$(ls dist/cooperation-timeline-*.js)
css_raw=$(cat dist/*.css | wc -c)
size_row() { printf '| %s | %s | %s |\n' "$1" "$(wc -c <"$2")" "$(gzip -9c "$2" | wc -c)"; }
{
  echo "# Benchmarks"
  echo
  echo "Produced by \`make bench\` ($(date -u +%Y-%m-%d), $(nproc) cores, $(chromium --version 2>/dev/null | head -1), release build)."
  echo "Each row is the median of three runs (by p95). A *step* is one real input event sent through the"
  echo "DevTools protocol (a wheel notch at the cursor, or one 12 px drag move) followed by two animation"
  echo "frames; *script* is the main-thread JavaScript + WebAssembly time of that step (DevTools"
  echo "\`ScriptDuration\`), *style+layout* the browser's own work after it. *First render* runs from the"
  echo "wasm having loaded (Trunk's \`TrunkApplicationStarted\`) to the first mark in the DOM, and so"
  echo "includes fetching, parsing and validating the dataset. Synthetic datasets come from"
  echo "\`gen-dataset --seed 42\` and are labelled as such in the app."
  echo
  echo "| dataset | first render (ms) | script p50 (ms) | script p95 (ms) | script max (ms) | style+layout p95 (ms) | steps |"
  echo "|---|---|---|---|---|---|---|"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1]));
    for (const x of r) console.log(`| ${x.label} | ${x.firstRenderMs.toFixed(0)} | ${x.scriptP50.toFixed(2)} | ${x.scriptP95.toFixed(2)} | ${x.scriptMax.toFixed(2)} | ${x.renderP95.toFixed(2)} | ${x.steps} |`);
  ' "$results"
  echo
  echo "Targets: p95 ≤ 8 ms at 10k events; p95 at 100k ≤ 1.5 × p95 at 1k; the bundled dataset visible"
  echo "in < 300 ms after the wasm loads."
  echo
  node -e '
    const r = Object.fromEntries(JSON.parse(require("fs").readFileSync(process.argv[1])).map(x => [x.label, x]));
    const ok = (b) => b ? "met" : "**not met**";
    console.log(`- p95 at 10k: ${r["10k"].scriptP95.toFixed(2)} ms — ${ok(r["10k"].scriptP95 <= 8)}`);
    console.log(`- p95 at 100k / p95 at 1k: ${(r["100k"].scriptP95 / r["1k"].scriptP95).toFixed(2)} — ${ok(r["100k"].scriptP95 <= 1.5 * r["1k"].scriptP95)}`);
    console.log(`- bundled dataset visible after ${r["bundled"].firstRenderMs.toFixed(0)} ms — ${ok(r["bundled"].firstRenderMs < 300)}`);
  ' "$results"
  echo
  echo "## Release size"
  echo
  echo "| file | raw (bytes) | gzip -9 (bytes) |"
  echo "|---|---|---|"
  size_row "wasm" "$wasm"
  size_row "JS glue" "$js"
  echo "| CSS (all) | $css_raw | $(cat dist/*.css | gzip -9c | wc -c) |"
  size_row "data/cooperation.json" dist/data/cooperation.json
} > docs/benchmarks.md
cat docs/benchmarks.md
