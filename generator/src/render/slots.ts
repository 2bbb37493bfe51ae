import type { Problem } from '../errors.js';
import type { TemplateSources } from './templates.js';

/*
 * A file fills a shared partial's slots with inline partials
 * (`[[#*inline "volumes"]]` for the pod partial's `[[#> volumes]]`). A
 * misspelt one would be silently ignored: the slot renders its default.
 * So every inline partial a file defines must be a slot of a partial it
 * calls, directly or through the partials those call.
 */

const INLINE = /\[\[#\*inline\s+"([^"]+)"\s*\]\]/g;
const SLOT = /\[\[#>\s*([\w-]+)/g;
const CALL = /\[\[#?>\s*([\w/-]+)/g;

function names(source: string, pattern: RegExp): string[] {
  return [...source.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** The slots a snippet offers, its own and those of the snippets it calls. */
function slotsOf(name: string, snippets: ReadonlyMap<string, { source: string }>, seen = new Set<string>()): Set<string> {
  const snippet = snippets.get(name);
  if (snippet === undefined || seen.has(name)) return new Set();
  seen.add(name);
  const slots = new Set(names(snippet.source, SLOT).filter((slot) => !snippets.has(slot)));
  for (const called of names(snippet.source, CALL)) for (const slot of slotsOf(called, snippets, seen)) slots.add(slot);
  return slots;
}

/** One problem per inline partial that no partial the file calls has a slot for. */
export function slotProblems(sources: TemplateSources): Problem[] {
  const problems: Problem[] = [];
  for (const { file, source } of [...sources.files.values(), ...sources.snippets.values()]) {
    const inlines = names(source, INLINE);
    if (inlines.length === 0) continue;
    const called = names(source, CALL).filter((name) => sources.snippets.has(name));
    const slots = new Set(called.flatMap((name) => [...slotsOf(name, sources.snippets)]));
    for (const inline of inlines) {
      if (slots.has(inline)) continue;
      const offered = [...slots].sort().join(', ') || 'none';
      problems.push({ code: 'TEMPLATE_FAILED', file, pointer: '', message: `inline partial "${inline}" fills no slot of the partials this file calls (${called.join(', ') || 'none'}; their slots: ${offered})` });
    }
  }
  return problems;
}
