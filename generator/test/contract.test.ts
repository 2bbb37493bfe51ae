import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scratchProject, type ScratchProject } from './support/project.js';

const api = 'schemas/api.schema.json';

/** Adds a partial of the api's own (templates/api/<name>.yaml.hbs) and lists it in its x-chart. */
function addApiPartial(project: ScratchProject, name: string, text: string): void {
  mkdirSync(path.join(project.root, 'templates/api'), { recursive: true });
  project.write(`templates/api/${name}.yaml.hbs`, text);
  project.editJson(api, (s) => {
    s['x-chart'].templates = [...(s['x-chart'].templates ?? []), `api/${name}`];
  });
}

function generateFails(project: ScratchProject): string[] {
  const result = project.cli('generate');
  assert.is(result.code, 1, result.stdout);
  assert.not.ok(existsSync(path.join(project.root, 'charts')), 'nothing may be written');
  return result.stderr.trimEnd().split('\n');
}

const contract = suite('the contract between a chart schema and its templates');
contract('a misspelt slot of the pod partial is refused, naming the file and the slots there are', () => {
  const project = scratchProject();
  try {
    const file = 'templates/monitoring/alertmanager-deployment.yaml.hbs';
    project.write(file, project.read(file).replace('[[#*inline "volumeMounts"]]', '[[#*inline "volumeMount"]]'));
    const [line] = generateFails(project).filter((text) => text.includes('volumeMount"'));
    assert.match(line ?? '', `${file}: inline partial "volumeMount" fills no slot of the partials this file calls (pod; their slots: `);
    assert.match(line ?? '', /volumeMounts, volumes\) \[TEMPLATE_FAILED\]$/);
  } finally {
    project.dispose();
  }
});
contract('a partial that reads a value the schema does not define is refused, naming schema place and partial', () => {
  const project = scratchProject();
  try {
    addApiPartial(project, 'extra', 'kind: ConfigMap\ndata:\n  queue: {{ .Values.queue.name | quote }}\n');
    assert.equal(generateFails(project), [
      `${api}#/properties/queue: templates/api/extra.yaml.hbs reads .Values.queue.name, which the schema does not define [VALUE_UNDEFINED]`,
    ]);
  } finally {
    project.dispose();
  }
});
contract('a value read through a variable counts, at its full path', () => {
  const project = scratchProject();
  try {
    addApiPartial(project, 'extra', '{{- $db := .Values.database }}\nkind: ConfigMap\ndata:\n  key: {{ $db.secretKey }}\n  port: {{ $db.port }}\n');
    assert.equal(generateFails(project), [
      `${api}#/properties/database/properties/port: templates/api/extra.yaml.hbs reads .Values.database.port, which the schema does not define [VALUE_UNDEFINED]`,
    ]);
  } finally {
    project.dispose();
  }
});
contract('a schema value that no template reads is refused, unless marked x-passthrough', () => {
  const project = scratchProject();
  try {
    project.editJson(api, (s) => {
      s.properties.queueName = { type: 'string', description: 'Queue the api reads.', default: 'jobs' };
    });
    assert.equal(generateFails(project), [
      `${api}#/properties/queueName: queueName is read by no template; use it, remove it, or mark it "x-passthrough": true [VALUE_UNREAD]`,
    ]);
    project.editJson(api, (s) => {
      s.properties.queueName['x-passthrough'] = true;
    });
    const passed = project.cli('generate');
    assert.is(passed.code, 0, passed.stderr);
  } finally {
    project.dispose();
  }
});
contract('a helper nobody calls reads nothing', () => {
  const project = scratchProject();
  try {
    addApiPartial(project, '_unused', '{{- define "api.unused" }}{{ .Values.nowhere }}{{- end }}\n');
    const result = project.cli('generate');
    assert.is(result.code, 0, result.stderr);
  } finally {
    project.dispose();
  }
});
contract.run();

const rules = suite('cross-field rules (x-rules) hold for the defaults (invalid-values.test.ts has Helm refuse the same)');
rules('a minReplicas default above maxReplicas is refused when generating', () => {
  const project = scratchProject();
  try {
    project.editJson('schemas/ui.schema.json', (s) => {
      s.properties.autoscaling = { default: { enabled: true, minReplicas: 5, maxReplicas: 3, targetCPUUtilizationPercentage: 70 } };
    });
    assert.equal(generateFails(project), [
      'schemas/ui.schema.json#/properties/autoscaling/x-rules/0: the defaults break a rule: autoscaling.minReplicas (5) must not exceed autoscaling.maxReplicas (3) [RULE_FAILED]',
    ]);
  } finally {
    project.dispose();
  }
});
rules('an umbrella default that breaks a subchart rule is refused at the umbrella', () => {
  const project = scratchProject();
  try {
    project.editJson('schemas/umbrella.schema.json', (s) => {
      s.properties.api.default.lifecycle = { terminationGracePeriodSeconds: 5 };
    });
    assert.equal(generateFails(project), [
      'schemas/umbrella.schema.json#/properties/api/default: the defaults break a rule: api: lifecycle.terminationGracePeriodSeconds (5) must exceed lifecycle.preStopSleepSeconds (10) [RULE_FAILED]',
    ]);
  } finally {
    project.dispose();
  }
});
rules.run();

const together = suite('every phase reports in one run');
together('a config mistake, a bad $ref, a bad default, a missing partial and an undefined read, all at once, chart by chart', () => {
  const project = scratchProject();
  try {
    project.editJson('balena-charts.config.json', (c) => {
      c.kubernetes.oldest = '1.29.0';
    });
    project.editJson('schemas/ingress.schema.json', (s) => {
      s.properties.tls.$ref = 'defs/workload.schema.json#/$defs/tlss';
    });
    project.editJson('schemas/ui.schema.json', (s) => {
      s.properties.replicaCount = { default: -1 };
    });
    let missingAt = -1;
    project.editJson('schemas/backup.schema.json', (s) => {
      missingAt = s['x-chart'].templates.push('backup/verify') - 1;
    });
    addApiPartial(project, 'extra', 'data: {{ .Values.queue }}\n');
    const lines = generateFails(project);
    assert.equal(lines, [
      'balena-charts.config.json#/kubernetes/oldest: must match pattern "^[1-9][0-9]*\\.[0-9]+$" [CONFIG_INVALID]',
      'chart api: 1 problem',
      `${api}#/properties/queue: templates/api/extra.yaml.hbs reads .Values.queue, which the schema does not define [VALUE_UNDEFINED]`,
      'chart backup: 1 problem',
      `schemas/backup.schema.json#/x-chart/templates/${missingAt}: no template partial "backup/verify" in the package's templates or the project's overlays [PARTIAL_MISSING]`,
      'chart ingress: 1 problem',
      'schemas/ingress.schema.json#/properties/tls/$ref: $ref "defs/workload.schema.json#/$defs/tlss" does not resolve [REF_UNRESOLVED]',
      'chart ui: 1 problem',
      'schemas/ui.schema.json#/properties/replicaCount/minimum: the defaults do not pass the schema: replicaCount: must be >= 0 [DEFAULT_INVALID]',
    ]);
  } finally {
    project.dispose();
  }
});
together.run();
