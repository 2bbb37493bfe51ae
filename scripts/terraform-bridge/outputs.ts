import type { ErrorObject } from 'ajv';
import { describeValueError } from '../../generator/src/schema/ajv.js';
import type { Problem } from '../../generator/src/errors.js';
import { isObject, joinPointer, type Json, type JsonObject } from '../../generator/src/schema/json-pointer.js';

/** The Terraform type an output must have, as `terraform output -json` writes it. */
type OutputType = 'string' | 'bool';

/** A place in the umbrella's values, as path segments (annotation keys contain dots). */
type ValuesPath = readonly string[];

/** A mapping that only holds while another output has this value (e.g. the gmp values with managed collection on). */
interface Condition {
  output: string;
  equals: string | boolean;
}

/** Where an output's value goes: always, or only under a condition. */
type Target = ValuesPath | { path: ValuesPath; when: Condition };

/** One output of terraform/envs/production and what becomes of it. */
export interface OutputRule {
  /** Checked when given; outputs nothing here reads may have any type. */
  type?: OutputType;
  /** Values paths that take the output's value. */
  sets?: readonly Target[];
  /** Values fixed alongside, because the output exists (e.g. the proxy is on once there is an instance). */
  implies?: readonly { path: ValuesPath; value: Json; when?: Condition }[];
  /** What a string value must look like, beyond the umbrella schema, as a sentence and a pattern; checked only while some target takes it. */
  shape?: { expected: string; pattern: RegExp };
  /** For outputs that are no chart value: who reads them instead. */
  readBy?: string;
}

const WORKLOAD_IDENTITY = 'iam.gke.io/gcp-service-account';
const SERVICE_ACCOUNT_EMAIL = {
  expected: 'a Google service account email (<name>@<project>.iam.gserviceaccount.com)',
  pattern: /^[a-z][-a-z0-9]{4,28}[a-z0-9]@[a-z][-a-z0-9]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$/,
};
// The monitoring chart's gmp backend follows managed collection: with it off
// the chart keeps its default (its own Prometheus) and nothing is set.
const WITH_GMP: Condition = { output: 'managed_prometheus', equals: true };
const KUBERNETES_NAME = {
  expected: 'a Kubernetes object name (lower-case letters, digits, "-" and ".")',
  pattern: /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
};

/**
 * Every output terraform/envs/production declares, by name. An output missing
 * here is refused, so a new output cannot be silently dropped, and every
 * output here is required, so a renamed one cannot be either.
 */
export const TERRAFORM_OUTPUTS: Readonly<Record<string, OutputRule>> = {
  project_id: {
    type: 'string',
    sets: [['global', 'workloadIdentityProject'], { path: ['monitoring', 'gmp', 'projectId'], when: WITH_GMP }],
    shape: { expected: 'a Google Cloud project id', pattern: /^[a-z][-a-z0-9]{4,28}[a-z0-9]$/ },
  },
  region: { type: 'string', readBy: 'operators (the region of the cluster and Cloud SQL)' },
  cluster_name: { type: 'string', readBy: 'the update playbook (gcloud container clusters get-credentials)' },
  cluster_location: { type: 'string', readBy: 'the update playbook (gcloud container clusters get-credentials)' },
  kubernetes_namespace: { type: 'string', readBy: 'the update playbook (helm --namespace)' },
  cloudsql_connection_name: {
    type: 'string',
    sets: [
      ['api', 'cloudSqlProxy', 'instanceConnectionName'],
      ['backup', 'cloudSqlProxy', 'instanceConnectionName'],
    ],
    implies: [{ path: ['api', 'cloudSqlProxy', 'enabled'], value: true }],
  },
  cloudsql_postgres_version: { type: 'string', sets: [['backup', 'postgresVersion']] },
  cloudsql_database_name: { type: 'string', readBy: 'whoever writes the database Secret (the path of DATABASE_URL)' },
  cloudsql_iam_users: { readBy: 'whoever writes the database Secret (the user of DATABASE_URL)' },
  backup_bucket: {
    type: 'string',
    sets: [['backup', 'gcs', 'bucket']],
    implies: [{ path: ['backup', 'enabled'], value: true }],
  },
  backup_cloud_sql_proxy: { type: 'bool', sets: [['backup', 'cloudSqlProxy', 'enabled']] },
  api_service_account_email: {
    type: 'string',
    sets: [['api', 'serviceAccount', 'annotations', WORKLOAD_IDENTITY]],
    shape: SERVICE_ACCOUNT_EMAIL,
  },
  backup_service_account_email: {
    type: 'string',
    sets: [['backup', 'serviceAccount', 'annotations', WORKLOAD_IDENTITY]],
    shape: SERVICE_ACCOUNT_EMAIL,
  },
  managed_prometheus: {
    type: 'bool',
    // GMP's collectors scrape from gmp-system: the NetworkPolicies of every scraped pod must admit it.
    implies: [
      { path: ['monitoring', 'backend'], value: 'gmp', when: WITH_GMP },
      { path: ['global', 'metricsCollectorNamespace'], value: 'gmp-system', when: WITH_GMP },
    ],
  },
  gmp_frontend_service_account_email: {
    type: 'string',
    sets: [{ path: ['monitoring', 'gmp', 'serviceAccountEmail'], when: WITH_GMP }],
    shape: SERVICE_ACCOUNT_EMAIL,
  },
  api_kubernetes_service_account: { type: 'string', sets: [['api', 'serviceAccount', 'name']], shape: KUBERNETES_NAME },
  backup_kubernetes_service_account: { type: 'string', sets: [['backup', 'serviceAccount', 'name']], shape: KUBERNETES_NAME },
};

export interface TerraformValues {
  /** Umbrella values: only what Terraform knows, to pass after the environment's own file. */
  values: JsonObject;
  /** For each values pointer set, the output it came from (to name it in errors and comments). */
  sources: ReadonlyMap<string, string>;
}

/**
 * Maps the JSON of `terraform output -json` ({name: {sensitive, type, value}})
 * to umbrella values by TERRAFORM_OUTPUTS. Pure: reads and writes nothing.
 * Returns every problem found, each naming the output; values are only
 * meaningful when there are none.
 */
export function terraformOutputsToValues(output: unknown, file: string): TerraformValues & { problems: Problem[] } {
  const problems: Problem[] = [];
  const values: JsonObject = {};
  const sources = new Map<string, string>();
  const problem = (name: string, message: string) =>
    problems.push({ code: 'TERRAFORM_OUTPUT', file, pointer: name === '' ? '' : joinPointer('', name), message });

  if (!isObject(output)) {
    problem('', 'not the JSON of `terraform output -json` (expected an object of outputs)');
    return { values, sources, problems };
  }
  if (Object.keys(output).length === 0) {
    problem('', 'no outputs at all: has `terraform apply` run for terraform/envs/production, and is this its output?');
    return { values, sources, problems };
  }
  for (const name of Object.keys(output)) {
    if (!(name in TERRAFORM_OUTPUTS)) {
      problem(name, `output ${name} is not known to the bridge: map it to umbrella values (or mark who reads it) in scripts/terraform-bridge/outputs.ts`);
    }
  }
  for (const [name, rule] of Object.entries(TERRAFORM_OUTPUTS)) {
    const entry = output[name];
    if (entry === undefined) {
      problem(name, `output ${name} is missing (terraform/envs/production/outputs.tf declares it${describeTargets(rule)})`);
      continue;
    }
    if (!isObject(entry) || !('value' in entry) || !('type' in entry)) {
      problem(name, `output ${name} is not shaped like \`terraform output -json\` ({"sensitive", "type", "value"})`);
      continue;
    }
    const value = entry.value as Json;
    const applies = (when: Condition | undefined) => when === undefined || holds(output, when);
    const targets = (rule.sets ?? []).filter((target) => applies(conditionOf(target)));
    if (rule.type !== undefined && (terraformTypeOf(value) !== rule.type || entry.type !== rule.type)) {
      problem(name, `output ${name} is a ${entry.type === rule.type ? terraformTypeOf(value) : typeName(entry.type as Json, value)}, expected a ${rule.type}${describeTargets(rule)}`);
      continue;
    }
    if (rule.shape && targets.length > 0 && typeof value === 'string' && !rule.shape.pattern.test(value)) {
      problem(name, `output ${name} is ${JSON.stringify(value)}, expected ${rule.shape.expected}${describeTargets(rule)}`);
      continue;
    }
    if (rule.readBy !== undefined) continue;
    for (const target of targets) setIn(values, sources, pathOf(target), value, name);
    for (const implied of rule.implies ?? []) if (applies(implied.when)) setIn(values, sources, implied.path, implied.value, name);
  }
  return { values, sources, problems };
}

/**
 * ajv errors from checking the values against the umbrella schema, one
 * problem each, naming the output that set the offending value.
 */
export function valueErrorsToProblems(errors: readonly ErrorObject[], sources: ReadonlyMap<string, string>, file: string): Problem[] {
  return errors.map((error) => {
    const name = sourceOf(error.instancePath, sources);
    const allowed = error.keyword === 'enum' ? (error.params as { allowedValues?: unknown[] }).allowedValues : undefined;
    const reason = describeValueError(error) + (allowed ? ` ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : '');
    return {
      code: 'TERRAFORM_OUTPUT',
      file,
      pointer: name === undefined ? '' : joinPointer('', name),
      message: name === undefined ? reason : `output ${name} → ${reason} (the umbrella's values.schema.json)`,
    };
  });
}

/** The dotted values path Helm users write, e.g. `backup.gcs.bucket`. */
export function dottedPath(path: ValuesPath): string {
  return path.join('.');
}

function describeTargets(rule: OutputRule): string {
  const targets = rule.sets ?? [];
  const describe = (target: Target) => {
    const when = conditionOf(target);
    return dottedPath(pathOf(target)) + (when === undefined ? '' : ` when ${when.output} is ${JSON.stringify(when.equals)}`);
  };
  return targets.length === 0 ? '' : `; it sets ${targets.map(describe).join(' and ')}`;
}

function pathOf(target: Target): ValuesPath {
  return 'path' in target ? target.path : target;
}

function conditionOf(target: Target): Condition | undefined {
  return 'when' in target ? target.when : undefined;
}

/** Read from the raw outputs: a condition on a missing or broken output does not hold, and that output's own problem is reported. */
function holds(output: JsonObject, when: Condition): boolean {
  const entry = output[when.output];
  return isObject(entry) && entry.value === when.equals;
}

function terraformTypeOf(value: Json | undefined): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (value === null || value === undefined) return 'null';
  return Array.isArray(value) ? 'list' : 'object';
}

/** Terraform's name for a type as `output -json` writes it ("string", ["list", "string"], …). */
function typeName(declared: Json, value: Json): string {
  if (typeof declared === 'string') return declared;
  if (Array.isArray(declared) && typeof declared[0] === 'string') {
    const [kind, element] = declared;
    return kind === 'list' || kind === 'set' || kind === 'map' ? `${kind}(${typeName(element ?? null, null)})` : kind;
  }
  return terraformTypeOf(value);
}

function setIn(values: JsonObject, sources: Map<string, string>, path: ValuesPath, value: Json, output: string): void {
  let node = values;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = isObject(next) ? next : (node[key] = {});
  }
  node[path[path.length - 1] as string] = value;
  sources.set(joinPointer('', ...path), output);
}

/** The output that set the value at this pointer, or at the nearest pointer above or below it. */
function sourceOf(pointer: string, sources: ReadonlyMap<string, string>): string | undefined {
  for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
    const found = sources.get(at);
    if (found !== undefined) return found;
    if (at === '') break;
  }
  for (const [at, output] of sources) if (at.startsWith(pointer + '/')) return output;
  return undefined;
}
