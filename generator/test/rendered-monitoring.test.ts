import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { valuesCases } from './support/cases.js';
import { findKind, parseManifests, ROOT, template, type Manifest } from './support/tools.js';

type Json = Record<string, any>; // rendered objects are checked field by field below

const ci = (file: string) => [path.join(ROOT, 'charts/monitoring/ci', file)];
const render = (valuesFiles: string[] = [], set: string[] = []) => parseManifests(template('monitoring', { valuesFiles, set }));
const named = (manifests: Manifest[], kind: string, name: string): Json => {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};
const podSpecs = (manifests: Manifest[]): [string, Json][] =>
  manifests.flatMap((m): [string, Json][] => {
    const j = m as Json;
    if (m.kind === 'Pod') return [[m.metadata.name, j.spec]];
    if (j.spec?.template?.spec) return [[`${m.kind}/${m.metadata.name}`, j.spec.template.spec]];
    return [];
  });

const prometheus = suite('monitoring: Prometheus stays internal, keeps its data, and sees the cluster');
prometheus('it is a single StatefulSet with a 20Gi claim and the configured retention', () => {
  const set = named(render(), 'StatefulSet', 'balena-monitoring-prometheus');
  assert.is(set.spec.replicas, 1);
  assert.is(set.spec.volumeClaimTemplates[0].spec.resources.requests.storage, '20Gi');
  assert.ok(set.spec.template.spec.containers[0].args.includes('--storage.tsdb.retention.time=15d'));
});
prometheus('without persistence it uses an emptyDir; global.storageClass reaches the claim', () => {
  const dev = named(render(ci('nodeport-grafana-values.yaml')), 'StatefulSet', 'balena-monitoring-prometheus');
  assert.is(dev.spec.volumeClaimTemplates, undefined);
  assert.ok(dev.spec.template.spec.volumes.some((v: Json) => v.name === 'data' && v.emptyDir));
  const prod = named(render(ci('production-values.yaml')), 'StatefulSet', 'balena-monitoring-prometheus');
  assert.is(prod.spec.volumeClaimTemplates[0].spec.storageClassName, 'premium-rwo');
});
prometheus('its Service is ClusterIP, at the address the api chart uses for METRICS_URL', () => {
  const service = named(render(), 'Service', 'balena-monitoring-prometheus');
  assert.is(service.spec.type, 'ClusterIP');
  const api = findKind(parseManifests(template('api')), 'Deployment') as Json;
  const metricsUrl = api.spec.template.spec.containers[0].env.find((e: Json) => e.name === 'METRICS_URL').value;
  assert.is(metricsUrl, `http://${service.metadata.name}.web.svc.cluster.local:${service.spec.ports[0].port}`);
});
/** Each grant of a ClusterRole as "verb group/resource" or "verb url". */
function grants(role: Json): string[] {
  return role.rules.flatMap((r: Json) => r.verbs.flatMap((verb: string) => [
    ...(r.resources ?? []).flatMap((resource: string) => (r.apiGroups as string[]).map((group) => `${verb} ${group}/${resource}`)),
    ...(r.nonResourceURLs ?? []).map((url: string) => `${verb} ${url}`),
  ])).sort();
}
// What Prometheus's service discovery lists and watches per role
// (the endpointslice role also reads the Services and pods behind a slice).
const DISCOVERY: Record<string, string[]> = { node: ['/nodes'], pod: ['/pods'], endpointslice: ['discovery.k8s.io/endpointslices', '/services', '/pods'] };
prometheus('the ClusterRole grants what the scrape jobs use, derived from the rendered configuration, and nothing more', () => {
  const manifests = render();
  const config = parse(named(manifests, 'ConfigMap', 'balena-monitoring-prometheus').data['prometheus.yml']);
  const needed = new Set<string>();
  for (const job of config.scrape_configs as Json[]) {
    for (const sd of job.kubernetes_sd_configs ?? []) for (const resource of DISCOVERY[sd.role] ?? [`unknown role ${sd.role}`]) for (const verb of ['list', 'watch']) needed.add(`${verb} ${resource}`);
    // A kubelet authorises every /metrics path as nodes/metrics; the API server its own /metrics as a URL.
    if (job.kubernetes_sd_configs?.some((sd: Json) => sd.role === 'node')) needed.add('get /nodes/metrics');
    if (job.job_name === 'kubernetes-apiservers') needed.add('get /metrics');
  }
  assert.equal(grants(named(manifests, 'ClusterRole', 'balena-monitoring-prometheus-web')), [...needed].sort());
});
prometheus('extraClusterRoleRules add to the role, for what extra scrape jobs discover', () => {
  const manifests = render([], ['prometheus.extraClusterRoleRules[0].apiGroups[0]=networking.k8s.io', 'prometheus.extraClusterRoleRules[0].resources[0]=ingresses', 'prometheus.extraClusterRoleRules[0].verbs={list,watch}']);
  const role = grants(named(manifests, 'ClusterRole', 'balena-monitoring-prometheus-web'));
  assert.ok(role.includes('list networking.k8s.io/ingresses') && role.includes('watch networking.k8s.io/ingresses'), role.join('\n'));
});
prometheus('the scrape configuration covers the API server, kubelet, cAdvisor, probes, kube-state-metrics and annotated pods', () => {
  const config = parse(named(render(), 'ConfigMap', 'balena-monitoring-prometheus').data['prometheus.yml']);
  const jobs = Object.fromEntries(config.scrape_configs.map((job: Json) => [job.job_name, job]));
  assert.equal(Object.keys(jobs).sort(), ['alertmanager', 'cadvisor', 'kube-state-metrics', 'kubelet', 'kubelet-probes', 'kubernetes-apiservers', 'kubernetes-pods', 'kubernetes-services', 'prometheus']);
  assert.is(jobs['kubelet-probes'].metrics_path, '/metrics/probes');
  assert.is(jobs.cadvisor.metrics_path, '/metrics/cadvisor');
  assert.equal(jobs['kube-state-metrics'].static_configs[0].targets, ['balena-monitoring-kube-state-metrics:8080']);
  assert.equal(config.alerting.alertmanagers[0].static_configs[0].targets, ['balena-monitoring-alertmanager:9093']);
});
prometheus.run();

const grafana = suite('monitoring: Grafana');
grafana('the admin Secret is made by a hook, so two renders are byte-identical (no rand, no lookup)', () => {
  const first = template('monitoring');
  assert.is(template('monitoring'), first);
  const hook = parseManifests(first).find((m) => m.kind === 'Job') as Json;
  assert.is(hook.metadata.annotations['helm.sh/hook'], 'pre-install,pre-upgrade');
  assert.equal(hook.spec.template.spec.containers[0].command, ['bash', '/scripts/ensure-admin-secret.sh']);
  assert.not.match(first, /admin-password: /);
});
grafana('with admin.existingSecret no hook runs and Grafana reads that Secret', () => {
  const manifests = render(ci('nodeport-grafana-values.yaml'));
  assert.not.ok(manifests.some((m) => m.kind === 'Job'));
  const env = named(manifests, 'Deployment', 'balena-monitoring-grafana').spec.template.spec.containers[0].env;
  assert.equal(env.map((e: Json) => e.valueFrom.secretKeyRef.name), ['grafana-admin', 'grafana-admin']);
});
grafana('one value sets root_url and serve_from_sub_path', () => {
  const own = named(render(), 'ConfigMap', 'balena-monitoring-grafana').data['grafana.ini'];
  assert.match(own, /root_url = %\(protocol\)s:\/\/%\(domain\)s:%\(http_port\)s\/\n/);
  assert.match(own, /serve_from_sub_path = false/);
  const sub = named(render(ci('production-values.yaml')), 'ConfigMap', 'balena-monitoring-grafana').data['grafana.ini'];
  assert.match(sub, /root_url = %\(protocol\)s:\/\/%\(domain\)s:%\(http_port\)s\/grafana\/\n/);
  assert.match(sub, /serve_from_sub_path = true/);
});
grafana('the Prometheus datasource and the dashboards are provisioned', () => {
  const manifests = render();
  const datasources = parse(named(manifests, 'ConfigMap', 'balena-monitoring-grafana').data['datasources.yaml']);
  assert.is(datasources.datasources[0].url, 'http://balena-monitoring-prometheus:9090');
  const projected = named(manifests, 'Deployment', 'balena-monitoring-grafana').spec.template.spec.volumes.find((v: Json) => v.name === 'dashboards');
  assert.is(projected.projected.sources.length, 4);
});
grafana('the Service type is configurable (NodePort)', () => {
  const service = named(render(ci('nodeport-grafana-values.yaml')), 'Service', 'balena-monitoring-grafana');
  assert.is(service.spec.type, 'NodePort');
  assert.is(service.spec.ports[0].nodePort, 30300);
});
grafana.run();

const restricted = suite('monitoring: every pod meets the restricted Pod Security Standard');
for (const c of valuesCases(['monitoring'])) {
  restricted(`monitoring (${c.name})`, () => {
    for (const [name, spec] of podSpecs(parseManifests(template('monitoring', { valuesFiles: c.valuesFiles })))) {
      assert.is(spec.securityContext.runAsNonRoot, true, name);
      assert.is(spec.securityContext.seccompProfile.type, 'RuntimeDefault', name);
      for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
        assert.is(container.securityContext.allowPrivilegeEscalation, false, `${name}/${container.name}`);
        assert.is(container.securityContext.readOnlyRootFilesystem, true, `${name}/${container.name}`);
        assert.equal(container.securityContext.capabilities.drop, ['ALL'], `${name}/${container.name}`);
        assert.ok(container.resources.requests.cpu && container.resources.limits.memory, `${name}/${container.name} resources`);
      }
    }
  });
}
restricted.run();
