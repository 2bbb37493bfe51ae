import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, run, tools, ALL_CHARTS } from './support/tools.js';

const ct = suite('chart-testing lints every chart with its ci values (ct.yaml)');
ct('ct lint --config ct.yaml passes for all charts', () => {
  const result = run(path.join(tools(), 'bin/ct'), [
    'lint',
    '--config', path.join(ROOT, 'ct.yaml'),
    '--chart-yaml-schema', path.join(tools(), 'ct/chart_schema.yaml'),
    '--lint-conf', path.join(tools(), 'ct/lintconf.yaml'),
  ], { env: { PATH: `${path.join(tools(), 'bin')}:${process.env.PATH ?? ''}` } });
  const output = result.stdout + result.stderr;
  assert.is(result.code, 0, output);
  for (const chart of ALL_CHARTS) assert.match(output, new RegExp(`✔︎ ${chart} => `));
  assert.match(output, /All charts linted successfully/);
});
ct.run();
