#!/usr/bin/env bash
# The project's test command (npm test): installs the tools it needs, checks
# that charts/ matches schemas/, then runs every uvu suite against the real
# Helm, kubeconform and kube-score. Ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n== %s\n' "$*"; }

step "tools (scripts/tools.sh)"
bash scripts/tools.sh

step "typecheck (tsc --noEmit)"
npx tsc -p tsconfig.json --noEmit

step "charts/ up to date with schemas/ (generate --check)"
npx tsx generator/src/cli.ts generate --check

step "uvu suites (generator/test)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
NO_COLOR=1 node --import tsx node_modules/uvu/bin.js generator/test '\.test\.ts$' 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

total="$(sed -n 's/^ *Total: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
passed="$(sed -n 's/^ *Passed: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
skipped="$(sed -n 's/^ *Skipped: *\([0-9]*\).*/\1/p' "$log" | tail -1)"
total="${total:-0}" passed="${passed:-0}" skipped="${skipped:-0}"
failed=$((total - passed - skipped))
if [[ "$status" -ne 0 && "$failed" -eq 0 ]]; then failed=1; fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
