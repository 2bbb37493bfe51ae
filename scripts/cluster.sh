#!/usr/bin/env bash
# A local Kubernetes control plane on loopback: etcd, kube-apiserver,
# kube-controller-manager and kube-scheduler (built by scripts/tools.sh from
# their Go modules) run by kwokctl's binary runtime, with kwok's controller
# standing in for kubelets on three fake nodes. No containers run; pods go
# through their lifecycle by the stages in scripts/cluster/stages.yaml.
#
#   scripts/cluster.sh up          start it (idempotent); prints the kubeconfig path
#   scripts/cluster.sh down        stop it and remove its state; fails if anything is left
#   scripts/cluster.sh kubeconfig  print the kubeconfig path
#
# BALENA_CLUSTER_DIR (default: a folder beside the tools cache) holds its state
# and kubeconfig; nothing touches ~/.kube or the current kubectl context.
# BALENA_CLUSTER_READY_DELAY_MS (default 700) is how long a pod takes to turn Ready.
# BALENA_CLUSTER_KUBERNETES picks the Kubernetes version: KUBERNETES_VERSION
# (the default) or KUBERNETES_OLDEST_VERSION from versions.env.
set -Eeuo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$(bash "$here/tools.sh" --print-bin)"
state="${BALENA_CLUSTER_DIR:-$(dirname "$(bash "$here/tools.sh" --print-dir)")/cluster}"
name=balena
kubeconfig="$state/kubeconfig"
crd_manifests="$(bash "$here/tools.sh" --print-dir)/crd-schemas/manifests"
ready_delay_ms="${BALENA_CLUSTER_READY_DELAY_MS:-700}"
# shellcheck source=versions.env
source "$here/versions.env"
kubernetes="${BALENA_CLUSTER_KUBERNETES:-$KUBERNETES_VERSION}"
case "$kubernetes" in
  "$KUBERNETES_VERSION") k8s_bin="$bin" ;;
  "$KUBERNETES_OLDEST_VERSION") k8s_bin="$bin/kubernetes-$kubernetes" ;;
  *) echo "cluster.sh: BALENA_CLUSTER_KUBERNETES=$kubernetes is not built; use $KUBERNETES_VERSION or $KUBERNETES_OLDEST_VERSION" >&2; exit 2 ;;
esac

export KWOK_WORKDIR="$state/kwok"
log() { printf '[cluster] %s\n' "$*" >&2; }
kubectl() { "$bin/kubectl" --kubeconfig "$kubeconfig" "$@"; }

module_dir() { go mod download -json "$1" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p'; }

# The processes kwokctl started for this cluster, from its pid files.
cluster_pids() {
  local f
  for f in "$KWOK_WORKDIR/clusters/$name/pids"/*.pid; do
    # One pid per file, without a trailing newline.
    [[ -f "$f" ]] && printf '%s\n' "$(<"$f")"
  done
  return 0
}

up() {
  for tool in "$bin"/{kwokctl,kwok,etcd,kubectl} "$k8s_bin"/{kube-apiserver,kube-controller-manager,kube-scheduler}; do
    [[ -x "$tool" ]] || { echo "cluster.sh: $tool is missing; run scripts/tools.sh first" >&2; exit 1; }
  done
  if [[ -f "$kubeconfig" ]] && kubectl get --raw /readyz >/dev/null 2>&1; then
    if [[ "$(kubectl get --raw /version | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p')" == "$kubernetes" ]]; then
      log "already running Kubernetes $kubernetes ($kubeconfig)"
      echo "$kubeconfig"
      return
    fi
    down
  fi
  mkdir -p "$state"
  # Leftovers of a run that died half-way would hold ports and pid files.
  "$bin/kwokctl" delete cluster --name "$name" >/dev/null 2>&1 || true
  # A start that fails half-way stops what it started, so the next `up` never
  # mistakes a half-made cluster (no nodes, no CRDs) for a running one.
  trap 'trap - ERR; log "start failed: stopping what was started"; down >&2 || true' ERR

  # kwok's own node stages and pod deletion, our pod stages (see stages.yaml).
  local kwok_dir config="$state/kwokctl.yaml"
  kwok_dir="$(module_dir "sigs.k8s.io/kwok@$("$bin/kwokctl" --version | grep -o 'v[0-9][0-9.]*' | head -n1)")"
  {
    cat <<EOF
apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokctlConfiguration
options:
  runtime: binary
  bindAddress: 127.0.0.1
  securePort: true
  kubeAuthorization: true
  kubeAdmission: true
  cacheDir: $state/cache
  etcdBinary: $bin/etcd
  kubeApiserverBinary: $k8s_bin/kube-apiserver
  kubeControllerManagerBinary: $k8s_bin/kube-controller-manager
  kubeSchedulerBinary: $k8s_bin/kube-scheduler
  kwokControllerBinary: $bin/kwok
  kubectlBinary: $bin/kubectl
EOF
    for stage in "$kwok_dir/kustomize/stage/node/fast/node-initialize.yaml" \
      "$kwok_dir/kustomize/stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml" \
      "$kwok_dir/kustomize/stage/pod/fast/pod-delete.yaml"; do
      echo "---"
      cat "$stage"
    done
    echo "---"
    sed "s/__READY_DELAY_MS__/$ready_delay_ms/g" "$here/cluster/stages.yaml"
  } >"$config"

  # The API server advertises the machine's own address for the kubernetes
  # Service (its certificate names it; a loopback address is refused there), so
  # it listens on every interface, and takes no anonymous request.
  log "starting etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok ($("$k8s_bin/kube-apiserver" --version))"
  PATH="$bin:$PATH" "$bin/kwokctl" create cluster --name "$name" --config "$config" \
    --kubeconfig "$kubeconfig" --wait 2m \
    --extra-args "kube-apiserver=admission-control-config-file=$here/cluster/admission.yaml" \
    --extra-args "kube-apiserver=bind-address=0.0.0.0" \
    --extra-args "kube-apiserver=anonymous-auth=false" >&2

  log "fake nodes, a default StorageClass with volumes"
  kubectl apply -f "$here/cluster/nodes.yaml" -f "$here/cluster/storage.yaml" >&2

  # The CRDs production values create objects of, from the same Go modules
  # that tools.sh converts their schemas from.
  local gateway_dir cert_manager_dir
  gateway_dir="$(module_dir "sigs.k8s.io/gateway-api@$GATEWAY_API_VERSION")"
  cert_manager_dir="$(module_dir "github.com/cert-manager/cert-manager@$CERT_MANAGER_VERSION")"
  log "CRDs: gateway-api $GATEWAY_API_VERSION (standard channel), cert-manager $CERT_MANAGER_VERSION"
  kubectl apply --server-side -f "$gateway_dir/config/crd/standard" >/dev/null
  if [[ "$kubernetes" == "$KUBERNETES_OLDEST_VERSION" ]]; then
    # cert-manager's CRDs declare selectableFields, which API servers before
    # 1.30 do not know; created without validation they drop just that field.
    kubectl create --validate=false -f "$cert_manager_dir/deploy/crds" >/dev/null
  else
    kubectl apply --server-side -f "$cert_manager_dir/deploy/crds" >/dev/null
  fi
  # The monitoring backends' CRDs (Prometheus Operator, GMP), kept by tools.sh,
  # on the newest plane only: the oldest keeps none, so a suite can show what
  # a live install says when a backend's CRDs are missing.
  if [[ "$kubernetes" == "$KUBERNETES_VERSION" ]]; then
    log "CRDs: monitoring.coreos.com (Prometheus Operator), monitoring.googleapis.com (GMP)"
    kubectl apply --server-side -f "$crd_manifests/monitoring.coreos.com" -f "$crd_manifests/monitoring.googleapis.com" >/dev/null
  fi
  kubectl wait --for condition=Established crd --all --timeout 60s >/dev/null
  kubectl wait --for condition=Ready node --all --timeout 60s >&2
  trap - ERR
  log "ready: KUBECONFIG=$kubeconfig"
  echo "$kubeconfig"
}

# The loopback ports kwokctl gave the components, from its saved configuration.
cluster_ports() {
  sed -n 's/^  [A-Za-z]*Port: \([0-9][0-9]*\)$/\1/p' "$KWOK_WORKDIR/clusters/$name/kwok.yaml" 2>/dev/null || true
}

# listening PORT: whether anything accepts connections on 127.0.0.1:PORT.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# cpu_report PID...: the CPU seconds each process has used, on one line
# (scripts/test.sh runs beside the control plane on two cores: where the time goes).
cpu_report() {
  local ticks pid used=()
  ticks="$(getconf CLK_TCK 2>/dev/null || echo 100)"
  for pid in "$@"; do
    [[ -r "/proc/$pid/stat" ]] || continue
    used+=("$(awk -v ticks="$ticks" '{
      line = $0; name = line; sub(/^[^(]*\(/, "", name); sub(/\).*$/, "", name)
      sub(/^.*\) /, "", line); split(line, field, " ")
      printf "%s %.1f s", name, (field[12] + field[13]) / ticks
    }' "/proc/$pid/stat" 2>/dev/null)")
  done
  if [[ ${#used[@]} -gt 0 ]]; then log "CPU used: $(IFS=','; echo "${used[*]}" | sed 's/,/, /g')"; fi
}

down() {
  local pids ports
  pids="$(cluster_pids)"
  ports="$(cluster_ports)"
  if [[ -d "$KWOK_WORKDIR/clusters/$name" ]]; then
    # shellcheck disable=SC2086 # one PID per word
    cpu_report $pids
    log "stopping"
    "$bin/kwokctl" delete cluster --name "$name" >&2 || true
  fi
  # kwokctl signals the processes and returns; wait for them to exit, and
  # stop whatever is still running after that, so no run leaves a process or
  # a listening port behind.
  local pid alive
  for _ in $(seq 1 50); do
    alive=()
    for pid in $pids; do
      kill -0 "$pid" 2>/dev/null && alive+=("$pid")
    done
    [[ ${#alive[@]} -eq 0 ]] && break
    sleep 0.2
  done
  if [[ ${#alive[@]} -gt 0 ]]; then
    log "killing processes that did not stop: ${alive[*]}"
    kill -9 "${alive[@]}" 2>/dev/null || true
    sleep 1
  fi
  rm -rf "$state"
  for pid in $pids; do
    if kill -0 "$pid" 2>/dev/null; then
      echo "cluster.sh: process $pid is still running after down" >&2
      exit 1
    fi
  done
  local port
  for port in $ports; do
    if listening "$port"; then
      echo "cluster.sh: 127.0.0.1:$port still accepts connections after down" >&2
      exit 1
    fi
  done
  log "stopped: $(echo $pids | wc -w) processes ended, ports $(echo $ports | tr '\n' ' ')closed"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  kubeconfig) echo "$kubeconfig" ;;
  *) echo "usage: scripts/cluster.sh up|down|kubeconfig" >&2; exit 2 ;;
esac
