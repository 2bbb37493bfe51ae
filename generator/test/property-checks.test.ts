import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createAjv } from '../src/schema/ajv.js';
import type { Json, JsonObject } from '../src/schema/json-pointer.js';
import { PropertyRegistry } from '../src/schema/shared-properties.js';
import { BASE } from '../src/schema/shared-definitions.js';

/**
 * The registry checks a chart's values in parts (each object's shell, each
 * property, each array item), sharing the parts between charts; its verdict
 * must be ajv's on the whole schema, value for value.
 */
const test = suite('property checks: a values schema checked in shared parts judges as ajv does on the whole');

const ID = `${BASE}chart.values.json`;
/** The ids of the parts the registry compiled in this ajv. */
const compiledParts = (ajv: ReturnType<typeof createAjv>) => Object.keys(ajv.schemas).filter((id) => id.startsWith(`${BASE}check-`));

const sameVerdicts = (schema: JsonObject, values: Json[]) => {
  const whole = createAjv().compile({ ...schema, $id: `${BASE}whole.json` });
  const parts = new PropertyRegistry(createAjv()).compile(schema, ID);
  for (const value of values) assert.is(parts(value), whole(value), `verdict on ${JSON.stringify(value)}`);
};

const port = { type: 'integer', minimum: 1, maximum: 65535, description: 'A port.' };
const component = {
  type: 'object',
  additionalProperties: false,
  required: ['port'],
  properties: { port, image: { type: 'object', additionalProperties: false, properties: { tag: { type: 'string', minLength: 1 } } } },
};

test('objects inside objects: required keys, unknown keys and wrong types at every level', () => {
  const schema = { type: 'object', additionalProperties: false, properties: { port, prometheus: component, grafana: component } };
  sameVerdicts(schema, [
    {},
    { port: 80, prometheus: { port: 9090, image: { tag: 'v3' } } },
    { prometheus: { image: { tag: 'v3' } } },
    { prometheus: { port: 9090, image: { tag: '' } } },
    { prometheus: { port: 9090, image: { tag: 'v3', digest: 'x' } } },
    { grafana: { port: 0 } },
    { grafana: 'on' },
    { port: '80' },
    { other: true },
    [],
    null,
  ]);
});

test('arrays: each item by the items schema, the array\'s own keywords on the whole', () => {
  const schema = {
    type: 'object',
    additionalProperties: false,
    properties: { receivers: { type: 'array', maxItems: 2, items: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string' }, ports: { type: 'array', items: port } } } } },
  };
  sameVerdicts(schema, [
    { receivers: [] },
    { receivers: [{ name: 'a', ports: [80, 443] }] },
    { receivers: [{ name: 'a' }, { ports: [80] }] },
    { receivers: [{ name: 'a', ports: [80, 0] }] },
    { receivers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
    { receivers: [{ name: 'a', extra: 1 }] },
    { receivers: { name: 'a' } },
    { receivers: ['a'] },
  ]);
});

test('a property that refers to its chart\'s $defs, recursively, carries them with it', () => {
  const schema = {
    type: 'object',
    additionalProperties: false,
    properties: { route: { $ref: '#/$defs/route', description: 'The root route.' } },
    $defs: { route: { type: 'object', additionalProperties: false, properties: { receiver: { type: 'string', minLength: 1 }, routes: { type: 'array', items: { $ref: '#/$defs/route' } } } } },
  };
  const deep = (receiver: string) => ({ route: { receiver: 'a', routes: [{ receiver: 'b', routes: [{ receiver }] }] } });
  sameVerdicts(schema, [{}, deep('c'), deep(''), { route: { routes: [{ receivers: 'x' }] } }, { route: [] }]);
});

test('a property that refers elsewhere in its chart stays in the chart\'s own check', () => {
  const schema = {
    type: 'object',
    additionalProperties: false,
    properties: { name: { type: 'string', maxLength: 5 }, alias: { $ref: '#/properties/name', description: 'Another name.' } },
  };
  sameVerdicts(schema, [{ alias: 'short' }, { alias: 'much too long' }, { name: 'x', alias: 3 }]);
});

test('a component shares the checks of the chart root\'s values of the same schema', () => {
  const ajv = createAjv();
  const registry = new PropertyRegistry(ajv);
  const check = registry.compile({ type: 'object', additionalProperties: false, properties: { port, prometheus: component } }, ID);
  assert.ok(check({ port: 80, prometheus: { port: 9090, image: { tag: 'v3' } } }));
  // The root's shell, the component's and the image's shells, the port and the tag: port is one check for both places.
  assert.is(compiledParts(ajv).length, 5);
});

test('verdicts passed by one run let the next pass the same values without compiling a check', () => {
  const schema = { type: 'object', additionalProperties: false, properties: { port, prometheus: component } };
  const value = { port: 80, prometheus: { port: 9090 } };
  const first = new PropertyRegistry(createAjv());
  assert.ok(first.compile(schema, ID)(value));
  const ajv = createAjv();
  const next = new PropertyRegistry(ajv, first.passed);
  assert.ok(next.compile(schema, ID)(value));
  assert.equal(compiledParts(ajv), []);
  // A value never judged before is checked for real, and refused.
  assert.not.ok(next.compile(schema, ID)({ port: 80, prometheus: { port: 0 } }));
});

test.run();
