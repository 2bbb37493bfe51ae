import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { recordFile, recordUpToDate, unchangedSinceRecord } from './check-cache.js';
import { CHART_SCHEMA } from './load.js';

/** node:crypto, loaded on the first hash: a check the record answers (check-cache.ts) hashes nothing. */
let crypto: typeof import('node:crypto') | undefined;
function createHash(algorithm: string): import('node:crypto').Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash(algorithm);
}

/*
 * The generator's record of what it wrote: a hash of every input (config,
 * schemas, partials, dashboards; the generator's version, sources and its
 * libraries' versions) and of every file it emitted. `generate --check`
 * compares against it first and only runs the whole pipeline when something
 * differs, so the common "nothing changed" case loads none of the heavy
 * libraries. A hand edit to any generated file still shows: it changes the
 * file's size or time, which sends the check to the hashes.
 */
/** The manifest's name inside the charts folder. */
export const MANIFEST_NAME = '.generated.json';

export interface Manifest {
  inputs: string;
  /** Every input but the chart schemas, hashed together: with `charts`, what lets a generate redo only the charts whose schema changed (reuse.ts). */
  shared?: string;
  charts?: Record<string, ChartRecord>;
  /** Property checks passed (see PropertyRegistry), valid while `shared` is. */
  verdicts?: string[];
  /** The shared Kubernetes types file and a hash of what it was made from (see emit). */
  kubernetesTypes?: { file: string; key: string };
  ownedDirs: string[];
  files: Record<string, string>;
}

/** One chart as the last generate saw it: the hash of its schema file and the charts it includes. */
export interface ChartRecord {
  schema: string;
  dependencies: string[];
}

/** The hash of all inputs (the manifest's `inputs`), of all but the chart schemas, and of each chart schema by chart name. */
export interface InputHashes {
  all: string;
  shared: string;
  charts: Record<string, string>;
  /** The generator's own sources alone (ManifestInputs' `sources`), named as inside their folder, so the same wherever the package sits. */
  sources?: string;
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
  /**
   * The generator's version and its runtime dependencies' resolved versions,
   * with the package.json files they were read from; asked for only when
   * hashing (resolving them is a good part of a quick check's time).
   */
  versions: () => ResolvedVersions;
  /** The generator's own sources, one of `paths`: hashed on their own too (InputHashes' `sources`). */
  sources?: string;
}

export interface ResolvedVersions {
  versions: string[];
  files: string[];
}

/** Each input file: its name in the hash and where it is. With `folders`, every folder listed, and the one holding each input (where a missing input would appear). */
function inputFiles(inputs: ManifestInputs, folders?: string[]): { label: string; file: string }[] {
  return inputs.paths.flatMap((input) => {
    const inside = !path.relative(inputs.root, input).startsWith('..');
    const label = inside ? path.relative(inputs.root, input).split(path.sep).join('/') : path.basename(input);
    folders?.push(path.dirname(path.resolve(input)));
    const files = listFiles(input, folders);
    // A file (the config) lists as itself; a folder as every file below it; generated types are output, not input.
    if (files.length === 0 && isFile(input)) return [{ label: `${label}/`, file: input }];
    return files.filter((file) => !file.startsWith('generated/')).map((file) => ({ label: `${label}/${file}`, file: below(input, file) }));
  });
}

/**
 * One hash over every file that decides the output, in a fixed order: each
 * named relative to the root when inside it, else to its own folder (the
 * package's files sit wherever npm put them). Beside it, from the same single
 * read of each file: with `schemasDir`, one hash of everything but the chart
 * schema files (`<chart>.schema.json` directly in it) and one per chart
 * schema (see reuse.ts). Synchronous reads on purpose: for a few hundred
 * small files they are several times cheaper than promise-based ones, and
 * this runs on every `generate --check` that the check record
 * (check-cache.ts) cannot answer.
 */
export function hashInputs(inputs: ManifestInputs, schemasDir?: string, versions: readonly string[] = inputs.versions().versions): InputHashes {
  const all = createHash('sha256');
  const shared = createHash('sha256');
  const sources = inputs.sources === undefined ? undefined : { hash: createHash('sha256'), folder: `${inputs.sources}${path.sep}` };
  const charts: Record<string, string> = {};
  const chartFolder = schemasDir === undefined ? undefined : path.resolve(schemasDir);
  for (const version of versions) {
    all.update(`${version}\0`);
    shared.update(`${version}\0`);
  }
  for (const { label, file } of inputFiles(inputs)) {
    const content = readFileSync(file);
    all.update(`${label}\0`).update(content).update('\0');
    if (sources !== undefined && file.startsWith(sources.folder)) sources.hash.update(`${file.slice(sources.folder.length).split(path.sep).join('/')}\0`).update(content).update('\0');
    const name = path.basename(file);
    if (CHART_SCHEMA.test(name) && path.dirname(path.resolve(file)) === chartFolder) charts[name.slice(0, -'.schema.json'.length)] = sha256(content);
    else shared.update(`${label}\0`).update(content).update('\0');
  }
  return { all: all.digest('hex'), shared: shared.digest('hex'), charts, ...(sources === undefined ? {} : { sources: sources.hash.digest('hex') }) };
}

/** The hash of the generator's sources in `folder`, as hashInputs makes it beside the others: what the package build records (build-stamp.ts). */
export function hashSources(folder: string): string {
  return hashInputs({ root: folder, paths: [folder], sources: folder, versions: () => ({ versions: [], files: [] }) }, undefined, []).sources!;
}

/** The manifest of the last generate, if there is one that parses. */
export function readManifest(root: string, manifestPath: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(root, manifestPath), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * True when the tree matches the manifest exactly: same inputs, every file as
 * written, nothing extra. Files that all stat as the last check that hashed
 * them found are taken as read; otherwise everything is hashed, and a match
 * is recorded for the next check.
 */
export function matchesManifest(inputs: ManifestInputs, manifestPath: string): boolean {
  const { root } = inputs;
  const record = recordFile(root, manifestPath);
  if (unchangedSinceRecord(record, inputs.paths)) return true;
  // Before anything is listed: a folder or file changed from here on is newer than the record, so not trusted next time.
  const at = Date.now();
  const manifestFile = path.join(root, manifestPath);
  const manifest = readManifest(root, manifestPath);
  if (manifest === undefined) return false;
  const folders: string[] = [];
  if (!ownedFiles(root, manifest.ownedDirs, folders).every((file) => file in manifest.files)) return false;
  const listed = inputFiles(inputs, folders);
  const files = [manifestFile, ...listed.map(({ file }) => file), ...Object.keys(manifest.files).map((file) => below(root, file))];
  const resolved = inputs.versions();
  if (hashInputs(inputs, undefined, resolved.versions).all !== manifest.inputs) return false;
  for (const [file, expected] of Object.entries(manifest.files)) {
    if (hashOrUndefined(below(root, file)) !== expected) return false;
  }
  recordUpToDate(record, { paths: inputs.paths, files: [...files, ...resolved.files], folders }, at);
  return true;
}

/** Every file in the folders the generator wholly owns, relative to the root; with `folders`, every folder listed. */
export function ownedFiles(root: string, dirs: readonly string[], folders?: string[]): string[] {
  // ci/ holds hand-written test values (chart-testing's convention), not generated files.
  return dirs.flatMap((dir) => listFiles(path.join(root, dir), folders).filter((file) => !file.startsWith('ci/')).map((file) => `${dir}/${file}`));
}

/** `folder/relative` for a relative path with `/` separators, without path.join's normalising (a hot path of every check). */
function below(folder: string, relative: string): string {
  return path.sep === '/' ? `${folder}/${relative}` : path.join(folder, relative);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A file's text, or undefined when it cannot be read. */
export function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function hashOrUndefined(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Every file below a folder, relative to it; with `folders`, the folder and every folder below it are added there. */
function listFiles(folder: string, folders?: string[]): string[] {
  // Normalised once, so it is a prefix of every entry's parentPath.
  const dir = path.resolve(folder);
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  if (folders !== undefined) {
    folders.push(dir);
    for (const entry of entries) if (entry.isDirectory()) folders.push(path.join(entry.parentPath, entry.name));
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      // Sliced rather than path.relative: this runs for every file on every check, and the folder is a prefix of each entry's.
      const folder = entry.parentPath.length > dir.length ? `${entry.parentPath.slice(dir.length + 1)}/` : '';
      return `${folder}${entry.name}`.split(path.sep).join('/');
    })
    .sort();
}
