#!/usr/bin/env bash
# The project's test command (npm test): installs the tools it needs, checks
# that charts/ matches schemas/, starts the local control plane
# (scripts/cluster.sh) and runs the cluster suites against it while every
# other uvu suite runs beside them against the real Helm, kubeconform and
# kube-score, stopping the control plane again whatever happens. Ends with one
# "N passed, N failed" line.
#
#   scripts/test.sh            everything
#   scripts/test.sh --cluster  only the cluster suites (npm run test:cluster)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n== %s\n' "$*"; }
only_cluster=false
[[ "${1:-}" == "--cluster" ]] && only_cluster=true

logs="$(mktemp -d)"
cluster_started=false
unit_pid=""
unit_tail_pid=""
lane_pid=""
cleanup() {
  if [[ -n "$unit_pid" ]]; then kill "$unit_pid" 2>/dev/null || true; fi
  if [[ -n "$unit_tail_pid" ]]; then kill "$unit_tail_pid" 2>/dev/null || true; fi
  if [[ -n "$lane_pid" ]]; then kill "$lane_pid" 2>/dev/null || true; fi
  if $cluster_started; then bash scripts/cluster.sh down || true; fi
  rm -rf "$logs"
}
trap cleanup EXIT
# An interrupted run still stops the control plane (EXIT runs on exit).
trap 'exit 130' INT
trap 'exit 143' TERM

# run_suites DIR NAME [PATTERN]: the uvu suites under DIR (scripts/run-suites.ts),
# output kept for the summary (scripts/suite-summary.sh).
status=0
run_suites() {
  set +e
  NO_COLOR=1 node --import tsx scripts/run-suites.ts "$1" "${3:-\.test\.ts\$}" 2>&1 | tee "$logs/$2.log"
  local code=${PIPESTATUS[0]}
  set -e
  if [[ "$code" -ne 0 ]]; then status="$code"; fi
}

# The unit suites need no cluster and the cluster suites mostly wait on it, so
# they run side by side: the unit suites in the background, their output held
# in their logs and printed whole once they end (collect_unit_suites). The
# files from s on form a second lane, started once the cluster lanes are done
# and a core is free; until then they would only wait behind the first.
unit_tail='^[s-z].*\.test\.ts$'
start_unit_suites() {
  NO_COLOR=1 node --import tsx scripts/run-suites.ts generator/test '^(?![s-z]).*\.test\.ts$' >"$logs/unit.log" 2>&1 &
  unit_pid=$!
}
start_unit_tail() {
  [[ -n "$unit_pid" ]] || return 0
  NO_COLOR=1 node --import tsx scripts/run-suites.ts generator/test "$unit_tail" >"$logs/unit-tail.log" 2>&1 &
  unit_tail_pid=$!
}
collect_unit_suites() {
  [[ -n "$unit_pid" ]] || return 0
  local code=0 tail_code=0
  wait "$unit_pid" || code=$?
  unit_pid=""
  if [[ -n "$unit_tail_pid" ]]; then wait "$unit_tail_pid" || tail_code=$?; fi
  unit_tail_pid=""
  step "uvu suites (generator/test), run beside the cluster suites"
  cat "$logs/unit.log"
  [[ -f "$logs/unit-tail.log" ]] && cat "$logs/unit-tail.log"
  if [[ "$code" -ne 0 ]]; then status="$code"; fi
  if [[ "$tail_code" -ne 0 ]]; then status="$tail_code"; fi
}

step "tools (scripts/tools.sh)"
bash scripts/tools.sh

if ! $only_cluster; then
  step "typecheck (tsc --noEmit)"
  npx tsc -p tsconfig.json --noEmit

  step "charts/ up to date with schemas/ (generate --check, then --full: every stage, no manifest shortcut)"
  npx tsx generator/src/cli.ts generate --check
  npx tsx generator/src/cli.ts generate --check --full
fi

step "local control plane (scripts/cluster.sh up)"
cluster_started=true
bash scripts/cluster.sh up >/dev/null

if ! $only_cluster; then
  step "uvu suites (generator/test) started in the background; their output follows the cluster suites'"
  start_unit_suites
fi

step "cluster suites (generator/cluster-test), in two lanes"
# Each suite has its namespace and the charts' cluster-wide names carry it, so
# the suites share the control plane two at a time: mostly they wait on it.
# Lane one takes the longest suites; lane two the rest, except the one that
# needs a control plane without the monitoring CRDs. Lane one's output follows
# lane two's.
lane_one='ct-install|update-playbook|deploy|pod-references|grafana-admin'
NO_COLOR=1 node --import tsx scripts/run-suites.ts generator/cluster-test "^($lane_one)\.test\.ts\$" >"$logs/cluster-one.log" 2>&1 &
lane_pid=$!
run_suites generator/cluster-test cluster-two "^(?!($lane_one|backend-crds-missing)\.).*\.test\.ts\$"
lane_code=0
wait "$lane_pid" || lane_code=$?
lane_pid=""
cat "$logs/cluster-one.log"
if [[ "$lane_code" -ne 0 ]]; then status="$lane_code"; fi
start_unit_tail

# The version matrix: the oldest supported Kubernetes gets the install suites
# (every object accepted and every pod admitted, with dev and production values),
# and, as it serves no monitoring CRDs, the refusal of a backend without them.
source scripts/versions.env
step "local control plane on Kubernetes $KUBERNETES_OLDEST_VERSION (scripts/cluster.sh up)"
BALENA_CLUSTER_KUBERNETES="$KUBERNETES_OLDEST_VERSION" bash scripts/cluster.sh up >/dev/null

step "cluster install suites on Kubernetes $KUBERNETES_OLDEST_VERSION"
run_suites generator/cluster-test cluster-oldest '^(install|backend-crds-missing)\.test\.ts$'

collect_unit_suites

step "local control plane (scripts/cluster.sh down)"
cluster_started=false
bash scripts/cluster.sh down

bash scripts/suite-summary.sh "$logs"/*.log || status=1
exit "$status"
