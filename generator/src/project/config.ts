import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { isObject, type Json, type JsonObject } from '../schema/json-pointer.js';

/** The project file that says where a project keeps its inputs and what its charts say about the product. */
export const CONFIG_FILE = 'balena-charts.config.json';

/**
 * A project's settings, as written in balena-charts.config.json. Folders are
 * relative to the project root. Everything product-specific that the package's
 * templates and emitters print comes from here, never from the generator's code.
 */
export interface ProjectConfig {
  /** Chart schemas (`<chart>.schema.json`) and shared definitions under `defs/`. */
  schemas: string;
  /** Overlay folders laid over the package's templates, later ones winning. */
  templates: string[];
  /** Grafana dashboard specs a chart may list in `x-chart.dashboards`. */
  dashboards: string;
  /** Where the charts are written. */
  charts: string;
  /** Where the TypeScript values types (and a typed defineValues) are written. */
  types: string;
  /** Chart.yaml fields shared by every chart. */
  chart: {
    home?: string;
    license: string;
    /** Artifact Hub category. */
    category: string;
    maintainers: { name: string; email?: string; url?: string }[];
  };
  /** Kubernetes minors the charts support; Chart.yaml's kubeVersion and the test matrix follow it. */
  kubernetes: { oldest: string; newest: string };
  /** Label names and values the templates print. */
  labels: {
    /** app.kubernetes.io/part-of on every object. */
    partOf: string;
    /** Pod label that the monitoring chart's NetworkPolicy admits to Prometheus. */
    prometheusClient: string;
    /** Pod label on every pod whose metrics are on: what a PodMonitor or PodMonitoring selects. */
    metricsTarget: string;
  };
  /** How generated Grafana dashboards are named and filed. */
  grafana: { uidPrefix: string; folder: string; tags: string[] };
  /** The umbrella chart's name as published (the chart folder keeps the schema's name). */
  umbrella?: { chart: string; publishedName: string };
  /** The command the project runs to generate, as every generated file's first line tells its reader to. */
  generateCommand: string;
}

const MINOR = '^[1-9][0-9]*\\.[0-9]+$';
const FOLDER = { type: 'string', minLength: 1 } as const;

/** The config file's own schema; a mistake in it is reported like any other problem. */
export const projectConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    $comment: { type: 'string' },
    schemas: FOLDER,
    templates: { type: 'array', items: FOLDER },
    dashboards: FOLDER,
    charts: FOLDER,
    types: FOLDER,
    chart: {
      type: 'object',
      additionalProperties: false,
      properties: {
        home: { type: 'string' },
        license: { type: 'string', minLength: 1 },
        category: { type: 'string', minLength: 1 },
        maintainers: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: { name: { type: 'string', minLength: 1 }, email: { type: 'string' }, url: { type: 'string' } },
          },
        },
      },
    },
    kubernetes: {
      type: 'object',
      additionalProperties: false,
      properties: { oldest: { type: 'string', pattern: MINOR }, newest: { type: 'string', pattern: MINOR } },
    },
    labels: {
      type: 'object',
      additionalProperties: false,
      properties: {
        partOf: { type: 'string', minLength: 1 },
        prometheusClient: { type: 'string', minLength: 1 },
        metricsTarget: { type: 'string', minLength: 1 },
      },
    },
    grafana: {
      type: 'object',
      additionalProperties: false,
      properties: {
        uidPrefix: { type: 'string' },
        folder: { type: 'string', minLength: 1 },
        tags: { type: 'array', items: { type: 'string' } },
      },
    },
    umbrella: {
      type: 'object',
      additionalProperties: false,
      required: ['chart', 'publishedName'],
      properties: { chart: { type: 'string', minLength: 1 }, publishedName: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' } },
    },
    generateCommand: { type: 'string', minLength: 1 },
  },
} as const;

/** What a project gets for every setting it leaves out. */
export const DEFAULT_CONFIG: ProjectConfig = {
  schemas: 'schemas',
  templates: ['templates'],
  dashboards: 'dashboards',
  charts: 'charts',
  types: 'types',
  chart: { license: 'Apache-2.0', category: 'integration-delivery', maintainers: [] },
  kubernetes: { oldest: '1.29', newest: '1.37' },
  labels: { partOf: 'balena-charts', prometheusClient: 'balena-charts.io/prometheus-client', metricsTarget: 'balena-charts.io/metrics' },
  grafana: { uidPrefix: '', folder: 'General', tags: [] },
  generateCommand: 'npx balena-charts generate',
};

/** A config file's settings over the defaults, one level deep (each group is merged key by key). */
export function resolveConfig(written: JsonObject): ProjectConfig {
  const merged: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(written)) {
    if (key.startsWith('$')) continue;
    const base = merged[key];
    merged[key] = isObject(value) && isObject(base as Json) ? { ...(base as JsonObject), ...value } : value;
  }
  return merged as unknown as ProjectConfig;
}

/** `>=1.29.0-0`: the `-0` lets GKE's `1.33.5-gke.N` (a semver prerelease) match. */
export function kubeVersionRange(config: ProjectConfig): string {
  return `>=${config.kubernetes.oldest}.0-0`;
}

/**
 * Reads the project's config file (`file`, or balena-charts.config.json in
 * `root` when there is one); a project without one gets the defaults. The
 * shape is checked in the validate stage, with every other problem.
 */
export interface ConfigSource {
  /** Absolute path, undefined when the project has no config file. */
  path: string | undefined;
  /** As messages name it. */
  file: string | undefined;
  json: JsonObject;
  problems: Problem[];
}

export function readConfigFile(root: string, file?: string): ConfigSource {
  const target = file === undefined ? path.join(root, CONFIG_FILE) : path.resolve(root, file);
  const shown = path.relative(process.cwd(), target) || target;
  if (file === undefined && !existsSync(target)) return { path: undefined, file: undefined, json: {}, problems: [] };
  const failed = (message: string): ConfigSource => ({ path: target, file: shown, json: {}, problems: [{ code: 'CONFIG_INVALID', file: shown, pointer: '', message }] });
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (error) {
    return failed(`cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const json = JSON.parse(text) as Json;
    if (!isObject(json)) return failed('must be a JSON object');
    return { path: target, file: shown, json, problems: [] };
  } catch (error) {
    return failed(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
