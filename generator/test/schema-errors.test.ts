import { existsSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scratchProject } from './support/project.js';

/** A broken input, and the exact line the generator must print for it. */
interface BrokenSchema {
  title: string;
  breakIt(project: ReturnType<typeof scratchProject>): void;
  /** The whole of stderr, less its newline (a pattern where V8's wording varies). */
  line: string | RegExp;
}

const api = 'schemas/api.schema.json';
const edit = (mutate: (schema: any) => void) => (project: ReturnType<typeof scratchProject>) => project.editJson(api, mutate);

const cases: BrokenSchema[] = [
  {
    title: 'a file that is not JSON',
    breakIt: (project) => project.write(api, '{"type": "object",\n  "properties": }\n'),
    line: /^schemas\/api\.schema\.json: not valid JSON \(Unexpected token '}'.*\) \[SCHEMA_PARSE\]$/,
  },
  {
    title: 'a $ref to a definition that does not exist',
    breakIt: edit((s) => { s.properties.image.$ref = 'defs/workload.schema.json#/$defs/imag'; }),
    line: `${api}#/properties/image/$ref: $ref "defs/workload.schema.json#/$defs/imag" does not resolve [REF_UNRESOLVED]`,
  },
  {
    title: 'a $ref to a file that does not exist',
    breakIt: edit((s) => { s.properties.tests.properties.image.$ref = 'defs/network.schema.json#/$defs/testImage'; }),
    line: `${api}#/properties/tests/properties/image/$ref: $ref "defs/network.schema.json#/$defs/testImage" does not resolve [REF_UNRESOLVED]`,
  },
  {
    title: 'a misspelt keyword',
    breakIt: edit((s) => { s.properties.replicaCount.defualt = 1; }),
    line: `${api}#/properties/replicaCount/defualt: strict mode: unknown keyword: "defualt" [SCHEMA_INVALID]`,
  },
  {
    title: 'a keyword with a value of the wrong type',
    breakIt: edit((s) => { s.properties.replicaCount.minimum = 'zero'; }),
    line: `${api}#/properties/replicaCount/minimum: must be number (#/properties/minimum/type) [SCHEMA_INVALID]`,
  },
  {
    title: 'a misspelt keyword in a shared definition, named in its own file',
    breakIt: (project) => project.editJson('schemas/defs/workload.schema.json', (s) => { s.$defs.resources.minProperites = 1; }),
    line: 'schemas/defs/workload.schema.json#/$defs/resources/minProperites: strict mode: unknown keyword: "minProperites" [SCHEMA_INVALID]',
  },
  {
    title: 'a type name JSON Schema does not have',
    breakIt: edit((s) => { s.properties.tests.properties.path.type = 'int'; }),
    line: `${api}#/properties/tests/properties/path/type: must be equal to one of the allowed values (#/definitions/simpleTypes/enum) [SCHEMA_INVALID]`,
  },
  {
    title: 'a default that its own schema refuses',
    breakIt: edit((s) => { s.properties.replicaCount.default = -3; }),
    line: `${api}#/properties/replicaCount/minimum: the defaults do not pass the schema: replicaCount: must be >= 0 [DEFAULT_INVALID]`,
  },
  {
    title: "an umbrella default that its subchart's schema refuses",
    breakIt: (project) => project.editJson('schemas/umbrella.schema.json', (s) => { s.properties.ui.default.replicaCount = -2; }),
    line: 'schemas/umbrella.schema.json#/properties/ui/default: the defaults do not pass the schema: ui.replicaCount: must be >= 0 [DEFAULT_INVALID]',
  },
  {
    title: 'a value without a description',
    breakIt: edit((s) => { delete s.properties.tests.properties.path.description; }),
    line: `${api}#/properties/tests/properties/path: every value needs a description (it becomes the values.yaml comment and the README row) [DESCRIPTION_MISSING]`,
  },
  {
    title: 'an object that does not say whether other keys are allowed',
    breakIt: edit((s) => { delete s.properties.tests.additionalProperties; }),
    line: `${api}#/properties/tests: an object with properties must say whether other keys are allowed (set additionalProperties) [SCHEMA_INVALID]`,
  },
  {
    title: 'a chart version that is not semver',
    breakIt: edit((s) => { s['x-chart'].version = '1.0'; }),
    line: `${api}#/x-chart/version: must match pattern "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$" [CHART_METADATA]`,
  },
  {
    title: 'a chart name that differs from the file name',
    breakIt: edit((s) => { s['x-chart'].name = 'backend'; }),
    line: `${api}#/x-chart/name: must be "api" to match the file name [CHART_METADATA]`,
  },
  {
    title: 'a template partial that does not exist',
    breakIt: edit((s) => { s['x-chart'].templates = ['worker-queue']; }),
    line: `${api}#/x-chart/templates/0: no template partial "worker-queue" in the package's templates or the project's overlays [PARTIAL_MISSING]`,
  },
];

const errors = suite('a broken schema gives one line naming file and pointer, exit 1, nothing written');
for (const c of cases) {
  errors(c.title, () => {
    const project = scratchProject();
    try {
      c.breakIt(project);
      const result = project.cli('generate');
      assert.is(result.code, 1);
      assert.ok(result.stderr.endsWith('\n') && !result.stderr.trimEnd().includes('\n'), `one line: ${result.stderr}`);
      if (typeof c.line === 'string') assert.is(result.stderr.trimEnd(), c.line);
      else assert.match(result.stderr.trimEnd(), c.line);
      assert.not.ok(existsSync(path.join(project.root, 'charts')), 'nothing may be written');
      assert.not.ok(existsSync(path.join(project.root, 'generator/src/generated')), 'nothing may be written');
    } finally {
      project.dispose();
    }
  });
}
errors('every problem of a run is reported, one line each', () => {
  const project = scratchProject();
  try {
    project.editJson(api, (s) => {
      s.properties.tests.properties.image.$ref = 'defs/workload.schema.json#/$defs/imag';
      delete s.properties.tests.properties.path.description;
    });
    const result = project.cli('generate');
    assert.is(result.code, 1);
    assert.is(result.stderr.trim().split('\n').length, 2);
  } finally {
    project.dispose();
  }
});
errors.run();
