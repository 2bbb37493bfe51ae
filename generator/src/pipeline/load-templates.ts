import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors.js';
import type { TemplateFile, TemplateSources } from '../render/templates.js';

/** How a template folder is named in messages and banners: relative to the project, or as the package's own. */
export interface TemplateDir {
  dir: string;
  /** e.g. `templates` (a project's overlay) or `balena-charts/templates` (the package's). */
  label: string;
}

/**
 * Reads the template folders, base first, each later one laid over the ones
 * before: `<name>.<ext>.hbs` become chart files (`deployment.yaml.hbs` →
 * templates/deployment.yaml), `<chart>/<name>.<ext>.hbs` are that chart's own
 * (or replace a shared partial for that chart only), `partials/*.hbs` are
 * snippets the files include, `<chart>/files/*` (not .hbs) are copied into
 * that chart's files/ folder for `.Files.Get`. A partial in a later folder
 * replaces the one of the same name before it.
 */
export function loadTemplates(dirs: readonly TemplateDir[]): { sources: TemplateSources; problems: Problem[] } {
  const files = new Map<string, TemplateFile>();
  const snippets = new Map<string, TemplateFile>();
  const staticFiles = new Map<string, TemplateFile>();
  const problems: Problem[] = [];
  for (const { dir, label } of dirs) {
    let entries: string[];
    try {
      entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((entry) => entry.split(path.sep).join('/')).sort();
    } catch (error) {
      problems.push({ code: 'PARTIAL_MISSING', file: label, pointer: '', message: `cannot read the template folder (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    const read = (entry: string, outputName: string): TemplateFile => ({ outputName, source: readFileSync(path.join(dir, entry), 'utf8'), file: `${label}/${entry}` });
    for (const entry of entries) {
      if (/^[a-z][a-z0-9-]*\/files\/[^/]+$/.test(entry) && !entry.endsWith('.hbs')) staticFiles.set(entry, read(entry, entry));
      else if (entry.startsWith('partials/') && entry.endsWith('.hbs')) snippets.set(entry.slice('partials/'.length, -'.hbs'.length), read(entry, entry));
      else if (entry.endsWith('.hbs')) {
        const outputName = entry.slice(0, -'.hbs'.length);
        files.set(outputName.replace(/\.[a-z]+$/, ''), read(entry, outputName));
      }
    }
  }
  return { sources: { files, snippets, staticFiles }, problems };
}
