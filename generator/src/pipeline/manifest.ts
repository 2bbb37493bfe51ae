import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/*
 * The generator's record of what it wrote: a hash of every input (config,
 * schemas, partials, dashboards; the generator's version, sources and its
 * libraries' versions) and of every file it emitted. `generate --check` compares against it first and only runs the
 * whole pipeline when something differs, so the common "nothing changed" case
 * loads none of the heavy libraries. A hand edit to any generated file still
 * shows, because each file's hash is compared.
 */
/** The manifest's name inside the charts folder. */
export const MANIFEST_NAME = '.generated.json';

export interface Manifest {
  inputs: string;
  ownedDirs: string[];
  files: Record<string, string>;
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function renderManifest(manifest: Manifest): string {
  return `${JSON.stringify({ $comment: 'generated — do not edit: made by balena-charts generate; hashes of its inputs and outputs, for generate --check', ...manifest }, null, 2)}\n`;
}

/** What decides the output: the project's input folders and files, and the generator itself. */
export interface ManifestInputs {
  root: string;
  /** Folders and files, absolute; a missing one counts as empty. */
  paths: string[];
  /** The generator's version and its runtime dependencies' resolved versions. */
  versions: string[];
}

/**
 * One hash over every file that decides the output, in a fixed order: each
 * named relative to the root when inside it, else to its own folder (the
 * package's files sit wherever npm put them). Synchronous reads on purpose:
 * for a few hundred small files they are several times cheaper than
 * promise-based ones, and this runs on every `generate --check` (the
 * benchmarks measure it against a bare node process).
 */
export function hashInputs(inputs: ManifestInputs): string {
  const hash = createHash('sha256');
  for (const version of inputs.versions) hash.update(`${version}\0`);
  for (const input of inputs.paths) {
    const inside = !path.relative(inputs.root, input).startsWith('..');
    const label = inside ? path.relative(inputs.root, input).split(path.sep).join('/') : path.basename(input);
    const files = listFiles(input);
    // A file (the config) lists as itself; a folder as every file below it; generated types are output, not input.
    for (const file of files.length === 0 && isFile(input) ? [''] : files) {
      if (file.startsWith('generated/')) continue;
      hash.update(`${label}/${file}\0`).update(readFileSync(file === '' ? input : path.join(input, file))).update('\0');
    }
  }
  return hash.digest('hex');
}

/** True when the tree matches the manifest exactly: same inputs, every file as written, nothing extra. */
export function matchesManifest(inputs: ManifestInputs, manifestPath: string): boolean {
  const { root } = inputs;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, manifestPath), 'utf8')) as Manifest;
  } catch {
    return false;
  }
  if (hashInputs(inputs) !== manifest.inputs) return false;
  for (const [file, expected] of Object.entries(manifest.files)) {
    if (hashOrUndefined(path.join(root, file)) !== expected) return false;
  }
  return ownedFiles(root, manifest.ownedDirs).every((file) => file in manifest.files);
}

/** Every file in the folders the generator wholly owns, relative to the root. */
export function ownedFiles(root: string, dirs: readonly string[]): string[] {
  // ci/ holds hand-written test values (chart-testing's convention), not generated files.
  return dirs.flatMap((dir) => listFiles(path.join(root, dir)).filter((file) => !file.startsWith('ci/')).map((file) => `${dir}/${file}`));
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function hashOrUndefined(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

function listFiles(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
