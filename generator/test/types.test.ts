import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ApiValues, UiValues, UmbrellaValues } from '../src/generated/index.js';
import { indentByBraces } from '../src/render/types.js';
import { once, ROOT, run } from './support/tools.js';

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

/** Snippets that import the package's types, by name; each is a file of its own in one tsc run. */
const SNIPPETS = {
  subchartKey: 'export const v: UmbrellaValues = { ui: { replicas: 3 } };',
  wrongType: "export const v: ApiValues = { replicaCount: 'three' };",
  unknownKey: 'export const v: UiValues = { replicas: 3 };',
  outsideEnum: "export const v: UiValues = { service: { type: 'ExternalName' } };",
  valid: "export const v: ApiValues = { autoscaling: { enabled: false }, image: { repository: 'x' } };",
};
/**
 * tsc's errors in each snippet. All the snippets are checked by one tsc run
 * (it loads the generated types and Node's once): each error line starts
 * with the file it is in, so each snippet's are its own.
 */
const snippetErrors = once((): Map<string, string[]> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-types-'));
  try {
    const files = Object.entries(SNIPPETS).map(([snippet, text]) => {
      const file = path.join(dir, `${snippet}.ts`);
      writeFileSync(file, `import type { ApiValues, UiValues, UmbrellaValues } from ${JSON.stringify(path.join(ROOT, 'generator/src/generated/index.js'))};\n${text}\n`);
      return file;
    });
    const result = run(path.join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '--strict', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--skipLibCheck', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules/@types'), '--pretty', 'false', ...files], { cwd: dir });
    const lines = (result.stdout + result.stderr).split('\n').filter(Boolean);
    // Every error line belongs to a snippet: none from the generated types themselves.
    assert.equal(lines.filter((line) => !/^[a-zA-Z]+\.ts\(/.test(line) && !line.startsWith(' ')), [], 'tsc reported something outside the snippets');
    return new Map(Object.keys(SNIPPETS).map((snippet) => [snippet, lines.filter((line) => line.startsWith(`${snippet}.ts(`))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
const errorsOf = (name: keyof typeof SNIPPETS): string[] => snippetErrors().get(name)!;

const types = suite('chart values are typed from the same schema Helm enforces');
types('typed values objects carry the schema shape', () => {
  assert.is(api.image?.repository, 'product/api');
  assert.is(ui.service?.type, 'NodePort');
  assert.is(umbrella.api?.replicaCount, 3);
});
types("tsc checks an umbrella's subchart values with the subchart's type", () => {
  assert.match(errorsOf('subchartKey').join('\n'), /'replicas' does not exist in type 'UiValues'/);
});
types('tsc rejects a value of the wrong type, pointing at it', () => {
  // Line 2, at the replicaCount property (column 31).
  assert.match(errorsOf('wrongType').join('\n'), /wrongType\.ts\(2,31\): error TS2322: Type 'string' is not assignable to type 'number'/);
});
types('tsc rejects an unknown key and a value outside an enum', () => {
  assert.match(errorsOf('unknownKey').join('\n'), /'replicas' does not exist in type 'UiValues'/);
  assert.match(errorsOf('outsideEnum').join('\n'), /ExternalName/);
});
types('tsc accepts a valid values object', () => {
  assert.equal(errorsOf('valid'), []);
});
types('generated declarations are indented by brace depth; braces in comments do not count', () => {
  const code = ['export interface A {', '/**', '* e.g. {"a": 1', '*/', 'b?: {', 'c: string', '}', '}'].join('\n');
  assert.is(indentByBraces(code), ['export interface A {', '  /**', '   * e.g. {"a": 1', '   */', '  b?: {', '    c: string', '  }', '}'].join('\n'));
});
types.run();
