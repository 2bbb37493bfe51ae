import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './tools.js';

export interface ValuesCase {
  chart: string;
  /** `default` or the ci file's name without -values.yaml. */
  name: string;
  valuesFiles: string[];
}

/** Every chart under charts/ with its defaults and each ci/*-values.yaml file. */
/** Charts that cannot render without values (the backup bucket has no sensible default): only their ci cases count. */
const NEEDS_VALUES = new Set(['backup']);

export function valuesCases(charts: readonly string[]): ValuesCase[] {
  return charts.flatMap((chart) => {
    const ciDir = path.join(ROOT, 'charts', chart, 'ci');
    const files = safeList(ciDir).filter((name) => name.endsWith('-values.yaml')).sort();
    // The umbrella is also tested with each environment's values.
    const environments = chart === 'umbrella' ? safeList(path.join(ROOT, 'environments')).filter((name) => name.endsWith('.yaml')).sort() : [];
    return [
      ...(NEEDS_VALUES.has(chart) ? [] : [{ chart, name: 'default', valuesFiles: [] }]),
      ...files.map((file) => ({ chart, name: file.replace(/-values\.yaml$/, ''), valuesFiles: [path.join(ciDir, file)] })),
      ...environments.map((file) => ({ chart, name: `environments/${file.replace(/\.yaml$/, '')}`, valuesFiles: [path.join(ROOT, 'environments', file)] })),
    ];
  });
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
