import { isObject, type JsonObject } from './json-pointer.js';

/**
 * Most of a chart's values come from the shared workload definition, copied
 * into each chart by compose; ajv would compile each copy again. A registry
 * gives each distinct property schema one id (per folder, so its relative
 * `$ref`s resolve as in the chart), and the chart refers to it by that id:
 * each is compiled once however many charts carry it, with the same checks.
 */
export class PropertyRegistry {
  private readonly ids = new Map<string, string>();

  constructor(private readonly register: (schema: JsonObject, id: string) => void) {}

  /** The schema with each top-level property (except those named in `keep`) replaced by a `$ref` to its registered copy. */
  share(schema: JsonObject, folder: string, keep: readonly string[] = []): JsonObject {
    if (!isObject(schema.properties)) return schema;
    const properties: JsonObject = {};
    for (const [key, property] of Object.entries(schema.properties)) {
      properties[key] = isObject(property) && !keep.includes(key) ? this.refTo(property, folder) : property;
    }
    return { ...schema, properties };
  }

  private refTo(property: JsonObject, folder: string): JsonObject {
    const text = JSON.stringify(property);
    // A `#…` reference means the chart's own root; such a property stays where it is.
    if (text.includes('"$ref":"#')) return property;
    const key = `${folder}\n${text}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `${folder}property-${this.ids.size + 1}.json`;
      this.ids.set(key, id);
      this.register(property, id);
    }
    return { $ref: id };
  }
}
