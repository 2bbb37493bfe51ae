import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generate, GeneratorError } from '../src/index.js';
import { scratchProject, type ScratchProject } from './support/project.js';

/** Every file the generator owns in a project (the charts and the values types), by path. */
function outputs(project: ScratchProject): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const dir of ['charts', 'generator/src/generated']) {
    for (const entry of readdirSync(path.join(project.root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.relative(project.root, path.join(entry.parentPath, entry.name));
      files.set(file, readFileSync(path.join(project.root, file)));
    }
  }
  return files;
}

function assertSameOutputs(actual: ScratchProject, expected: ScratchProject): void {
  const got = outputs(actual);
  const want = outputs(expected);
  assert.equal([...got.keys()].sort(), [...want.keys()].sort());
  for (const [file, content] of want) assert.ok(got.get(file)?.equals(content), `${file} differs from a full generate`);
}

/** A generate in this process (the CLI's summary line is covered by generate.test.ts): what it kept and wrote, or its problems. */
async function run(project: ScratchProject, full = false): Promise<{ code: number; kept: string[]; wrote: string[]; problems: string }> {
  try {
    const result = await generate({ root: project.root, templatesDir: path.join(project.root, 'generator/templates'), full });
    return { code: 0, kept: result.kept, wrote: result.drift.map((drift) => drift.path), problems: '' };
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    return { code: 1, kept: [], wrote: [], problems: error.message };
  }
}

/** A scratch copy of the product, generated once, handed to `body`, and removed after it. */
async function afterAGenerate(body: (project: ScratchProject) => Promise<void>): Promise<void> {
  const project = scratchProject();
  try {
    assert.is((await run(project)).code, 0);
    await body(project);
  } finally {
    project.dispose();
  }
}

const moreReplicas = (schema: any) => {
  schema.properties.replicaCount.default = 4;
};

const leaf = suite('a generate after one chart schema changed redoes that chart and its umbrella, and writes what a full generate writes');
leaf('only ui and the umbrella are made again; every file equals a full generate\'s', async () => {
  const incremental = scratchProject();
  const full = scratchProject();
  try {
    for (const project of [incremental, full]) {
      assert.is((await run(project)).code, 0);
      project.editJson('schemas/ui.schema.json', moreReplicas);
    }
    const result = await run(incremental);
    assert.is(result.code, 0, result.problems);
    assert.equal(result.kept, ['api', 'backup', 'ingress', 'monitoring']);
    assert.ok(result.wrote.includes('charts/ui/values.yaml'));
    assert.ok(result.wrote.includes('charts/umbrella/charts/ui/values.yaml'));
    const everything = await run(full, true);
    assert.is(everything.code, 0, everything.problems);
    assert.equal(everything.kept, []);
    assertSameOutputs(incremental, full);
  } finally {
    incremental.dispose();
    full.dispose();
  }
});
leaf('a hand edit to a kept chart\'s file is undone', () =>
  afterAGenerate(async (project) => {
    const original = project.read('charts/api/values.yaml');
    project.write('charts/api/values.yaml', `${original}# edited by hand\n`);
    project.editJson('schemas/ui.schema.json', moreReplicas);
    const result = await run(project);
    assert.is(result.code, 0, result.problems);
    assert.not.ok(result.kept.includes('api'));
    assert.is(project.read('charts/api/values.yaml'), original);
  }),
);
leaf('a change to a shared input (a partial) keeps nothing', () =>
  afterAGenerate(async (project) => {
    project.write('templates/monitoring/prometheus-rules.yaml.hbs', `${project.read('templates/monitoring/prometheus-rules.yaml.hbs')}\n`);
    const result = await run(project);
    assert.is(result.code, 0, result.problems);
    assert.equal(result.kept, []);
  }),
);
leaf('the Kubernetes types file is made again only when what it is made from changed', () =>
  afterAGenerate(async (project) => {
    const file = 'generator/src/generated/kubernetes.ts';
    const written = project.read(file);
    // A stand-in text the manifest vouches for shows whether the last file was taken over.
    const standIn = `${written}// taken over\n`;
    const vouchFor = (key?: string) =>
      project.editJson('charts/.generated.json', (manifest) => {
        manifest.files[file] = createHash('sha256').update(standIn).digest('hex');
        if (key !== undefined) manifest.kubernetesTypes.key = key;
      });
    project.write(file, standIn);
    vouchFor();
    project.editJson('schemas/ui.schema.json', moreReplicas);
    assert.is((await run(project)).code, 0);
    assert.is(project.read(file), standIn, 'the same definitions: the last file stands');
    vouchFor('made from other definitions');
    project.editJson('schemas/ui.schema.json', (schema) => {
      schema.properties.replicaCount.default = 5;
    });
    assert.is((await run(project)).code, 0);
    assert.is(project.read(file), written, 'other definitions: made again');
  }),
);
leaf('the shared workload types file is taken over while the shared inputs are unchanged, and made again when one changed', () =>
  afterAGenerate(async (project) => {
    const file = 'generator/src/generated/workload.ts';
    const written = project.read(file);
    const standIn = `${written}// taken over\n`;
    project.write(file, standIn);
    project.editJson('charts/.generated.json', (manifest) => {
      manifest.files[file] = createHash('sha256').update(standIn).digest('hex');
    });
    project.editJson('schemas/ui.schema.json', moreReplicas);
    assert.is((await run(project)).code, 0);
    assert.is(project.read(file), standIn, 'a leaf schema changed: the last file stands');
    project.write('templates/monitoring/prometheus-rules.yaml.hbs', `${project.read('templates/monitoring/prometheus-rules.yaml.hbs')}\n`);
    assert.is((await run(project)).code, 0);
    assert.is(project.read(file), written, 'a shared input changed: made again');
  }),
);
leaf.run();

const refused = suite('a changed default is checked even where the last generate\'s checks are taken over');
/** A default broken after a first generate, and the problem the next one must name. */
const brokenDefaults: { title: string; file: string; breakIt(schema: any): void; problem: string | RegExp }[] = [
  {
    // ui did not change: its part of the umbrella's values is checked with ui's check all the same.
    title: 'an umbrella default that breaks an unchanged subchart\'s schema is refused',
    file: 'schemas/umbrella.schema.json',
    breakIt: (schema) => {
      schema.properties.ui.default.replicaCount = -2;
    },
    problem: 'schemas/umbrella.schema.json#/properties/ui/default: the defaults do not pass the schema: ui.replicaCount: must be >= 0 [DEFAULT_INVALID]',
  },
  {
    title: 'a leaf default that breaks its own schema is refused',
    file: 'schemas/ui.schema.json',
    breakIt: (schema) => {
      schema.properties.replicaCount.default = 'many';
    },
    problem: /schemas\/ui\.schema\.json#\S*: the defaults do not pass the schema: replicaCount: must be integer \[DEFAULT_INVALID\]/,
  },
  {
    // api's other values passed last time and are taken as passed; this one is new and is checked.
    title: 'a changed Kubernetes-typed default in a chart checked before is refused',
    file: 'schemas/api.schema.json',
    breakIt: (schema) => {
      schema.properties.tolerations = { default: [{ operator: 'Exists', tolerationSeconds: 'soon' }] };
    },
    problem: /schemas\/api\.schema\.json#\S*: the defaults do not pass the schema: tolerations\.0\.tolerationSeconds: must be integer \[DEFAULT_INVALID\]/,
  },
];
for (const { title, file, breakIt, problem } of brokenDefaults) {
  refused(title, () =>
    afterAGenerate(async (project) => {
      project.editJson(file, breakIt);
      const result = await run(project);
      assert.is(result.code, 1);
      assert.match(result.problems, problem);
    }),
  );
}
refused.run();
