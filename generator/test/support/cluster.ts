import * as k8s from '@kubernetes/client-node';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { helm, helmStateEnv, ROOT, parseManifests, run, tool, type Manifest, type RunResult } from './tools.js';

/**
 * The local control plane of scripts/cluster.sh (started by the test command
 * before the cluster suites run), and typed clients for it.
 */
let kubeconfigFile: string | undefined;
export function kubeconfig(): string {
  kubeconfigFile ??= execFileSync('bash', [path.join(ROOT, 'scripts/cluster.sh'), 'kubeconfig'], { encoding: 'utf8' }).trim();
  return kubeconfigFile;
}

export interface Clients {
  config: k8s.KubeConfig;
  core: k8s.CoreV1Api;
  apps: k8s.AppsV1Api;
  batch: k8s.BatchV1Api;
  autoscaling: k8s.AutoscalingV2Api;
  networking: k8s.NetworkingV1Api;
  policy: k8s.PolicyV1Api;
  objects: k8s.KubernetesObjectApi;
}

let clientsCache: Clients | undefined;
export function clients(): Clients {
  if (clientsCache) return clientsCache;
  const config = new k8s.KubeConfig();
  config.loadFromFile(kubeconfig());
  clientsCache = {
    config,
    core: config.makeApiClient(k8s.CoreV1Api),
    apps: config.makeApiClient(k8s.AppsV1Api),
    batch: config.makeApiClient(k8s.BatchV1Api),
    autoscaling: config.makeApiClient(k8s.AutoscalingV2Api),
    networking: config.makeApiClient(k8s.NetworkingV1Api),
    policy: config.makeApiClient(k8s.PolicyV1Api),
    objects: k8s.KubernetesObjectApi.makeApiClient(config),
  };
  return clientsCache;
}

/** The local API server's CA certificate (PEM), for clients that take a CA file. */
export function clusterCa(): Buffer {
  const cluster = clients().config.getCurrentCluster()!;
  return cluster.caData ? Buffer.from(cluster.caData, 'base64') : readFileSync(cluster.caFile!);
}

/** Helm against the local control plane, its state kept out of $HOME. */
export function clusterHelm(args: readonly string[]): RunResult {
  return helm([...args, '--kubeconfig', kubeconfig()]);
}

/**
 * clusterHelm without blocking the event loop, for when a watch has to see
 * events as they happen while Helm runs.
 */
export function clusterHelmAsync(args: readonly string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool('helm'), [...args, '--kubeconfig', kubeconfig()], { env: { ...process.env, ...helmStateEnv() } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Like clusterHelm, but throws with Helm's message when it fails. */
export function mustHelm(args: readonly string[]): string {
  const result = clusterHelm(args);
  if (result.code !== 0) throw new Error(`helm ${args.slice(0, 2).join(' ')} failed (exit ${result.code}):\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

export function kubectl(args: readonly string[], input?: string): RunResult {
  return run(tool('kubectl'), ['--kubeconfig', kubeconfig(), ...args], input === undefined ? {} : { input });
}

/** A fresh namespace that enforces the restricted Pod Security Standard. */
export async function restrictedNamespace(name: string): Promise<void> {
  const { core } = clients();
  await deleteNamespace(name);
  await core.createNamespace({
    body: {
      metadata: {
        name,
        labels: {
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
        },
      },
    },
  });
}

export async function deleteNamespace(name: string): Promise<void> {
  const { core } = clients();
  try {
    await core.deleteNamespace({ name });
  } catch (error) {
    if (statusCode(error) === 404) return;
    throw error;
  }
  await waitFor(`namespace ${name} to be gone`, async () => {
    try {
      await core.readNamespace({ name });
      return false;
    } catch (error) {
      return statusCode(error) === 404;
    }
  }, 120_000);
  await releaseVolumes();
}

/**
 * Nothing recycles volumes here: a PersistentVolume whose claim was deleted
 * stays Released. Clearing its claimRef makes it Available again, as an
 * administrator would, so later installs find volumes to bind.
 */
export async function releaseVolumes(): Promise<void> {
  const { core } = clients();
  const volumes = await core.listPersistentVolume({ labelSelector: 'balena.test/volume=true' });
  for (const volume of volumes.items) {
    if (volume.status?.phase !== 'Released') continue;
    await core.patchPersistentVolume(
      { name: volume.metadata!.name!, body: [{ op: 'remove', path: '/spec/claimRef' }] },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch),
    );
  }
}

export function statusCode(error: unknown): number | undefined {
  if (error instanceof k8s.ApiException) return error.code;
  return undefined;
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/** Reasons pods could not be created: admission refusals show up as FailedCreate events. */
export async function failedCreates(namespace: string): Promise<string[]> {
  const { core } = clients();
  const events = await core.listNamespacedEvent({ namespace });
  return events.items.filter((event) => event.reason === 'FailedCreate').map((event) => `${event.involvedObject.kind}/${event.involvedObject.name}: ${event.message}`);
}

/** The objects a release created, from `helm get manifest`. */
export function releaseManifests(release: string, namespace: string): Manifest[] {
  return parseManifests(mustHelm(['get', 'manifest', release, '--namespace', namespace]));
}

/** Waits until every Deployment and StatefulSet in the namespace has all its replicas available. */
export async function waitForWorkloads(namespace: string, timeoutMs = 180_000): Promise<void> {
  const { apps } = clients();
  let pending: string[] = [];
  try {
    await waitFor(`workloads in ${namespace}`, async () => {
      const deployments = await apps.listNamespacedDeployment({ namespace });
      const statefulSets = await apps.listNamespacedStatefulSet({ namespace });
      pending = [
        ...deployments.items
          .filter((d) => (d.status?.availableReplicas ?? 0) < (d.spec?.replicas ?? 1) || (d.status?.updatedReplicas ?? 0) < (d.spec?.replicas ?? 1))
          .map((d) => `Deployment/${d.metadata!.name} ${d.status?.availableReplicas ?? 0}/${d.spec?.replicas}`),
        ...statefulSets.items
          .filter((s) => (s.status?.availableReplicas ?? 0) < (s.spec?.replicas ?? 1))
          .map((s) => `StatefulSet/${s.metadata!.name} ${s.status?.availableReplicas ?? 0}/${s.spec?.replicas}`),
      ];
      return pending.length === 0;
    }, timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}; not available: ${pending.join(', ')}`);
  }
}

/**
 * Every namespaced object left in the namespace, as "Kind/name", except what
 * Kubernetes itself puts in every namespace (the default ServiceAccount, the
 * root CA ConfigMap) and Events.
 */
export function namespaceContents(namespace: string): string[] {
  const kinds = kubectl(['api-resources', '--verbs=list', '--namespaced', '-o', 'name']);
  if (kinds.code !== 0) throw new Error(`kubectl api-resources failed: ${kinds.stderr}`);
  const types = kinds.stdout.split('\n').filter((kind) => kind && !/^events(\.events\.k8s\.io)?$/.test(kind));
  const listed = kubectl(['get', types.join(','), '--namespace', namespace, '--ignore-not-found', '-o', 'json']);
  if (listed.code !== 0) throw new Error(`kubectl get failed: ${listed.stderr}`);
  const items = (JSON.parse(listed.stdout) as { items: Array<{ kind: string; metadata: { name: string } }> }).items;
  return items
    .map((item) => `${item.kind}/${item.metadata.name}`)
    .filter((id) => id !== 'ServiceAccount/default' && id !== 'ConfigMap/kube-root-ca.crt')
    .sort();
}

/** The value at a path of nested values (undefined where the path stops). */
export function valueAt(values: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), values);
}

/**
 * The Secrets an environment's values expect the user to have made before
 * installing (README, "Installing the product"): database URLs, the restore
 * drill's scratch database, and the credentials Alertmanager and Prometheus
 * read as files.
 */
export function userSecretNames(environment: Record<string, unknown>): string[] {
  return [...new Set([...databaseSecretNames(environment), ...fileSecretNames(environment)])];
}

function databaseSecretNames(environment: Record<string, unknown>): string[] {
  const at = (...keys: string[]): unknown => valueAt(environment, ...keys);
  const names = [
    at('global', 'databaseSecret'),
    at('api', 'database', 'existingSecret'),
    at('backup', 'database', 'existingSecret'),
    at('backup', 'drill', 'scratchSecret'),
  ];
  return names.filter((name): name is string => typeof name === 'string' && name !== '');
}

/** Secrets mounted as files for Alertmanager receivers and Prometheus remote_write (`secretFiles`). */
function fileSecretNames(environment: Record<string, unknown>): string[] {
  return ['alertmanager', 'prometheus'].flatMap((component) => {
    const names = valueAt(environment, 'monitoring', component, 'secretFiles');
    return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
  });
}

export async function createUserSecrets(namespace: string, environment: Record<string, unknown>): Promise<void> {
  const files = new Set(fileSecretNames(environment));
  for (const name of userSecretNames(environment)) {
    const stringData: Record<string, string> = files.has(name) ? { url: 'https://hooks.example.com/oncall' } : { DATABASE_URL: `postgresql://${name}@127.0.0.1:5432/balena` };
    await clients().core.createNamespacedSecret({ namespace, body: { metadata: { name }, stringData } });
  }
}

let serverVersionCache: string | undefined;
/** The API server's version (e.g. v1.37.2), for suite titles in the version matrix. */
export function serverVersion(): string {
  if (serverVersionCache) return serverVersionCache;
  const result = kubectl(['get', '--raw', '/version']);
  if (result.code !== 0) throw new Error(`reading the API server's version failed: ${result.stderr}`);
  serverVersionCache = (JSON.parse(result.stdout) as { gitVersion: string }).gitVersion;
  return serverVersionCache;
}
