import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { valuesCases } from './support/cases.js';
import { helm, kubeconformFiles, memoize, parseManifests, readKubeVersions, ROOT, run, template, templateResult, tool, tools, ALL_CHARTS } from './support/tools.js';

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
let rendersDir = '';
conform.before(() => {
  rendersDir = mkdtempSync(path.join(tmpdir(), 'balena-conform-'));
});
conform.after(() => rmSync(rendersDir, { recursive: true, force: true }));
/** Every case's render on `version`, in a file of its own, checked by one kubeconform run; a case whose render fails has none. */
const conformance = memoize((version: string) => {
  const files = new Map<string, string>();
  cases.forEach((c, i) => {
    const rendered = templateResult(c.chart, { valuesFiles: c.valuesFiles, kubeVersion: version });
    if (rendered.code !== 0) return;
    const file = path.join(rendersDir, `${version}-${i}-${c.chart}.yaml`);
    writeFileSync(file, rendered.stdout);
    files.set(`${c.chart} (${c.name})`, file);
  });
  const { objects, result } = kubeconformFiles([...files.values()], version);
  return { files, objects, stderr: result.stderr };
});
for (const c of cases) {
  for (const version of kubeVersions) {
    conform(`${c.chart} (${c.name}) on Kubernetes ${version}`, () => {
      const { files, objects, stderr } = conformance(version);
      const file = files.get(`${c.chart} (${c.name})`);
      // The render's own error, if that is why it has no file.
      if (file === undefined) template(c.chart, { valuesFiles: c.valuesFiles, kubeVersion: version });
      const own = objects.filter((object) => object.filename === file);
      assert.ok(own.length > 0, `kubeconform judged no object of ${file}: ${stderr}`);
      const refused = own.filter((object) => object.status !== 'statusValid');
      // statusSkipped too: every resource must have a schema.
      assert.equal(refused.map(({ kind, name, status, msg }) => `${kind} ${name}: ${status} ${msg}`), []);
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
