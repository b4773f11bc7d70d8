#!/usr/bin/env bash
# Fuzzes every reader for MINUTES (default 10): the properties of tests/robustness.rs (text,
# Markdown, JSON, TOML, YAML, CSV and Prometheus metrics, the URL's view state, the catalogue
# index) run round after round with new random seeds, FUZZ_CASES cases per property and round.
# Structured proptest runs on stable Rust: cargo-fuzz needs a nightly toolchain, which cannot be
# installed here. A failure stops the run; proptest shrinks it and keeps it in
# tests/robustness.proptest-regressions, which the normal test command replays.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
export FUZZ_CASES="${FUZZ_CASES:-5000}"
end=$((SECONDS + minutes * 60))
rounds=0
cargo test --release --quiet --test robustness --no-run
while [ "$SECONDS" -lt "$end" ]; do
  cargo test --release --quiet --test robustness >/dev/null
  rounds=$((rounds + 1))
done
echo "fuzzed for $((SECONDS / 60)) min: $rounds rounds of $FUZZ_CASES cases per property, no failure"
