#!/usr/bin/env bash
# Installs every external tool the project needs into a versioned cache outside
# the checkout, so fresh clones (CI) reuse what an earlier run built.
#
#   scripts/tools.sh               install what is missing, print each step
#   scripts/tools.sh --print-bin   print the bin folder (installs nothing)
#   scripts/tools.sh --print-dir   print the tools folder (installs nothing)
#
# BALENA_TOOLS_DIR overrides the folder. Everything comes from the package
# registries through go install / pip; nothing is downloaded at test time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"

pins_hash="$(cat "$here/versions.env" "$here"/go/*/go.mod | sha256sum | cut -c1-12)"
tools_dir="${BALENA_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/balena-charts/tools-$pins_hash}"
bin="$tools_dir/bin"

case "${1:-}" in
  --print-bin) echo "$bin"; exit 0 ;;
  --print-dir) echo "$tools_dir"; exit 0 ;;
  "") ;;
  *) echo "tools.sh: unknown argument '$1' (expected --print-bin or --print-dir)" >&2; exit 2 ;;
esac

log() { printf '[tools] %s\n' "$*" >&2; }
mkdir -p "$bin"
export GOFLAGS="${GOFLAGS:-} -trimpath"

# go_tool NAME MODULE_PATH VERSION: go install into a scratch GOBIN, then move the
# binary into place under NAME, so two versions of one tool (helm 3 and 4) coexist.
go_tool() {
  local name="$1" pkg="$2" version="$3" stamp="$bin/.$1.version"
  if [[ -x "$bin/$name" && "$(cat "$stamp" 2>/dev/null)" == "$pkg@$version" ]]; then
    log "$name $version: present"
    return
  fi
  log "$name $version: go install $pkg@$version"
  local scratch
  scratch="$(mktemp -d)"
  GOBIN="$scratch" go install "$pkg@$version"
  mv "$scratch/$(basename "$pkg")" "$bin/$name"
  rm -rf "$scratch"
  echo "$pkg@$version" >"$stamp"
}

go_tool helm helm.sh/helm/v4/cmd/helm "$HELM_VERSION"
go_tool helm3 helm.sh/helm/v3/cmd/helm "$HELM3_VERSION"

# chart-testing: `go install ct@version` stops on a module-list lookup the Go
# proxy refuses, so it is built from a small module of ours that pins it.
ct_module="$here/go/ct"
if ! grep -qE "github.com/helm/chart-testing/v3 $CT_VERSION( |$)" "$ct_module/go.mod"; then
  echo "tools.sh: $ct_module/go.mod does not require chart-testing $CT_VERSION (versions.env); run: cd $ct_module && go get -tool github.com/helm/chart-testing/v3/ct@$CT_VERSION" >&2
  exit 1
fi
if [[ -x "$bin/ct" && "$(cat "$bin/.ct.version" 2>/dev/null)" == "$CT_VERSION" ]]; then
  log "ct $CT_VERSION: present"
else
  log "ct $CT_VERSION: go build from scripts/go/ct"
  (cd "$ct_module" && go build -o "$bin/ct" github.com/helm/chart-testing/v3/ct)
  echo "$CT_VERSION" >"$bin/.ct.version"
fi
go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"
go_tool kube-score github.com/zegl/kube-score/cmd/kube-score "$KUBE_SCORE_VERSION"

# chart-testing's own lint config and Chart.yaml schema ship in its module;
# copy them so ct never looks for them on the network or in $HOME.
ct_etc="$tools_dir/ct"
if [[ ! -f "$ct_etc/chart_schema.yaml" ]]; then
  log "ct config: copying chart_schema.yaml and lintconf.yaml from the $CT_VERSION module"
  ct_dir="$(go mod download -json "github.com/helm/chart-testing/v3@$CT_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
  mkdir -p "$ct_etc"
  cp "$ct_dir/etc/chart_schema.yaml" "$ct_dir/etc/lintconf.yaml" "$ct_etc/"
else
  log "ct config: present"
fi

venv="$tools_dir/venv"
py_pins="yamllint==$YAMLLINT_VERSION yamale==$YAMALE_VERSION pyyaml==$PYYAML_VERSION jsonref==$JSONREF_VERSION click==$CLICK_VERSION colorama==$COLORAMA_VERSION"
if [[ "$(cat "$venv/.pins" 2>/dev/null)" != "$py_pins openapi2jsonschema==$OPENAPI2JSONSCHEMA_VERSION" ]]; then
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

# Kubernetes JSON schemas for kubeconform, one folder per supported minor.
mkdir -p "$tools_dir/k8s-schemas"
for k8s in "$K8S_OLDEST_VERSION" "$K8S_NEWEST_VERSION"; do
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

log "ready: $bin"
