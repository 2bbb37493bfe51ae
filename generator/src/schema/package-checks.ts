import type { ValidateFunction } from 'ajv';

/**
 * The checks of what the package itself brings, compiled by ajv when the
 * package is built (scripts/bundle.mjs replaces this module in dist/
 * with precompileChecks' output). Running from the sources there are none,
 * and each check is compiled when first used, to the same code.
 */
export interface PackageChecks {
  /** The draft-07 meta-schema, which every schema added to ajv is checked against. */
  metaSchema: ValidateFunction;
  /** Each of our keywords' check of its value (KEYWORDS), by keyword. */
  keywords: ReadonlyMap<string, ValidateFunction>;
  /** Each of the package's own schemas (PACKAGE_SCHEMAS), by name. */
  schemas: ReadonlyMap<string, ValidateFunction>;
  /** The package's shared definitions (schemas/defs): used only where a project's are the same (see usePrecompiledDefinitions). */
  definitions: {
    /** definitionsKey of the definitions they were compiled from. */
    key: string;
    /** Each definition's check, by its id (definitionId). */
    checks: ReadonlyMap<string, ValidateFunction>;
  };
}

export const PACKAGE_CHECKS: PackageChecks | undefined = undefined;
