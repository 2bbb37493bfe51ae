import { createHash } from 'node:crypto';
import type { ProjectConfig } from '../project/config.js';
import type { Problem } from '../errors.js';
import type { GenerationModel } from './normalize.js';
import { byCodePoint } from '../schema/order.js';
import { banner, regenerate } from '../render/banner.js';
import { renderChartYaml } from '../render/chart-yaml.js';
import { renderDashboard } from '../render/dashboard.js';
import { renderReadme } from '../render/readme.js';
import { compileTemplates, type TemplateSources } from '../render/templates.js';
import { renderRuleChecks } from '../schema/rules.js';
import { KUBERNETES_TYPES_FILE, renderKubernetesTypes, renderTypes, renderTypesIndex, renderWorkloadTypes } from '../render/types.js';
import { NO_SHARED_TYPES, sharedTypesFile, WORKLOAD_TYPES_FILE } from '../render/workload-types.js';
import { WORKLOAD_VALUES } from '../schema/compose.js';
import { renderValuesSchema } from '../render/values-schema.js';
import { renderValuesYaml, type RenderedGroups } from '../render/values-yaml.js';

/** Generated files by path relative to the project root, plus the folders they wholly own. */
export interface EmittedFiles {
  files: Map<string, string>;
  /** Folders whose every file is generated: a file there that was not emitted is stale. */
  ownedDirs: string[];
  /** The shared Kubernetes types file and a hash of what it was made from, for the next generate. */
  kubernetesTypes?: { file: string; key: string };
  /** Files taken as they are on disk (a kept chart's): no need to compare them. */
  asOnDisk: ReadonlySet<string>;
  /** Each chart's rendered templates/ files, named by the partial each came from, for the contract check. */
  templates: Map<string, Map<string, string>>;
  problems: Problem[];
}

/** Where the emitted files go, relative to the project root. */
export interface EmitTargets {
  outDir: string;
  typesDir: string;
  /** The input folders as the banners name them. */
  dashboardsLabel: string;
  schemasLabel: string;
}

/** A copied script keeps its shebang first; the banner follows as a comment. */
function withBanner(text: string, source: string, remedy: string): string {
  const line = `# ${banner(source, remedy)}\n`;
  if (!text.startsWith('#!')) return line + text;
  const end = text.indexOf('\n') + 1;
  return text.slice(0, end) + line + text.slice(end);
}

/**
 * Stage 4: every output file as text, in memory. Nothing here touches the
 * disk. A chart in `kept` (see reuse.ts) gets those files as they are; the
 * types index and the Kubernetes types, which every chart feeds, are always
 * made, and the shared workload values' types unless kept.
 */
export async function emit(
  model: GenerationModel,
  templates: TemplateSources,
  targets: EmitTargets,
  config: ProjectConfig,
  kept: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(),
  keptKubernetesTypes?: { key: string; text: string },
  keptWorkloadTypes?: string,
): Promise<EmittedFiles> {
  // What every generated file's first line tells its reader to do instead of editing it.
  const remedy = regenerate(config.generateCommand);
  const compiled = compileTemplates(templates);
  const files = new Map<string, string>();
  const rendered = new Map<string, Map<string, string>>();
  const problems: Problem[] = [];
  const chartDir = (name: string) => `${targets.outDir}/${name}`;
  // The shared workload definition's values typed once, in their own file, for every chart's types to refer to.
  const sharedFile = model.workload === undefined ? undefined : sharedTypesFile(model.workload.document, WORKLOAD_VALUES.pointer);
  if (model.workload !== undefined && sharedFile !== undefined) {
    files.set(`${targets.typesDir}/${WORKLOAD_TYPES_FILE}.ts`, keptWorkloadTypes ?? (await renderWorkloadTypes(sharedFile.schema, model.workload.source, remedy)));
  }
  const shared = sharedFile?.types ?? NO_SHARED_TYPES;
  const valuesGroups: RenderedGroups = new Map();
  for (const chart of model.charts) {
    const keep = kept.get(chart.name);
    if (keep !== undefined) {
      for (const [file, text] of keep) files.set(file, text);
      continue;
    }
    const dir = chartDir(chart.name);
    files.set(`${dir}/Chart.yaml`, renderChartYaml(chart, config));
    files.set(`${dir}/values.yaml`, renderValuesYaml(chart, valuesGroups));
    files.set(`${dir}/values.schema.json`, renderValuesSchema(chart));
    files.set(`${dir}/README.md`, renderReadme(chart));
    const result = compiled.render(chart);
    if (chart.rules.length > 0) {
      const rules = `{{- /* ${chart.banner} */}}\n{{- /* The schema's cross-field rules (x-rules), which Helm's schema check cannot state. */}}\n${renderRuleChecks(chart.rules)}\n`;
      result.files.set('templates/rules.yaml', rules);
      result.sources.set('templates/rules.yaml', `${chart.source} (x-rules)`);
    }
    problems.push(...result.problems);
    rendered.set(chart.name, new Map([...result.files].map(([file, text]) => [result.sources.get(file) ?? file, text])));
    for (const [name, text] of result.files) files.set(`${dir}/${name}`, text);
    for (const [key, file] of templates.staticFiles ?? []) {
      if (key.startsWith(`${chart.name}/files/`)) files.set(`${dir}/${key.slice(chart.name.length + 1)}`, withBanner(file.source, file.file, remedy));
    }
    for (const { name, spec } of chart.dashboards) {
      files.set(`${dir}/dashboards/${name}.json`, renderDashboard(name, spec, `${targets.dashboardsLabel}/${name}.json`, config));
      // The same dashboard for series labelled as GMP stores them (a chart's gmp backend loads these).
      files.set(`${dir}/dashboards/gmp/${name}.json`, renderDashboard(name, spec, `${targets.dashboardsLabel}/${name}.json`, config, 'gmp'));
    }
    files.set(`${targets.typesDir}/${chart.name}-values.ts`, await renderTypes(chart, shared));
  }
  // Subcharts are copied in as directories so a fresh clone can `helm install ./charts/<umbrella>` at once.
  for (const chart of model.charts.filter(({ name }) => !kept.has(name))) {
    for (const { name } of chart.dependencies) {
      const from = `${chartDir(name)}/`;
      for (const [file, text] of [...files]) {
        // Not the subchart's values.schema.json: the parent's schema holds the
        // whole of it, for disabled subcharts too, and Helm would only check
        // the same values a second time (a third of an umbrella render).
        if (!file.startsWith(from) || file === `${from}values.schema.json`) continue;
        // Nor its values.yaml's pointer to that schema, which an editor would fail to load.
        const copy = file === `${from}values.yaml` ? text.replace(/^# yaml-language-server: \$schema=values\.schema\.json\n/, '') : text;
        files.set(`${chartDir(chart.name)}/charts/${name}/${file.slice(from.length)}`, copy);
      }
    }
  }
  const names = model.charts.map((chart) => chart.name);
  files.set(`${targets.typesDir}/index.ts`, renderTypesIndex(names, `${targets.schemasLabel}/*.schema.json`, remedy));
  const kubernetesSource = model.kubernetesSource;
  const definitions = model.kubernetesDefinitions;
  // The file depends on nothing else, and json-schema-to-typescript takes about 50 ms for it: the last one stands while these are the same.
  const kubernetesTypesKey = createHash('sha256').update(JSON.stringify([kubernetesSource, remedy, [...definitions].sort(([a], [b]) => byCodePoint(a, b))])).digest('hex');
  const kubernetesTypes = keptKubernetesTypes?.key === kubernetesTypesKey ? keptKubernetesTypes.text : await renderKubernetesTypes(definitions, kubernetesSource, remedy);
  const kubernetesTypesFile = `${targets.typesDir}/${KUBERNETES_TYPES_FILE}.ts`;
  if (kubernetesTypes !== undefined) files.set(kubernetesTypesFile, kubernetesTypes);
  return {
    files: new Map([...files].sort(([a], [b]) => byCodePoint(a, b))),
    ownedDirs: [...names.map(chartDir), targets.typesDir],
    ...(kubernetesTypes === undefined ? {} : { kubernetesTypes: { file: kubernetesTypesFile, key: kubernetesTypesKey } }),
    asOnDisk: new Set([...kept.values()].flatMap((files) => [...files.keys()])),
    templates: rendered,
    problems,
  };
}
