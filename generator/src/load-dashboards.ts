import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { GeneratorError, type Problem } from './errors.js';

export interface DashboardSource {
  /** File name without .json, e.g. `pods`. */
  name: string;
  file: string;
  json: unknown;
}

/** Reads generator/dashboards/*.json; their shape is checked by the validate stage. */
export function loadDashboards(dir: string): DashboardSource[] {
  const names = listFiles(dir).filter((name) => name.endsWith('.json')).sort();
  const problems: Problem[] = [];
  const sources: DashboardSource[] = [];
  for (const name of names) {
    const file = path.relative(process.cwd(), path.join(dir, name)) || name;
    const text = readFileSync(path.join(dir, name), 'utf8');
    try {
      sources.push({ name: name.replace(/\.json$/, ''), file, json: JSON.parse(text) });
    } catch (error) {
      problems.push({ code: 'SCHEMA_PARSE', file, pointer: '', message: `not valid JSON (${String(error instanceof Error ? error.message : error).replace(/\s+/g, ' ')})` });
    }
  }
  if (problems.length > 0) throw new GeneratorError(problems);
  return sources;
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
