import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { clients, clusterHelm, createUserSecrets, deleteNamespace, kubeconfig, mustHelm, restrictedNamespace, waitForWorkloads } from '../test/support/cluster.js';
import { runAdminHookAhead } from '../test/support/hooks.js';
import { podReferenceProblems } from '../test/support/pod-references.js';
import { helmStateEnv, parseManifests, ROOT, template, tool } from '../test/support/tools.js';
import { FAKES, UpdatePlaybook } from '../test/support/update-playbook.js';

// ansible/update.yml with the real helm and kubectl against the local control
// plane: only gcloud (which would fetch GKE credentials) is a stand-in, handing
// over the local kubeconfig. The install, the rollout wait and the "nothing
// changed" decision all meet a real API server and a real Helm release, and
// every helm, kubectl and gcloud call is logged, so the tests also say which
// commands the playbook ran, with which flags, and which it did not.

const namespace = 'web'; // the kubernetes_namespace output of terraform/envs/production
const update = suite('cluster: ansible/update.yml with the real helm and kubectl: install, nothing to change, check mode, upgrade on change, a missing Secret');
let scratch = '';
let book: UpdatePlaybook;
const helmState = () => ({ ...helmStateEnv(), FAKE_KUBECONFIG_SOURCE: kubeconfig() });

const upgrades = (calls: string[]) => calls.filter((call) => call.startsWith('helm upgrade'));

/** The release's revisions, as "1 deployed". */
const history = () => (JSON.parse(mustHelm(['history', 'balena', '--namespace', namespace, '-o', 'json'])) as Array<{ revision: number; status: string }>)
  .map((h) => `${h.revision} ${h.status}`);

update.before(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'balena-update-cluster-'));
  book = new UpdatePlaybook(scratch);
  book.prepare({ helm: book.logged('helm', tool('helm')), kubectl: book.logged('kubectl', tool('kubectl')), gcloud: path.join(FAKES, 'gcloud') });
  await restrictedNamespace(namespace);
  await createUserSecrets(namespace, parse(readFileSync(path.join(ROOT, 'environments/production.yaml'), 'utf8')) as Record<string, unknown>);
  await runAdminHookAhead(namespace, parseManifests(template('umbrella', { namespace, valuesFiles: [path.join(ROOT, 'environments/production.yaml')] })));
});

update.after(async () => {
  clusterHelm(['uninstall', 'balena', '--namespace', namespace, '--wait']);
  await deleteNamespace(namespace);
  rmSync(scratch, { recursive: true, force: true });
});

update('the first run installs the umbrella and waits for every rollout', async () => {
  const first = book.run([], helmState());
  assert.is(first.result.code, 0, first.output);
  assert.is(first.recap.changed, 3, 'plan, apply and the install');
  assert.equal(first.calls[0], 'gcloud container clusters get-credentials balena --location=europe-west1 --project=balena-prod');
  const [install, ...more] = upgrades(first.calls);
  assert.is(more.length, 0);
  assert.match(install ?? '', new RegExp(`^helm upgrade --install balena ${ROOT}/charts/umbrella --namespace=web --values=${ROOT}/environments/production\\.yaml --values=\\S+/terraform-values\\.yaml --rollback-on-failure --wait=watcher --timeout=15m$`));
  // One kubectl waits for the rollout of each of the release's Deployments and StatefulSets.
  assert.equal(first.calls.filter((c) => c.startsWith('kubectl rollout status')), ['kubectl rollout status deployments,statefulsets --namespace=web --selector=app.kubernetes.io/instance=balena --timeout=5m']);
  const selector = { namespace, labelSelector: 'app.kubernetes.io/instance=balena' };
  const deployments = (await clients().apps.listNamespacedDeployment(selector)).items.map((d) => d.metadata?.name ?? '');
  const statefulSets = (await clients().apps.listNamespacedStatefulSet(selector)).items.map((s) => s.metadata?.name ?? '');
  await waitForWorkloads(namespace, 60_000);
  assert.equal(history(), ['1 deployed']);
  assert.equal(await podReferenceProblems(namespace), []);
  const backup = await clients().core.readNamespacedServiceAccount({ name: 'balena-backup', namespace });
  assert.is(backup.metadata?.annotations?.['iam.gke.io/gcp-service-account'], 'balena-backup@balena-prod.iam.gserviceaccount.com', 'Terraform values reached the release');
  for (const workload of ['balena-ui', 'balena-api', 'balena-monitoring-grafana']) assert.ok(deployments.includes(workload), `${workload} among ${deployments.join(', ')}`);
  assert.ok(statefulSets.includes('balena-monitoring-prometheus'), statefulSets.join(', '));
  // Its report names every one of them as rolled out.
  for (const workload of deployments) {
    assert.match(first.output, new RegExp(`deployment \\\\?"${workload}\\\\?" successfully rolled out`), `kubectl rollout status of deployment ${workload}`);
  }
  // A StatefulSet's line names its revision, which starts with its name.
  for (const workload of statefulSets) {
    assert.match(first.output, new RegExp(`statefulset rolling update complete \\d+ pods at revision ${workload}-`), `kubectl rollout status of statefulset ${workload}`);
  }
});

update('a second run finds nothing to change and leaves the release alone', () => {
  const second = book.run([], helmState());
  assert.is(second.result.code, 0, second.output);
  assert.is(second.recap.changed, 0, second.output);
  assert.equal(upgrades(second.calls), [], 'no helm upgrade called');
  assert.equal(history(), ['1 deployed'], 'no new revision');
});

update('check mode plans a Terraform change, applies nothing and leaves the release alone', () => {
  book.writeOutputs((o) => (o.backup_bucket = { value: 'balena-prod-dumps' }));
  const check = book.run(['--check'], helmState());
  assert.is(check.result.code, 0, check.output);
  assert.match(check.output, /TASK \[Terraform plan\] \*+\nchanged: \[localhost\]/);
  assert.match(check.output, /TASK \[Terraform apply\] \*+\nskipping: \[localhost\]/);
  assert.is(book.stateOutputs().backup_bucket?.value, 'balena-prod-balena-backups', 'the state is untouched');
  assert.equal(upgrades(check.calls), [], 'no helm upgrade called');
  assert.equal(history(), ['1 deployed']);
});

update('check mode with an upgrade due previews it on the API server (--dry-run=server) and makes no revision', () => {
  const check = book.run(['--check', '-e', 'umbrella_force_upgrade=true'], helmState());
  assert.is(check.result.code, 0, check.output);
  assert.match(check.output, /TASK \[Preview the upgrade on the cluster \(check mode; Secrets hidden\)\] \*+\n(changed|ok): \[localhost\]/);
  const [preview, ...more] = upgrades(check.calls);
  assert.is(more.length, 0);
  assert.match(preview ?? '', / --dry-run=server --hide-secret$/);
  assert.equal(history(), ['1 deployed']);
});

update('the real run applies the change and upgrades the release, because its values changed', async () => {
  const apply = book.run([], helmState());
  assert.is(apply.result.code, 0, apply.output);
  assert.is(book.stateOutputs().backup_bucket?.value, 'balena-prod-dumps');
  assert.is(upgrades(apply.calls).length, 1);
  assert.equal(history(), ['1 superseded', '2 deployed']);
  const values = JSON.parse(mustHelm(['get', 'values', 'balena', '--namespace', namespace, '-o', 'json'])) as { backup: { gcs: { bucket: string } } };
  assert.is(values.backup.gcs.bucket, 'balena-prod-dumps');
  await waitForWorkloads(namespace, 60_000);
  assert.equal(await podReferenceProblems(namespace), []);
});

update('a missing database Secret stops the run before helm, with the command that creates it', async () => {
  const { core } = clients();
  const secret = await core.readNamespacedSecret({ name: 'balena-backup-database', namespace });
  await core.deleteNamespacedSecret({ name: 'balena-backup-database', namespace });
  try {
    const missing = book.run(['-e', 'umbrella_force_upgrade=true'], helmState());
    assert.is(missing.result.code, 2, missing.output);
    assert.is(missing.recap.failed, 1);
    assert.match(missing.calls.join('\n'), 'kubectl get secret balena-database balena-backup-database --namespace=web --output=name');
    const message = missing.output.replace(/\s+/g, ' ');
    assert.match(message, /secrets \\?"balena-backup-database\\?" not found\. Create them once before the first install:/);
    assert.match(message, "kubectl -n web create secret generic balena-database --from-literal=DATABASE_URL='postgresql://balena-api%40balena-prod.iam@127.0.0.1:5432/balena'");
    assert.match(message, "kubectl -n web create secret generic balena-backup-database --from-literal=DATABASE_URL='postgresql://balena-backup%40balena-prod.iam@127.0.0.1:5432/balena'");
    assert.equal(missing.calls.filter((c) => c.startsWith('helm')), [], 'helm was not run');
    assert.equal(history(), ['1 superseded', '2 deployed']);
  } finally {
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'balena-backup-database' }, data: secret.data } });
  }
});

update('a missing Secret that the values mount as a file stops the run too: Alertmanager would wait for it unseen', async () => {
  const { core } = clients();
  const name = 'balena-alertmanager-oncall';
  const secret = await core.readNamespacedSecret({ name, namespace });
  await core.deleteNamespacedSecret({ name, namespace });
  try {
    const missing = book.run(['-e', 'umbrella_force_upgrade=true'], helmState());
    assert.is(missing.result.code, 2, missing.output);
    assert.is(missing.recap.failed, 1);
    assert.match(missing.calls.join('\n'), 'kubectl get secret balena-alertmanager-oncall --namespace=web --output=name');
    assert.match(missing.output.replace(/\s+/g, ' '), /secrets \\?"balena-alertmanager-oncall\\?" not found\. Create each once, with a key per file/);
    assert.equal(missing.calls.filter((c) => c.startsWith('helm')), [], 'helm was not run');
    assert.equal(history(), ['1 superseded', '2 deployed']);
  } finally {
    await core.createNamespacedSecret({ namespace, body: { metadata: { name }, data: secret.data } });
  }
});

update.run();
