#!/usr/bin/env bash
# Installs what a fresh machine lacks to build (and, with `--test`, to test) the app.
# Idempotent: every step checks first and is quick when its tool is already there.
# Run as root on Debian with access to crates.io, npm and Debian's packages only.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

step() { printf '\n==> %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, byte for byte.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! cargo clippy --version >/dev/null 2>&1 || ! cargo fmt --version >/dev/null 2>&1; then
  step "adding clippy and rustfmt"
  rustup component add clippy rustfmt
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (about 14 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its lock file names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# wasm-opt from npm's binaryen (Debian's version 108 corrupts the output) and playwright-core.
if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132' \
  || [ ! -d node_modules/playwright-core ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm tools (binaryen, playwright-core)"
  npm ci --no-audit --no-fund
fi

if $want_test; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
    || ! command -v pdftoppm >/dev/null; then
    # poppler-utils: pdftoppm turns the printed report (page.pdf) into PNGs to look at.
    step "installing Debian's chromium, chromium-driver and poppler-utils"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver poppler-utils
  fi
fi

step "fetching crates"
cargo fetch --quiet
