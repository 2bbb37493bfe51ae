import { createHash } from 'node:crypto';
import { isObject, resolvePointer, type Json, type JsonObject } from '../schema/json-pointer.js';
import { KUBERNETES_DEFINITION } from '../schema/kubernetes-defs.js';

/**
 * Most of a chart's values are the shared workload definition's, copied in
 * by compose, and json-schema-to-typescript would type every copy again
 * (about half of what one more chart added to a generate's time). Each value of the definition that
 * every chart gets alike (none of it depends on what the chart declares) is
 * typed once, in a shared file (and so is each of its definitions), and a
 * chart's value whose schema types the same (the same schema but for descriptions, titles, examples, x- keywords
 * and defaults that decide no type) is typed as that.
 */

/** The namespace chart types use for the shared values' types, imported from one shared file. */
export const WORKLOAD_NAMESPACE = 'Workload';
/** The file name (without extension) the shared values' types are written to. */
export const WORKLOAD_TYPES_FILE = 'workload';

/** A value of the shared definition typed once: the type's name and the schema's typing-relevant form. */
export interface SharedValueType {
  typeName: string;
  form: string;
  /** The document's definition the value refers to, typed under that definition's name. */
  definition?: string;
}

/** What the shared file types: values by their property name, and the definitions they refer to by theirs. */
export interface SharedTypes {
  values: ReadonlyMap<string, SharedValueType>;
  /** The document's definitions: a chart's reference to one that types the same is typed from the shared file too. */
  definitions: ReadonlyMap<string, SharedValueType>;
}

/** Nothing typed in a shared file: a project without the shared workload definition. */
export const NO_SHARED_TYPES: SharedTypes = { values: new Map(), definitions: new Map() };

/** `podSecurityContext` → `PodSecurityContext`. */
function typeNameOf(property: string): string {
  return property.charAt(0).toUpperCase() + property.slice(1);
}

/**
 * A document's local references, and the forms of those already worked out:
 * a reference's form does not depend on the way it was reached (one on a
 * cycle has none, however reached), so each is worked out once.
 */
interface LocalDefinitions {
  resolve(ref: string): Json | undefined;
  forms: Map<string, string | undefined>;
}

/**
 * What json-schema-to-typescript reads of a schema, as text: no annotations
 * (the generator writes no `@default`), a default only by its kind and only
 * when it is a boolean, number or string (the tool infers a type from those
 * where `type` is missing), references to Kubernetes types by name, and
 * every other reference by its target's form. Undefined for a schema that
 * refers to itself or outside its document.
 */
function typingForm(node: Json, local: LocalDefinitions, seen: ReadonlySet<string> = new Set()): string | undefined {
  if (Array.isArray(node)) {
    const items = node.map((item) => typingForm(item, local, seen));
    return items.includes(undefined) ? undefined : `[${items.join(',')}]`;
  }
  if (!isObject(node)) return JSON.stringify(node);
  const parts: string[] = [];
  for (const key of Object.keys(node).sort()) {
    const value = node[key] as Json;
    if (key === 'description' || key === 'title' || key === 'examples' || key === '$comment' || key.startsWith('x-')) continue;
    // Only a boolean, number or string default can decide a type (where `type` is missing); the rest never do.
    if (key === 'default') {
      if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') parts.push(`default:${typeof value}`);
    } else if (key === 'enum' || key === 'const' || key === 'tsType') parts.push(`${key}:${JSON.stringify(value)}`);
    else if (key === '$ref' && typeof value === 'string') {
      const name = value.slice(value.lastIndexOf('/') + 1);
      if (KUBERNETES_DEFINITION.test(name)) parts.push(`$ref:${name}`);
      else {
        if (!local.forms.has(value)) {
          const target = seen.has(value) ? undefined : local.resolve(value);
          local.forms.set(value, target === undefined ? undefined : typingForm(target, local, new Set([...seen, value])));
        }
        const form = local.forms.get(value);
        if (form === undefined) return undefined;
        parts.push(`$ref:${form}`);
      }
    } else if ((key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions') && isObject(value)) {
      const children: string[] = [];
      for (const name of Object.keys(value).sort()) {
        const form = typingForm(value[name] as Json, local, seen);
        if (form === undefined) return undefined;
        children.push(`${JSON.stringify(name)}:${form}`);
      }
      parts.push(`${key}:{${children.join(',')}}`);
    } else {
      const form = typingForm(value, local, seen);
      if (form === undefined) return undefined;
      parts.push(`${key}:${form}`);
    }
  }
  return `{${parts.join(',')}}`;
}

/** Local references in a document: `#/…` pointers into it. */
function localDefinitions(document: Json): LocalDefinitions {
  return { resolve: (ref) => (ref.startsWith('#/') ? resolvePointer(document, ref.slice(1)) : undefined), forms: new Map() };
}

/** Whether a schema, or a definition of its document it refers to, says what a chart must declare for a part of it. */
function dependsOnDeclarations(node: Json, local: LocalDefinitions, seen: Set<string> = new Set()): boolean {
  if (Array.isArray(node)) return node.some((item) => dependsOnDeclarations(item, local, seen));
  if (!isObject(node)) return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'x-needs' || key === 'x-unless') return true;
    if (key === '$ref' && typeof value === 'string' && !seen.has(value)) {
      seen.add(value);
      const target = local.resolve(value);
      if (target !== undefined && dependsOnDeclarations(target, local, seen)) return true;
    } else if (key !== 'default' && key !== 'examples' && key !== 'enum' && key !== 'const' && dependsOnDeclarations(value, local, seen)) return true;
  }
  return false;
}

/** The name a local `#/$defs/<name>` reference gives, if it is one to a definition other than a Kubernetes one. */
function definitionName(schema: JsonObject): string | undefined {
  const name = typeof schema.$ref === 'string' ? /^#\/\$defs\/([^/]+)$/.exec(schema.$ref)?.[1] : undefined;
  return name !== undefined && !KUBERNETES_DEFINITION.test(name) ? name : undefined;
}

/**
 * The shared definition's values typed once, by property name: each one
 * that refers to one of the document's definitions or is an object of its
 * own (what costs json-schema-to-typescript most; a scalar, a list or a
 * Kubernetes type stays where it is, more readable there), and whose schema
 * (its own `x-needs`, which decides whether a chart gets it, aside) holds
 * nothing that depends on what a chart declares. A value that refers to a
 * definition is typed as that definition, named after it (`stringMap` →
 * `StringMap`, for commonLabels and podLabels alike); an object, after the value.
 */
function sharedValueTypes(workloadDocument: Json, valuesPointer: string): Map<string, SharedValueType> {
  const values = resolvePointer(workloadDocument, valuesPointer);
  const properties = isObject(values) && isObject(values.properties) ? values.properties : {};
  const local = localDefinitions(workloadDocument);
  const shared = new Map<string, SharedValueType>();
  for (const [name, property] of Object.entries(properties)) {
    if (!isObject(property)) continue;
    const { 'x-needs': _needs, 'x-unless': _unless, ...schema } = property;
    const definition = definitionName(schema);
    if (definition === undefined && !isObject(schema.properties)) continue;
    if (dependsOnDeclarations(schema, local)) continue;
    const form = typingForm(schema, local);
    if (form !== undefined) shared.set(name, { typeName: typeNameOf(definition ?? name), form, ...(definition === undefined ? {} : { definition }) });
  }
  return shared;
}

/**
 * The shared values' types (sharedValueTypes) and the document's definitions
 * (but the values' own), each that depends on no declaration. Every type
 * name is given once: a definition first, then a value's own object.
 */
export function sharedTypesOf(workloadDocument: Json, valuesPointer: string): SharedTypes {
  const values = sharedValueTypes(workloadDocument, valuesPointer);
  const documentDefinitions = isObject(workloadDocument) && isObject(workloadDocument.$defs) ? workloadDocument.$defs : {};
  const local = localDefinitions(workloadDocument);
  const definitions = new Map<string, SharedValueType>();
  // Two names that capitalize alike would make one type, numbered by the tool: the first keeps it, the other is not shared.
  const taken = new Set<string>();
  for (const [name, definition] of Object.entries(documentDefinitions)) {
    if (`/$defs/${name}` === valuesPointer || dependsOnDeclarations(definition, local) || taken.has(typeNameOf(name))) continue;
    const form = typingForm(definition, local);
    if (form === undefined) continue;
    definitions.set(name, { typeName: typeNameOf(name), form, definition: name });
    taken.add(typeNameOf(name));
  }
  const shared = [...values].filter(([, { typeName, definition }]) => {
    if (definition !== undefined) return definitions.has(definition);
    if (taken.has(typeName)) return false;
    taken.add(typeName);
    return true;
  });
  return { values: new Map(shared), definitions };
}

/**
 * A chart's types schema with each value that types as a shared one
 * replaced by that type (its description kept, for the property's comment),
 * at every level, and each reference to a definition that types as a shared
 * one (a chart's own value of the shared image's shape) likewise. The
 * chart's references are local (bundled).
 */
export function withSharedValueTypes(schema: JsonObject, shared: SharedTypes): JsonObject {
  if (shared.values.size === 0 && shared.definitions.size === 0) return schema;
  const local = localDefinitions(schema);
  const replace = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(replace);
    if (!isObject(node)) return node;
    const name = definitionName(node);
    const type = name === undefined ? undefined : shared.definitions.get(name);
    if (name !== undefined && type !== undefined && typingForm({ $ref: `#/$defs/${name}` }, local) === `{$ref:${type.form}}`) {
      const { $ref: _ref, ...siblings } = node;
      return { ...(replace(siblings) as JsonObject), tsType: `${WORKLOAD_NAMESPACE}.${type.typeName}` };
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'default' || key === 'examples' || key === 'enum' || key === 'const') out[key] = value;
      else if (key === 'properties' && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([property, child]) => [property, typedAs(property, child) ?? replace(child)]));
      // Kubernetes' own definitions hold no shared value, and are large: the types take them from their own shared file.
      else if (key === '$defs' && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, KUBERNETES_DEFINITION.test(name) ? child : replace(child)]));
      else out[key] = replace(value);
    }
    return out;
  };
  const typedAs = (name: string, property: Json): Json | undefined => {
    const type = shared.values.get(name);
    if (type === undefined || !isObject(property) || typingForm(property, local) !== type.form) return undefined;
    // The property's own description, else its definition's: the comment a reader of the chart's types sees.
    const target = typeof property.$ref === 'string' ? local.resolve(property.$ref) : undefined;
    const description = property.description ?? (isObject(target) ? target.description : undefined);
    return { tsType: `${WORKLOAD_NAMESPACE}.${type.typeName}`, ...(typeof description === 'string' ? { description } : {}) };
  };
  return replace(schema) as JsonObject;
}

/**
 * The schema the shared types file is made from: the document's shared
 * definitions and each object value, every one titled with its type's name
 * and exported. A reference from one
 * to another is written as that type's name (as a chart's to a Kubernetes
 * type is), so the tool makes each type once and names it so, never a copy
 * under a numbered name. References to Kubernetes definitions are written as
 * a chart's are (`#/$defs/io.k8s.…`), for types.ts to type from the shared
 * Kubernetes file.
 */
function sharedTypesSchema(workloadDocument: Json, shared: SharedTypes, valuesPointer: string): JsonObject | undefined {
  if ((shared.values.size === 0 && shared.definitions.size === 0) || !isObject(workloadDocument)) return undefined;
  const values = resolvePointer(workloadDocument, valuesPointer);
  const properties = isObject(values) && isObject(values.properties) ? values.properties : {};
  const documentDefinitions = isObject(workloadDocument.$defs) ? workloadDocument.$defs : {};
  const $defs: JsonObject = {};
  for (const [name, { typeName }] of shared.definitions) $defs[name] = { ...(typedByName(documentDefinitions[name] ?? null) as JsonObject), title: typeName };
  for (const [name, { typeName, definition }] of shared.values) {
    if (definition !== undefined) continue;
    const { 'x-needs': _needs, 'x-unless': _unless, ...schema } = properties[name] as JsonObject;
    $defs[`value:${name}`] = { ...(typedByName(schema) as JsonObject), title: typeName };
  }
  // Every type is exported, whether or not another refers to it.
  return { $defs, anyOf: Object.keys($defs).map((name) => ({ $ref: `#/$defs/${name}` })) };
}

/** A reference to one of the document's definitions as its type's name; one to a Kubernetes definition as a chart's bundled schema writes it. */
function typedByName(node: Json): Json {
  if (Array.isArray(node)) return node.map(typedByName);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const kubernetes = value.slice(value.lastIndexOf('/') + 1);
      const definition = definitionName(node);
      if (KUBERNETES_DEFINITION.test(kubernetes)) out.$ref = `#/$defs/${kubernetes}`;
      else if (definition !== undefined) out.tsType = typeNameOf(definition);
      else out.$ref = value;
    } else out[key] = key === 'default' || key === 'examples' || key === 'enum' || key === 'const' ? value : typedByName(value);
  }
  return out;
}

/** What a workload definition shares: its types, and the schema of the shared file they are made in; none when it shares nothing. */
export function sharedTypesFile(workloadDocument: Json, valuesPointer: string): { types: SharedTypes; schema: JsonObject } | undefined {
  const types = sharedTypesOf(workloadDocument, valuesPointer);
  const schema = sharedTypesSchema(workloadDocument, types, valuesPointer);
  return schema === undefined ? undefined : { types, schema };
}

/** A hash of what the shared types file is made from. */
export function sharedTypesKey(schema: JsonObject): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}
