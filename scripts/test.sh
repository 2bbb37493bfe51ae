#!/usr/bin/env bash
# The project's test command (npm test): installs the tools it needs, builds
# the package (the suites run its CLI), checks that charts/ matches schemas/,
# starts two local control planes
# (scripts/cluster.sh), the newest supported Kubernetes and the oldest, and
# runs the cluster suites against them while every other uvu suite runs beside
# them against the real Helm, kubeconform and kube-score, stopping the control
# planes again whatever happens. Ends with one "N passed, N failed" line.
#
#   scripts/test.sh            everything
#   scripts/test.sh --cluster  only the cluster suites (npm run test:cluster)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n== %s\n' "$*"; }
only_cluster=false
[[ "${1:-}" == "--cluster" ]] && only_cluster=true

logs="$(mktemp -d)"
# The oldest supported Kubernetes gets a control plane of its own beside the
# newest one, in a state folder of its own.
source scripts/versions.env
oldest_dir="$(dirname "$(bash scripts/tools.sh --print-dir)")/cluster-oldest"
oldest() { BALENA_CLUSTER_DIR="$oldest_dir" BALENA_CLUSTER_KUBERNETES="$KUBERNETES_OLDEST_VERSION" "$@"; }
cluster_started=false
oldest_started=false
unit_pid=""
lane_pid=""
oldest_pid=""
up_pid=""
lane_three_pid=""
cleanup() {
  local pid
  for pid in $up_pid $unit_pid $lane_pid $lane_three_pid $oldest_pid; do kill "$pid" 2>/dev/null || true; done
  if $cluster_started; then bash scripts/cluster.sh down || true; fi
  if $oldest_started; then oldest bash scripts/cluster.sh down || true; fi
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
# files from s on and helm-lint form a second lane, started once the install
# suites on the oldest Kubernetes are done and their control plane is down
# (oldest_lane): until then a core is seldom free. The first lane starts about
# two minutes earlier, beside the typecheck, so the split gives it about
# 30 CPU seconds more (the CPU column of scripts/run-suites.ts) and the two
# end together.
unit_tail_files='(helm-lint|[s-z][^/]*)\.test\.ts$'
unit_tail="^$unit_tail_files"
run_unit=false
start_unit_suites() {
  run_unit=true
  NO_COLOR=1 node --import tsx scripts/run-suites.ts generator/test "^(?!$unit_tail_files).*\.test\.ts\$" >"$logs/unit.log" 2>&1 &
  unit_pid=$!
}
collect_unit_suites() {
  $run_unit || return 0
  local code=0
  wait "$unit_pid" || code=$?
  unit_pid=""
  step "uvu suites (generator/test), run beside the cluster suites"
  cat "$logs/unit.log"
  [[ -f "$logs/unit-tail.log" ]] && cat "$logs/unit-tail.log"
  if [[ "$code" -ne 0 ]]; then status="$code"; fi
  if [[ "$(cat "$logs/unit-tail.code" 2>/dev/null || echo 1)" -ne 0 ]]; then status=1; fi
}

# The oldest supported Kubernetes gets the install suites (every object
# accepted and every pod admitted, with dev and production values), and, as
# it serves no monitoring CRDs, the refusal of a backend without them; then its
# control plane stops and the unit suites' second lane runs. In the background:
# its exit codes go to files, its output to logs.
oldest_lane() {
  local code=0
  oldest env NO_COLOR=1 node --import tsx scripts/run-suites.ts generator/cluster-test '^(install|backend-crds-missing)\.test\.ts$' >"$logs/cluster-oldest.log" 2>&1 || code=$?
  oldest bash scripts/cluster.sh down >"$logs/cluster-oldest-down.txt" 2>&1 || code=1
  echo "$code" >"$logs/cluster-oldest.code"
  if $run_unit; then
    local tail_code=0
    NO_COLOR=1 node --import tsx scripts/run-suites.ts generator/test "$unit_tail" >"$logs/unit-tail.log" 2>&1 || tail_code=$?
    echo "$tail_code" >"$logs/unit-tail.code"
  fi
}

step "tools (scripts/tools.sh)"
bash scripts/tools.sh

# Starting a control plane is mostly waiting, and the unit suites need none:
# the control planes start now, in the background, beside the build, the
# typecheck and the charts' check, and the unit suites once the build is done.
# The two control planes start one after the other (each takes the loopback
# ports it finds free).
step "local control planes: Kubernetes $KUBERNETES_VERSION, and $KUBERNETES_OLDEST_VERSION beside it, started in the background (scripts/cluster.sh up)"
cluster_started=true
oldest_started=true
{ bash scripts/cluster.sh up >/dev/null && oldest bash scripts/cluster.sh up >/dev/null; } 2>"$logs/cluster-up.txt" &
up_pid=$!

# The suites run the package's built CLI, as users do (test/support/built-cli.ts).
step "build (npm run build)"
npm run --silent build

if ! $only_cluster; then
  step "uvu suites (generator/test) started in the background; their output follows the cluster suites'"
  start_unit_suites

  step "typecheck (tsc --noEmit)"
  npx tsc -p tsconfig.json --noEmit

  step "charts/ up to date with schemas/ (generate --check, then --full: every stage, no manifest shortcut)"
  npx tsx generator/src/cli.ts generate --check
  npx tsx generator/src/cli.ts generate --check --full
fi

step "local control planes (scripts/cluster.sh up, continued)"
up_code=0
wait "$up_pid" || up_code=$?
up_pid=""
grep -v '^{' "$logs/cluster-up.txt" || true
if [[ "$up_code" -ne 0 ]]; then
  echo "the control planes did not start (exit $up_code); kwokctl's own lines:" >&2
  grep '^{' "$logs/cluster-up.txt" >&2 || true
  exit "$up_code"
fi

step "cluster suites (generator/cluster-test): three lanes on Kubernetes $KUBERNETES_VERSION, the install suites on $KUBERNETES_OLDEST_VERSION beside them"
# Each suite has its namespace and the charts' cluster-wide names carry it, so
# the suites share the control plane three at a time: mostly they wait on it
# (ct install alone spends about 200 s, a third of it on CPU). Lane one takes
# ct install, lane three the update playbook, each with suites that fill it to
# about the same length; lane two the rest, except the one that needs a
# control plane without the monitoring CRDs (oldest_lane). Lanes one and
# three's output follows lane two's, then the oldest Kubernetes'.
lane_one='ct-install|prometheus|grafana-admin'
lane_three='update-playbook|monitoring-backends|deploy'
NO_COLOR=1 node --import tsx scripts/run-suites.ts generator/cluster-test "^($lane_one)\.test\.ts\$" >"$logs/cluster-one.log" 2>&1 &
lane_pid=$!
NO_COLOR=1 node --import tsx scripts/run-suites.ts generator/cluster-test "^($lane_three)\.test\.ts\$" >"$logs/cluster-three.log" 2>&1 &
lane_three_pid=$!
oldest_lane &
oldest_pid=$!
run_suites generator/cluster-test cluster-two "^(?!($lane_one|$lane_three|backend-crds-missing)\.).*\.test\.ts\$"
for lane in lane_pid lane_three_pid; do
  lane_code=0
  wait "${!lane}" || lane_code=$?
  if [[ "$lane_code" -ne 0 ]]; then status="$lane_code"; fi
done
lane_pid=""
lane_three_pid=""
cat "$logs/cluster-one.log" "$logs/cluster-three.log"

step "local control plane on Kubernetes $KUBERNETES_VERSION (scripts/cluster.sh down)"
cluster_started=false
bash scripts/cluster.sh down

wait "$oldest_pid" || true
oldest_pid=""
oldest_started=false
step "cluster install suites on Kubernetes $KUBERNETES_OLDEST_VERSION (its control plane stopped after them)"
cat "$logs/cluster-oldest.log"
grep -E '^\[cluster\] (CPU used|stopped)' "$logs/cluster-oldest-down.txt" || true
if [[ "$(cat "$logs/cluster-oldest.code" 2>/dev/null || echo 1)" -ne 0 ]]; then status=1; fi

collect_unit_suites

bash scripts/suite-summary.sh "$logs"/*.log || status=1
exit "$status"
