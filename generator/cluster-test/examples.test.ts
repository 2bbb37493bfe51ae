import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clients, clusterHelm, deleteNamespace, failedCreates, kubectl, restrictedNamespace, serverVersion, waitFor, waitForWorkloads } from '../test/support/cluster.js';
import { exampleProject, type ExampleProject } from '../test/support/example.js';
import { podReferenceProblems } from '../test/support/pod-references.js';

// examples/team-charts, generated from the packed package, installed into a
// namespace that enforces the restricted Pod Security Standard. The fake
// nodes run no process: this shows the API server and admission accept every
// object and pod, not that the commands work.
const NAMESPACE = 'team-charts';
const install = suite<{ project: ExampleProject }>(`cluster (Kubernetes ${serverVersion()}): a team's own charts install under the restricted Pod Security Standard`);
install.before(async (context) => {
  context.project = exampleProject();
  const generated = context.project.cli('generate');
  if (generated.code !== 0) throw new Error(`generate failed in the example: ${generated.stderr}`);
  await restrictedNamespace(NAMESPACE);
});
install.after(async (context) => {
  await deleteNamespace(NAMESPACE);
  context.project?.dispose();
});

install('the worker installs and its pods are admitted and available', async ({ project }) => {
  const result = clusterHelm(['install', 'team-worker', path.join(project.root, 'charts/worker'), '--namespace', NAMESPACE, '--set', 'replicaCount=2', '--wait', '--timeout', '3m']);
  assert.is(result.code, 0, result.stderr);
  await waitForWorkloads(NAMESPACE);
  assert.equal(await failedCreates(NAMESPACE), []);
  assert.equal(await podReferenceProblems(NAMESPACE), []);
});
install('the report installs, and a Job made from its CronJob has its pod admitted', async ({ project }) => {
  const result = clusterHelm(['install', 'team-report', path.join(project.root, 'charts/report'), '--namespace', NAMESPACE, '--wait', '--timeout', '3m']);
  assert.is(result.code, 0, result.stderr);
  // Admission judges Pods, not CronJobs: make a Job from it, as `kubectl create job --from` does.
  const created = kubectl(['create', 'job', 'report-now', '--from=cronjob/team-report', '--namespace', NAMESPACE]);
  assert.is(created.code, 0, created.stderr);
  const { core } = clients();
  await waitFor('the Job\'s pod', async () => (await core.listNamespacedPod({ namespace: NAMESPACE, labelSelector: 'job-name=report-now' })).items.length > 0);
  assert.equal(await failedCreates(NAMESPACE), []);
  assert.equal(await podReferenceProblems(NAMESPACE), []);
});
install('a pod asking for privileges is refused in that namespace (the check can fail)', async () => {
  const privileged = kubectl(['run', 'privileged', '--image=busybox:1.37.0', '--restart=Never', '--namespace', NAMESPACE, '--overrides', JSON.stringify({ spec: { containers: [{ name: 'privileged', image: 'busybox:1.37.0', securityContext: { privileged: true } }] } })]);
  assert.is.not(privileged.code, 0);
  assert.match(privileged.stderr, /violates PodSecurity "restricted/);
});
install.run();
