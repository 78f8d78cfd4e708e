#!/usr/bin/env bash
# Writes docs/benchmarks.md (to stdout) from the results JSON of bench/frames.mjs (this app and
# vis-timeline while zooming and panning; its section comes from bench/frames-report.mjs), the
# release build in dist/ and, when given, the results JSON of the phone-load benchmark
# (bench/phone.mjs) and of the keys and buttons (bench/keys.mjs).
# Usage: scripts/bench-report.sh target/bench-frames.json [target/bench-phone.json]
#        [target/bench-keys.json]
set -euo pipefail
cd "$(dirname "$0")/.."
results=${1:?results json}
phone=${2:-}
keys=${3:-}
# The page's wasm and glue; the transfer worker's (fetched on demand) are reported apart.
wasm=$(ls dist/cooperation-timeline-*_bg.wasm)
js=$(ls dist/cooperation-timeline-*.js)
worker=(dist/transfer_bg.wasm dist/transfer.js)
# Style sheets may be separate files or inlined in index.html (then counted in its row).
css=(dist/*.css)
size_row() { printf '| %s | %s | %s |\n' "$1" "$(wc -c <"$2")" "$(gzip -9c "$2" | wc -c)"; }
{
  echo "# Benchmarks"
  echo
  echo "Produced by \`make bench\` ($(date -u +%Y-%m-%d), $(nproc) cores, $(chromium --version 2>/dev/null | head -1), release build)."
  echo
  # The bundled dataset's first render, measured by bench/frames.mjs as the synthetic ones are.
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1])).results.find((x) => x.size === "bundled");
    if (!r || r.firstRenderMs === undefined) { console.log("The bundled dataset was not measured."); process.exit(0); }
    const ok = (b) => b ? "met" : "**not met**";
    console.log(`The bundled dataset (\`/\`) is visible ${r.firstRenderMs} ms after the wasm has loaded (from Trunk\x27s`);
    console.log(`\`TrunkApplicationStarted\` to the first animation frame with one of the app\x27s own marks; median of`);
    console.log(`${(r.firstRenderRuns ?? []).length || r.runs} loads) — target < 300 ms: ${ok(r.firstRenderMs < 300)}.`);
  ' "$results"
  echo
  node bench/frames-report.mjs "$results"
  echo
  if [ -n "$keys" ] && [ -e "$keys" ]; then
    node bench/keys.mjs --report "$keys"
    echo
  fi
  if [ -n "$phone" ]; then
    node bench/phone-report.mjs "$phone"
    echo
  fi
  echo "## Release size"
  echo
  echo "| file | raw (bytes) | gzip -9 (bytes) |"
  echo "|---|---|---|"
  size_row "wasm" "$wasm"
  size_row "JS glue" "$js"
  for f in "${worker[@]}"; do
    [ -e "$f" ] && size_row "transfer worker: ${f#dist/}" "$f"
  done
  if [ -e "${css[0]}" ]; then
    echo "| CSS (all) | $(cat "${css[@]}" | wc -c) | $(cat "${css[@]}" | gzip -9c | wc -c) |"
  fi
  size_row "index.html" dist/index.html
  size_row "data/cooperation.json" dist/data/cooperation.json
  echo
  # Measured once per step while the size was being cut (issue 10); kept here as the record.
  cat docs/size-steps.md
}
