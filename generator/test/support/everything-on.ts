import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './tools.js';

/**
 * "Everything on": production values with every pod setting on every
 * workload of every chart, each chart's commonLabels and extraObjects, hook
 * and test resources, and the monitoring chart's credentials-by-file,
 * Grafana sign-in and dashboards. Rendered by the unit suites, installed by
 * the cluster suite.
 */

type Json = Record<string, unknown>;

const PRODUCTION = (): Json => parse(readFileSync(path.join(ROOT, 'environments/production.yaml'), 'utf8')) as Json;
const restricted = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  runAsUser: 10001,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};
const small = { requests: { cpu: '10m', memory: '16Mi', 'ephemeral-storage': '1Mi' }, limits: { cpu: '100m', memory: '32Mi', 'ephemeral-storage': '10Mi' } };

/** Each workload's place in the umbrella's values; ui and api set their grace period under lifecycle. */
const WORKLOADS: { at: string[]; grace: 'own' | 'lifecycle' }[] = [
  { at: ['ui'], grace: 'lifecycle' },
  { at: ['api'], grace: 'lifecycle' },
  { at: ['monitoring', 'prometheus'], grace: 'own' },
  { at: ['monitoring', 'alertmanager'], grace: 'own' },
  { at: ['monitoring', 'kubeStateMetrics'], grace: 'own' },
  { at: ['monitoring', 'grafana'], grace: 'own' },
  { at: ['backup'], grace: 'own' },
];
const CHARTS = ['ui', 'api', 'monitoring', 'ingress', 'backup'];

function everyPodSetting(name: string, grace: 'own' | 'lifecycle'): Json {
  return {
    env: [{ name: 'TEAM_WORKLOAD', value: name }],
    envFrom: [{ configMapRef: { name: 'team-settings', optional: true } }],
    extraVolumes: [{ name: 'team-files', configMap: { name: 'team-files', optional: true } }],
    extraVolumeMounts: [{ name: 'team-files', mountPath: '/team', readOnly: true }],
    initContainers: [{ name: 'team-init', image: 'busybox:1.37', command: ['true'], securityContext: restricted, resources: small }],
    sidecars: [{ name: 'team-sidecar', image: 'busybox:1.37', command: ['sleep', 'infinity'], securityContext: restricted, resources: small }],
    podLabels: { 'example.com/team': 'web' },
    podAnnotations: { 'example.com/owner': 'platform' },
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [{ key: 'example.com/dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
    affinity: {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'cloud.google.com/gke-nodepool', operator: 'In', values: ['balena-default'] }] } }],
      },
    },
    topologySpreadConstraints: [{ maxSkew: 3, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { 'example.com/team': 'web' } } }],
    priorityClassName: 'balena-team',
    resources: { requests: { cpu: '50m', memory: '64Mi', 'ephemeral-storage': '50Mi' }, limits: { cpu: '500m', memory: '256Mi', 'ephemeral-storage': '200Mi' } },
    ...(grace === 'own' ? { terminationGracePeriodSeconds: 45 } : { lifecycle: { terminationGracePeriodSeconds: 45 } }),
  };
}

export function deepMerge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    out[key] = isObject(under) && isObject(value) ? deepMerge(under, value) : value;
  }
  return out;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nest = (at: readonly string[], values: Json): Json => at.reduceRight<Json>((inner, key) => ({ [key]: inner }), values);

/** Production values, every pod setting on every workload, and each chart's own extras. */
export function everythingOn(): Json {
  const perChart = (chart: string): Json => ({
    commonLabels: { 'example.com/cost-centre': 'web' },
    commonAnnotations: { 'example.com/owner': 'platform-team' },
    extraObjects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `{{ .Release.Name }}-${chart}-extra` }, data: { chart: '{{ .Chart.Name }}' } }],
  });
  const layers: Json[] = [
    PRODUCTION(),
    // The one-off restore Job too, so every backup pod is there.
    { backup: { restore: { enabled: true, targetSecret: 'balena-restore-target', object: 'latest' } } },
    { extraObjects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '{{ .Release.Name }}-umbrella-extra' }, data: { chart: '{{ .Chart.Name }}' } }] },
    ...CHARTS.map((chart) => nest([chart], perChart(chart))),
    ...WORKLOADS.map(({ at, grace }) => nest(at, everyPodSetting(at.join('.'), grace))),
    // Hook and test pods: their own resources.
    ...['ui', 'api'].map((chart) => nest([chart, 'tests'], { resources: small })),
    { monitoring: { grafana: { admin: { resources: small } } } },
    // The backup jobs' own overrides, and the api on its own host with more
    // routes (to Services the release has, so kube-score can follow them).
    { backup: { restore: { pod: { resources: { requests: { cpu: '100m', memory: '128Mi', 'ephemeral-storage': '100Mi' }, limits: { cpu: '1', memory: '512Mi', 'ephemeral-storage': '1Gi' } } } }, drill: { pod: { priorityClassName: 'balena-team' } } } },
    { ingress: { routes: { api: { host: 'api.balena.example.com' }, extra: [{ path: '/docs', service: { name: 'balena-ui', port: 80 } }, { host: 'status.balena.example.com', service: { name: 'balena-api', port: 80 } }] } } },
    // Credentials by file from Secrets, Grafana settings and the team's dashboards.
    ...['remote-write', 'grafana-sso'].map((name) => ({ monitoring: parse(readFileSync(path.join(ROOT, `charts/monitoring/ci/${name}-values.yaml`), 'utf8')) as Json })),
  ];
  return layers.reduce(deepMerge, {});
}

