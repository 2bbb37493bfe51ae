import Handlebars from 'handlebars';
import type { Problem } from '../errors.js';
import type { ChartModel } from '../pipeline/normalize.js';
import { PRECOMPILED } from './package-templates.js';
import { slotProblems } from './slots.js';

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

/** One template file: its output name (`deployment.yaml`, `monitoring/prometheus-config.yaml`), text and where it was read. */
export interface TemplateFile {
  outputName: string;
  source: string;
  /** For messages and banners, e.g. `templates/monitoring/prometheus-config.yaml.hbs`. */
  file: string;
}

export interface TemplateSources {
  /** Chart files by partial name (`deployment`, `monitoring/prometheus-config`, or `<chart>/deployment` for one chart's own). */
  files: ReadonlyMap<string, TemplateFile>;
  /** Snippets shared between files (`[[> name]]`). */
  snippets: ReadonlyMap<string, TemplateFile>;
  /** Files copied as they are into a chart's files/ folder, keyed `<chart>/files/<name>`. */
  staticFiles?: ReadonlyMap<string, TemplateFile>;
}

export interface CompiledTemplates {
  /** The chart's templates/ files by path, the partial each came from, and a problem for each partial that is missing or fails. */
  render(chart: ChartModel): { files: Map<string, string>; sources: Map<string, string>; problems: Problem[] };
}

/** Part of every chart: the helpers by concern, the NOTES and the user's extra objects (a chart may bring its own of each). */
export const ALWAYS = ['_names', '_labels', '_images', '_features', 'NOTES', 'extra-objects'];

/** The file a chart gets for a partial: its own (`<chart>/<name>`) first, else the shared one. */
export function partialFor(files: ReadonlyMap<string, unknown>, chart: string, name: string): string | undefined {
  if (files.has(`${chart}/${name}`)) return `${chart}/${name}`;
  return files.has(name) ? name : undefined;
}

/** A workload as the pod partial sees it (see TemplateContext.workloads). */
interface WorkloadLike {
  settings: readonly string[];
  features: readonly string[];
  values: string;
  overrides: string;
  overridable: readonly string[];
}

/**
 * The few helpers the partials need: a nested block's column
 * (`nindent [[plus at 4]]`), tests, a workload's settings
 * (`[[#if (has workload "lifecycle")]]`) and features
 * (`[[#if (uses workload "database")]]`), a setting's value with the
 * workload's own override over the shared one (`[[value workload "resources"]]`), and a partial's optional
 * parameter with its fallback (`[[param "tmpSize" "64Mi"]]`; Handlebars's
 * strict mode refuses a missing one).
 */
function registerHelpers(handlebars: typeof Handlebars): void {
  const args = (list: unknown[]): unknown[] => list.slice(0, -1);
  handlebars.registerHelper('plus', (a: unknown, b: unknown) => Number(a) + Number(b));
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('not', (a: unknown) => !a);
  handlebars.registerHelper('and', (...list: unknown[]) => args(list).every(Boolean));
  handlebars.registerHelper('or', (...list: unknown[]) => args(list).find(Boolean) ?? false);
  handlebars.registerHelper('concat', (...list: unknown[]) => args(list).map(String).join(''));
  handlebars.registerHelper('has', (workload: WorkloadLike, name: string) => workload.settings.includes(name));
  handlebars.registerHelper('uses', (workload: WorkloadLike, feature: string) => workload.features.includes(feature));
  // A workload's setting as a Helm expression: its own override when it has one and it is set, else the shared value.
  handlebars.registerHelper('value', (workload: WorkloadLike, name: string) =>
    workload.overridable.includes(name) ? `(coalesce ${workload.overrides}.${name} ${workload.values}.${name})` : `${workload.values}.${name}`);
  handlebars.registerHelper('param', function (this: Record<string, unknown>, ...list: unknown[]) {
    const [name, fallback] = args(list) as [string, unknown];
    return this[name] ?? fallback ?? '';
  });
}

/** The options every partial is compiled with, here and by the package build. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** Compiles every partial once; the result renders any number of charts. */
export function compileTemplates(sources: TemplateSources): CompiledTemplates {
  const problems: Problem[] = [];
  for (const { file, source } of [...sources.files.values(), ...sources.snippets.values()]) {
    if (RESERVED.test(source)) problems.push({ code: 'TEMPLATE_FAILED', file, pointer: '', message: 'contains a control character U+0001 to U+0003, which the generator uses internally; remove it' });
  }
  problems.push(...slotProblems(sources));
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  // Registered compiled: a partial registered as text is compiled again on every template call.
  // A file with no Handlebars expression left after the markers is its own output: no parse, no compile.
  // One the package build precompiled (the same text) is not compiled again either.
  const compile = (source: string): ((context: object) => string) => {
    const text = toHandlebars(source);
    if (!text.includes('{{')) return () => text;
    const precompiled = PRECOMPILED.get(text);
    return precompiled === undefined ? handlebars.compile(text, COMPILE_OPTIONS) : handlebars.template(precompiled);
  };
  for (const [name, { source }] of sources.snippets) handlebars.registerPartial(name, compile(source));
  const compiled = new Map([...sources.files].map(([name, file]) => [name, { ...file, template: compile(file.source) }]));
  return {
    render(chart) {
      const out = new Map<string, string>();
      const sources = new Map<string, string>();
      const found: Problem[] = [...problems];
      const values: TextValues = { chart: chart.name, banner: chart.banner };
      const context = { ...values, ...chart.context };
      for (const { name, pointer } of [...ALWAYS.map((always) => ({ name: always, pointer: '' })), ...chart.partials]) {
        const key = partialFor(compiled, chart.name, name);
        const entry = key === undefined ? undefined : compiled.get(key);
        if (entry === undefined) {
          found.push({ code: 'PARTIAL_MISSING', file: chart.source, pointer, message: `no template partial "${name}" in the package's templates or the project's overlays` });
          continue;
        }
        try {
          // Chart-specific partials live in a folder named after the chart; their output does not.
          const prefix = `${chart.name}/`;
          const output = entry.outputName.startsWith(prefix) ? entry.outputName.slice(prefix.length) : entry.outputName;
          out.set(`templates/${output}`, fromHandlebars(entry.template(context), values));
          sources.set(`templates/${output}`, entry.file);
        } catch (error) {
          found.push({ code: 'TEMPLATE_FAILED', file: entry.file, pointer: '', message: `rendering chart ${chart.name}: ${error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)}` });
        }
      }
      return { files: out, sources, problems: found };
    },
  };
}
