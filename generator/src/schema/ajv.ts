import AjvModule, { type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { chartMetadataSchema } from './chart-metadata.js';
import { dashboardSpecSchema } from './dashboard-spec.js';
import { PACKAGE_CHECKS } from './package-checks.js';
import { projectConfigSchema } from '../project/config.js';
import { rulesSchema } from './rules.js';

// Both packages are CommonJS with a default export; under NodeNext the class sits on `.default`.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
export type Ajv = InstanceType<typeof Ajv>;

/** The id ajv keeps its default meta-schema (draft-07) under. */
export const META_SCHEMA_ID = 'http://json-schema.org/draft-07/schema';

/** The keywords our schemas may use beside JSON Schema's, each with the schema of its value. */
export const KEYWORDS: readonly { keyword: string; metaSchema: AnySchemaObject }[] = [
  { keyword: 'x-chart', metaSchema: chartMetadataSchema },
  // Cross-field rules (see rules.ts).
  { keyword: 'x-rules', metaSchema: rulesSchema },
  // A value no template reads, kept on purpose (see contract.ts).
  { keyword: 'x-passthrough', metaSchema: { type: 'boolean' } },
  // A definitions file taken from elsewhere (Kubernetes' OpenAPI spec): its properties carry no descriptions of ours.
  { keyword: 'x-upstream', metaSchema: { type: 'string' } },
  // A shared value left out where the workload has the one named (see compose.ts).
  { keyword: 'x-unless', metaSchema: { type: 'string' } },
  // A shared value that only some workloads get (see compose.ts): a kind, `service`, a feature or `chart`, or a list of them.
  { keyword: 'x-needs', metaSchema: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] } },
];

/** The package's own schemas a generate checks input against. */
export const PACKAGE_SCHEMAS = { config: projectConfigSchema, dashboard: dashboardSpecSchema } as const;

/**
 * The one ajv configuration the generator and the values command share.
 * The checks the package build precompiled (package-checks.ts) are handed
 * in rather than compiled again. `source` compiles everything and keeps
 * each check's code, for that build (precompile-checks.ts).
 */
export function createAjv({ source = false }: { source?: boolean } = {}): Ajv {
  // A referenced definition of more than a few keywords becomes one function
  // that every use calls, instead of its code copied into each place; with
  // optimize off, the same checks for about half the compile time.
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, inlineRefs: 4, code: { optimize: false, ...(source ? { source, esm: true } : {}) } });
  const precompiled = source ? undefined : PACKAGE_CHECKS;
  const metaSchema = ajv.schemas[META_SCHEMA_ID];
  if (precompiled !== undefined && metaSchema !== undefined) metaSchema.validate = precompiled.metaSchema;
  addFormats(ajv);
  for (const { keyword, metaSchema } of KEYWORDS) {
    const validateSchema = precompiled?.keywords.get(keyword);
    ajv.addKeyword(validateSchema === undefined ? { keyword, metaSchema } : { keyword, validateSchema });
  }
  return ajv;
}

/** The check of one of the package's own schemas: the precompiled one if the build made it. */
export function packageSchemaCheck<T>(ajv: Ajv, name: keyof typeof PACKAGE_SCHEMAS): ValidateFunction<T> {
  const precompiled = PACKAGE_CHECKS?.schemas.get(name);
  return (precompiled ?? ajv.compile(PACKAGE_SCHEMAS[name])) as ValidateFunction<T>;
}

/** `/autoscaling/minReplicas` → `autoscaling.minReplicas`, the way Helm users write value paths. */
export function valuesPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** One readable sentence per ajv error, naming the value path. */
export function describeValueError(error: ErrorObject): string {
  const at = valuesPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    return `${at === '' ? key : `${at}.${key}`}: unknown key (not in the schema)`;
  }
  if (error.keyword === 'required') {
    const key = String(params.missingProperty);
    return `${at === '' ? key : `${at}.${key}`}: is required`;
  }
  return `${at === '' ? '(root)' : at}: ${error.message ?? 'is invalid'}`;
}
