import path from 'node:path';
import type { EmittedFiles } from './emit.js';
import { hashInputs, matchesManifest, MANIFEST_PATH, renderManifest, sha256 } from './manifest.js';
import type { Drift } from './write.js';

export { GeneratorError, formatProblem, type Problem, type ErrorCode } from './errors.js';
export type { Drift } from './write.js';
export type * from './generated/index.js';
export { defineValues, type TypedValues } from './define-values.js';
export type { ValuesResult } from './values-command.js';

/** See values-command.ts; loaded on first use (it brings in a TypeScript loader). */
export async function valuesFromTypeScript(file: string, root: string): Promise<import('./values-command.js').ValuesResult> {
  return (await import('./values-command.js')).valuesFromTypeScript(file, root);
}

export interface GenerateOptions {
  /** Project root: schemas/, generator/templates/ and charts/ are found under it. */
  root: string;
  /** Compare instead of writing. */
  check?: boolean;
  /** Called once per stage with its duration, for --verbose. */
  onStage?: (stage: string, milliseconds: number) => void;
}

export interface GenerateResult {
  files: string[];
  drift: Drift[];
}

/**
 * The whole pipeline: load → validate → normalize → emit → write (or check).
 * A check first compares the tree with the manifest of the last generate and
 * stops there when nothing changed; the stages (and the libraries they need:
 * ajv, handlebars, json-schema-to-typescript) are loaded only when they run.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const timed = async <T>(stage: string, run: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await run();
    options.onStage?.(stage, performance.now() - start);
    return result;
  };
  if (options.check && (await timed('manifest', () => matchesManifest(options.root)))) {
    return { files: [], drift: [] };
  }
  const emitted = await build(options.root, timed);
  const { findDrift, write } = await import('./write.js');
  const drift = await timed(options.check ? 'check' : 'write', () =>
    options.check ? findDrift(options.root, emitted) : write(options.root, emitted),
  );
  return { files: [...emitted.files.keys()], drift };
}

type Timer = <T>(stage: string, run: () => Promise<T> | T) => Promise<T>;

async function build(root: string, timed: Timer): Promise<EmittedFiles> {
  const [{ load }, { loadTemplates }, { loadDashboards }, { validate }, { normalize }, { emit }] = await timed('import', () =>
    Promise.all([import('./load.js'), import('./load-templates.js'), import('./load-dashboards.js'), import('./validate.js'), import('./normalize.js'), import('./emit.js')]),
  );
  const loaded = await timed('load', () => load(path.join(root, 'schemas')));
  const templates = await timed('load templates', () => loadTemplates(path.join(root, 'generator/templates')));
  const dashboards = await timed('load dashboards', () => loadDashboards(path.join(root, 'generator/dashboards')));
  const validated = await timed('validate', () => validate(loaded, dashboards));
  const model = await timed('normalize', () => normalize(validated));
  const emitted = await timed('emit', () => emit(model, templates));
  const inputs = await timed('hash inputs', () => hashInputs(root));
  const files = Object.fromEntries([...emitted.files].map(([file, text]) => [file, sha256(text)]));
  emitted.files.set(MANIFEST_PATH, renderManifest({ inputs, ownedDirs: emitted.ownedDirs, files }));
  return emitted;
}
