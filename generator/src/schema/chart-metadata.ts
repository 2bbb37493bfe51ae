/**
 * What a chart schema says about its chart, under the `x-chart` keyword: the
 * Chart.yaml fields, and what the chart is — its workloads and their kinds,
 * whether it has a Service, which features it uses. The templates a chart is
 * made of follow from that declaration; none of them looks at which values
 * happen to exist.
 */
export interface ChartMetadata {
  name: string;
  version: string;
  appVersion: string;
  description: string;
  /** The pods the chart runs. The first one without a `partial` is rendered by the package's template for its kind. */
  workloads?: WorkloadDeclaration[];
  /** A Service in front of the chart's main workload (and a `helm test` that calls it, with the `tests` feature). */
  service?: boolean;
  features?: Feature[];
  /** Further partials: the project's own (`monitoring/prometheus-config`) or extra package ones. */
  templates?: string[];
  /** Values of the shared definition the chart's root does not take (`commonLabels` of a chart that makes no labelled object of its own). */
  omit?: string[];
  /** Grafana dashboards from the project's dashboards folder, emitted to the chart's dashboards/ folder. */
  dashboards?: string[];
  keywords?: string[];
  home?: string;
}

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'CronJob', 'Job'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export interface WorkloadDeclaration {
  /** Component name (`prometheus`); the chart's main workload has none. */
  name?: string;
  kind: WorkloadKind;
  /** The project partial that renders it; without one, the package's partial for its kind. */
  partial?: string;
  /**
   * Where its pod settings sit in the chart's values: a top-level key
   * (`prometheus`), or `.` for the chart's root (the main workload's, always).
   * That key gets the shared workload definition's values for its kind.
   * Workloads that name the same key share one set of values.
   */
  values?: string;
  /** Values of the shared definition this workload does not take (`replicaCount` of a single-instance component). */
  omit?: string[];
  /**
   * A values path (`restore.pod`) whose keys, when set, replace the same pod
   * settings of the shared values for this workload alone: workloads that
   * share one set of values can still differ where they must.
   */
  overrides?: string;
}

/**
 * What a chart may switch on, each with the values it needs and the package
 * partials it brings (see FEATURE_PARTIALS).
 */
export const FEATURES = ['serviceAccount', 'autoscaling', 'podDisruptionBudget', 'networkPolicy', 'tests', 'database', 'metrics', 'cloudSqlProxy'] as const;
export type Feature = (typeof FEATURES)[number];

/** Package partials a feature adds to a chart. */
export const FEATURE_PARTIALS: Record<Feature, string[]> = {
  serviceAccount: ['serviceaccount'],
  autoscaling: ['hpa'],
  podDisruptionBudget: ['pdb'],
  networkPolicy: ['networkpolicy'],
  tests: ['tests/test-connection'],
  database: ['secret'],
  metrics: [],
  cloudSqlProxy: [],
};

/** The package partial for each workload kind of a chart's main workload. */
export const KIND_PARTIALS: Record<WorkloadKind, string> = {
  Deployment: 'deployment',
  StatefulSet: 'statefulset',
  CronJob: 'cronjob',
  Job: 'job',
};

const SEMVER = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$';
const PARTIAL = { type: 'string', pattern: '^[a-z_][a-z0-9/_-]*$' } as const;

/** Checked by ajv as the meta-schema of the `x-chart` keyword. */
export const chartMetadataSchema = {
  type: 'object',
  required: ['name', 'version', 'appVersion', 'description'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    version: { type: 'string', pattern: SEMVER },
    appVersion: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1 },
    workloads: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind'],
        properties: {
          name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
          kind: { enum: [...WORKLOAD_KINDS] },
          partial: PARTIAL,
          values: { type: 'string', pattern: '^(\\.|[a-z][a-zA-Z0-9]*)$' },
          omit: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$' }, uniqueItems: true },
          overrides: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)*$' },
        },
      },
    },
    service: { type: 'boolean' },
    features: { type: 'array', items: { enum: [...FEATURES] }, uniqueItems: true },
    templates: { type: 'array', items: PARTIAL, uniqueItems: true },
    omit: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$' }, uniqueItems: true },
    dashboards: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }, uniqueItems: true },
    keywords: { type: 'array', items: { type: 'string' } },
    home: { type: 'string' },
  },
} as const;

/** A partial a chart is made of, and the place in `x-chart` that asks for it. */
export interface ChartPartial {
  name: string;
  pointer: string;
}

/** Every partial a chart is made of, in a fixed order: its main workload's, its Service, its features', then its own. */
export function chartPartials(metadata: ChartMetadata): ChartPartial[] {
  const workloads = metadata.workloads ?? [];
  const main = workloads.findIndex((workload) => workload.partial === undefined);
  const partials: ChartPartial[] = [
    ...(main === -1 ? [] : [{ name: KIND_PARTIALS[workloads[main]!.kind], pointer: `/x-chart/workloads/${main}/kind` }]),
    ...(metadata.service ? [{ name: 'service', pointer: '/x-chart/service' }] : []),
    ...(metadata.features ?? []).flatMap((feature, index) => FEATURE_PARTIALS[feature].map((name) => ({ name, pointer: `/x-chart/features/${index}` }))),
    ...workloads.flatMap((workload, index) => (workload.partial === undefined ? [] : [{ name: workload.partial, pointer: `/x-chart/workloads/${index}/partial` }])),
    ...(metadata.templates ?? []).map((name, index) => ({ name, pointer: `/x-chart/templates/${index}` })),
  ];
  const seen = new Set<string>();
  return partials.filter((partial) => !seen.has(partial.name) && seen.add(partial.name));
}
