/**
 * Google Cloud Managed Service for Prometheus sets `namespace` on every series
 * a PodMonitoring scrapes to the PodMonitoring's own, and keeps the one the
 * exporter reported as `exported_namespace`. kube-state-metrics reports the
 * namespace of the object it describes, so on GMP its series (kube_*) carry
 * that in exported_namespace; kubelet and cAdvisor series, scraped per node by
 * the cluster's OperatorConfig, keep theirs in `namespace`.
 */
const KUBE_STATE_METRIC = /(?<![A-Za-z0-9_:])kube_[a-z0-9_]+/;
// The label name, not the dashboard variable ($namespace) nor a longer name.
const NAMESPACE_LABEL = /(?<![A-Za-z0-9_$])namespace(?![A-Za-z0-9_])/g;

/** Whether a query reads kube-state-metrics. */
export function readsKubeStateMetrics(expr: string): boolean {
  return KUBE_STATE_METRIC.test(expr);
}

/** A query or legend over kube-state-metrics, with the namespace read as GMP stores it. */
export function withExportedNamespace(text: string): string {
  return text.replace(NAMESPACE_LABEL, 'exported_namespace');
}
