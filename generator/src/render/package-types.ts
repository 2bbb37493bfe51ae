/**
 * The shared Kubernetes types file made from the package's own Kubernetes
 * definitions (schemas/defs) when the package is built
 * (scripts/bundle.mjs replaces this module in dist/): its text after
 * the banner line, and kubernetesDefinitionsKey of the definitions it was
 * made from. Running from the sources there is none, and the file is made
 * by json-schema-to-typescript, to the same text.
 */
export const PACKAGE_KUBERNETES_TYPES: { key: string; body: string } | undefined = undefined;

/** The same for the shared workload values' types file (render/workload-types.ts), keyed by sharedTypesKey of its schema. */
export const PACKAGE_WORKLOAD_TYPES: { key: string; body: string } | undefined = undefined;
