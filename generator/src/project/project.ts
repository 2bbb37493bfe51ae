import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, readConfigFile, resolveConfig, type ConfigSource, type ProjectConfig } from './config.js';
import type { Problem } from '../errors.js';
import type { JsonObject } from '../schema/json-pointer.js';
import { PACKAGE_TEMPLATES } from './package-files.js';

/** What a caller may set; every folder left out comes from the config file, then the defaults. */
export interface ProjectOptions {
  /** Project root; relative folders are resolved against it. Default: the current folder. */
  root?: string;
  /** Config file (default: balena-charts.config.json in the root, when there is one). */
  configFile?: string;
  /** Settings that win over the config file's (folders, product settings). */
  config?: Partial<ProjectConfig>;
  schemasDir?: string;
  /** The base templates; default: the package's own. */
  templatesDir?: string;
  /** Folders laid over the base templates, later ones winning (per partial, and per chart under `<chart>/`). */
  overlayDirs?: string[];
  dashboardsDir?: string;
  outDir?: string;
  typesDir?: string;
}

/** A project with every folder resolved: what the load stage reads and the write stage writes. */
export interface Project {
  root: string;
  config: ProjectConfig;
  /** The config as written (checked by the validate stage), and where it came from. */
  configSource: ConfigSource;
  schemasDir: string;
  /** Base templates first, then the overlays that exist. */
  templateDirs: string[];
  dashboardsDir: string;
  /** Output folders relative to the root, with `/` separators (they name the emitted files). */
  outDir: string;
  typesDir: string;
  problems: Problem[];
}

export function resolveProject(options: ProjectOptions = {}): Project {
  const root = path.resolve(options.root ?? process.cwd());
  const source = readConfigFile(root, options.configFile);
  const config = resolveConfig({ ...source.json, ...(options.config as JsonObject | undefined) });
  const inRoot = (dir: string) => path.resolve(root, dir);
  const relative = (dir: string) => path.relative(root, path.resolve(root, dir)).split(path.sep).join('/') || '.';
  // A default overlay folder that is not there is simply not used; one named on purpose must exist (load says so).
  const overlays = options.overlayDirs ?? (config.templates === DEFAULT_CONFIG.templates ? config.templates.filter((dir) => existsSync(inRoot(dir))) : config.templates);
  return {
    root,
    config,
    configSource: source,
    schemasDir: inRoot(options.schemasDir ?? config.schemas),
    templateDirs: [path.resolve(options.templatesDir ?? PACKAGE_TEMPLATES), ...overlays.map(inRoot)],
    dashboardsDir: inRoot(options.dashboardsDir ?? config.dashboards),
    outDir: relative(options.outDir ?? config.charts),
    typesDir: relative(options.typesDir ?? config.types),
    problems: source.problems,
  };
}
