import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scratchProject } from './support/project.js';
import { helm, parseManifests, ROOT, template, type Manifest } from './support/tools.js';

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
