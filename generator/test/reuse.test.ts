import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
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

/** The charts a generate kept as written, from its summary line. */
function keptCharts(stdout: string): string[] {
  return /kept as written[^:]*: ([^)]*)\)/.exec(stdout)?.[1]?.split(', ') ?? [];
}

const moreReplicas = (schema: any) => {
  schema.properties.replicaCount.default = 4;
};

const leaf = suite('a generate after one chart schema changed redoes that chart and its umbrella, and writes what a full generate writes');
leaf('only ui and the umbrella are made again; every file equals a full generate\'s', () => {
  const incremental = scratchProject();
  const full = scratchProject();
  try {
    for (const project of [incremental, full]) {
      assert.is(project.cli('generate').code, 0);
      project.editJson('schemas/ui.schema.json', moreReplicas);
    }
    const result = incremental.cli('generate');
    assert.is(result.code, 0, result.stderr);
    assert.equal(keptCharts(result.stdout), ['api', 'backup', 'ingress', 'monitoring']);
    assert.match(result.stdout, /wrote charts\/ui\/values\.yaml/);
    assert.match(result.stdout, /wrote charts\/umbrella\/charts\/ui\/values\.yaml/);
    const everything = full.cli('generate', '--full');
    assert.is(everything.code, 0, everything.stderr);
    assert.equal(keptCharts(everything.stdout), []);
    assertSameOutputs(incremental, full);
  } finally {
    incremental.dispose();
    full.dispose();
  }
});
leaf('a hand edit to a kept chart\'s file is undone', () => {
  const project = scratchProject();
  try {
    assert.is(project.cli('generate').code, 0);
    const original = project.read('charts/api/values.yaml');
    project.write('charts/api/values.yaml', `${original}# edited by hand\n`);
    project.editJson('schemas/ui.schema.json', moreReplicas);
    const result = project.cli('generate');
    assert.is(result.code, 0, result.stderr);
    assert.not.ok(keptCharts(result.stdout).includes('api'));
    assert.is(project.read('charts/api/values.yaml'), original);
  } finally {
    project.dispose();
  }
});
leaf('a change to a shared input (a partial) keeps nothing', () => {
  const project = scratchProject();
  try {
    assert.is(project.cli('generate').code, 0);
    project.write('templates/monitoring/prometheus-rules.yaml.hbs', `${project.read('templates/monitoring/prometheus-rules.yaml.hbs')}\n`);
    const result = project.cli('generate');
    assert.is(result.code, 0, result.stderr);
    assert.equal(keptCharts(result.stdout), []);
  } finally {
    project.dispose();
  }
});
leaf('the Kubernetes types file is made again only when what it is made from changed', () => {
  const project = scratchProject();
  try {
    assert.is(project.cli('generate').code, 0);
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
    assert.is(project.cli('generate').code, 0);
    assert.is(project.read(file), standIn, 'the same definitions: the last file stands');
    vouchFor('made from other definitions');
    project.editJson('schemas/ui.schema.json', (schema) => {
      schema.properties.replicaCount.default = 5;
    });
    assert.is(project.cli('generate').code, 0);
    assert.is(project.read(file), written, 'other definitions: made again');
  } finally {
    project.dispose();
  }
});
leaf.run();

const refused = suite('a changed default is checked even where the last generate\'s checks are taken over');
refused('an umbrella default that breaks an unchanged subchart\'s schema is refused', () => {
  const project = scratchProject();
  try {
    assert.is(project.cli('generate').code, 0);
    // The umbrella changed, ui did not: ui's check, left uncompiled while nothing needed it, must run.
    project.editJson('schemas/umbrella.schema.json', (s) => {
      s.properties.ui.default.replicaCount = -2;
    });
    const result = project.cli('generate');
    assert.is(result.code, 1);
    assert.match(result.stderr, 'schemas/umbrella.schema.json#/properties/ui/default: the defaults do not pass the schema: ui.replicaCount: must be >= 0 [DEFAULT_INVALID]');
  } finally {
    project.dispose();
  }
});
refused('a leaf default that breaks its own schema is refused', () => {
  const project = scratchProject();
  try {
    assert.is(project.cli('generate').code, 0);
    project.editJson('schemas/ui.schema.json', (s) => {
      s.properties.replicaCount.default = 'many';
    });
    const result = project.cli('generate');
    assert.is(result.code, 1);
    assert.match(result.stderr, /schemas\/ui\.schema\.json#\S*: the defaults do not pass the schema: replicaCount: must be integer \[DEFAULT_INVALID\]/);
  } finally {
    project.dispose();
  }
});
refused('a changed Kubernetes-typed default in a chart checked before is refused', () => {
  const project = scratchProject();
  try {
    assert.is(project.cli('generate').code, 0);
    // api's other values passed last time and are taken as passed; this one is new and is checked.
    project.editJson('schemas/api.schema.json', (s) => {
      s.properties.tolerations = { default: [{ operator: 'Exists', tolerationSeconds: 'soon' }] };
    });
    const result = project.cli('generate');
    assert.is(result.code, 1);
    assert.match(result.stderr, /schemas\/api\.schema\.json#\S*: the defaults do not pass the schema: tolerations\.0\.tolerationSeconds: must be integer \[DEFAULT_INVALID\]/);
  } finally {
    project.dispose();
  }
});
refused.run();
