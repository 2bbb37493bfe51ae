import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { WORKLOAD_VALUES } from '../src/schema/compose.js';
import type { JsonObject } from '../src/schema/json-pointer.js';
import { sharedTypesOf, withSharedValueTypes } from '../src/render/workload-types.js';
import { ROOT } from './support/tools.js';

/**
 * The shared workload definition's values are typed once, in workload.ts; a
 * chart's value is typed from there only where its own schema would type the
 * same, and keeps a type of its own wherever it differs.
 */
const test = suite('shared values are typed once, and only where a chart types them the same');

const workload = JSON.parse(readFileSync(path.join(ROOT, 'schemas', WORKLOAD_VALUES.file), 'utf8')) as JsonObject;
const shared = sharedTypesOf(workload, WORKLOAD_VALUES.pointer);
const workloadDefs = workload.$defs as JsonObject;

/** A bundled chart schema with the given root properties and the shared image definition under its $defs. */
const chart = (properties: JsonObject, image: JsonObject = workloadDefs.image as JsonObject): JsonObject => ({
  type: 'object',
  additionalProperties: false,
  properties,
  $defs: { image },
});
const typedProperties = (schema: JsonObject) => withSharedValueTypes(schema, shared).properties as JsonObject;

test('definitions and objects are shared; scalars, Kubernetes types and what depends on declarations are not', () => {
  assert.equal(shared.values.get('image')?.typeName, 'Image');
  assert.equal(shared.values.get('commonLabels')?.typeName, 'StringMap', 'a value referring to a definition takes its name');
  assert.equal(shared.values.get('database')?.typeName, 'Database', 'an object of its own is named after the value');
  for (const name of ['replicaCount', 'command', 'affinity', 'networkPolicy']) assert.not.ok(shared.values.has(name), name);
  assert.ok(shared.definitions.has('testImage'), 'a definition a shared value refers to is shared too');
});

test("a chart's value with other defaults and descriptions is typed from the shared file, with the chart's description", () => {
  const properties = typedProperties(chart({ image: { $ref: '#/$defs/image', description: 'The worker image.', default: { repository: 'busybox', tag: '1.37.0' } } }));
  assert.equal(properties.image, { tsType: 'Workload.Image', description: 'The worker image.' });
});

test("without a description of its own, the value's comment is its definition's", () => {
  const properties = typedProperties(chart({ image: { $ref: '#/$defs/image' } }));
  assert.equal(properties.image, { tsType: 'Workload.Image', description: (workloadDefs.image as JsonObject).description });
});

test('a chart whose definition of the same name differs keeps its own type', () => {
  const narrowed = structuredClone(workloadDefs.image) as JsonObject;
  ((narrowed.properties as JsonObject).pullPolicy as JsonObject).enum = ['Always'];
  const image = { $ref: '#/$defs/image', description: 'Only Always.' };
  assert.equal(typedProperties(chart({ image }, narrowed)).image, image);
});

test('a value the chart defines in full keeps its own type', () => {
  const database = { type: 'object', additionalProperties: false, description: 'Only a Secret.', properties: { existingSecret: { type: 'string', description: 'Its name.' } } };
  assert.equal(typedProperties(chart({ database })).database, database);
});

test('where a default decides the type (no `type` beside it), a default of another kind keeps the chart its own type', () => {
  const retries = (count: number | string) => ({ type: 'object', additionalProperties: false, description: 'Retries.', properties: { count: { description: 'Typed by its default.', default: count } } });
  const document = { $defs: { workloadValues: { type: 'object', additionalProperties: false, description: 'Values.', properties: { retries: retries(3) } } } };
  const types = sharedTypesOf(document, WORKLOAD_VALUES.pointer);
  const typed = (count: number | string) => (withSharedValueTypes({ type: 'object', properties: { retries: retries(count) } }, types).properties as JsonObject).retries;
  assert.equal(typed(5), { tsType: 'Workload.Retries', description: 'Retries.' });
  assert.equal(typed('5'), retries('5'));
});

test("a chart's own value that refers to a shared definition is typed from the shared file", () => {
  const storageImage = { $ref: '#/$defs/image', description: 'Image for the storage steps.', default: { repository: 'curl' } };
  assert.equal(typedProperties(chart({ storageImage })).storageImage, { description: 'Image for the storage steps.', default: { repository: 'curl' }, tsType: 'Workload.Image' });
  const narrowed = structuredClone(workloadDefs.image) as JsonObject;
  ((narrowed.properties as JsonObject).pullPolicy as JsonObject).enum = ['Always'];
  assert.equal(typedProperties(chart({ storageImage }, narrowed)).storageImage, storageImage);
});

test('the same names at any depth: a component place gets the shared types too', () => {
  const properties = typedProperties(chart({ grafana: { type: 'object', additionalProperties: false, description: 'Grafana.', properties: { image: { $ref: '#/$defs/image' } } } }));
  assert.equal(((properties.grafana as JsonObject).properties as JsonObject).image, { tsType: 'Workload.Image', description: (workloadDefs.image as JsonObject).description });
});

test('a type name is given once: a definition whose name capitalizes as another\'s, or an object named as a definition, is not shared', () => {
  const object = (description: string) => ({ type: 'object', additionalProperties: false, description, properties: { name: { type: 'string', description: 'A name.' } } });
  const document = {
    $defs: {
      image: object('One image.'),
      Image: { ...object('Another.'), required: ['name'] },
      database: object('A definition.'),
      workloadValues: {
        type: 'object',
        additionalProperties: false,
        description: 'Values.',
        properties: { first: { $ref: '#/$defs/image' }, second: { $ref: '#/$defs/Image' }, database: object('An object of its own.') },
      },
    },
  };
  const types = sharedTypesOf(document, WORKLOAD_VALUES.pointer);
  assert.equal([...types.definitions.keys()], ['image', 'database']);
  assert.equal([...types.values.keys()], ['first']);
});

test("every shared type the product's charts use is declared once in workload.ts, under that name", () => {
  const generated = path.join(ROOT, 'generator/src/generated');
  const declared = [...readFileSync(path.join(generated, 'workload.ts'), 'utf8').matchAll(/^export (?:interface|type) (\w+)/gm)].map(([, name]) => name);
  assert.equal(declared.length, new Set(declared).size, 'declared once');
  const used = new Set(readdirSync(generated).filter((file) => file.endsWith('-values.ts')).flatMap((file) => [...readFileSync(path.join(generated, file), 'utf8').matchAll(/\bWorkload\.(\w+)/g)].map(([, name]) => name)));
  assert.ok(used.size > 10, `the charts use the shared types (${used.size})`);
  for (const name of used) assert.ok(declared.includes(name), `Workload.${name} is declared`);
  // A numbered name would be a second copy of a type the tool named first.
  assert.equal(declared.filter((name) => /\d$/.test(name ?? '')), []);
});

test.run();
