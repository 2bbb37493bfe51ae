import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, run, type RunResult } from './tools.js';

// The CLI runs from the scratch folder (so error paths read schemas/...), which has no node_modules.
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** A scratch copy of the generator's inputs (schemas/, generator/templates/, generator/dashboards/), removed by dispose(). */
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
  cpSync(path.join(ROOT, 'schemas'), path.join(root, 'schemas'), { recursive: true });
  cpSync(path.join(ROOT, 'generator/templates'), path.join(root, 'generator/templates'), { recursive: true });
  cpSync(path.join(ROOT, 'generator/dashboards'), path.join(root, 'generator/dashboards'), { recursive: true });
  const project: ScratchProject = {
    root,
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    write: (file, text) => writeFileSync(path.join(root, file), text),
    editJson: (file, edit) => {
      const json = JSON.parse(project.read(file));
      edit(json);
      project.write(file, JSON.stringify(json, null, 2));
    },
    cli: (...args) => run(process.execPath, ['--import', TSX_LOADER, path.join(ROOT, 'generator/src/cli.ts'), ...args, '--root', root], { cwd: root }),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
  return project;
}
