import Handlebars from 'handlebars';
import { fail } from '../errors.js';
import type { ChartModel } from '../normalize.js';
import { banner } from './banner.js';

/**
 * Template partials are Helm templates first: Helm's `{{ ... }}` is written as
 * is, and the generator's own Handlebars expressions use `[[ ... ]]`. Before
 * compiling, every `{{` is escaped for Handlebars and every `[[`/`]]` becomes
 * `{{`/`}}`, so Helm's syntax passes through untouched.
 */
export function toHandlebars(source: string): string {
  return source.replace(/\{\{/g, '\\{{').replace(/\[\[/g, '{{').replace(/\]\]/g, '}}');
}

export interface TemplateSources {
  /** Files of a chart's templates/ folder, by partial name (e.g. `deployment` → deployment.yaml.hbs). */
  files: ReadonlyMap<string, { outputName: string; source: string }>;
  /** Snippets shared between files (`[[> name]]`). */
  snippets: ReadonlyMap<string, string>;
  /** Files copied as they are into a chart's files/ folder, keyed `<chart>/files/<name>`. */
  staticFiles?: ReadonlyMap<string, string>;
}

export interface CompiledTemplates {
  render(chart: ChartModel): Map<string, string>;
}

/** Always part of a chart, whatever its schema lists. */
const ALWAYS = ['_helpers', 'NOTES'];

/** Compiles every partial once; the result renders any number of charts. */
export function compileTemplates(sources: TemplateSources): CompiledTemplates {
  const handlebars = Handlebars.create();
  for (const [name, source] of sources.snippets) handlebars.registerPartial(name, toHandlebars(source));
  const compiled = new Map(
    [...sources.files].map(([name, file]) => [
      name,
      { outputName: file.outputName, template: handlebars.compile(toHandlebars(file.source), { noEscape: true, strict: true }) },
    ]),
  );
  return {
    render(chart) {
      const out = new Map<string, string>();
      const context = { chart: chart.name, has: chart.has, metadata: chart.metadata, banner: banner(chart.source) };
      // A chart may bring its own _helpers or NOTES (e.g. monitoring/NOTES); else the shared one.
      const always = ALWAYS.map((name) => (compiled.has(`${chart.name}/${name}`) ? `${chart.name}/${name}` : name));
      for (const name of [...always, ...chart.metadata.templates]) {
        const entry = compiled.get(name);
        if (entry === undefined) {
          fail('PARTIAL_MISSING', chart.source, '/x-chart/templates', `no template partial "${name}" in generator/templates`);
        }
        try {
          // Chart-specific partials live in a folder named after the chart; their output does not.
          const prefix = `${chart.name}/`;
          const output = entry.outputName.startsWith(prefix) ? entry.outputName.slice(prefix.length) : entry.outputName;
          out.set(`templates/${output}`, entry.template(context));
        } catch (error) {
          fail('TEMPLATE_FAILED', `generator/templates/${entry.outputName}.hbs`, '', error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
        }
      }
      return out;
    },
  };
}
