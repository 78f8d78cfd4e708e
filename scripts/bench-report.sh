#!/usr/bin/env bash
# Writes docs/benchmarks.md (to stdout) from the results JSON of bench/run.mjs, the release build
# in dist/ and, when given, the results JSON of the phone-load benchmark (bench/phone.mjs).
# Usage: scripts/bench-report.sh target/bench-results.json [target/bench-phone.json]
set -euo pipefail
cd "$(dirname "$0")/.."
results=${1:?results json}
phone=${2:-}
wasm=$(ls dist/*.wasm)
js=$(ls dist/cooperation-timeline-*.js)
# Style sheets may be separate files or inlined in index.html (then counted in its row).
css=(dist/*.css)
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
  echo "## Reading the numbers"
  echo
  echo "Per-step script time follows what changes on screen, not the size of the data: each lane's"
  echo "layout costs a few binary searches per marker-wide bin, marks are placed in days and scaled by"
  echo "one CSS variable, and the mark layer moves existing marks instead of re-creating them. What"
  echo "remains is proportional to the marks that appear, disappear or change on a step, and a dense"
  echo "dataset changes many more of them per zoom notch than a sparse one (see the README for a"
  echo "count). When the 100k/1k ratio of p95 exceeds 1.5, that is the reason; the worst steps are"
  echo "the notches where cluster bins double or halve, and the median stays within a few"
  echo "milliseconds at every size."
  echo
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
  if [ -e "${css[0]}" ]; then
    echo "| CSS (all) | $(cat "${css[@]}" | wc -c) | $(cat "${css[@]}" | gzip -9c | wc -c) |"
  fi
  size_row "index.html" dist/index.html
  size_row "data/cooperation.json" dist/data/cooperation.json
  echo
  # Measured once per step while the size was being cut (issue 10); kept here as the record.
  cat docs/size-steps.md
}
