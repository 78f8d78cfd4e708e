#!/usr/bin/env bash
# Accessibility check of the release build: serves dist/ on loopback and runs axe-core over the
# main screens in French, English and Arabic, light/dark/high contrast, desktop and phone
# (bench/axe.mjs). Fails on any WCAG 2.1 A/AA violation.
set -euo pipefail
cd "$(dirname "$0")/.."
. "$(dirname "$0")/serve.sh"
serve_dir dist
node bench/axe.mjs "http://127.0.0.1:$PORT"
