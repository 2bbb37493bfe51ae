import path from 'node:path';
import type { EmittedFiles } from './pipeline/emit.js';
import { GeneratorError, type Problem } from './errors.js';
import { hashInputs, matchesManifest, MANIFEST_NAME, renderManifest, sha256, type ManifestInputs } from './pipeline/manifest.js';
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
  /** Run the whole pipeline even when the manifest says nothing changed. */
  full?: boolean;
  /** Called once per stage with its duration, for --verbose. */
  onStage?: (stage: string, milliseconds: number) => void;
}

export interface GenerateResult {
  files: string[];
  drift: Drift[];
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
    const start = performance.now();
    const result = await run();
    options.onStage?.(stage, performance.now() - start);
    return result;
  };
  const project = resolveProject(options);
  const inputs = manifestInputs(project);
  const manifestPath = `${project.outDir}/${MANIFEST_NAME}`;
  if (options.check && !options.full && (await timed('manifest', () => matchesManifest(inputs, manifestPath)))) {
    return { files: [], drift: [] };
  }
  const emitted = await build(project, timed);
  const files = Object.fromEntries([...emitted.files].map(([file, text]) => [file, sha256(text)]));
  emitted.files.set(manifestPath, renderManifest({ inputs: await timed('hash inputs', () => hashInputs(inputs)), ownedDirs: emitted.ownedDirs, files }));
  const { findDrift, write } = await import('./pipeline/write.js');
  const drift = await timed(options.check ? 'check' : 'write', () =>
    options.check ? findDrift(project.root, emitted) : write(project.root, emitted),
  );
  return { files: [...emitted.files.keys()], drift };
}

type Timer = <T>(stage: string, run: () => Promise<T> | T) => Promise<T>;

async function build(project: Project, timed: Timer): Promise<EmittedFiles> {
  const { load, loadTemplates, loadDashboards, createAjv, validate, validateConfig, normalize, emit, contractProblems } = await timed('import', () => import('./pipeline/stages.js'));
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
  if (project.configSource.file !== undefined) problems.push(...validateConfig(project.configSource.json, project.configSource.file, ajv));
  const { validated, problems: invalid } = await timed('validate', () => validate(schemas.loaded, dashboards.dashboards, ajv));
  problems.push(...invalid);
  const model = await timed('normalize', () => normalize(validated, project.config, label(project.schemasDir)));
  const emitted = await timed('emit', () =>
    emit(model, templates.sources, { outDir: project.outDir, typesDir: project.typesDir, dashboardsLabel: label(project.dashboardsDir), schemasLabel: label(project.schemasDir) }, project.config),
  );
  problems.push(...emitted.problems);
  problems.push(...(await timed('contract', () => contractProblems(model, emitted.templates))));
  if (problems.length > 0) throw new GeneratorError(problems);
  return emitted;
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
    versions: () => {
      const own = packageJson();
      const dependencies = dependencyVersions();
      return { versions: [`${own.name}@${own.version}`, ...dependencies.versions], files: [path.join(PACKAGE_ROOT, 'package.json'), ...dependencies.files] };
    },
  };
}
