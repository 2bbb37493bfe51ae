#!/usr/bin/env bash
# Adds up the logs of scripts/run-suites.ts runs into the one closing line,
# "N passed, N failed, N skipped". A log without uvu's summary belongs to a run
# that died (a crash, a test calling process.exit): what it printed still
# counts, each test marked • as passed and ✘ as failed, and the death itself is
# one more failure, named. Exits 1 when anything failed.
#
#   scripts/suite-summary.sh LOG...
set -euo pipefail

total=0 passed=0 skipped=0 broken=0
for log in "$@"; do
  if grep -q '^  Total:' "$log"; then
    read -r t p s b < <(awk '$1 == "Total:" { t += $2 } $1 == "Passed:" { p += $2 }
      $1 == "Skipped:" { s += $2 } $1 == "Broken:" { b += $2 } END { print t + 0, p + 0, s + 0, b + 0 }' "$log")
  else
    count() { { grep -o "$1" "$log" || true; } | wc -l; }
    p="$(count '•')"
    t=$((p + $(count '✘')))
    s=0 b=1
    echo "$(basename "$log" .log): died before its summary; counted the $t tests it printed and the death as a failure"
  fi
  total=$((total + t)) passed=$((passed + p)) skipped=$((skipped + s)) broken=$((broken + b))
done
failed=$((total - passed - skipped + broken))
echo
echo "$passed passed, $failed failed, $skipped skipped"
[[ "$failed" -eq 0 ]]
