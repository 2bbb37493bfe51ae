import type { ChartRecord, InputHashes, Manifest } from './manifest.js';
import { WORKLOAD_TYPES_FILE } from '../render/workload-types.js';

/**
 * What a generate may take over from the last one, so that editing one
 * chart's schema regenerates that chart and what includes it, not all.
 * Sound only because a chart's output depends on nothing but its own schema,
 * the schemas of the charts it includes and the shared inputs (defs,
 * partials, dashboards, config, the generator itself): when the shared
 * inputs changed, nothing is reused.
 */
export interface Reuse {
  /** Charts whose files are kept as the last generate wrote them, by chart name: path → text. */
  kept: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The property checks the last generate passed. */
  verdicts: ReadonlySet<string>;
  /** The shared Kubernetes types file as written, and a hash of what it was made from. */
  kubernetesTypes?: { key: string; text: string };
  /** The shared workload values' types file as written: made from shared inputs alone, which are unchanged wherever anything is reused. */
  workloadTypes?: string;
}

/** Where a chart's files go, relative to the project root. */
export interface ChartPlaces {
  outDir: string;
  typesDir: string;
}

/**
 * The reuse the last manifest allows, or none. A chart is kept when its
 * schema and those of every chart it includes (transitively) are unchanged
 * and each file the manifest lists for it still reads as written (`read`
 * gives undefined for a missing file); a hand-edited chart is regenerated.
 */
export function planReuse(previous: Manifest | undefined, current: InputHashes, places: ChartPlaces, read: (file: string) => string | undefined, hash: (text: string) => string): Reuse | undefined {
  if (previous?.charts === undefined || previous.shared !== current.shared) return undefined;
  const records: Record<string, ChartRecord> = previous.charts;
  const unchanged = new Set(Object.keys(current.charts).filter((name) => records[name]?.schema === current.charts[name]));
  const affected = new Map<string, boolean>();
  // A chart is affected when it changed, or one it includes is (a removed one counts as changed).
  const isAffected = (name: string, path: readonly string[] = []): boolean => {
    const known = affected.get(name);
    if (known !== undefined) return known;
    const record = records[name];
    const result = !unchanged.has(name) || record === undefined || path.includes(name) || record.dependencies.some((dependency) => isAffected(dependency, [...path, name]));
    affected.set(name, result);
    return result;
  };
  const kept = new Map<string, Map<string, string>>();
  for (const name of unchanged) {
    if (isAffected(name)) continue;
    const files = keptFiles(previous, name, places, read, hash);
    if (files !== undefined) kept.set(name, files);
  }
  const types = previous.kubernetesTypes;
  const typesText = types === undefined ? undefined : read(types.file);
  const kubernetesTypes = types !== undefined && typesText !== undefined && hash(typesText) === previous.files[types.file] ? { key: types.key, text: typesText } : undefined;
  const workloadFile = `${places.typesDir}/${WORKLOAD_TYPES_FILE}.ts`;
  const workloadText = previous.files[workloadFile] === undefined ? undefined : read(workloadFile);
  const workloadTypes = workloadText !== undefined && hash(workloadText) === previous.files[workloadFile] ? workloadText : undefined;
  return { kept, verdicts: new Set(previous.verdicts ?? []), ...(kubernetesTypes === undefined ? {} : { kubernetesTypes }), ...(workloadTypes === undefined ? {} : { workloadTypes }) };
}

/** The files the manifest lists for a chart, each as written; undefined when one is missing or was edited. */
function keptFiles(manifest: Manifest, name: string, places: ChartPlaces, read: (file: string) => string | undefined, hash: (text: string) => string): Map<string, string> | undefined {
  const dir = `${places.outDir}/${name}/`;
  const types = `${places.typesDir}/${name}-values.ts`;
  const files = new Map<string, string>();
  for (const [file, expected] of Object.entries(manifest.files)) {
    if (!file.startsWith(dir) && file !== types) continue;
    const text = read(file);
    if (text === undefined || hash(text) !== expected) return undefined;
    files.set(file, text);
  }
  // A chart without its types file there was written elsewhere (another --types folder).
  return files.has(types) ? files : undefined;
}
