import { isObject, type Json, type JsonObject } from './json-pointer.js';

/**
 * Helm's coalescing of user values over chart defaults: maps merge key by
 * key, any other value replaces the default, and a null removes the key.
 */
export function coalesce(defaults: Json | undefined, values: Json | undefined): Json | undefined {
  if (values === undefined) return structuredClone(defaults);
  if (values === null) return undefined;
  if (!isObject(values) || !isObject(defaults)) return structuredClone(values);
  const out: JsonObject = {};
  for (const key of new Set([...Object.keys(defaults), ...Object.keys(values)])) {
    const merged = coalesce(defaults[key], values[key]);
    if (merged !== undefined) out[key] = merged;
  }
  return out;
}
