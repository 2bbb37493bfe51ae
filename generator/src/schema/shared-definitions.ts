import { createHash } from 'node:crypto';
import type { Ajv } from './ajv.js';
import { isObject, type Json, type JsonObject } from './json-pointer.js';
import { KUBERNETES_DEFINITION } from './kubernetes-defs.js';
import { byCodePoint } from './order.js';
import type { SchemaDocument } from '../pipeline/load.js';
import { PACKAGE_CHECKS, type PackageChecks } from './package-checks.js';

/** A base URI per file so ajv resolves relative `$ref`s between schema files the way the loader names them. */
export const BASE = 'file:///schemas/';

/** The id a shared definition is registered under: what a `$ref` to it resolves to. */
export function definitionId(file: string, name: string): string {
  return `${BASE}${file}#/$defs/${name}`;
}

/** A shared document's definitions, each under its id. */
export function definitionsOf(doc: SchemaDocument): { name: string; id: string; definition: JsonObject }[] {
  const defs = isObject(doc.json) && isObject(doc.json.$defs) ? doc.json.$defs : {};
  return Object.entries(defs).map(([name, definition]) => ({ name, id: definitionId(doc.file, name), definition: definition as JsonObject }));
}

/** Every Kubernetes definition the shared files hold (`io.k8s.…` names), by name: what the shared Kubernetes types file is made of. */
export function kubernetesDefinitionsOf(shared: readonly SchemaDocument[]): Map<string, Json> {
  const definitions = shared.flatMap(definitionsOf).filter(({ name }) => KUBERNETES_DEFINITION.test(name));
  return new Map(definitions.sort((a, b) => byCodePoint(a.name, b.name)).map(({ name, definition }) => [name, definition]));
}

/** What the shared definitions' compiled checks depend on: every shared file, named and as parsed. */
export function definitionsKey(shared: readonly SchemaDocument[]): string {
  const hash = createHash('sha256');
  for (const doc of [...shared].sort((a, b) => byCodePoint(a.file, b.file))) hash.update(`${doc.file}\n${JSON.stringify(doc.json)}\n`);
  return hash.digest('hex');
}

/**
 * Hands ajv the checks compiled when the package was built for these ids,
 * when the shared definitions are the package's own, byte for byte (the
 * key): ajv then calls them where a schema refers to a definition instead
 * of compiling it. The same ajv and options made them (see
 * precompile-checks.ts). True when it did.
 */
export function usePrecompiledDefinitions(ajv: Ajv, shared: readonly SchemaDocument[], precompiled: PackageChecks['definitions'] | undefined = PACKAGE_CHECKS?.definitions): boolean {
  if (precompiled === undefined || precompiled.key !== definitionsKey(shared)) return false;
  for (const [id, check] of precompiled.checks) {
    const registered = ajv.schemas[id];
    if (registered !== undefined) registered.validate = check;
  }
  return true;
}
