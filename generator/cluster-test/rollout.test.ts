import { readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { clients, clusterHelm, clusterHelmAsync, createUserSecrets, deleteNamespace, mustHelm, restrictedNamespace, waitFor, waitForWorkloads } from '../test/support/cluster.js';
import { formatRollout, recordRollout, type RolloutSample } from '../test/support/rollout.js';
import { runAdminHookAhead } from '../test/support/hooks.js';
import { podReferenceProblems } from '../test/support/pod-references.js';
import { parseManifests, ROOT, template } from '../test/support/tools.js';

// Zero-downtime updates of the api with production values: pods turn Ready
// only after a delay (scripts/cluster/stages.yaml), so the Deployment rolls
// step by step as on a real cluster, and a release whose pods never turn
// Ready is rolled back while the old pods keep serving.

const namespace = 'balena-rollout';
const production = path.join(ROOT, 'environments/production.yaml');
const rollout = suite('cluster: api rollouts keep every replica available');

rollout.before(async () => {
  await restrictedNamespace(namespace);
  await createUserSecrets(namespace, parse(readFileSync(production, 'utf8')) as Record<string, unknown>);
  await runAdminHookAhead(namespace, parseManifests(template('umbrella', { namespace, valuesFiles: [production] })));
  mustHelm(['install', 'balena', path.join(ROOT, 'charts/umbrella'), '--namespace', namespace, '--values', production, '--wait', '--timeout', '5m']);
  // Production's HPA floor (3) is what the rollout has to keep available.
  await waitFor('api at its HPA floor', async () => (await apiDeployment()).status?.availableReplicas === 3, 90_000);
  await waitForWorkloads(namespace);
});

rollout.after(async () => {
  clusterHelm(['uninstall', 'balena', '--namespace', namespace, '--wait']);
  await deleteNamespace(namespace);
});

async function apiDeployment() {
  return clients().apps.readNamespacedDeployment({ name: 'balena-api', namespace });
}

function apiImage(deployment: Awaited<ReturnType<typeof apiDeployment>>): string | undefined {
  return deployment.spec?.template.spec?.containers.find((c) => c.name === 'api')?.image;
}

function assertNeverBelowDesired(samples: readonly RolloutSample[], floor: number): void {
  assert.ok(samples.length > 0, 'the watch saw the Deployment');
  for (const sample of samples) {
    assert.ok(sample.available >= floor, `at ${sample.ms} ms only ${sample.available} of ${floor} replicas were available`);
    assert.ok(sample.desired >= floor, `at ${sample.ms} ms the Deployment wanted ${sample.desired} replicas`);
  }
}

rollout('helm upgrade of the api image rolls with no drop in available replicas', async () => {
  const before = await apiDeployment();
  const desired = before.spec!.replicas!;
  const recorder = await recordRollout(namespace, 'balena-api');
  const upgraded = await clusterHelmAsync(['upgrade', 'balena', path.join(ROOT, 'charts/umbrella'), '--namespace', namespace, '--reuse-values', '--set', 'api.image.tag=rollout-next', '--wait', '--timeout', '5m']);
  assert.is(upgraded.code, 0, upgraded.stderr);
  await waitFor('the rollout to be observed complete', async () => {
    const d = await apiDeployment();
    return d.status?.observedGeneration === d.metadata?.generation && d.status?.updatedReplicas === desired && d.status?.availableReplicas === desired && d.status?.replicas === desired;
  });
  const samples = await recorder.stop();
  console.log(formatRollout(`\napi rollout to image tag rollout-next (desired ${desired}):`, samples));

  assertNeverBelowDesired(samples, desired);
  assert.ok(samples.some((s) => s.updated > 0 && s.updated < desired), 'the rollout went step by step (some samples mid-way)');
  const last = samples[samples.length - 1]!;
  assert.equal([last.updated, last.available], [desired, desired], 'every replica updated and available at the end');
  assert.match(apiImage(await apiDeployment()) ?? '', /:rollout-next$/);
  assert.equal(await podReferenceProblems(namespace), [], 'what the new pods need exists');
});

rollout('an upgrade whose pods never turn Ready is rolled back and the old pods keep serving', async () => {
  const before = await apiDeployment();
  const desired = before.spec!.replicas!;
  const goodImage = apiImage(before);
  const revisionBefore = JSON.parse(mustHelm(['history', 'balena', '--namespace', namespace, '-o', 'json'])).length as number;
  const recorder = await recordRollout(namespace, 'balena-api');
  const broken = await clusterHelmAsync([
    'upgrade', 'balena', path.join(ROOT, 'charts/umbrella'), '--namespace', namespace, '--reuse-values',
    '--set', 'api.image.tag=broken', '--set-string', 'api.podAnnotations.balena\\.test/readiness=never',
    '--rollback-on-failure', '--wait', '--timeout', '25s',
  ]);
  await waitFor('the rollback to settle', async () => {
    const d = await apiDeployment();
    return apiImage(d) === goodImage && d.status?.observedGeneration === d.metadata?.generation && d.status?.replicas === desired && d.status?.availableReplicas === desired;
  }, 90_000);
  const samples = await recorder.stop();
  console.log(formatRollout(`\nbroken api upgrade, rolled back (desired ${desired}):`, samples));

  assert.is.not(broken.code, 0, 'helm upgrade reports the failure');
  assert.match(broken.stderr + broken.stdout, /roll(ed)? ?back|rollback/i);
  const history = JSON.parse(mustHelm(['history', 'balena', '--namespace', namespace, '-o', 'json'])) as Array<{ revision: number; status: string; description: string }>;
  assert.is(history.length, revisionBefore + 2, 'one failed revision and one rollback revision');
  assert.is(history[history.length - 2]!.status, 'failed');
  assert.is(history[history.length - 1]!.status, 'deployed');
  assert.match(history[history.length - 1]!.description, /Rollback/);
  assertNeverBelowDesired(samples, desired);
  assert.ok(samples.some((s) => s.total > s.desired), 'pods of the broken release were started beside the old ones');
  const pods = await clients().core.listNamespacedPod({ namespace, labelSelector: 'app.kubernetes.io/name=api' });
  const brokenPods = pods.items.filter((pod) => pod.metadata?.annotations?.['balena.test/readiness'] === 'never' && !pod.metadata.deletionTimestamp);
  assert.is(brokenPods.length, 0, 'no pod of the broken release is left');
});

rollout.run();
