import { derefLocal } from '../schema/refs.js';
import { chartPartials, FEATURES, type ChartMetadata, type ChartPartial, type Feature } from '../schema/chart-metadata.js';
import type { ProjectConfig } from '../project/config.js';
import type { DashboardSpec } from '../schema/dashboard-spec.js';
import { documentValues, type ValueDoc } from '../schema/defaults.js';
import { flattenRefs } from '../schema/flatten.js';
import { isObject, type Json, type JsonObject } from '../schema/json-pointer.js';
import { ROOT_VALUES, valuesPlace } from '../schema/compose.js';
import type { PlacedRule } from '../schema/rules.js';
import { banner, regenerate } from '../render/banner.js';
import { asSubchartSchema } from '../schema/subchart-schema.js';
import type { ValidatedChart, ValidatedSchemas } from './validate.js';

/** Everything the emitters need about one chart, computed once. Emitters derive nothing themselves. */
export interface ChartModel {
  name: string;
  metadata: ChartMetadata;
  /** Where the chart came from, as written in every "generated" banner. */
  source: string;
  /** The first line of each of its generated files (see banner.ts), without the comment marks. */
  banner: string;
  /** The schema Helm enforces: self-contained and flat (no keyword beside a `$ref`), with `global` and `enabled` accepted at the top. */
  valuesSchema: JsonObject;
  /** The same schema with its shared definitions kept by name, for the TypeScript types (one named type per definition). */
  typesSchema: JsonObject;
  defaults: JsonObject;
  values: ValueDoc[];
  /** The chart's own cross-field rules (an umbrella's subcharts check theirs). */
  rules: PlacedRule[];
  /** Every partial the chart is made of (besides the helpers and NOTES every chart has). */
  partials: ChartPartial[];
  /** What the templates may ask of the chart, all from its declaration and the project's config. */
  context: TemplateContext;
  dashboards: { name: string; spec: DashboardSpec }[];
  /** Subcharts (umbrella only), with the version each is at. */
  dependencies: { name: string; version: string }[];
}

/** The generator's own values in the templates (`[[#if features.database]]`, `[[product.partOf]]`). */
export interface TemplateContext {
  features: Record<Feature, boolean>;
  /** The chart has a Service in front of its main workload. */
  service: boolean;
  /** The kind of the chart's main workload ('' when it has none). */
  kind: string;
  /** Each declared workload by name (`main` for the chart's main workload), for the pod partial. */
  workloads: Record<string, WorkloadContext>;
  product: ProjectConfig['labels'];
  grafana: ProjectConfig['grafana'];
}

/** A workload as the pod partial sees it: its declaration and the settings it got from the shared definition. */
export interface WorkloadContext {
  /** Its component name; '' for the main workload. */
  name: string;
  kind: string;
  /** The Helm expression of its values (`$.Values`, `$.Values.prometheus`). */
  values: string;
  /** The values it has at that place, from the shared definition and the chart's own. */
  settings: string[];
  /** The chart's features, for a workload whose values are the chart's root; none for a component. */
  features: string[];
  /** The Helm expression of its own overrides of the shared values (`$.Values.restore.pod`), or '' without any. */
  overrides: string;
  /** The settings its overrides can replace. */
  overridable: string[];
}

export interface GenerationModel {
  charts: ChartModel[];
  /** Every Kubernetes definition of the shared files: the shared Kubernetes types file's input. */
  kubernetesDefinitions: ReadonlyMap<string, Json>;
  /** The file they come from, as the types file's banner names it. */
  kubernetesSource: string;
  /** The shared workload definition's file, for the shared values' types file, and the name its banner gives it. */
  workload?: { document: Json; source: string };
}

/** Stage 3: one canonical shape per chart. */
export function normalize(validated: ValidatedSchemas, config: ProjectConfig, schemasLabel = 'schemas'): GenerationModel {
  const versions = new Map(validated.charts.map((chart) => [chart.metadata.name, chart.metadata.version]));
  return {
    charts: validated.charts.map((chart) => normalizeChart(chart, validated.dashboards, versions, config, `${schemasLabel}/${chart.file}`)),
    kubernetesDefinitions: validated.kubernetesDefinitions,
    // The package's own definitions are named as the package's, not as a file of the project.
    kubernetesSource: validated.kubernetesSource?.shownAs ?? `${schemasLabel}/${validated.kubernetesSource?.file ?? 'defs/kubernetes.schema.json'}`,
    ...(validated.workloadSource === undefined
      ? {}
      : { workload: { document: validated.workloadSource.json, source: validated.workloadSource.shownAs ?? `${schemasLabel}/${validated.workloadSource.file}` } }),
  };
}

function normalizeChart(
  chart: ValidatedChart,
  dashboards: ReadonlyMap<string, DashboardSpec>,
  versions: ReadonlyMap<string, string>,
  config: ProjectConfig,
  source: string,
): ChartModel {
  const { 'x-chart': _metadata, ...schema } = chart.bundled;
  const { metadata } = chart;
  const main = (metadata.workloads ?? []).find((workload) => workload.partial === undefined);
  // The two costliest parts are made when first read: a chart kept from the last generate (reuse.ts) never reads them.
  let valuesSchema: JsonObject | undefined;
  let values: ValueDoc[] | undefined;
  return {
    name: chart.metadata.name,
    metadata: chart.metadata,
    source,
    get valuesSchema() {
      return (valuesSchema ??= helmValuesSchema(flattenRefs(schema), source, config.generateCommand));
    },
    banner: banner(source, regenerate(config.generateCommand)),
    typesSchema: helmValuesSchema(schema, source, config.generateCommand),
    defaults: chart.defaults,
    get values() {
      // A subchart's values are documented in its own README; the umbrella lists the key only.
      return (values ??= documentValues(schema, new Set(chart.dependencies)));
    },
    rules: chart.rules,
    partials: chartPartials(metadata),
    context: {
      features: Object.fromEntries(FEATURES.map((feature) => [feature, (metadata.features ?? []).includes(feature)])) as Record<Feature, boolean>,
      service: metadata.service === true,
      kind: main?.kind ?? '',
      workloads: workloadContexts(metadata, schema),
      product: config.labels,
      grafana: config.grafana,
    },
    dashboards: (chart.metadata.dashboards ?? []).flatMap((name) => {
      const spec = dashboards.get(name);
      return spec ? [{ name, spec }] : [];
    }),
    dependencies: chart.dependencies.map((name) => ({ name, version: versions.get(name) ?? '0.0.0' })),
  };
}

/** Each declared workload as the pod partial sees it, by name (`main` for the chart's main workload). */
function workloadContexts(metadata: ChartMetadata, schema: JsonObject): Record<string, WorkloadContext> {
  const root = isObject(schema.properties) ? schema.properties : {};
  const propertiesAt = (place: string | undefined): JsonObject => {
    if (place === ROOT_VALUES) return root;
    const at = place === undefined ? undefined : root[place];
    return isObject(at) && isObject(at.properties) ? at.properties : {};
  };
  return Object.fromEntries(
    (metadata.workloads ?? []).map((workload) => {
      const place = valuesPlace(workload);
      const atRoot = place === undefined || place === ROOT_VALUES;
      return [
        workload.name ?? 'main',
        {
          name: workload.name ?? '',
          kind: workload.kind,
          values: atRoot ? '$.Values' : `$.Values.${place}`,
          settings: Object.keys(propertiesAt(place)),
          features: place === ROOT_VALUES ? [...(metadata.features ?? [])] : [],
          overrides: workload.overrides === undefined ? '' : `$.Values.${workload.overrides}`,
          overridable: workload.overrides === undefined ? [] : Object.keys(propertiesOf(schema, schema, workload.overrides.split('.'))),
        },
      ];
    }),
  );
}

/** The properties of the object at a values path of the schema (none where the path does not lead to one). */
function propertiesOf(root: JsonObject, node: JsonObject, path: readonly string[]): JsonObject {
  const { properties } = derefLocal(root, node);
  if (!isObject(properties)) return {};
  const [key, ...rest] = path;
  if (key === undefined) return properties;
  const child = properties[key];
  return isObject(child) ? propertiesOf(root, child, rest) : {};
}

/** values.schema.json: the chart's schema as Helm must check it, saying where it came from. */
function helmValuesSchema(schema: JsonObject, source: string, generateCommand: string): JsonObject {
  return {
    $schema: schema.$schema ?? 'http://json-schema.org/draft-07/schema#',
    $comment: `Generated by balena-charts from ${source}. Do not edit: ${regenerate(generateCommand)}.`,
    ...asSubchartSchema(schema),
  };
}
