import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { builtCli } from './support/built-cli.js';
import { scratchProject } from './support/project.js';
import { ROOT, run } from './support/tools.js';

/**
 * The CLI tunes V8's heap for its one generate (load-stages.ts), and those
 * settings hold for the rest of the process; a program that imports the
 * generator keeps V8's own unless it asks for them. What shows which ones a
 * process has: after the generate, keeping many small objects alive makes
 * V8 grow its young generation (to 32 MB here) under its own settings, and
 * not under the CLI's.
 */
const heap = suite('the heap settings are the CLI\'s: a program that imports the generator keeps V8\'s own');

const MB = 1024 * 1024;

function youngGenerationAfterGenerate(tuneHeap: boolean): number {
  builtCli();
  const project = scratchProject();
  try {
    const script = [
      "import v8 from 'node:v8';",
      `const { generate } = await import(${JSON.stringify(path.join(ROOT, 'dist/generator/src/index.js'))});`,
      `await generate({ root: ${JSON.stringify(project.root)}, full: true, check: true${tuneHeap ? ', tuneHeap: true' : ''} });`,
      'const kept = [];',
      "for (let i = 0; i < 400000; i++) kept.push({ i, text: `x${i}` });",
      "console.log(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size, kept.length);",
    ].join('\n');
    const result = run(process.execPath, ['--input-type=module', '-e', script], { cwd: project.root });
    assert.is(result.code, 0, result.stderr);
    return Number(result.stdout.trim().split(' ')[0]);
  } finally {
    project.dispose();
  }
}

heap('imported and called as it is, the generator leaves the young generation free to grow', () => {
  const size = youngGenerationAfterGenerate(false);
  assert.ok(size > 4 * MB, `young generation ${size / MB} MB`);
});

heap('with tuneHeap, as the CLI runs it, the young generation keeps its first size', () => {
  const size = youngGenerationAfterGenerate(true);
  assert.ok(size <= 2 * MB, `young generation ${size / MB} MB`);
});

heap.run();
