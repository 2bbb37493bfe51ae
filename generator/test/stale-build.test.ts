import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { builtCli } from './support/built-cli.js';
import { scratchProject, type ScratchProject } from './support/project.js';
import { ROOT, run, type RunResult } from './support/tools.js';

/**
 * A copy of the built package (its CLI finds the package's files from its
 * own place), with the libraries of this checkout: what a checkout looks
 * like once built, before and after a source edit.
 */
function packageCopy(installed = false): { root: string; cli: (project: ScratchProject, ...args: string[]) => RunResult; dispose: () => void } {
  builtCli();
  const scratch = mkdtempSync(path.join(tmpdir(), 'balena-charts-package-'));
  // Installed, the package sits in a project's node_modules.
  const root = installed ? path.join(scratch, 'node_modules', 'balena-charts') : scratch;
  mkdirSync(root, { recursive: true });
  for (const entry of ['package.json', 'dist', 'generator/src', 'generator/templates', 'schemas/defs']) cpSync(path.join(ROOT, entry), path.join(root, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return {
    root,
    cli: (project, ...args) => run(process.execPath, [path.join(root, 'dist/generator/src/cli.cjs'), ...args, '--root', project.root], { cwd: project.root, env: { XDG_CACHE_HOME: path.join(project.root, '.cache') } }),
    dispose: () => rmSync(scratch, { recursive: true, force: true }),
  };
}

const stale = suite('a built CLI refuses to run beside sources other than those it was built from');

stale('the built package as it is generates', () => {
  const built = packageCopy();
  const project = scratchProject();
  try {
    const result = built.cli(project, 'generate');
    assert.is(result.code, 0, result.stderr);
    assert.ok(existsSync(path.join(project.root, 'charts/.generated.json')));
  } finally {
    built.dispose();
    project.dispose();
  }
});

stale('after a source edit, generate and generate --check stop with one line and write nothing', () => {
  const built = packageCopy();
  const project = scratchProject();
  try {
    appendFileSync(path.join(built.root, 'generator/src/errors.ts'), '// edited after the build\n');
    for (const args of [['generate'], ['generate', '--check'], ['generate', '--full']]) {
      const result = built.cli(project, ...args);
      assert.is.not(result.code, 0, `${args.join(' ')} exited 0`);
      const lines = result.stderr.trim().split('\n');
      assert.is(lines.length, 1, result.stderr);
      assert.match(lines[0]!, /generator[\\/]src: the built generator \(dist\/\) was compiled from other sources than these; run npm run build \[BUILD_STALE\]$/);
      assert.not.ok(existsSync(path.join(project.root, 'charts')), `${args.join(' ')} wrote charts/`);
    }
  } finally {
    built.dispose();
    project.dispose();
  }
});

stale('an installed package whose sources were edited says to install it again, not to build it', () => {
  const built = packageCopy(true);
  const project = scratchProject();
  try {
    appendFileSync(path.join(built.root, 'generator/src/errors.ts'), '// edited after the install\n');
    const result = built.cli(project, 'generate');
    assert.is.not(result.code, 0, 'generate exited 0');
    assert.match(result.stderr.trim(), /node_modules[\\/]balena-charts[\\/]generator[\\/]src: the built generator \(dist\/\) was compiled from other sources than these; install the package again \(npm ci\) \[BUILD_STALE\]$/);
    assert.not.ok(existsSync(path.join(project.root, 'charts')), 'generate wrote charts/');
  } finally {
    built.dispose();
    project.dispose();
  }
});

stale.run();
