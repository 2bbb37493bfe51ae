#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GeneratorError } from './errors.js';
import { generate } from './index.js';
import { valuesFromTypeScript } from './values-command.js';

const USAGE = `usage: balena-charts generate [--check] [--root DIR] [--verbose] [--debug]
       balena-charts values FILE.ts [-o OUT.yaml] [--root DIR]

  generate          write charts/ and the values types from schemas/
    --check         write nothing; exit 1 listing every file that differs
    --verbose       print each pipeline stage and its time
  values FILE.ts    check a defineValues() file against its chart's schema
                    (defaults merged as Helm does) and print it as YAML
    -o OUT.yaml     write the YAML there instead
  --root DIR        project root with schemas/ and charts/ (default: the current folder)
  --debug           print stack traces`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      root: { type: 'string', default: process.cwd() },
      output: { type: 'string', short: 'o' },
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
    if (positionals[0] === 'generate' && positionals.length === 1) return await runGenerate(values.root, values.check, values.verbose);
    if (positionals[0] === 'values' && positionals.length === 2) return await runValues(positionals[1] ?? '', values.root, values.output);
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

async function runGenerate(root: string, check: boolean, verbose: boolean): Promise<number> {
  const result = await generate({
    root,
    check,
    onStage: verbose ? (stage, ms) => console.error(`[generate] ${stage}: ${ms.toFixed(1)} ms`) : undefined,
  });
  if (check) {
    for (const drift of result.drift) console.error(`${drift.path}: ${drift.kind} (differs from what schemas/ produce)`);
    if (result.drift.length > 0) {
      console.error(`generate --check: ${result.drift.length} file(s) out of date; run npm run generate`);
      return 1;
    }
    console.log(`generate --check: ${result.files.length} files up to date`);
    return 0;
  }
  console.log(`generate: ${result.files.length} files, ${result.drift.length} changed`);
  for (const drift of result.drift) console.log(`  ${drift.kind === 'stale' ? 'removed' : 'wrote'} ${drift.path}`);
  return 0;
}

async function runValues(file: string, root: string, output: string | undefined): Promise<number> {
  const result = await valuesFromTypeScript(file, root);
  if (output === undefined) process.stdout.write(result.yaml);
  else {
    await writeFile(output, result.yaml);
    console.error(`values: ${file} → ${output} (chart ${result.chart}, checked against charts/${result.chart}/values.schema.json)`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`balena-charts: ${error instanceof Error ? error.message : String(error)}`);
    if (process.argv.includes('--debug') && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
