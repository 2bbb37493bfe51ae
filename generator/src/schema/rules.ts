import { isObject, joinPointer, type Json, type JsonObject } from './json-pointer.js';
import { derefLocal } from './refs.js';

/**
 * Cross-field rules, which JSON Schema (and Helm's validator, which has no
 * `$data`) cannot state: written once, as `x-rules` on the object whose
 * values they compare, with paths relative to it. Each rule is checked
 * against the chart's defaults when generating, and rendered into the chart
 * as a template that fails the install with the same sentence.
 *
 *   { "if": "enabled", "lte": ["minReplicas", "maxReplicas"] }
 *   { "lt": ["preStopSleepSeconds", "terminationGracePeriodSeconds"] }
 *   { "if": "enabled", "required": ["instanceConnectionName"], "message": "…" }
 *   { "if": "enabled", "anyOf": ["targetCPUUtilizationPercentage", "targetMemoryUtilizationPercentage"], "message": "…" }
 */
export interface Rule {
  /** The rule applies only when this value is set (truthy, as Helm's `if` reads it). */
  if?: string;
  /** The first number must be below the second. */
  lt?: [string, string];
  /** The first number must not exceed the second. */
  lte?: [string, string];
  /** Each of these must be set. */
  required?: string[];
  /** At least one of these must be set. */
  anyOf?: string[];
  /** The sentence Helm and the generator print; lt, lte and required have one of their own. */
  message?: string;
}

const PATH = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$' } as const;
const PAIR = { type: 'array', items: PATH, minItems: 2, maxItems: 2 } as const;

/** The meta-schema of the `x-rules` keyword: a list of rules, each with exactly one check. */
export const rulesSchema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      if: PATH,
      lt: PAIR,
      lte: PAIR,
      required: { type: 'array', items: PATH, minItems: 1 },
      anyOf: { type: 'array', items: PATH, minItems: 2 },
      message: { type: 'string', minLength: 1 },
    },
    // Exactly one check per rule (the properties repeat what each branch requires, for ajv's strict mode).
    oneOf: ['lt', 'lte', 'required', 'anyOf'].map((check) => ({ required: [check], properties: { [check]: true } })),
  },
} as const;

/** A rule where it applies: the values path of its object, and its place in the schema. */
export interface PlacedRule {
  rule: Rule;
  /** Values path of the object the rule is written on ([] for the top). */
  base: string[];
  /** JSON pointer of the rule in the chart's schema. */
  pointer: string;
  /** Paths (from the top) of the values the rule compares that the schema types as integers. */
  integers: Set<string>;
}

/** Every rule of a chart schema, walking its properties (through local references); `skip` leaves out top-level keys (an umbrella's subcharts, which check their own). */
export function collectRules(root: JsonObject, node: JsonObject = root, base: string[] = [], pointer = '', skip: readonly string[] = []): PlacedRule[] {
  const schema = derefLocal(root, node);
  const own = Array.isArray(schema['x-rules']) ? (schema['x-rules'] as unknown as Rule[]) : [];
  const placed = own.map((rule, index) => ({ rule, base, pointer: joinPointer(pointer, 'x-rules', index), integers: integerPaths(root, schema, base) }));
  const properties = isObject(schema.properties) ? schema.properties : {};
  return [
    ...placed,
    ...Object.entries(properties).flatMap(([key, child]) =>
      isObject(child) && !(base.length === 0 && skip.includes(key)) && holdsRules(root, child) ? collectRules(root, child, [...base, key], joinPointer(pointer, 'properties', key)) : [],
    ),
  ];
}

/**
 * What holdsRules found, per node: the Kubernetes definitions a chart's
 * values use are deep, hold no rules, and are the same objects in every
 * chart of a run (see bundle).
 */
const ruleBearing = new WeakMap<JsonObject, boolean>();

/** Whether any rule sits at or below a node. */
function holdsRules(root: JsonObject, node: JsonObject): boolean {
  const schema = derefLocal(root, node);
  const known = ruleBearing.get(schema);
  if (known !== undefined) return known;
  const properties = isObject(schema.properties) ? Object.values(schema.properties) : [];
  const holds = Array.isArray(schema['x-rules']) || properties.some((child) => isObject(child) && holdsRules(root, child));
  ruleBearing.set(schema, holds);
  return holds;
}

function integerPaths(root: JsonObject, schema: JsonObject, base: string[]): Set<string> {
  const properties = isObject(schema.properties) ? schema.properties : {};
  return new Set(
    Object.entries(properties).flatMap(([key, child]) => (isObject(child) && derefLocal(root, child).type === 'integer' ? [[...base, key].join('.')] : [])),
  );
}

const full = (placed: PlacedRule, path: string): string => [...placed.base, path].join('.');

/** The sentence for a broken rule, with the values it compared where it compares two. */
export function ruleMessage(placed: PlacedRule, values?: { a: Json | undefined; b: Json | undefined }): string {
  const { rule } = placed;
  if (rule.message !== undefined) return rule.message;
  const shown = (value: Json | undefined) => (values === undefined ? '%v' : String(value));
  if (rule.lte) return `${full(placed, rule.lte[0])} (${shown(values?.a)}) must not exceed ${full(placed, rule.lte[1])} (${shown(values?.b)})`;
  if (rule.lt) return `${full(placed, rule.lt[1])} (${shown(values?.b)}) must exceed ${full(placed, rule.lt[0])} (${shown(values?.a)})`;
  const condition = rule.if === undefined ? '' : ` when ${full(placed, rule.if)} is true`;
  if (rule.required) return `${rule.required.map((path) => full(placed, path)).join(', ')} ${rule.required.length === 1 ? 'is' : 'are'} required${condition}`;
  return `set one of ${(rule.anyOf ?? []).map((path) => full(placed, path)).join(', ')}${condition}`;
}

/** The rules the values break, each with its sentence; as Helm reads values (unset, false, 0 and "" are not set). */
export function brokenRules(rules: readonly PlacedRule[], values: Json): { placed: PlacedRule; message: string }[] {
  const get = (placed: PlacedRule, path: string): Json | undefined => [...placed.base, ...path.split('.')].reduce<Json | undefined>((node, key) => (isObject(node) ? node[key] : undefined), values);
  const set = (value: Json | undefined) => value !== undefined && value !== null && value !== false && value !== 0 && value !== '' && !(Array.isArray(value) && value.length === 0);
  return rules.flatMap((placed) => {
    const { rule } = placed;
    if (rule.if !== undefined && !set(get(placed, rule.if))) return [];
    const pair = rule.lt ?? rule.lte;
    if (pair) {
      const a = get(placed, pair[0]);
      const b = get(placed, pair[1]);
      const broken = typeof a === 'number' && typeof b === 'number' && (rule.lt ? !(a < b) : !(a <= b));
      return broken ? [{ placed, message: ruleMessage(placed, { a, b }) }] : [];
    }
    if (rule.required) return rule.required.every((path) => set(get(placed, path))) ? [] : [{ placed, message: ruleMessage(placed) }];
    return (rule.anyOf ?? []).some((path) => set(get(placed, path))) ? [] : [{ placed, message: ruleMessage(placed) }];
  });
}

/** The rules as Helm template actions: each fails the render with its sentence. */
export function renderRuleChecks(rules: readonly PlacedRule[]): string {
  return rules
    .map((placed) => {
      const { rule } = placed;
      const ref = (path: string) => `.Values.${full(placed, path)}`;
      const number = (path: string) => (placed.integers.has(full(placed, path)) ? `(int ${ref(path)})` : `(float64 ${ref(path)})`);
      let check: string;
      if (rule.lt || rule.lte) {
        const [a, b] = (rule.lt ?? rule.lte)!;
        const test = rule.lt ? `ge ${number(a)} ${number(b)}` : `gt ${number(a)} ${number(b)}`;
        const message = rule.message === undefined ? `(printf ${JSON.stringify(ruleMessage(placed))} ${rule.lt ? `${ref(b)} ${ref(a)}` : `${ref(a)} ${ref(b)}`})` : JSON.stringify(rule.message);
        check = `{{- if ${test} }}\n{{- fail ${message} }}\n{{- end }}`;
      } else if (rule.required) {
        check = `{{- if not (and ${rule.required.map(ref).join(' ')}) }}\n{{- fail ${JSON.stringify(ruleMessage(placed))} }}\n{{- end }}`;
      } else {
        check = `{{- if not (or ${(rule.anyOf ?? []).map(ref).join(' ')}) }}\n{{- fail ${JSON.stringify(ruleMessage(placed))} }}\n{{- end }}`;
      }
      if (rule.required && rule.required.length === 1) check = check.replace(/\(and ([^)]*)\)/, '$1');
      return rule.if === undefined ? check : `{{- if ${ref(rule.if)} }}\n${check}\n{{- end }}`;
    })
    .join('\n');
}
