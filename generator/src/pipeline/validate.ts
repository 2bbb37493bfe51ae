import type { ErrorObject } from 'ajv';
import { createAjv, describeValueError, packageSchemaCheck, type Ajv } from '../schema/ajv.js';
import { chartMetadataSchema, type ChartMetadata } from '../schema/chart-metadata.js';
import type { DashboardSpec } from '../schema/dashboard-spec.js';
import { coalesce } from '../schema/coalesce.js';
import { brokenRules, collectRules, type PlacedRule } from '../schema/rules.js';
import type { DashboardSource } from './load-dashboards.js';
import { composeCharts, describeChart } from './describe-chart.js';
import type { Problem } from '../errors.js';
import { isObject, joinPointer, walkObjects, type Json, type JsonObject } from '../schema/json-pointer.js';
import { displayPath, type LoadedSchemas, type SchemaDocument } from './load.js';
import { indexSchemas, listRefs, lookupRef, parseRef } from '../schema/refs.js';
import { asSubchartSchema, chartRefs } from '../schema/subchart-schema.js';
import { PropertyRegistry } from '../schema/shared-properties.js';
import { BASE, definitionsOf, kubernetesDefinitionsOf, usePrecompiledDefinitions } from '../schema/shared-definitions.js';
import { KUBERNETES_DEFINITION } from '../schema/kubernetes-defs.js';
import { WORKLOAD_VALUES } from '../schema/compose.js';

export interface ValidatedChart {
  /** Schema file, relative to the schemas folder (e.g. `api.schema.json`). */
  file: string;
  metadata: ChartMetadata;
  /** Self-contained schema: shared definitions copied under `$defs`. */
  bundled: JsonObject;
  /** Charts this one depends on: top-level properties that `$ref` a whole chart schema. */
  dependencies: string[];
  /** The values the chart ships with, computed once from the bundled schema and checked against it. */
  defaults: JsonObject;
  /** Its cross-field rules (x-rules), its subcharts' left to them. */
  rules: PlacedRule[];
}

export interface ValidatedSchemas {
  schemasDir: string;
  charts: ValidatedChart[];
  dashboards: ReadonlyMap<string, DashboardSpec>;
  /** Every Kubernetes definition of the shared files (see kubernetesDefinitionsOf). */
  kubernetesDefinitions: ReadonlyMap<string, Json>;
  /** The shared file holding them as messages and banners name it (the package's own files as `balena-charts/schemas/defs/…`), if any does. */
  kubernetesSource?: { file: string; shownAs?: string };
  /** The shared workload definition's file (see compose.ts), as read and as banners name it, if there is one. */
  workloadSource?: { file: string; shownAs?: string; json: Json };
}

/**
 * What the last generate found valid, when the shared inputs are unchanged
 * since (see reuse.ts): the verdicts of the property checks it passed (see
 * PropertyRegistry). The shared definitions are then not compiled on their
 * own either: they compiled last time.
 */
export interface Trusted {
  verdicts: ReadonlySet<string>;
}

/** What validation kept, and every problem it found. */
export interface Validation {
  validated: ValidatedSchemas;
  problems: Problem[];
  /** Verdicts of the property checks passed, for the next generate. */
  verdicts: string[];
}

/**
 * Stage 2: refuse any schema that is not exactly right before anything is
 * emitted. Every problem found is collected and reported together: a
 * document with a mistake is set aside with everything that refers to it,
 * and the rest is checked on, so one run names the mistakes of every chart.
 */
export function validate(written: LoadedSchemas, dashboardSources: readonly DashboardSource[] = [], ajv: Ajv = createAjv(), trusted?: Trusted): Validation {
  const problems: Problem[] = [];
  const loaded = composeCharts(written);
  const all = [...loaded.shared, ...loaded.charts];
  const shown = new Map(all.flatMap((doc) => (doc.shownAs === undefined ? [] : [[doc.file, doc.shownAs] as const])));
  const where = (file: string) => shown.get(file) ?? displayPath(loaded.schemasDir, file);
  const index = indexSchemas(all);
  // A document's references, listed once: every chart's check of what it refers to walks the shared files again.
  const refsOf = memoizedRefs();
  const broken = new Set<string>();
  const report = (doc: SchemaDocument, found: Problem[]) => {
    if (found.length === 0) return;
    broken.add(doc.file);
    problems.push(...found);
  };

  for (const doc of all) {
    const found: Problem[] = [];
    for (const { ref, pointer } of refsOf(doc)) {
      if (loaded.unreadable.includes(parseRef(ref, doc.file).file)) broken.add(doc.file);
      else if (lookupRef(index, ref, doc.file) === undefined) {
        found.push({ code: 'REF_UNRESOLVED', file: where(doc.file), pointer, message: `$ref "${ref}" does not resolve` });
      }
    }
    found.push(...describedProperties(doc).map((pointer) => ({
      code: 'DESCRIPTION_MISSING' as const,
      file: where(doc.file),
      pointer,
      message: 'every value needs a description (it becomes the values.yaml comment and the README row)',
    })));
    found.push(...openObjects(doc).map((pointer) => ({
      code: 'SCHEMA_INVALID' as const,
      file: where(doc.file),
      pointer,
      message: 'an object with properties must say whether other keys are allowed (set additionalProperties)',
    })));
    report(doc, found);
  }

  // The x-chart keyword's own check (see createAjv), compiled once already.
  const keyword = ajv.getKeyword('x-chart');
  const checkMetadata = (typeof keyword === 'object' ? keyword.validateSchema : undefined) ?? ajv.compile(chartMetadataSchema);
  for (const doc of all.filter((d) => !broken.has(d.file))) {
    const found: Problem[] = [];
    if (!ajv.validateSchema(withId(doc))) {
      found.push(...firstPerPointer(ajv.errors ?? []).map((error) => schemaProblem(where(doc.file), error)));
    }
    const metadata = isObject(doc.json) ? doc.json['x-chart'] : undefined;
    if (metadata !== undefined && !checkMetadata(metadata)) {
      found.push(...firstPerPointer(checkMetadata.errors ?? []).map((error) => ({
        code: 'CHART_METADATA' as const,
        file: where(doc.file),
        pointer: `/x-chart${error.instancePath}`,
        message: error.message ?? 'is invalid',
      })));
    } else if (isObject(metadata)) {
      found.push(...declarationProblems(metadata as unknown as ChartMetadata).map(({ pointer, message }) => ({ code: 'CHART_METADATA' as const, file: where(doc.file), pointer, message })));
    }
    report(doc, found);
  }
  // Registered, not compiled: a chart's refs to other schemas resolve when needed.
  for (const doc of all.filter((d) => !broken.has(d.file))) ajv.addSchema(withId(doc));
  // Each shared definition also under its own id, so ajv compiles it once for
  // every schema that refers to it (a definition reached by a pointer into its
  // file is compiled again for each: the Kubernetes Container seven times).
  // Upstream ones are only registered; they compile where a chart uses them.
  const definitionProblems: Problem[] = [];
  const usable = loaded.shared.filter((d) => !broken.has(d.file));
  for (const doc of usable) for (const { id, definition } of definitionsOf(doc)) ajv.addSchema(definition, id);
  // The package's own definitions, compiled when it was built: nothing to find in them.
  const precompiled = usePrecompiledDefinitions(ajv, usable);
  for (const doc of usable) {
    const found: Problem[] = [];
    for (const { name, id, definition } of definitionsOf(doc)) {
      // Trusted: unchanged since it compiled last time.
      if (isUpstream(doc) || trusted !== undefined || precompiled) continue;
      // Compiled now, so that a mistake in it is reported in its own file.
      try {
        ajv.getSchema(id);
      } catch (error) {
        found.push(definitionProblem(where(doc.file), name, definition, error));
      }
    }
    if (found.length > 0) broken.add(doc.file);
    definitionProblems.push(...found);
  }
  // A definition that refers to a broken one fails with the same message; say it once.
  problems.push(...firstPerMessage(definitionProblems));

  // Charts without dependencies first: an umbrella reuses their compiled checks.
  // A chart that refers to a broken document is left out; the mistake is reported where it is.
  const valid = new Map<string, ValidatedChart>();
  const registry = new PropertyRegistry(ajv, trusted?.verdicts);
  const order = [...loaded.charts].sort((a, b) => chartRefs(a.json).length - chartRefs(b.json).length);
  const chartProblems: Problem[] = [];
  for (const doc of order.filter((d) => !referredFiles(d, index, refsOf).some((file) => broken.has(file)))) {
    const chart = validateChart(ajv, registry, doc, index, where(doc.file), chartProblems, valid);
    if (chart !== undefined) valid.set(chart.metadata.name, chart);
  }
  // A mistake in a chart schema also breaks the umbrella that $refs it; say it once, where it is.
  problems.push(...firstPerMessage(chartProblems));
  const charts = loaded.charts.flatMap((doc) => [...valid.values()].filter((chart) => chart.file === doc.file));
  const dashboards = validateDashboards(ajv, dashboardSources, problems);
  for (const chart of charts) {
    (chart.metadata.dashboards ?? []).forEach((name, position) => {
      if (!dashboards.has(name)) {
        problems.push({ code: 'DASHBOARD_INVALID', file: where(chart.file), pointer: `/x-chart/dashboards/${position}`, message: `no dashboard "${name}" in the dashboards folder` });
      }
    });
  }
  const kubernetes = usable.find((doc) => definitionsOf(doc).some(({ name }) => KUBERNETES_DEFINITION.test(name)));
  const kubernetesSource = kubernetes === undefined ? undefined : { file: kubernetes.file, ...(kubernetes.shownAs === undefined ? {} : { shownAs: kubernetes.shownAs }) };
  const workload = usable.find((doc) => doc.file === WORKLOAD_VALUES.file);
  const workloadSource = workload === undefined ? undefined : { file: workload.file, json: workload.json, ...(workload.shownAs === undefined ? {} : { shownAs: workload.shownAs }) };
  return {
    validated: {
      schemasDir: loaded.schemasDir,
      charts,
      dashboards,
      kubernetesDefinitions: kubernetesDefinitionsOf(usable),
      ...(kubernetesSource === undefined ? {} : { kubernetesSource }),
      ...(workloadSource === undefined ? {} : { workloadSource }),
    },
    problems,
    verdicts: [...registry.passed].sort(),
  };
}

/** The schema files a document refers to, directly or through the files it refers to. */
function referredFiles(doc: SchemaDocument, index: ReturnType<typeof indexSchemas>, refsOf: (doc: SchemaDocument) => { ref: string }[]): string[] {
  const seen = new Set<string>([doc.file]);
  const queue = [doc];
  while (queue.length > 0) {
    const current: SchemaDocument = queue.pop()!;
    for (const { ref } of refsOf(current)) {
      const { file } = parseRef(ref, current.file);
      const json = index.get(file);
      if (!seen.has(file) && json !== undefined) {
        seen.add(file);
        queue.push({ file, json });
      }
    }
  }
  return [...seen];
}

/** listRefs of a document, by file, each walked once. */
function memoizedRefs(): (doc: SchemaDocument) => ReturnType<typeof listRefs> {
  const cache = new Map<string, ReturnType<typeof listRefs>>();
  return (doc) => {
    let refs = cache.get(doc.file);
    if (refs === undefined) cache.set(doc.file, (refs = listRefs(doc.json)));
    return refs;
  };
}

/** A declaration that the meta-schema cannot judge: one main workload, tests need a Service to call. */
function declarationProblems(metadata: ChartMetadata): { pointer: string; message: string }[] {
  const found: { pointer: string; message: string }[] = [];
  const mains = (metadata.workloads ?? []).flatMap((workload, index) => (workload.partial === undefined ? [index] : []));
  for (const index of mains.slice(1)) {
    found.push({ pointer: `/x-chart/workloads/${index}`, message: 'only one workload may use the package\'s template for its kind (the chart\'s main one); give this one a partial' });
  }
  const tests = (metadata.features ?? []).indexOf('tests');
  if (tests !== -1 && metadata.service !== true) {
    found.push({ pointer: `/x-chart/features/${tests}`, message: 'the tests feature calls the chart\'s Service; declare "service": true or drop it' });
  }
  if (metadata.service === true && mains.length === 0) {
    found.push({ pointer: '/x-chart/service', message: 'a Service needs the chart\'s main workload to select; declare one without a partial' });
  }
  return found;
}

function validateDashboards(ajv: Ajv, sources: readonly DashboardSource[], problems: Problem[]): Map<string, DashboardSpec> {
  const check = packageSchemaCheck<DashboardSpec>(ajv, 'dashboard');
  const valid = new Map<string, DashboardSpec>();
  for (const source of sources) {
    if (check(source.json)) valid.set(source.name, source.json);
    else {
      problems.push(...firstPerPointer(check.errors ?? []).map((error) => ({
        code: 'DASHBOARD_INVALID' as const,
        file: source.file,
        pointer: error.instancePath,
        message: describeValueError(error),
      })));
    }
  }
  return valid;
}

function validateChart(
  ajv: Ajv,
  registry: PropertyRegistry,
  doc: SchemaDocument,
  index: ReturnType<typeof indexSchemas>,
  file: string,
  problems: Problem[],
  valid: ReadonlyMap<string, ValidatedChart>,
): ValidatedChart | undefined {
  const schema = doc.json;
  if (!isObject(schema) || !isObject(schema['x-chart'])) {
    problems.push({ code: 'CHART_METADATA', file, pointer: '', message: 'a chart schema needs an "x-chart" object (name, version, appVersion, description, templates)' });
    return undefined;
  }
  const metadata = schema['x-chart'] as unknown as ChartMetadata;
  const expectedName = doc.file.replace(/\.schema\.json$/, '');
  if (metadata.name !== expectedName) {
    problems.push({ code: 'CHART_METADATA', file, pointer: '/x-chart/name', message: `must be "${expectedName}" to match the file name` });
  }
  for (const [key, name] of chartRefs(schema)) {
    if (name !== key) problems.push({ code: 'CHART_METADATA', file, pointer: `/properties/${key}`, message: `a dependency must sit under its chart's name ("${name}")` });
  }
  const chart = describeChart(doc, index);
  const { bundled, defaults, dependencies } = chart;
  if (dependencies.every((dependency) => valid.has(dependency))) {
    const checkValues = compileValuesCheck(registry, doc, dependencies);
    if (passes(checkValues, defaults)) return ruleProblems(chart, defaults, file, valid, problems) ? undefined : chart;
  }
  return reportValuesProblems(ajv, doc, bundled, defaults, dependencies, file, problems) ? undefined : chart;
}

/**
 * The chart's cross-field rules (x-rules) over its defaults; for an umbrella,
 * each subchart's rules over the subchart's defaults with the umbrella's
 * laid over them, as Helm merges them. True when a rule is broken.
 */
function ruleProblems(chart: ValidatedChart, defaults: Json, file: string, valid: ReadonlyMap<string, ValidatedChart>, problems: Problem[]): boolean {
  const found = brokenRules(chart.rules, defaults).map(({ placed, message }) => ({ pointer: placed.pointer, message }));
  for (const name of chart.dependencies) {
    const sub = valid.get(name);
    if (sub === undefined) continue;
    const merged = coalesce(sub.defaults, isObject(defaults) ? defaults[name] : undefined) ?? {};
    // A subchart with subcharts of its own: theirs too, under its defaults.
    const rules = sub.dependencies.length === 0 ? sub.rules : collectRules(sub.bundled);
    found.push(...brokenRules(rules, merged).map(({ message }) => ({ pointer: `/properties/${name}/default`, message: `${name}: ${message}` })));
  }
  problems.push(...found.map(({ pointer, message }) => ({ code: 'RULE_FAILED' as const, file, pointer, message: `the defaults break a rule: ${message}` })));
  return found.length > 0;
}

/**
 * What Helm will enforce on a chart's values (for an umbrella, its subcharts'
 * schemas accept `enabled` and `global` there): the schema as written, each
 * property the shared definition gave it checked by the registry's one
 * compiled copy, each subchart's values by that subchart's check (compiled
 * first: charts without dependencies go first). The same checks as the
 * bundled values.schema.json, which copies those definitions into every
 * chart. Undefined when it does not compile; reportValuesProblems then says why.
 */
function compileValuesCheck(registry: PropertyRegistry, doc: SchemaDocument, dependencies: readonly string[]): ((data: Json) => boolean) | undefined {
  const schema = doc.json as JsonObject;
  const properties: JsonObject = { ...(isObject(schema.properties) ? schema.properties : {}) };
  const subcharts: [string, (data: Json) => boolean][] = [];
  for (const dependency of dependencies) {
    // What the umbrella says beside its $ref stays in its own check (ajv applies a $ref's siblings too).
    const { $ref: _ref, ...beside } = isObject(properties[dependency]) ? properties[dependency] : {};
    properties[dependency] = beside;
    const check = registry.checkOf(valuesCheckId(`${dependency}.schema.json`));
    if (check === undefined) return undefined;
    subcharts.push([dependency, check]);
  }
  try {
    const checkOwn = registry.compile(asSubchartSchema({ ...schema, properties }), valuesCheckId(doc.file), dependencies);
    return (data) => checkOwn(data) && (!isObject(data) || subcharts.every(([key, check]) => data[key] === undefined || check(data[key])));
  } catch {
    return undefined;
  }
}

/** False too when a property's check, compiled on first use, does not compile: reportValuesProblems says why. */
function passes(check: ((data: Json) => boolean) | undefined, data: Json): boolean {
  try {
    return check?.(data) === true;
  } catch {
    return false;
  }
}

/** Beside the chart's file, so that its relative references resolve the same. */
const valuesCheckId = (file: string) => BASE + file.replace(/\.schema\.json$/, '.values.json');

/**
 * The slow path, taken only when the values check fails: the bundled schema
 * compiled as a whole, and if that fails the schema as written, to name the
 * place of the mistake. True when a problem was found.
 */
function reportValuesProblems(
  ajv: Ajv,
  doc: SchemaDocument,
  bundled: JsonObject,
  defaults: Json,
  dependencies: readonly string[],
  file: string,
  problems: Problem[],
): boolean {
  let checkBundled;
  try {
    checkBundled = ajv.compile({ ...bundled, $id: `${BASE}bundled/${doc.file}` });
  } catch (bundledError) {
    try {
      ajv.getSchema(BASE + doc.file); // compiles the registered source schema
      problems.push(strictModeProblem(file, bundled, bundledError));
    } catch (error) {
      problems.push(strictModeProblem(file, doc.json, error));
    }
    return true;
  }
  if (checkBundled(defaults)) return false;
  for (const error of checkBundled.errors ?? []) {
    // A subchart's schema path means nothing in the umbrella's file; the umbrella's default for it does.
    const subchart = dependencies.find((name) => error.instancePath === `/${name}` || error.instancePath.startsWith(`/${name}/`));
    const pointer = subchart === undefined ? error.schemaPath.replace(/^#/, '') : `/properties/${subchart}/default`;
    problems.push({ code: 'DEFAULT_INVALID', file, pointer, message: `the defaults do not pass the schema: ${describeValueError(error)}` });
  }
  return true;
}


function withId(doc: SchemaDocument): JsonObject {
  return { ...(doc.json as JsonObject), $id: BASE + doc.file };
}

function schemaProblem(file: string, error: ErrorObject): Problem {
  return { code: 'SCHEMA_INVALID', file, pointer: error.instancePath, message: `${error.message ?? 'is invalid'} (${error.schemaPath})` };
}

/**
 * Ajv's strict-mode errors name the place as `at "#/..."`, except for unknown
 * keywords (usually a typo such as "defualt"), whose place we look up.
 */
function strictModeProblem(file: string, schema: Json, error: unknown): Problem {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
  const at = /at "[^"#]*#([^"]*)"/.exec(message);
  const unknown = /unknown keyword: "([^"]+)"/.exec(message);
  const pointer = at?.[1] ?? (unknown?.[1] ? findKeyword(schema, unknown[1]) : '');
  return { code: 'SCHEMA_INVALID', file, pointer, message: message.replace(/ at "[^"]*"/, '') };
}

function findKeyword(schema: Json, keyword: string): string {
  let found = '';
  walkObjects(schema, (node, pointer) => {
    if (found === '' && Object.prototype.hasOwnProperty.call(node, keyword) && !pointer.endsWith('/properties')) {
      found = joinPointer(pointer, keyword);
    }
  });
  return found;
}

/** The first SCHEMA_INVALID problem of each message: the place of the mistake; later ones are what refers to it. */
function firstPerMessage(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => problem.code !== 'SCHEMA_INVALID' || (!seen.has(problem.message) && seen.add(problem.message)));
}

/** A strict-mode mistake in a shared definition, at its place in the shared file. */
function definitionProblem(file: string, name: string, definition: Json, error: unknown): Problem {
  const problem = strictModeProblem(file, definition, error);
  // ajv names the place by the definition's id (`…#/$defs/<name>#…`), or not at all (a pointer inside the definition).
  const pointer = problem.pointer.replace(/#/g, '');
  return { ...problem, pointer: pointer.startsWith(`/$defs/${name}`) ? pointer : `/$defs/${name}${pointer}` };
}

/** The meta-schema reports one mistake several ways (each anyOf branch); the first says it best. */
function firstPerPointer(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((error) => !seen.has(error.instancePath) && seen.add(error.instancePath));
}

/** Pointers of property schemas that carry no description (directly or through their `$ref`). */
function describedProperties(doc: SchemaDocument): string[] {
  const missing: string[] = [];
  if (isUpstream(doc)) return missing;
  walkObjects(doc.json, (node, pointer) => {
    if (!pointer.endsWith('/properties') || !isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (isObject(child) && typeof child.description !== 'string' && typeof child.$ref !== 'string') {
        missing.push(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  });
  return missing;
}

/** Definitions taken from another project's spec (`x-upstream`): documented there, compiled only where a chart uses them. */
function isUpstream(doc: SchemaDocument): boolean {
  return isObject(doc.json) && typeof doc.json['x-upstream'] === 'string';
}

function openObjects(doc: SchemaDocument): string[] {
  const open: string[] = [];
  walkObjects(doc.json, (node, pointer) => {
    if (isObject(node.properties) && !pointer.endsWith('/properties') && node.additionalProperties === undefined && !pointer.includes('/default')) {
      open.push(pointer);
    }
  });
  return open;
}

/** The project's config file against its schema: one problem per mistake, at its place in the file. */
export function validateConfig(json: JsonObject, file: string, ajv: Ajv = createAjv()): Problem[] {
  const check = packageSchemaCheck(ajv, 'config');
  if (check(json)) return [];
  return firstPerPointer(check.errors ?? []).map((error) => ({
    code: 'CONFIG_INVALID' as const,
    file,
    pointer: error.keyword === 'additionalProperties' ? `${error.instancePath}/${String((error.params as { additionalProperty: string }).additionalProperty)}` : error.instancePath,
    message: error.keyword === 'additionalProperties' ? 'unknown setting' : (error.message ?? 'is invalid'),
  }));
}
