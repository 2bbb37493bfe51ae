import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { stringify } from 'yaml';
import { valuesCases } from './support/cases.js';
import { everythingOn } from './support/everything-on.js';
import { ALL_CHARTS, parseManifests, ROOT, run, template, tool, type RunResult } from './support/tools.js';

const CONFIG = path.join(ROOT, '.kube-linter.yaml');

/** kube-linter's default checks (less the config's exclusions) over rendered manifests. */
function kubeLinter(manifests: string, config = CONFIG): RunResult {
  return run(tool('kube-linter'), ['lint', '--config', config, '-'], { input: manifests });
}
/** "check: object" for each finding. */
const findings = (result: RunResult): string[] =>
  [...(result.stdout + result.stderr).matchAll(/\(object: <no namespace>\/(\S+) \S+ Kind=(\w+)\) .*?\(check: ([a-z0-9-]+),/g)].map((m) => `${m[3]}: ${m[2]}/${m[1]}`);

/** `body` with a scratch file holding `text`, removed afterwards. */
function withFile<T>(name: string, text: string, body: (file: string) => T): T {
  const scratch = mkdtempSync(path.join(tmpdir(), 'balena-kube-linter-'));
  try {
    const file = path.join(scratch, name);
    writeFileSync(file, text);
    return body(file);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const lint = suite('kube-linter: its default checks find nothing in the rendered charts');
for (const c of valuesCases(ALL_CHARTS)) {
  lint(`${c.chart} (${c.name})`, () => {
    const result = kubeLinter(template(c.chart, { valuesFiles: c.valuesFiles }));
    assert.equal(findings(result), [], result.stdout + result.stderr);
    assert.is(result.code, 0, result.stderr);
    assert.match(result.stdout, 'No lint errors found!');
  });
}
lint('the umbrella with every setting on every component', () => {
  const result = withFile('values.yaml', stringify(everythingOn()), (file) => kubeLinter(template('umbrella', { valuesFiles: [file] })));
  assert.equal(findings(result), [], result.stdout + result.stderr);
  assert.is(result.code, 0);
});
lint.run();

const faults = suite('kube-linter: a planted fault is reported, naming the object and the check');
faults('a privileged Deployment among the extra objects', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'team-privileged' },
    spec: {
      selector: { matchLabels: { app: 'team' } },
      template: { metadata: { labels: { app: 'team' } }, spec: { containers: [{ name: 'shell', image: 'busybox:1.37', securityContext: { privileged: true } }] } },
    },
  };
  const result = withFile('values.yaml', stringify({ extraObjects: [deployment] }), (file) => kubeLinter(template('api', { valuesFiles: [file] })));
  assert.is(result.code, 1);
  const found = findings(result);
  assert.ok(found.includes('privileged-container: Deployment/team-privileged'), found.join('\n'));
  assert.ok(found.every((line) => line.endsWith('Deployment/team-privileged')), found.join('\n'));
});
faults('the config is read: without its exclusion, three ui replicas without podAntiAffinity are reported', () => {
  const manifests = template('ui', { valuesFiles: [path.join(ROOT, 'charts/ui/ci/nodeport-values.yaml')] });
  assert.equal(findings(kubeLinter(manifests)), []);
  const found = withFile('kube-linter.yaml', 'checks:\n  exclude: []\n', (config) => findings(kubeLinter(manifests, config)));
  assert.equal(found, ['no-anti-affinity: Deployment/balena-ui']);
});
faults('an exception annotation is read: without it, the restore Job\'s missing TTL is reported', () => {
  const manifests = template('backup', { valuesFiles: [path.join(ROOT, 'charts/backup/ci/restore-values.yaml')] });
  assert.equal(findings(kubeLinter(manifests)), []);
  const objects = parseManifests(manifests);
  const job = objects.find((m) => m.kind === 'Job' && m.metadata.name === 'balena-backup-restore')!;
  const annotations = job.metadata.annotations as Record<string, string>;
  const exception = 'ignore-check.kube-linter.io/job-ttl-seconds-after-finished';
  assert.ok(exception in annotations, 'the restore Job carries its exception');
  delete annotations[exception];
  const stripped = objects.map((m) => stringify(m)).join('---\n');
  assert.equal(findings(kubeLinter(stripped)), ['job-ttl-seconds-after-finished: Job/balena-backup-restore']);
});
faults.run();
