import path from 'node:path';
import { emit, type EmittedFiles } from './emit.js';
import { load } from './load.js';
import { loadDashboards } from './load-dashboards.js';
import { loadTemplates } from './load-templates.js';
import { normalize } from './normalize.js';
import { validate } from './validate.js';
import { findDrift, write, type Drift } from './write.js';

export { GeneratorError, formatProblem, type Problem, type ErrorCode } from './errors.js';
export type { Drift } from './write.js';
export type * from './generated/index.js';
export { defineValues, type TypedValues } from './define-values.js';
export { valuesFromTypeScript, type ValuesResult } from './values-command.js';

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

/** The whole pipeline: load → validate → normalize → emit → write (or check). */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const timed = async <T>(stage: string, run: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await run();
    options.onStage?.(stage, performance.now() - start);
    return result;
  };
  const emitted = await build(options.root, timed);
  const drift = await timed(options.check ? 'check' : 'write', () =>
    options.check ? findDrift(options.root, emitted) : write(options.root, emitted),
  );
  return { files: [...emitted.files.keys()], drift };
}

type Timer = <T>(stage: string, run: () => Promise<T> | T) => Promise<T>;

async function build(root: string, timed: Timer): Promise<EmittedFiles> {
  const loaded = await timed('load', () => load(path.join(root, 'schemas')));
  const templates = await timed('load templates', () => loadTemplates(path.join(root, 'generator/templates')));
  const dashboards = await timed('load dashboards', () => loadDashboards(path.join(root, 'generator/dashboards')));
  const validated = await timed('validate', () => validate(loaded, dashboards));
  const model = await timed('normalize', () => normalize(validated));
  return timed('emit', () => emit(model, templates));
}
