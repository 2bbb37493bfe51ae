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
  const hash = createHash('sha256');
  const folders = ['schemas', 'generator/templates', 'generator/dashboards', 'generator/src'];
  for (const folder of folders) {
    for (const file of await listFiles(path.join(root, folder))) {
      if (file.startsWith('generated/') || file.includes('/generated/')) continue; // the generator's own output
      hash.update(`${folder}/${file}\0`);
      hash.update(await readFile(path.join(root, folder, file)));
      hash.update('\0');
    }
  }
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
  if (manifest.inputs !== (await hashInputs(root))) return false;
  for (const [file, expected] of Object.entries(manifest.files)) {
    const actual = await readFile(path.join(root, file)).then(sha256, () => undefined);
    if (actual !== expected) return false;
  }
  for (const dir of manifest.ownedDirs) {
    for (const file of await listFiles(path.join(root, dir))) {
      const relative = `${dir}/${file}`;
      if (!(relative in manifest.files) && !file.startsWith('ci/') && relative !== MANIFEST_PATH) return false;
    }
  }
  return true;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
