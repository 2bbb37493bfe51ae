import { isObject, resolvePointer, type Json, type JsonObject } from './json-pointer.js';
import { reachableDefinitions } from './reachable.js';

/**
 * Flattened definitions by the definition object: bundle gives every chart
 * the same copy of a shared definition, and a definition flattens the same
 * in every chart that has it (it refers only to definitions of the same
 * names, which are the same copies).
 */
const flattened = new WeakMap<JsonObject, Json>();

/**
 * What a `$ref` with siblings inlines, by its target, for the same reason.
 * Kept only when no reference was cut on the way (see flattenRefs): then the
 * target is on no cycle of inlined references, and it inlines the same
 * wherever it is met, whatever the references followed to get there.
 */
const inlined = new WeakMap<JsonObject, JsonObject>();

/**
 * A bundled schema as Helm should read it: under draft-07 a validator ignores
 * every keyword beside a `$ref`, so a `{ "$ref", "description", "default" }`
 * node is replaced by its definition with those keywords laid over it. A
 * plain `{ "$ref" }` stays a reference; definitions nothing refers to any
 * more are dropped. Recursive definitions stay references where they recur.
 */
export function flattenRefs(root: JsonObject): JsonObject {
  const { $defs, ...body } = root;
  const defs = isObject($defs) ? $defs : {};
  // References left as references because they recur (a count, so a visit can tell whether one happened inside it).
  let cuts = 0;
  const inline = (target: JsonObject, local: string, trail: readonly string[]): JsonObject => {
    let flat = inlined.get(target);
    if (flat === undefined) {
      const before = cuts;
      flat = visit(target, [...trail, local]) as JsonObject;
      if (cuts === before) inlined.set(target, flat);
    }
    return flat;
  };
  const visit = (node: Json, trail: readonly string[]): Json => {
    if (Array.isArray(node)) return node.map((item) => visit(item, trail));
    if (!isObject(node)) return node;
    const { $ref, ...siblings } = node;
    const local = typeof $ref === 'string' && $ref.startsWith('#/') ? $ref : undefined;
    if (local !== undefined && Object.keys(siblings).length > 0) {
      const target = trail.includes(local) ? undefined : resolvePointer(root, local.slice(1));
      if (target === undefined) cuts += 1;
      if (isObject(target)) return { ...inline(target, local, trail), ...(visit(siblings, trail) as JsonObject) };
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'default' || key === 'examples' ? value : visit(value, trail)]));
  };
  const flatBody = visit(body, []) as JsonObject;
  const flatDefinition = (name: string, definition: Json): Json => {
    if (!isObject(definition)) return visit(definition, [`#/$defs/${name}`]);
    let flat = flattened.get(definition);
    if (flat === undefined) flattened.set(definition, (flat = visit(definition, [`#/$defs/${name}`])));
    return flat;
  };
  const flatDefs = Object.fromEntries(Object.entries(defs).map(([name, definition]) => [name, flatDefinition(name, definition)]));
  const used = reachableDefinitions(flatBody, flatDefs);
  const kept = Object.fromEntries(Object.entries(flatDefs).filter(([name]) => used.has(name)));
  return Object.keys(kept).length > 0 ? { ...flatBody, $defs: kept } : flatBody;
}
