import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clients, kubeconfig } from '../test/support/cluster.js';
import { ALL_CHARTS, ROOT, run, tools } from '../test/support/tools.js';

// chart-testing's own install step: every chart with each of its
// ci/*-values.yaml files is installed (--wait), its `helm test` hooks run,
// and it is uninstalled, each in a namespace of its own. The API server
// enforces the restricted Pod Security Standard in every namespace
// (scripts/cluster/admission.yaml), so ct's namespaces are held to it too.

const ct = suite('cluster: ct install --all');

ct('installs, tests and uninstalls every chart with each ci values file', async () => {
  const namespacesBefore = (await clients().core.listNamespace()).items.map((n) => n.metadata!.name!);
  const bin = path.join(tools(), 'bin');
  const result = run(path.join(bin, 'ct'), ['install', '--config', path.join(ROOT, 'ct.yaml'), '--helm-extra-args', '--timeout 180s'], {
    cwd: ROOT,
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, KUBECONFIG: kubeconfig(), HELM_CACHE_HOME: path.join(tools(), 'helm-home/cache'), HELM_CONFIG_HOME: path.join(tools(), 'helm-home/config'), HELM_DATA_HOME: path.join(tools(), 'helm-home/data') },
  });
  const output = result.stdout + result.stderr;
  assert.is(result.code, 0, output.slice(-8000));
  assert.match(output, /All charts installed successfully/);
  for (const chart of ALL_CHARTS) assert.match(output, new RegExp(`✔︎ ${chart} => `), `${chart} installed`);
  const installs = [...output.matchAll(/Installing chart with values file "([^"]+)"/g)].map((m) => m[1]);
  console.log(`\nct install: ${installs.length} installs with ci values files`);
  assert.ok(installs.length >= 10, `ct installed with the ci values files (${installs.length})`);

  const namespacesAfter = (await clients().core.listNamespace()).items.filter((n) => !n.metadata?.deletionTimestamp).map((n) => n.metadata!.name!);
  assert.equal(namespacesAfter.filter((n) => !namespacesBefore.includes(n)), [], 'ct removed its namespaces');
});

ct.run();
