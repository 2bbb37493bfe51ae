import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/*
 * What `generate --check` last found up to date, as git's index keeps it: the
 * size and modification time of every file it read (inputs, outputs, the
 * manifest, the libraries' package.json). When every file still stats the
 * same and none is newer than the record, nothing needs hashing; any edit,
 * new or removed file sends the check back to the hashes. It lives in the
 * user's cache folder, never in the project, so it is never committed, and
 * losing it only costs one slow check.
 */

interface CheckRecord {
  /** When the files were stat'ed: a file modified at or after this moment is not trusted ("racily clean" in git's words). */
  at: number;
  /** Every file, absolute, with `size:mtimeMs`. */
  files: Record<string, string>;
  /** Files whose paths the full check found (the libraries' package.json), stat'ed again on the fast path. */
  extra: string[];
}

/** The record's file for one project and output folder. */
export function recordFile(root: string, manifestPath: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  const key = createHash('sha256').update(`${path.resolve(root)}\0${manifestPath}`).digest('hex').slice(0, 32);
  return path.join(base, 'balena-charts', 'check', `${key}.json`);
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

/**
 * True when the record says these files are exactly what the last full check
 * found up to date: the same set (plus the recorded extra files), each with
 * the same size and time, none modified since the record was taken.
 */
export function unchangedSinceRecord(recordPath: string, files: readonly string[]): boolean {
  const record = readRecord(recordPath);
  if (record === undefined) return false;
  const all = new Set([...files, ...record.extra]);
  if (all.size !== Object.keys(record.files).length) return false;
  for (const file of all) {
    const now = stamp(file);
    if (now === undefined || record.files[file] !== now) return false;
    if (Number(now.split(':')[1]) >= record.at) return false;
  }
  return true;
}

/** Records these files as up to date; best effort (a read-only home only loses the shortcut). */
export function recordUpToDate(recordPath: string, files: readonly string[], extra: readonly string[], at: number): void {
  const stamps: Record<string, string> = {};
  for (const file of new Set([...files, ...extra])) {
    const now = stamp(file);
    if (now === undefined) return;
    stamps[file] = now;
  }
  try {
    mkdirSync(path.dirname(recordPath), { recursive: true });
    // Written whole, then renamed: a check running beside it never reads half a record.
    const partial = `${recordPath}.${process.pid}`;
    writeFileSync(partial, JSON.stringify({ at, files: stamps, extra: [...extra] } satisfies CheckRecord));
    renameSync(partial, recordPath);
  } catch {
    // no cache folder: every check hashes, as it would without the record
  }
}
