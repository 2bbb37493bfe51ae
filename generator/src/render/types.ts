import { createHash } from 'node:crypto';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { PACKAGE_KUBERNETES_TYPES, PACKAGE_WORKLOAD_TYPES } from './package-types.js';
import { isObject, type Json, type JsonObject } from '../schema/json-pointer.js';
import type { ChartModel } from '../pipeline/normalize.js';
import { banner } from './banner.js';
import { byCodePoint } from '../schema/order.js';
import { KUBERNETES_DEFINITION } from '../schema/kubernetes-defs.js';
import { reachableDefinitions } from '../schema/reachable.js';
import { NO_SHARED_TYPES, sharedTypesKey, withSharedValueTypes, WORKLOAD_NAMESPACE, WORKLOAD_TYPES_FILE, type SharedTypes } from './workload-types.js';

/** The TypeScript name of a chart's values: `api` → `ApiValues`. */
export function valuesTypeName(chartName: string): string {
  return `${chartName.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('')}Values`;
}

/** TypeScript types for a chart's values, from the same schema Helm enforces. */
export async function renderTypes(chart: ChartModel, shared: SharedTypes = NO_SHARED_TYPES): Promise<string> {
  // The title would name the type; the name comes from the chart instead.
  const { $comment: _comment, $schema: _schema, title: _title, ...schema } = withKubernetesTypes(withReachableDefinitions(withSharedValueTypes(withSubchartTypes(chart), shared)));
  const code = await compile(schema as JSONSchema, valuesTypeName(chart.name), {
    bannerComment: `/* ${chart.banner} */`,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    // prettier would double the generator's run time; the output is laid out already, and tsc reads it the same.
    format: false,
    cwd: process.cwd(),
  });
  return withImports(indentByBraces(code), chart.dependencies.map(({ name }) => name), code.includes(`${KUBERNETES_NAMESPACE}.`), code.includes(`${WORKLOAD_NAMESPACE}.`));
}

/** Only the definitions a chart's types still use once shared values are typed from the shared file: the tool need not read the rest. */
function withReachableDefinitions(schema: JsonObject): JsonObject {
  const { $defs, ...rest } = schema;
  if (!isObject($defs)) return schema;
  const names = usedDefinitions(rest, $defs);
  return names.length === 0 ? rest : { ...rest, $defs: Object.fromEntries(names.map((name) => [name, $defs[name] ?? null])) };
}

/** The namespace chart types use for Kubernetes' own types, imported from one shared file. */
const KUBERNETES_NAMESPACE = 'Kubernetes';
const KUBERNETES_FILE = 'kubernetes';

/** `io.k8s.api.core.v1.SecurityContext` → `SecurityContext`. */
function shortName(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

/** The Kubernetes definition a node refers to, if it is a plain `$ref` to one. */
function kubernetesRef(node: JsonObject): string | undefined {
  const name = typeof node.$ref === 'string' ? /^#\/\$defs\/([^/]+)$/.exec(node.$ref)?.[1] : undefined;
  return name !== undefined && KUBERNETES_DEFINITION.test(name) ? name : undefined;
}

/** A reference to a Kubernetes definition becomes the shared file's type; the definitions themselves leave the chart's types. */
function withKubernetesTypes(schema: JsonObject): JsonObject {
  const replace = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(replace);
    if (!isObject(node)) return node;
    const name = kubernetesRef(node);
    if (name !== undefined) {
      const { $ref: _ref, ...siblings } = node;
      return { ...(replace(siblings) as JsonObject), tsType: `${KUBERNETES_NAMESPACE}.${shortName(name)}` };
    }
    // A Kubernetes type narrowed by allOf (a container the restricted standard allows) is typed as that type; the schema checks the rest.
    const narrowed = Array.isArray(node.allOf) && isObject(node.allOf[0]) ? kubernetesRef(node.allOf[0]) : undefined;
    if (narrowed !== undefined) {
      const { allOf: _allOf, ...siblings } = node;
      return { ...(replace(siblings) as JsonObject), tsType: `${KUBERNETES_NAMESPACE}.${shortName(narrowed)}` };
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'default' || key === 'examples' ? value : replace(value)]));
  };
  const { $defs, ...body } = schema;
  const own = isObject($defs) ? Object.entries($defs).filter(([name]) => !KUBERNETES_DEFINITION.test(name)) : [];
  const typed = replace(body) as JsonObject;
  return own.length > 0 ? { ...typed, $defs: replace(Object.fromEntries(own)) } : typed;
}

/** A hash of Kubernetes definitions by name, whatever order they come in. */
export function kubernetesDefinitionsKey(definitions: ReadonlyMap<string, Json>): string {
  return createHash('sha256').update(JSON.stringify([...definitions].sort(([a], [b]) => byCodePoint(a, b)))).digest('hex');
}

/**
 * The shared file of Kubernetes types every chart's types import: each
 * Kubernetes definition of the shared files, named as Kubernetes names it.
 * For the package's own definitions, the text the package build made.
 */
export async function renderKubernetesTypes(definitions: ReadonlyMap<string, Json>, source: string, remedy: string): Promise<string | undefined> {
  if (definitions.size === 0) return undefined;
  if (PACKAGE_KUBERNETES_TYPES !== undefined && PACKAGE_KUBERNETES_TYPES.key === kubernetesDefinitionsKey(definitions)) {
    return `${sharedTypesBanner(source, remedy)}\n${PACKAGE_KUBERNETES_TYPES.body}`;
  }
  const names = [...definitions.keys()].sort();
  const shortNames = new Map(names.map((name) => [shortName(name), name]));
  if (shortNames.size !== names.length) throw new Error('two Kubernetes definitions share a short name; the shared types file cannot name both');
  const schema = {
    $defs: Object.fromEntries(names.map((name) => [name, { ...(definitions.get(name) as JsonObject), title: shortName(name) }])),
    // Every definition is exported, whether or not another refers to it.
    anyOf: names.map((name) => ({ $ref: `#/$defs/${name}` })),
  };
  const code = await compile(schema as JSONSchema, 'KubernetesType', {
    bannerComment: sharedTypesBanner(source, remedy),
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    format: false,
    cwd: process.cwd(),
  });
  return indentByBraces(code);
}

/** A shared types file's first line (the Kubernetes types', the workload values'). */
export function sharedTypesBanner(source: string, remedy: string): string {
  return `/* ${banner(source, remedy)} */`;
}

/**
 * The shared file of the workload definition's values typed once (see
 * workload-types.ts), importing the Kubernetes types as a chart's types do.
 * For the package's own definition, the text the package build made.
 */
export async function renderWorkloadTypes(schema: JsonObject, source: string, remedy: string): Promise<string> {
  const bannerLine = sharedTypesBanner(source, remedy);
  if (PACKAGE_WORKLOAD_TYPES !== undefined && PACKAGE_WORKLOAD_TYPES.key === sharedTypesKey(schema)) return `${bannerLine}\n${PACKAGE_WORKLOAD_TYPES.body}`;
  const code = await compile(withKubernetesTypes(schema) as JSONSchema, 'WorkloadType', {
    bannerComment: bannerLine,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    format: false,
    cwd: process.cwd(),
  });
  return withImports(indentByBraces(code), [], code.includes(`${KUBERNETES_NAMESPACE}.`));
}

/** The file name (without extension) the shared Kubernetes types are written to. */
export const KUBERNETES_TYPES_FILE = KUBERNETES_FILE;

/**
 * An umbrella's subchart values are typed by the subcharts' own types, not
 * generated a second time: the same names for the same values, and half the work.
 */
function withSubchartTypes(chart: ChartModel): JsonObject {
  const schema = chart.typesSchema;
  if (chart.dependencies.length === 0 || !isObject(schema.properties)) return schema;
  const properties: JsonObject = { ...schema.properties };
  for (const { name } of chart.dependencies) {
    const property = properties[name];
    const description = isObject(property) && typeof property.description === 'string' ? property.description : undefined;
    properties[name] = { tsType: valuesTypeName(name), ...(description === undefined ? {} : { description }) };
  }
  const { $defs, ...rest } = schema;
  const typed: JsonObject = { ...rest, properties };
  // Only the definitions the umbrella's own values still use; the subcharts' are typed in their files.
  if (isObject($defs)) typed.$defs = Object.fromEntries(usedDefinitions(typed, $defs).map((name) => [name, $defs[name] ?? null]));
  return typed;
}

/** Names of the definitions a chart's types use, sorted; a Kubernetes one refers only to others, and all of them leave the chart's types (withKubernetesTypes). */
function usedDefinitions(schema: JsonObject, defs: JsonObject): string[] {
  return [...reachableDefinitions(schema, defs, (name) => !KUBERNETES_DEFINITION.test(name))].sort();
}

/** The shared Kubernetes and workload values' types and the subcharts' types, imported right after the banner line. */
function withImports(code: string, dependencies: readonly string[], kubernetes: boolean, workload = false): string {
  if (dependencies.length === 0 && !kubernetes && !workload) return code;
  const end = code.indexOf('\n') + 1;
  const imports = [
    ...(kubernetes ? [`import type * as ${KUBERNETES_NAMESPACE} from './${KUBERNETES_FILE}.js';\n`] : []),
    ...(workload ? [`import type * as ${WORKLOAD_NAMESPACE} from './${WORKLOAD_TYPES_FILE}.js';\n`] : []),
    ...dependencies.map((name) => `import type { ${valuesTypeName(name)} } from './${name}-values.js';\n`),
  ].join('');
  return `${code.slice(0, end)}\n${imports}${code.slice(end)}`;
}

/**
 * Two-space indentation by brace depth: the layout prettier would give these
 * declarations, at a fraction of its cost. Comment lines do not count braces.
 */
export function indentByBraces(code: string): string {
  let depth = 0;
  return code
    .split('\n')
    .map((raw) => {
      const line = raw.trim();
      if (line === '') return '';
      const comment = line.startsWith('/*') || line.startsWith('*');
      const closesFirst = !comment && line.startsWith('}');
      const indent = '  '.repeat(Math.max(0, depth - (closesFirst ? 1 : 0)));
      if (!comment) depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      return `${indent}${line.startsWith('*') ? ' ' : ''}${line}`;
    })
    .join('\n');
}

/**
 * The types folder's index.ts: every chart's values type, a map from chart
 * name to it, and a defineValues typed by that map, so a project's values
 * files are checked against its own charts without importing the package.
 */
export function renderTypesIndex(chartNames: readonly string[], source: string, remedy: string): string {
  const imports = chartNames.map((name) => `import type { ${valuesTypeName(name)} } from './${name}-values.js';`);
  const exports = `export type { ${chartNames.map(valuesTypeName).join(', ')} };`;
  const map = ['export interface ChartValues {', ...chartNames.map((name) => `  ${JSON.stringify(name)}: ${valuesTypeName(name)};`), '}'];
  const define = [
    '/** Values for one chart, checked by tsc; `balena-charts values FILE.ts` checks them against the chart\'s schema and writes YAML. */',
    'export interface TypedValues<Chart extends keyof ChartValues = keyof ChartValues> {',
    '  chart: Chart;',
    '  values: ChartValues[Chart];',
    '}',
    '',
    'export function defineValues<Chart extends keyof ChartValues>(chart: Chart, values: ChartValues[Chart]): TypedValues<Chart> {',
    '  return { chart, values };',
    '}',
  ];
  return [`/* ${banner(source, remedy)} */`, ...imports, '', exports, '', ...map, '', ...define, ''].join('\n');
}
