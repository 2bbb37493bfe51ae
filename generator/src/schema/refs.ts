import path from 'node:path';
import { fail } from '../errors.js';
import { isObject, resolvePointer, walkObjects, type Json, type JsonObject } from './json-pointer.js';
import type { SchemaDocument } from '../pipeline/load.js';
import { byCodePoint } from './order.js';
import { asSubchartSchema, chartNameOfRef } from './subchart-schema.js';

/** A `$ref` split into the schema file it points at and the pointer inside it. */
export interface RefTarget {
  file: string;
  pointer: string;
}

export function parseRef(ref: string, fromFile: string): RefTarget {
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : ref.slice(hash + 1);
  return { file: filePart === '' ? fromFile : refFile(filePart, fromFile), pointer };
}

/** Files a reference's file part names, by the file it is written in: a run meets the same few thousands of times. */
const refFiles = new Map<string, string>();

function refFile(filePart: string, fromFile: string): string {
  const key = `${fromFile}\n${filePart}`;
  let file = refFiles.get(key);
  if (file === undefined) refFiles.set(key, (file = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), filePart))));
  return file;
}

export type SchemaIndex = ReadonlyMap<string, Json>;

export function indexSchemas(documents: readonly SchemaDocument[]): SchemaIndex {
  return new Map(documents.map((doc) => [doc.file, doc.json]));
}

/** Where a `$ref` leads, or undefined when its file or pointer does not exist. */
export function lookupRef(index: SchemaIndex, ref: string, fromFile: string): { target: RefTarget; node: Json } | undefined {
  const target = parseRef(ref, fromFile);
  const document = index.get(target.file);
  if (document === undefined) return undefined;
  const node = resolvePointer(document, target.pointer);
  return node === undefined ? undefined : { target, node };
}

/** A shared definition as bundle copies it, and the references it holds (which each chart bundling it needs too). */
interface CopiedDefinition {
  copied: Json;
  refs: [ref: string, fromFile: string][];
}

/**
 * Copies of shared definitions, per index (one generate run): every chart
 * that uses a Kubernetes type gets the same copy instead of rewriting it
 * again. Nothing downstream changes a schema in place, so one copy serves all.
 */
const copies = new WeakMap<SchemaIndex, Map<string, CopiedDefinition>>();

/**
 * Whether the shared files (those in a subfolder, such as defs/) refer only
 * to each other. One that refers into a chart's file would be copied
 * differently for each chart, and then no copy is kept.
 */
function definitionsStayShared(index: SchemaIndex): boolean {
  return [...index].every(([file, json]) => !file.includes('/') || listRefs(json).every(({ ref }) => parseRef(ref, file).file.includes('/')));
}

/**
 * Makes a chart schema self-contained: every `$ref` into a shared file is copied
 * under the chart's own `$defs` (named after the definition) and rewritten to a
 * local `#/$defs/...` reference. Helm does not follow file references, so the
 * emitted values.schema.json must carry everything it needs.
 */
export function bundle(chart: SchemaDocument, index: SchemaIndex): JsonObject {
  // rewrite copies every object and array it passes, so the chart's own document is never changed.
  const root = chart.json as JsonObject;
  const defs: JsonObject = {};
  const origins = new Map<string, string>();
  let cache = copies.get(index);
  if (cache === undefined && definitionsStayShared(index)) copies.set(index, (cache = new Map()));
  const known = cache;

  const rewrite = (node: Json, fromFile: string, refs?: [string, string][]): Json => {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, fromFile, refs));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        refs?.push([value, fromFile]);
        out[key] = localRef(value, fromFile);
      } else out[key] = rewrite(value, fromFile, refs);
    }
    return out;
  };

  const localRef = (ref: string, fromFile: string): string => {
    const target = parseRef(ref, fromFile);
    if (target.file === chart.file) return `#${target.pointer}`;
    // A whole chart schema (an umbrella's dependency) is named after its chart.
    const wholeChart = target.pointer === '' ? chartNameOfRef(target.file) : undefined;
    const name = wholeChart ?? target.pointer.split('/').pop() ?? '';
    const origin = `${target.file}#${target.pointer}`;
    const seen = origins.get(name);
    if (seen !== undefined && seen !== origin) {
      fail('REF_UNRESOLVED', chart.file, '', `two shared definitions are both named "${name}" (${seen}, ${origin}); rename one`);
    }
    if (seen === undefined) {
      origins.set(name, origin);
      defs[name] = null; // reserve the name first: definitions may refer to themselves
      const copy = wholeChart === undefined ? known?.get(origin) : undefined;
      if (copy !== undefined) {
        defs[name] = copy.copied;
        for (const [nestedRef, nestedFrom] of copy.refs) localRef(nestedRef, nestedFrom);
        return `#/$defs/${name}`;
      }
      const found = lookupRef(index, ref, fromFile);
      if (found === undefined) fail('REF_UNRESOLVED', target.file, target.pointer, `$ref "${ref}" does not resolve`);
      const refs: [string, string][] = [];
      const copied = rewrite(found.node, target.file, refs);
      // A bundled chart schema carries its own $defs; lift them to the top, where its rewritten refs point.
      if (wholeChart !== undefined && isObject(copied)) {
        const { $defs: nested, ...chartSchema } = copied;
        if (isObject(nested)) for (const [key, value] of Object.entries(nested)) defs[key] ??= value;
        defs[name] = asSubchartSchema(chartSchema);
      } else {
        defs[name] = copied;
        known?.set(origin, { copied, refs });
      }
    }
    return `#/$defs/${name}`;
  };

  const bundled = rewrite(root, chart.file) as JsonObject;
  const mergedDefs: JsonObject = { ...(isObject(bundled.$defs) ? bundled.$defs : {}), ...defs };
  if (Object.keys(mergedDefs).length > 0) bundled.$defs = sortKeys(mergedDefs);
  return bundled;
}

/** Follows local `#/...` references in a bundled schema until it reaches a real node. */
export function derefLocal(root: JsonObject, node: JsonObject): JsonObject {
  let current = node;
  const seen = new Set<string>();
  while (typeof current.$ref === 'string' && current.$ref.startsWith('#')) {
    if (seen.has(current.$ref)) break;
    seen.add(current.$ref);
    const target = resolvePointer(root, current.$ref.slice(1));
    if (!isObject(target)) break;
    // Sibling keywords (description, default) on the referring node win over the target's.
    const { $ref: _ignored, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current;
}

/** Every `$ref` in a document, with the pointer where it is written. */
export function listRefs(document: Json): { ref: string; pointer: string }[] {
  const refs: { ref: string; pointer: string }[] = [];
  walkObjects(document, (node, pointer) => {
    if (typeof node.$ref === 'string') refs.push({ ref: node.$ref, pointer: `${pointer}/$ref` });
  });
  return refs;
}

function sortKeys(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => byCodePoint(a, b)));
}
