import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EXAMPLE, exampleProject, listFiles, type ExampleProject } from './support/example.js';
import { scratchProject } from './support/project.js';
import { helm, kubeconform, kubeScoreCritical, parseManifests, readKubeVersions, ROOT, run } from './support/tools.js';

/**
 * examples/team-charts: a worker (a Deployment running a command, no
 * Service) and a report (a CronJob), written as two schemas and nothing
 * else, get working charts from the packed package.
 */
const CHARTS = ['worker', 'report'] as const;
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const example = suite<{ project: ExampleProject }>('a project with only its own schemas gets working charts from the package');
example.before((context) => {
  context.project = exampleProject();
  const generated = context.project.cli('generate');
  if (generated.code !== 0) throw new Error(`generate failed in the example: ${generated.stderr}`);
});
example.after((context) => context.project?.dispose());

const chartDir = (project: ExampleProject, chart: string) => path.join(project.root, 'charts', chart);
const render = (project: ExampleProject, chart: string, args: string[] = []) => {
  const result = helm(['template', 'team', chartDir(project, chart), ...args]);
  assert.is(result.code, 0, result.stderr);
  return result.stdout;
};

example('generate writes each chart and its types, and nothing of the product', ({ project }) => {
  const files = listFiles(path.join(project.root, 'charts'));
  for (const chart of CHARTS) {
    assert.ok(files.includes(`${chart}/Chart.yaml`) && files.includes(`${chart}/values.schema.json`) && files.includes(`${chart}/README.md`), chart);
  }
  assert.ok(files.includes('worker/templates/deployment.yaml') && !files.includes('worker/templates/service.yaml'), 'the worker has no Service');
  assert.ok(files.includes('report/templates/cronjob.yaml'));
  assert.equal(listFiles(path.join(project.root, 'types')), ['index.ts', 'kubernetes.ts', 'report-values.ts', 'worker-values.ts', 'workload.ts']);
  // Without a generateCommand of its own, a project's files tell their readers to run the package's CLI.
  assert.match(readFileSync(path.join(chartDir(project, 'worker'), 'values.yaml'), 'utf8').split('\n')[1] ?? '', /; change the schema and run npx balena-charts generate$/);
  // The Kubernetes types come from the package's definitions, and say so: the project has no such file.
  assert.match(readFileSync(path.join(project.root, 'types/kubernetes.ts'), 'utf8').split('\n')[0] ?? '', 'from balena-charts/schemas/defs/kubernetes.schema.json;');
  // So do the shared workload values' types, which both charts' types import.
  assert.match(readFileSync(path.join(project.root, 'types/workload.ts'), 'utf8').split('\n')[0] ?? '', 'from balena-charts/schemas/defs/workload.schema.json;');
  for (const chart of CHARTS) assert.match(readFileSync(path.join(project.root, `types/${chart}-values.ts`), 'utf8'), "import type * as Workload from './workload.js';");
  const chartYaml = readFileSync(path.join(chartDir(project, 'worker'), 'Chart.yaml'), 'utf8');
  assert.not.match(chartYaml, /balena\b(?!-charts)/, 'product settings stay in the product');
});
for (const chart of CHARTS) {
  example(`${chart}: helm lint --strict passes`, ({ project }) => {
    const result = helm(['lint', '--strict', chartDir(project, chart)]);
    assert.is(result.code, 0, result.stdout + result.stderr);
  });
  for (const version of readKubeVersions()) {
    example(`${chart}: kubeconform -strict on Kubernetes ${version}`, ({ project }) => {
      const result = kubeconform(render(project, chart, ['--kube-version', version]), version);
      assert.is(result.code, 0, result.stdout + result.stderr);
      assert.not.match(result.stdout, /Skipped: [1-9]/);
    });
  }
  example(`${chart}: kube-score finds nothing critical`, ({ project }) => {
    const { critical, output } = kubeScoreCritical(render(project, chart));
    assert.equal(critical, [], output);
  });
}
example('the worker runs its command with the secure pod defaults, and no port', ({ project }) => {
  const deployment = parseManifests(render(project, 'worker')).find((m) => m.kind === 'Deployment') as any;
  const container = deployment.spec.template.spec.containers[0];
  assert.equal(container.command, ['sh', '-c']);
  assert.match(container.args[0], /working on \$QUEUE/);
  assert.is(container.ports, undefined);
  assert.equal(container.securityContext.capabilities.drop, ['ALL']);
  assert.is(container.securityContext.readOnlyRootFilesystem, true);
  assert.is(deployment.spec.template.spec.securityContext.runAsNonRoot, true);
  const policy = parseManifests(render(project, 'worker')).find((m) => m.kind === 'NetworkPolicy') as any;
  assert.equal(policy.spec.ingress, [], 'nothing may connect to a pod with no Service');
});
example('the report is a CronJob on its schedule', ({ project }) => {
  const cronJob = parseManifests(render(project, 'report')).find((m) => m.kind === 'CronJob') as any;
  assert.is(cronJob.spec.schedule, '30 2 * * *');
  assert.is(cronJob.spec.jobTemplate.spec.activeDeadlineSeconds, 600);
  assert.is(cronJob.spec.jobTemplate.spec.template.spec.restartPolicy, 'Never');
});
example('the generated types compile, and the project’s own defineValues file type-checks and passes the schema', ({ project }) => {
  const typecheck = project.bin('tsc', '--noEmit', '-p', project.root);
  assert.is(typecheck.code, 0, typecheck.stdout + typecheck.stderr);
  const values = project.cli('values', 'values/production.ts');
  assert.is(values.code, 0, values.stderr);
  assert.match(values.stdout, /QUEUE\n\s+value: invoices/);
  writeFileSync(path.join(project.root, 'values/wrong.ts'), "import { defineValues } from '../types/index.js';\nexport default defineValues('worker', { replicas: 3 });\n");
  const wrong = project.bin('tsc', '--noEmit', '-p', project.root);
  assert.is.not(wrong.code, 0);
  assert.match(wrong.stdout, /values\/wrong\.ts.*'replicas' does not exist/);
});
example('one overlay partial changes one template of one chart, and nothing else', ({ project }) => {
  const before = new Map(listFiles(path.join(project.root, 'charts')).map((file) => [file, readFileSync(path.join(project.root, 'charts', file), 'utf8')]));
  const cronjob = readFileSync(path.join(project.root, 'node_modules/balena-charts/generator/templates/cronjob.yaml.hbs'), 'utf8');
  mkdirSync(path.join(project.root, 'templates/report'), { recursive: true });
  writeFileSync(path.join(project.root, 'templates/report/cronjob.yaml.hbs'), cronjob.replace('  concurrencyPolicy:', '  suspend: false\n  concurrencyPolicy:'));
  const result = project.cli('generate');
  assert.is(result.code, 0, result.stderr);
  const changed = [...before].filter(([file, text]) => readFileSync(path.join(project.root, 'charts', file), 'utf8') !== text).map(([file]) => file);
  assert.equal(changed, ['.generated.json', 'report/templates/cronjob.yaml']);
  assert.match(render(project, 'report'), /suspend: false/);
});
example('a mistake in the project’s schema is one line naming the file and place, and nothing is written', ({ project }) => {
  const file = path.join(project.root, 'schemas/worker.schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  schema.properties.replicaCount = { default: 'two' };
  writeFileSync(file, JSON.stringify(schema));
  const before = readFileSync(path.join(project.root, 'charts/worker/values.yaml'), 'utf8');
  const result = project.cli('generate');
  assert.is(result.code, 1);
  assert.is(result.stderr.trimEnd(), 'schemas/worker.schema.json#/properties/replicaCount/type: the defaults do not pass the schema: replicaCount: must be integer [DEFAULT_INVALID]');
  assert.is(readFileSync(path.join(project.root, 'charts/worker/values.yaml'), 'utf8'), before);
});
const restoreSchemas = (project: ExampleProject) => {
  for (const chart of CHARTS) cpSync(path.join(EXAMPLE, `schemas/${chart}.schema.json`), path.join(project.root, `schemas/${chart}.schema.json`));
};
/** The same command from the package's sources, where every check compiles when first used, in the example's folder. */
const fromSources = (project: ExampleProject, ...args: string[]) =>
  run(process.execPath, ['--import', TSX_LOADER, path.join(ROOT, 'generator/src/cli.ts'), ...args], { cwd: project.root });

example('the packed generator\'s precompiled checks refuse what checks compiled at run time refuse, in the same words', ({ project }) => {
  const edit = (file: string, change: (json: any) => void) => {
    const json = JSON.parse(readFileSync(path.join(project.root, file), 'utf8'));
    change(json);
    writeFileSync(path.join(project.root, file), JSON.stringify(json));
  };
  restoreSchemas(project);
  // A default the shared definition refuses, a declaration our x-chart keyword refuses, a setting the config's schema does not know.
  edit('schemas/report.schema.json', (schema) => (schema.properties.imagePullSecrets = { default: [{ secret: 'registry' }] }));
  edit('schemas/worker.schema.json', (schema) => schema['x-chart'].features.push('sidecarMesh'));
  writeFileSync(path.join(project.root, 'balena-charts.config.json'), JSON.stringify({ licence: 'MIT' }));
  try {
    const packed = project.cli('generate', '--full');
    const sources = fromSources(project, 'generate', '--full');
    assert.is(packed.code, 1, packed.stderr);
    for (const code of ['DEFAULT_INVALID', 'CHART_METADATA', 'CONFIG_INVALID']) assert.match(packed.stderr, `[${code}]`);
    assert.match(packed.stderr, /schemas\/report\.schema\.json#.*imagePullSecrets.*name.*is required/);
    assert.is(packed.stderr, sources.stderr);
  } finally {
    rmSync(path.join(project.root, 'balena-charts.config.json'));
    restoreSchemas(project);
  }
});
example('a project whose shared definitions differ from the package\'s gets them compiled, and their mistakes reported', ({ project }) => {
  const defs = path.join(project.root, 'schemas/defs');
  cpSync(path.join(ROOT, 'schemas/defs'), defs, { recursive: true });
  const workload = JSON.parse(readFileSync(path.join(defs, 'workload.schema.json'), 'utf8'));
  workload.$defs.imagePullSecrets.maxItem = 3;
  writeFileSync(path.join(defs, 'workload.schema.json'), JSON.stringify(workload));
  try {
    const packed = project.cli('generate', '--full');
    assert.is(packed.code, 1, packed.stderr);
    assert.match(packed.stderr, /^schemas\/defs\/workload\.schema\.json#\/\$defs\/imagePullSecrets\/maxItem: .*\[SCHEMA_INVALID\]/m);
    assert.is(packed.stderr, fromSources(project, 'generate', '--full').stderr);
  } finally {
    rmSync(defs, { recursive: true });
  }
});
/** The packed CLI's generate of the product's inputs, compared file by file with the committed charts. */
const generatesTheProduct = (project: ExampleProject, nodeArgs: string[] = []) => {
  const product = scratchProject();
  try {
    const cli = path.join(project.root, 'node_modules/balena-charts/dist/generator/src/cli.cjs');
    const result = run(process.execPath, [...nodeArgs, cli, 'generate', '--full', '--root', product.root], { cwd: product.root });
    assert.is(result.code, 0, result.stderr);
    // Every generated file but the manifest, which hashes the dependencies' versions npm resolved afresh for the example.
    const expected = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'charts/.generated.json'), 'utf8')) as { files: Record<string, string> }).files);
    assert.ok(expected.length > 200);
    for (const file of expected) assert.ok(readFileSync(path.join(product.root, file)).equals(readFileSync(path.join(ROOT, file))), `${file} differs from the committed one`);
    return result.stderr;
  } finally {
    product.dispose();
  }
};
example('the packed generator (one bundled module with its code cache, partials and checks precompiled) writes the product\'s committed charts byte for byte', ({ project }) => {
  generatesTheProduct(project);
});
example('the packed generator sees its dependencies\' versions: after one changes, generate --check finds the charts out of date', ({ project }) => {
  assert.is(project.cli('generate', '--check').code, 0, 'up to date before the change');
  const file = path.join(project.root, 'node_modules/yaml/package.json');
  const kept = readFileSync(file, 'utf8');
  const json = JSON.parse(kept) as { version: string };
  writeFileSync(file, JSON.stringify({ ...json, version: `${json.version}-next` }, null, 2));
  try {
    const result = project.cli('generate', '--check');
    assert.is(result.code, 1, result.stdout);
    assert.match(result.stderr, /charts\/\.generated\.json: changed/);
  } finally {
    writeFileSync(file, kept);
  }
  assert.is(project.cli('generate', '--check').code, 0, 'up to date again once the version is back');
});
example('the packed generator\'s full generate never loads prettier (the types are laid out without it)', ({ project }) => {
  // Preloaded: at exit, says which of prettier's files Node's CommonJS loader holds.
  const preload = path.join(project.root, 'report-prettier.cjs');
  writeFileSync(preload, "process.on('exit', () => { for (const file of Object.keys(require.cache)) if (file.includes('/prettier/')) process.stderr.write(`loaded ${file}\\n`); });\n");
  try {
    assert.not.match(generatesTheProduct(project, ['--require', preload]), /loaded /);
    const loaded = run(process.execPath, ['--require', preload, '-e', "require('prettier')"], { cwd: path.join(project.root, 'node_modules/balena-charts') });
    assert.match(loaded.stderr, /loaded .*\/prettier\//, 'the preload sees prettier when something does load it');
  } finally {
    rmSync(preload);
  }
});
example('a code cache V8 refuses (another Node, a damaged file) changes nothing: the packed generator compiles as usual', ({ project }) => {
  const stages = path.join(project.root, 'node_modules/balena-charts/dist/generator/src/pipeline/load-stages.js');
  // With the heap settings the CLI runs with, under which the package build made the cache.
  const cacheState = () => run(process.execPath, ['--input-type=module', '-e', `const stages = await import(${JSON.stringify(stages)}); await stages.loadStages(true); console.log(stages.codeCacheState());`]).stdout.trim();
  assert.is(cacheState(), 'used', 'the Node that built the package takes its code cache');
  const cache = path.join(path.dirname(stages), 'stages.cjs.cache');
  const kept = readFileSync(cache);
  writeFileSync(cache, Buffer.alloc(kept.length, 7));
  try {
    assert.is(cacheState(), 'refused');
    generatesTheProduct(project);
  } finally {
    writeFileSync(cache, kept);
  }
});
example.run();
