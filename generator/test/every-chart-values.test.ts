import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseManifests, ROOT, templateResult, type Manifest } from './support/tools.js';

type Json = Record<string, any>; // rendered objects are checked field by field below

const SUBCHARTS = ['ui', 'api', 'monitoring', 'ingress', 'backup'] as const;
const PRODUCTION = path.join(ROOT, 'environments/production.yaml');

function renderUmbrella(values: Json): Manifest[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-every-'));
  try {
    writeFileSync(path.join(dir, 'values.json'), JSON.stringify(values));
    const result = templateResult('umbrella', { valuesFiles: [PRODUCTION, path.join(dir, 'values.json')] });
    assert.is(result.code, 0, result.stderr);
    return parseManifests(result.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every label selector in an object: workload, Service, PDB, NetworkPolicy and topology-spread selectors. */
function selectors(object: Json): Json[] {
  const found: Json[] = [];
  const visit = (node: unknown, key: string) => {
    if (Array.isArray(node)) node.forEach((item) => visit(item, key));
    else if (node !== null && typeof node === 'object') {
      if (['selector', 'podSelector', 'labelSelector', 'namespaceSelector'].includes(key)) found.push(node as Json);
      for (const [child, value] of Object.entries(node)) visit(value, child);
    }
  };
  visit(object, '');
  // A Service's selector is the label map itself; the others hold it under matchLabels.
  return found.map((selector) => selector.matchLabels ?? selector);
}

const labels = suite('commonLabels: on every object a chart makes, in no selector');

labels('each subchart labels all its objects and pod templates, and selects by none of it', () => {
  const manifests = renderUmbrella(Object.fromEntries(SUBCHARTS.map((chart) => [chart, { commonLabels: { 'example.com/team': `team-${chart}` } }])));
  for (const object of manifests as Json[]) {
    const chart = String(object.metadata.labels?.['helm.sh/chart'] ?? '').replace(/-\d.*$/, '');
    if (!SUBCHARTS.includes(chart as (typeof SUBCHARTS)[number])) continue;
    assert.is(object.metadata.labels['example.com/team'], `team-${chart}`, `${object.kind}/${object.metadata.name}`);
    const podTemplate = object.spec?.template ?? object.spec?.jobTemplate?.spec?.template;
    if (podTemplate !== undefined) assert.is(podTemplate.metadata.labels['example.com/team'], `team-${chart}`, `${object.kind}/${object.metadata.name} pods`);
    for (const selector of selectors(object)) assert.is(selector['example.com/team'], undefined, `${object.kind}/${object.metadata.name} selects by a common label`);
  }
});

labels('a common label cannot replace one of the chart\'s own', () => {
  const manifests = renderUmbrella({ ui: { commonLabels: { 'app.kubernetes.io/name': 'other', 'app.kubernetes.io/part-of': 'other' } } });
  const deployment = (manifests as Json[]).find((object) => object.kind === 'Deployment' && object.metadata.name === 'balena-ui');
  assert.is(deployment?.metadata.labels['app.kubernetes.io/name'], 'ui');
  assert.is(deployment?.metadata.labels['app.kubernetes.io/part-of'], 'balena');
});

labels.run();

const annotations = suite('commonAnnotations: on every object a chart installs, below the object\'s own');

annotations('each subchart annotates all its objects (hooks too), not its pod templates', () => {
  const manifests = renderUmbrella(Object.fromEntries(SUBCHARTS.map((chart) => [chart, { commonAnnotations: { 'example.com/owner': `team-${chart}` } }])));
  let annotated = 0;
  for (const object of manifests as Json[]) {
    const chart = String(object.metadata.labels?.['helm.sh/chart'] ?? '').replace(/-\d.*$/, '');
    if (!SUBCHARTS.includes(chart as (typeof SUBCHARTS)[number]) || object.metadata.annotations?.['helm.sh/hook'] === 'test') continue;
    assert.is(object.metadata.annotations?.['example.com/owner'], `team-${chart}`, `${object.kind}/${object.metadata.name}`);
    annotated += 1;
    const podTemplate = object.spec?.template ?? object.spec?.jobTemplate?.spec?.template;
    if (podTemplate !== undefined) assert.is(podTemplate.metadata.annotations?.['example.com/owner'], undefined, `${object.kind}/${object.metadata.name} pods`);
  }
  assert.ok(annotated > 40, `${annotated} objects annotated`);
});

annotations('an object\'s own annotations win: Helm hook keys, the Ingress controller\'s, a ServiceAccount\'s', () => {
  const common = { 'helm.sh/hook': 'post-delete', 'nginx.org/redirect-to-https': 'false', 'iam.gke.io/gcp-service-account': 'other@example.iam.gserviceaccount.com', 'example.com/owner': 'web' };
  const manifests = renderUmbrella({ monitoring: { commonAnnotations: common }, ingress: { commonAnnotations: common }, api: { commonAnnotations: common } }) as Json[];
  const find = (kind: string, name: string) => manifests.find((object) => object.kind === kind && object.metadata.name === name);
  const hook = find('Job', 'balena-monitoring-grafana-admin-init');
  assert.is(hook?.metadata.annotations['helm.sh/hook'], 'pre-install,pre-upgrade');
  assert.is(hook?.metadata.annotations['example.com/owner'], 'web');
  assert.is(find('Ingress', 'balena-ingress')?.metadata.annotations['nginx.org/redirect-to-https'], 'true');
  assert.match(find('ServiceAccount', 'balena-api')?.metadata.annotations['iam.gke.io/gcp-service-account'], /^balena-api@/);
});

annotations('a value that is not text is refused, naming its values path', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-every-'));
  try {
    writeFileSync(path.join(dir, 'values.json'), JSON.stringify({ backup: { commonAnnotations: { 'example.com/ttl': 30 } } }));
    const result = templateResult('umbrella', { valuesFiles: [PRODUCTION, path.join(dir, 'values.json')] });
    assert.is.not(result.code, 0);
    assert.match(result.stderr, /\/backup\/commonAnnotations\/example.com~1ttl|\/commonAnnotations\/example.com~1ttl/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

annotations.run();

const extra = suite('extraObjects: the user\'s own manifests, in every chart and the umbrella');

extra('objects and YAML text pass through tpl, each in the chart that lists them', () => {
  const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `{{ .Release.Name }}-${name}` }, data: { chart: '{{ .Chart.Name }}' } });
  const manifests = renderUmbrella({
    extraObjects: [configMap('umbrella'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-as-text\n'],
    ...Object.fromEntries(SUBCHARTS.map((chart) => [chart, { extraObjects: [configMap(chart)] }])),
  });
  const made = new Map((manifests as Json[]).filter((object) => object.kind === 'ConfigMap').map((object) => [object.metadata.name, object.data?.chart]));
  assert.is(made.get('balena-umbrella'), 'umbrella');
  assert.ok(made.has('balena-as-text'));
  for (const chart of SUBCHARTS) assert.is(made.get(`balena-${chart}`), chart, chart);
});

extra('an item that is neither an object nor text is refused, naming its values path', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-every-'));
  try {
    writeFileSync(path.join(dir, 'values.json'), JSON.stringify({ api: { extraObjects: [3] } }));
    const result = templateResult('umbrella', { valuesFiles: [path.join(dir, 'values.json')] });
    assert.is.not(result.code, 0);
    assert.match(result.stderr, '/api/extraObjects/0');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

extra.run();
