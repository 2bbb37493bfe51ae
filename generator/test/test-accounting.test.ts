import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT, run, type RunResult } from './support/tools.js';

// The same uvu module the runner loads, so scratch suites join its queue.
const UVU = import.meta.resolve('uvu');
const passing = (name: string, count: number) =>
  `import { suite } from '${UVU}';\nconst s = suite('${name}');\n${Array.from({ length: count }, (_, i) => `s('test ${i}', () => {});`).join('\n')}\ns.run();\n`;

/** Scratch test files in a folder, run through scripts/run-suites.ts and summed by scripts/suite-summary.sh. */
function runSuites(files: Record<string, string>, pattern?: string): { suites: RunResult; summary: RunResult } {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-accounting-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const suites = run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/run-suites.ts'), dir, ...(pattern ? [pattern] : [])], { env: { NO_COLOR: '1' } });
    const log = path.join(dir, 'unit.log');
    writeFileSync(log, suites.stdout + suites.stderr);
    const summary = run('bash', [path.join(ROOT, 'scripts/suite-summary.sh'), log]);
    return { suites, summary };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const closingLine = (summary: RunResult) => summary.stdout.trim().split('\n').at(-1);

const accounting = suite('test accounting: every way a suite run can hide a failure is counted as one');
accounting('passing suites add up, and the run passes', () => {
  const { suites, summary } = runSuites({ 'a.test.ts': passing('a', 2), 'b.test.ts': passing('b', 3) });
  assert.is(suites.code, 0, suites.stdout + suites.stderr);
  assert.is(closingLine(summary), '5 passed, 0 failed, 0 skipped');
  assert.is(summary.code, 0);
});
accounting('a pattern that matches no file fails, naming the pattern', () => {
  const { suites, summary } = runSuites({ 'a.test.ts': passing('a', 2) }, '^missing\\.test\\.ts$');
  assert.is(suites.code, 1);
  assert.match(suites.stdout, /✘ no file under .* matches \^missing\\\.test\\\.ts\$/);
  assert.is(closingLine(summary), '0 passed, 1 failed, 0 skipped');
  assert.is(summary.code, 1);
});
accounting('a file that throws at import fails on its own line; the other files still run and count', () => {
  const { suites, summary } = runSuites({
    'a.test.ts': passing('a', 2),
    'b.test.ts': `throw new Error('cannot reach the tools folder');\n`,
    'c.test.ts': passing('c', 3),
  });
  assert.is(suites.code, 1);
  assert.match(suites.stdout, '✘ b.test.ts: failed to load: cannot reach the tools folder');
  assert.is(closingLine(summary), '5 passed, 1 failed, 0 skipped');
});
accounting('a file that registers no suite fails', () => {
  const { suites, summary } = runSuites({ 'a.test.ts': passing('a', 1), 'empty.test.ts': 'export {};\n' });
  assert.is(suites.code, 1);
  assert.match(suites.stdout, '✘ empty.test.ts: registers no suite');
  assert.is(closingLine(summary), '1 passed, 1 failed, 0 skipped');
});
accounting('suites that hold no test at all fail: zero tests is not a pass', () => {
  const { suites, summary } = runSuites({ 'a.test.ts': passing('a', 0) });
  assert.is(suites.code, 1);
  assert.match(suites.stdout, /✘ no test ran under /);
  assert.is(closingLine(summary), '0 passed, 1 failed, 0 skipped');
});
accounting('a run that dies before its summary counts what it printed, and the death as a failure', () => {
  const dying = `import { suite } from '${UVU}';\nconst s = suite('dies');\ns('first', () => {});\ns('second', () => {});\ns('exits', () => { process.exit(0); });\ns('never', () => {});\ns.run();\n`;
  const { suites, summary } = runSuites({ 'a.test.ts': passing('a', 2), 'b.test.ts': dying });
  assert.not.match(suites.stdout, 'Total:');
  assert.match(summary.stdout, 'unit: died before its summary; counted the 4 tests it printed and the death as a failure');
  assert.is(closingLine(summary), '4 passed, 1 failed, 0 skipped');
  assert.is(summary.code, 1);
});
accounting('a failing test is counted as failed', () => {
  const failing = `import { suite } from '${UVU}';\nimport * as assert from '${import.meta.resolve('uvu/assert')}';\nconst s = suite('f');\ns('ok', () => {});\ns('not ok', () => { assert.is(1, 2); });\ns.run();\n`;
  const { suites, summary } = runSuites({ 'f.test.ts': failing });
  assert.is(suites.code, 1);
  assert.is(closingLine(summary), '1 passed, 1 failed, 0 skipped');
});
accounting.run();
