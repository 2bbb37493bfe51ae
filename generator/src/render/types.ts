import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { isObject, walkObjects, type Json, type JsonObject } from '../schema/json-pointer.js';
import type { ChartModel } from '../pipeline/normalize.js';
import { banner } from './banner.js';

/** The TypeScript name of a chart's values: `api` → `ApiValues`. */
export function valuesTypeName(chartName: string): string {
  return `${chartName.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')}Values`;
}

/** TypeScript types for a chart's values, from the same schema Helm enforces. */
export async function renderTypes(chart: ChartModel): Promise<string> {
  // The title would name the type; the name comes from the chart instead.
  const { $comment: _comment, $schema: _schema, title: _title, ...schema } = withSubchartTypes(chart);
  const code = await compile(schema as JSONSchema, valuesTypeName(chart.name), {
    bannerComment: `/* ${banner(chart.source)} */`,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    // prettier would double the generator's run time; the output is laid out already, and tsc reads it the same.
    format: false,
    cwd: process.cwd(),
  });
  return withImports(indentByBraces(code), chart.dependencies.map(({ name }) => name));
}

/**
 * An umbrella's subchart values are typed by the subcharts' own types, not
 * generated a second time: the same names for the same values, and half the work.
 */
function withSubchartTypes(chart: ChartModel): JsonObject {
  const schema = chart.typesSchema;
  if (chart.dependencies.length === 0 || !isObject(schema.properties)) return schema;
  const properties: JsonObject = { ...schema.properties };
  for (const { name } of chart.dependencies) {
    const property = properties[name];
    const description = isObject(property) && typeof property.description === 'string' ? property.description : undefined;
    properties[name] = { tsType: valuesTypeName(name), ...(description === undefined ? {} : { description }) };
  }
  const { $defs, ...rest } = schema;
  const typed: JsonObject = { ...rest, properties };
  // Only the definitions the umbrella's own values still use; the subcharts' are typed in their files.
  if (isObject($defs)) typed.$defs = Object.fromEntries(reachableDefinitions(typed, $defs).map((name) => [name, $defs[name] ?? null]));
  return typed;
}

/** Names of the `#/$defs/...` definitions reachable from a schema (also through a pointer into one), following definitions that refer to others. */
function reachableDefinitions(schema: JsonObject, defs: JsonObject): string[] {
  const found = new Set<string>();
  const visit = (node: Json) => walkObjects(node, (object) => {
    const name = typeof object.$ref === 'string' ? /^#\/\$defs\/([^/]+)/.exec(object.$ref)?.[1] : undefined;
    if (name === undefined || found.has(name) || !(name in defs)) return;
    found.add(name);
    visit(defs[name] ?? null);
  });
  visit(schema);
  return [...found].sort();
}

/** The subcharts' types, imported right after the banner line. */
function withImports(code: string, dependencies: readonly string[]): string {
  if (dependencies.length === 0) return code;
  const end = code.indexOf('\n') + 1;
  const imports = dependencies.map((name) => `import type { ${valuesTypeName(name)} } from './${name}-values.js';\n`).join('');
  return `${code.slice(0, end)}\n${imports}${code.slice(end)}`;
}

/**
 * Two-space indentation by brace depth: the layout prettier would give these
 * declarations, at a fraction of its cost. Comment lines do not count braces.
 */
export function indentByBraces(code: string): string {
  let depth = 0;
  return code
    .split('\n')
    .map((raw) => {
      const line = raw.trim();
      if (line === '') return '';
      const comment = line.startsWith('/*') || line.startsWith('*');
      const closesFirst = !comment && line.startsWith('}');
      const indent = '  '.repeat(Math.max(0, depth - (closesFirst ? 1 : 0)));
      if (!comment) depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      return `${indent}${line.startsWith('*') ? ' ' : ''}${line}`;
    })
    .join('\n');
}

/**
 * The types folder's index.ts: every chart's values type, a map from chart
 * name to it, and a defineValues typed by that map, so a project's values
 * files are checked against its own charts without importing the package.
 */
export function renderTypesIndex(chartNames: readonly string[], source: string): string {
  const imports = chartNames.map((name) => `import type { ${valuesTypeName(name)} } from './${name}-values.js';`);
  const exports = `export type { ${chartNames.map(valuesTypeName).join(', ')} };`;
  const map = ['export interface ChartValues {', ...chartNames.map((name) => `  ${JSON.stringify(name)}: ${valuesTypeName(name)};`), '}'];
  const define = [
    '/** Values for one chart, checked by tsc; `balena-charts values FILE.ts` checks them against the chart\'s schema and writes YAML. */',
    'export interface TypedValues<Chart extends keyof ChartValues = keyof ChartValues> {',
    '  chart: Chart;',
    '  values: ChartValues[Chart];',
    '}',
    '',
    'export function defineValues<Chart extends keyof ChartValues>(chart: Chart, values: ChartValues[Chart]): TypedValues<Chart> {',
    '  return { chart, values };',
    '}',
  ];
  return [`/* ${banner(source)} */`, ...imports, '', exports, '', ...map, '', ...define, ''].join('\n');
}
