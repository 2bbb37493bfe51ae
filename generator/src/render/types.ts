import { compile, type JSONSchema } from 'json-schema-to-typescript';
import type { ChartModel } from '../normalize.js';
import { banner } from './banner.js';

/** The TypeScript name of a chart's values: `api` → `ApiValues`. */
export function valuesTypeName(chartName: string): string {
  return `${chartName.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')}Values`;
}

/** TypeScript types for a chart's values, from the same schema Helm enforces. */
export async function renderTypes(chart: ChartModel): Promise<string> {
  // The title would name the type; the name comes from the chart instead.
  const { $comment: _comment, $schema: _schema, title: _title, ...schema } = chart.valuesSchema;
  const code = await compile(schema as JSONSchema, valuesTypeName(chart.name), {
    bannerComment: `/* ${banner(chart.source)} */`,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    // prettier would double the generator's run time; the output is laid out already, and tsc reads it the same.
    format: false,
    cwd: process.cwd(),
  });
  return indentByBraces(code);
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

/** generated/index.ts: every chart's values type, and a map from chart name to it. */
export function renderTypesIndex(chartNames: readonly string[], source: string): string {
  const imports = chartNames.map((name) => `import type { ${valuesTypeName(name)} } from './${name}-values.js';`);
  const exports = `export type { ${chartNames.map(valuesTypeName).join(', ')} };`;
  const map = ['export interface ChartValues {', ...chartNames.map((name) => `  ${JSON.stringify(name)}: ${valuesTypeName(name)};`), '}'];
  return [`/* ${banner(source)} */`, ...imports, '', exports, '', ...map, ''].join('\n');
}
