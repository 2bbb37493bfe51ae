// Part of `npm run build`, after tsc: writes dist/generator/src/cli.cjs, the
// package's bin, one CommonJS file holding the CLI and what a check runs; and
// dist/generator/src/pipeline/stages.cjs, one file holding the stages and
// the libraries they use, so a full generate loads one module instead of
// several hundred (see stages.ts), with the package's own partials, schema
// checks and Kubernetes types made beforehand, and V8's code cache of it.
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stages = `${root}dist/generator/src/pipeline/stages.js`;
const bundle = `${root}dist/generator/src/pipeline/stages.cjs`;

// The hash of the sources this build compiles (see build-stamp.ts): a generate
// from this build refuses to run beside other sources.
const { hashSources } = await import(`${root}dist/generator/src/pipeline/manifest.js`);
writeFileSync(
  `${root}dist/generator/src/project/build-stamp.js`,
  `// Written by scripts/bundle.mjs: the sources this build compiled (see build-stamp.ts).\nexport const BUILT_FROM_SOURCES = ${JSON.stringify(hashSources(`${root}generator/src`))};\n`,
);
rmSync(`${root}dist/generator/src/project/build-stamp.js.map`, { force: true });

// The package's own partials, precompiled into the module templates.ts looks
// them up in (render/package-templates.ts), so a run does not parse and
// compile them: each keyed by its text as Handlebars reads it, compiled with
// the same options as at run time.
const { COMPILE_OPTIONS, toHandlebars } = await import(`${root}dist/generator/src/render/templates.js`);
const templates = `${root}generator/templates`;
const entries = readdirSync(templates, { recursive: true, encoding: 'utf8' })
  .filter((entry) => entry.endsWith('.hbs'))
  .sort()
  .map((entry) => toHandlebars(readFileSync(`${templates}/${entry}`, 'utf8')))
  .filter((text) => text.includes('{{'))
  .map((text) => `  [${JSON.stringify(text)}, ${Handlebars.precompile(text, COMPILE_OPTIONS)}],`);
writeFileSync(
  `${root}dist/generator/src/render/package-templates.js`,
  `// Written by scripts/bundle.mjs: the package's partials, precompiled (see package-templates.ts).\nexport const PRECOMPILED = new Map([\n${entries.join('\n')}\n]);\n`,
);
// tsc's source map was for the empty module this file replaced.
rmSync(`${root}dist/generator/src/render/package-templates.js.map`, { force: true });

// The package's own checks, compiled by ajv into the module createAjv and
// validate take them from (schema/package-checks.ts): the meta-schema,
// our keywords', the config's and the dashboards' schemas, and the shared
// definitions, used where a project's are these, byte for byte.
const { load } = await import(`${root}dist/generator/src/pipeline/load.js`);
const { precompileChecks } = await import(`${root}dist/generator/src/schema/precompile-checks.js`);
const { loaded, problems } = load(`${root}schemas`);
if (problems.length > 0) throw new Error(`the package's schemas do not load: ${problems.map((problem) => `${problem.file}#${problem.pointer}: ${problem.message}`).join('; ')}`);
writeFileSync(
  `${root}dist/generator/src/schema/package-checks.js`,
  `// Written by scripts/bundle.mjs: the package's own checks, compiled (see package-checks.ts).\n${precompileChecks(loaded.shared)}`,
);
rmSync(`${root}dist/generator/src/schema/package-checks.js.map`, { force: true });

// The shared types files of the package's own definitions (Kubernetes types,
// the workload's shared values), made once here (render/package-types.ts):
// each one's text after its banner line, which names the project's folder.
const { kubernetesDefinitionsOf } = await import(`${root}dist/generator/src/schema/shared-definitions.js`);
const { kubernetesDefinitionsKey, sharedTypesBanner, renderKubernetesTypes, renderWorkloadTypes } = await import(`${root}dist/generator/src/render/types.js`);
const { sharedTypesFile, sharedTypesKey } = await import(`${root}dist/generator/src/render/workload-types.js`);
const { WORKLOAD_VALUES } = await import(`${root}dist/generator/src/schema/compose.js`);
/** A shared types file's text after its banner line, which names the project's folder and command (a run writes its own in its place). */
const bodyOf = (text, source) => {
  const bannerLine = `${sharedTypesBanner(source, 'regenerate')}\n`;
  if (!text.startsWith(bannerLine)) throw new Error(`the types file of ${source} does not start with its banner line`);
  return text.slice(bannerLine.length);
};
const definitions = kubernetesDefinitionsOf(loaded.shared);
const kubernetesTypes = await renderKubernetesTypes(definitions, 'schemas/defs/kubernetes.schema.json', 'regenerate');
// The workload definition's shared values' types (render/workload-types.ts), likewise.
const workload = loaded.shared.find((doc) => doc.file === WORKLOAD_VALUES.file);
const workloadSchema = workload === undefined ? undefined : sharedTypesFile(workload.json, WORKLOAD_VALUES.pointer)?.schema;
const workloadTypes = workloadSchema === undefined ? undefined : await renderWorkloadTypes(workloadSchema, `schemas/${WORKLOAD_VALUES.file}`, 'regenerate');
writeFileSync(
  `${root}dist/generator/src/render/package-types.js`,
  [
    "// Written by scripts/bundle.mjs: the package's shared types files (see package-types.ts).",
    `export const PACKAGE_KUBERNETES_TYPES = ${kubernetesTypes === undefined ? 'undefined' : JSON.stringify({ key: kubernetesDefinitionsKey(definitions), body: bodyOf(kubernetesTypes, 'schemas/defs/kubernetes.schema.json') })};`,
    `export const PACKAGE_WORKLOAD_TYPES = ${workloadTypes === undefined ? 'undefined' : JSON.stringify({ key: sharedTypesKey(workloadSchema), body: bodyOf(workloadTypes, `schemas/${WORKLOAD_VALUES.file}`) })};`,
    '',
  ].join('\n'),
);
rmSync(`${root}dist/generator/src/render/package-types.js.map`, { force: true });

// One CommonJS file of the stages and the libraries they use, which
// load-stages.ts compiles with V8's code cache of it (vm.Script takes one;
// an ES module cannot on this Node). tsc's modules stay beside it, unused.
await build({
  entryPoints: [stages],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Only json-schema-to-typescript's formatter reads prettier, and the generator
  // never formats with it (format: false). Left external, its CommonJS entry
  // would still import all of prettier on load, the costliest module of a
  // generate; in its place, a module that says why it is not there.
  plugins: [{
    name: 'no-prettier',
    setup(context) {
      context.onResolve({ filter: /^prettier$/ }, () => ({ path: 'prettier', namespace: 'no-prettier' }));
      context.onLoad({ filter: /.*/, namespace: 'no-prettier' }, () => ({
        contents: "exports.format = () => { throw new Error('balena-charts lays out its TypeScript itself; prettier is not part of the bundle'); };",
        loader: 'js',
      }));
    },
  }, {
    // Handlebars builds each compiled template's code from source-map's
    // SourceNodes when it finds that library, for source maps the generator
    // never asks for; without it, from plain strings, to the same code.
    name: 'handlebars-without-source-maps',
    setup(context) {
      context.onResolve({ filter: /^source-map$/ }, ({ importer }) => (importer.includes('/handlebars/') ? { path: 'source-map', namespace: 'handlebars-without-source-maps' } : undefined));
      context.onLoad({ filter: /.*/, namespace: 'handlebars-without-source-maps' }, () => ({ contents: 'exports.SourceNode = undefined;', loader: 'js' }));
    },
  }],
  legalComments: 'inline',
  // Less text for Node to read and V8 to check against its code cache: about 2% of a full generate.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// The CLI as one CommonJS file: a `generate --check` that finds nothing
// changed (most runs) loads it and nothing else of ours, and Node needs no
// ES module loader for it, nor for a generate (which loads the stages'
// bundle through load-stages, inlined here). What only the other commands
// need stays in tsc's modules beside it, imported when used.
await build({
  entryPoints: [`${root}dist/generator/src/cli.js`],
  outfile: `${root}dist/generator/src/cli.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  // package-files.ts finds the package from its own place: here, the bundle's.
  define: { 'import.meta.url': '__cliUrl' },
  banner: { js: "'use strict';\nconst __cliUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [{
    name: 'imported-when-used',
    setup(context) {
      context.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, ({ path }) => ({ path, external: true }));
      // The stages' modules, which load-stages imports only where their bundle is missing (a run from the sources).
      context.onResolve({ filter: /^\.\/stages\.js$/ }, ({ path }) => ({ path, external: true }));
    },
  }],
  logLevel: 'warning',
});

// The code cache: what V8 compiled of the bundle during a generate of this
// package's own project (a check: nothing is written), so a user's generate
// skips compiling the same functions. Any project's generate runs the same
// library code; a run that stops on a problem still leaves a cache of what it ran.
const { generate } = await import(`${root}dist/generator/src/index.js`);
try {
  // With the CLI's heap settings, which are part of what V8 checks a code cache against.
  await generate({ root, full: true, check: true, tuneHeap: true });
} catch (error) {
  console.warn(`bundle: the code cache's generate stopped early: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
}
const { writeCodeCache } = await import(`${root}dist/generator/src/pipeline/load-stages.js`);
writeCodeCache();
