import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ALWAYS, compileTemplates, fromHandlebars, toHandlebars, type TemplateFile } from '../src/render/templates.js';
import { FEATURES, type Feature } from '../src/schema/chart-metadata.js';
import { DEFAULT_CONFIG } from '../src/project/config.js';
import { GeneratorError } from '../src/errors.js';
import type { ChartModel } from '../src/pipeline/normalize.js';

const chart = (name: string, features: Partial<Record<Feature, boolean>> = {}): ChartModel => ({
  name,
  metadata: { name, version: '0.1.0', appVersion: '1.0.0', description: 'd', templates: ['example'] },
  source: `schemas/${name}.schema.json`,
  banner: `generated — do not edit: made by balena-charts from schemas/${name}.schema.json`,
  valuesSchema: {},
  typesSchema: {},
  defaults: {},
  values: [],
  rules: [],
  partials: [{ name: 'example', pointer: '/x-chart/templates/0' }],
  context: {
    features: Object.fromEntries(FEATURES.map((feature) => [feature, features[feature] === true])) as Record<Feature, boolean>,
    service: false,
    kind: '',
    workloads: {},
    product: DEFAULT_CONFIG.labels,
    grafana: DEFAULT_CONFIG.grafana,
  },
  dashboards: [],
  dependencies: [],
});

const file = (outputName: string, source: string): TemplateFile => ({ outputName, source, file: `templates/${outputName}.hbs` });

const renderOne = (source: string, model: ChartModel): string => {
  const files = new Map([
    ...ALWAYS.map((name) => [name, file(name === 'NOTES' ? 'NOTES.txt' : `${name}.tpl`, '')] as const),
    ['example', file('example.yaml', source)] as const,
  ]);
  const result = compileTemplates({ files, snippets: new Map([['labels', file('partials/labels', 'app: [[chart]]\n')]]) }).render(model);
  if (result.problems.length > 0) throw new GeneratorError(result.problems);
  return result.files.get('templates/example.yaml') ?? '';
};

const passthrough = suite('Helm syntax passes through the Handlebars partials untouched');
passthrough('actions, trim markers, pipelines and comments survive', () => {
  const helm = [
    '{{- /* comment */}}',
    '{{- if .Values.enabled }}',
    'name: {{ include "x.fullname" . | trunc 63 | trimSuffix "-" }}',
    '{{- toYaml .Values.resources | nindent 12 }}',
    '{{ "}}" }} {{`{{ raw }}`}}',
    '{{- end }}',
  ].join('\n');
  assert.is(renderOne(helm, chart('api')), helm);
});
passthrough('generator expressions use [[ ]] and are filled from the chart model', () => {
  assert.is(renderOne('{{ include "[[chart]].labels" . }}', chart('ui')), '{{ include "ui.labels" . }}');
});
passthrough('[[#if features.x]] keeps or drops whole lines by the chart declaration', () => {
  const source = 'a: 1\n[[#if features.database]]\ndb: {{ .Values.database.url }}\n[[/if]]\nb: 2\n';
  assert.is(renderOne(source, chart('api', { database: true })), 'a: 1\ndb: {{ .Values.database.url }}\nb: 2\n');
  assert.is(renderOne(source, chart('ui')), 'a: 1\nb: 2\n');
});
passthrough('snippets are shared with [[> name]]', () => {
  assert.is(renderOne('labels:\n  [[> labels]]\n', chart('api')), 'labels:\n  app: api\n');
});
passthrough('toHandlebars hides every Helm action and plain value from Handlebars, fromHandlebars restores them', () => {
  const converted = toHandlebars('{{ .A }} [[b]] {{{ .C }}} [[chart]]-[[banner]] [[#if has.x]]y[[/if]]');
  assert.equal(converted.match(/\{\{[^}]*\}\}/g), ['{{b}}', '{{#if has.x}}', '{{/if}}'], 'Handlebars sees only the other generator expressions');
  assert.is(fromHandlebars(converted, { chart: 'api', banner: 'generated' }), '{{ .A }} {{b}} {{{ .C }}} api-generated {{#if has.x}}y{{/if}}');
});
passthrough('a template holding the placeholder character is refused, naming the file', () => {
  assert.throws(() => renderOne('a: \u0001\n', chart('api')), /templates\/example\.yaml\.hbs.*U\+0001 to U\+0003/);
  assert.throws(() => renderOne('a: \u0002chart\u0003\n', chart('api')), /templates\/example\.yaml\.hbs/);
});
passthrough.run();
