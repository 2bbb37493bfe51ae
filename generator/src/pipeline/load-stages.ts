import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
 */
export async function loadStages(): Promise<Stages> {
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
