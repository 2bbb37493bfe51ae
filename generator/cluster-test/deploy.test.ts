import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clusterHelm, deleteNamespace, kubeconfig } from '../test/support/cluster.js';
import { ROOT, run } from '../test/support/tools.js';

// `npm run deploy`, the end of the README's first command: with no context
// named it installs into the local control plane and prints a status table;
// it never falls back to whatever context happens to be current.

const namespace = 'balena-deploy';
const deploy = suite('cluster: npm run deploy');
const script = path.join(ROOT, 'scripts/deploy.ts');
const tsx = path.join(ROOT, 'node_modules/.bin/tsx');

deploy.after(async () => {
  clusterHelm(['uninstall', 'balena', '--namespace', namespace, '--wait']);
  await deleteNamespace(namespace);
});

deploy('installs dev values into the local control plane and prints what runs', () => {
  const result = run(tsx, [script, '--namespace', namespace]);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /installing into the local control plane/);
  for (const workload of ['balena-ui', 'balena-api', 'balena-monitoring-grafana']) {
    assert.match(result.stdout, new RegExp(`^Deployment\\s+${workload}\\s+1/1 available`, 'm'), workload);
  }
  assert.match(result.stdout, /^Service\s+balena-api\s+ClusterIP/m);
});

deploy('a named context that does not exist is refused in one line, and nothing is installed', () => {
  const result = run(tsx, [script, '--kube-context', 'no-such-context', '--namespace', 'balena-nowhere'], { env: { KUBECONFIG: kubeconfig() } });
  assert.is(result.code, 1);
  // Node's own warnings (colour settings of the test runner) aside, one line.
  const lines = result.stderr.split('\n').filter((line) => line && !/^\(node:\d+\)|^\(Use `node/.test(line));
  assert.is(lines.length, 1, result.stderr);
  assert.match(lines[0]!, /^deploy: --kube-context: no context 'no-such-context' in .* \(have: /);
});

deploy.run();
