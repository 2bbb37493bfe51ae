import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clusterHelm, deleteNamespace, kubectl, mustHelm, restrictedNamespace, serverVersion, waitForWorkloads } from '../test/support/cluster.js';
import { runAdminHookAhead } from '../test/support/hooks.js';
import { parseManifests, ROOT, template } from '../test/support/tools.js';

// The umbrella installed with each monitoring backend on a real API server that
// serves the Prometheus Operator's and GMP's CRDs (scripts/cluster.sh installs
// them), then switched from one backend to the next by helm upgrade. The CRD
// check stays on: these installs pass it because the API server serves them.
const namespace = 'balena-backends';
const chart = path.join(ROOT, 'charts/umbrella');
const OPERATOR_URL = 'http://kps-kube-prometheus-stack-prometheus.monitoring.svc.cluster.local:9090';
const values: Record<string, string[]> = {
  // Named, not left out: helm upgrade with no values at all reuses the last release's.
  prometheus: ['--set', 'monitoring.backend=prometheus'],
  operator: ['--set', 'monitoring.backend=operator', '--set', 'monitoring.operator.labels.release=kps',
    '--set', `global.metricsUrl=${OPERATOR_URL}`, '--set', 'global.metricsCollectorNamespace=monitoring'],
  gmp: ['--set', 'monitoring.backend=gmp', '--set', 'monitoring.gmp.projectId=balena-prod-1',
    '--set', 'monitoring.gmp.serviceAccountEmail=balena-gmp@balena-prod-1.iam.gserviceaccount.com', '--set', 'global.metricsCollectorNamespace=gmp-system'],
};
// What only one backend makes, by kubectl resource name.
const own: Record<string, string[]> = {
  prometheus: ['statefulset/balena-monitoring-prometheus', 'deployment/balena-monitoring-alertmanager', 'configmap/balena-monitoring-prometheus-rules', 'service/balena-monitoring-prometheus-headless', 'networkpolicy/balena-monitoring-prometheus'],
  operator: ['servicemonitor.monitoring.coreos.com/balena-monitoring-kube-state-metrics', 'podmonitor.monitoring.coreos.com/balena-monitoring-workloads', 'prometheusrule.monitoring.coreos.com/balena-monitoring-alerts'],
  gmp: ['podmonitoring.monitoring.googleapis.com/balena-monitoring-kube-state-metrics', 'podmonitoring.monitoring.googleapis.com/balena-monitoring-workloads', 'rules.monitoring.googleapis.com/balena-monitoring-alerts', 'deployment/balena-monitoring-gmp-frontend', 'networkpolicy/balena-monitoring-gmp-frontend'],
};
const clusterOwn = { gmp: [`clusterrules.monitoring.googleapis.com/balena-monitoring-alerts-${namespace}`] } as Record<string, string[]>;

function present(resource: string, cluster = false): boolean {
  const result = kubectl(['get', resource, ...(cluster ? [] : ['--namespace', namespace]), '--ignore-not-found', '-o', 'name']);
  if (result.code !== 0) throw new Error(`kubectl get ${resource}: ${result.stderr}`);
  return result.stdout.trim() !== '';
}
function assertBackend(backend: string): void {
  for (const [other, resources] of Object.entries(own)) {
    for (const resource of resources) assert.is(present(resource), other === backend, `${resource} ${other === backend ? 'present' : 'gone'} on ${backend}`);
  }
  for (const [other, resources] of Object.entries(clusterOwn)) {
    for (const resource of resources) assert.is(present(resource, true), other === backend, `${resource} on ${backend}`);
  }
}

const switching = suite(`cluster (Kubernetes ${serverVersion()}): monitoring.backend installs, and helm upgrade switches without leftovers`);
switching.before(async () => {
  await restrictedNamespace(namespace);
  await runAdminHookAhead(namespace, parseManifests(template('umbrella', { namespace })));
});
switching.after(async () => {
  clusterHelm(['uninstall', 'balena', '--namespace', namespace, '--wait']);
  await deleteNamespace(namespace);
});

switching('prometheus: installs with its StatefulSet, whose claim is made', async () => {
  mustHelm(['install', 'balena', chart, '--namespace', namespace, '--wait', '--timeout', '5m']);
  await waitForWorkloads(namespace);
  assertBackend('prometheus');
  assert.ok(present('persistentvolumeclaim/data-balena-monitoring-prometheus-0'));
});
switching('prometheus → operator: only the operator\'s objects remain; the Prometheus claim is kept (whenDeleted Retain)', async () => {
  mustHelm(['upgrade', 'balena', chart, '--namespace', namespace, '--reset-values', ...values.operator!, '--wait', '--timeout', '5m']);
  assertBackend('operator');
  assert.ok(present('persistentvolumeclaim/data-balena-monitoring-prometheus-0'), 'the claim stays for a switch back');
  const api = JSON.parse(kubectl(['get', 'deployment/balena-api', '--namespace', namespace, '-o', 'json']).stdout) as { spec: { template: { spec: { containers: { env?: { name: string; value?: string }[] }[] } } } };
  assert.is(api.spec.template.spec.containers[0]!.env?.find((e) => e.name === 'METRICS_URL')?.value, OPERATOR_URL, "the api queries the operator's Prometheus");
});
switching('operator → gmp: PodMonitorings, Rules, ClusterRules and the frontend; no operator object left', async () => {
  mustHelm(['upgrade', 'balena', chart, '--namespace', namespace, '--reset-values', ...values.gmp!, '--wait', '--timeout', '5m']);
  await waitForWorkloads(namespace);
  assertBackend('gmp');
});
switching('gmp → prometheus: the cluster-scoped ClusterRules go too, and Prometheus comes back on its kept claim', async () => {
  mustHelm(['upgrade', 'balena', chart, '--namespace', namespace, '--reset-values', ...values.prometheus!, '--wait', '--timeout', '5m']);
  await waitForWorkloads(namespace);
  assertBackend('prometheus');
  const claims = kubectl(['get', 'persistentvolumeclaims', '--namespace', namespace, '-o', 'name']).stdout.trim().split('\n');
  assert.equal(claims, ['persistentvolumeclaim/data-balena-monitoring-prometheus-0']);
});
switching('with prometheus.persistence.whenDeleted=Delete, a switch away deletes the claim with the StatefulSet', async () => {
  mustHelm(['upgrade', 'balena', chart, '--namespace', namespace, '--reset-values', '--set', 'monitoring.prometheus.persistence.whenDeleted=Delete', '--wait', '--timeout', '5m']);
  mustHelm(['upgrade', 'balena', chart, '--namespace', namespace, '--reset-values', ...values.operator!, '--wait', '--timeout', '5m']);
  const deadline = Date.now() + 60_000;
  while (present('persistentvolumeclaim/data-balena-monitoring-prometheus-0') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
  assert.not.ok(present('persistentvolumeclaim/data-balena-monitoring-prometheus-0'), 'the garbage collector removed the claim');
  assertBackend('operator');
});
switching.run();
