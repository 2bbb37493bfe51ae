import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where this package's own files are, found from this module's place: the
 * same answer from the TypeScript sources (generator/src/project) and from
 * the built package (dist/generator/src/project), both two levels below the
 * package's generator folder.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Built, this module sits in dist/generator/src/project, or inside the CLI's bundle (cli.cjs) in dist/generator/src. */
const BUILT = /[\\/]dist[\\/]generator[\\/]src(?:[\\/]project)?$/;
export const PACKAGE_ROOT = BUILT.test(HERE) ? HERE.replace(BUILT, '') : path.resolve(HERE, '../../..');

/** Shared schema definitions (the workload definition) a project may refer to without a copy of its own. */
export const PACKAGE_DEFS = path.join(PACKAGE_ROOT, 'schemas/defs');

/** The generator's TypeScript sources (shipped in the package too): what the manifest hashes as the generator's own code. */
export const PACKAGE_SOURCES = path.join(PACKAGE_ROOT, 'generator/src');

/** The generic partials every project gets unless an overlay replaces them. */
export const PACKAGE_TEMPLATES = path.join(PACKAGE_ROOT, 'generator/templates');

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

export function packageJson(dir = PACKAGE_ROOT): PackageJson {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/**
 * Resolves the dependencies from this module's place. Not import.meta.resolve:
 * the CLI's CommonJS bundle has no import.meta but its url (scripts/bundle.mjs),
 * and there every dependency would read as missing.
 */
const requireHere = createRequire(import.meta.url);

/**
 * `name@version` of each runtime dependency as installed: an upgrade of
 * handlebars or ajv can change the output, so the drift check must see it.
 * Node resolves the same copy the generator loads. Also the package.json
 * files read, and npm's record of the install beside them, so the check
 * record (check-cache.ts) sees a reinstall without resolving again.
 */
export function dependencyVersions(): { versions: string[]; files: string[] } {
  const own = packageJson();
  const files = new Set<string>();
  const versions = Object.keys(own.dependencies ?? {}).sort().map((name) => {
    try {
      const found = installedPackage(requireHere.resolve(name), name);
      if (found === undefined) return `${name}@unknown`;
      files.add(path.join(found.dir, 'package.json'));
      // node_modules/.package-lock.json: npm rewrites it on every install that changes the folder.
      const modules = found.dir.endsWith(`${path.sep}${name}`) ? found.dir.slice(0, -name.length - 1) : '';
      if (path.basename(modules) === 'node_modules' && existsSync(path.join(modules, '.package-lock.json'))) files.add(path.join(modules, '.package-lock.json'));
      return `${name}@${found.version}`;
    } catch {
      return `${name}@missing`;
    }
  });
  return { versions, files: [...files] };
}

/** The folder and version of the package `name` that holds `entry`, walking up from it. */
function installedPackage(entry: string, name: string): { dir: string; version: string } | undefined {
  let dir = path.dirname(entry);
  for (;;) {
    try {
      const json = packageJson(dir);
      if (json.name === name) return { dir, version: json.version };
    } catch {
      // not a package folder; keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
