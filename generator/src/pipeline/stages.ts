/**
 * Every stage a full generate runs, and the libraries they bring (ajv,
 * Handlebars, json-schema-to-typescript, yaml), behind one import. The
 * package build bundles this module into a single file with a code cache
 * (scripts/bundle.mjs, load-stages.ts): loading one file instead of
 * several hundred halves what a full run spends on imports. A check that
 * finds nothing changed never loads it.
 */
export { load } from './load.js';
export { loadTemplates } from './load-templates.js';
export { loadDashboards } from './load-dashboards.js';
export { createAjv } from '../schema/ajv.js';
export { validate, validateConfig } from './validate.js';
export { normalize } from './normalize.js';
export { emit } from './emit.js';
export { contractProblems } from './contract.js';
