import Handlebars from 'handlebars';
import { fail } from '../errors.js';
import type { ChartModel } from '../normalize.js';
import { banner } from './banner.js';

/**
 * Template partials are Helm templates first: Helm's `{{ ... }}` is written as
 * is, and the generator's own Handlebars expressions use `[[ ... ]]`. Before
 * compiling, every `{{` becomes a control character Handlebars reads as plain
 * text, and every `[[`/`]]` becomes `{{`/`}}`. The two plain values every
 * template uses, `[[chart]]` and `[[banner]]` (nine in ten of the generator's
 * expressions), become markers too. So Handlebars parses and compiles only
 * the blocks and partials, not the thousand-odd Helm actions and hundreds of
 * names around them; fromHandlebars fills in the names and puts Helm's `{{`
 * back in the output.
 */
const HELM_OPEN = '\u0001';
const TEXT_VALUE = /\[\[(chart|banner)\]\]/g;
const TEXT_MARK = /\u0002(chart|banner)\u0003/g;
/** Characters the generator uses as markers; a template may not contain them. */
const RESERVED = /[\u0001-\u0003]/;

/** The plain text values the markers stand for. */
export interface TextValues {
  chart: string;
  banner: string;
}

export function toHandlebars(source: string): string {
  return source
    .replace(/\{\{/g, HELM_OPEN)
    .replace(TEXT_VALUE, (_, name: string) => `\u0002${name}\u0003`)
    .replace(/\[\[/g, '{{')
    .replace(/\]\]/g, '}}');
}

export function fromHandlebars(output: string, values: TextValues): string {
  return output.replace(TEXT_MARK, (_, name: keyof TextValues) => values[name]).replaceAll(HELM_OPEN, '{{');
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
    if (RESERVED.test(source)) fail('TEMPLATE_FAILED', `generator/templates/${file}`, '', 'contains a control character U+0001 to U+0003, which the generator uses internally; remove it');
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
      const values: TextValues = { chart: chart.name, banner: banner(chart.source) };
      const context = { ...values, has: chart.has, metadata: chart.metadata };
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
          out.set(`templates/${output}`, fromHandlebars(entry.template(context), values));
        } catch (error) {
          fail('TEMPLATE_FAILED', `generator/templates/${entry.outputName}.hbs`, '', error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
        }
      }
      return out;
    },
  };
}
