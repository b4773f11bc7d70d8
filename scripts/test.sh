#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, lints, native tests,
# wasm tests in headless Chromium, the release build, and the end-to-end tests against dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
source scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }
start=$SECONDS

# Chromium (started by chromedriver for the wasm tests) leaves a 115 MB profile folder in the temp
# folder each time; the browser runs get a temp folder of their own, removed when this script ends.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# No incremental caches: a clean checkout is built once, and they would double the disk it needs.
export CARGO_INCREMENTAL=0
free_kb=$(df -Pk . | awk 'NR == 2 { print $4 }')
printf 'free disk where the build goes: %d MB\n' "$((free_kb / 1024))"
if [ "$free_kb" -lt $((6 * 1024 * 1024)) ]; then
  printf 'warning: a clean build and its tests need about 6 GB of disk\n'
fi

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native and wasm32)"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown --quiet -- -D warnings

step "native tests"
cargo test --quiet

step "wasm tests in headless Chromium"
# Every tests/web*.rs is a browser test file.
web_tests=()
for file in tests/web*.rs; do web_tests+=(--test "$(basename "$file" .rs)"); done
TMPDIR=$scratch cargo test --target wasm32-unknown-unknown "${web_tests[@]}"

step "release build (trunk build --release)"
trunk build --release
for f in dist/*.wasm dist/*.js dist/*.css; do
  printf '%-60s %8d bytes, %7d gzip\n' "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done

step "end-to-end tests against dist/ in headless Chromium"
TMPDIR=$scratch node --test --test-concurrency=1 tests/e2e/

printf '\nall checks passed in %d s\n' "$((SECONDS - start))"
