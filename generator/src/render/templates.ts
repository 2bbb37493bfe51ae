import Handlebars from 'handlebars';
import { fail } from '../errors.js';
import type { ChartModel } from '../normalize.js';
import { banner } from './banner.js';

/**
 * Template partials are Helm templates first: Helm's `{{ ... }}` is written as
 * is, and the generator's own Handlebars expressions use `[[ ... ]]`. Before
 * compiling, every `{{` becomes a control character (U+0001) Handlebars reads
 * as plain text (escaping each of the thousand-odd Helm actions instead made
 * Handlebars parse and compile every one) and every `[[`/`]]` becomes
 * `{{`/`}}`; fromHandlebars puts Helm's `{{` back in the output.
 */
const HELM_OPEN = '\u0001';

export function toHandlebars(source: string): string {
  return source.replace(/\{\{/g, HELM_OPEN).replace(/\[\[/g, '{{').replace(/\]\]/g, '}}');
}

export function fromHandlebars(output: string): string {
  return output.replaceAll(HELM_OPEN, '{{');
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
  const texts = [
    ...[...sources.files.values()].map(({ outputName, source }) => [`${outputName}.hbs`, source] as const),
    ...[...sources.snippets].map(([name, source]) => [`partials/${name}.hbs`, source] as const),
  ];
  for (const [file, source] of texts) {
    if (source.includes(HELM_OPEN)) fail('TEMPLATE_FAILED', `generator/templates/${file}`, '', 'contains the control character U+0001, which the generator uses internally; remove it');
  }
  const handlebars = Handlebars.create();
  const options = { noEscape: true, strict: true };
  // Registered compiled: a partial registered as text is compiled again on every template call.
  for (const [name, source] of sources.snippets) handlebars.registerPartial(name, handlebars.compile(toHandlebars(source), options));
  const compiled = new Map(
    [...sources.files].map(([name, file]) => [
      name,
      { outputName: file.outputName, template: handlebars.compile(toHandlebars(file.source), options) },
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
          out.set(`templates/${output}`, fromHandlebars(entry.template(context)));
        } catch (error) {
          fail('TEMPLATE_FAILED', `generator/templates/${entry.outputName}.hbs`, '', error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
        }
      }
      return out;
    },
  };
}
