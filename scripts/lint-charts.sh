#!/usr/bin/env bash
# The main job (npm run lint:charts): regenerate the charts from their schemas,
# then lint and render each — with its defaults and with every ci/*-values.yaml
# case — with the real Helm, and check the result against the Kubernetes API
# schemas of the oldest and newest supported Kubernetes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/tools.sh --start
tools_dir="$(bash scripts/tools.sh --print-dir)"
bin="$tools_dir/bin"
# shellcheck source=versions.env
source scripts/versions.env
# Charts that cannot render without values (the backup bucket has no default).
needs_values=" backup "

echo "== generate"
npx tsx generator/src/cli.ts generate

for chart_yaml in charts/*/Chart.yaml; do
  chart="$(dirname "$chart_yaml")"
  name="$(basename "$chart")"
  cases=()
  [[ "$needs_values" == *" $name "* ]] || cases+=("")
  for file in "$chart"/ci/*-values.yaml; do [[ -e "$file" ]] && cases+=("$file"); done
  for values in "${cases[@]}"; do
    label="${values:-defaults}"
    echo "== $chart ($label): helm lint --strict"
    "$bin/helm" lint --strict "$chart" ${values:+--values "$values"}
    for version in "$K8S_OLDEST_VERSION" "$K8S_NEWEST_VERSION"; do
      echo "== $chart ($label): helm template | kubeconform -strict (Kubernetes $version)"
      "$bin/helm" template balena "$chart" --kube-version "$version" ${values:+--values "$values"} |
        "$bin/kubeconform" -strict -summary -kubernetes-version "${version#v}" \
          -schema-location "$tools_dir/k8s-schemas/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json" \
          -schema-location "$tools_dir/crd-schemas/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json" -
    done
  done
done
echo "== all charts lint and render"
