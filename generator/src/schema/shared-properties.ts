import type { ValidateFunction } from 'ajv';
import type { Ajv } from './ajv.js';
import { isObject, type Json, type JsonObject } from './json-pointer.js';

/** Keywords that only annotate: ajv generates no code for them, so two properties that differ only there check the same. */
const ANNOTATIONS = new Set(['description', 'default', 'examples', 'title', '$comment']);
/** Keywords whose value maps names to schemas (a property may be called `default`). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependencies']);

/** A schema with its annotations left out, at every level. */
export function withoutAnnotations(node: Json): Json {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'enum' || key === 'const') out[key] = value;
    else if (SCHEMA_MAPS.has(key) && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, withoutAnnotations(child)]));
    else out[key] = withoutAnnotations(value);
  }
  return out;
}

/**
 * Most of a chart's values come from the shared workload definition, copied
 * into each chart by compose; ajv would compile each copy again. A registry
 * gives each distinct property schema one id (per folder, so its relative
 * `$ref`s resolve as in the chart), and the chart refers to it by that id:
 * each is compiled once however many charts carry it, with the same checks.
 * Annotations are left out of what is registered, so a property that differs
 * only in its default is still compiled once.
 */
export class PropertyRegistry {
  private readonly ids = new Map<string, string>();
  private readonly registeredIds = new Set<string>();
  private readonly roots = new Map<string, ValidateFunction>();
  private readonly checks = new Map<string, (data: Json) => boolean>();

  constructor(private readonly ajv: Ajv) {}

  /**
   * The check of a chart's values schema, kept under `id` for the charts
   * that include it (checkOf). It runs in two
   * parts, as the `properties` keyword is a conjunction of one check per key:
   * the chart's root with each registered property's schema replaced by
   * `true` (the keys allowed and required, the properties that are the
   * chart's alone), compiled once for every chart of that shape; then each
   * registered property's own compiled check on its value.
   */
  compile(schema: JsonObject, id: string, keep: readonly string[] = []): (data: Json) => boolean {
    const folder = id.slice(0, id.lastIndexOf('/') + 1);
    const check = this.share(schema, folder, keep);
    const properties = isObject(check.properties) ? check.properties : {};
    const registered = Object.entries(properties).flatMap(([key, property]) =>
      isObject(property) && typeof property.$ref === 'string' && this.isRegistered(property.$ref) ? [[key, property.$ref] as const] : [],
    );
    const root = { ...check, properties: { ...properties, ...Object.fromEntries(registered.map(([key]) => [key, true])) } };
    const key = `${folder}\n${JSON.stringify(withoutAnnotations(root))}`;
    let rootCheck = this.roots.get(key);
    if (rootCheck === undefined) {
      rootCheck = this.ajv.compile({ ...root, $id: `${folder}values-root-${this.roots.size + 1}.json` });
      this.roots.set(key, rootCheck);
    }
    const checkRoot = rootCheck;
    const propertyChecks = registered.map(([key, ref]) => [key, this.ajv.getSchema(ref)] as const);
    const checkValues = (data: Json): boolean =>
      checkRoot(data) === true &&
      (!isObject(data) || propertyChecks.every(([key, checkProperty]) => data[key] === undefined || checkProperty?.(data[key]) === true));
    this.checks.set(id, checkValues);
    return checkValues;
  }

  /** The check compiled under `id`, if one was. */
  checkOf(id: string): ((data: Json) => boolean) | undefined {
    return this.checks.get(id);
  }

  private isRegistered(ref: string): boolean {
    return this.registeredIds.has(ref);
  }

  /** The schema with each top-level property (except those named in `keep`) replaced by a `$ref` to its registered copy. */
  private share(schema: JsonObject, folder: string, keep: readonly string[]): JsonObject {
    if (!isObject(schema.properties)) return schema;
    const properties: JsonObject = {};
    for (const [key, property] of Object.entries(schema.properties)) {
      properties[key] = isObject(property) && !keep.includes(key) ? this.refTo(property, folder) : property;
    }
    return { ...schema, properties };
  }

  private refTo(written: JsonObject, folder: string): JsonObject {
    // Charts differ most in defaults and descriptions, which check nothing.
    const property = withoutAnnotations(written) as JsonObject;
    const text = JSON.stringify(property);
    // A `#…` reference means the chart's own root; such a property stays where it is.
    if (text.includes('"$ref":"#')) return written;
    const key = `${folder}\n${text}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `${folder}property-${this.ids.size + 1}.json`;
      this.ids.set(key, id);
      this.registeredIds.add(id);
      this.ajv.addSchema(property, id);
    }
    return { $ref: id };
  }
}
