#!/usr/bin/env bash
# Installs every external tool the project needs into a versioned cache outside
# the checkout, so fresh clones (CI) reuse what an earlier run built.
#
#   scripts/tools.sh               install what is missing, print each step
#   scripts/tools.sh --start       only what `npm start` needs (see start_steps)
#   scripts/tools.sh --print-bin   print the bin folder (installs nothing)
#   scripts/tools.sh --print-dir   print the tools folder (installs nothing)
#
# BALENA_TOOLS_DIR overrides the folder. Everything comes from the package
# registries through go install / go build / pip; nothing is downloaded at test time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"
# shellcheck source=vendored.env
source "$here/vendored.env"
# shellcheck source=crd-versions.env
source "$here/crd-versions.env"

pins_hash="$(cat "$here/versions.env" "$here"/go/*/go.mod | sha256sum | cut -c1-12)"
tools_dir="${BALENA_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/balena-charts/tools-$pins_hash}"
bin="$tools_dir/bin"

profile=all
case "${1:-}" in
  --print-bin) echo "$bin"; exit 0 ;;
  --print-dir) echo "$tools_dir"; exit 0 ;;
  --start) profile=start ;;
  "") ;;
  *) echo "tools.sh: unknown argument '$1' (expected --start, --print-bin or --print-dir)" >&2; exit 2 ;;
esac

# The steps, in the order they run. `npm start` (scripts/lint-charts.sh, then
# scripts/deploy.ts on the local control plane) needs Helm 4, kubeconform with
# the Kubernetes and CRD schemas, and the control plane on the newest
# Kubernetes; `npm test` needs them all. Each step checks in by name (step),
# and a run that does not meet every step of its list stops with an error, so
# the lists cannot drift from the script.
oldest="kubernetes-$KUBERNETES_OLDEST_VERSION"
all_steps="helm helm3 kubeconform kube-score promtool prometheus amtool alertmanager registry actionlint
  fake-gcs-server debian-packages ct netpolicy tofu tflint kube-linter google-provider etcd kube-apiserver
  kube-controller-manager kube-scheduler kubectl $oldest/kube-apiserver $oldest/kube-controller-manager
  $oldest/kube-scheduler kwok kwokctl python-venv ansible-venv k8s-schemas-$K8S_OLDEST_VERSION
  k8s-schemas-$K8S_NEWEST_VERSION crd-schemas"
start_steps="helm kubeconform etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok kwokctl
  python-venv k8s-schemas-$K8S_OLDEST_VERSION k8s-schemas-$K8S_NEWEST_VERSION crd-schemas"
steps="$all_steps"
[[ "$profile" == start ]] && steps="$start_steps"
steps_total="$(wc -w <<<"$steps")"
steps_done=" "
progress=""

log() { printf '[tools] %s%s\n' "$progress" "$*" >&2; }
# step NAME: false when NAME is not in this run's list; else counts it (once)
# and prefixes what follows with "(k/N)".
step() {
  [[ " $(tr '\n' ' ' <<<"$steps") " == *" $1 "* ]] || return 1
  if [[ "$steps_done" != *" $1 "* ]]; then
    steps_done+="$1 "
    progress="($(wc -w <<<"$steps_done")/$steps_total) "
  fi
}
# elapsed SINCE: "4m12s" from a $SECONDS reading.
elapsed() { printf '%dm%02ds' $(((SECONDS - $1) / 60)) $(((SECONDS - $1) % 60)); }
mkdir -p "$bin"
export GOFLAGS="${GOFLAGS:-} -trimpath"

# go_tool NAME MODULE_PATH VERSION: go install into a scratch GOBIN, then move the
# binary into place under NAME, so two versions of one tool (helm 3 and 4) coexist.
go_tool() {
  local name="$1" pkg="$2" version="$3" stamp="$bin/.$1.version"
  step "$name" || return 0
  if [[ -x "$bin/$name" && "$(cat "$stamp" 2>/dev/null)" == "$pkg@$version" ]]; then
    log "$name $version: present"
    return
  fi
  log "$name $version: go install $pkg@$version"
  local scratch started=$SECONDS
  scratch="$(mktemp -d)"
  GOBIN="$scratch" go install "$pkg@$version"
  log "$name: built in $(elapsed "$started")"
  mv "$scratch/$(basename "$pkg")" "$bin/$name"
  rm -rf "$scratch"
  echo "$pkg@$version" >"$stamp"
}

go_tool helm helm.sh/helm/v4/cmd/helm "$HELM_VERSION"
go_tool helm3 helm.sh/helm/v3/cmd/helm "$HELM3_VERSION"
go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"
go_tool kube-score github.com/zegl/kube-score/cmd/kube-score "$KUBE_SCORE_VERSION"
go_tool promtool github.com/prometheus/prometheus/cmd/promtool "$PROMETHEUS_MODULE_VERSION"
go_tool prometheus github.com/prometheus/prometheus/cmd/prometheus "$PROMETHEUS_MODULE_VERSION"
go_tool amtool github.com/prometheus/alertmanager/cmd/amtool "$ALERTMANAGER_VERSION"
# A real Alertmanager for the delivery test. Its module embeds a web UI that is
# built outside Go (ui/app/dist is not in the module), so `go install` stops;
# it is built from the module's own source with a one-page placeholder UI.
# The API, which the tests use, is untouched.
alertmanager_stamp="$bin/.alertmanager.version"
if ! step alertmanager; then
  :
elif [[ -x "$bin/alertmanager" && "$(cat "$alertmanager_stamp" 2>/dev/null)" == "alertmanager@$ALERTMANAGER_VERSION" ]]; then
  log "alertmanager $ALERTMANAGER_VERSION: present"
else
  log "alertmanager $ALERTMANAGER_VERSION: go build from its module, with a placeholder web UI"
  am_src="$(go mod download -json "github.com/prometheus/alertmanager@$ALERTMANAGER_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
  am_scratch="$(mktemp -d)"
  cp -r "$am_src/." "$am_scratch/"
  chmod -R u+w "$am_scratch"
  for ui in elm mantine; do
    mkdir -p "$am_scratch/ui/app/dist/$ui"
    echo '<!doctype html><title>Alertmanager</title><p>Web UI not built; the API is at /api/v2/.' >"$am_scratch/ui/app/dist/$ui/index.html"
  done
  (cd "$am_scratch" && go build -ldflags "-X github.com/prometheus/common/version.Version=${ALERTMANAGER_VERSION#v}" -o "$bin/alertmanager" ./cmd/alertmanager)
  rm -rf "$am_scratch"
  echo "alertmanager@$ALERTMANAGER_VERSION" >"$alertmanager_stamp"
fi
go_tool registry github.com/distribution/distribution/v3/cmd/registry "$DISTRIBUTION_VERSION"
go_tool actionlint github.com/rhysd/actionlint/cmd/actionlint "$ACTIONLINT_VERSION"
go_tool fake-gcs-server github.com/fsouza/fake-gcs-server "$FAKE_GCS_VERSION"

# From Debian, system-wide, for the backup tests: PostgreSQL's server (the tests
# start their own in a scratch folder) and busybox (the storage steps run under
# busybox sh, as in the curl image the chart uses).
apt_missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || apt_missing+=(postgresql)
command -v busybox >/dev/null || apt_missing+=(busybox)
if ! step debian-packages; then
  :
elif [[ ${#apt_missing[@]} -eq 0 ]]; then
  log "debian packages: present (postgresql $(ls /usr/lib/postgresql | sort -n | tail -n1), busybox)"
elif [[ "$(id -u)" -eq 0 ]]; then
  log "debian packages: apt-get install ${apt_missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}" >/dev/null
else
  echo "tools.sh: the backup tests need ${apt_missing[*]}; run as root once, or: sudo apt-get install ${apt_missing[*]}" >&2
  exit 1
fi

# wrapped_go_tool DIR MODULE PACKAGE VERSION [GO_BUILD_FLAGS...]: `go install
# pkg@version` stops on a module-list lookup the Go proxy refuses for some
# modules (chart-testing, netpol-analyzer), and refuses modules whose go.mod has
# replace lines (OpenTofu), so these are built from a small module of ours under
# scripts/go/DIR that pins them with a `tool` line (and repeats the replaces).
# The binary is named after the package's last element, or after DIR when that
# is a major-version suffix (etcd's server module, go.etcd.io/etcd/server/v3);
# `--into SUBDIR` first puts it in a folder of bin/ (a second Kubernetes version).
wrapped_go_tool() {
  local into=""
  if [[ "$1" == --into ]]; then into="$2/"; mkdir -p "$bin/$2"; shift 2; fi
  local dir="$here/go/$1" module="$2" pkg="$3" version="$4" name
  name="$(basename "$pkg")"
  [[ "$name" =~ ^v[0-9]+$ ]] && name="$1"
  name="$into$name"
  shift 4
  if ! grep -qE "^\s*$module $version( |$)" "$dir/go.mod"; then
    echo "tools.sh: $dir/go.mod does not require $module $version (versions.env); run: cd $dir && go get -tool $pkg@$version" >&2
    exit 1
  fi
  step "$name" || return 0
  local stamp="$bin/$(dirname "$name")/.$(basename "$name").version"
  if [[ -x "$bin/$name" && "$(cat "$stamp" 2>/dev/null)" == "$module@$version" ]]; then
    log "$name $version: present"
    return
  fi
  log "$name $version: go build $pkg from scripts/${dir#"$here/"}"
  local started=$SECONDS
  (cd "$dir" && go build "$@" -o "$bin/$name" "$pkg")
  log "$name: built in $(elapsed "$started")"
  echo "$module@$version" >"$stamp"
}

wrapped_go_tool ct github.com/helm/chart-testing/v3 github.com/helm/chart-testing/v3/ct "$CT_VERSION"
wrapped_go_tool netpolicy github.com/np-guard/netpol-analyzer github.com/np-guard/netpol-analyzer/cmd/netpolicy "$NETPOL_ANALYZER_VERSION"
# Stamped as a release build (no -dev suffix), as OpenTofu's own release does.
wrapped_go_tool opentofu github.com/opentofu/opentofu github.com/opentofu/opentofu/cmd/tofu "$OPENTOFU_VERSION" \
  -ldflags "-X github.com/opentofu/opentofu/version.dev=no"
# TFLint carries its terraform ruleset inside the binary (no plugin download).
go_tool tflint github.com/terraform-linters/tflint "$TFLINT_VERSION"

# Tools whose Go modules the module proxy refuses, built from source archives
# in the vendor folder (a release tag of the tool's public repository, with its
# licence). Each build is kept in a folder of its own, named by the archive's
# sha256 and the Go version: bumping any pin above never rebuilds it (the
# google provider is a 130 MB binary).
vendor_dir="${BALENA_VENDOR_DIR:-$here/../../shared/vendor}"
builds_root="$(dirname "$tools_dir")"
go_version="$(go env GOVERSION)"
# vendored_go_build ARCHIVE PACKAGE OUTPUT LDFLAGS: prints the built binary's
# path, or nothing when the archive is not there.
vendored_go_build() {
  local archive="$vendor_dir/$1" pkg="$2" output="$3" ldflags="$4"
  if [[ ! -f "$archive" ]]; then
    log "$output: no $1 in $vendor_dir (set BALENA_VENDOR_DIR); not built"
    return
  fi
  local sum dir
  sum="$(sha256sum "$archive" | cut -c1-12)"
  dir="$builds_root/vendored-${1%-src.tar.gz}-$sum-$go_version"
  if [[ -x "$dir/$output" ]]; then
    log "$output: present (${dir##*/})"
  else
    log "$output: go build $pkg from $1 (minutes with a warm Go build cache, much longer cold)"
    local scratch
    scratch="$(mktemp -d "$builds_root/.build.XXXXXX")"
    tar -xzf "$archive" -C "$scratch"
    # The archive holds one top folder, or the tree itself.
    local src="$scratch"
    [[ "$(find "$scratch" -mindepth 1 -maxdepth 1 | wc -l)" -eq 1 ]] && src="$(find "$scratch" -mindepth 1 -maxdepth 1)"
    mkdir -p "$scratch/out"
    local started=$SECONDS
    (cd "$src" && go build -ldflags "-s -w $ldflags" -o "$scratch/out/$output" "$pkg" >&2)
    log "$output: built in $(elapsed "$started")"
    rm -rf "$dir"
    mv "$scratch/out" "$dir"
    rm -rf "$scratch"
  fi
  echo "$dir/$output"
}

if step kube-linter; then
  kube_linter="$(vendored_go_build "kube-linter-$KUBE_LINTER_VERSION-src.tar.gz" ./cmd/kube-linter kube-linter \
    "-X golang.stackrox.io/kube-linter/internal/version.version=$KUBE_LINTER_VERSION")"
  if [[ -n "$kube_linter" ]]; then
    ln -sf "$kube_linter" "$bin/kube-linter"
  else
    # Elsewhere the module proxy serves it as usual.
    go_tool kube-linter golang.stackrox.io/kube-linter/cmd/kube-linter "$KUBE_LINTER_VERSION"
  fi
fi

# The google provider for OpenTofu, laid out as a filesystem mirror that a CLI
# configuration of the tools folder names (TF_CLI_CONFIG_FILE; the user's own
# ~/.tofurc is never touched). Without the vendor folder, `tofu init` installs
# the provider from the registry as usual. No lock file is written from this
# build: its hashes would not match the registry's release.
if step google-provider; then
  provider="$(vendored_go_build "terraform-provider-google-$GOOGLE_PROVIDER_VERSION-src.tar.gz" . \
    "terraform-provider-google_$GOOGLE_PROVIDER_VERSION" \
    "-X github.com/hashicorp/terraform-provider-google/version.ProviderVersion=${GOOGLE_PROVIDER_VERSION#v}")"
  tofurc="$tools_dir/tofu.tfrc"
  if [[ -n "$provider" ]]; then
    mirror="$tools_dir/provider-mirror"
    place="$mirror/registry.opentofu.org/hashicorp/google/${GOOGLE_PROVIDER_VERSION#v}/linux_amd64"
    mkdir -p "$place"
    ln -sf "$provider" "$place/terraform-provider-google_$GOOGLE_PROVIDER_VERSION"
    mkdir -p "$tools_dir/provider-cache"
    # The plugin cache lets every `tofu init` link the 130 MB binary instead of copying it.
    cat >"$tofurc" <<TFRC
plugin_cache_dir = "$tools_dir/provider-cache"
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.opentofu.org/hashicorp/google"]
  }
  direct {
    exclude = ["registry.opentofu.org/hashicorp/google"]
  }
}
TFRC
  else
    printf '# no vendored provider: tofu init installs it from the registry\n' >"$tofurc"
  fi
fi

# The local control plane (scripts/cluster.sh). Kubernetes is built from a
# wrapper module (k8s.io/kubernetes resolves its staging modules through replace
# lines only inside its own repository); the version is stamped in so that
# `kube-apiserver --version` tells kwokctl which flags to use. The first build
# takes about ten minutes on two cores; Go's build cache makes later ones cheap.
wrapped_go_tool etcd go.etcd.io/etcd/server/v3 go.etcd.io/etcd/server/v3 "$ETCD_VERSION"
k8s_minor="${KUBERNETES_VERSION#v1.}"
k8s_minor="${k8s_minor%%.*}"
for component in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
  wrapped_go_tool kubernetes k8s.io/kubernetes "k8s.io/kubernetes/cmd/$component" "$KUBERNETES_VERSION" \
    -ldflags "-X k8s.io/component-base/version.gitVersion=$KUBERNETES_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$k8s_minor -X k8s.io/component-base/version.gitTreeState=clean"
done
# The oldest supported minor too, for the cluster suites' version matrix.
k8s_minor="${KUBERNETES_OLDEST_VERSION#v1.}"
k8s_minor="${k8s_minor%%.*}"
for component in kube-apiserver kube-controller-manager kube-scheduler; do
  wrapped_go_tool --into "kubernetes-$KUBERNETES_OLDEST_VERSION" kubernetes-oldest k8s.io/kubernetes "k8s.io/kubernetes/cmd/$component" "$KUBERNETES_OLDEST_VERSION" \
    -ldflags "-X k8s.io/component-base/version.gitVersion=$KUBERNETES_OLDEST_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$k8s_minor -X k8s.io/component-base/version.gitTreeState=clean"
done
go_tool kwok sigs.k8s.io/kwok/cmd/kwok "$KWOK_VERSION"
go_tool kwokctl sigs.k8s.io/kwok/cmd/kwokctl "$KWOK_VERSION"

venv="$tools_dir/venv"
py_pins="yamllint==$YAMLLINT_VERSION yamale==$YAMALE_VERSION pyyaml==$PYYAML_VERSION jsonref==$JSONREF_VERSION click==$CLICK_VERSION colorama==$COLORAMA_VERSION"
if ! step python-venv; then
  :
elif [[ "$(cat "$venv/.pins" 2>/dev/null)" != "$py_pins openapi2jsonschema==$OPENAPI2JSONSCHEMA_VERSION" ]]; then
  log "python venv: pip install $py_pins"
  python3 -m venv "$venv"
  # shellcheck disable=SC2086
  "$venv/bin/pip" install --quiet --disable-pip-version-check $py_pins
  # openapi2jsonschema's metadata asks for PyYAML<6, whose sdist no longer builds;
  # it runs fine on PyYAML 6, so install it without its declared dependencies.
  log "python venv: pip install --no-deps openapi2jsonschema==$OPENAPI2JSONSCHEMA_VERSION"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps "openapi2jsonschema==$OPENAPI2JSONSCHEMA_VERSION"
  echo "$py_pins openapi2jsonschema==$OPENAPI2JSONSCHEMA_VERSION" >"$venv/.pins"
  ln -sf "$venv/bin/yamllint" "$bin/yamllint"
  ln -sf "$venv/bin/yamale" "$bin/yamale"
else
  log "python venv: present ($py_pins)"
fi

# Ansible and ansible-lint for the update path (ansible/), in a venv of their
# own so their dependencies never move the chart-testing pins above.
ansible_venv="$tools_dir/ansible"
ansible_pins="ansible-core==$ANSIBLE_CORE_VERSION ansible-lint==$ANSIBLE_LINT_VERSION"
if ! step ansible-venv; then
  :
elif [[ "$(cat "$ansible_venv/.pins" 2>/dev/null)" != "$ansible_pins" ]]; then
  log "ansible venv: pip install $ansible_pins"
  rm -rf "$ansible_venv"
  python3 -m venv "$ansible_venv"
  # shellcheck disable=SC2086
  "$ansible_venv/bin/pip" install --quiet --disable-pip-version-check $ansible_pins
  echo "$ansible_pins" >"$ansible_venv/.pins"
else
  log "ansible venv: present ($ansible_pins)"
fi

# Kubernetes JSON schemas for kubeconform, one folder per supported minor.
mkdir -p "$tools_dir/k8s-schemas"
for k8s in "$K8S_OLDEST_VERSION" "$K8S_NEWEST_VERSION"; do
  step "k8s-schemas-$k8s" || continue
  out="$tools_dir/k8s-schemas/${k8s}-standalone-strict"
  if [[ -f "$out/.done" ]]; then
    log "kubernetes schemas $k8s: present"
    continue
  fi
  log "kubernetes schemas $k8s: go mod download k8s.io/kubernetes@$k8s, converting its OpenAPI spec"
  k8s_dir="$(go mod download -json "k8s.io/kubernetes@$k8s" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
  # Same flags as the published kubeconform schema sets: one standalone,
  # strict (additionalProperties: false) file per kind and API version.
  # Written to a scratch folder and moved into place whole.
  scratch="$(mktemp -d "$tools_dir/k8s-schemas/.tmp.XXXXXX")"
  (cd "$scratch" && "$venv/bin/openapi2jsonschema" --expanded --kubernetes --stand-alone --strict \
    -o schemas "$k8s_dir/api/openapi-spec/swagger.json" >/dev/null)
  touch "$scratch/schemas/.done"
  rm -rf "$out"
  mv "$scratch/schemas" "$out"
  rm -rf "$scratch"
done

# kubeconform schemas for the CRDs the charts use, converted by the script
# kubeconform ships for exactly this, into <group>/<kind>_<version>.json.
crd_out="$tools_dir/crd-schemas"
crd_stamp="gateway-api@$GATEWAY_API_VERSION cert-manager@$CERT_MANAGER_VERSION kubeconform@$KUBECONFORM_VERSION"
crd_stamp+=" prometheus-operator@$PROMETHEUS_OPERATOR_VERSION $GMP_CRDS_DIR"
if ! step crd-schemas; then
  :
elif [[ "$(cat "$crd_out/.done" 2>/dev/null)" == "$crd_stamp" ]]; then
  log "CRD schemas: present ($crd_stamp)"
else
  log "CRD schemas: converting the CRDs of $crd_stamp"
  module_dir() { go mod download -json "$1" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p'; }
  converter="$(module_dir "github.com/yannh/kubeconform@$KUBECONFORM_VERSION")/scripts/openapi2jsonschema.py"
  gateway_dir="$(module_dir "sigs.k8s.io/gateway-api@$GATEWAY_API_VERSION")"
  cert_manager_dir="$(module_dir "github.com/cert-manager/cert-manager@$CERT_MANAGER_VERSION")"
  scratch="$(mktemp -d "$tools_dir/.crd.XXXXXX")"
  convert() { # GROUP CRD_FILE...
    local group="$1"; shift
    mkdir -p "$scratch/$group"
    (cd "$scratch/$group" && FILENAME_FORMAT='{kind}_{version}' "$venv/bin/python" "$converter" "$@" >/dev/null)
  }
  convert gateway.networking.k8s.io "$gateway_dir"/config/crd/standard/gateway.networking.k8s.io_{gateways,httproutes,gatewayclasses,referencegrants}.yaml
  convert cert-manager.io "$cert_manager_dir"/deploy/crds/cert-manager.io_{clusterissuers,issuers,certificates}.yaml
  # The monitoring backends' CRDs: converted, and the manifests kept whole
  # (crd-schemas/manifests/<group>/) for the cluster suites to install.
  operator_dir="$(module_dir "github.com/prometheus-operator/prometheus-operator@$PROMETHEUS_OPERATOR_VERSION")"
  gmp_dir="$vendor_dir/$GMP_CRDS_DIR"
  if [[ ! -f "$gmp_dir/LICENSE" ]]; then
    echo "tools.sh: no $GMP_CRDS_DIR in $vendor_dir (set BALENA_VENDOR_DIR): the GMP CRDs come from there" >&2
    exit 1
  fi
  convert monitoring.coreos.com "$operator_dir"/example/prometheus-operator-crd/monitoring.coreos.com_{servicemonitors,podmonitors,prometheusrules}.yaml
  convert monitoring.googleapis.com "$gmp_dir"/monitoring.googleapis.com_{podmonitorings,clusterpodmonitorings,rules,clusterrules,globalrules}.yaml
  mkdir -p "$scratch/manifests/monitoring.coreos.com" "$scratch/manifests/monitoring.googleapis.com"
  cp "$operator_dir"/example/prometheus-operator-crd/monitoring.coreos.com_*.yaml "$scratch/manifests/monitoring.coreos.com/"
  cp "$operator_dir/LICENSE" "$scratch/manifests/monitoring.coreos.com/"
  cp "$gmp_dir"/monitoring.googleapis.com_*.yaml "$gmp_dir/LICENSE" "$scratch/manifests/monitoring.googleapis.com/"
  chmod -R u+w "$scratch/manifests"
  echo "$crd_stamp" >"$scratch/.done"
  rm -rf "$crd_out"
  mv "$scratch" "$crd_out"
fi

progress=""
if [[ "$(wc -w <<<"$steps_done")" -ne "$steps_total" ]]; then
  echo "tools.sh: the $profile list names steps this script never reached: $(for s in $steps; do [[ "$steps_done" == *" $s "* ]] || printf '%s ' "$s"; done)" >&2
  exit 1
fi
log "ready ($profile: $steps_total steps): $bin"
