#!/usr/bin/env node
// Writes schemas/defs/kubernetes.schema.json from the OpenAPI spec of the
// newest Kubernetes the charts support (K8S_NEWEST_VERSION in versions.env),
// read from the k8s.io/kubernetes Go module:
//   npx tsx scripts/kubernetes-defs.ts [--check]
// --check exits 1 when the file differs from what the spec gives.
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kubernetesDefinitions } from '../generator/src/schema/kubernetes-defs.js';
import type { JsonObject } from '../generator/src/schema/json-pointer.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'schemas/defs/kubernetes.schema.json');

function newestKubernetes(): string {
  const pins = readFileSync(path.join(root, 'scripts/versions.env'), 'utf8');
  const version = /^K8S_NEWEST_VERSION=(\S+)$/m.exec(pins)?.[1];
  if (version === undefined) throw new Error('scripts/versions.env: K8S_NEWEST_VERSION is not set');
  return version;
}

/** The spec's path inside the Go module cache (downloaded once, then read from the cache). */
function swaggerPath(version: string): string {
  const info = JSON.parse(execFileSync('go', ['mod', 'download', '-json', `k8s.io/kubernetes@${version}`], { encoding: 'utf8' })) as { Dir?: string; Error?: string };
  if (info.Dir === undefined) throw new Error(`go mod download k8s.io/kubernetes@${version}: ${info.Error ?? 'no module folder'}`);
  return path.join(info.Dir, 'api/openapi-spec/swagger.json');
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const version = newestKubernetes();
  const swagger = JSON.parse(readFileSync(swaggerPath(version), 'utf8')) as JsonObject;
  const text = `${JSON.stringify(kubernetesDefinitions(swagger, version), null, 2)}\n`;
  const current = (() => {
    try {
      return readFileSync(target, 'utf8');
    } catch {
      return '';
    }
  })();
  if (check) {
    if (current === text) return 0;
    console.error(`${path.relative(process.cwd(), target)}: differs from the Kubernetes ${version} OpenAPI spec; run npm run kubernetes-defs`);
    return 1;
  }
  // Written beside and renamed, so a failed run leaves the old file whole.
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
  console.log(`${path.relative(process.cwd(), target)}: ${Object.keys((JSON.parse(text) as { $defs: object }).$defs).length} definitions from Kubernetes ${version}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`kubernetes-defs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
