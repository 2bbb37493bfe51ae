import path from 'node:path';
import { WORKLOAD_KINDS, type ChartMetadata, type WorkloadDeclaration } from './chart-metadata.js';
import { isObject, resolvePointer, type Json, type JsonObject } from './json-pointer.js';
import type { SchemaDocument } from '../pipeline/load.js';
import { parseRef } from './refs.js';

/** The shared definition every workload's values are made from. */
export const WORKLOAD_VALUES = { file: 'defs/workload.schema.json', pointer: '/$defs/workloadValues' } as const;

/** The key of a chart's root values among the places workloads name. */
export const ROOT_VALUES = '.';

/** Where a workload's values sit: the main workload's at the root, a component's where it says (or nowhere). */
export function valuesPlace(workload: WorkloadDeclaration): string | undefined {
  return workload.partial === undefined ? ROOT_VALUES : workload.values;
}

/** One place in a chart's values fed by the shared definition, and what its workloads call for there. */
interface ValuesPlace {
  needs: Set<string>;
  omit: Set<string>;
  /** No workload sits here (a chart's root without a main workload): only values whose x-needs names one of `needs`, not every pod's. */
  podless?: boolean;
}

/**
 * Each place workloads name, with the names `x-needs` uses that hold there:
 * its workloads' kinds; at the root `everyChart` (always), and with a
 * workload there also `chart` (names and pull secrets, which belong to the
 * chart, not to one pod), `service` and each feature.
 */
export function valuesPlaces(metadata: ChartMetadata): Map<string, ValuesPlace> {
  const places = new Map<string, ValuesPlace>();
  for (const workload of metadata.workloads ?? []) {
    const place = valuesPlace(workload);
    if (place === undefined || !WORKLOAD_KINDS.includes(workload.kind)) continue;
    const entry = places.get(place) ?? { needs: new Set<string>(), omit: new Set<string>() };
    entry.needs.add(workload.kind);
    for (const name of workload.omit ?? []) entry.omit.add(name);
    places.set(place, entry);
  }
  // Every chart's root gets what every chart has (commonLabels, extraObjects), workloads or not.
  const root = places.get(ROOT_VALUES) ?? { needs: new Set<string>(), omit: new Set<string>(), podless: true };
  places.set(ROOT_VALUES, root);
  if (!root.podless) for (const name of ['chart', ...(metadata.service ? ['service'] : []), ...(metadata.features ?? [])]) root.needs.add(name);
  root.needs.add('everyChart');
  for (const name of metadata.omit ?? []) root.omit.add(name);
  return places;
}

/** `x-needs: "service"` holds when the chart has a Service; a list holds when any of its names does. */
function holds(needs: Json | undefined, declared: ReadonlySet<string>): boolean {
  if (needs === undefined) return true;
  return (Array.isArray(needs) ? needs : [needs]).some((name) => typeof name === 'string' && declared.has(name));
}

/**
 * A chart schema with its workloads' values filled in from the shared
 * workload definition, at each place they name (the root for the main
 * workload, `prometheus` for a component): every value the declaration calls
 * for, in the definition's order, then the chart's own. A value the chart
 * also lists keeps the chart's keywords over the shared ones (a default, a
 * description); one the chart defines in full (`$ref`, `type`, `enum`,
 * `properties`) is the chart's alone. Pure: the same inputs give the same schema.
 */
export function composeChart(chart: SchemaDocument, shared: SchemaDocument | undefined): SchemaDocument {
  const schema = chart.json;
  if (!isObject(schema) || !isObject(schema['x-chart']) || !isObject(schema.properties) || shared === undefined) return chart;
  const base = resolvePointer(shared.json, WORKLOAD_VALUES.pointer);
  if (!isObject(base) || !isObject(base.properties)) return chart;
  const compose = (own: JsonObject, place: ValuesPlace): JsonObject => composeProperties(own, base.properties as JsonObject, place, shared, chart.file);
  let properties: JsonObject = schema.properties;
  for (const [key, place] of valuesPlaces(schema['x-chart'] as unknown as ChartMetadata)) {
    if (key === ROOT_VALUES) {
      properties = compose(properties, place);
      continue;
    }
    const own = isObject(properties[key]) ? (properties[key] as JsonObject) : {};
    const ownProperties = isObject(own.properties) ? own.properties : {};
    properties = { ...properties, [key]: { type: 'object', additionalProperties: false, ...own, properties: compose(ownProperties, place) } };
  }
  return { ...chart, json: { ...schema, properties } };
}

/**
 * A shared value as a chart gets it, by the value and what decides it (the
 * shared file, the chart's folder, the names the place declares): charts
 * with the same declarations get the same copy, made once. Nothing
 * downstream changes a schema in place.
 */
const inheritedCopies = new WeakMap<JsonObject, Map<string, Json>>();

function inheritedValue(value: JsonObject, place: ValuesPlace, placeKey: string, shared: SchemaDocument, chartFile: string): Json {
  let copies = inheritedCopies.get(value);
  if (copies === undefined) inheritedCopies.set(value, (copies = new Map()));
  let copy = copies.get(placeKey);
  if (copy === undefined) copies.set(placeKey, (copy = fromSharedFile(filterNeeds(value, shared.json, place.needs), shared.file, chartFile)));
  return copy;
}

function composeProperties(own: JsonObject, base: JsonObject, place: ValuesPlace, shared: SchemaDocument, chartFile: string): JsonObject {
  const properties: JsonObject = {};
  const placeKey = `${shared.file}\n${path.posix.dirname(chartFile)}\n${[...place.needs].sort().join(' ')}`;
  for (const [key, value] of Object.entries(base)) {
    if (!isObject(value) || place.omit.has(key) || (place.podless && value['x-needs'] === undefined) || !holds(value['x-needs'], place.needs)) continue;
    const inherited = inheritedValue(value, place, placeKey, shared, chartFile);
    const mine = own[key];
    properties[key] = isObject(mine) ? (definesInFull(mine) ? mine : { ...(inherited as JsonObject), ...mine }) : inherited;
  }
  for (const [key, value] of Object.entries(own)) if (!(key in properties)) properties[key] = value;
  // `x-unless: "lifecycle"`: a value that another one the workload has already covers.
  for (const [key, value] of Object.entries(base)) {
    const unless = isObject(value) ? value['x-unless'] : undefined;
    if (typeof unless === 'string' && unless in properties && key in properties && !(key in own)) delete properties[key];
  }
  return properties;
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
    if (key === 'x-needs' || key === 'x-unless') continue;
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

/** A `$ref` written in the shared file (`#/$defs/image`, `kubernetes.schema.json#/…`), as the chart's file must write it. */
function fromSharedFile(node: Json, sharedFile: string, chartFile: string): Json {
  if (Array.isArray(node)) return node.map((item) => fromSharedFile(item, sharedFile, chartFile));
  if (!isObject(node)) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' ? rebase(value, sharedFile, chartFile) : fromSharedFile(value, sharedFile, chartFile)]),
  );
}

function rebase(ref: string, sharedFile: string, chartFile: string): string {
  const { file, pointer } = parseRef(ref, sharedFile);
  return `${path.posix.relative(path.posix.dirname(chartFile), file)}#${pointer}`;
}
