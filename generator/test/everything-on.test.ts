import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { stringify } from 'yaml';
import { everythingOn } from './support/everything-on.js';
import { kubeScoreCritical, templateResult } from './support/tools.js';

/**
 * The "everything on" values (every pod setting on every workload, see
 * support/everything-on.ts) render with both Helm majors, the same way twice,
 * and nothing kube-score rates critical; the cluster suite installs them.
 */
const test = suite('every setting on every component at once renders cleanly');

const file = path.join(mkdtempSync(path.join(tmpdir(), 'balena-everything-')), 'values.yaml');
writeFileSync(file, stringify(everythingOn()));

for (const binary of ['helm', 'helm3'] as const) {
  test(`${binary} template accepts the values and renders the same output twice`, () => {
    const first = templateResult('umbrella', { valuesFiles: [file], binary, kubeVersion: 'v1.37.2' });
    assert.is(first.code, 0, first.stderr);
    const second = templateResult('umbrella', { valuesFiles: [file], binary, kubeVersion: 'v1.37.2' });
    assert.is(second.stdout, first.stdout);
  });
}

test('kube-score finds nothing critical', () => {
  const rendered = templateResult('umbrella', { valuesFiles: [file], kubeVersion: 'v1.37.2' });
  assert.is(rendered.code, 0, rendered.stderr);
  const { critical, output } = kubeScoreCritical(rendered.stdout);
  assert.equal(critical, [], output);
});

test.run();
