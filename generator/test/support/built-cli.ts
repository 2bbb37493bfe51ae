import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './tools.js';

/** What `npm run build` makes last (scripts/bundle.mjs): the CLI's bundle, then the stages' code cache. */
const BUILT = ['dist/generator/src/cli.cjs', 'dist/generator/src/pipeline/stages.cjs.cache'];
/** What the build reads: the sources, the package's partials and shared definitions, and how it is built. */
const SOURCES = ['generator/src', 'generator/templates', 'schemas/defs', 'scripts/bundle.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

let checked: string | undefined;

/**
 * The package's built CLI, which the suites run as users run it (one bundled
 * module with its code cache: a third of the CPU of the sources under tsx).
 * npm test builds first; a suite run on its own after an edit is refused
 * rather than left to test an older build.
 */
export function builtCli(): string {
  checked ??= freshBuild();
  return checked;
}

function freshBuild(): string {
  const built = BUILT.map((file) => path.join(ROOT, file));
  const missing = built.find((file) => !existsSync(file));
  if (missing !== undefined) throw new Error(`${path.relative(ROOT, missing)} is missing: run npm run build first (the suites run the built CLI)`);
  const builtAt = Math.min(...built.map((file) => statSync(file).mtimeMs));
  const newer = SOURCES.flatMap((entry) => filesUnder(path.join(ROOT, entry))).find((file) => statSync(file).mtimeMs > builtAt);
  if (newer !== undefined) throw new Error(`dist/ is older than ${path.relative(ROOT, newer)}: run npm run build first (the suites run the built CLI)`);
  return built[0]!;
}

function filesUnder(entry: string): string[] {
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry, { recursive: true, withFileTypes: true }).filter((found) => found.isFile()).map((found) => path.join(found.parentPath, found.name));
}
