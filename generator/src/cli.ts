#!/usr/bin/env node
import { writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GeneratorError } from './errors.js';
import { generate, type GenerateOptions } from './index.js';
import type { UpgradeCheckOptions } from './commands/upgrade-check.js';

const USAGE = `usage: balena-charts generate [--check [--full]] [--root DIR] [--config FILE] [--schemas DIR]
                             [--templates DIR] [--overlay DIR]... [--dashboards DIR]
                             [--out DIR] [--types DIR] [--verbose] [--debug]
       balena-charts values FILE.ts [-o OUT.yaml] [--root DIR]
       balena-charts upgrade-check --from REV [--chart NAME] [-f VALUES.yaml]
       balena-charts version-check --from REV

  generate          write the charts and their values types from the schemas
    --check         write nothing; exit 1 listing every file that differs
    --full          regenerate every chart; without it a chart whose schema,
                    subcharts and shared inputs are unchanged since the last
                    generate is kept as written (and --check trusts the
                    manifest when nothing changed)
    --config FILE   the project's settings (default: balena-charts.config.json
                    in the root, when there is one)
    --schemas DIR   chart schemas and defs/ (default: schemas)
    --templates DIR base partials (default: the package's own)
    --overlay DIR   partials laid over them, per chart under <chart>/
                    (repeatable; default: the config's templates, else templates/)
    --dashboards DIR  Grafana dashboard specs (default: dashboards)
    --out DIR       where the charts go (default: charts)
    --types DIR     where the values types go (default: types)
    --verbose       print each pipeline stage and its time
  values FILE.ts [--out DIR]
                    check a defineValues() file against its chart's schema
                    (defaults merged as Helm does) and print it as YAML
    -o OUT.yaml     write the YAML there instead
  upgrade-check     render the chart at git revision REV and now, with the same
                    values; exit 1 listing fields Kubernetes cannot update in place
    --chart NAME    the chart (default: umbrella)
    -f VALUES.yaml  values for both renders (repeatable)
  version-check     exit 1 naming each chart changed since git revision REV
                    whose version was not raised (chart-testing's rule, offline)
  --root DIR        project root; the folders above are relative to it
                    (default: the current folder)
  --debug           print stack traces`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      config: { type: 'string' },
      schemas: { type: 'string' },
      templates: { type: 'string' },
      overlay: { type: 'string', multiple: true },
      dashboards: { type: 'string' },
      out: { type: 'string' },
      types: { type: 'string' },
      root: { type: 'string', default: process.cwd() },
      output: { type: 'string', short: 'o' },
      from: { type: 'string' },
      chart: { type: 'string', default: 'umbrella' },
      values: { type: 'string', short: 'f', multiple: true, default: [] },
      verbose: { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    if (positionals[0] === 'generate' && positionals.length === 1) {
      return await runGenerate({
        root: values.root,
        check: values.check,
        full: values.full,
        configFile: values.config,
        schemasDir: values.schemas,
        templatesDir: values.templates,
        overlayDirs: values.overlay,
        dashboardsDir: values.dashboards,
        outDir: values.out,
        typesDir: values.types,
        onStage: values.verbose ? (stage, ms) => console.error(`[generate] ${stage}: ${ms.toFixed(1)} ms`) : undefined,
        // One generate, then the process exits: its heap settings touch nothing else.
        tuneHeap: true,
      });
    }
    if (positionals[0] === 'values' && positionals.length === 2) return await runValues(positionals[1] ?? '', values.root, values.output, values.out);
    if (positionals[0] === 'version-check' && positionals.length === 1 && values.from) {
      const { versionProblems } = await import('./commands/version-check.js');
      const problems = versionProblems(values.root, values.from);
      for (const problem of problems) console.error(problem.message);
      if (problems.length === 0) console.log(`version-check: every chart changed since ${values.from} has a new version`);
      return problems.length === 0 ? 0 : 1;
    }
    if (positionals[0] === 'upgrade-check' && positionals.length === 1 && values.from) {
      return await runUpgradeCheck({ root: values.root, from: values.from, chart: values.chart, valuesFiles: values.values, helm: await helmBinary(values.root) });
    }
    console.error(`balena-charts: unknown command "${positionals.join(' ')}"\n${USAGE}`);
    return 2;
  } catch (error) {
    if (error instanceof GeneratorError) {
      console.error(error.message);
      if (values.debug) console.error(error.stack);
      return 1;
    }
    throw error;
  }
}

/**
 * One line on stdout, written straight to its file descriptor: console.log
 * would first set up process.stdout, and Node's stream modules with it,
 * about 3 ms of a check that finds nothing changed (most checks).
 */
function printLine(text: string): void {
  try {
    writeSync(1, `${text}\n`);
  } catch (error) {
    // A non-blocking pipe that is full: the stream waits where a plain write cannot.
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    console.log(text);
  }
}

async function runGenerate(options: GenerateOptions): Promise<number> {
  const result = await generate(options);
  if (options.check) {
    for (const drift of result.drift) console.error(`${drift.path}: ${drift.kind} (differs from what the schemas produce)`);
    if (result.drift.length > 0) {
      console.error(`generate --check: ${result.drift.length} file(s) out of date; run ${result.generateCommand}`);
      return 1;
    }
    printLine(result.files.length > 0 ? `generate --check: ${result.files.length} files up to date` : 'generate --check: up to date (matches the manifest of the last generate)');
    return 0;
  }
  const kept = result.kept.length > 0 ? ` (kept as written, nothing they are made of changed: ${result.kept.join(', ')})` : '';
  console.log(`generate: ${result.files.length} files, ${result.drift.length} changed${kept}`);
  for (const drift of result.drift) console.log(`  ${drift.kind === 'stale' ? 'removed' : 'wrote'} ${drift.path}`);
  return 0;
}

async function runValues(file: string, root: string, output: string | undefined, chartsDir = 'charts'): Promise<number> {
  const { valuesFromTypeScript } = await import('./commands/values.js');
  const result = await valuesFromTypeScript(file, root, chartsDir);
  if (output === undefined) process.stdout.write(result.yaml);
  else {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(output, result.yaml);
    console.error(`values: ${file} → ${output} (chart ${result.chart}, checked against charts/${result.chart}/values.schema.json)`);
  }
  return 0;
}

async function runUpgradeCheck(options: UpgradeCheckOptions): Promise<number> {
  const { upgradeCheck } = await import('./commands/upgrade-check.js');
  const changes = upgradeCheck(options);
  for (const change of changes) {
    console.error(`${change.object}: ${change.field} changes (${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}); Kubernetes will refuse the upgrade`);
  }
  if (changes.length > 0) return 1;
  console.log(`upgrade-check: charts/${options.chart} upgrades in place from ${options.from}`);
  return 0;
}

/** $HELM, else the Helm that scripts/tools.sh installed. */
async function helmBinary(root: string): Promise<string> {
  if (process.env.HELM !== undefined) return process.env.HELM;
  const { execFileSync } = await import('node:child_process');
  return path.join(execFileSync('bash', [path.join(root, 'scripts/tools.sh'), '--print-bin'], { encoding: 'utf8' }).trim(), 'helm');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`balena-charts: ${error instanceof Error ? error.message : String(error)}`);
    if (process.argv.includes('--debug') && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
