import path from 'node:path';
import type { EmittedFiles } from './pipeline/emit.js';
import { GeneratorError, type Problem } from './errors.js';
import { hashInputs, matchesManifest, MANIFEST_NAME, readIfThere, readManifest, renderManifest, sha256, type ManifestInputs } from './pipeline/manifest.js';
import { planReuse, type Reuse } from './pipeline/reuse.js';
import { BUILT_FROM_SOURCES } from './project/build-stamp.js';
import { dependencyVersions, PACKAGE_DEFS, PACKAGE_ROOT, PACKAGE_SOURCES, PACKAGE_TEMPLATES, packageJson } from './project/package-files.js';
import { resolveProject, type Project, type ProjectOptions } from './project/project.js';
import type { Drift } from './pipeline/write.js';

export { GeneratorError, formatProblem, formatProblems, type Problem, type ErrorCode } from './errors.js';
export type { Drift } from './pipeline/write.js';
export { CONFIG_FILE, type ProjectConfig } from './project/config.js';
export type { ProjectOptions } from './project/project.js';
export type { ValuesResult } from './commands/values.js';

/** See values-command.ts; loaded on first use (it brings in a TypeScript loader). */
export async function valuesFromTypeScript(file: string, root: string, chartsDir = 'charts'): Promise<import('./commands/values.js').ValuesResult> {
  return (await import('./commands/values.js')).valuesFromTypeScript(file, root, chartsDir);
}

export interface GenerateOptions extends ProjectOptions {
  /** Compare instead of writing. */
  check?: boolean;
  /** Regenerate every chart: without it, a chart whose schema and shared inputs are unchanged since the last generate is kept as written. */
  full?: boolean;
  /** Called once per stage with its duration, for --verbose. */
  onStage?: (stage: string, milliseconds: number) => void;
  /**
   * Tunes V8's heap for a process that runs one generate and exits, as the
   * CLI does: a lower peak of memory (see load-stages.ts). The settings hold
   * for the rest of the process, so a longer-lived program leaves this unset.
   */
  tuneHeap?: boolean;
}

export interface GenerateResult {
  files: string[];
  drift: Drift[];
  /** Charts kept as the last generate wrote them (nothing they are made of changed). */
  kept: string[];
  /** The command the project generates with (its config's generateCommand), for messages that tell to run it. */
  generateCommand: string;
}

/**
 * The whole pipeline: load → validate → normalize → emit → write (or check).
 * A check first compares the tree with the manifest of the last generate and
 * stops there when nothing changed; the stages (and the libraries they need:
 * ajv, handlebars, json-schema-to-typescript) are loaded only when they run.
 * Every stage's problems are collected and thrown together, before anything
 * is written.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const timed = async <T>(stage: string, run: () => Promise<T> | T): Promise<T> => {
    // hrtime, not performance.now(): the performance global loads perf_hooks, and a quick check has no use for it.
    const start = process.hrtime.bigint();
    const result = await run();
    options.onStage?.(stage, Number(process.hrtime.bigint() - start) / 1e6);
    return result;
  };
  const project = resolveProject(options);
  const inputs = manifestInputs(project);
  const manifestPath = `${project.outDir}/${MANIFEST_NAME}`;
  if (options.check && !options.full && (await timed('manifest', () => matchesManifest(inputs, manifestPath)))) {
    return { files: [], drift: [], kept: [], generateCommand: project.config.generateCommand };
  }
  const hashes = await timed('hash inputs', () => hashInputs(inputs, project.schemasDir));
  if (BUILT_FROM_SOURCES !== undefined && hashes.sources !== BUILT_FROM_SOURCES) throw new GeneratorError([staleBuild(project.root)]);
  const reuse = options.full ? undefined : planReuse(readManifest(project.root, manifestPath), hashes, project, (file) => readIfThere(path.join(project.root, file)), sha256);
  const { emitted, dependencies, verdicts } = await build(project, timed, reuse, options.tuneHeap === true);
  const files = Object.fromEntries([...emitted.files].map(([file, text]) => [file, sha256(text)]));
  const charts = Object.fromEntries(Object.entries(hashes.charts).map(([name, schema]) => [name, { schema, dependencies: dependencies.get(name) ?? [] }]));
  emitted.files.set(manifestPath, renderManifest({ inputs: hashes.all, shared: hashes.shared, charts, verdicts, kubernetesTypes: emitted.kubernetesTypes, ownedDirs: emitted.ownedDirs, files }));
  const { findDrift, write } = await import('./pipeline/write.js');
  const drift = await timed(options.check ? 'check' : 'write', () =>
    options.check ? findDrift(project.root, emitted) : write(project.root, emitted),
  );
  return { files: [...emitted.files.keys()], drift, kept: [...(reuse?.kept.keys() ?? [])], generateCommand: project.config.generateCommand };
}


type Timer = <T>(stage: string, run: () => Promise<T> | T) => Promise<T>;

async function build(project: Project, timed: Timer, reuse: Reuse | undefined, tuneHeap: boolean): Promise<{ emitted: EmittedFiles; dependencies: Map<string, string[]>; verdicts: string[] }> {
  const { load, loadTemplates, loadDashboards, createAjv, validate, validateConfig, normalize, emit, contractProblems } = await timed('import', async () => (await import('./pipeline/load-stages.js')).loadStages(tuneHeap));
  const problems: Problem[] = [...project.problems];
  const label = (dir: string) => path.relative(project.root, dir).split(path.sep).join('/') || '.';
  const schemas = await timed('load', () => load(project.schemasDir, { dir: PACKAGE_DEFS, label: 'balena-charts/schemas/defs' }));
  const templates = await timed('load templates', () =>
    loadTemplates(project.templateDirs.map((dir) => ({ dir, label: dir === PACKAGE_TEMPLATES ? 'balena-charts/templates' : label(dir) }))),
  );
  const dashboards = await timed('load dashboards', () => loadDashboards(project.dashboardsDir, label(project.dashboardsDir)));
  problems.push(...schemas.problems, ...templates.problems, ...dashboards.problems);
  // One ajv for the config and the schemas: each new one compiles the meta-schemas again.
  const ajv = createAjv();
  // Under reuse the config is as the last generate found it valid.
  if (project.configSource.file !== undefined && reuse === undefined) problems.push(...validateConfig(project.configSource.json, project.configSource.file, ajv));
  const { validated, problems: invalid, verdicts } = await timed('validate', () => validate(schemas.loaded, dashboards.dashboards, ajv, reuse));
  problems.push(...invalid);
  const model = await timed('normalize', () => normalize(validated, project.config, label(project.schemasDir)));
  const emitted = await timed('emit', () =>
    emit(model, templates.sources, { outDir: project.outDir, typesDir: project.typesDir, dashboardsLabel: label(project.dashboardsDir), schemasLabel: label(project.schemasDir) }, project.config, reuse?.kept, reuse?.kubernetesTypes, reuse?.workloadTypes),
  );
  problems.push(...emitted.problems);
  problems.push(...(await timed('contract', () => contractProblems(model, emitted.templates))));
  if (problems.length > 0) throw new GeneratorError(problems);
  return { emitted, dependencies: new Map(model.charts.map((chart) => [chart.name, chart.dependencies.map(({ name }) => name)])), verdicts };
}

/**
 * The built CLI beside sources other than those it was built from (a
 * checkout edited since its last build): its charts would be recorded as
 * made by the sources, so it writes and checks nothing. An installed
 * package's sources change only by hand, and installing it again is the
 * way back, not building it where it is installed.
 */
function staleBuild(root: string): Problem {
  const relative = path.relative(root, PACKAGE_SOURCES);
  const file = relative.startsWith('..') || path.isAbsolute(relative) ? PACKAGE_SOURCES : relative.split(path.sep).join('/');
  const installed = PACKAGE_SOURCES.split(path.sep).includes('node_modules');
  const remedy = installed ? 'install the package again (npm ci)' : 'run npm run build';
  return { code: 'BUILD_STALE', file, pointer: '', message: `the built generator (dist/) was compiled from other sources than these; ${remedy}` };
}

/** The project's inputs and the generator's own files and versions: what the manifest hashes. */
function manifestInputs(project: Project): ManifestInputs {
  return {
    root: project.root,
    paths: [
      ...(project.configSource.path === undefined ? [] : [project.configSource.path]),
      project.schemasDir,
      ...project.templateDirs,
      project.dashboardsDir,
      PACKAGE_DEFS,
      // The generator's own code: its TypeScript sources, which the package ships beside
      // dist/, so a run from the sources and one from the built CLI hash the same files.
      PACKAGE_SOURCES,
    ],
    sources: PACKAGE_SOURCES,
    versions: () => {
      const own = packageJson();
      const dependencies = dependencyVersions();
      return { versions: [`${own.name}@${own.version}`, ...dependencies.versions], files: [path.join(PACKAGE_ROOT, 'package.json'), ...dependencies.files] };
    },
  };
}
