import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let toolsDir: string | undefined;
/** The tools folder scripts/tools.sh installed into (it must have run first; npm test does that). */
export function tools(): string {
  toolsDir ??= execFileSync('bash', [path.join(ROOT, 'scripts/tools.sh'), '--print-dir'], { encoding: 'utf8' }).trim();
  return toolsDir;
}

export function tool(name: string): string {
  return path.join(tools(), 'bin', name);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: readonly string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Helm's state folders, kept out of $HOME so runs never share repositories or caches. */
export function helmStateEnv(): NodeJS.ProcessEnv {
  const state = path.join(tools(), 'helm-home');
  return {
    HELM_CACHE_HOME: path.join(state, 'cache'),
    HELM_CONFIG_HOME: path.join(state, 'config'),
    HELM_DATA_HOME: path.join(state, 'data'),
  };
}

/** Helm with its state kept out of $HOME (helmStateEnv). */
export function helm(args: readonly string[], binary: 'helm' | 'helm3' = 'helm'): RunResult {
  return run(tool(binary), args, { env: helmStateEnv() });
}

export interface TemplateOptions {
  valuesFiles?: string[];
  set?: string[];
  release?: string;
  namespace?: string;
  kubeVersion?: string;
  /** API versions the render may assume the cluster serves (helm's --api-versions). */
  apiVersions?: string[];
  binary?: 'helm' | 'helm3';
}

/** `helm template` of a chart under charts/; throws with Helm's message when it fails. */
export function template(chart: string, options: TemplateOptions = {}): string {
  const result = templateResult(chart, options);
  if (result.code !== 0) throw new Error(`helm template ${chart} failed: ${result.stderr}`);
  return result.stdout;
}

/** `compute`'s result, computed on the first call and kept: a render or a tool's report that several tests read. */
export function once<T>(compute: () => T): () => T {
  let computed: { value: T } | undefined;
  return () => (computed ??= { value: compute() }).value;
}

/** The same for each key: `compute(key)` on the first call with that key, kept. */
export function memoize<K, V>(compute: (key: K) => V): (key: K) => V {
  const computed = new Map<K, V>();
  return (key) => {
    if (!computed.has(key)) computed.set(key, compute(key));
    return computed.get(key)!;
  };
}

/**
 * Renders made in this process, by arguments and the values files' contents:
 * the suites render the same chart with the same values many times over, and
 * the committed charts do not change during a run (tests that edit a chart
 * edit a copy, which has a path of its own).
 */
const rendered = new Map<string, RunResult>();

export function templateResult(chart: string, options: TemplateOptions = {}): RunResult {
  const args = ['template', options.release ?? 'balena', path.join(ROOT, 'charts', chart), '--namespace', options.namespace ?? 'web'];
  for (const file of options.valuesFiles ?? []) args.push('--values', file);
  for (const set of options.set ?? []) args.push('--set', set);
  if (options.kubeVersion) args.push('--kube-version', options.kubeVersion);
  for (const version of options.apiVersions ?? []) args.push('--api-versions', version);
  const key = JSON.stringify([options.binary ?? 'helm', args, (options.valuesFiles ?? []).map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : null))]);
  let result = rendered.get(key);
  if (result === undefined) {
    result = helm(args, options.binary);
    rendered.set(key, result);
  }
  return { ...result };
}

export type Manifest = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string } & Record<string, unknown> };

export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((doc): doc is Manifest => doc !== null && typeof doc === 'object');
}

export function findKind(manifests: Manifest[], kind: string): Manifest {
  const found = manifests.find((m) => m.kind === kind);
  if (!found) throw new Error(`no ${kind} in the rendered chart (kinds: ${manifests.map((m) => m.kind).join(', ')})`);
  return found;
}

/** The charts built on the shared workload partials (Deployment, Service, HPA, PDB). */
export const WORKLOAD_CHARTS = ['ui', 'api'] as const;

/** Every chart under charts/. */
export const ALL_CHARTS: readonly string[] = readdirSync(path.join(ROOT, 'charts'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The oldest and newest Kubernetes versions the charts are checked on (scripts/versions.env). */
export function readKubeVersions(): string[] {
  const env = run('bash', ['-c', `source ${path.join(ROOT, 'scripts/versions.env')} && echo $K8S_OLDEST_VERSION $K8S_NEWEST_VERSION`]);
  return env.stdout.trim().split(/\s+/);
}

/** kubeconform's settings: -strict, the Kubernetes schemas of `version` and the CRD schemas tools.sh converted. */
function kubeconformArgs(version: string): string[] {
  return [
    '-strict',
    '-summary',
    '-kubernetes-version', version.replace(/^v/, ''),
    '-schema-location', path.join(tools(), 'k8s-schemas', '{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json'),
    // Gateway API and cert-manager objects, from their CRDs.
    '-schema-location', path.join(tools(), 'crd-schemas', '{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json'),
  ];
}

/** kubeconform on rendered manifests (kubeconformArgs). */
export function kubeconform(manifests: string, version: string): RunResult {
  return run(tool('kubeconform'), [...kubeconformArgs(version), '-'], { input: manifests });
}

/** One object as kubeconform judged it: status is statusValid, statusInvalid, statusError or statusSkipped. */
export interface ConformedObject {
  filename: string;
  kind: string;
  name: string;
  status: string;
  msg: string;
}

/**
 * kubeconform on many rendered files at once (kubeconformArgs), each
 * object's verdict listed: one run loads and compiles each kind's schema once
 * for all of them, where a run per file did it again for every file.
 */
export function kubeconformFiles(files: readonly string[], version: string): { objects: ConformedObject[]; result: RunResult } {
  const result = run(tool('kubeconform'), [...kubeconformArgs(version), '-output', 'json', '-verbose', ...files]);
  let objects: ConformedObject[];
  try {
    objects = (JSON.parse(result.stdout) as { resources?: ConformedObject[] }).resources ?? [];
  } catch {
    throw new Error(`kubeconform gave no JSON report (exit ${result.code}): ${result.stderr || result.stdout}`);
  }
  return { objects, result };
}

/**
 * kube-score checks we switch off, each with its reason. Anything else it rates
 * CRITICAL fails. (Per-object exceptions live on the object as a
 * `kube-score/ignore` annotation, e.g. probes on the helm test pod.)
 */
export const KUBE_SCORE_EXCEPTIONS: Record<string, string> = {
  'container-image-pull-policy':
    'Images are pinned by tag or digest; pullPolicy Always would make every pod start depend on the registry being up. Users who want it set image.pullPolicy=Always.',
};

/** kube-score's CRITICAL lines for rendered manifests (with KUBE_SCORE_EXCEPTIONS and `ignored` switched off), and its whole output. */
export function kubeScoreCritical(manifests: string, ignored: readonly string[] = []): { critical: string[]; output: string } {
  const ignores = [...Object.keys(KUBE_SCORE_EXCEPTIONS), ...ignored].flatMap((test) => ['--ignore-test', test]);
  const result = run(tool('kube-score'), ['score', '--output-format', 'ci', ...ignores, '-'], { input: manifests });
  return { critical: result.stdout.split('\n').filter((line) => line.startsWith('[CRITICAL]')), output: result.stdout };
}
