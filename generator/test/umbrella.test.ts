import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { valuesCases } from './support/cases.js';
import { parseManifests, ROOT, run, template, templateResult, type Manifest } from './support/tools.js';

type Json = Record<string, any>; // rendered objects are checked field by field below

const services = (manifests: Manifest[]) => new Set(manifests.filter((m) => m.kind === 'Service').map((m) => m.metadata.name));

const wiring = suite('umbrella: the components are wired to each other once, in one render');
for (const c of valuesCases(['umbrella'])) {
  wiring(`METRICS_URL is the Prometheus Service of the same render (${c.name})`, () => {
    const manifests = parseManifests(template('umbrella', { valuesFiles: c.valuesFiles }));
    const api = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'balena-api') as Json;
    const metricsUrl: string = api.spec.template.spec.containers.find((x: Json) => x.name === 'api').env.find((e: Json) => e.name === 'METRICS_URL').value;
    const prometheus = manifests.find((m) => m.kind === 'Service' && m.metadata.name.endsWith('-prometheus')) as Json;
    assert.is(metricsUrl, `http://${prometheus.metadata.name}.web.svc.cluster.local:${prometheus.spec.ports[0].port}`);
  });
  wiring(`every Ingress backend is a Service of the same render (${c.name})`, () => {
    const manifests = parseManifests(template('umbrella', { valuesFiles: c.valuesFiles }));
    const names = services(manifests);
    const backends = manifests
      .filter((m) => m.kind === 'Ingress')
      .flatMap((m) => (m as Json).spec.rules.flatMap((r: Json) => r.http.paths.map((p: Json) => p.backend.service.name as string)));
    assert.ok(backends.length >= 3);
    for (const backend of backends) assert.ok(names.has(backend), `${backend} is not a Service of this release`);
  });
}
wiring('a release name that contains a chart name still wires up (fullname rule shared)', () => {
  const manifests = parseManifests(template('umbrella', { release: 'guide' }));
  const names = services(manifests);
  assert.ok(names.has('guide'), 'the ui Service is named after the release');
  const ingress = manifests.find((m) => m.kind === 'Ingress') as Json;
  for (const path of ingress.spec.rules[0].http.paths) assert.ok(names.has(path.backend.service.name), path.backend.service.name);
});
wiring('global.domain and global.ingressControllerNamespace reach every component', () => {
  const manifests = parseManifests(template('umbrella', { set: ['global.domain=shop.example.com', 'global.ingressControllerNamespace=edge'] }));
  const ingress = manifests.find((m) => m.kind === 'Ingress') as Json;
  assert.is(ingress.spec.rules[0].host, 'shop.example.com');
  const admitted = manifests
    .filter((m) => m.kind === 'NetworkPolicy')
    .flatMap((m) => ((m as Json).spec.ingress ?? []).flatMap((rule: Json) => (rule.from ?? []).map((peer: Json) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'])))
    .filter(Boolean);
  assert.equal([...new Set(admitted)], ['edge']);
});
wiring('a component can be switched off with <name>.enabled', () => {
  const manifests = parseManifests(template('umbrella', { set: ['monitoring.enabled=false'] }));
  assert.not.ok(manifests.some((m) => m.metadata.name.includes('monitoring')));
});
wiring('the umbrella schema checks subchart values too, naming the value', () => {
  const result = templateResult('umbrella', { set: ['ui.replicaCount=abc', 'monitoring.grafana.admn=x'] });
  assert.is.not(result.code, 0);
  assert.ok(result.stderr.includes("at '/ui/replicaCount': got string, want integer"), result.stderr);
  assert.ok(result.stderr.includes("at '/monitoring/grafana': additional properties 'admn' not allowed"), result.stderr);
});
wiring('a typo under a switched-off component is still refused: Helm drops a disabled subchart before its own schema runs, the umbrella\'s does not', () => {
  const result = templateResult('umbrella', { set: ['backup.enabled=false', 'backup.schedul=0 1 * * *'] });
  assert.is.not(result.code, 0);
  assert.ok(result.stderr.includes("at '/backup': additional properties 'schedul' not allowed"), result.stderr);
});
wiring.run();

const typed = suite('typed values: TypeScript file → checked YAML');
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'generator/src/cli.ts'), ...args]);
typed('environments/production.ts produces exactly the checked-in environments/production.yaml', () => {
  const result = cli('values', 'environments/production.ts');
  assert.is(result.code, 0, result.stderr);
  assert.fixture(result.stdout, readFileSync(path.join(ROOT, 'environments/production.yaml'), 'utf8'));
});
function scratchValues(body: string): { file: string; dispose(): void } {
  const dir = mkdtempSync(path.join(ROOT, 'environments', '.scratch-'));
  const file = path.join(dir, 'values.ts');
  writeFileSync(file, `import { defineValues } from '../../generator/src/generated/index.js';\nexport default defineValues('umbrella', ${body});\n`);
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
typed('an out-of-range value is refused with its value path, as Helm would', () => {
  const values = scratchValues("{ api: { autoscaling: { minReplicas: 0 } }, ui: { service: { port: 70000 } } }");
  try {
    const result = cli('values', values.file);
    assert.is(result.code, 1);
    assert.match(result.stderr, /#\/api\/autoscaling\/minReplicas: api\.autoscaling\.minReplicas: must be >= 1 \[VALUES_INVALID\]/);
    assert.match(result.stderr, /ui\.service\.port: must be <= 65535/);
  } finally {
    values.dispose();
  }
});
typed('the same out-of-range value is refused by helm template, at the same path', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-values-'));
  try {
    writeFileSync(path.join(dir, 'v.yaml'), 'api:\n  autoscaling:\n    minReplicas: 0\n');
    const helm = templateResult('umbrella', { valuesFiles: [path.join(dir, 'v.yaml')] });
    assert.is.not(helm.code, 0);
    assert.ok(helm.stderr.includes("at '/api/autoscaling/minReplicas': minimum: got 0, want 1"), helm.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
typed('a wrong type is caught by tsc before anything runs', () => {
  const values = scratchValues("{ api: { replicaCount: 'three' } }");
  try {
    const result = run(path.join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '--strict', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--skipLibCheck', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules/@types'), values.file]);
    assert.is.not(result.code, 0);
    assert.match(result.stdout, /values\.ts\(2,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
  } finally {
    values.dispose();
  }
});
typed.run();

