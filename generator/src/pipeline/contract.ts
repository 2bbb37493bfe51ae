import type { Problem } from '../errors.js';
import { isObject, joinPointer, type JsonObject } from '../schema/json-pointer.js';
import type { ChartModel, GenerationModel } from './normalize.js';
import { derefLocal } from '../schema/refs.js';

/**
 * The contract between a chart's schema and its templates, judged on the
 * rendered templates (after Handlebars), chart by chart:
 * - every value a template reads is defined by the schema;
 * - every value the schema defines is read by some template, unless it says
 *   `"x-passthrough": true` (kept on purpose, e.g. for a tool outside Helm).
 * Reading a whole subtree (`toYaml .Values.resources`, `with .Values.env`)
 * reads every value under it. Only helpers that are included somewhere count:
 * a `define` nobody calls reads nothing. `enabled` (the parent's condition)
 * and `global` (Helm's) are always read.
 */
export function contractProblems(model: GenerationModel, rendered: ReadonlyMap<string, ReadonlyMap<string, string>>): Problem[] {
  // A chart kept from the last generate was not rendered; its contract held then.
  return model.charts.flatMap((chart) => {
    const templates = rendered.get(chart.name);
    return templates === undefined ? [] : chartContract(chart, templates);
  });
}

/** A value path read by a template, and the template that reads it. */
interface Read {
  path: string[];
  file: string;
}

function chartContract(chart: ChartModel, templates: ReadonlyMap<string, string>): Problem[] {
  const reads = valueReads(templates);
  // The umbrella hands its subcharts' keys to them; their own charts check those.
  for (const { name } of chart.dependencies) reads.push({ path: [name], file: 'Chart.yaml' });
  reads.push({ path: ['global'], file: 'Helm' }, { path: ['enabled'], file: 'Chart.yaml' });
  const problems: Problem[] = [];
  const schema = chart.valuesSchema;
  const seen = new Set<string>();
  for (const read of reads) {
    const missing = undefinedAt(schema, read.path);
    const key = `${missing?.pointer}`;
    if (missing === undefined || seen.has(key)) continue;
    seen.add(key);
    problems.push({
      code: 'VALUE_UNDEFINED',
      file: chart.source,
      pointer: missing.pointer,
      chart: chart.name,
      message: `${read.file} reads .Values.${read.path.join('.')}, which the schema does not define`,
    });
  }
  for (const unread of unreadValues(schema, schema, [], '', readTree(reads))) {
    problems.push({
      code: 'VALUE_UNREAD',
      file: chart.source,
      pointer: unread.pointer,
      chart: chart.name,
      message: `${unread.path.join('.')} is read by no template; use it, remove it, or mark it "x-passthrough": true`,
    });
  }
  return problems;
}

const CALL = /\b(?:include|template)\s+"([^"]+)"/g;
const ALIAS = /(\$[A-Za-z_]\w*)\s*:?=\s*(?:\$|\.context)?\.Values((?:\.[A-Za-z_][\w-]*)*)/g;
const VALUES = /(?:\$|\.context)?\.Values((?:\.[A-Za-z_][\w]*)*)/g;

/** Every value path the chart's templates read, through the helpers they call. */
export function valueReads(templates: ReadonlyMap<string, string>): Read[] {
  const defines = new Map<string, { body: string; file: string }>();
  const tops: { text: string; file: string }[] = [];
  for (const [file, text] of templates) {
    const { top, found } = actionsByDefine(text);
    for (const [name, body] of found) defines.set(name, { body, file });
    tops.push({ text: top, file });
  }
  // Helpers reached from the templates' own text, through the helpers they call.
  const reached = new Set<string>();
  const queue = tops.map((top) => top.text);
  while (queue.length > 0) {
    for (const [, name] of (queue.pop() ?? '').matchAll(CALL)) {
      const define = name === undefined ? undefined : defines.get(name);
      if (define === undefined || reached.has(name!)) continue;
      reached.add(name!);
      queue.push(define.body);
    }
  }
  const texts = [...tops, ...[...reached].map((name) => ({ text: defines.get(name)!.body, file: defines.get(name)!.file }))];
  return texts.flatMap(({ text, file }) => readsIn(text, file));
}

/** The reads in one piece of template text: `.Values.a.b`, and `$x.c` where `$x := .Values.a`. */
function readsIn(text: string, file: string): Read[] {
  const aliases = new Map<string, string[]>();
  let plain = text;
  for (const [whole, variable, path] of text.matchAll(ALIAS)) {
    aliases.set(variable!, split(path ?? ''));
    // The assignment itself reads nothing; what is done with the variable does.
    plain = plain.replace(whole, '');
  }
  const reads: Read[] = [];
  for (const [, path] of plain.matchAll(VALUES)) reads.push({ path: split(path ?? ''), file });
  for (const [variable, base] of aliases) {
    const uses = new RegExp(`\\${variable}((?:\\.[A-Za-z_]\\w*)*)(?![\\w.])`, 'g');
    for (const [, path] of plain.matchAll(uses)) reads.push({ path: [...base, ...split(path ?? '')], file });
  }
  // `.Values` alone hands the whole tree to something; it reads nothing by itself.
  return reads.filter((read) => read.path.length > 0);
}

const ACTION = /\{\{-?\s*(\/\*[\s\S]*?\*\/|[\s\S]*?)\s*-?\}\}/g;
const OPENS = /^(?:if|with|range|block|define)\b/;

/**
 * A template's Helm actions, comments left out (only actions can read a
 * value): those outside its `define` blocks, and those of each block by
 * name, one per line; `end` is matched to its block by nesting.
 */
function actionsByDefine(text: string): { top: string; found: Map<string, string> } {
  const found = new Map<string, string>();
  const top: string[] = [];
  let body: string[] = [];
  let depth = 0;
  let name = '';
  for (const match of text.matchAll(ACTION)) {
    const action = (match[1] ?? '').trim();
    if (action.startsWith('/*')) continue;
    if (depth === 0) {
      const define = /^define\s+"([^"]+)"/.exec(action);
      if (define === null) top.push(action);
      else [name, body, depth] = [define[1] ?? '', [], 1];
      continue;
    }
    if (OPENS.test(action)) depth += 1;
    else if (/^end\b/.test(action)) {
      depth -= 1;
      if (depth === 0) {
        found.set(name, body.join('\n'));
        continue;
      }
    }
    body.push(action);
  }
  return { top: top.join('\n'), found };
}

const split = (path: string): string[] => path.split('.').filter((token) => token !== '');

/** Where the schema stops defining a read path, or undefined when it defines it (or lets any key through there). */
function undefinedAt(root: JsonObject, path: readonly string[]): { pointer: string } | undefined {
  let node = root;
  let pointer = '';
  for (const token of path) {
    node = derefLocal(root, node);
    const properties = isObject(node.properties) ? node.properties : undefined;
    const child = properties?.[token];
    if (isObject(child)) {
      node = child;
      pointer = joinPointer(pointer, 'properties', token);
      continue;
    }
    // A map or a free-form object (labels, grafana.ini sections) accepts any key.
    if (node.additionalProperties !== false) return undefined;
    return { pointer: joinPointer(pointer, 'properties', token) };
  }
  return undefined;
}

/** The read paths as a tree of their tokens: `end` where a read stops (it reads all below). */
interface ReadTree {
  end: boolean;
  children: Map<string, ReadTree>;
}

function readTree(reads: readonly Read[]): ReadTree {
  const root: ReadTree = { end: false, children: new Map() };
  for (const { path } of reads) {
    let node = root;
    for (const token of path) {
      let child = node.children.get(token);
      if (child === undefined) node.children.set(token, (child = { end: false, children: new Map() }));
      node = child;
    }
    node.end = true;
  }
  return root;
}

/**
 * The highest values under `node` that no read reaches, skipping those
 * marked x-passthrough. `reads` is the read tree at `path`: none when no read
 * goes there; one that ends there reads everything below.
 */
function unreadValues(root: JsonObject, node: JsonObject, path: string[], pointer: string, reads: ReadTree | undefined): { path: string[]; pointer: string }[] {
  const schema = derefLocal(root, node);
  if (schema['x-passthrough'] === true) return [];
  if (path.length > 0 && reads?.end === true) return [];
  if (reads === undefined) return [{ path, pointer }];
  const properties = isObject(schema.properties) ? schema.properties : undefined;
  if (properties === undefined) return [];
  return Object.entries(properties).flatMap(([key, child]) =>
    isObject(child) ? unreadValues(root, child, [...path, key], joinPointer(pointer, 'properties', key), reads.children.get(key)) : [],
  );
}
