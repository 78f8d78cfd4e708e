#!/usr/bin/env bash
# Interleaved A/B runs of two builds of the app, the way changes to its speed are decided here
# (README, Performance): on this machine single runs of one build vary by a third and more, so
# two `make bench` runs cannot tell a 5 % change; loads of the two builds taken in turn, in the
# same minutes, can.
#
#   scripts/ab.sh A B [rounds] [size] [mode]
#
#   A, B    a git revision (checked out into a worktree under target/ab/ and built there with
#           `trunk build --release`, its cargo output kept in target/ab/cargo so that a second
#           revision reuses the dependencies), or a directory that holds a release build (its
#           index.html); the dataset is written into its bench/ directory either way
#   rounds  how many times each build is measured, in turn, A first in odd rounds and B first in
#           even ones (default 4)
#   size    events in the synthetic dataset (`gen-dataset --seed 1`): 1k, 10k or 100k (default 10k)
#   mode    render: first render and settled, three fresh loads a round (bench/frames.mjs's frames
#           pass, the app alone: no input is measured); work: the main thread's work per frame
#           over the scripted zoom and drag, by the wall clock and the thread's, one traced load
#           of a first gesture and one of a later gesture a round (its trace and later passes)
#           (default render)
#
# Prints each build's runs, median and range (bench/ab-report.mjs); the JSON of every round is
# kept in target/ab/runs/. vis-timeline is not run: the ratios to it come from `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

usage() { sed -n '7,23p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
a=$1 b=$2 rounds=${3:-4} size=${4:-10k} mode=${5:-render}
case "$size" in 1k) n=1000 ;; 10k) n=10000 ;; 100k) n=100000 ;; *) usage ;; esac
case "$mode" in render | work) ;; *) usage ;; esac
case "$rounds" in '' | *[!0-9]*) usage ;; esac

root=$PWD/target/ab
mkdir -p "$root/runs"

# A release build of $1 (a directory, or a revision built into target/ab/<commit>); prints its
# directory.
build() {
  if [ -f "$1/index.html" ]; then
    (cd "$1" && pwd)
    return
  fi
  local rev
  rev=$(git rev-parse --verify --quiet "$1^{commit}") || {
    echo "$1 is neither a directory with a build nor a git revision" >&2
    exit 2
  }
  local dist=$root/$rev
  if [ ! -f "$dist/index.html" ]; then
    local src=$root/src-$rev
    [ -d "$src" ] || git worktree add --detach --quiet "$src" "$rev"
    # What setup put in place for the working copy (npm's tools, the map's land outline).
    mkdir -p "$src/tools/map"
    [ -e "$src/tools/node_modules" ] || ln -s "$PWD/tools/node_modules" "$src/tools/node_modules"
    [ -f "$src/tools/map/land.path" ] || cp tools/map/land.path "$src/tools/map/land.path"
    echo "building $1 ($rev) into $dist" >&2
    (cd "$src" && CARGO_TARGET_DIR="$root/cargo" trunk build --release --dist "$dist" >&2)
    git worktree remove --force "$src"
  fi
  echo "$dist"
}

dist_a=$(build "$a")
dist_b=$(build "$b")

cargo build --quiet --release --bin gen-dataset
for d in "$dist_a" "$dist_b"; do
  mkdir -p "$d/bench"
  [ -f "$d/bench/events-$n.json" ] ||
    ./target/release/gen-dataset --events "$n" --seed 1 > "$d/bench/events-$n.json"
done

# One static server per build, both stopped when the script ends.
. scripts/serve.sh
serve_dir "$dist_a"
port_a=$PORT
serve_dir "$dist_b"
port_b=$PORT

if [ "$mode" = render ]; then
  passes=(BENCH_RUNS=3 BENCH_TRACE_RUNS=0 BENCH_LATER_RUNS=0)
else
  passes=(BENCH_RUNS=0 BENCH_TRACE_RUNS=1 BENCH_LATER_RUNS=1)
fi
stamp=$(date +%Y%m%d-%H%M%S)
files_a=() files_b=()
for r in $(seq "$rounds"); do
  # A then B in odd rounds, B then A in even ones: neither build always goes first.
  order="a b"
  [ $((r % 2)) -eq 0 ] && order="b a"
  for side in $order; do
    if [ $side = a ]; then port=$port_a; else port=$port_b; fi
    out=$root/runs/$stamp-$side-$r.json
    echo "round $r/$rounds: $side" >&2
    env BENCH_PAGES=app BENCH_BUNDLED=0 BENCH_FLOOR=0 "${passes[@]}" \
      node bench/frames.mjs "http://127.0.0.1:$port" "$out" "$size" >/dev/null
    if [ $side = a ]; then files_a+=("$out"); else files_b+=("$out"); fi
  done
done

node bench/ab-report.mjs "$mode" "A: $a" "${files_a[@]}" -- "B: $b" "${files_b[@]}"
