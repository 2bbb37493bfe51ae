import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { coalesce } from '../schema/coalesce.js';
import { GeneratorError } from '../errors.js';
import type { Json, JsonObject } from '../schema/json-pointer.js';

/**
 * A generated chart's values.yaml, with each bundled subchart's values.yaml
 * under its name (as Helm merges them), so values checked against the chart's
 * values.schema.json are checked as Helm would see them. `file` is the input
 * the errors are reported against.
 */
export async function chartDefaults(chartDir: string, file: string): Promise<Json> {
  const own = (parse(await readChartFile(path.join(chartDir, 'values.yaml'), file)) ?? {}) as JsonObject;
  const chartYaml = parse(await readChartFile(path.join(chartDir, 'Chart.yaml'), file)) as { dependencies?: { name: string }[] };
  const withSubcharts: JsonObject = { ...own };
  for (const { name } of chartYaml.dependencies ?? []) {
    const sub = (parse(await readChartFile(path.join(chartDir, 'charts', name, 'values.yaml'), file)) ?? {}) as JsonObject;
    withSubcharts[name] = coalesce(sub, own[name]) ?? {};
  }
  return withSubcharts;
}

export async function readChartFile(target: string, file: string): Promise<string> {
  try {
    return await readFile(target, 'utf8');
  } catch {
    throw new GeneratorError([{ code: 'VALUES_INVALID', file, pointer: '', message: `cannot read ${target} (is the chart generated?)` }]);
  }
}
