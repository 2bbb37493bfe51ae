import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { SchemaDocument } from '../src/pipeline/load.js';
import { flattenRefs } from '../src/schema/flatten.js';
import type { JsonObject } from '../src/schema/json-pointer.js';
import { bundle, indexSchemas } from '../src/schema/refs.js';

/**
 * A run keeps one copy of each shared definition for every chart that uses
 * it (and flattens it once); each chart's bundle must still be exactly what
 * bundling that chart alone gives.
 */
const test = suite('bundle: charts of one run get the same schemas as each bundled on its own');

const chart = (name: string, properties: JsonObject): SchemaDocument => ({ file: `${name}.schema.json`, json: { type: 'object', additionalProperties: false, properties } });
const shared: SchemaDocument = {
  file: 'defs/shared.schema.json',
  json: {
    $defs: {
      port: { description: 'A port.', type: 'integer', minimum: 1 },
      endpoint: { type: 'object', additionalProperties: false, properties: { port: { $ref: '#/$defs/port', default: 80 } } },
    },
  },
};
// Refers into the ui chart's own file: its copy differs from chart to chart.
const intoChart: SchemaDocument = { file: 'defs/names.schema.json', json: { $defs: { uiName: { $ref: '../ui.schema.json#/properties/name' } } } };
const ui = chart('ui', { name: { type: 'string', description: 'Name.' }, endpoint: { $ref: 'defs/shared.schema.json#/$defs/endpoint', description: 'Where.' }, alias: { $ref: 'defs/names.schema.json#/$defs/uiName' } });
const api = chart('api', { endpoint: { $ref: 'defs/shared.schema.json#/$defs/endpoint' }, port: { $ref: 'defs/shared.schema.json#/$defs/port', description: 'Own port.' } });
const apiAlias = chart('api', { ...(api.json as JsonObject).properties as JsonObject, alias: { $ref: 'defs/names.schema.json#/$defs/uiName' } });
const worker = chart('worker', { endpoint: { $ref: 'defs/shared.schema.json#/$defs/endpoint' }, port: { $ref: 'defs/shared.schema.json#/$defs/port' } });

const alone = (doc: SchemaDocument, docs: SchemaDocument[]) => flattenRefs(bundle(doc, indexSchemas(docs)));

test('charts that share definitions, bundled in one run', () => {
  const docs = [shared, api, worker];
  const index = indexSchemas(docs);
  const together = [api, worker].map((doc) => flattenRefs(bundle(doc, index)));
  assert.equal(together, [alone(api, docs), alone(worker, docs)]);
  assert.equal(Object.keys(bundle(api, index).$defs as JsonObject).sort(), ['endpoint', 'port']);
});

test('a shared definition that refers into a chart file is copied for each chart', () => {
  const docs = [shared, intoChart, ui, apiAlias];
  const index = indexSchemas(docs);
  const together = [ui, apiAlias].map((doc) => flattenRefs(bundle(doc, index)));
  assert.equal(together, [alone(ui, docs), alone(apiAlias, docs)]);
  // In ui the reference is ui's own property; api needs a copy of it.
  assert.is(((together[0]?.$defs as JsonObject).uiName as JsonObject).$ref, '#/properties/name');
  assert.equal(((together[1]?.$defs as JsonObject).uiName as JsonObject).$ref, '#/$defs/name');
});

test('a definition on a cycle inlines by where it is met, not as it was first met', () => {
  // a and b refer to each other: met through b, a's reference back to b is cut; met on its own, it is not.
  const cycle: JsonObject = {
    type: 'object',
    additionalProperties: false,
    properties: { viaB: { $ref: '#/$defs/b', description: 'Through b.' }, direct: { $ref: '#/$defs/a', description: 'On its own.' } },
    $defs: {
      a: { type: 'object', additionalProperties: false, properties: { b: { $ref: '#/$defs/b', description: 'To b.' } } },
      b: { type: 'object', additionalProperties: false, properties: { a: { $ref: '#/$defs/a', description: 'To a.' } } },
    },
  };
  const flat = flattenRefs(cycle);
  const properties = flat.properties as Record<string, JsonObject>;
  const aInB = (properties.viaB?.properties as Record<string, JsonObject>).a as JsonObject;
  assert.equal((aInB.properties as JsonObject).b, { $ref: '#/$defs/b', description: 'To b.' }, 'b recurs inside its own inlining');
  const bInA = (properties.direct?.properties as Record<string, JsonObject>).b as JsonObject;
  assert.is(bInA.description, 'To b.');
  assert.equal((bInA.properties as JsonObject).a, { $ref: '#/$defs/a', description: 'To a.' }, 'a is inlined once, then recurs');
  assert.equal(Object.keys(flat.$defs as JsonObject).sort(), ['a', 'b']);
});

test.run();
