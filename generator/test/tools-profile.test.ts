import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, run } from './support/tools.js';

// scripts/tools.sh with the tools cache already filled (npm test runs it
// first), so each run here only checks what is present.
const tools = (...args: string[]) => run('bash', [path.join(ROOT, 'scripts/tools.sh'), ...args]);
/** The step names a run checked in, in order, from its "(k/N) name ..." lines. */
const steps = (log: string) => [...log.matchAll(/^\[tools\] \((\d+)\/(\d+)\) ([^\s:]+)/gm)].map((m) => m[3]);

const profile = suite('tools.sh: npm start installs only what it needs; npm test installs everything');
profile('--start: Helm, kubeconform with its schemas and the newest control plane, counted 1..N', () => {
  const result = tools('--start');
  assert.is(result.code, 0, result.stderr);
  const names = steps(result.stderr);
  assert.equal(names, ['helm', 'kubeconform', 'etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl', 'kwok', 'kwokctl', 'python', 'kubernetes', 'kubernetes', 'CRD']);
  assert.match(result.stderr, `(${names.length}/${names.length}) CRD schemas`);
  assert.match(result.stderr, `ready (start: ${names.length} steps)`);
  for (const left of ['helm3', 'tofu', 'terraform-provider-google', 'kube-linter', 'ansible', 'debian packages', 'v1.29.15/kube-apiserver', 'promtool']) {
    assert.not.match(result.stderr, left, `--start installed ${left}`);
  }
});
profile('no argument: every tool, the start ones among them', () => {
  const result = tools();
  assert.is(result.code, 0, result.stderr);
  const names = steps(result.stderr);
  assert.ok(names.length > 30, `${names.length} steps`);
  for (const name of ['helm', 'helm3', 'tofu', 'kube-linter', 'kubernetes-v1.29.15/kube-apiserver', 'ansible', 'debian']) assert.ok(names.includes(name), name);
  assert.match(result.stderr, `ready (all: ${names.length} steps)`);
});
profile('a step list naming a step the script never reaches stops with an error naming it', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'balena-tools-'));
  try {
    cpSync(path.join(ROOT, 'scripts'), path.join(scratch, 'scripts'), { recursive: true });
    const script = path.join(scratch, 'scripts/tools.sh');
    writeFileSync(script, readFileSync(script, 'utf8').replace('start_steps="helm kubeconform', 'start_steps="helm kubeconform forgotten-tool'));
    const result = run('bash', [script, '--start']);
    assert.is(result.code, 1);
    assert.match(result.stderr, 'tools.sh: the start list names steps this script never reached: forgotten-tool');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
profile.run();
