import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtCli } from './built-cli.js';
import { ROOT, run, type RunResult } from './tools.js';

/**
 * A scratch copy of the product project (its config, schemas/, templates/,
 * dashboards/) and of the package's own templates, which the CLI is pointed
 * at with --templates so a test may break them too; removed by dispose().
 */
export interface ScratchProject {
  root: string;
  read(file: string): string;
  write(file: string, text: string): void;
  editJson(file: string, edit: (json: any) => void): void;
  cli(...args: string[]): RunResult;
  dispose(): void;
}

export function scratchProject(): ScratchProject {
  const root = mkdtempSync(path.join(tmpdir(), 'balena-charts-'));
  for (const input of ['balena-charts.config.json', 'schemas', 'templates', 'dashboards', 'generator/templates']) {
    cpSync(path.join(ROOT, input), path.join(root, input), { recursive: true });
  }
  return projectAt(root);
}

/**
 * A scratch copy of another scratch project as it is now (a generated one, so
 * each test need not generate again), without its check record: the copy's
 * first check finds no record, as a fresh project's does.
 */
export function copyOf(source: ScratchProject): ScratchProject {
  const root = mkdtempSync(path.join(tmpdir(), 'balena-charts-'));
  cpSync(source.root, root, { recursive: true, filter: (from) => path.relative(source.root, from) !== '.cache' });
  return projectAt(root);
}

function projectAt(root: string): ScratchProject {
  const project: ScratchProject = {
    root,
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    write: (file, text) => writeFileSync(path.join(root, file), text),
    editJson: (file, edit) => {
      const json = JSON.parse(project.read(file));
      edit(json);
      project.write(file, JSON.stringify(json, null, 2));
    },
    cli: (...args) =>
      // From the scratch folder, so error paths read schemas/...
      run(process.execPath, [builtCli(), ...args, '--root', root, ...(args[0] === 'generate' ? ['--templates', path.join(root, 'generator/templates')] : [])], {
        cwd: root,
        // generate --check's record goes with the scratch folder, not into the user's cache.
        env: { XDG_CACHE_HOME: path.join(root, '.cache') },
      }),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
  return project;
}
