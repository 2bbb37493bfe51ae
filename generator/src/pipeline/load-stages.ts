import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

export type Stages = typeof import('./stages.js');

/**
 * Written by the package build beside this module: the stages as one
 * CommonJS file, and V8's code cache of it. Inside the CLI's bundle (cli.cjs,
 * in dist/generator/src) this module's place is the CLI's, one folder up.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const BUNDLE = path.join(path.basename(HERE) === 'pipeline' ? HERE : path.join(HERE, 'pipeline'), 'stages.cjs');
const CODE_CACHE = `${BUNDLE}.cache`;

/**
 * A generate allocates a few hundred megabytes over its life, nearly all of
 * it garbage within moments. Left alone, V8 grows the young generation to
 * 32 MB for it and lets the old one fill well past the live data before
 * collecting it; at 50 components that made a peak of about 128 MB. With the
 * young generation held at its first 2 MB and the old one's limit at twice
 * what each full collection leaves, the peak is about 95 MB; the product's
 * generate takes as long as before, and 50 components about 6 % longer (the
 * young generation alone: 102 MB, 1 % longer; a limit of 1.6 times: 96 MB,
 * 9 % longer). V8 reads both values whenever it resizes the heap, so they
 * can be set at run time (sizes fixed at start-up cannot). They hold for the
 * whole process, so only a process that runs one generate and exits (the
 * CLI) asks for them; a program that imports the generator keeps its own.
 * They are set before the bundle is compiled, and the package build makes
 * the code cache under them too: V8 refuses a cache made under other flags,
 * so a program that keeps its own compiles the stages as usual.
 */
const V8_FLAGS = '--semi-space-growth-factor=1 --heap-growing-percent=100';

/** The bundle's script, kept for writeCodeCache. */
let loaded: vm.Script | undefined;
/** Whether V8 took the code cache when the stages were loaded. */
let cache: 'used' | 'refused' | 'none' = 'none';

/**
 * The stages of a generate. From the built package: the bundle the build
 * made (scripts/bundle.mjs), compiled with the code cache a generate
 * at build time left, so V8 does not compile again the functions every
 * generate runs (ajv's code generation, json-schema-to-typescript,
 * Handlebars, yaml). V8 refuses a cache made by another Node version or with
 * other flags, and then compiles as usual. From the sources: the stages module.
 * `tuneHeap`: the heap settings above, for a process that exits after the generate.
 */
export async function loadStages(tuneHeap = false): Promise<Stages> {
  if (tuneHeap) v8.setFlagsFromString(V8_FLAGS);
  if (!existsSync(BUNDLE)) return import('./stages.js');
  const cachedData = existsSync(CODE_CACHE) ? readFileSync(CODE_CACHE) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(BUNDLE, 'utf8')}\n})`, { filename: BUNDLE, ...(cachedData === undefined ? {} : { cachedData }) });
  const module = { exports: {} as Stages };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  loaded = script;
  cache = cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'refused' : 'used';
  return module.exports;
}

/** What became of the code cache in loadStages: `none` from the sources or without a cache file. */
export function codeCacheState(): 'used' | 'refused' | 'none' {
  return cache;
}

/** For the package build, after a generate: V8's code cache of the bundle, with every function that generate compiled. */
export function writeCodeCache(): void {
  if (loaded === undefined) throw new Error('writeCodeCache: the stages bundle was not loaded');
  writeFileSync(CODE_CACHE, loaded.createCachedData());
}
