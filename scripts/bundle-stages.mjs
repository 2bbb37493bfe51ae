// Part of `npm run build`: replaces tsc's dist/generator/src/pipeline/stages.js
// with one file holding the stages and the libraries they use, so a full
// generate loads one module instead of several hundred (see stages.ts), and
// the package's own partials precompiled.
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stages = `${root}dist/generator/src/pipeline/stages.js`;

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
  `// Written by scripts/bundle-stages.mjs: the package's partials, precompiled (see package-templates.ts).\nexport const PRECOMPILED = new Map([\n${entries.join('\n')}\n]);\n`,
);
// tsc's source map was for the empty module this file replaced.
rmSync(`${root}dist/generator/src/render/package-templates.js.map`, { force: true });
await build({
  entryPoints: [stages],
  outfile: stages,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Only json-schema-to-typescript's formatter reads it, and the generator never formats with it.
  external: ['prettier'],
  // The CommonJS libraries inside call require() for Node's own modules.
  banner: { js: "import { createRequire as __balenaChartsRequire } from 'node:module';\nconst require = __balenaChartsRequire(import.meta.url);" },
  legalComments: 'inline',
  logLevel: 'warning',
});
// tsc's source map was for the module this file replaced.
rmSync(`${stages}.map`, { force: true });
