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
 * gives each distinct property schema, its annotations left out, one id (per
 * folder, so its relative `$ref`s resolve as in the chart) and compiles it
 * once however many charts carry it.
 */
export class PropertyRegistry {
  private readonly ids = new Map<string, string>();
  private readonly roots = new Map<string, ValidateFunction>();
  private readonly checks = new Map<string, (data: Json) => boolean>();
  private readonly deferred = new Map<string, () => void>();

  constructor(private readonly ajv: Ajv) {}

  /**
   * The check of a chart's values schema, kept under `id` for the charts
   * that include it (checkOf). The `properties` keyword is one check per
   * key, so it runs in two parts: the chart's root with each registered
   * property's schema replaced by `true` (which keys are allowed and
   * required, and the properties that are the chart's alone), compiled once
   * for every chart of that shape; then each registered property's compiled
   * check on its value. Properties named in `keep` stay in the root.
   */
  compile(schema: JsonObject, id: string, keep: readonly string[] = []): (data: Json) => boolean {
    const folder = id.slice(0, id.lastIndexOf('/') + 1);
    const properties: JsonObject = { ...(isObject(schema.properties) ? schema.properties : {}) };
    const propertyChecks: [string, ValidateFunction][] = [];
    for (const [key, property] of Object.entries(properties)) {
      const propertyId = isObject(property) && !keep.includes(key) ? this.idOf(property, folder) : undefined;
      if (propertyId === undefined) continue;
      properties[key] = true;
      propertyChecks.push([key, this.ajv.getSchema(propertyId)!]);
    }
    const root = { ...schema, properties };
    const key = `${folder}\n${JSON.stringify(withoutAnnotations(root))}`;
    let checkRoot = this.roots.get(key);
    if (checkRoot === undefined) {
      checkRoot = this.ajv.compile({ ...root, $id: `${folder}values-root-${this.roots.size + 1}.json` });
      this.roots.set(key, checkRoot);
    }
    const rootCheck = checkRoot;
    const check = (data: Json): boolean =>
      rootCheck(data) === true && (!isObject(data) || propertyChecks.every(([name, checkProperty]) => data[name] === undefined || checkProperty(data[name]) === true));
    this.checks.set(id, check);
    return check;
  }

  /** The check compiled under `id`, if one was; a deferred one is compiled now. */
  checkOf(id: string): ((data: Json) => boolean) | undefined {
    const compile = this.deferred.get(id);
    if (compile !== undefined) {
      this.deferred.delete(id);
      compile();
    }
    return this.checks.get(id);
  }

  /** Leaves the compile that registers `id` until a checkOf asks for it (a chart that was valid last time and has not changed). */
  defer(id: string, compile: () => void): void {
    this.deferred.set(id, compile);
  }

  /** The id a property schema is registered under, registering it first; none for one that refers to its chart's own root. */
  private idOf(written: JsonObject, folder: string): string | undefined {
    const property = withoutAnnotations(written) as JsonObject;
    const text = JSON.stringify(property);
    if (text.includes('"$ref":"#')) return undefined;
    const key = `${folder}\n${text}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `${folder}property-${this.ids.size + 1}.json`;
      this.ids.set(key, id);
      this.ajv.addSchema(property, id);
    }
    return id;
  }
}
