import type { GenerationModel } from './normalize.js';
import { byCodePoint } from './order.js';
import { renderChartYaml } from './render/chart-yaml.js';
import { banner } from './render/banner.js';
import { renderDashboard } from './render/dashboard.js';
import { renderReadme } from './render/readme.js';
import { compileTemplates, type TemplateSources } from './render/templates.js';
import { renderTypes, renderTypesIndex } from './render/types.js';
import { renderValuesSchema } from './render/values-schema.js';
import { renderValuesYaml } from './render/values-yaml.js';

/** Generated files by path relative to the project root, plus the folders they wholly own. */
export interface EmittedFiles {
  files: Map<string, string>;
  /** Folders whose every file is generated: a file there that was not emitted is stale. */
  ownedDirs: string[];
}

export const TYPES_DIR = 'generator/src/generated';

/** A copied script keeps its shebang first; the banner follows as a comment. */
function withBanner(text: string, source: string): string {
  const line = `# ${banner(source)}\n`;
  if (!text.startsWith('#!')) return line + text;
  const end = text.indexOf('\n') + 1;
  return text.slice(0, end) + line + text.slice(end);
}

/** Stage 4: every output file as text, in memory. Nothing here touches the disk. */
export async function emit(model: GenerationModel, templates: TemplateSources): Promise<EmittedFiles> {
  const compiled = compileTemplates(templates);
  const files = new Map<string, string>();
  for (const chart of model.charts) {
    const dir = `charts/${chart.name}`;
    files.set(`${dir}/Chart.yaml`, renderChartYaml(chart));
    files.set(`${dir}/values.yaml`, renderValuesYaml(chart));
    files.set(`${dir}/values.schema.json`, renderValuesSchema(chart));
    files.set(`${dir}/README.md`, renderReadme(chart));
    for (const [name, text] of compiled.render(chart)) files.set(`${dir}/${name}`, text);
    for (const [key, text] of templates.staticFiles ?? []) {
      if (key.startsWith(`${chart.name}/files/`)) {
        files.set(`${dir}/${key.slice(chart.name.length + 1)}`, withBanner(text, `generator/templates/${key}`));
      }
    }
    for (const { name, spec } of chart.dashboards) {
      files.set(`${dir}/dashboards/${name}.json`, renderDashboard(name, spec, `generator/dashboards/${name}.json`));
    }
    files.set(`${TYPES_DIR}/${chart.name}-values.ts`, await renderTypes(chart));
  }
  // Subcharts are copied in as directories so a fresh clone can `helm install ./charts/<umbrella>` at once.
  for (const chart of model.charts) {
    for (const { name } of chart.dependencies) {
      for (const [file, text] of [...files]) {
        if (file.startsWith(`charts/${name}/`)) files.set(`charts/${chart.name}/charts/${name}/${file.slice(`charts/${name}/`.length)}`, text);
      }
    }
  }
  const names = model.charts.map((chart) => chart.name);
  files.set(`${TYPES_DIR}/index.ts`, renderTypesIndex(names, 'schemas/*.schema.json'));
  return { files: new Map([...files].sort(([a], [b]) => byCodePoint(a, b))), ownedDirs: [...names.map((name) => `charts/${name}`), TYPES_DIR] };
}
