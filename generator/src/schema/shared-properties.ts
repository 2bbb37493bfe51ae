import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import type { Ajv } from './ajv.js';
import { isObject, type Json, type JsonObject } from './json-pointer.js';
import { byCodePoint } from './order.js';

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
 * The `properties` keyword is one check per key, so an object schema is
 * checked in parts, at every level: its shell, with each property's schema
 * replaced by `true` (which keys are allowed and required, and any other
 * keyword), then each property's own check on its value; an array's items
 * likewise, one check per item. A component's values
 * (Prometheus's, Grafana's: the workload definition again, one level down)
 * then share the checks of the chart root's. A property that refers into its
 * chart's `$defs` carries the definitions it needs with it.
 *
 * Each pass of a check whose schema refers to nothing outside its own text
 * but the shared definitions is remembered as a verdict: a hash of the
 * schema and the value. A generate whose shared inputs are unchanged since
 * the last hands in the last one's verdicts (`held`), and a value that
 * passed then passes now without its check being compiled.
 */
export class PropertyRegistry {
  private readonly ids = new Map<string, RegisteredCheck>();
  private readonly checks = new Map<string, (data: Json) => boolean>();
  /** Verdicts of the checks passed in this run, held ones included. */
  readonly passed = new Set<string>();

  constructor(
    private readonly ajv: Ajv,
    private readonly held: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * The check of a chart's values schema, kept under `id` for the charts
   * that include it (checkOf). Properties named in `keep` stay in the
   * chart's own shell, with any that refer to the chart's root outside its `$defs`.
   */
  compile(schema: JsonObject, id: string, keep: readonly string[] = []): (data: Json) => boolean {
    const folder = id.slice(0, id.lastIndexOf('/') + 1);
    const stripped = withoutAnnotations(schema) as JsonObject;
    const defs = isObject(stripped.$defs) ? stripped.$defs : {};
    // A chart that refers to its own properties (`#/properties/…`) is checked whole: in parts, such a reference would point at a part left out.
    const parts = this.split(stripped, folder, defs, keep) ?? this.register(stripped, folder);
    const check = (data: Json): boolean => this.passes(parts, data);
    this.checks.set(id, check);
    return check;
  }

  /** The check compiled under `id`, if one was. */
  checkOf(id: string): ((data: Json) => boolean) | undefined {
    return this.checks.get(id);
  }

  private passes(check: Check, value: Json): boolean {
    if ('shell' in check) {
      if (!this.passes(check.shell, value)) return false;
      if (check.items !== undefined) return !Array.isArray(value) || value.every((item) => this.passes(check.items!, item));
      return !isObject(value) || check.parts.every(([name, part]) => value[name] === undefined || this.passes(part, value[name]));
    }
    const verdict = check.digest === undefined ? undefined : createHash('sha256').update(check.digest).update(JSON.stringify(value)).digest('hex').slice(0, 16);
    // Each check compiles on its first value, and throws there if it does not compile.
    const passes = (verdict !== undefined && this.held.has(verdict)) || this.compiled(check)(value) === true;
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

  /**
   * An object schema with properties as its shell and its properties' checks
   * (each split the same way, or left in the shell where it cannot be); an
   * array schema with one items schema as its shell and the items' check;
   * any other schema registered whole. None when it refers to its chart's
   * root other than through the root's `$defs`.
   */
  private split(schema: JsonObject, folder: string, defs: JsonObject, keep: readonly string[] = []): Check | undefined {
    // One schema for every item is one check per item, as `properties` is one per key.
    if (isObject(schema.items)) {
      const items = this.split(schema.items, folder, defs);
      const shell = items === undefined ? undefined : this.register({ ...schema, items: true }, folder, defs);
      return shell === undefined || items === undefined ? this.register(schema, folder, defs) : { shell, parts: [], items };
    }
    if (!isObject(schema.properties)) return this.register(schema, folder, defs);
    const properties: JsonObject = { ...schema.properties };
    const parts: [string, Check][] = [];
    for (const [key, property] of Object.entries(properties)) {
      const part = isObject(property) && !keep.includes(key) ? this.split(property, folder, defs) : undefined;
      if (part === undefined) continue;
      properties[key] = true;
      parts.push([key, part]);
    }
    const shell = this.register({ ...schema, properties }, folder, defs);
    if (shell === undefined) return undefined;
    return parts.length === 0 ? shell : { shell, parts };
  }

  /**
   * A schema (annotations left out) under its id, registering it first. With
   * `defs`, it is a part of a chart's schema, given the chart's definitions
   * it refers to; without, a chart's whole schema.
   */
  private register(schema: JsonObject, folder: string): RegisteredCheck;
  private register(schema: JsonObject, folder: string, defs: JsonObject): RegisteredCheck | undefined;
  private register(schema: JsonObject, folder: string, defs?: JsonObject): RegisteredCheck | undefined {
    const own = defs === undefined ? schema : withOwnDefinitions(schema, defs);
    if (own === undefined) return undefined;
    const text = JSON.stringify(own);
    const key = `${folder}\n${text}`;
    let registered = this.ids.get(key);
    if (registered === undefined) {
      // Shared definitions sit under defs/, and its own travel in its text; a reference anywhere else (another chart's file) may change without this schema changing.
      const digest = verdictDigest(key, !/"\$ref":"(?!#|defs\/)/.test(text));
      // Only a reference to a definition ajv holds under its own id: that definition's check is this one's.
      const definition = typeof own.$ref === 'string' && Object.keys(own).length === 1 ? new URL(own.$ref, folder).href : undefined;
      registered = definition !== undefined && this.ajv.schemas[definition] !== undefined
        ? { id: definition, digest, schema: undefined }
        : { id: `${folder}check-${this.ids.size + 1}.json`, digest, schema: own };
      this.ids.set(key, registered);
    }
    return registered;
  }
}

/**
 * A schema with the chart's `$defs` it refers to (`#/$defs/<name>…`, and
 * what those refer to) as its own, so it checks the same on its own; none
 * when it refers anywhere else in its chart's root.
 */
function withOwnDefinitions(schema: JsonObject, defs: JsonObject): JsonObject | undefined {
  const { $defs: _defs, ...body } = schema;
  const needed = new Map<string, Json>();
  const queue: Json[] = [body];
  while (queue.length > 0) {
    for (const [, ref] of JSON.stringify(queue.pop()).matchAll(/"\$ref":"(#[^"]*)"/g)) {
      const name = /^#\/\$defs\/([^/]+)/.exec(ref ?? '')?.[1];
      if (name === undefined || !(name in defs)) return undefined;
      if (needed.has(name)) continue;
      needed.set(name, defs[name] ?? null);
      queue.push(defs[name] ?? null);
    }
  }
  if (needed.size === 0) return body;
  return { ...body, $defs: Object.fromEntries([...needed].sort(([a], [b]) => byCodePoint(a, b))) };
}

function verdictDigest(key: string, sharedOnly: boolean): string | undefined {
  return sharedOnly ? createHash('sha256').update(key).digest('hex') : undefined;
}

/** An object schema checked in parts: its shell, then each property's check on its value. */
interface SplitCheck {
  shell: RegisteredCheck;
  parts: [string, Check][];
  /** For an array schema: the check of each item. */
  items?: Check;
}

type Check = RegisteredCheck | SplitCheck;

/** A schema, as registered under its id. */
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
