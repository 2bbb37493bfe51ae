import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors.js';

export interface DashboardSource {
  /** File name without .json, e.g. `pods`. */
  name: string;
  file: string;
  json: unknown;
}

/** Reads the dashboards folder's *.json; their shape is checked by the validate stage. */
export function loadDashboards(dir: string, label: string): { dashboards: DashboardSource[]; problems: Problem[] } {
  const names = listFiles(dir).filter((name) => name.endsWith('.json')).sort();
  const problems: Problem[] = [];
  const sources: DashboardSource[] = [];
  for (const name of names) {
    const file = `${label}/${name}`;
    const text = readFileSync(path.join(dir, name), 'utf8');
    try {
      sources.push({ name: name.replace(/\.json$/, ''), file, json: JSON.parse(text) });
    } catch (error) {
      problems.push({ code: 'SCHEMA_PARSE', file, pointer: '', message: `not valid JSON (${String(error instanceof Error ? error.message : error).replace(/\s+/g, ' ')})` });
    }
  }
  return { dashboards: sources, problems };
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
