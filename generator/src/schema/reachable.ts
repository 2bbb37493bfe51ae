import { isObject, type Json, type JsonObject } from './json-pointer.js';

/**
 * The names of the `#/$defs/...` definitions a schema reaches (a pointer
 * into a definition names it), directly or through the definitions it
 * reaches; `follow` says which found definitions to look into.
 */
export function reachableDefinitions(body: Json, defs: JsonObject, follow: (name: string) => boolean = () => true): Set<string> {
  const found = new Set<string>();
  const queue = refNames(body);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (found.has(name) || !(name in defs)) continue;
    found.add(name);
    if (follow(name)) queue.push(...definitionRefNames(defs[name] ?? null));
  }
  return found;
}

/**
 * What each definition refers to directly, by the definition object: a run
 * hands the same objects in for every chart (a shared definition is one
 * copy in all of them), so the largest, Kubernetes', are walked once.
 */
const refNamesOf = new WeakMap<JsonObject, string[]>();

function definitionRefNames(definition: Json): string[] {
  if (!isObject(definition)) return refNames(definition);
  let names = refNamesOf.get(definition);
  if (names === undefined) refNamesOf.set(definition, (names = refNames(definition)));
  return names;
}

/** The definition names a node's `$ref`s give, anywhere in it; a walk without the pointers walkObjects makes. */
function refNames(node: Json): string[] {
  const names = new Set<string>();
  const visit = (value: Json): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!isObject(value)) return;
    const name = typeof value.$ref === 'string' ? /^#\/\$defs\/([^/]+)/.exec(value.$ref)?.[1] : undefined;
    if (name !== undefined) names.add(name);
    for (const key in value) {
      const child = value[key];
      if (typeof child === 'object' && child !== null) visit(child);
    }
  };
  visit(node);
  return [...names];
}
