import { readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scratchProject } from './support/project.js';
import { helm } from './support/tools.js';

// Helm reads values.yaml with a YAML 1.1 parser: an unquoted on, yes, off, y
// or No there is a boolean. String defaults that look like those must reach
// Helm as the strings the schema says, or the chart fails its own schema.
const LOOKALIKES = ['on', 'yes', 'off', 'y', 'No', 'true', 'null', '1.0', '0755', '12:30'];

const quoting = suite('values.yaml: string defaults reach Helm as strings, however YAML 1.1 would read them');
quoting('a chart whose string defaults look like booleans, numbers and times passes helm lint --strict', () => {
  const project = scratchProject();
  try {
    project.write('schemas/lookalike.schema.json', JSON.stringify({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'lookalike chart values',
      description: 'Strings that YAML 1.1 reads as something else.',
      'x-chart': { name: 'lookalike', version: '0.1.0', appVersion: '1.0.0', description: 'Strings that YAML 1.1 reads as something else.', workloads: [{ kind: 'Deployment' }], features: ['serviceAccount', 'networkPolicy'] },
      type: 'object',
      additionalProperties: false,
      properties: {
        image: { default: { repository: 'busybox', tag: '1.37.0', pullPolicy: 'IfNotPresent' } },
        command: { default: ['sh', '-c', 'sleep 3600'] },
        ...Object.fromEntries(LOOKALIKES.map((text, i) => [`setting${i}`, { type: 'string', 'x-passthrough': true, description: `The string ${text}.`, default: text }])),
      },
    }, null, 2));
    const generated = project.cli('generate');
    assert.is(generated.code, 0, generated.stderr);
    const chart = path.join(project.root, 'charts/lookalike');
    const lint = helm(['lint', '--strict', chart]);
    assert.is(lint.code, 0, lint.stdout + lint.stderr);
    const values = readFileSync(path.join(chart, 'values.yaml'), 'utf8');
    for (const [i, text] of LOOKALIKES.entries()) assert.ok(values.includes(`setting${i}: "${text}"`), `setting${i}: ${text} is quoted`);
  } finally {
    project.dispose();
  }
});
quoting.run();
