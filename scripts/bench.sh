#!/usr/bin/env bash
# Benchmarks (npm run bench): installs the tools and cdk8s, builds the CLI as
# users run it (tsc), then runs bench/bench.ts. Prints a Markdown table and
# writes bench/results.json. BENCH_RUNS sets the run pairs (default 10).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/tools.sh
echo "== npm ci (bench/: cdk8s to compare against)"
npm ci --prefix bench --no-audit --no-fund
echo "== tsc (the compiled CLI is what is timed)"
npm run --silent build
echo "== bench"
npx tsx bench/bench.ts
