// Installs (or upgrades) the umbrella and prints what is running.
//
//   npm run deploy                          the local control plane (scripts/cluster.sh),
//                                           started if needed, with environments/dev.yaml
//   npm run deploy -- --kube-context NAME   a real cluster (kind, minikube, GKE): only the
//                                           context named, never the current one by default
//   options: --values FILE (default environments/dev.yaml), --namespace NAME (default balena)
import * as k8s from '@kubernetes/client-node';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  context?: string;
  values: string;
  namespace: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { values: 'environments/dev.yaml', namespace: 'balena' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!['--kube-context', '--values', '--namespace'].includes(flag ?? '')) throw new Error(`unknown argument '${flag}' (expected --kube-context, --values or --namespace)`);
    if (!value || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    if (flag === '--kube-context') options.context = value;
    if (flag === '--values') options.values = value;
    if (flag === '--namespace') options.namespace = value;
    i++;
  }
  return options;
}

function toolsBin(): string {
  return execFileSync('bash', [path.join(ROOT, 'scripts/tools.sh'), '--print-bin'], { encoding: 'utf8' }).trim();
}

/** The kubeconfig and context to use: the local control plane unless a context is named. */
function target(options: Options): { kubeconfig: string; context: string; local: boolean } {
  if (!options.context) {
    const kubeconfig = execFileSync('bash', [path.join(ROOT, 'scripts/cluster.sh'), 'up'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    const config = new k8s.KubeConfig();
    config.loadFromFile(kubeconfig);
    return { kubeconfig, context: config.getCurrentContext(), local: true };
  }
  const kubeconfig = process.env.KUBECONFIG?.split(path.delimiter)[0] || path.join(homedir(), '.kube/config');
  if (!existsSync(kubeconfig)) throw new Error(`no kubeconfig at ${kubeconfig} (set KUBECONFIG)`);
  const config = new k8s.KubeConfig();
  config.loadFromFile(kubeconfig);
  if (!config.getContextObject(options.context)) {
    throw new Error(`--kube-context: no context '${options.context}' in ${kubeconfig} (have: ${config.getContexts().map((c) => c.name).join(', ')})`);
  }
  return { kubeconfig, context: options.context, local: false };
}

async function ensureNamespace(config: k8s.KubeConfig, name: string): Promise<void> {
  const core = config.makeApiClient(k8s.CoreV1Api);
  try {
    await core.readNamespace({ name });
  } catch {
    // New namespaces enforce the restricted Pod Security Standard the charts are built for.
    await core.createNamespace({ body: { metadata: { name, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } } });
    console.log(`created namespace ${name} (pod-security.kubernetes.io/enforce=restricted)`);
  }
}

export interface StatusRow {
  kind: string;
  name: string;
  state: string;
  detail: string;
}

/** The status table, aligned for a terminal. */
export function formatStatus(rows: readonly StatusRow[]): string {
  const header: StatusRow = { kind: 'KIND', name: 'NAME', state: 'STATE', detail: 'DETAIL' };
  const all = [header, ...rows];
  const width = (key: keyof StatusRow) => Math.max(...all.map((row) => row[key].length));
  return all.map((row) => [row.kind.padEnd(width('kind')), row.name.padEnd(width('name')), row.state.padEnd(width('state')), row.detail].join('  ').trimEnd()).join('\n');
}

async function status(config: k8s.KubeConfig, namespace: string): Promise<StatusRow[]> {
  const apps = config.makeApiClient(k8s.AppsV1Api);
  const core = config.makeApiClient(k8s.CoreV1Api);
  const autoscaling = config.makeApiClient(k8s.AutoscalingV2Api);
  const batch = config.makeApiClient(k8s.BatchV1Api);
  const release = 'app.kubernetes.io/instance=balena';
  const rows: StatusRow[] = [];
  for (const d of (await apps.listNamespacedDeployment({ namespace, labelSelector: release })).items) {
    rows.push({ kind: 'Deployment', name: d.metadata!.name!, state: `${d.status?.availableReplicas ?? 0}/${d.spec?.replicas ?? 0} available`, detail: d.spec?.template.spec?.containers.map((c) => c.image).join(', ') ?? '' });
  }
  for (const s of (await apps.listNamespacedStatefulSet({ namespace, labelSelector: release })).items) {
    rows.push({ kind: 'StatefulSet', name: s.metadata!.name!, state: `${s.status?.availableReplicas ?? 0}/${s.spec?.replicas ?? 0} available`, detail: s.spec?.template.spec?.containers.map((c) => c.image).join(', ') ?? '' });
  }
  for (const h of (await autoscaling.listNamespacedHorizontalPodAutoscaler({ namespace, labelSelector: release })).items) {
    rows.push({ kind: 'HPA', name: h.metadata!.name!, state: `${h.status?.currentReplicas ?? 0} replicas`, detail: `${h.spec?.minReplicas ?? 1}–${h.spec?.maxReplicas} replicas` });
  }
  for (const c of (await batch.listNamespacedCronJob({ namespace, labelSelector: release })).items) {
    rows.push({ kind: 'CronJob', name: c.metadata!.name!, state: c.spec?.suspend ? 'suspended' : 'scheduled', detail: `schedule ${c.spec?.schedule}${c.status?.lastSuccessfulTime ? `, last success ${c.status.lastSuccessfulTime.toISOString()}` : ''}` });
  }
  for (const s of (await core.listNamespacedService({ namespace, labelSelector: release })).items) {
    const ports = s.spec?.ports?.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(', ') ?? '';
    rows.push({ kind: 'Service', name: s.metadata!.name!, state: s.spec?.type ?? 'ClusterIP', detail: `${s.spec?.clusterIP ?? ''} ${ports}`.trim() });
  }
  return rows;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const values = path.resolve(ROOT, options.values);
  if (!existsSync(values)) throw new Error(`--values: no file ${options.values}`);
  const { kubeconfig, context, local } = target(options);
  console.log(local ? `installing into the local control plane (${kubeconfig})` : `installing into context '${context}' of ${kubeconfig}`);
  const config = new k8s.KubeConfig();
  config.loadFromFile(kubeconfig);
  config.setCurrentContext(context);
  await ensureNamespace(config, options.namespace);

  const helm = spawnSync(path.join(toolsBin(), 'helm'), [
    'upgrade', '--install', 'balena', path.join(ROOT, 'charts/umbrella'),
    '--namespace', options.namespace, '--values', values,
    '--kubeconfig', kubeconfig, '--kube-context', context,
    '--rollback-on-failure', '--wait', '--timeout', '10m',
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (helm.status !== 0) throw new Error(`helm upgrade --install failed (exit ${helm.status ?? 'signal'}); the release was rolled back`);

  console.log(`\nrelease balena in namespace ${options.namespace}:\n`);
  console.log(formatStatus(await status(config, options.namespace)));
  if (local) {
    console.log('\nNo containers run on the local control plane: kwok stands in for the kubelets, so pods are Ready but serve nothing.');
    console.log(`look around: kubectl --kubeconfig ${kubeconfig} get all -n ${options.namespace}`);
    console.log('stop it:     bash scripts/cluster.sh down');
  }
}

main().catch((error: unknown) => {
  console.error(`deploy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
