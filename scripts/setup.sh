#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh machine. Idempotent: each step
# checks first. Called by `make test` (and so by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== setup: %s\n' "$*"; }

step "rustfmt and clippy"
rustup component add rustfmt clippy >/dev/null 2>&1 || true


step "pip for Python 3 (the pinned libphonenumber oracle, scripts/pinned_phonenumbers.py)"
if ! python3 -m pip --version >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y python3-pip
fi

step "PostgreSQL server for the complaint desk's store tests (Debian package)"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi
# The Debian package starts a cluster of its own on install; the tests never use it
# (scripts/with-postgres.sh starts a throwaway one on a free port).

# --- WASM module and widget tests (make test-wasm, make test-browser) ---

step "wasm32 target"
rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown

step "wasm-bindgen CLI (exactly the version crates/numrep-wasm pins)"
wbg_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"$/\1/p' crates/numrep-wasm/Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg_version" ]; then
    # 0.2.130's own lockfile names a crate version that is no longer on crates.io, so
    # --locked can fail; then resolve its dependencies afresh.
    cargo install wasm-bindgen-cli --version "=$wbg_version" --locked \
        || cargo install wasm-bindgen-cli --version "=$wbg_version"
fi

step "Chromium and chromedriver (Debian packages)"
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

step "npm packages for the browser tests (tests/browser, from package-lock.json)"
if ! (cd tests/browser && npm ls --depth=0 >/dev/null 2>&1); then
    (cd tests/browser && npm ci --no-audit --no-fund)
fi

step "wasm-opt 132 from npm binaryen (optional: make wasm works without it)"
if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
    npm install -g --no-audit --no-fund binaryen@132 \
        || echo "binaryen not installed: make wasm builds without wasm-opt"
fi
