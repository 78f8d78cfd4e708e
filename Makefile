# One command to set up and run, one to set up and test. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# tools/node_modules/.bin: binaryen's wasm-opt from npm, which Trunk finds on PATH (README, Size).
export PATH := $(CURDIR)/tools/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

SUBPATH := /cooperation-timeline/
SUBPATH_ROOT := target/subpath-site

.PHONY: setup serve build test fmt-check clippy test-native test-chrome test-firefox size-budget smoke checks a11y bench

setup:
	@scripts/setup.sh

## serve: set up, then serve the app with live reload at http://127.0.0.1:8080
serve: setup
	trunk serve

## build: the release site in dist/
build: setup
	trunk build --release

## test: set up, then run every check and test (native, Chromium, Firefox, release build, size
## budget, smoke check, visitor checks with the static first view, accessibility check)
test: setup fmt-check clippy test-native test-chrome test-firefox build size-budget smoke checks a11y
	@echo "make test: all checks passed"

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown --features worker -- -D warnings

test-native:
	cargo test

test-chrome:
	env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver \
	  cargo test --target wasm32-unknown-unknown --tests

test-firefox:
	env -u CHROMEDRIVER GECKODRIVER=$$(command -v geckodriver) \
	  cargo test --target wasm32-unknown-unknown --tests

## size-budget: the shipped wasm + JS + CSS (gzip -9) must stay within scripts/size-budget.sh's budget
size-budget:
	scripts/size-budget.sh dist

## smoke: the release site, served at / and under a sub-path, must render the sessions
smoke:
	scripts/smoke.sh dist /
	rm -rf $(SUBPATH_ROOT)
	trunk build --release --public-url $(SUBPATH) --dist $(SUBPATH_ROOT)$(SUBPATH)
	scripts/smoke.sh $(SUBPATH_ROOT) $(SUBPATH)
	scripts/transfer-checks.sh $(SUBPATH_ROOT) $(SUBPATH)

## checks: the release site logs nothing on load, asks for no missing file, keeps lane names off
## the marks on a phone, and gives up on a request that never answers (bench/checks.mjs)
checks:
	scripts/checks.sh dist

## a11y: axe-core over the main screens of the release build, in every language and theme
a11y:
	scripts/a11y.sh

## bench: measure first render, frames, long tasks and main-thread work while zooming and panning
## 1k/10k/100k events against vis-timeline, and load on an emulated phone against TimelineJS and
## vis-timeline (docs/benchmarks.md; `scripts/bench.sh frames` or `scripts/bench.sh phone` for
## one part alone)
bench: setup
	scripts/bench.sh
