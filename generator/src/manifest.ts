import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
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

/** One hash over every file that decides the output, in a fixed order. */
export async function hashInputs(root: string): Promise<string> {
  const folders = ['schemas', 'generator/templates', 'generator/dashboards', 'generator/src'];
  const listed = await Promise.all(folders.map(async (folder) => (await listFiles(path.join(root, folder))).map((file) => `${folder}/${file}`)));
  // generator/src/generated/ is the generator's own output, not an input.
  const files = listed.flat().filter((file) => !file.startsWith('generator/src/generated/'));
  const contents = await Promise.all(files.map((file) => readFile(path.join(root, file))));
  const hash = createHash('sha256');
  files.forEach((file, i) => hash.update(`${file}\0`).update(contents[i] ?? '').update('\0'));
  return hash.digest('hex');
}

/** True when the tree matches the manifest exactly: same inputs, every file as written, nothing extra. */
export async function matchesManifest(root: string): Promise<boolean> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(root, MANIFEST_PATH), 'utf8')) as Manifest;
  } catch {
    return false;
  }
  const entries = Object.entries(manifest.files);
  const [inputs, actual, owned] = await Promise.all([
    hashInputs(root),
    Promise.all(entries.map(([file]) => readFile(path.join(root, file)).then(sha256, () => undefined))),
    Promise.all(manifest.ownedDirs.map(async (dir) => (await listFiles(path.join(root, dir))).filter((file) => !file.startsWith('ci/')).map((file) => `${dir}/${file}`))),
  ]);
  if (inputs !== manifest.inputs) return false;
  if (entries.some(([, expected], i) => actual[i] !== expected)) return false;
  return owned.flat().every((file) => file in manifest.files);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
