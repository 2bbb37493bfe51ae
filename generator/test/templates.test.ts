import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileTemplates, fromHandlebars, toHandlebars } from '../src/render/templates.js';
import type { ChartModel } from '../src/normalize.js';

const chart = (name: string, has: Record<string, boolean> = {}): ChartModel => ({
  name,
  metadata: { name, version: '0.1.0', appVersion: '1.0.0', description: 'd', templates: ['example'] },
  source: `schemas/${name}.schema.json`,
  valuesSchema: {},
  defaults: {},
  values: [],
  has,
  dashboards: [],
  dependencies: [],
});

const renderOne = (source: string, model: ChartModel): string => {
  const files = new Map([
    ['_helpers', { outputName: '_helpers.tpl', source: '' }],
    ['NOTES', { outputName: 'NOTES.txt', source: '' }],
    ['example', { outputName: 'example.yaml', source }],
  ]);
  return compileTemplates({ files, snippets: new Map([['labels', 'app: [[chart]]\n']]) }).render(model).get('templates/example.yaml') ?? '';
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
passthrough('[[#if has.x]] keeps or drops whole lines by the chart schema', () => {
  const source = 'a: 1\n[[#if has.database]]\ndb: {{ .Values.database.url }}\n[[/if]]\nb: 2\n';
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
  assert.throws(() => renderOne('a: \u0001\n', chart('api')), /generator\/templates\/example\.yaml\.hbs.*U\+0001 to U\+0003/);
  assert.throws(() => renderOne('a: \u0002chart\u0003\n', chart('api')), /generator\/templates\/example\.yaml\.hbs/);
});
passthrough.run();
