import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createAjv } from '../src/schema/ajv.js';
import { KUBERNETES_ROOTS, QUANTITY_PATTERN, kubernetesDefinitions } from '../src/schema/kubernetes-defs.js';
import { walkObjects, type JsonObject } from '../src/schema/json-pointer.js';
import { ROOT } from './support/tools.js';

/**
 * schemas/defs/kubernetes.schema.json is Kubernetes' own definitions, taken
 * from the OpenAPI spec of the newest supported release; it must stay what
 * the spec gives, and keep what makes it useful to values.
 */
const test = suite('Kubernetes definitions come from the OpenAPI spec of the newest supported Kubernetes');

const checkedIn = JSON.parse(readFileSync(path.join(ROOT, 'schemas/defs/kubernetes.schema.json'), 'utf8')) as JsonObject & { $defs: Record<string, JsonObject> };
const newest = /^K8S_NEWEST_VERSION=(\S+)$/m.exec(readFileSync(path.join(ROOT, 'scripts/versions.env'), 'utf8'))?.[1] ?? '';
const swagger = (): JsonObject => {
  const dir = (JSON.parse(execFileSync('go', ['mod', 'download', '-json', `k8s.io/kubernetes@${newest}`], { encoding: 'utf8' })) as { Dir: string }).Dir;
  return JSON.parse(readFileSync(path.join(dir, 'api/openapi-spec/swagger.json'), 'utf8')) as JsonObject;
};

test('the checked-in file is what scripts/kubernetes-defs.ts makes of the spec (--check)', () => {
  const result = spawnSync('npx', ['tsx', 'scripts/kubernetes-defs.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.is(result.status, 0, result.stderr);
});

test('a hand edit of the file is caught by --check', () => {
  const edited = structuredClone(checkedIn);
  delete edited.$defs['io.k8s.api.core.v1.Toleration'];
  assert.is.not(JSON.stringify(kubernetesDefinitions(swagger(), newest)), JSON.stringify(edited));
});

test('it holds the roots and what they refer to, and nothing else', () => {
  const names = new Set(Object.keys(checkedIn.$defs));
  for (const root of KUBERNETES_ROOTS) assert.ok(names.has(root), root);
  const referred = new Set<string>(KUBERNETES_ROOTS);
  walkObjects(checkedIn.$defs, (node) => {
    if (typeof node.$ref === 'string') referred.add(node.$ref.replace('#/$defs/', ''));
  });
  assert.equal([...names].filter((name) => !referred.has(name)), [], 'definitions nothing refers to');
  assert.not.ok(names.has('io.k8s.api.core.v1.Pod'), 'whole objects are not values');
});

test('descriptions are left out and every object with fields refuses unknown ones', () => {
  walkObjects(checkedIn.$defs, (node, pointer) => {
    if (!pointer.endsWith('/properties')) assert.not.ok('description' in node, `${pointer} keeps a description`);
    if (node.properties !== undefined && !pointer.endsWith('/properties')) assert.is(node.additionalProperties, false, `${pointer} is open`);
  });
});

test('an unknown root is a clear error naming it and the release', () => {
  assert.throws(() => kubernetesDefinitions(swagger(), newest, ['io.k8s.api.core.v1.Nothing']), /Kubernetes v1\.\d+\.\d+ OpenAPI spec has no definition io\.k8s\.api\.core\.v1\.Nothing/);
});

test('a quantity is a number or a string in Kubernetes\' quantity grammar', () => {
  const check = createAjv().compile({ type: ['string', 'number'], pattern: QUANTITY_PATTERN });
  for (const good of ['1', '0.5', '500m', '1.5Gi', '128974848', '129e6', '123Mi', '1e3', '+1', '.5', 2, 0.25]) assert.ok(check(good), `refused ${String(good)}`);
  for (const bad of ['lots', '1 Gi', '1GB', '1e3Mi', 'Mi', '', '1.2.3', '-']) assert.not.ok(check(bad), `accepted ${bad}`);
});

test.run();
