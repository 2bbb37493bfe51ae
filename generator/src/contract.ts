import type { Problem } from './errors.js';
import type { GenerationModel } from './normalize.js';

/** Filled in below. */
export function contractProblems(_model: GenerationModel, _templates: ReadonlyMap<string, ReadonlyMap<string, string>>): Problem[] {
  return [];
}
