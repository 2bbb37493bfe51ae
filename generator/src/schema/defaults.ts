import { derefLocal } from './refs.js';
import { isObject, joinPointer, type Json, type JsonObject } from './json-pointer.js';
import { kubernetesTypeOf } from './kubernetes-defs.js';

/**
 * The values a chart ships with, read from a bundled schema: a node's own
 * `default` wins; otherwise an object is built from its properties' defaults, in
 * schema order. Properties without any default are left out (Helm treats a
 * missing key like an unset one).
 */
export function collectDefaults(root: JsonObject, node: JsonObject = root): Json | undefined {
  const schema = derefLocal(root, node);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (!isObject(schema.properties)) return undefined;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(schema.properties)) {
    if (!isObject(child)) continue;
    const value = collectDefaults(root, child);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** One documented value: its dotted path, JSON pointer and what the schema says of it. */
export interface ValueDoc {
  path: string;
  pointer: string;
  /** JSON type, or the Kubernetes type name (`SecurityContext`) of a value Kubernetes defines. */
  type: string;
  default: Json | undefined;
  description: string;
  /** True when the value has its own sub-keys listed separately. */
  hasChildren: boolean;
}

/**
 * Every value a user can set, depth first in schema order, for comments and the
 * README table. A default set on an object (e.g. `image`) is shown on its keys.
 * Top-level keys in `elsewhere` (an umbrella's subcharts, documented in their
 * own charts) are listed without their keys.
 */
export function documentValues(root: JsonObject, elsewhere: ReadonlySet<string> = new Set()): ValueDoc[] {
  return documentNode(root, root, '', '', undefined, elsewhere);
}

function documentNode(root: JsonObject, node: JsonObject, prefix: string, pointer: string, inherited: Json | undefined, elsewhere: ReadonlySet<string>): ValueDoc[] {
  const schema = derefLocal(root, node);
  if (!isObject(schema.properties)) return [];
  const docs: ValueDoc[] = [];
  for (const [key, child] of Object.entries(schema.properties)) {
    if (!isObject(child)) continue;
    const childSchema = derefLocal(root, child);
    const childPath = prefix === '' ? key : `${prefix}.${key}`;
    const childPointer = joinPointer(pointer, 'properties', key);
    const fromParent = isObject(inherited) ? inherited[key] : undefined;
    const value = fromParent !== undefined ? fromParent : collectDefaults(root, child);
    const kubernetesType = kubernetesTypeOf(root, child);
    const listedOnly = elsewhere.has(childPath);
    const nested = kubernetesType === undefined && !listedOnly ? documentNode(root, child, childPath, childPointer, value, elsewhere) : [];
    docs.push({
      path: childPath,
      pointer: childPointer,
      type: kubernetesType ?? describeType(childSchema),
      default: value,
      description: typeof childSchema.description === 'string' ? childSchema.description : '',
      hasChildren: nested.length > 0 || (listedOnly && isObject(childSchema.properties) && Object.values(childSchema.properties).some(isObject)),
    });
    docs.push(...nested);
  }
  return docs;
}

function describeType(schema: JsonObject): string {
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  return 'any';
}
