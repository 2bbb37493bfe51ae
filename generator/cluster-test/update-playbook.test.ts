import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { clients, clusterHelm, createUserSecrets, deleteNamespace, kubeconfig, mustHelm, restrictedNamespace, waitForWorkloads } from '../test/support/cluster.js';
import { helmStateEnv, ROOT, tool } from '../test/support/tools.js';
import { FAKES, UpdatePlaybook } from '../test/support/update-playbook.js';

// ansible/update.yml with the real helm and kubectl against the local control
// plane: only gcloud (which would fetch GKE credentials) is a stand-in, handing
// over the local kubeconfig. The install, the rollout waits and the "nothing
// changed" decision all meet a real API server and a real Helm release.

const namespace = 'web'; // the kubernetes_namespace output of terraform/envs/production
const update = suite('cluster: ansible/update.yml installs for real, then changes nothing');
let scratch = '';
let book: UpdatePlaybook;
const helmState = () => ({ ...helmStateEnv(), FAKE_KUBECONFIG_SOURCE: kubeconfig() });

update.before(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'balena-update-cluster-'));
  book = new UpdatePlaybook(scratch);
  book.prepare({ helm: tool('helm'), kubectl: tool('kubectl'), gcloud: path.join(FAKES, 'gcloud') });
  await restrictedNamespace(namespace);
  await createUserSecrets(namespace, parse(readFileSync(path.join(ROOT, 'environments/production.yaml'), 'utf8')) as Record<string, unknown>);
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
  await waitForWorkloads(namespace, 60_000);
  const history = JSON.parse(mustHelm(['history', 'balena', '--namespace', namespace, '-o', 'json'])) as Array<{ revision: number; status: string }>;
  assert.equal(history.map((h) => `${h.revision} ${h.status}`), ['1 deployed']);
  const backup = await clients().core.readNamespacedServiceAccount({ name: 'balena-backup', namespace });
  assert.is(backup.metadata?.annotations?.['iam.gke.io/gcp-service-account'], 'balena-backup@balena-prod.iam.gserviceaccount.com', 'Terraform values reached the release');
  for (const workload of ['balena-ui', 'balena-api', 'balena-monitoring-grafana']) {
    assert.match(first.output, new RegExp(`deployment \\\\?"${workload}\\\\?" successfully rolled out`), `kubectl rollout status of ${workload}`);
  }
});

update('a second run finds nothing to change and leaves the release alone', () => {
  const second = book.run([], helmState());
  assert.is(second.result.code, 0, second.output);
  assert.is(second.recap.changed, 0, second.output);
  const history = JSON.parse(mustHelm(['history', 'balena', '--namespace', namespace, '-o', 'json'])) as unknown[];
  assert.is(history.length, 1, 'no new revision');
});

update.run();
