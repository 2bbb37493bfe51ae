import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { valuesCases } from './support/cases.js';
import { helm, kubeconform, parseManifests, readKubeVersions, ROOT, run, template, tool, tools, ALL_CHARTS } from './support/tools.js';

const cases = valuesCases(ALL_CHARTS);
const kubeVersions = readKubeVersions();

const lint = suite('helm lint --strict accepts every chart and ci values file');
for (const c of cases) {
  for (const binary of ['helm', 'helm3'] as const) {
    lint(`${binary} lint --strict ${c.chart} (${c.name})`, () => {
      const args = ['lint', '--strict', path.join(ROOT, 'charts', c.chart), ...c.valuesFiles.flatMap((f) => ['--values', f])];
      const result = helm(args, binary);
      assert.is(result.code, 0, result.stdout + result.stderr);
    });
  }
}
lint.run();

const conform = suite('rendered manifests pass kubeconform -strict on the oldest and newest supported Kubernetes');
for (const c of cases) {
  for (const version of kubeVersions) {
    conform(`${c.chart} (${c.name}) on Kubernetes ${version}`, () => {
      const manifests = template(c.chart, { valuesFiles: c.valuesFiles, kubeVersion: version });
      const result = kubeconform(manifests, version);
      assert.is(result.code, 0, result.stdout + result.stderr);
      assert.not.match(result.stdout, /Skipped: [1-9]/, 'every resource must have a schema');
    });
  }
}
conform.run();

// Helm 3's `template` assumes Kubernetes 1.20 unless told, which the charts'
// kubeVersion refuses; Argo CD and Flux pass the cluster's version the same way.
const helm3 = suite('Helm 3 renders the same manifests as Helm 4');
for (const c of cases) {
  helm3(`${c.chart} (${c.name})`, () => {
    const kubeVersion = kubeVersions[kubeVersions.length - 1];
    const four = template(c.chart, { valuesFiles: c.valuesFiles, kubeVersion });
    const three = template(c.chart, { valuesFiles: c.valuesFiles, kubeVersion, binary: 'helm3' });
    // Helm 4 separates documents with a blank line; compare the objects, not the spacing.
    assert.equal(parseManifests(three), parseManifests(four));
  });
}
helm3.run();

/** The oldest and newest Kubernetes the charts support, as pinned for the schema download. */
