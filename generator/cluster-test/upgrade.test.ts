import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { clients, clusterHelm, createUserSecrets, deleteNamespace, mustHelm, releaseManifests, restrictedNamespace, waitForWorkloads } from '../test/support/cluster.js';
import { runAdminHookAhead } from '../test/support/hooks.js';
import { podReferenceProblems } from '../test/support/pod-references.js';
import { helm, parseManifests, ROOT, template, type Manifest } from '../test/support/tools.js';

// Upgrading a running release from the previous published umbrella to this
// checkout: Kubernetes must accept every change (no immutable field such as
// a selector changed) and nothing may be deleted and recreated on the way.

const namespace = 'balena-upgrade';
const upgrade = suite('cluster: upgrade from the previous umbrella');
let scratch = '';

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

/** The newest release tag, or else the first commit that has the umbrella chart. */
function previousRevision(): string {
  const tag = git(['tag', '--list', 'v*', '--sort=-v:refname']).split('\n')[0];
  if (tag) return tag;
  const added = git(['log', '--diff-filter=A', '--format=%H', '--', 'charts/umbrella/Chart.yaml']).split('\n');
  return added[added.length - 1]!;
}

function identity(manifest: Manifest): string {
  return `${manifest.kind}/${manifest.metadata.name}`;
}

async function uids(manifests: Manifest[]): Promise<Map<string, string>> {
  const { objects } = clients();
  const found = new Map<string, string>();
  for (const manifest of manifests) {
    const live = await objects.read({ apiVersion: manifest.apiVersion, kind: manifest.kind, metadata: { name: manifest.metadata.name, namespace: (manifest.metadata.namespace as string | undefined) ?? namespace } });
    found.set(identity(manifest), live.metadata!.uid!);
  }
  return found;
}

upgrade.before(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'balena-upgrade-'));
  await restrictedNamespace(namespace);
  // What today's production values expect the team to have made first.
  await createUserSecrets(namespace, parse(readFileSync(path.join(ROOT, 'environments/production.yaml'), 'utf8')) as Record<string, unknown>);
});

upgrade.after(async () => {
  clusterHelm(['uninstall', 'balena', '--namespace', namespace, '--wait']);
  await deleteNamespace(namespace);
  rmSync(scratch, { recursive: true, force: true });
});

upgrade('no immutable-field error and no object recreated', async () => {
  const revision = previousRevision();
  const previous = path.join(scratch, 'previous');
  execFileSync('bash', ['-c', `mkdir -p "${previous}" && git archive "${revision}" charts/umbrella environments | tar -x -C "${previous}"`], { cwd: ROOT });
  const packaged = helm(['package', path.join(previous, 'charts/umbrella'), '--destination', scratch]);
  assert.is(packaged.code, 0, packaged.stderr);
  const archive = readdirSync(scratch).find((file) => file.endsWith('.tgz'))!;
  console.log(`\nupgrading from ${archive} built from ${revision.slice(0, 12)}`);

  await runAdminHookAhead(namespace, parseManifests(template('umbrella', { namespace, valuesFiles: [path.join(ROOT, 'environments/production.yaml')] })));
  mustHelm(['install', 'balena', path.join(scratch, archive), '--namespace', namespace, '--values', path.join(previous, 'environments/production.yaml'), '--wait', '--timeout', '5m']);
  const before = releaseManifests('balena', namespace);
  const uidsBefore = await uids(before);

  const result = clusterHelm(['upgrade', 'balena', path.join(ROOT, 'charts/umbrella'), '--namespace', namespace, '--values', path.join(ROOT, 'environments/production.yaml'), '--wait', '--timeout', '5m']);
  assert.is(result.code, 0, `upgrade failed: ${result.stderr}`);
  await waitForWorkloads(namespace);
  const after = releaseManifests('balena', namespace);
  const uidsAfter = await uids(after);

  assert.equal(await podReferenceProblems(namespace), [], 'what the upgraded pods need exists');
  const recreated = [...uidsBefore].filter(([id, uid]) => uidsAfter.has(id) && uidsAfter.get(id) !== uid).map(([id]) => id);
  assert.equal(recreated, [], 'objects deleted and created again by the upgrade');
  const kept = [...uidsBefore.keys()].filter((id) => uidsAfter.has(id));
  assert.ok(kept.length >= before.length / 2, `most objects carry over (${kept.length} of ${before.length})`);
});

upgrade.run();
