import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/*
 * What `generate --check` last found up to date, as git's index keeps it: the
 * size and modification time of every file it read (inputs, outputs, the
 * manifest, the libraries' package.json), and the modification time of every
 * folder it listed, as git's untracked cache keeps them (a file added,
 * removed or renamed in a folder changes the folder's time). When every
 * folder and file still stats the same and none is newer than the record,
 * nothing needs listing or hashing; any edit, new or removed file sends the
 * check back to the hashes. It lives in the user's cache folder, never in
 * the project, so it is never committed, and losing it only costs one slow check.
 */

interface CheckRecord {
  /** When the check began listing: a file or folder modified at or after this moment is not trusted ("racily clean" in git's words). */
  at: number;
  /** The inputs the check was given (see ManifestInputs): other options make another check. */
  paths: string[];
  /** Every file, absolute, with `size:mtimeMs`. */
  files: Record<string, string>;
  /** Every folder listed, and the one holding each input, absolute, with its mtimeMs. */
  folders: Record<string, number>;
}

/** What a check found up to date: its inputs, and the files and folders it read. */
export interface UpToDate {
  paths: readonly string[];
  files: readonly string[];
  folders: readonly string[];
}

/** The record's file for one project and output folder. */
export function recordFile(root: string, manifestPath: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'balena-charts', 'check', `${recordKey(`${path.resolve(root)}\0${manifestPath}`)}.json`);
}

/**
 * A short name for a project's record: two FNV-1a hashes of its path. Not
 * node:crypto, which a check the record answers would load for this alone;
 * a clash costs nothing but a slow check, since a record names its files by
 * absolute path and matches no other project's.
 */
function recordKey(text: string): string {
  let first = 0x811c9dc5;
  let second = 0x050c5d1f;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x5bd1e995) >>> 0;
  }
  return `${first.toString(16).padStart(8, '0')}${second.toString(16).padStart(8, '0')}`;
}

function stamp(file: string): string | undefined {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function readRecord(file: string): CheckRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CheckRecord;
  } catch {
    return undefined;
  }
}

/** A folder's modification time, or undefined when it is not a folder. */
function folderTime(folder: string): number | undefined {
  try {
    const stat = statSync(folder);
    return stat.isDirectory() ? stat.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when the record says the check of these inputs would find what the
 * last full check found up to date: every recorded folder unchanged (so
 * listing them would give the recorded files again), every recorded file
 * with the same size and time, none modified since the record was taken.
 */
export function unchangedSinceRecord(recordPath: string, paths: readonly string[]): boolean {
  const record = readRecord(recordPath);
  if (record?.paths === undefined || record.folders === undefined || record.paths.length !== paths.length || record.paths.some((input, index) => input !== paths[index])) return false;
  for (const [folder, time] of Object.entries(record.folders)) {
    const now = folderTime(folder);
    if (now === undefined || now !== time || now >= record.at) return false;
  }
  for (const [file, recorded] of Object.entries(record.files)) {
    const now = stamp(file);
    if (now === undefined || now !== recorded) return false;
    if (Number(now.split(':')[1]) >= record.at) return false;
  }
  return true;
}

/** Records a check's inputs, files and folders as up to date; best effort (a read-only home only loses the shortcut). */
export function recordUpToDate(recordPath: string, found: UpToDate, at: number): void {
  const files: Record<string, string> = {};
  for (const file of new Set(found.files)) {
    const now = stamp(file);
    if (now === undefined) return;
    files[file] = now;
  }
  const folders: Record<string, number> = {};
  for (const folder of new Set(found.folders)) {
    const now = folderTime(folder);
    if (now === undefined) return;
    folders[folder] = now;
  }
  try {
    mkdirSync(path.dirname(recordPath), { recursive: true });
    // Written whole, then renamed: a check running beside it never reads half a record.
    const partial = `${recordPath}.${process.pid}`;
    writeFileSync(partial, JSON.stringify({ at, paths: [...found.paths], files, folders } satisfies CheckRecord));
    renameSync(partial, recordPath);
  } catch {
    // no cache folder: every check hashes, as it would without the record
  }
}
