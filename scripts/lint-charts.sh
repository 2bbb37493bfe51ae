#!/usr/bin/env bash
# The main job (npm run lint:charts): regenerate the charts from their schemas,
# then lint and render each with the real Helm and check the result against
# the Kubernetes API schemas.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/tools.sh
tools_dir="$(bash scripts/tools.sh --print-dir)"
bin="$tools_dir/bin"
# shellcheck source=versions.env
source scripts/versions.env

echo "== generate"
npx tsx generator/src/cli.ts generate

for chart_yaml in charts/*/Chart.yaml; do
  chart="$(dirname "$chart_yaml")"
  echo "== $chart: helm lint --strict"
  "$bin/helm" lint --strict "$chart"
  for version in "$K8S_OLDEST_VERSION" "$K8S_NEWEST_VERSION"; do
    echo "== $chart: helm template | kubeconform -strict (Kubernetes $version)"
    "$bin/helm" template balena "$chart" --kube-version "$version" |
      "$bin/kubeconform" -strict -summary -kubernetes-version "${version#v}" \
        -schema-location "$tools_dir/k8s-schemas/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
        -schema-location "$tools_dir/crd-schemas/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json" -
  done
done
