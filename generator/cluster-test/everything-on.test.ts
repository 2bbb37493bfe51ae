import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { stringify } from 'yaml';
import {
  clients,
  clusterHelm,
  createUserSecrets,
  deleteNamespace,
  failedCreates,
  kubectl,
  mustHelm,
  releaseManifests,
  restrictedNamespace,
  serverVersion,
  userSecretNames,
  waitFor,
  waitForWorkloads,
} from '../test/support/cluster.js';
import { runAdminHookAhead } from '../test/support/hooks.js';
import { podReferenceProblems } from '../test/support/pod-references.js';
import { parseManifests, ROOT, template, type Manifest } from '../test/support/tools.js';
import { deepMerge, everythingOn, isObject } from '../test/support/everything-on.js';

/**
 * Every pod setting on every workload of every chart at once, with the
 * production values under it, installed into a namespace that enforces the
 * restricted Pod Security Standard. Then what the schema cannot refuse (a
 * sidecar without a security context) is shown refused by admission instead.
 */

type Json = Record<string, unknown>;

const NAMESPACE = 'balena-everything';
function valuesFile(values: Json): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'balena-everything-')), 'values.yaml');
  writeFileSync(file, stringify(values));
  return file;
}

/** The Secrets the values name that a team makes itself (database URLs, Alertmanager and remote-write credentials, Grafana's OAuth client). */
async function createTeamSecrets(values: Json): Promise<void> {
  await createUserSecrets(NAMESPACE, values);
  const { core } = clients();
  const secrets: Record<string, Record<string, string>> = {
    'balena-restore-target': { DATABASE_URL: 'postgresql://restore@127.0.0.1:5432/balena' },
    'balena-alertmanager-oncall': { url: 'https://hooks.example.com/oncall', slack: 'https://hooks.example.com/slack' },
    'balena-remote-write': { password: 'from-a-secret' },
    'grafana-oauth': { GF_AUTH_GOOGLE_CLIENT_SECRET: 'from-a-secret' },
  };
  // Some were made above with one key; these carry every key the values read.
  const made = new Set(userSecretNames(values));
  for (const [name, stringData] of Object.entries(secrets)) {
    const body = { metadata: { name }, stringData };
    if (made.has(name)) await core.replaceNamespacedSecret({ name, namespace: NAMESPACE, body });
    else await core.createNamespacedSecret({ namespace: NAMESPACE, body });
  }
  for (const name of ['team-settings', 'team-files', 'team-dashboards']) {
    await core.createNamespacedConfigMap({ namespace: NAMESPACE, body: { metadata: { name }, data: { TEAM: 'web' } } });
  }
}

/** Pod specs of the release's workloads (Deployments, StatefulSets, CronJobs, Jobs). */
function podSpecs(manifests: Manifest[]): Map<string, Json> {
  const pods = new Map<string, Json>();
  for (const manifest of manifests) {
    const spec = manifest.spec as Json | undefined;
    const template = manifest.kind === 'CronJob' ? ((spec?.jobTemplate as Json).spec as Json).template : spec?.template;
    if (['Deployment', 'StatefulSet', 'CronJob', 'Job'].includes(manifest.kind) && isObject(template)) pods.set(`${manifest.kind}/${manifest.metadata.name}`, template.spec as Json);
  }
  return pods;
}

const everything = suite(`cluster (Kubernetes ${serverVersion()}): every setting on every component, under the restricted Pod Security Standard`);
const values = everythingOn();
let manifests: Manifest[] = [];

// The PriorityClass the pods name is the cluster administrator's, made before
// the install: the Grafana admin hook's pod runs before any object of the release.
const PRIORITY_CLASS = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'balena-team' }, value: 1000 };

everything.before(async () => {
  await restrictedNamespace(NAMESPACE);
  await createTeamSecrets(values);
  await clients().objects.delete(PRIORITY_CLASS).catch(() => undefined);
  await clients().objects.create(PRIORITY_CLASS);
});
everything.after(async () => {
  clusterHelm(['uninstall', 'balena', '--namespace', NAMESPACE, '--wait']);
  await deleteNamespace(NAMESPACE);
  await clients().objects.delete(PRIORITY_CLASS).catch(() => undefined);
});

everything('helm install --wait succeeds and no pod is refused admission', async () => {
  const file = valuesFile(values);
  await runAdminHookAhead(NAMESPACE, parseManifests(template('umbrella', { namespace: NAMESPACE, valuesFiles: [file] })));
  mustHelm(['install', 'balena', path.join(ROOT, 'charts/umbrella'), '--namespace', NAMESPACE, '--values', file, '--wait', '--timeout', '5m']);
  manifests = releaseManifests('balena', NAMESPACE);
  await waitForWorkloads(NAMESPACE);
  assert.equal(await failedCreates(NAMESPACE), [], 'no pod was refused');
});

everything('every pod\'s Secrets, ConfigMaps and their keys and volume claims exist, as a kubelet needs them', async () => {
  assert.equal(await podReferenceProblems(NAMESPACE), []);
});

everything('every workload\'s pods carry the settings: sidecar, init container, placement, priority', () => {
  const pods = podSpecs(manifests);
  assert.ok(pods.size >= 9, [...pods.keys()].join(', '));
  for (const [name, spec] of pods) {
    const containers = spec.containers as Json[];
    assert.ok(containers.some((c) => c.name === 'team-sidecar'), `${name}: sidecar`);
    assert.ok((spec.initContainers as Json[]).some((c) => c.name === 'team-init'), `${name}: init container`);
    assert.is(spec.priorityClassName, 'balena-team', `${name}: priorityClassName`);
    assert.equal(spec.nodeSelector, { 'kubernetes.io/os': 'linux' }, `${name}: nodeSelector`);
    assert.is(spec.terminationGracePeriodSeconds, 45, `${name}: terminationGracePeriodSeconds`);
  }
});

everything('the pods the cluster runs are the ones rendered: each Deployment\'s pods have the sidecar', async () => {
  const { core } = clients();
  const running = await core.listNamespacedPod({ namespace: NAMESPACE, labelSelector: 'example.com/team=web' });
  const owners = new Set(running.items.map((pod) => pod.metadata?.labels?.['app.kubernetes.io/name'] ?? ''));
  for (const chart of ['ui', 'api', 'monitoring']) assert.ok(owners.has(chart), `no running pod of ${chart} (${[...owners].join(', ')})`);
  for (const pod of running.items) assert.ok(pod.spec?.containers.some((c) => c.name === 'team-sidecar'), pod.metadata?.name);
});

everything('the release record, as Helm stores it, stays under half of the 1 MiB Secret limit', async () => {
  const secret = await clients().core.readNamespacedSecret({ name: 'sh.helm.release.v1.balena.v1', namespace: NAMESPACE });
  const stored = Buffer.from(secret.data?.release ?? '', 'base64');
  // The Secret's data is base64 (the API) of base64 (Helm) of gzip of the release JSON.
  assert.ok(JSON.parse(gunzipSync(Buffer.from(stored.toString(), 'base64')).toString()).name === 'balena');
  assert.ok(stored.length < 512 * 1024, `${stored.length} bytes`);
  console.log(`    release record with every setting on: ${stored.length} bytes (limit 1048576)`);
});

everything('a privileged sidecar is refused by the schema, naming the value', () => {
  const privileged = deepMerge(values, { api: { sidecars: [{ name: 'root-shell', image: 'busybox:1.37', securityContext: { privileged: true } }] } });
  const result = clusterHelm(['upgrade', 'balena', path.join(ROOT, 'charts/umbrella'), '--namespace', NAMESPACE, '--values', valuesFile(privileged), '--dry-run=server']);
  assert.is.not(result.code, 0, 'helm accepted a privileged sidecar');
  assert.match(result.stderr, /\/api\/sidecars\/0\/securityContext\/privileged/);
});

everything('a sidecar the schema lets pass without a security context is refused by admission: ReplicaSet and Job report FailedCreate', async () => {
  const bare = [{ name: 'bare-sidecar', image: 'busybox:1.37', command: ['sleep', 'infinity'] }];
  // The one-off restore Job is switched off: a Job's pod template cannot change.
  const upgraded = deepMerge(values, { ui: { sidecars: bare }, backup: { sidecars: bare, restore: { enabled: false } } });
  mustHelm(['upgrade', 'balena', path.join(ROOT, 'charts/umbrella'), '--namespace', NAMESPACE, '--values', valuesFile(upgraded), '--timeout', '2m']);
  // Admission judges Pods, not their owners: a CronJob is shown through a Job made from it.
  const job = kubectl(['create', 'job', 'backup-now', '--from=cronjob/balena-backup', '--namespace', NAMESPACE]);
  assert.is(job.code, 0, job.stderr);
  let refused: string[] = [];
  await waitFor('FailedCreate events for the ui ReplicaSet and the Job', async () => {
    refused = await failedCreates(NAMESPACE);
    return refused.some((line) => line.startsWith('ReplicaSet/balena-ui-')) && refused.some((line) => line.startsWith('Job/backup-now'));
  }, 90_000).catch(() => assert.unreachable(`FailedCreate events: ${refused.join('\n')}`));
  for (const line of refused) assert.match(line, /violates PodSecurity "restricted:latest"/);
  assert.ok(refused.some((line) => /bare-sidecar/.test(line)), refused.join('\n'));
});

everything.run();
