import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isScalar } from 'yaml';
import { createAjv } from '../../generator/src/schema/ajv.js';
import { chartDefaults, readChartFile } from '../../generator/src/commands/chart-defaults.js';
import { coalesce } from '../../generator/src/schema/coalesce.js';
import { GeneratorError } from '../../generator/src/errors.js';
import { unescapeToken, type JsonObject } from '../../generator/src/schema/json-pointer.js';
import { banner } from '../../generator/src/render/banner.js';
import { terraformOutputsToValues, valueErrorsToProblems } from './outputs.js';

export interface TerraformValuesResult {
  /** Umbrella values as YAML, each value commented with the output it came from. */
  yaml: string;
  values: JsonObject;
}

/**
 * `scripts/values-from-terraform.ts OUTPUT.json`: reads the JSON of
 * `terraform output -json` (`-` for standard input), maps it to umbrella values
 * and checks them, over the chart's defaults, with charts/umbrella/values.schema.json
 * — the schema Helm enforces. Throws a GeneratorError naming each offending
 * output; returns the YAML only when everything passed.
 */
export async function valuesFromTerraform(input: string, root: string, stdin: () => Promise<string>): Promise<TerraformValuesResult> {
  const file = input === '-' ? '<stdin>' : input;
  const text = input === '-' ? await stdin() : await readInput(input, file);
  let output: unknown;
  try {
    output = JSON.parse(text);
  } catch (error) {
    throw new GeneratorError([{ code: 'TERRAFORM_OUTPUT', file, pointer: '', message: `not JSON (${error instanceof Error ? error.message : String(error)}); pass what \`terraform output -json\` prints` }]);
  }
  const { values, sources, problems } = terraformOutputsToValues(output, file);
  if (problems.length > 0) throw new GeneratorError(problems);

  const chartDir = path.join(root, 'charts', 'umbrella');
  const schema = JSON.parse(await readChartFile(path.join(chartDir, 'values.schema.json'), file)) as JsonObject;
  const validate = createAjv().compile(schema);
  if (!validate(coalesce(await chartDefaults(chartDir, file), values))) {
    throw new GeneratorError(valueErrorsToProblems(validate.errors ?? [], sources, file));
  }

  const doc = new Document(values);
  doc.commentBefore = ` ${banner(`terraform output -json (${file})`, 'run scripts/values-from-terraform.ts again after terraform apply')}\n Pass it after the environment's own values file: helm upgrade … -f environments/production.yaml -f <this file>`;
  for (const [pointer, outputName] of sources) {
    const node = doc.getIn(pointer.split('/').slice(1).map(unescapeToken), true);
    if (isScalar(node)) node.comment = ` terraform output ${outputName}`;
  }
  return { yaml: doc.toString({ lineWidth: 0 }), values };
}

async function readInput(input: string, file: string): Promise<string> {
  try {
    return await readFile(input, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new GeneratorError([{ code: 'TERRAFORM_OUTPUT', file, pointer: '', message: `cannot read it (${reason})` }]);
  }
}
