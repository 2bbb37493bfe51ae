import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The generator's record of what it wrote: a hash of every input (schemas,
 * partials, dashboards, the generator's own source) and of every file it
 * emitted. `generate --check` compares against it first and only runs the
 * whole pipeline when something differs, so the common "nothing changed" case
 * loads none of the heavy libraries. A hand edit to any generated file still
 * shows, because each file's hash is compared.
 */
export const MANIFEST_PATH = 'charts/.generated.json';

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

/**
 * One hash over every file that decides the output, in a fixed order.
 * Synchronous reads on purpose: for a few hundred small files they are
 * several times cheaper than promise-based ones, and this runs on every
 * `generate --check` (the benchmarks measure it against a bare node process).
 */
export async function hashInputs(root: string): Promise<string> {
  const folders = ['schemas', 'generator/templates', 'generator/dashboards', 'generator/src'];
  // generator/src/generated/ is the generator's own output, not an input.
  const files = folders
    .flatMap((folder) => listFiles(path.join(root, folder)).map((file) => `${folder}/${file}`))
    .filter((file) => !file.startsWith('generator/src/generated/'));
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
  return hash.digest('hex');
}

/** True when the tree matches the manifest exactly: same inputs, every file as written, nothing extra. */
export async function matchesManifest(root: string): Promise<boolean> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, MANIFEST_PATH), 'utf8')) as Manifest;
  } catch {
    return false;
  }
  if ((await hashInputs(root)) !== manifest.inputs) return false;
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
