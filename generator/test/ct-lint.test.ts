import { readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ALL_CHARTS, ROOT, run, tools } from './support/tools.js';

const ct = suite('chart-testing lints every chart with its ci values (ct.yaml)');
ct('ct lint --config ct.yaml passes for all charts', () => {
  const result = run(path.join(tools(), 'bin/ct'), [
    'lint',
    '--config', path.join(ROOT, 'ct.yaml'),
  ], { cwd: ROOT, env: { PATH: `${path.join(tools(), 'bin')}:${process.env.PATH ?? ''}` } });
  const output = result.stdout + result.stderr;
  assert.is(result.code, 0, output);
  for (const chart of ALL_CHARTS) assert.match(output, new RegExp(`✔︎ ${chart} => `));
  assert.match(output, /All charts linted successfully/);
});
ct("the shipped ct/ config is chart-testing's own, from the pinned module", () => {
  const version = run('bash', ['-c', `source ${path.join(ROOT, 'scripts/versions.env')} && echo $CT_VERSION`]).stdout.trim();
  const dir = run('go', ['mod', 'download', '-json', `github.com/helm/chart-testing/v3@${version}`]).stdout;
  const moduleDir = (JSON.parse(dir) as { Dir: string }).Dir;
  for (const file of ['chart_schema.yaml', 'lintconf.yaml']) {
    assert.is(readFileSync(path.join(ROOT, 'ct', file), 'utf8'), readFileSync(path.join(moduleDir, 'etc', file), 'utf8'), file);
  }
});
ct.run();
