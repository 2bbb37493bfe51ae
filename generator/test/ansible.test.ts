import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { once, ROOT, run, tools, type RunResult } from './support/tools.js';

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
/** ansible-lint's report on one copy with both faults below planted, each in a file of its own (one run: its start-up is most of its cost). */
const lintedFaults = once((): RunResult => {
  let result: RunResult | undefined;
  withCopy(
    (dir) => {
      editFile(path.join(dir, 'tasks/rollout.yml'), '  register: rollout_status\n  changed_when: false\n', '  register: rollout_status\n');
      editFile(path.join(dir, 'tasks/values.yml'), '- name: Keep the outputs the update needs\n  ansible.builtin.set_fact:', '- name: Keep the outputs the update needs\n  set_fact:');
    },
    (dir, home) => (result = ansible('ansible-lint', ['-c', '.ansible-lint', '--nocolor'], dir, home)),
  );
  return result!;
});
catches('a command without changed_when is reported (no-changed-when)', () => {
  const result = lintedFaults();
  assert.is(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stdout, /no-changed-when: Commands should not change things if nothing needs doing\.\ntasks\/rollout\.yml:\d+/);
});
catches('a module without its collection name is reported (fqcn)', () => {
  const result = lintedFaults();
  assert.is(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stdout, /fqcn\[action-core\]: Use FQCN for builtin module actions \(set_fact\)\.\ntasks\/values\.yml:\d+/);
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

// The playbook itself is run for real, with the real helm and kubectl against
// the local control plane, by generator/cluster-test/update-playbook.test.ts.
