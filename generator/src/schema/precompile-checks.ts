import standaloneModule from 'ajv/dist/standalone/index.js';
import { createAjv, KEYWORDS, META_SCHEMA_ID, PACKAGE_SCHEMAS } from './ajv.js';
import type { SchemaDocument } from '../pipeline/load.js';
import { BASE, definitionsKey, definitionsOf } from './shared-definitions.js';

// CommonJS with a default export; under NodeNext the function sits on `.default`.
const standaloneCode = standaloneModule.default;

/** Where the package's own schemas and our keywords' schemas sit while they compile for the module. */
const PACKAGE_ID = 'balena-charts:package/';
const KEYWORD_ID = 'balena-charts:keyword/';

/**
 * The source of package-checks.js for the package build: the draft-07
 * meta-schema, our keywords' schemas, the package's own schemas and its
 * shared definitions, compiled by the generator's own ajv configuration
 * into one ES module (see PackageChecks). Run by scripts/bundle.mjs only.
 */
export function precompileChecks(shared: readonly SchemaDocument[]): string {
  const ajv = createAjv({ source: true });
  // A keyword's schema compiles as ajv's addKeyword compiles it: the options
  // a meta-schema compiles with differ only in ones this configuration leaves unset.
  for (const { keyword, metaSchema } of KEYWORDS) ajv.addSchema(metaSchema, KEYWORD_ID + keyword);
  for (const [name, schema] of Object.entries(PACKAGE_SCHEMAS)) ajv.addSchema(schema, PACKAGE_ID + name);
  for (const doc of shared) ajv.addSchema({ ...(doc.json as object), $id: BASE + doc.file });
  const definitions = shared.flatMap(definitionsOf);
  for (const { id, definition } of definitions) ajv.addSchema(definition, id);

  const ids = [META_SCHEMA_ID, ...KEYWORDS.map(({ keyword }) => KEYWORD_ID + keyword), ...Object.keys(PACKAGE_SCHEMAS).map((name) => PACKAGE_ID + name), ...definitions.map(({ id }) => id)];
  const name = new Map(ids.map((id, index) => [id, `check${index}`]));
  // ajv's code requires its runtime helpers; an ES module imports them.
  const helpers = new Map<string, string>();
  const code = standaloneCode(ajv, Object.fromEntries(ids.map((id) => [name.get(id)!, id]))).replace(/require\("([^"]+)"\)/g, (_match, module: string) => {
    if (!helpers.has(module)) helpers.set(module, `helper${helpers.size}`);
    return helpers.get(module)!;
  });
  const entries = (pairs: [string, string][]) => pairs.map(([key, id]) => `[${JSON.stringify(key)}, ${name.get(id)!}]`).join(', ');
  return [
    ...[...helpers].map(([module, local]) => `import ${local} from ${JSON.stringify(`${module}.js`)};`),
    code.replace(/^"use strict";/, ''),
    'export const PACKAGE_CHECKS = {',
    `  metaSchema: ${name.get(META_SCHEMA_ID)!},`,
    `  keywords: new Map([${entries(KEYWORDS.map(({ keyword }) => [keyword, KEYWORD_ID + keyword]))}]),`,
    `  schemas: new Map([${entries(Object.keys(PACKAGE_SCHEMAS).map((key) => [key, PACKAGE_ID + key]))}]),`,
    `  definitions: { key: ${JSON.stringify(definitionsKey(shared))}, checks: new Map([${entries(definitions.map(({ id }) => [id, id]))}]) },`,
    '};',
    '',
  ].join('\n');
}
