import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors.js';
import type { Json } from '../schema/json-pointer.js';

/** One schema file as read from disk; `file` is relative to the schemas folder. */
export interface SchemaDocument {
  file: string;
  json: Json;
  /** How messages name it, when not by its place in the schemas folder (a shared definition the package brings). */
  shownAs?: string;
}

export interface LoadedSchemas {
  schemasDir: string;
  /** Chart schemas (`<chart>.schema.json`), sorted by file name. */
  charts: SchemaDocument[];
  /** Shared definitions (`defs/*.schema.json`) that chart schemas `$ref`. */
  shared: SchemaDocument[];
  /** Files that could not be read or parsed (already reported): what refers to them is set aside quietly. */
  unreadable: string[];
}

/** A chart's schema file, directly in the schemas folder. */
export const CHART_SCHEMA = /^[a-z][a-z0-9-]*\.schema\.json$/;

/**
 * Stage 1: read every schema under `schemasDir`; a file that cannot be read
 * or parsed is a problem, reported with those of every later stage. Reads
 * are synchronous: for a few small files that is several times quicker than
 * promise-based reads, and nothing else waits.
 */
export function load(schemasDir: string, packageDefs?: { dir: string; label: string }): { loaded: LoadedSchemas; problems: Problem[] } {
  const problems: Problem[] = [];
  const unreadable: string[] = [];
  const read = (file: string, dir = schemasDir, label?: string): SchemaDocument | undefined => {
    const fullPath = path.join(dir, file);
    let text: string;
    try {
      text = readFileSync(fullPath, 'utf8');
    } catch (error) {
      problems.push({ code: 'SCHEMA_UNREADABLE', file: displayPath(schemasDir, file), pointer: '', message: String(error) });
      unreadable.push(file);
      return undefined;
    }
    try {
      return { file, json: JSON.parse(text) as Json, ...(label === undefined ? {} : { shownAs: `${label}/${file.slice('defs/'.length)}` }) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push({ code: 'SCHEMA_PARSE', file: displayPath(schemasDir, file), pointer: '', message: `not valid JSON (${describeParseError(text, message)})` });
      unreadable.push(file);
      return undefined;
    }
  };

  const chartFiles = listJson(schemasDir).filter((name) => CHART_SCHEMA.test(name));
  const sharedFiles = listJson(path.join(schemasDir, 'defs')).map((name) => `defs/${name}`);
  if (chartFiles.length === 0) {
    problems.push({ code: 'SCHEMA_UNREADABLE', file: schemasDir, pointer: '', message: 'no <chart>.schema.json files found' });
  }
  const charts = chartFiles.map((file) => read(file));
  // The package's shared definitions, for a project that refers to them without a copy of its own.
  const bundledDefs = packageDefs === undefined || path.resolve(packageDefs.dir) === path.resolve(schemasDir, 'defs') ? [] : listJson(packageDefs.dir).map((name) => `defs/${name}`).filter((file) => !sharedFiles.includes(file));
  const shared = [...sharedFiles.map((file) => read(file)), ...bundledDefs.map((file) => read(file, path.dirname(packageDefs!.dir), packageDefs!.label))];
  return { loaded: { schemasDir, charts: charts.filter(isDefined), shared: shared.filter(isDefined), unreadable }, problems };
}

export function displayPath(schemasDir: string, file: string): string {
  return path.relative(process.cwd(), path.join(schemasDir, file)) || file;
}

function listJson(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.schema.json')).sort();
  } catch {
    return [];
  }
}

/** Turns V8's "at position N" into a line and column a person can jump to. */
function describeParseError(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return message.replace(/\s+/g, ' ');
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
