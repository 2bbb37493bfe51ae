#!/usr/bin/env bash
# Packages every chart under charts/ and builds a chart repository index;
# with --push, pushes each package to an OCI registry.
#
#   scripts/publish.sh [--out DIR] [--url URL] [--push oci://HOST/PATH] [--plain-http]
#
# --out DIR     where the .tgz packages and index.yaml go (default: dist/charts)
# --url URL     base URL written into index.yaml (for a classic HTTP chart repo)
# --push REF    helm push each package to REF (e.g. oci://europe-docker.pkg.dev/PROJECT/charts)
# --plain-http  talk HTTP to the registry (a loopback test registry)
#
# The umbrella's subcharts are already inside charts/umbrella/charts/, so no
# `helm dependency build` is needed and nothing is fetched.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out=dist/charts url="" push="" plain_http=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --url) url="$2"; shift 2 ;;
    --push) push="$2"; shift 2 ;;
    --plain-http) plain_http=(--plain-http); shift ;;
    *) echo "publish.sh: unknown argument '$1' (see the header of scripts/publish.sh)" >&2; exit 2 ;;
  esac
done

helm="${HELM:-$(bash scripts/tools.sh --print-bin)/helm}"
mkdir -p "$out"
for chart in charts/*/Chart.yaml; do
  dir="$(dirname "$chart")"
  echo "== helm package $dir"
  "$helm" package "$dir" --destination "$out" >/dev/null
done
echo "== helm repo index $out"
"$helm" repo index "$out" ${url:+--url "$url"}

if [[ -n "$push" ]]; then
  for package in "$out"/*.tgz; do
    echo "== helm push $(basename "$package") $push"
    "$helm" push "$package" "$push" "${plain_http[@]}"
  done
fi
