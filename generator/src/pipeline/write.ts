import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EmittedFiles } from './emit.js';
import { ownedFiles, readIfThere } from './manifest.js';
import { byCodePoint } from '../schema/order.js';

export interface Drift {
  path: string;
  kind: 'changed' | 'missing' | 'stale';
}

/**
 * What differs between the emitted files and the tree under `root`; writes
 * nothing. Reads are synchronous: for a few hundred small files that is several
 * times quicker than promise-based reads.
 */
export function findDrift(root: string, emitted: EmittedFiles): Drift[] {
  const drift: Drift[] = [];
  for (const [file, text] of emitted.files) {
    if (emitted.asOnDisk.has(file)) continue;
    const current = readIfThere(path.join(root, file));
    if (current === undefined) drift.push({ path: file, kind: 'missing' });
    else if (current !== text) drift.push({ path: file, kind: 'changed' });
  }
  for (const file of ownedFiles(root, emitted.ownedDirs)) {
    if (!emitted.files.has(file)) drift.push({ path: file, kind: 'stale' });
  }
  return drift.sort((a, b) => byCodePoint(a.path, b.path));
}

/**
 * Stage 5: bring the tree in line with the emitted files. Every file is first
 * written next to its target and only then renamed into place, so a failure
 * part way leaves the previous files, never half-written ones. Synchronous,
 * as the reads are: a promise per call cost a generate that changed a few
 * files more than the writing itself.
 */
export function write(root: string, emitted: EmittedFiles): Drift[] {
  const drift = findDrift(root, emitted);
  const staged: [string, string][] = [];
  try {
    for (const change of drift.filter((d) => d.kind !== 'stale')) {
      const target = path.join(root, change.path);
      const temporary = `${target}.${process.pid}.tmp`;
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(temporary, emitted.files.get(change.path) ?? '');
      staged.push([temporary, target]);
    }
  } catch (error) {
    for (const [temporary] of staged) rmSync(temporary, { force: true });
    throw error;
  }
  for (const [temporary, target] of staged) renameSync(temporary, target);
  for (const change of drift.filter((d) => d.kind === 'stale')) rmSync(path.join(root, change.path));
  return drift;
}
