import { WORKLOAD_KINDS, type ChartMetadata } from './chart-metadata.js';
import { isObject, resolvePointer, type Json, type JsonObject } from './json-pointer.js';
import type { SchemaDocument } from '../pipeline/load.js';

/** The shared definition every chart's main workload is made from. */
export const WORKLOAD_VALUES = { file: 'defs/workload.schema.json', pointer: '/$defs/workloadValues' } as const;

/**
 * What a chart declares, as the names `x-needs` uses: its main workload's
 * kind, `service`, and each feature.
 */
export function declaredNeeds(metadata: ChartMetadata): Set<string> {
  const main = (metadata.workloads ?? []).find((workload) => workload.partial === undefined);
  return new Set([...(main === undefined ? [] : [main.kind]), ...(metadata.service ? ['service'] : []), ...(metadata.features ?? [])]);
}

/** `x-needs: "service"` holds when the chart has a Service; a list holds when any of its names does. */
function holds(needs: Json | undefined, declared: ReadonlySet<string>): boolean {
  if (needs === undefined) return true;
  return (Array.isArray(needs) ? needs : [needs]).some((name) => typeof name === 'string' && declared.has(name));
}

/**
 * A chart schema with its main workload's values filled in from the shared
 * workload definition: every value its declaration calls for, in the
 * definition's order, then the chart's own. A value the chart also lists
 * keeps the chart's keywords over the shared ones (a default, a
 * description); one the chart defines in full (`$ref`, `type`, `enum`,
 * `properties`) is the chart's alone. Charts without a main workload are
 * left as written. Pure: the same inputs give the same schema.
 */
export function composeChart(chart: SchemaDocument, shared: SchemaDocument | undefined): SchemaDocument {
  const schema = chart.json;
  if (!isObject(schema) || !isObject(schema['x-chart']) || !isObject(schema.properties) || shared === undefined) return chart;
  const metadata = schema['x-chart'] as unknown as ChartMetadata;
  if (!(metadata.workloads ?? []).some((workload) => workload.partial === undefined && WORKLOAD_KINDS.includes(workload.kind))) return chart;
  const base = resolvePointer(shared.json, WORKLOAD_VALUES.pointer);
  if (!isObject(base) || !isObject(base.properties)) return chart;
  const declared = declaredNeeds(metadata);
  const own = schema.properties;
  const properties: JsonObject = {};
  for (const [key, value] of Object.entries(base.properties)) {
    if (!isObject(value) || !holds(value['x-needs'], declared)) continue;
    const inherited = fromSharedFile(filterNeeds(value, shared.json, declared), shared.file, chart.file);
    const mine = own[key];
    properties[key] = isObject(mine) ? (definesInFull(mine) ? mine : { ...(inherited as JsonObject), ...mine }) : inherited;
  }
  for (const [key, value] of Object.entries(own)) if (!(key in properties)) properties[key] = value;
  return { ...chart, json: { ...schema, properties } };
}

function definesInFull(property: JsonObject): boolean {
  return ['$ref', 'type', 'enum', 'properties', 'const'].some((keyword) => keyword in property);
}

/**
 * A value as the chart gets it: parts that need what the chart does not
 * declare are left out, and a definition holding such parts is copied in
 * (with them left out) instead of referred to.
 */
function filterNeeds(node: Json, document: Json, declared: ReadonlySet<string>): Json {
  if (Array.isArray(node)) return node.map((item) => filterNeeds(item, document, declared));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
    const target = resolvePointer(document, node.$ref.slice(1));
    if (isObject(target) && mentionsNeeds(target)) {
      const { $ref: _ref, ...siblings } = node;
      return filterNeeds({ ...target, ...siblings }, document, declared);
    }
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'x-needs') continue;
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value)
          .filter(([, child]) => !isObject(child) || holds(child['x-needs'], declared))
          .map(([name, child]) => [name, filterNeeds(child, document, declared)]),
      );
    } else out[key] = filterNeeds(value, document, declared);
  }
  return out;
}

function mentionsNeeds(node: Json): boolean {
  if (Array.isArray(node)) return node.some(mentionsNeeds);
  return isObject(node) && Object.entries(node).some(([key, value]) => key === 'x-needs' || mentionsNeeds(value));
}

/** `#/$defs/image` in the shared file is `defs/workload.schema.json#/$defs/image` from a chart's file. */
function fromSharedFile(node: Json, sharedFile: string, chartFile: string): Json {
  if (Array.isArray(node)) return node.map((item) => fromSharedFile(item, sharedFile, chartFile));
  if (!isObject(node)) return node;
  const depth = chartFile.split('/').length - 1;
  const prefix = `${'../'.repeat(depth)}${sharedFile}`;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${prefix}${value}` : fromSharedFile(value, sharedFile, chartFile)]),
  );
}
