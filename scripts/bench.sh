#!/usr/bin/env bash
# The side-by-side benchmark (issue 14, docs/BENCHMARK.md): installs what is missing, builds the
# release dist/, measures it against the reference pages in headless Chromium
# (bench/compare.mjs), then prints the native criterion figures. Not part of scripts/test.sh:
# about 22 minutes on 2 cores, most of it vis-timeline drawing 10,000 events.
#
#   bash scripts/bench.sh                  RUNS=3 bash scripts/bench.sh   (default 5)
#   DIST=/some/dir SKIP_BUILD=1 bash scripts/bench.sh   measures a dist built before
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# --test: the browser too (Debian's chromium).
bash scripts/setup.sh --test
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  step "installing the reference pages' libraries (bench/package.json, dev only)"
  npm ci --prefix bench --no-audit --no-fund
fi
source scripts/env.sh

export DIST="${DIST:-$PWD/dist}"
if [ -z "${SKIP_BUILD:-}" ]; then
  step "building the release dist ($DIST)"
  trunk build --release --dist "$DIST"
fi

step "the app against the reference pages, headless Chromium (RUNS=${RUNS:-5})"
node bench/compare.mjs

# Criterion's quick settings (1 s warm-up, 2 s of 10 samples each): about 2 minutes in all.
# Only the results are printed: each benchmark's name, time and throughput (not the comparison
# with the previous run, which on a busy machine is mostly noise).
step "native criterion figures (benches/)"
for bench in parse decimate illustration; do
  cargo bench --quiet --bench "$bench" -- --warm-up-time 1 --measurement-time 2 --sample-size 10 --noplot 2>&1 \
    | grep -Ev '^(Benchmarking|Found|Gnuplot|WARNING|Warning)|^ +([0-9]+ \(|change:)|%|Performance has|o change|within noise|^$'
done
