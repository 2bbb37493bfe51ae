import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scratchProject } from './support/project.js';
import { helm, parseManifests, ROOT, template, templateResult, type Manifest } from './support/tools.js';

type Json = Record<string, any>; // rendered objects are checked field by field below

/** Every workload the umbrella can run, switched on: production values plus the one-off restore Job. */
const EVERY_WORKLOAD = ['backup.restore.enabled=true', 'backup.restore.targetSecret=restore-target', 'backup.restore.object=latest'];
const PRODUCTION = path.join(ROOT, 'environments/production.yaml');

/** Each pod spec in rendered manifests, by `Kind/name` (CronJobs through their job template, bare Pods as they are). */
function podSpecs(manifests: Manifest[]): Map<string, Json> {
  const pods = new Map<string, Json>();
  for (const manifest of manifests as Json[]) {
    const spec =
      manifest.kind === 'Pod' ? manifest.spec
      : manifest.kind === 'CronJob' ? manifest.spec.jobTemplate.spec.template.spec
      : ['Deployment', 'StatefulSet', 'Job'].includes(manifest.kind) ? manifest.spec.template.spec
      : undefined;
    if (spec !== undefined) pods.set(`${manifest.kind}/${manifest.metadata.name}`, spec);
  }
  return pods;
}

/** The pods the product runs: ui, api, Prometheus, Alertmanager, kube-state-metrics, Grafana, its hook, three backup jobs, three tests. */
const EXPECTED_PODS = 13;

const family = suite('every pod comes from the one pod template');

family('a line added to the shared pod partial reaches every pod of every chart', () => {
  const project = scratchProject();
  try {
    const pod = project.read('generator/templates/partials/pod.hbs');
    project.write('generator/templates/partials/pod.hbs', pod.replace(/^spec:\n/m, 'spec:\n  priorityClassName: from-the-pod-template\n'));
    const generated = project.cli('generate');
    assert.is(generated.code, 0, generated.stderr);
    const rendered = helm(['template', 'balena', path.join(project.root, 'charts/umbrella'), '--namespace', 'web', '--values', PRODUCTION, ...EVERY_WORKLOAD.flatMap((set) => ['--set', set])]);
    assert.is(rendered.code, 0, rendered.stderr);
    const pods = podSpecs(parseManifests(rendered.stdout));
    assert.is(pods.size, EXPECTED_PODS, [...pods.keys()].join(', '));
    for (const [name, spec] of pods) assert.is(spec.priorityClassName, 'from-the-pod-template', name);
  } finally {
    project.dispose();
  }
});

family('placement set on each workload reaches its pods, and its hook and test pods', () => {
  const places = ['ui', 'api', 'monitoring.prometheus', 'monitoring.alertmanager', 'monitoring.kubeStateMetrics', 'monitoring.grafana', 'backup'];
  const set = [...EVERY_WORKLOAD, ...places.map((place) => `${place}.nodeSelector.pool=${place}`)];
  const pods = podSpecs(parseManifests(template('umbrella', { valuesFiles: [PRODUCTION], set })));
  assert.is(pods.size, EXPECTED_PODS);
  const expected: Record<string, string> = {
    'Deployment/balena-ui': 'ui',
    'Pod/balena-ui-test-connection': 'ui',
    'Deployment/balena-api': 'api',
    'Pod/balena-api-test-connection': 'api',
    'StatefulSet/balena-monitoring-prometheus': 'monitoring.prometheus',
    'Pod/balena-monitoring-prometheus-test': 'monitoring.prometheus',
    'Deployment/balena-monitoring-alertmanager': 'monitoring.alertmanager',
    'Deployment/balena-monitoring-kube-state-metrics': 'monitoring.kubeStateMetrics',
    'Deployment/balena-monitoring-grafana': 'monitoring.grafana',
    'Job/balena-monitoring-grafana-admin-init': 'monitoring.grafana',
    'CronJob/balena-backup': 'backup',
    'CronJob/balena-backup-restore-drill': 'backup',
    'Job/balena-backup-restore': 'backup',
  };
  assert.equal(Object.fromEntries([...pods].map(([name, spec]) => [name, spec.nodeSelector?.pool])), expected);
});

family('every pod runs non-root with a read-only root filesystem and a writable /tmp of its own', () => {
  const pods = podSpecs(parseManifests(template('umbrella', { valuesFiles: [PRODUCTION], set: EVERY_WORKLOAD })));
  for (const [name, spec] of pods) {
    assert.is(spec.securityContext.runAsNonRoot, true, name);
    assert.is(spec.securityContext.seccompProfile.type, 'RuntimeDefault', name);
    assert.ok(spec.volumes.some((volume: Json) => volume.name === 'tmp' && volume.emptyDir !== undefined), `${name}: no /tmp volume`);
    for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
      assert.is(container.securityContext.readOnlyRootFilesystem, true, `${name}/${container.name}`);
      assert.equal(container.securityContext.capabilities.drop, ['ALL'], `${name}/${container.name}`);
    }
    for (const container of spec.containers) assert.ok(container.volumeMounts.some((mount: Json) => mount.mountPath === '/tmp'), `${name}/${container.name}: /tmp not mounted`);
  }
});

family.run();

/** Where each workload's values are in the umbrella, and the pods they make: their own, then their hook and test pods. */
const PLACES: Record<string, { own: string[]; hooksAndTests: string[] }> = {
  ui: { own: ['Deployment/balena-ui'], hooksAndTests: ['Pod/balena-ui-test-connection'] },
  api: { own: ['Deployment/balena-api'], hooksAndTests: ['Pod/balena-api-test-connection'] },
  'monitoring.prometheus': { own: ['StatefulSet/balena-monitoring-prometheus'], hooksAndTests: ['Pod/balena-monitoring-prometheus-test'] },
  'monitoring.alertmanager': { own: ['Deployment/balena-monitoring-alertmanager'], hooksAndTests: [] },
  'monitoring.kubeStateMetrics': { own: ['Deployment/balena-monitoring-kube-state-metrics'], hooksAndTests: [] },
  'monitoring.grafana': { own: ['Deployment/balena-monitoring-grafana'], hooksAndTests: ['Job/balena-monitoring-grafana-admin-init'] },
  backup: { own: ['CronJob/balena-backup', 'CronJob/balena-backup-restore-drill', 'Job/balena-backup-restore'], hooksAndTests: [] },
};

const containers = (spec: Json): Json[] => spec.containers as Json[];
/**
 * Each setting: its values for the workload numbered `n`, each carrying that
 * number (a name, a key, a count), whether hook and test pods take it
 * (placement does), and what a pod spec shows of it, to read the numbers back.
 */
const SETTINGS: { name: string; values: (n: number) => Json; mark: (n: number) => unknown; placement: boolean; shown: (spec: Json) => unknown[] }[] = [
  {
    name: 'envFrom',
    values: (n) => ({ envFrom: [{ configMapRef: { name: `team-settings-${n}` } }] }),
    mark: (n) => `team-settings-${n}`,
    placement: false,
    shown: (spec) => containers(spec).flatMap((c) => (c.envFrom ?? []).map((from: Json) => from.configMapRef?.name)),
  },
  {
    name: 'extraVolumes and extraVolumeMounts',
    values: (n) => ({ extraVolumes: [{ name: `team-files-${n}`, configMap: { name: 'team-files' } }], extraVolumeMounts: [{ name: `team-files-${n}`, mountPath: '/team' }] }),
    mark: (n) => `team-files-${n}`,
    placement: false,
    // A volume counts where a container mounts it at /team.
    shown: (spec) => spec.volumes.map((v: Json) => v.name).filter((name: string) => containers(spec).some((c) => c.volumeMounts?.some((m: Json) => m.name === name && m.mountPath === '/team'))),
  },
  { name: 'initContainers', values: (n) => ({ initContainers: [{ name: `team-init-${n}`, image: 'busybox:1.37' }] }), mark: (n) => `team-init-${n}`, placement: false, shown: (spec) => (spec.initContainers ?? []).map((c: Json) => c.name) },
  { name: 'sidecars', values: (n) => ({ sidecars: [{ name: `team-sidecar-${n}`, image: 'busybox:1.37' }] }), mark: (n) => `team-sidecar-${n}`, placement: false, shown: (spec) => containers(spec).map((c) => c.name) },
  {
    name: 'topologySpreadConstraints',
    values: (n) => ({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: `example.com/rack-${n}`, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { team: 'x' } } }] }),
    mark: (n) => `example.com/rack-${n}`,
    placement: true,
    shown: (spec) => (spec.topologySpreadConstraints ?? []).map((c: Json) => c.topologyKey),
  },
  { name: 'priorityClassName', values: (n) => ({ priorityClassName: `team-priority-${n}` }), mark: (n) => `team-priority-${n}`, placement: true, shown: (spec) => [spec.priorityClassName] },
  { name: 'terminationGracePeriodSeconds', values: (n) => ({ terminationGracePeriodSeconds: 70 + n }), mark: (n) => 70 + n, placement: false, shown: (spec) => [spec.terminationGracePeriodSeconds] },
];

/** The umbrella's values with `values` set at one place (`monitoring.grafana` → { monitoring: { grafana: values } }). */
function at(place: string, values: Json): Json {
  return place.split('.').reduceRight<Json>((inner, key) => ({ [key]: inner }), values);
}

/** `over` laid over `base`, objects merged key by key. */
function merged(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = typeof out[key] === 'object' && !Array.isArray(out[key]) && typeof value === 'object' && !Array.isArray(value) ? merged(out[key], value) : value;
  }
  return out;
}

function renderWith(values: Json): ReturnType<typeof templateResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-pod-'));
  try {
    writeFileSync(path.join(dir, 'values.json'), JSON.stringify(values));
    return templateResult('umbrella', { valuesFiles: [PRODUCTION, path.join(dir, 'values.json')], set: EVERY_WORKLOAD });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const settings = suite('each pod setting reaches the pods of the workload it is set on, and no other');
for (const setting of SETTINGS) {
  settings(setting.name, () => {
    // The umbrella's ui and api take their terminationGracePeriodSeconds from lifecycle (with the preStop pause).
    const places = Object.keys(PLACES).filter((place) => setting.name !== 'terminationGracePeriodSeconds' || !['ui', 'api'].includes(place));
    // One render, the setting at every place, numbered by place: each pod must show its own workload's number and no other's.
    const result = renderWith(places.reduce<Json>((values, place, n) => merged(values, at(place, setting.values(n))), {}));
    assert.is(result.code, 0, result.stderr);
    const marks = places.map((_, n) => setting.mark(n));
    const pods = podSpecs(parseManifests(result.stdout));
    assert.is(pods.size, EXPECTED_PODS);
    const expected = new Map([...pods.keys()].map((pod) => [pod, [] as unknown[]]));
    places.forEach((place, n) => {
      for (const pod of [...PLACES[place]!.own, ...(setting.placement ? PLACES[place]!.hooksAndTests : [])]) expected.get(pod)?.push(setting.mark(n));
    });
    const found = new Map([...pods].map(([pod, spec]) => [pod, [...new Set(setting.shown(spec))].filter((shown) => marks.includes(shown))]));
    assert.equal(Object.fromEntries(found), Object.fromEntries(expected), setting.name);
  });
}
settings('a wrong shape is refused naming its values path', () => {
  for (const [place, key] of [['api', 'sidecars'], ['monitoring.grafana', 'extraVolumes'], ['backup', 'initContainers']] as const) {
    const result = renderWith(at(place, { [key]: { name: 'not-a-list' } }));
    assert.is.not(result.code, 0);
    assert.match(result.stderr, `/${place.replaceAll('.', '/')}/${key}`);
  }
  const result = renderWith(at('monitoring.prometheus', { priorityClassName: 3 }));
  assert.is.not(result.code, 0);
  assert.match(result.stderr, '/monitoring/prometheus/priorityClassName');
});
settings.run();

const hooks = suite('hook and test pods take resources of their own');

hooks('tests.resources and grafana.admin.resources reach those pods only', () => {
  const set = [...EVERY_WORKLOAD, 'ui.tests.resources.limits.memory=48Mi', 'api.tests.resources.limits.memory=49Mi', 'monitoring.tests.resources.limits.memory=50Mi', 'monitoring.grafana.admin.resources.limits.memory=51Mi'];
  const pods = podSpecs(parseManifests(template('umbrella', { valuesFiles: [PRODUCTION], set })));
  const memory = Object.fromEntries([...pods].map(([name, spec]) => [name, spec.containers[0].resources.limits.memory]));
  assert.is(memory['Pod/balena-ui-test-connection'], '48Mi');
  assert.is(memory['Pod/balena-api-test-connection'], '49Mi');
  assert.is(memory['Pod/balena-monitoring-prometheus-test'], '50Mi');
  assert.is(memory['Job/balena-monitoring-grafana-admin-init'], '51Mi');
  assert.is.not(memory['Deployment/balena-ui'], '48Mi');
});

hooks.run();

const perJob = suite('the backup chart\'s three jobs share one pod block, overridable per job');

perJob('restore.pod and drill.pod replace the shared settings for that job alone; unset keys keep the shared ones', () => {
  const values = {
    backup: {
      drill: { enabled: true, scratchSecret: 'balena-drill-database', pod: { resources: { limits: { memory: '1Gi' } }, tolerations: [{ key: 'batch', operator: 'Exists', effect: 'NoSchedule' }] } },
      nodeSelector: { pool: 'shared' },
      env: [{ name: 'SHARED', value: 'yes' }],
      restore: { pod: { nodeSelector: { pool: 'restore' }, env: [{ name: 'RESTORE_ONLY', value: 'yes' }], priorityClassName: 'restore-urgent' } },
    },
  };
  const result = renderWith(values);
  assert.is(result.code, 0, result.stderr);
  const pods = podSpecs(parseManifests(result.stdout));
  const backup = pods.get('CronJob/balena-backup')!;
  const restore = pods.get('Job/balena-backup-restore')!;
  const drill = pods.get('CronJob/balena-backup-restore-drill')!;
  const envNames = (spec: Json) => (spec.containers as Json[]).flatMap((c) => (c.env ?? []).map((e: Json) => e.name));
  assert.equal([backup.nodeSelector, restore.nodeSelector, drill.nodeSelector], [{ pool: 'shared' }, { pool: 'restore' }, { pool: 'shared' }]);
  assert.ok(envNames(backup).includes('SHARED') && !envNames(backup).includes('RESTORE_ONLY'));
  assert.ok(envNames(restore).includes('RESTORE_ONLY') && !envNames(restore).includes('SHARED'), 'a job\'s env replaces the shared env');
  assert.is(restore.priorityClassName, 'restore-urgent');
  assert.is(backup.priorityClassName, undefined);
  assert.is(drill.containers[0].resources.limits.memory, '1Gi');
  assert.is.not(backup.containers[0].resources.limits.memory, '1Gi');
  assert.equal(drill.tolerations, [{ key: 'batch', operator: 'Exists', effect: 'NoSchedule' }]);
  assert.is(backup.tolerations, undefined);
});

perJob('an override that is not a pod setting, or not a Kubernetes value, is refused naming its values path', () => {
  const unknown = renderWith({ backup: { restore: { pod: { schedule: '@hourly' } } } });
  assert.is.not(unknown.code, 0);
  assert.match(unknown.stderr, /\/backup\/restore\/pod/);
  assert.match(unknown.stderr, /schedule/);
  const quantity = renderWith({ backup: { drill: { pod: { resources: { requests: { memory: 'lots' } } } } } });
  assert.is.not(quantity.code, 0);
  assert.match(quantity.stderr, '/backup/drill/pod/resources/requests/memory');
});

perJob.run();

const spread = suite('topology spread: a constraint of the user\'s on the chart\'s own key replaces it');

spread('the same topologyKey and whenUnsatisfiable appear once, the user\'s; other keys are added', () => {
  const mine = [
    { maxSkew: 3, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { team: 'web' } } },
    { maxSkew: 1, topologyKey: 'example.com/rack', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { team: 'web' } } },
  ];
  const result = renderWith({ ui: { topologySpreadConstraints: mine } });
  assert.is(result.code, 0, result.stderr);
  const ui = podSpecs(parseManifests(result.stdout)).get('Deployment/balena-ui')!;
  const keys = (ui.topologySpreadConstraints as Json[]).map((c) => `${c.topologyKey} ${c.whenUnsatisfiable} ${c.maxSkew}`);
  // Kubernetes keys this list by topologyKey and whenUnsatisfiable; server-side apply refuses a duplicate.
  assert.equal(keys, ['topology.kubernetes.io/zone ScheduleAnyway 1', 'kubernetes.io/hostname ScheduleAnyway 3', 'example.com/rack ScheduleAnyway 1']);
});

spread.run();
