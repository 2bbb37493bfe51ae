// Part of `npm run build`: replaces tsc's dist/generator/src/pipeline/stages.js
// with one file holding the stages and the libraries they use, so a full
// generate loads one module instead of several hundred (see stages.ts).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stages = `${root}dist/generator/src/pipeline/stages.js`;
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
