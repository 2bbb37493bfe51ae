import type * as k8s from '@kubernetes/client-node';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse, stringify } from 'yaml';
import { clients, clusterCa, clusterHelm, createUserSecrets, deleteNamespace, mustHelm, releaseManifests, restrictedNamespace, waitFor, waitForWorkloads } from '../test/support/cluster.js';
import { runAdminHookAhead } from '../test/support/hooks.js';
import { freePort } from '../test/support/ports.js';
import { startAlertmanager, startPrometheus, type RunningPrometheus } from '../test/support/prometheus.js';
import { parseManifests, ROOT, run, template, type Manifest } from '../test/support/tools.js';

/**
 * The real Prometheus with the chart's rendered prometheus.yml and alert
 * rules, and the real Alertmanager with its rendered alertmanager.yml, against
 * the local control plane, with the release installed from production values.
 * Changed from the render, and only these: the in-cluster connection settings
 * (the API server's address, its CA and a token of the chart's own Prometheus
 * ServiceAccount in place of the pod's mounted ones; the Alertmanager address;
 * the webhook's URL file) and the timings (intervals, group_wait, and
 * PrometheusTargetDown's `for`), so the test takes seconds, not minutes.
 */

type Json = Record<string, unknown>;
const namespace = 'balena-prometheus';
const production = path.join(ROOT, 'environments/production.yaml');
const MOUNTED_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
const MOUNTED_CA = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';
const ONCALL_URL_FILE = '/etc/alertmanager/secrets/balena-alertmanager-oncall/url';

const real = suite('cluster: the chart\'s Prometheus and Alertmanager configuration, run for real against the API server');
let scratch = '';
let manifests: Manifest[] = [];
let prometheus: RunningPrometheus | undefined;
let alertmanager: RunningPrometheus | undefined;
let webhook: Server | undefined;
const delivered: Json[] = [];
let token = '';
let apiServer = '';

const file = (name: string, text: string) => {
  const target = path.join(scratch, name);
  writeFileSync(target, text);
  return target;
};
function configMapData(name: string, key: string): string {
  const found = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === name);
  const text = (found?.data as Record<string, string> | undefined)?.[key];
  if (text === undefined) throw new Error(`no ${key} in ConfigMap ${name}`);
  return text;
}
function secretString(name: string, key: string): string {
  const found = manifests.find((m) => m.kind === 'Secret' && m.metadata.name === name);
  const text = (found?.stringData as Record<string, string> | undefined)?.[key];
  if (text === undefined) throw new Error(`no ${key} in Secret ${name}`);
  return text;
}

/** prometheus.yml with only the connection settings and timings replaced (see above). */
function localPrometheusConfig(rendered: string, files: { ca: string; token: string; rules: string }, alertmanagerAddress: string): string {
  const config = parse(rendered.replaceAll(MOUNTED_TOKEN, files.token).replaceAll(MOUNTED_CA, files.ca)) as Json;
  config.global = { ...(config.global as Json), scrape_interval: '5s', evaluation_interval: '5s' };
  config.rule_files = [files.rules];
  config.alerting = { alertmanagers: [{ static_configs: [{ targets: [alertmanagerAddress] }] }] };
  for (const job of config.scrape_configs as Json[]) {
    for (const sd of (job.kubernetes_sd_configs as Json[] | undefined) ?? []) {
      Object.assign(sd, { api_server: apiServer, tls_config: { ca_file: files.ca }, authorization: { credentials_file: files.token } });
    }
  }
  return stringify(config);
}

interface Target {
  labels: Record<string, string>;
  scrapePool: string;
  health: string;
  lastError: string;
}
async function targets(): Promise<{ active: Target[]; dropped: number }> {
  const body = (await (await fetch(`${prometheus!.url}/api/v1/targets?state=any`)).json()) as { data: { activeTargets: Target[]; droppedTargets: unknown[] } };
  return { active: body.data.activeTargets, dropped: body.data.droppedTargets.length };
}
const pool = (all: Target[], name: string) => all.filter((t) => t.scrapePool === name);

real.before(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'balena-prometheus-cluster-'));
  await restrictedNamespace(namespace);
  const values = parse(readFileSync(production, 'utf8')) as Json;
  await createUserSecrets(namespace, values);
  await runAdminHookAhead(namespace, parseManifests(template('umbrella', { namespace, valuesFiles: [production] })));
  mustHelm(['install', 'balena', path.join(ROOT, 'charts/umbrella'), '--namespace', namespace, '--values', production, '--wait', '--timeout', '5m']);
  await waitForWorkloads(namespace);
  manifests = releaseManifests('balena', namespace);

  const { core, config } = clients();
  apiServer = config.getCurrentCluster()!.server;
  token = (await core.createNamespacedServiceAccountToken({ name: 'balena-monitoring-prometheus', namespace, body: { spec: { audiences: [], expirationSeconds: 3600 } } })).status!.token;
  const ca = file('ca.crt', clusterCa().toString());
  const tokenFile = file('token', token);

  const hookPort = await freePort();
  webhook = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString(); });
    request.on('end', () => {
      delivered.push(JSON.parse(body) as Json);
      response.end();
    });
  });
  await new Promise<void>((resolve) => webhook!.listen(hookPort, '127.0.0.1', resolve));
  const urlFile = file('oncall-url', `http://127.0.0.1:${hookPort}/oncall\n`);
  const alertmanagerConfig = parse(secretString('balena-monitoring-alertmanager', 'alertmanager.yml').replaceAll(ONCALL_URL_FILE, urlFile)) as Json;
  alertmanagerConfig.route = { ...(alertmanagerConfig.route as Json), group_wait: '1s', group_interval: '5s' };
  alertmanager = await startAlertmanager(file('alertmanager.yml', stringify(alertmanagerConfig)));

  const rules = parse(configMapData('balena-monitoring-prometheus-rules', 'alerts.yml')) as { groups: Array<{ rules: Json[] }> };
  const targetDown = rules.groups.flatMap((g) => g.rules).find((r) => r.alert === 'PrometheusTargetDown');
  assert.ok(targetDown, 'the chart has the PrometheusTargetDown rule');
  targetDown!.for = '0s';
  const rulesFile = file('alerts.yml', stringify(rules));
  const configFile = file('prometheus.yml', localPrometheusConfig(configMapData('balena-monitoring-prometheus', 'prometheus.yml'), { ca, token: tokenFile, rules: rulesFile }, new URL(alertmanager.url).host));
  prometheus = await startPrometheus(configFile);
});

real.after(async () => {
  await prometheus?.stop();
  await alertmanager?.stop();
  await new Promise<void>((resolve) => (webhook ? webhook.close(() => resolve()) : resolve()));
  clusterHelm(['uninstall', 'balena', '--namespace', namespace, '--wait']);
  await deleteNamespace(namespace);
  rmSync(scratch, { recursive: true, force: true });
});

real('discovery finds the API server, the three nodes and the release\'s annotated pods, and logs no discovery or permission error', async () => {
  const nodes = (await clients().core.listNode()).items.length;
  const apiPods = (await clients().core.listNamespacedPod({ namespace, labelSelector: 'app.kubernetes.io/name=api' })).items.map((pod) => pod.metadata!.name!).sort();
  // Pod discovery covers the whole cluster, where suites running beside this one have annotated pods of their own: the release's are those its relabelling put in this namespace.
  const ours = (all: Target[]) => pool(all, 'kubernetes-pods').filter((t) => t.labels.namespace === namespace);
  let found = { active: [] as Target[], dropped: 0 };
  await waitFor('the scrape pools to fill', async () => {
    found = await targets();
    return pool(found.active, 'kubernetes-apiservers').length === 1 && pool(found.active, 'kubelet').length === nodes && ours(found.active).length === apiPods.length;
  }, 60_000).catch(() => assert.unreachable(`targets: ${found.active.map((t) => `${t.scrapePool} ${t.labels.instance}`).join(', ')}\n${prometheus!.log()}`));
  assert.ok(nodes >= 3, `${nodes} nodes`);
  for (const job of ['kubelet', 'cadvisor', 'kubelet-probes']) assert.is(pool(found.active, job).length, nodes, job);
  // Each annotated pod is labelled with its namespace and name; here, exactly the release's api pods.
  for (const target of pool(found.active, 'kubernetes-pods')) assert.ok(target.labels.namespace && target.labels.pod, JSON.stringify(target.labels));
  assert.equal(ours(found.active).map((t) => t.labels.pod).sort(), apiPods);
  // Everything else the pod and endpoint-slice roles saw was dropped by the keep rules: discovery read them.
  assert.ok(found.dropped > 0, 'no target was dropped by relabelling');
  const problems = prometheus!.log().split('\n').filter((line) => /forbidden|Failed to watch|failed to list|Unauthorized|level=(ERROR|error).*(discovery|kubernetes)/i.test(line));
  assert.equal(problems, []);
});

real('the API server target is up, scraped with the Prometheus ServiceAccount\'s token', async () => {
  let apiserver: Target | undefined;
  await waitFor('the API server target to be scraped', async () => {
    apiserver = pool((await targets()).active, 'kubernetes-apiservers')[0];
    return apiserver?.health === 'up';
  }, 60_000).catch(() => assert.unreachable(`API server target: ${JSON.stringify(apiserver)}`));
  assert.match(apiserver!.labels.instance ?? '', new RegExp(`:${new URL(apiServer).port}$`));
  const summary = new Map<string, string[]>();
  for (const target of (await targets()).active) summary.set(target.scrapePool, [...(summary.get(target.scrapePool) ?? []), target.health]);
  console.log(`\n    targets: ${[...summary].map(([name, health]) => `${name} ${health.length} (${health.filter((h) => h === 'up').length} up)`).join(', ')}`);
  // The scrape stored the API server's own series under the job's labels.
  let stored: unknown[] = [];
  await waitFor('the API server\'s series', async () => {
    const series = await prometheus!.api('query', 'count by (job) ({job="kubernetes-apiservers", __name__=~"apiserver_.+"})');
    stored = (series.data as { result?: unknown[] } | undefined)?.result ?? [];
    return stored.length === 1;
  }, 30_000).catch(() => assert.unreachable(`no apiserver_* series: ${JSON.stringify(stored)}`));
});

real('the ServiceAccount may do nothing else: it reads no Secret, lists no ConfigMap or Deployment, creates no pod', async () => {
  // Node's fetch takes no CA file; curl does.
  const status = (method: string, url: string) => {
    const result = run('curl', ['--silent', '--output', '/dev/null', '--write-out', '%{http_code}', '--cacert', path.join(scratch, 'ca.crt'), '--header', `Authorization: Bearer ${token}`, '--request', method, `${apiServer}${url}`]);
    return Number(result.stdout);
  };
  assert.is(status('GET', `/api/v1/namespaces/${namespace}/secrets`), 403, 'list Secrets');
  assert.is(status('GET', `/api/v1/namespaces/${namespace}/configmaps`), 403, 'list ConfigMaps');
  assert.is(status('GET', `/apis/apps/v1/namespaces/${namespace}/deployments`), 403, 'list Deployments');
  assert.is(status('POST', `/api/v1/namespaces/${namespace}/pods`), 403, 'create a pod');
  assert.is(status('GET', '/api/v1/pods'), 200, 'list pods (discovery)');
});

real('an alert fired by the chart\'s rules reaches a webhook on loopback through the chart\'s Alertmanager route and receiver', async () => {
  await waitFor('a webhook delivery of PrometheusTargetDown', async () =>
    delivered.some((d) => ((d.alerts as Array<{ labels: Record<string, string> }>) ?? []).some((a) => a.labels.alertname === 'PrometheusTargetDown')), 90_000)
    .catch(() => assert.unreachable(`delivered: ${JSON.stringify(delivered).slice(0, 2000)}\n${alertmanager!.log().slice(-2000)}`));
  const message = delivered.find((d) => ((d.alerts as Array<{ labels: Record<string, string> }>) ?? []).some((a) => a.labels.alertname === 'PrometheusTargetDown'))!;
  assert.is(message.receiver, 'oncall');
  assert.is(message.status, 'firing');
  assert.is((message.groupLabels as Json).alertname, 'PrometheusTargetDown', 'grouped by the route\'s group_by');
});

real('the check can fail: with pods taken out of the ClusterRole, a second Prometheus logs the refusal', async () => {
  const { objects } = clients();
  const name = `balena-monitoring-prometheus-${namespace}`; // cluster-wide names carry the namespace
  const role = (await objects.read({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name } })) as k8s.V1ClusterRole;
  const narrowed = structuredClone(role);
  for (const rule of narrowed.rules ?? []) if (rule.resources) rule.resources = rule.resources.filter((r) => r !== 'pods');
  await objects.replace(narrowed);
  const second = await startPrometheus(path.join(scratch, 'prometheus.yml'));
  try {
    let refused: string[] = [];
    await waitFor('the refusal in the log', async () => {
      refused = second.log().split('\n').filter((line) => /pods is forbidden/.test(line));
      return refused.length > 0;
    }, 30_000).catch(() => assert.unreachable(second.log().slice(-3000)));
    assert.match(refused[0]!, 'system:serviceaccount:balena-prometheus:balena-monitoring-prometheus');
  } finally {
    await second.stop();
    const current = await objects.read({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name } });
    await objects.replace({ ...role, metadata: { ...role.metadata, resourceVersion: current.metadata?.resourceVersion } });
  }
});

real.run();
