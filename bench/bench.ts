/**
 * Benchmarks (npm run bench): the compiled CLI as users run it, side by side
 * with what it is fairly compared to, in alternating run pairs so both sides
 * see the same machine state. Prints a Markdown table and writes
 * bench/results.json. Timings are for reading, never asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, stringify } from 'yaml';
import { seeded, syntheticSchema } from './synthetic.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/generator/src/cli.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const WARMUP = 2;
const helm = path.join(execFileSync('bash', [path.join(ROOT, 'scripts/tools.sh'), '--print-bin'], { encoding: 'utf8' }).trim(), 'helm');

/** `before` runs untimed ahead of each run (an edit the run is to find). */
interface Command { label: string; command: string; args: string[]; cwd?: string; before?: () => void }

function timeOnce(c: Command): number {
  c.before?.();
  const start = process.hrtime.bigint();
  const result = spawnSync(c.command, c.args, { cwd: c.cwd ?? ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${c.label} failed: ${result.stderr?.toString()}`);
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** A and B alternately, RUNS pairs after WARMUP; the ratio is taken per pair, then its median. */
function pair(a: Command, b: Command) {
  for (let i = 0; i < WARMUP; i++) { timeOnce(a); timeOnce(b); }
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ta = timeOnce(a);
    const tb = timeOnce(b);
    as.push(ta); bs.push(tb); ratios.push(ta / tb);
  }
  return { a: a.label, b: b.label, aMedianMs: median(as), bMedianMs: median(bs), ratio: median(ratios) };
}

/** Peak resident memory of one run, from GNU time when it is there. */
function peakMemoryMb(c: Command): number | undefined {
  if (!existsSync('/usr/bin/time')) return undefined;
  const result = spawnSync('/usr/bin/time', ['-f', '%M', c.command, ...c.args], { cwd: c.cwd ?? ROOT, encoding: 'utf8' });
  const kb = Number(result.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

/** A scratch project with the real inputs, or with N synthetic component charts (synthetic.ts, seed 17) instead of the product's. */
function scratchRoot(components?: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'balena-bench-'));
  for (const dir of ['balena-charts.config.json', 'schemas', 'templates', 'dashboards']) cpSync(path.join(ROOT, dir), path.join(root, dir), { recursive: true });
  if (components !== undefined) {
    for (const file of ['ui', 'api', 'monitoring', 'ingress', 'backup', 'umbrella']) rmSync(path.join(root, `schemas/${file}.schema.json`));
    const random = seeded(17);
    for (let i = 1; i <= components; i++) {
      const name = `component-${i}`;
      writeFileSync(path.join(root, `schemas/${name}.schema.json`), JSON.stringify(syntheticSchema(name, random), null, 2));
    }
  }
  return root;
}

/** ui's replicaCount default, 2 ↔ 3: a real change to one leaf chart for each timed run. */
function toggleDefault(root: string): void {
  const file = path.join(root, 'schemas/ui.schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  schema.properties.replicaCount.default = schema.properties.replicaCount.default === 3 ? 2 : 3;
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
}

type RenderedObject = { kind: string; metadata: { name: string } } & Record<string, unknown>;

/**
 * A chart whose templates are the umbrella's rendered objects as plain YAML:
 * Helm's own floor for the same output. With `values`, it is the umbrella
 * with every templates/ folder replaced by those objects: the same
 * Chart.yaml, subcharts, values.yaml and values.schema.json, so Helm loads and
 * checks the same values and the difference is the templates alone. Without,
 * a bare chart of the objects (the measure of the first round).
 */
function plainChart(values: boolean, objects: readonly RenderedObject[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-plain-'));
  if (values) {
    cpSync(path.join(ROOT, 'charts/umbrella'), dir, { recursive: true });
    for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (path.basename(entry) === 'templates') rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
  } else {
    writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: plain\nversion: 0.1.0\n');
  }
  mkdirSync(path.join(dir, 'templates'));
  objects.forEach((object, i) => {
    // Keep Prometheus and Grafana's own {{ }} from being read as Helm actions.
    const text = stringify(object, { lineWidth: 0 }).replace(/\{\{/g, '{{ "{{" }}');
    writeFileSync(path.join(dir, 'templates', `${i}.yaml`), text);
  });
  return dir;
}

/** The objects `helm template` makes of the umbrella with its defaults. */
function umbrellaObjects(): RenderedObject[] {
  const rendered = execFileSync(helm, ['template', 'balena', path.join(ROOT, 'charts/umbrella')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return parseAllDocuments(rendered).map((doc) => doc.toJS() as RenderedObject | null).filter((object): object is RenderedObject => object !== null);
}

/** What bench/cdk8s-app.mjs makes with cdk8s-plus's constructs; the rest of the umbrella's objects it is handed. */
const MADE_BY_CONSTRUCTS = new Set([
  ...['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'].flatMap((kind) => ['balena-ui', 'balena-api'].map((name) => `${kind}/${name}`)),
  'Ingress/balena-ingress',
]);

/** The umbrella's objects the cdk8s app does not make with constructs, as the JSON list it reads. */
function cdk8sObjects(objects: readonly RenderedObject[]): string {
  const rest = objects.filter((object) => !MADE_BY_CONSTRUCTS.has(`${object.kind}/${object.metadata.name}`));
  const missing = [...MADE_BY_CONSTRUCTS].filter((key) => !objects.some((object) => `${object.kind}/${object.metadata.name}` === key));
  // The comparison is only fair while the constructs stand for objects the umbrella still renders.
  if (missing.length > 0) throw new Error(`the umbrella no longer renders ${missing.join(', ')}: update bench/cdk8s-app.mjs`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'balena-cdk8s-objects-')), 'objects.json');
  writeFileSync(file, JSON.stringify(rest));
  return file;
}

function main(): void {
  if (!existsSync(CLI)) throw new Error('build first: npm run build');
  const node = process.execPath;
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, platform: `${process.platform} ${process.arch}`, runs: RUNS };
  const scratch = scratchRoot();
  execFileSync(node, [CLI, 'generate', '--root', scratch]);
  const cdk8sOut = mkdtempSync(path.join(tmpdir(), 'balena-cdk8s-'));
  const objects = umbrellaObjects();
  const plain = plainChart(true, objects);
  const barePlain = plainChart(false, objects);
  const cdk8sInput = cdk8sObjects(objects);

  const check = pair(
    { label: 'generate --check (nothing changed)', command: node, args: [CLI, 'generate', '--check', '--root', scratch] },
    { label: 'node -e 0', command: node, args: ['-e', '0'] },
  );
  // --full: every timed run makes every chart, not only what changed since the last.
  const generateFull: Command = { label: 'generate --full (all charts)', command: node, args: [CLI, 'generate', '--full', '--root', scratch] };
  const full = pair(generateFull, { label: `cdk8s synth (the umbrella's ${objects.length} objects)`, command: node, args: [path.join(ROOT, 'bench/cdk8s-app.mjs'), cdk8sOut, cdk8sInput] });
  // The first round's reference: ui and api's objects and the Ingress alone.
  const fullFirstRound = pair(generateFull, { label: `cdk8s synth (${MADE_BY_CONSTRUCTS.size} objects: ui+api+HPA+PDB+Ingress)`, command: node, args: [path.join(ROOT, 'bench/cdk8s-app.mjs'), cdk8sOut] });
  const render = pair(
    { label: 'helm template charts/umbrella', command: helm, args: ['template', 'balena', path.join(ROOT, 'charts/umbrella')] },
    { label: 'helm template (same objects as plain YAML, same values and values.schema.json)', command: helm, args: ['template', 'balena', plain] },
  );
  // The first round's floor, for comparison with its figures: the objects alone, no values to check.
  const bareRender = pair(
    { label: 'helm template charts/umbrella', command: helm, args: ['template', 'balena', path.join(ROOT, 'charts/umbrella')] },
    { label: 'helm template (same objects as plain YAML, no values)', command: helm, args: ['template', 'balena', barePlain] },
  );
  // One leaf chart's schema edited before each run (a default toggled), against a full generate of the same tree.
  const edited = scratchRoot();
  execFileSync(node, [CLI, 'generate', '--root', edited]);
  const leaf = pair(
    { label: 'generate after ui.schema.json changed', command: node, args: [CLI, 'generate', '--root', edited], before: () => toggleDefault(edited) },
    { label: 'generate --full (same tree)', command: node, args: [CLI, 'generate', '--full', '--root', edited] },
  );
  // The values schemas' own cost in Helm: the same render with their check skipped.
  const schemaCost = pair(
    { label: 'helm template charts/umbrella', command: helm, args: ['template', 'balena', path.join(ROOT, 'charts/umbrella')] },
    { label: 'the same, --skip-schema-validation', command: helm, args: ['template', 'balena', path.join(ROOT, 'charts/umbrella'), '--skip-schema-validation'] },
  );
  // The sizes take turns, round after round, so a change in machine load
  // reaches all of them alike and the marginal cost (a difference) stays steady.
  const sizes = [5, 20, 50].map((n) => {
    const root = scratchRoot(n);
    return { n, root, generate: { label: `generate ${n} components`, command: node, args: [CLI, 'generate', '--full', '--root', root] } as Command, times: [] as number[] };
  });
  for (const size of sizes) timeOnce(size.generate);
  for (let round = 0; round < RUNS; round++) for (const size of sizes) size.times.push(timeOnce(size.generate));
  const scale = sizes.map(({ n, root, generate, times }) => {
    const result = { components: n, medianMs: median(times), peakMemoryMb: peakMemoryMb(generate) };
    rmSync(root, { recursive: true, force: true });
    return result;
  });
  const first = scale[0];
  const last = scale[scale.length - 1];
  const marginalMs = first && last ? (last.medianMs - first.medianMs) / (last.components - first.components) : NaN;

  const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
  const peak50 = scale.find((s) => s.components === 50)?.peakMemoryMb;
  const marginalRatio = marginalMs / check.bMedianMs;
  const verdict = (value: number | undefined, target: number) => (value === undefined || !Number.isFinite(value) ? 'not measured' : value <= target ? 'met' : 'missed');
  // The targets of the second speed round, each beside what this run measured.
  const targets: [string, string, string, string][] = [
    ['generate --check, nothing changed', `${check.ratio.toFixed(2)}× node -e 0`, '≤ 1.2×', verdict(check.ratio, 1.2)],
    ['full generate, all charts', `${full.ratio.toFixed(2)}× cdk8s synth of the same ${objects.length} objects`, '≤ 1.3×', verdict(full.ratio, 1.3)],
    [`the same, against ${MADE_BY_CONSTRUCTS.size} of them (first round)`, `${fullFirstRound.ratio.toFixed(2)}×`, 'reported', '—'],
    ['generate after one leaf schema changed', `${leaf.ratio.toFixed(2)}× full (files equal a full generate's: reuse.test.ts)`, '≤ 0.6× full, byte-identical', verdict(leaf.ratio, 0.6)],
    ['helm template of the umbrella', `${render.ratio.toFixed(2)}× plain YAML with the same values schema`, '≤ 1.3×', verdict(render.ratio, 1.3)],
    ['the same, against plain YAML alone (first round)', `${bareRender.ratio.toFixed(2)}×`, 'reported', '—'],
    ['of which the values schemas', `${fmt(schemaCost.aMedianMs - schemaCost.bMedianMs)} (${(((schemaCost.aMedianMs - schemaCost.bMedianMs) / schemaCost.aMedianMs) * 100).toFixed(0)} % of the render)`, 'reported', '—'],
    ['marginal cost per component', `${marginalMs.toFixed(1)} ms = ${marginalRatio.toFixed(2)}× node -e 0`, '≤ 0.12×', verdict(marginalRatio, 0.12)],
    ['peak memory at 50 components', peak50 === undefined ? 'n/a (no /usr/bin/time)' : `${peak50.toFixed(0)} MB`, '≤ 100 MB', verdict(peak50, 100)],
  ];
  const lines = [
    `Machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.platform}; ${RUNS} alternating run pairs after ${WARMUP} warm-up pairs.`,
    '',
    '| measured | median | compared with | median | ratio (median of pairs) |',
    '| --- | --- | --- | --- | --- |',
    ...[check, full, fullFirstRound, leaf, render, bareRender, schemaCost].map((p) => `| ${p.a} | ${fmt(p.aMedianMs)} | ${p.b} | ${fmt(p.bMedianMs)} | ${p.ratio.toFixed(2)}× |`),
    '',
    '| synthetic components (seed 17) | generate median | peak memory |',
    '| --- | --- | --- |',
    ...scale.map((s) => `| ${s.components} | ${fmt(s.medianMs)} | ${s.peakMemoryMb === undefined ? 'n/a' : `${s.peakMemoryMb.toFixed(0)} MB`} |`),
    '',
    `Marginal cost per component ((t${last?.components} − t${first?.components}) / ${(last?.components ?? 0) - (first?.components ?? 0)}); milliseconds differ twofold between machines, so targets are ratios.`,
    '',
    '| figure | this run | target | |',
    '| --- | --- | --- | --- |',
    ...targets.map((row) => `| ${row.join(' | ')} |`),
  ];
  console.log(lines.join('\n'));
  writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify({ machine, pairs: [check, full, fullFirstRound, leaf, render, bareRender, schemaCost], scale, marginalMs, marginalPerNode: marginalRatio, targets }, null, 2)}\n`);
  for (const dir of [scratch, edited, cdk8sOut, plain, barePlain, path.dirname(cdk8sInput)]) rmSync(dir, { recursive: true, force: true });
}

main();
