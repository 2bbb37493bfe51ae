#!/usr/bin/env node
// The product's bridge from Terraform to the umbrella's values:
//   tofu -chdir=terraform/envs/production output -json | npx tsx scripts/values-from-terraform.ts - [-o OUT.yaml] [--root DIR]
// maps every output of terraform/envs/production to umbrella values, checks
// them with charts/umbrella/values.schema.json over the chart's defaults, and
// prints them as YAML (or writes OUT.yaml, only when every check passed).
import { rename, rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GeneratorError } from '../generator/src/errors.js';
import { valuesFromTerraform } from './terraform-bridge/values.js';

const USAGE = 'usage: values-from-terraform OUTPUT.json|- [-o OUT.yaml] [--root DIR]';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, root: { type: 'string', default: process.cwd() }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [input] = positionals;
  if (input === undefined || positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  try {
    const result = await valuesFromTerraform(input, values.root, () => readStream(process.stdin));
    if (values.output === undefined) process.stdout.write(result.yaml);
    else await writeWhole(values.output, result.yaml);
    if (values.output !== undefined) console.error(`values-from-terraform: ${input === '-' ? 'standard input' : input} → ${values.output} (checked against charts/umbrella/values.schema.json)`);
    return 0;
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    console.error(error.message);
    return 1;
  }
}

/** Written beside the target and renamed over it, so a failed run leaves the previous file as it was and never half a file. */
async function writeWhole(output: string, text: string): Promise<void> {
  const partial = `${output}.partial-${process.pid}`;
  try {
    await writeFile(partial, text);
    await rename(partial, output);
  } finally {
    await rm(partial, { force: true });
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`values-from-terraform: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
