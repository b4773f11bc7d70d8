#!/usr/bin/env bash
# Fuzzes the readers with the properties of tests/robustness.rs (text, Markdown, JSON, TOML, YAML,
# CSV and Prometheus metrics, the URL's view state, the catalogue index), round after round with
# new random seeds, FUZZ_CASES cases per property and round.
#
#   bash scripts/fuzz.sh MINUTES            every property together for MINUTES (default 10)
#   bash scripts/fuzz.sh --each MINUTES [PROPERTY...]
#                                           each property (or those named) alone, one after
#                                           another, MINUTES each
#
# Structured proptest runs on stable Rust: cargo-fuzz needs a nightly toolchain, which cannot be
# installed here. The test binary is built once, then run directly, so the minutes are spent
# fuzzing (not compiling). A failure stops the run; proptest shrinks it and keeps it in
# tests/robustness.proptest-regressions, which the normal test command replays.
set -euo pipefail
cd "$(dirname "$0")/.."
each=""
if [ "${1:-}" = "--each" ]; then each=1; shift; fi
minutes="${1:-10}"
shift || true
export FUZZ_CASES="${FUZZ_CASES:-5000}"
binary=$(cargo test --release --quiet --test robustness --no-run --message-format=json |
  sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1)
[ -x "$binary" ] || { echo "could not build the robustness tests" >&2; exit 1; }

# fuzz_for MINUTES [PROPERTY]: rounds of one property (or all) until the time is up.
fuzz_for() {
  local end=$((SECONDS + $1 * 60)) rounds=0 start=$SECONDS
  local filter=()
  if [ -n "${2:-}" ]; then filter=("$2" --exact); fi
  while [ "$SECONDS" -lt "$end" ]; do
    "$binary" --quiet "${filter[@]}" >/dev/null
    rounds=$((rounds + 1))
  done
  echo "${2:-every property}: fuzzed $(((SECONDS - start) / 60)) min, $rounds rounds of $FUZZ_CASES cases, no failure"
}

if [ -n "$each" ]; then
  properties="$*"
  if [ -z "$properties" ]; then
    properties=$("$binary" --list 2>/dev/null |
      sed -n 's/: test$//p' | grep -v -e the_line_model -e mutations_change)
  fi
  for property in $properties; do fuzz_for "$minutes" "$property"; done
else
  fuzz_for "$minutes"
fi
