import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Document, isMap, isScalar, type Node } from 'yaml';
import type { JsonObject } from '../src/schema/json-pointer.js';
import { renderValuesYaml, type RenderedGroups, type ValuesYamlSource } from '../src/render/values-yaml.js';

/**
 * values.yaml is written one top-level group at a time, each group reused
 * by every chart of the run with the same key, defaults and descriptions.
 * The file must read exactly as the yaml library writes the whole document
 * at once, which is what this suite renders as its reference.
 */
const test = suite('values.yaml written a group at a time is the document the yaml library writes whole');

const BANNER = 'generated — do not edit: made by balena-charts from schemas/x.schema.json';

function wholeDocument({ defaults, values, banner }: ValuesYamlSource): string {
  const descriptions = new Map(values.map(({ path, description }) => [path, description]));
  const document = new Document(defaults, { version: '1.1' });
  const annotate = (node: Node | null, prefix: string, topLevel: boolean): void => {
    if (!isMap(node)) return;
    node.items.forEach((pair, index) => {
      if (!isScalar(pair.key)) return;
      const path = prefix === '' ? String(pair.key.value) : `${prefix}.${String(pair.key.value)}`;
      const description = descriptions.get(path);
      if (description) {
        pair.key.commentBefore = description.split('\n').map((line) => ` ${line}`).join('\n');
        pair.key.spaceBefore = topLevel && index > 0;
      }
      annotate(pair.value as Node | null, path, false);
    });
  };
  annotate(document.contents as Node | null, '', true);
  document.commentBefore = ` yaml-language-server: $schema=values.schema.json\n ${banner}`;
  return document.toString({ lineWidth: 0 });
}

const source = (defaults: JsonObject, descriptions: Record<string, string>): ValuesYamlSource => ({
  defaults,
  values: Object.entries(descriptions).map(([path, description]) => ({ path, description })),
  banner: BANNER,
});

const workloadDefaults: JsonObject = {
  replicaCount: 2,
  image: { repository: 'busybox', tag: '1.37.0', pullPolicy: 'IfNotPresent' },
  securityContext: { runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
  tolerations: [],
  nodeSelector: {},
};
const workloadDescriptions = {
  replicaCount: 'Replicas when autoscaling is off.',
  image: 'Container image.',
  'image.repository': 'Image repository.',
  'image.tag': 'Image tag.',
  securityContext: 'Container-level security context.\nThe default meets the restricted standard.',
  'securityContext.capabilities': 'Capabilities.',
  'securityContext.capabilities.drop': 'Dropped capabilities.',
  tolerations: 'Tolerations.',
  nodeSelector: 'Node labels.',
};

test('nested maps, lists, empty values and multi-line descriptions', () => {
  const chart = source(workloadDefaults, workloadDescriptions);
  assert.fixture(renderValuesYaml(chart), wholeDocument(chart));
});

test('keys without a description: first, in the middle and last', () => {
  const chart = source({ undescribed: 1, described: { a: 'x' }, middle: [{ name: 'A', value: '1' }], last: null }, { described: 'Described.', 'described.a': 'A.' });
  assert.fixture(renderValuesYaml(chart), wholeDocument(chart));
});

test('strings a YAML 1.1 reader would take for booleans or numbers stay quoted, and long or multi-line strings are written alike', () => {
  const chart = source(
    { flags: { on: 'on', yes: 'yes', off: 'off', y: 'y', octal: '0755', empty: '' }, script: 'set -eu\necho "done"\n', long: 'x'.repeat(200) },
    { flags: 'Flags.', 'flags.on': 'On.', script: 'A script.', long: 'A long line.' },
  );
  assert.fixture(renderValuesYaml(chart), wholeDocument(chart));
});

test('no defaults at all', () => {
  const chart = source({}, {});
  assert.fixture(renderValuesYaml(chart), wholeDocument(chart));
});

test('charts of one run share a group only where its key, defaults and descriptions are all the same', () => {
  const groups: RenderedGroups = new Map();
  const first = source({ ...workloadDefaults, own: true }, { ...workloadDescriptions, own: 'The first chart\'s own value.' });
  const sameShared = source({ ...workloadDefaults, other: 'b' }, { ...workloadDescriptions, other: 'The second chart\'s own value.' });
  const otherImage = source({ ...workloadDefaults, image: { repository: 'nginx', tag: '1.29', pullPolicy: 'IfNotPresent' } }, workloadDescriptions);
  const otherDescription = source(workloadDefaults, { ...workloadDescriptions, 'image.tag': 'Image tag; empty means the chart\'s appVersion.' });
  for (const chart of [first, sameShared, otherImage, otherDescription]) assert.fixture(renderValuesYaml(chart, groups), wholeDocument(chart));
  // Five shared groups and the first chart's own, the second's own, a second image (its defaults) and a third (its descriptions).
  assert.is(groups.size, Object.keys(workloadDefaults).length + 4);
});

test.run();
