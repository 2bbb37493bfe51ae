import type Handlebars from 'handlebars';

/** What Handlebars.precompile makes of a template: the code Handlebars.template runs. */
export type TemplateSpecification = ReturnType<typeof Handlebars.precompile>;

/**
 * The package's own partials, precompiled when the package is built (by
 * scripts/bundle.mjs, which replaces this module in dist/), keyed by
 * their text as Handlebars reads it (after toHandlebars). Running from the
 * sources it is empty, and every partial is compiled when first used, to
 * the same code.
 */
export const PRECOMPILED: ReadonlyMap<string, TemplateSpecification> = new Map();
