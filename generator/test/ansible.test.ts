import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, run, tools, type RunResult } from './support/tools.js';
import { FAKES, UpdatePlaybook } from './support/update-playbook.js';

const ANSIBLE = path.join(ROOT, 'ansible');

/** ansible-playbook and ansible-lint from the tools folder's venv, with their state out of $HOME. */
function ansible(command: 'ansible-playbook' | 'ansible-lint', args: string[], cwd: string, home: string): RunResult {
  const bin = path.join(tools(), 'ansible', 'bin');
  return run(path.join(bin, command), args, {
    cwd,
    env: {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      ANSIBLE_HOME: home,
      ANSIBLE_LOCAL_TEMP: path.join(home, 'tmp'),
      ANSIBLE_CONFIG: path.join(cwd, 'ansible.cfg'),
      NO_COLOR: '1',
    },
  });
}

/** A scratch copy of ansible/ (edited), removed after `body` even when it fails. */
function withCopy(edit: (dir: string) => void, body: (dir: string, home: string) => void): void {
  const scratch = mkdtempSync(path.join(tmpdir(), 'balena-ansible-'));
  const dir = path.join(scratch, 'ansible');
  try {
    cpSync(ANSIBLE, dir, { recursive: true });
    edit(dir);
    body(dir, path.join(scratch, 'home'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const editFile = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`${file}: nothing to replace for ${String(from)}`);
  writeFileSync(file, edited);
};

const clean = suite('ansible/: the update playbook passes the syntax check and ansible-lint (production profile)');
clean('ansible-playbook --syntax-check update.yml', () => {
  withCopy(
    () => {},
    (dir, home) => {
      const result = ansible('ansible-playbook', ['--syntax-check', 'update.yml'], dir, home);
      assert.is(result.code, 0, result.stdout + result.stderr);
      assert.match(result.stdout, 'playbook: update.yml');
    },
  );
});
clean('ansible-lint, offline and strict, finds nothing', () => {
  withCopy(
    () => {},
    (dir, home) => {
      const result = ansible('ansible-lint', ['-c', '.ansible-lint', '--nocolor'], dir, home);
      assert.is(result.code, 0, result.stdout + result.stderr);
      assert.match(result.stderr, "Profile 'production' was required, and it passed.");
    },
  );
});
clean.run();

const catches = suite('ansible/: the checks fail on a fault, naming it');
catches('a command without changed_when is reported (no-changed-when)', () => {
  withCopy(
    (dir) => editFile(path.join(dir, 'tasks/rollout.yml'), '  register: rollout_workloads\n  changed_when: false\n', '  register: rollout_workloads\n'),
    (dir, home) => {
      const result = ansible('ansible-lint', ['-c', '.ansible-lint', '--nocolor'], dir, home);
      assert.is(result.code, 2, result.stdout + result.stderr);
      assert.match(result.stdout, /no-changed-when: Commands should not change things if nothing needs doing\.\ntasks\/rollout\.yml:\d+/);
    },
  );
});
catches('a module without its collection name is reported (fqcn)', () => {
  withCopy(
    (dir) => editFile(path.join(dir, 'tasks/values.yml'), '- name: Keep the outputs the update needs\n  ansible.builtin.set_fact:', '- name: Keep the outputs the update needs\n  set_fact:'),
    (dir, home) => {
      const result = ansible('ansible-lint', ['-c', '.ansible-lint', '--nocolor'], dir, home);
      assert.is(result.code, 2, result.stdout + result.stderr);
      assert.match(result.stdout, /fqcn\[action-core\]: Use FQCN for builtin module actions \(set_fact\)\.\ntasks\/values\.yml:\d+/);
    },
  );
});
catches('an import of a missing tasks file fails the syntax check', () => {
  withCopy(
    (dir) => editFile(path.join(dir, 'update.yml'), 'tasks/rollout.yml', 'tasks/rollouts.yml'),
    (dir, home) => {
      const result = ansible('ansible-playbook', ['--syntax-check', 'update.yml'], dir, home);
      assert.is.not(result.code, 0);
      assert.match(result.stdout + result.stderr, 'tasks/rollouts.yml');
    },
  );
});
catches.run();

// The playbook run for real by ansible-playbook (support/update-playbook.ts),
// with test doubles for gcloud, kubectl and helm (fixtures/update-path/) that
// answer as those tools print and log every call. generator/cluster-test/
// update-playbook.test.ts runs it with the real helm and kubectl.
const update = suite('ansible/: update.yml plans and applies, upgrades only on change, honours check mode');
let scratch = '';
let book: UpdatePlaybook;
const at = (...parts: string[]) => path.join(scratch, ...parts);
const playbook = (args: string[] = [], env: NodeJS.ProcessEnv = {}) => book.run(args, env);
const writeOutputs = (edit?: (outputs: Record<string, { value: unknown }>) => void) => book.writeOutputs(edit);
const upgrades = (calls: string[]) => calls.filter((c) => c.startsWith('helm upgrade'));
const stateOutputs = () => book.stateOutputs();
const deployed = () => JSON.parse(readFileSync(at('cluster', 'release.json'), 'utf8')) as { revision: number; values: Record<string, any> };

update.before(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'balena-update-'));
  book = new UpdatePlaybook(scratch);
  book.prepare({ helm: path.join(FAKES, 'helm'), kubectl: path.join(FAKES, 'kubectl'), gcloud: path.join(FAKES, 'gcloud') });
});
update.after(() => rmSync(scratch, { recursive: true, force: true }));

update('a first run applies Terraform, installs the release with both values files and waits for every rollout', () => {
  const first = playbook();
  assert.is(first.result.code, 0, first.output);
  assert.is(first.recap.changed, 3, 'plan, apply and the install');
  assert.equal(stateOutputs().backup_bucket?.value, 'balena-prod-balena-backups');
  const [install, ...more] = upgrades(first.calls);
  assert.is(more.length, 0);
  assert.match(install ?? '', new RegExp(`^helm upgrade --install balena ${ROOT}/charts/umbrella --namespace=web --values=${ROOT}/environments/production\\.yaml --values=\\S+/terraform-values\\.yaml --rollback-on-failure --wait=watcher --timeout=15m$`));
  assert.equal(first.calls.filter((c) => c.startsWith('kubectl rollout status')).length, 3);
  assert.equal(first.calls[0], 'gcloud container clusters get-credentials balena --location=europe-west1 --project=balena-prod');
  assert.is(deployed().values.backup.serviceAccount.annotations['iam.gke.io/gcp-service-account'], 'balena-backup@balena-prod.iam.gserviceaccount.com');
});
update('a second run with nothing new changes nothing and calls no helm upgrade', () => {
  const second = playbook();
  assert.is(second.result.code, 0, second.output);
  assert.is(second.recap.changed, 0, second.output);
  assert.equal(upgrades(second.calls), []);
  assert.is(deployed().revision, 1);
});
update('check mode plans a Terraform change but applies nothing and upgrades nothing', () => {
  writeOutputs((o) => (o.backup_bucket = { value: 'balena-prod-dumps' }));
  const check = playbook(['--check']);
  assert.is(check.result.code, 0, check.output);
  assert.match(check.output, /TASK \[Terraform plan\] \*+\nchanged: \[localhost\]/);
  assert.match(check.output, /TASK \[Terraform apply\] \*+\nskipping: \[localhost\]/);
  assert.equal(stateOutputs().backup_bucket?.value, 'balena-prod-balena-backups', 'the state is untouched');
  assert.equal(upgrades(check.calls), []);
});
update('check mode with an upgrade due only previews it on the server (--dry-run=server)', () => {
  const check = playbook(['--check', '-e', 'umbrella_force_upgrade=true']);
  assert.is(check.result.code, 0, check.output);
  const [preview, ...more] = upgrades(check.calls);
  assert.is(more.length, 0);
  assert.match(preview ?? '', / --dry-run=server --hide-secret$/);
  assert.is(deployed().revision, 1);
});
update('the real run applies the change and upgrades the release, because its values changed', () => {
  const apply = playbook();
  assert.is(apply.result.code, 0, apply.output);
  assert.equal(stateOutputs().backup_bucket?.value, 'balena-prod-dumps');
  assert.is(upgrades(apply.calls).length, 1);
  assert.is(deployed().revision, 2);
  assert.is(deployed().values.backup.gcs.bucket, 'balena-prod-dumps');
});
update('a missing database Secret stops the run before helm, with the command that creates each', () => {
  const missing = playbook([], { FAKE_NO_SECRET: 'balena-backup-database' });
  assert.is(missing.result.code, 2, missing.output);
  assert.is(missing.recap.failed, 1);
  assert.match(missing.calls.join('\n'), 'kubectl get secret balena-database balena-backup-database --namespace=web --output=name');
  const message = missing.output.replace(/\s+/g, ' ');
  assert.match(message, /secrets \\?"balena-backup-database\\?" not found\. Create them once before the first install:/);
  assert.match(message, "kubectl -n web create secret generic balena-database --from-literal=DATABASE_URL='postgresql://balena-api%40balena-prod.iam@127.0.0.1:5432/balena'");
  assert.match(message, "kubectl -n web create secret generic balena-backup-database --from-literal=DATABASE_URL='postgresql://balena-backup%40balena-prod.iam@127.0.0.1:5432/balena'");
  assert.equal(missing.calls.filter((c) => c.startsWith('helm')), []);
});
update('a missing Secret that the values mount as a file stops the run before helm, naming it', () => {
  const missing = playbook([], { FAKE_NO_SECRET: 'balena-alertmanager-oncall' });
  assert.is(missing.result.code, 2, missing.output);
  assert.is(missing.recap.failed, 1);
  assert.match(missing.calls.join('\n'), 'kubectl get secret balena-alertmanager-oncall --namespace=web --output=name');
  const message = missing.output.replace(/\s+/g, ' ');
  assert.match(message, /secrets \\?"balena-alertmanager-oncall\\?" not found\. Create each once, with a key per file/);
  assert.equal(missing.calls.filter((c) => c.startsWith('helm')), []);
});
update.run();
