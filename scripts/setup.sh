#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh machine. Idempotent: each step
# checks first. Called by `make test` (and so by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== setup: %s\n' "$*"; }

step "rustfmt and clippy"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
