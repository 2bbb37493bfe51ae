import AjvModule, { type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { chartMetadataSchema } from './chart-metadata.js';
import { rulesSchema } from './rules.js';

// Both packages are CommonJS with a default export; under NodeNext the class sits on `.default`.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
export type Ajv = InstanceType<typeof Ajv>;

/** The one ajv configuration the generator and the values command share. */
export function createAjv(): Ajv {
  // A referenced definition of more than a few keywords becomes one function
  // that every use calls, instead of its code copied into each place; with
  // optimize off, the same checks for about half the compile time.
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, inlineRefs: 4, code: { optimize: false } });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-chart', metaSchema: chartMetadataSchema });
  // Cross-field rules (see rules.ts).
  ajv.addKeyword({ keyword: 'x-rules', metaSchema: rulesSchema });
  // A value no template reads, kept on purpose (see contract.ts).
  ajv.addKeyword({ keyword: 'x-passthrough', metaSchema: { type: 'boolean' } });
  // A definitions file taken from elsewhere (Kubernetes' OpenAPI spec): its properties carry no descriptions of ours.
  ajv.addKeyword({ keyword: 'x-upstream', metaSchema: { type: 'string' } });
  // A shared value that only some workloads get (see compose.ts): a kind, `service`, a feature or `chart`, or a list of them.
  // A shared value left out where the workload has the one named (see compose.ts).
  ajv.addKeyword({ keyword: 'x-unless', metaSchema: { type: 'string' } });
  ajv.addKeyword({ keyword: 'x-needs', metaSchema: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] } });
  return ajv;
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
