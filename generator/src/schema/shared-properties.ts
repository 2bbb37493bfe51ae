import { createHash } from 'node:crypto';
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
 * once however many charts carry it, when a value first needs it.
 *
 * Each pass of a check (a property's, or a chart root's) whose schema
 * refers to nothing outside its own text but the shared definitions is
 * remembered as a verdict: a hash of the schema and the value. A generate
 * whose shared inputs are unchanged since the last hands in the last one's
 * verdicts (`held`), and a value that passed then passes now without its
 * check being compiled.
 */
export class PropertyRegistry {
  private readonly ids = new Map<string, RegisteredCheck>();
  private readonly roots = new Map<string, RegisteredCheck>();
  private readonly checks = new Map<string, (data: Json) => boolean>();
  /** Verdicts of the checks passed in this run, held ones included. */
  readonly passed = new Set<string>();

  constructor(
    private readonly ajv: Ajv,
    private readonly held: ReadonlySet<string> = new Set(),
  ) {}

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
    const propertyChecks: [string, RegisteredCheck][] = [];
    for (const [key, property] of Object.entries(properties)) {
      const registered = isObject(property) && !keep.includes(key) ? this.register(property, folder) : undefined;
      if (registered === undefined) continue;
      properties[key] = true;
      propertyChecks.push([key, registered]);
    }
    const root = { ...schema, properties };
    const text = JSON.stringify(withoutAnnotations(root));
    const key = `${folder}\n${text}`;
    let rootCheck = this.roots.get(key);
    if (rootCheck === undefined) {
      const rootId = `${folder}values-root-${this.roots.size + 1}.json`;
      // Its own $defs travel in its text, so a reference into them (#/...) is as good as one to the shared definitions.
      rootCheck = { id: rootId, digest: verdictDigest(key, !/"\$ref":"(?!#|defs\/)/.test(text)), schema: { ...root, $id: rootId } };
      this.roots.set(key, rootCheck);
    }
    const checkRoot = rootCheck;
    // Each part compiles on its first value, and throws there if it does not compile.
    const check = (data: Json): boolean =>
      this.passes(checkRoot, data) && (!isObject(data) || propertyChecks.every(([name, property]) => data[name] === undefined || this.passes(property, data[name])));
    this.checks.set(id, check);
    return check;
  }

  /** The check compiled under `id`, if one was. */
  checkOf(id: string): ((data: Json) => boolean) | undefined {
    return this.checks.get(id);
  }

  private passes(registered: RegisteredCheck, value: Json): boolean {
    const verdict = registered.digest === undefined ? undefined : createHash('sha256').update(registered.digest).update(JSON.stringify(value)).digest('hex').slice(0, 16);
    const passes = (verdict !== undefined && this.held.has(verdict)) || this.compiled(registered)(value) === true;
    if (passes && verdict !== undefined) this.passed.add(verdict);
    return passes;
  }

  private compiled(registered: RegisteredCheck): ValidateFunction {
    if (registered.schema !== undefined) {
      this.ajv.addSchema(registered.schema, registered.id);
      registered.schema = undefined;
    }
    return this.ajv.getSchema(registered.id)!;
  }

  /** A property schema as registered, registering it first; none for one that refers to its chart's own root. */
  private register(written: JsonObject, folder: string): RegisteredCheck | undefined {
    const property = withoutAnnotations(written) as JsonObject;
    const text = JSON.stringify(property);
    if (text.includes('"$ref":"#')) return undefined;
    const key = `${folder}\n${text}`;
    let registered = this.ids.get(key);
    if (registered === undefined) {
      // Shared definitions sit under defs/; a reference anywhere else (another chart's file) may change without this schema changing.
      const digest = verdictDigest(key, !/"\$ref":"(?!defs\/)/.test(text));
      // Only a reference to a definition ajv holds under its own id: that definition's check is this one's.
      const definition = typeof property.$ref === 'string' && Object.keys(property).length === 1 ? new URL(property.$ref, folder).href : undefined;
      registered = definition !== undefined && this.ajv.schemas[definition] !== undefined
        ? { id: definition, digest, schema: undefined }
        : { id: `${folder}property-${this.ids.size + 1}.json`, digest, schema: property };
      this.ids.set(key, registered);
    }
    return registered;
  }
}

function verdictDigest(key: string, sharedOnly: boolean): string | undefined {
  return sharedOnly ? createHash('sha256').update(key).digest('hex') : undefined;
}

/** A property schema, or a chart's root, under its id. */
interface RegisteredCheck {
  id: string;
  /**
   * A hash of its folder and text, the same from one run to the next, where
   * it refers to nothing outside its text but the shared definitions (so a
   * verdict on it holds while they are unchanged); hashed once, not per value.
   */
  digest: string | undefined;
  /** Until it is first compiled: added to ajv only then. */
  schema: JsonObject | undefined;
}
