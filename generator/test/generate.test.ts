import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generate } from '../src/index.js';
import { copyOf, scratchProject, type ScratchProject } from './support/project.js';
import { ROOT } from './support/tools.js';

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

const committed = suite('the committed charts match the schemas');
committed('generate --check finds no drift in this repository', async () => {
  const result = await generate({ root: ROOT, check: true });
  assert.equal(result.drift, []);
});
committed('the manifest lists every generated file with its hash', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'charts/.generated.json'), 'utf8')) as { files: Record<string, string> };
  assert.ok(Object.keys(manifest.files).length > 100);
  assert.ok('charts/umbrella/charts/api/values.yaml' in manifest.files);
});
committed.run();

const deterministic = suite('generation is deterministic');
deterministic('two runs from the same schemas write byte-identical files', () => {
  const first = scratchProject();
  const second = scratchProject();
  try {
    assert.is(first.cli('generate').code, 0);
    assert.is(second.cli('generate').code, 0);
    const files = listFiles(path.join(first.root, 'charts'));
    assert.equal(files, listFiles(path.join(second.root, 'charts')));
    assert.ok(files.length > 20);
    for (const file of files) {
      assert.ok(
        readFileSync(path.join(first.root, 'charts', file)).equals(readFileSync(path.join(second.root, 'charts', file))),
        `${file} differs between runs`,
      );
    }
  } finally {
    first.dispose();
    second.dispose();
  }
});
deterministic('a second run changes nothing', () => {
  const project = scratchProject();
  try {
    project.cli('generate');
    const again = project.cli('generate');
    assert.is(again.code, 0);
    assert.match(again.stdout, /, 0 changed/);
    // Nothing any chart is made of changed: each is kept as written (reuse.test.ts).
    assert.match(again.stdout, /kept as written, nothing they are made of changed: api, backup, ingress, monitoring, ui, umbrella\)/);
  } finally {
    project.dispose();
  }
});
deterministic.run();

const drift = suite('generate --check reports drift and writes nothing');
let project: ScratchProject;
// Generated once; each test gets a copy of it.
let generated: ScratchProject | undefined;
drift.before(() => {
  generated = scratchProject();
  assert.is(generated.cli('generate').code, 0);
});
drift.before.each(() => {
  project = copyOf(generated!);
});
drift.after.each(() => project.dispose());
drift.after(() => generated?.dispose());

drift('editing one default makes --check exit 1 naming every file it changes', () => {
  project.editJson('schemas/api.schema.json', (schema) => {
    schema.properties.replicaCount.default = 3;
  });
  const before = project.read('charts/api/values.yaml');
  const result = project.cli('generate', '--check');
  assert.is(result.code, 1);
  const named = result.stderr.split('\n').filter((line) => line.includes(': changed')).map((line) => line.split(':')[0]);
  assert.equal(named.sort(), [
    // The manifest records every output's hash, so it changes with them.
    'charts/.generated.json',
    'charts/api/README.md',
    'charts/api/values.schema.json',
    'charts/api/values.yaml',
    // The umbrella carries a copy of the api chart (without its schema) and bundles the schema in its own.
    'charts/umbrella/charts/api/README.md',
    'charts/umbrella/charts/api/values.yaml',
    'charts/umbrella/values.schema.json',
  ].sort());
  assert.is(project.read('charts/api/values.yaml'), before, '--check must not write');
});
drift('with nothing changed, --check answers from the manifest without running the pipeline', () => {
  const result = project.cli('generate', '--check', '--verbose');
  assert.is(result.code, 0);
  assert.match(result.stdout, /up to date \(matches the manifest of the last generate\)/);
  assert.not.match(result.stderr, /\[generate\] emit/);
});
drift('after a check recorded the tree as up to date, a same-size hand edit is still drift', () => {
  assert.is(project.cli('generate', '--check').code, 0);
  assert.is(project.cli('generate', '--check').code, 0, 'answered from the record');
  const service = project.read('charts/ui/templates/service.yaml');
  project.write('charts/ui/templates/service.yaml', service.replace('kind: Service', 'kind: Servica'));
  const result = project.cli('generate', '--check');
  assert.is(result.code, 1);
  assert.match(result.stderr, /charts\/ui\/templates\/service\.yaml: changed/);
});
/** Files added or removed where a check lists folders, after a check recorded the tree (the record keeps each folder's time instead of listing it again). */
const listedChanges: { where: string; change(project: ScratchProject): void; named: RegExp }[] = [
  { where: 'a stray file in a chart\'s subfolder', change: (p) => p.write('charts/ui/templates/old.yaml', 'kind: ConfigMap\n'), named: /charts\/ui\/templates\/old\.yaml: stale/ },
  { where: 'a new shared definitions file', change: (p) => p.write('schemas/defs/extra.schema.json', '{ "$defs": {} }\n'), named: /charts\/\.generated\.json: changed/ },
  { where: 'a new overlay folder for a chart', change: (p) => { mkdirSync(path.join(p.root, 'templates/ui/files'), { recursive: true }); p.write('templates/ui/files/motd.txt', 'hello\n'); }, named: /charts\/ui\/files\/motd\.txt: missing/ },
  // A chart lists it: the check runs the pipeline, which names the missing dashboard.
  { where: 'a removed dashboard', change: (p) => rmSync(path.join(p.root, 'dashboards/pods.json')), named: /no dashboard "pods" in the dashboards folder \[DASHBOARD_INVALID\]/ },
];
for (const { where, change, named } of listedChanges) {
  drift(`after a check recorded the tree as up to date, ${where} is still noticed`, () => {
    assert.is(project.cli('generate', '--check').code, 0);
    assert.is(project.cli('generate', '--check').code, 0, 'answered from the record');
    change(project);
    const result = project.cli('generate', '--check');
    assert.is(result.code, 1, result.stdout);
    assert.match(result.stderr, named);
  });
}
drift('a hand edit to a generated file is drift', () => {
  project.write('charts/ui/templates/service.yaml', project.read('charts/ui/templates/service.yaml') + '# tweak\n');
  const result = project.cli('generate', '--check');
  assert.is(result.code, 1);
  assert.match(result.stderr, /charts\/ui\/templates\/service\.yaml: changed/);
});
drift('a stray file in a chart is reported, then removed by generate', () => {
  writeFileSync(path.join(project.root, 'charts/ui/templates/old.yaml'), 'kind: ConfigMap\n');
  const check = project.cli('generate', '--check');
  assert.is(check.code, 1);
  assert.match(check.stderr, /charts\/ui\/templates\/old\.yaml: stale/);
  project.cli('generate');
  assert.not.ok(existsSync(path.join(project.root, 'charts/ui/templates/old.yaml')));
});
drift('hand-written ci/*-values.yaml files are neither drift nor removed', () => {
  const ci = path.join(project.root, 'charts/ui/ci');
  mkdirSync(ci, { recursive: true });
  writeFileSync(path.join(ci, 'extra-values.yaml'), 'replicaCount: 1\n');
  assert.is(project.cli('generate', '--check').code, 0);
  project.cli('generate');
  assert.ok(existsSync(path.join(ci, 'extra-values.yaml')));
});
drift.run();

const config = suite('the project config is the one place for product settings');
config('the supported Kubernetes minors are the ones the scripts test on (scripts/versions.env)', () => {
  const settings = JSON.parse(readFileSync(path.join(ROOT, 'balena-charts.config.json'), 'utf8')) as { kubernetes: { oldest: string; newest: string } };
  const versions = readFileSync(path.join(ROOT, 'scripts/versions.env'), 'utf8');
  const minor = (name: string) => new RegExp(`^${name}=v(\\d+\\.\\d+)\\.\\d+$`, 'm').exec(versions)?.[1];
  assert.is(minor('K8S_OLDEST_VERSION'), settings.kubernetes.oldest);
  assert.is(minor('KUBERNETES_OLDEST_VERSION'), settings.kubernetes.oldest);
  assert.is(minor('K8S_NEWEST_VERSION'), settings.kubernetes.newest);
  for (const chart of ['ui', 'umbrella']) {
    assert.match(readFileSync(path.join(ROOT, `charts/${chart}/Chart.yaml`), 'utf8'), new RegExp(`^kubeVersion: ">=${settings.kubernetes.oldest.replace('.', '\\.')}\\.0-0"$`, 'm'));
  }
});
config('a product setting reaches the charts: another part-of label and licence change every chart, and nothing is product-named', () => {
  const project = scratchProject();
  try {
    project.editJson('balena-charts.config.json', (c) => {
      c.labels.partOf = 'shop';
      c.chart.license = 'MIT';
    });
    assert.is(project.cli('generate').code, 0);
    for (const chart of ['ui', 'monitoring', 'backup']) {
      assert.match(project.read(`charts/${chart}/templates/_labels.tpl`), /app\.kubernetes\.io\/part-of: shop$/m, chart);
      assert.match(project.read(`charts/${chart}/Chart.yaml`), /artifacthub\.io\/license: MIT/, chart);
    }
  } finally {
    project.dispose();
  }
});
config.run();
