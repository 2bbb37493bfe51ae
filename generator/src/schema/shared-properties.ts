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
  private readonly checks = new Map<string, ValidateFunction>();

  constructor(private readonly ajv: Ajv) {}

  /**
   * The compiled check of a chart's values schema, registered under `id`,
   * its properties (except those named in `keep`) referring to their
   * registered copies. Two charts whose checks differ only in annotations
   * (synthetic components of one shape, say) share one compiled function.
   */
  compile(schema: JsonObject, id: string, keep: readonly string[] = []): ValidateFunction {
    const folder = id.slice(0, id.lastIndexOf('/') + 1);
    const check = this.share(schema, folder, keep);
    const key = `${folder}\n${JSON.stringify(withoutAnnotations(check))}`;
    const seen = this.checks.get(key);
    if (seen !== undefined) {
      // Registered all the same: an umbrella refers to each subchart's check by its id.
      this.ajv.addSchema({ ...check, $id: id });
      return seen;
    }
    const compiled = this.ajv.compile({ ...check, $id: id });
    this.checks.set(key, compiled);
    return compiled;
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
      this.ajv.addSchema(property, id);
    }
    return { $ref: id };
  }
}
