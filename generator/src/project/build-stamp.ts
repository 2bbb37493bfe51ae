/**
 * The hash of the generator's sources the package build compiled
 * (hashSources in manifest.ts), written here by scripts/bundle.mjs in dist/.
 * The manifest records the sources beside the built CLI as the code that
 * made the charts; if the CLI was built from other sources, a later build
 * would trust charts its own code never made. From the sources there is
 * none: the code that runs is the code that is hashed.
 */
export const BUILT_FROM_SOURCES: string | undefined = undefined;
