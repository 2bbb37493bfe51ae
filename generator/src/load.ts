import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { GeneratorError, type Problem } from './errors.js';
import type { Json } from './json-pointer.js';

/** One schema file as read from disk; `file` is relative to the schemas folder. */
export interface SchemaDocument {
  file: string;
  json: Json;
}

export interface LoadedSchemas {
  schemasDir: string;
  /** Chart schemas (`<chart>.schema.json`), sorted by file name. */
  charts: SchemaDocument[];
  /** Shared definitions (`defs/*.schema.json`) that chart schemas `$ref`. */
  shared: SchemaDocument[];
}

const CHART_SCHEMA = /^[a-z][a-z0-9-]*\.schema\.json$/;

/**
 * Stage 1: read every schema under `schemasDir`; parse errors are collected,
 * not thrown one by one. Reads are synchronous: for a few small files that is
 * several times quicker than promise-based reads, and nothing else waits.
 */
export function load(schemasDir: string): LoadedSchemas {
  const problems: Problem[] = [];
  const read = (file: string): SchemaDocument | undefined => {
    const fullPath = path.join(schemasDir, file);
    let text: string;
    try {
      text = readFileSync(fullPath, 'utf8');
    } catch (error) {
      problems.push({ code: 'SCHEMA_UNREADABLE', file: displayPath(schemasDir, file), pointer: '', message: String(error) });
      return undefined;
    }
    try {
      return { file, json: JSON.parse(text) as Json };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push({ code: 'SCHEMA_PARSE', file: displayPath(schemasDir, file), pointer: '', message: `not valid JSON (${describeParseError(text, message)})` });
      return undefined;
    }
  };

  const chartFiles = listJson(schemasDir).filter((name) => CHART_SCHEMA.test(name));
  const sharedFiles = listJson(path.join(schemasDir, 'defs')).map((name) => `defs/${name}`);
  if (chartFiles.length === 0) {
    problems.push({ code: 'SCHEMA_UNREADABLE', file: schemasDir, pointer: '', message: 'no <chart>.schema.json files found' });
  }
  const charts = chartFiles.map(read);
  const shared = sharedFiles.map(read);
  if (problems.length > 0) throw new GeneratorError(problems);
  return { schemasDir, charts: charts.filter(isDefined), shared: shared.filter(isDefined) };
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
