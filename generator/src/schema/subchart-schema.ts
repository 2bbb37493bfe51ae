import { isObject, type Json, type JsonObject } from './json-pointer.js';

/**
 * The schema a chart's values must meet wherever Helm checks them: the chart's
 * own values schema, closed at the top, but accepting `global` (Helm passes it
 * to every chart) and `enabled` (the parent's condition key), or the chart
 * breaks as a subchart (helm/helm#10392). Used for each chart's
 * values.schema.json and for the copy an umbrella bundles.
 */
export function asSubchartSchema(chartSchema: JsonObject): JsonObject {
  const { 'x-chart': _metadata, $schema: _draft, $comment: _comment, title: _title, ...rest } = chartSchema;
  const properties = isObject(rest.properties) ? rest.properties : {};
  return {
    ...rest,
    properties: {
      ...properties,
      global: properties.global ?? { description: 'Values Helm shares with every chart of a release (set by a parent chart).', type: 'object' },
      enabled: properties.enabled ?? { description: 'Condition key a parent chart uses to switch this chart on or off.', type: 'boolean' },
    },
  };
}

/** A `$ref` to a whole chart schema (`ui.schema.json`) is how an umbrella names a dependency. */
export function chartNameOfRef(ref: string): string | undefined {
  const match = /^(?:\.\/)?([a-z][a-z0-9-]*)\.schema\.json#?$/.exec(ref);
  return match?.[1];
}

/** Top-level properties that `$ref` a whole chart schema (an umbrella's dependencies), as [key, chart name]. */
export function chartRefs(schema: Json): [string, string][] {
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  return Object.entries(properties).flatMap(([key, property]): [string, string][] => {
    const name = isObject(property) && typeof property.$ref === 'string' ? chartNameOfRef(property.$ref) : undefined;
    return name === undefined ? [] : [[key, name]];
  });
}
