import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtCli } from './built-cli.js';
import { ROOT, run, type RunResult } from './tools.js';

/** examples/team-charts: a project of its own that uses this package the way a team would, from the tarball `npm pack` makes. */
export const EXAMPLE = path.join(ROOT, 'examples/team-charts');

export interface ExampleProject {
  /** The copy's own folder (its package.json names the tarball one level above examples/). */
  root: string;
  /** The installed `balena-charts` command (what `npx balena-charts` runs) in the copy. */
  cli(...args: string[]): RunResult;
  /** An installed package's command, from the copy's node_modules/.bin. */
  bin(name: string, ...args: string[]): RunResult;
  dispose(): void;
}

/**
 * Packs this package as built (npm test builds it first; packing does not
 * build it again, so suites running beside this one never see dist/ half
 * rewritten), lays the example out
 * beside the tarball exactly as in the repository (examples/team-charts and
 * the tarball two levels up) and runs `npm install` there: what a team does
 * with a released package, with nothing of this checkout on the path.
 */
export function exampleProject(): ExampleProject {
  const scratch = mkdtempSync(path.join(tmpdir(), 'balena-example-'));
  builtCli();
  const packed = run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], { cwd: ROOT });
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const root = path.join(scratch, 'examples/team-charts');
  mkdirSync(path.dirname(root), { recursive: true });
  cpSync(EXAMPLE, root, { recursive: true, filter: (source) => !/\/(node_modules|charts|types)(\/|$)/.test(path.relative(EXAMPLE, source).replace(/^/, '/')) });
  const installed = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: root });
  if (installed.code !== 0) throw new Error(`npm install in the example failed: ${installed.stderr}`);
  // The link npm install made, as npx would find it, without npx's own start-up (about half a CPU second a call).
  const bin = (name: string, ...args: string[]) => run(path.join(root, 'node_modules/.bin', name), args, { cwd: root });
  return {
    root,
    bin,
    cli: (...args) => bin('balena-charts', ...args),
    dispose: () => rmSync(scratch, { recursive: true, force: true }),
  };
}

/** Every file under a folder, relative to it. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
