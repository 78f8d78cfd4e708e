#!/usr/bin/env bash
# Installs every tool the project needs, at the exact versions it needs, on a fresh Debian machine
# with rustup, Node and apt. Idempotent: each step first checks what is already there, so a warm run
# needs no network and prints nothing. Long installs say how long they usually take.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TRUNK_VERSION=0.22.1
GECKODRIVER_VERSION=0.37.1
APT_PACKAGES=(chromium chromium-driver firefox-esr)

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31msetup: %s\033[0m\n' "$*" >&2; exit 1; }

# The wasm-bindgen CLI must match the library in Cargo.lock exactly, or the build fails.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
[ -n "$WASM_BINDGEN_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml ||
  die "Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" (the version in Cargo.lock)"

have_version() { # have_version <command> <expected first line of `command --version`>
  command -v "$1" >/dev/null 2>&1 && [ "$("$1" --version 2>/dev/null | head -n1)" = "$2" ]
}

timed() { # timed <what> <usual time> <command...>: runs a long install and reports its duration
  local what=$1 usual=$2 start=$SECONDS
  shift 2
  say "installing $what (usually $usual; log in $LOG_DIR)"
  "$@" >"$LOG_DIR/$(echo "$what" | tr -c 'a-zA-Z0-9.\n' '_').log" 2>&1 ||
    die "installing $what failed; see $LOG_DIR"
  say "installed $what in $((SECONDS - start)) s"
}
LOG_DIR=${TMPDIR:-/tmp}/cooperation-timeline-setup
mkdir -p "$LOG_DIR"

# 1. The wasm target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  timed "the wasm32-unknown-unknown target" "a few seconds" rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: Chromium + its driver (same version), Firefox ESR.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  timed "the apt package index (update)" "~10 s" $SUDO apt-get update
  timed "${missing[*]}" "~1 min" env DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# 3. Cargo-installed tools.
if ! have_version trunk "trunk $TRUNK_VERSION"; then
  # 0.22.x declares rust-version 1.96.1 but builds and runs on 1.95 (see README, Toolchain).
  timed "Trunk $TRUNK_VERSION" "~16 min on 2 cores" \
    cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version
fi
if ! have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" ||
  ! have_version wasm-bindgen-test-runner "wasm-bindgen-test-runner $WASM_BINDGEN_VERSION"; then
  # --locked can fail when its lockfile pins a crate the registry index lacks; then resolve afresh.
  install_wasm_bindgen() {
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force ||
      cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  }
  timed "wasm-bindgen-cli $WASM_BINDGEN_VERSION" "~5 min" install_wasm_bindgen
fi
if ! have_version geckodriver "geckodriver $GECKODRIVER_VERSION"; then
  timed "geckodriver $GECKODRIVER_VERSION" "~3 min" \
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# 4. npm packages of the browser drivers (bench/, accessibility checks): playwright-core drives
#    Debian's Chromium, so no browser is downloaded. Reinstalled only when the lockfile changed.
if ! cmp -s bench/package-lock.json bench/node_modules/.installed-lock 2>/dev/null; then
  timed "npm packages in bench/" "a few seconds" npm ci --prefix bench --no-audit --no-fund
  cp bench/package-lock.json bench/node_modules/.installed-lock
fi

# 5. Build tools from npm: binaryen's wasm-opt (a Node build; Debian's binaryen 108 breaks the
#    page, and cargo's wasm-opt takes ~16 min to compile). The Makefile puts it on Trunk's PATH.
if ! cmp -s tools/package-lock.json tools/node_modules/.installed-lock 2>/dev/null; then
  timed "npm packages in tools/ (binaryen; world-atlas and topojson for the map)" "a few seconds" npm ci --prefix tools --no-audit --no-fund
  cp tools/package-lock.json tools/node_modules/.installed-lock
fi

# 5b. The map's land (scripts/extract-land.mjs): Natural Earth's land from world-atlas in tools/,
#     cut to the map's box and simplified; build.rs embeds it.
if [ ! -s tools/map/land.path ] || [ scripts/extract-land.mjs -nt tools/map/land.path ] \
  || [ tools/package-lock.json -nt tools/map/land.path ]; then
  node scripts/extract-land.mjs tools/map/land.path
fi

# 6. Crates, so that Trunk's offline build (cargo --offline) finds them all.
cargo fetch --quiet
