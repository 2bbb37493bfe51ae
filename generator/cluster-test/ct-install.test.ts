import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clients, deleteNamespace, kubeconfig, mustHelm, restrictedNamespace } from '../test/support/cluster.js';
import { ALL_CHARTS, helmStateEnv, ROOT, run, tools } from '../test/support/tools.js';

// chart-testing's own install step: every chart with each of its
// ci/*-values.yaml files is installed (--wait), its `helm test` hooks run,
// and it is uninstalled. All of them go into one namespace that enforces the
// restricted Pod Security Standard (ct would otherwise make and delete a
// namespace per install, which is most of its time here; the API server
// enforces restricted in those too, scripts/cluster/admission.yaml).

const namespace = 'balena-ct';
const ct = suite('cluster: ct install --all');

ct.before(async () => {
  await restrictedNamespace(namespace);
});

ct.after(async () => {
  await deleteNamespace(namespace);
});

ct('installs, tests and uninstalls every chart with each ci values file', async () => {
  const bin = path.join(tools(), 'bin');
  const result = run(path.join(bin, 'ct'), ['install', '--config', path.join(ROOT, 'ct.yaml'), '--namespace', namespace, '--helm-extra-args', '--timeout 180s'], {
    cwd: ROOT,
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, KUBECONFIG: kubeconfig(), ...helmStateEnv() },
  });
  const output = result.stdout + result.stderr;
  assert.is(result.code, 0, output.slice(-8000));
  assert.match(output, /All charts installed successfully/);
  for (const chart of ALL_CHARTS) assert.match(output, new RegExp(`✔︎ ${chart} => `), `${chart} installed`);
  const installs = [...output.matchAll(/Installing chart with values file "([^"]+)"/g)].map((m) => m[1]);
  console.log(`\nct install: ${installs.length} installs with ci values files`);
  assert.ok(installs.length >= 10, `ct installed with the ci values files (${installs.length})`);

  // ct uninstalled every release it made, with what it owned.
  assert.equal(JSON.parse(mustHelm(['list', '--namespace', namespace, '--output', 'json'])), [], 'releases left');
  assert.equal((await clients().apps.listNamespacedDeployment({ namespace })).items.map((d) => d.metadata!.name), [], 'Deployments left');
});

ct.run();
