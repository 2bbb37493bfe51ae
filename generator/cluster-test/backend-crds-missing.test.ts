import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clusterHelm, deleteNamespace, kubectl, restrictedNamespace, serverVersion } from '../test/support/cluster.js';
import { ROOT } from '../test/support/tools.js';

// On a live API server that serves neither the Prometheus Operator's nor GMP's
// CRDs (scripts/test.sh runs this on the control plane that has none), helm
// install with either backend fails before creating anything, naming what to
// install.
const namespace = 'balena-no-crds';
const chart = path.join(ROOT, 'charts/monitoring');

const missing = suite(`cluster (Kubernetes ${serverVersion()}): a backend whose CRDs the cluster lacks is refused before any object is made`);
missing.before(async () => {
  for (const crd of ['servicemonitors.monitoring.coreos.com', 'podmonitorings.monitoring.googleapis.com']) {
    const found = kubectl(['get', 'crd', crd, '--ignore-not-found', '-o', 'name']);
    assert.is(found.stdout.trim(), '', `${crd} must be absent on this control plane for the test to mean anything`);
  }
  await restrictedNamespace(namespace);
});
missing.after(async () => {
  await deleteNamespace(namespace);
});

for (const [backend, message] of [
  ['operator', /backend: operator needs monitoring\.coreos\.com\/v1, which this cluster does not serve: install the Prometheus Operator's CRDs/],
  ['gmp', /backend: gmp needs monitoring\.googleapis\.com\/v1, which this cluster does not serve: install Google Cloud Managed Service for Prometheus/],
] as const) {
  missing(`${backend}: helm install fails naming the CRDs, and leaves no release and no object`, () => {
    const result = clusterHelm(['install', 'balena', chart, '--namespace', namespace, '--values', path.join(chart, 'ci', `${backend}-values.yaml`), '--set', 'requireBackendCrds=true', '--wait', '--timeout', '2m']);
    assert.is.not(result.code, 0);
    assert.match(result.stderr, message);
    assert.is(clusterHelm(['list', '--namespace', namespace, '--all', '-q']).stdout.trim(), '', 'no release record');
    const objects = kubectl(['get', 'all,configmaps,secrets,networkpolicies,serviceaccounts,jobs', '--namespace', namespace, '-o', 'name']).stdout.trim().split('\n')
      .filter((name) => name !== '' && name !== 'configmap/kube-root-ca.crt' && name !== 'serviceaccount/default');
    assert.equal(objects, []);
  });
}
missing.run();
