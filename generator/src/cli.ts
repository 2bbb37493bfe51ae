#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { GeneratorError } from './errors.js';
import { generate } from './index.js';

const USAGE = `usage: balena-charts generate [--check] [--root DIR] [--verbose] [--debug]

  generate          write charts/ and the values types from schemas/
    --check         write nothing; exit 1 listing every file that differs
    --root DIR      project root (default: the current folder)
    --verbose       print each pipeline stage and its time
    --debug         print stack traces`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      root: { type: 'string', default: process.cwd() },
      verbose: { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals[0] !== 'generate' || positionals.length > 1) {
    console.error(`balena-charts: unknown command "${positionals.join(' ')}"\n${USAGE}`);
    return 2;
  }
  try {
    const result = await generate({
      root: values.root,
      check: values.check,
      onStage: values.verbose ? (stage, ms) => console.error(`[generate] ${stage}: ${ms.toFixed(1)} ms`) : undefined,
    });
    if (values.check) {
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
  } catch (error) {
    if (error instanceof GeneratorError) {
      console.error(error.message);
      if (values.debug) console.error(error.stack);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`balena-charts: ${error instanceof Error ? error.message : String(error)}`);
    if (process.argv.includes('--debug') && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
