/**
 * What a chart schema says about its chart, under the `x-chart` keyword: the
 * Chart.yaml fields and which template partials the chart is made of.
 */
export interface ChartMetadata {
  name: string;
  version: string;
  appVersion: string;
  description: string;
  /** Template partials under generator/templates/, e.g. "deployment" or "tests/test-connection". */
  templates: string[];
  /** Grafana dashboards under generator/dashboards/, emitted to the chart's dashboards/ folder. */
  dashboards?: string[];
  keywords?: string[];
  home?: string;
}

const SEMVER = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$';

/** Checked by ajv as the meta-schema of the `x-chart` keyword. */
export const chartMetadataSchema = {
  type: 'object',
  required: ['name', 'version', 'appVersion', 'description', 'templates'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    version: { type: 'string', pattern: SEMVER },
    appVersion: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1 },
    templates: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9/-]*$' }, uniqueItems: true },
    dashboards: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }, uniqueItems: true },
    keywords: { type: 'array', items: { type: 'string' } },
    home: { type: 'string' },
  },
} as const;

/** Oldest Kubernetes the charts support; `-0` lets GKE's `1.33.5-gke.N` (a semver prerelease) match. */
export const KUBE_VERSION = '>=1.29.0-0';
