import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { GeneratorError } from './errors.js';
import type { TemplateSources } from './render/templates.js';

/**
 * Reads the template partials: `<name>.<ext>.hbs` become chart files
 * (`deployment.yaml.hbs` → templates/deployment.yaml), `partials/*.hbs` are
 * snippets the files include, `<chart>/files/*` (not .hbs) are copied into
 * that chart's files/ folder for `.Files.Get`.
 */
export function loadTemplates(templatesDir: string): TemplateSources {
  let entries: string[];
  try {
    entries = readdirSync(templatesDir, { recursive: true, encoding: 'utf8' }).map((entry) => entry.split(path.sep).join('/')).sort();
  } catch (error) {
    throw new GeneratorError([{ code: 'PARTIAL_MISSING', file: templatesDir, pointer: '', message: `cannot read the template folder (${String(error)})` }]);
  }
  const files = new Map<string, { outputName: string; source: string }>();
  const snippets = new Map<string, string>();
  const staticFiles = new Map<string, string>();
  for (const entry of entries.filter((name) => /^[a-z-]+\/files\/[^/]+$/.test(name) && !name.endsWith('.hbs'))) {
    staticFiles.set(entry, readFileSync(path.join(templatesDir, entry), 'utf8'));
  }
  for (const entry of entries.filter((name) => name.endsWith('.hbs'))) {
    const source = readFileSync(path.join(templatesDir, entry), 'utf8');
    if (entry.startsWith('partials/')) {
      snippets.set(entry.slice('partials/'.length, -'.hbs'.length), source);
    } else {
      const outputName = entry.slice(0, -'.hbs'.length);
      files.set(outputName.replace(/\.[a-z]+$/, ''), { outputName, source });
    }
  }
  return { files, snippets, staticFiles };
}
