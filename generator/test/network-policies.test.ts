import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { stringify } from 'yaml';
import { parseManifests, run, template, tool } from './support/tools.js';

const NAMESPACE = 'web';
const CLUSTER_SCOPED = new Set(['ClusterRole', 'ClusterRoleBinding', 'ClusterIssuer', 'Namespace']);

/** The world around the release: its namespace, the ingress controller, and a stranger in another namespace. */
const world = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE, labels: { 'kubernetes.io/metadata.name': NAMESPACE } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ingress-nginx', labels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'elsewhere', labels: { 'kubernetes.io/metadata.name': 'elsewhere' } } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'controller', namespace: 'ingress-nginx', labels: { app: 'ingress-nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stranger', namespace: 'elsewhere', labels: { app: 'stranger' } }, spec: { containers: [{ name: 'sh', image: 'busybox' }] } },
];

interface Connection { src: string; dst: string; conn: string }

/**
 * Renders ui, api, monitoring and ingress as one release in namespace `web`
 * (as `helm install -n web` would place them) and asks np-guard's
 * netpol-analyzer which connections the NetworkPolicies allow.
 */
function connectivity(set: Record<string, string[]> = {}): Connection[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-netpol-'));
  try {
    for (const chart of ['ui', 'api', 'monitoring', 'ingress']) {
      const manifests = parseManifests(template(chart, { namespace: NAMESPACE, set: set[chart] ?? [] })).map((m) => {
        if (!CLUSTER_SCOPED.has(m.kind)) m.metadata.namespace = NAMESPACE;
        return m;
      });
      writeFileSync(path.join(dir, `${chart}.yaml`), manifests.map((m) => stringify(m)).join('---\n'));
    }
    writeFileSync(path.join(dir, 'world.yaml'), world.map((m) => stringify(m)).join('---\n'));
    const result = run(tool('netpolicy'), ['list', '--dirpath', dir, '-o', 'json', '-q']);
    assert.is(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as Connection[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const INTERNET = '0.0.0.0-255.255.255.255';
const workload = (name: string) => new RegExp(`^${NAMESPACE}/balena-${name}\\[(Deployment|StatefulSet)\\]$`);
const allowed = (connections: Connection[], src: string | RegExp, dst: RegExp) =>
  connections.filter((c) => (typeof src === 'string' ? c.src === src : src.test(c.src)) && dst.test(c.dst));

const matrix = suite('NetworkPolicies: who may reach whom (np-guard netpol-analyzer on the rendered release)');
let connections: Connection[];
matrix.before(() => {
  connections = connectivity();
});
matrix('the ingress controller reaches ui, api and Grafana on their HTTP ports', () => {
  assert.equal(allowed(connections, 'ingress-nginx/controller[Pod]', workload('ui')).map((c) => c.conn), ['TCP 8080']);
  assert.equal(allowed(connections, 'ingress-nginx/controller[Pod]', workload('api')).map((c) => c.conn), ['TCP 9898']);
  assert.equal(allowed(connections, 'ingress-nginx/controller[Pod]', workload('monitoring-grafana')).map((c) => c.conn), ['TCP 3000']);
});
matrix('nothing outside the namespace reaches Prometheus: not the internet, the ingress controller or another namespace', () => {
  const prometheus = workload('monitoring-prometheus');
  assert.equal(allowed(connections, INTERNET, prometheus), []);
  assert.equal(allowed(connections, 'ingress-nginx/controller[Pod]', prometheus), []);
  assert.equal(allowed(connections, 'elsewhere/stranger[Pod]', prometheus), []);
});
matrix('Grafana and the api reach Prometheus; the ui does not', () => {
  const prometheus = workload('monitoring-prometheus');
  assert.equal(allowed(connections, workload('monitoring-grafana'), prometheus).map((c) => c.conn), ['TCP 9090']);
  assert.equal(allowed(connections, workload('api'), prometheus).map((c) => c.conn), ['TCP 9090']);
  assert.equal(allowed(connections, workload('ui'), prometheus), []);
});
matrix('the internet and other namespaces reach no workload of the release directly', () => {
  for (const name of ['ui', 'api', 'monitoring-grafana', 'monitoring-alertmanager', 'monitoring-kube-state-metrics']) {
    assert.equal(allowed(connections, INTERNET, workload(name)), [], name);
    assert.equal(allowed(connections, 'elsewhere/stranger[Pod]', workload(name)), [], name);
  }
});
matrix('only Prometheus reaches Alertmanager and kube-state-metrics', () => {
  for (const name of ['monitoring-alertmanager', 'monitoring-kube-state-metrics']) {
    const sources = connections.filter((c) => workload(name).test(c.dst)).map((c) => c.src);
    assert.equal([...new Set(sources)], [`${NAMESPACE}/balena-monitoring-prometheus[StatefulSet]`], name);
  }
});
matrix('NodePort Grafana: the listed client range gets in, the rest of the internet does not', () => {
  const nodePort = connectivity({ monitoring: ['grafana.service.type=NodePort', 'networkPolicy.grafanaIpBlocks[0]=203.0.113.0/24'] });
  const grafana = workload('monitoring-grafana');
  assert.equal(nodePort.filter((c) => grafana.test(c.dst) && c.src === '203.0.113.0-203.0.113.255').map((c) => c.conn), ['TCP 3000']);
  assert.equal(allowed(nodePort, INTERNET, grafana), []);
});
matrix('GKE Gateway proxies: ipBlocks let Google front-end ranges reach the ui', () => {
  const gateway = connectivity({ ui: ['networkPolicy.ipBlocks[0]=35.191.0.0/16'] });
  assert.equal(gateway.filter((c) => workload('ui').test(c.dst) && c.src === '35.191.0.0-35.191.255.255').map((c) => c.conn), ['TCP 8080']);
});
matrix.run();


const hook = suite('NetworkPolicies: the Grafana admin hook reaches only DNS and the API server');
hook('with networkPolicy.apiServerCidrs set, its HTTPS egress goes to those addresses alone; unset, to any', () => {
  const job = /^web\/balena-monitoring-grafana-admin-init\[Job\]$/;
  const https = (found: Connection[]) => allowed(found, job, /.*/).filter((c) => /TCP [0-9,]*\b443\b/.test(c.conn)).map((c) => c.dst);
  assert.equal(https(connectivity({ monitoring: ['networkPolicy.apiServerCidrs[0]=172.16.0.0/28'] })), ['172.16.0.0-172.16.0.15']);
  assert.ok(https(connectivity()).includes(INTERNET), 'unset: any address on the API ports');
});
hook.run();
