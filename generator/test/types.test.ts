import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ApiValues, UiValues, UmbrellaValues } from '../src/generated/index.js';
import { indentByBraces } from '../src/render/types.js';
import { ROOT, run } from './support/tools.js';

// Checked by `tsc --noEmit` in npm test: the exported types accept real overrides.
const api: ApiValues = {
  replicaCount: 3,
  image: { repository: 'product/api', tag: '1.4.2' },
  autoscaling: { minReplicas: 3, maxReplicas: 12, targetMemoryUtilizationPercentage: 80 },
  database: { existingSecret: 'api-database' },
  cloudSqlProxy: { enabled: true, instanceConnectionName: 'p:r:i' },
};
const ui: UiValues = { service: { type: 'NodePort', nodePort: 30080 } };
// The umbrella's subchart keys carry the subcharts' own types.
const umbrella: UmbrellaValues = { global: { domain: 'shop.example.com' }, ui, api: { ...api, enabled: true } };

/** Type-checks a snippet that imports the package's types; returns tsc's output. */
function typecheck(snippet: string): { code: number; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-types-'));
  try {
    const file = path.join(dir, 'values.ts');
    writeFileSync(file, `import type { ApiValues, UiValues, UmbrellaValues } from ${JSON.stringify(path.join(ROOT, 'generator/src/generated/index.js'))};\n${snippet}\n`);
    const result = run(path.join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '--strict', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--skipLibCheck', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules/@types'), file]);
    return { code: result.code, output: result.stdout + result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const types = suite('chart values are typed from the same schema Helm enforces');
types('typed values objects carry the schema shape', () => {
  assert.is(api.image?.repository, 'product/api');
  assert.is(ui.service?.type, 'NodePort');
  assert.is(umbrella.api?.replicaCount, 3);
});
types("tsc checks an umbrella's subchart values with the subchart's type", () => {
  const result = typecheck('export const v: UmbrellaValues = { ui: { replicas: 3 } };');
  assert.is.not(result.code, 0);
  assert.match(result.output, /'replicas' does not exist in type 'UiValues'/);
});
types('tsc rejects a value of the wrong type, pointing at it', () => {
  const result = typecheck("export const v: ApiValues = { replicaCount: 'three' };");
  assert.is.not(result.code, 0);
  // Line 2, at the replicaCount property (column 31).
  assert.match(result.output, /values\.ts\(2,31\): error TS2322: Type 'string' is not assignable to type 'number'/);
});
types('tsc rejects an unknown key and a value outside an enum', () => {
  const unknown = typecheck('export const v: UiValues = { replicas: 3 };');
  assert.is.not(unknown.code, 0);
  assert.match(unknown.output, /'replicas' does not exist in type 'UiValues'/);
  const outside = typecheck("export const v: UiValues = { service: { type: 'ExternalName' } };");
  assert.is.not(outside.code, 0);
  assert.match(outside.output, /ExternalName/);
});
types('tsc accepts a valid values object', () => {
  const result = typecheck("export const v: ApiValues = { autoscaling: { enabled: false }, image: { repository: 'x' } };");
  assert.is(result.code, 0, result.output);
});
types('generated declarations are indented by brace depth; braces in comments do not count', () => {
  const code = ['export interface A {', '/**', '* e.g. {"a": 1', '*/', 'b?: {', 'c: string', '}', '}'].join('\n');
  assert.is(indentByBraces(code), ['export interface A {', '  /**', '   * e.g. {"a": 1', '   */', '  b?: {', '    c: string', '  }', '}'].join('\n'));
});
types.run();
