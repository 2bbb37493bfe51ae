import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { stringify } from 'yaml';
import { createAjv, describeValueError } from '../schema/ajv.js';
import { chartDefaults, readChartFile } from './chart-defaults.js';
import { coalesce } from '../schema/coalesce.js';
import { GeneratorError } from '../errors.js';
import { isObject, type Json, type JsonObject } from '../schema/json-pointer.js';
import { banner } from '../render/banner.js';

export interface ValuesResult {
  chart: string;
  /** The values as written in the TS file, as YAML to pass to helm with -f. */
  yaml: string;
}

/**
 * `balena-charts values FILE.ts`: loads a defineValues() file, merges the
 * chart's defaults under it as Helm does (subcharts' defaults under their
 * keys for an umbrella), checks the result against the chart's
 * values.schema.json — the schema Helm enforces — and returns the values as YAML.
 */
export async function valuesFromTypeScript(file: string, root: string, chartsDir = 'charts'): Promise<ValuesResult> {
  const module = (await tsImport(pathToFileURL(path.resolve(file)).href, import.meta.url)) as { default?: unknown };
  const typed = module.default;
  if (!isObject(typed as Json) || typeof (typed as JsonObject).chart !== 'string' || !isObject((typed as JsonObject).values)) {
    fail(file, 'the default export must be defineValues(chart, values)');
  }
  const { chart, values } = typed as { chart: string; values: JsonObject };
  const chartDir = path.resolve(root, chartsDir, chart);
  const schema = JSON.parse(await readChartFile(path.join(chartDir, 'values.schema.json'), file)) as JsonObject;
  const merged = coalesce(await chartDefaults(chartDir, file), values);
  const validate = createAjv().compile(schema);
  if (!validate(merged)) {
    throw new GeneratorError((validate.errors ?? []).map((error) => ({
      code: 'VALUES_INVALID' as const,
      file,
      pointer: error.instancePath,
      message: describeValueError(error),
    })));
  }
  const source = path.relative(root, path.resolve(file));
  const yaml = `# ${banner(source, `edit ${source} and run balena-charts values`)}\n${stringify(values, { lineWidth: 0 })}`;
  return { chart, yaml };
}

function fail(file: string, message: string): never {
  throw new GeneratorError([{ code: 'VALUES_INVALID', file, pointer: '', message }]);
}
