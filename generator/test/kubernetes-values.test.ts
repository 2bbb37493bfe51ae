import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { stringify } from 'yaml';
import { memoize, parseManifests, templateResult, type Manifest } from './support/tools.js';

/**
 * Values that are Kubernetes types are checked by Helm against Kubernetes'
 * own definitions (bundled into values.schema.json), on every workload of
 * every chart, so a mistake stops `helm install` before anything reaches the
 * API server. Each case goes through the umbrella, where a value has to pass
 * both the umbrella's schema and its chart's.
 */

/** A workload's values, where the umbrella has them. */
const WORKLOADS: { name: string; at: string[] }[] = [
  { name: 'api', at: ['api'] },
  { name: 'ui', at: ['ui'] },
  { name: 'prometheus', at: ['monitoring', 'prometheus'] },
  { name: 'grafana', at: ['monitoring', 'grafana'] },
  { name: 'backup', at: ['backup'] },
];

interface Case {
  values: Record<string, unknown>;
  /** The value's path under the workload, as Helm's error names it (JSON pointer). */
  at: string;
  because: string;
}

const refused: Case[] = [
  { values: { securityContext: { runAsUser: 'root' } }, at: '/securityContext/runAsUser', because: 'a user name where Kubernetes wants a number' },
  { values: { podSecurityContext: { fsGroup: '1000' } }, at: '/podSecurityContext/fsGroup', because: 'a string where Kubernetes wants a number' },
  { values: { resources: { requests: { memory: 'lots' } } }, at: '/resources/requests/memory', because: 'not a Kubernetes quantity' },
  { values: { resources: { limits: { cpu: '500 m' } } }, at: '/resources/limits/cpu', because: 'a quantity with a space' },
  { values: { tolerations: [{ key: 'pool', efect: 'NoSchedule' }] }, at: '/tolerations/0', because: 'a misspelt Toleration field' },
  { values: { env: [{ value: 'x' }] }, at: '/env/0', because: 'an EnvVar without its name' },
  { values: { extraVolumes: [{ name: 'x', secret: { secretName: 7 } }] }, at: '/extraVolumes/0/secret/secretName', because: 'a Secret volume named by a number' },
  { values: { affinity: { nodeAffinity: { required: {} } } }, at: '/affinity/nodeAffinity', because: 'an Affinity field that does not exist' },
  { values: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone' }] }, at: '/topologySpreadConstraints/0', because: 'a constraint without whenUnsatisfiable' },
  { values: { sidecars: [{ name: 'x', image: 'busybox', securityContext: { privileged: true } }] }, at: '/sidecars/0/securityContext/privileged', because: 'a privileged sidecar' },
  { values: { initContainers: [{ name: 'x', image: 'busybox', securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }] }, at: '/initContainers/0/securityContext/capabilities/add/0', because: 'an init container adding a capability the restricted standard forbids' },
  { values: { sidecars: [{ name: 'x', image: 'busybox', ports: [{ containerPort: 80, hostPort: 80 }] }] }, at: '/sidecars/0/ports/0/hostPort', because: 'a host port' },
];

const accepted: { values: Record<string, unknown>; shows: (pod: PodSpec) => boolean; because: string }[] = [
  { values: { resources: { requests: { cpu: 0.25, memory: '1.5Gi', 'ephemeral-storage': '1e9' }, limits: { cpu: '1', memory: '2Gi', 'ephemeral-storage': '2Gi' } } }, shows: (pod) => pod.containers.some((c) => c.resources?.requests?.memory === '1.5Gi'), because: 'numbers, decimals and exponents are quantities too' },
  { values: { tolerations: [{ key: 'pool', operator: 'Equal', value: 'batch', effect: 'NoSchedule' }] }, shows: (pod) => pod.tolerations?.[0]?.value === 'batch', because: 'a Toleration as Kubernetes writes it' },
  { values: { sidecars: [{ name: 'log-shipper', image: 'busybox', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } }] }, shows: (pod) => pod.containers.some((c) => c.name === 'log-shipper'), because: 'a sidecar within the restricted standard' },
];

interface Container {
  name: string;
  resources?: { requests?: Record<string, unknown> };
}
interface PodSpec {
  containers: Container[];
  tolerations?: { value?: string }[];
}

/** The umbrella's values with the backup chart switched on, so its jobs render too. */
const BASE = { backup: { enabled: true, gcs: { bucket: 'balena-backups' }, database: { existingSecret: 'balena-database' } } };

/** A values file with `values` under each of `workloads` (the backup chart switched on). */
function valuesFile(workloads: readonly (typeof WORKLOADS)[number][], values: Record<string, unknown>): string {
  const nested = workloads.reduce<Record<string, unknown>>((merged, workload) => deepMerge(merged, workload.at.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), values)), BASE);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'k8s-values-')), 'values.yaml');
  writeFileSync(file, stringify(nested));
  return file;
}

/**
 * One render per case (and Helm), with the case's value under every workload
 * it is tested on: Helm reports each value its schema refuses, so each
 * workload's test finds its own value named there (a workload that took the
 * value would be missing from the report); an accepted value must reach
 * each workload's own pods.
 */
const acceptedRender = memoize((c: (typeof accepted)[number]) => templateResult('umbrella', { valuesFiles: [valuesFile(WORKLOADS, c.values)], kubeVersion: 'v1.37.2' }));

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    out[key] = isRecord(under) && isRecord(value) ? deepMerge(under, value) : value;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The pod specs of the workload's own objects (Deployment, StatefulSet or CronJob named after it). */
function podsOf(manifests: Manifest[], workload: string): PodSpec[] {
  return manifests.flatMap((m) => {
    const spec = m.spec as { template?: { spec: PodSpec }; jobTemplate?: { spec: { template: { spec: PodSpec } } } } | undefined;
    const pod = spec?.template?.spec ?? spec?.jobTemplate?.spec.template.spec;
    const named = m.metadata.name.endsWith(`-${workload}`) || m.metadata.name.includes(`-${workload}-`);
    return pod !== undefined && named && m.kind !== 'Job' ? [pod] : [];
  });
}

for (const binary of ['helm', 'helm3'] as const) {
  const refuses = suite(`${binary}: Kubernetes-typed values are refused where Kubernetes would refuse them, naming the value`);
  // Helm 3 reads the same schema with the same library: one workload shows it, every workload is shown under Helm 4.
  const workloads = binary === 'helm' ? WORKLOADS : WORKLOADS.slice(0, 1);
  const render = memoize((c: Case) => templateResult('umbrella', { valuesFiles: [valuesFile(workloads, c.values)], binary, kubeVersion: 'v1.37.2' }));
  for (const workload of workloads) {
    for (const c of refused) {
      refuses(`${workload.name}: ${c.because}`, () => {
        const result = render(c);
        assert.is.not(result.code, 0, `${binary} accepted ${JSON.stringify(c.values)} for ${workload.name}`);
        const pointer = `/${workload.at.join('/')}${c.at}`;
        assert.ok(result.stderr.includes(`'${pointer}`) || result.stderr.includes(`'${c.at}`), `expected the value path ${pointer} in:\n${result.stderr}`);
      });
    }
  }
  refuses.run();
}

const accepts = suite('Kubernetes-typed values Kubernetes accepts pass the schema and reach the workload\'s pods');
for (const workload of WORKLOADS) {
  for (const c of accepted) {
    accepts(`${workload.name}: ${c.because}`, () => {
      const result = acceptedRender(c);
      assert.is(result.code, 0, result.stderr);
      const pods = podsOf(parseManifests(result.stdout), workload.name);
      assert.ok(pods.length > 0, `no pod of ${workload.name} rendered`);
      assert.ok(pods.every(c.shows), `the value did not reach every pod of ${workload.name}`);
    });
  }
}
accepts.run();
