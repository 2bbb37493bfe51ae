import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse, stringify } from 'yaml';
import { immutableChanges, type KubeObject } from '../src/commands/upgrade-gate.js';
import { semverGreater, versionProblems } from '../src/commands/version-check.js';
import { freePort, waitForHttp } from './support/ports.js';
import { helm, parseManifests, ROOT, run, template, tool } from './support/tools.js';

const versions = suite('chart versions: a changed chart needs a higher version (chart-testing\'s rule, offline)');
versions('semver ordering', () => {
  assert.ok(semverGreater('0.1.1', '0.1.0'));
  assert.ok(semverGreater('1.0.0', '0.9.9'));
  assert.ok(semverGreater('0.2.0', '0.2.0-rc.1'));
  assert.not.ok(semverGreater('0.1.0', '0.1.0'));
  assert.not.ok(semverGreater('0.1.0-rc.1', '0.1.0'));
  assert.not.ok(semverGreater('0.10.0', '0.11.0'));
});
versions('a template change without a version bump is refused; with one it passes', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'balena-versions-'));
  const git = (...args: string[]) => run('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args]);
  try {
    cpSync(path.join(ROOT, 'charts/ui'), path.join(repo, 'charts/ui'), { recursive: true });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'ui 0.1.0');
    git('tag', 'ui-0.1.0');
    assert.equal(versionProblems(repo, 'ui-0.1.0'), []);
    const service = path.join(repo, 'charts/ui/templates/service.yaml');
    writeFileSync(service, readFileSync(service, 'utf8').replace('protocol: TCP', 'protocol: TCP\n      appProtocol: http'));
    assert.equal(versionProblems(repo, 'ui-0.1.0').map((p) => p.chart), ['ui']);
    const chartYaml = path.join(repo, 'charts/ui/Chart.yaml');
    writeFileSync(chartYaml, readFileSync(chartYaml, 'utf8').replace('version: 0.1.0', 'version: 0.1.1'));
    assert.equal(versionProblems(repo, 'ui-0.1.0'), []);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
versions.run();

const gate = suite('upgrade gate: changes Kubernetes cannot apply in place are caught before a cluster sees them');
const umbrella = (...set: string[]) => parseManifests(template('umbrella', { set })) as unknown as KubeObject[];
gate('an image change upgrades in place', () => {
  assert.equal(immutableChanges(umbrella(), umbrella('api.image.tag=6.9.3')), []);
});
gate('resizing Prometheus\'s volume claim template is refused (StatefulSet volumeClaimTemplates)', () => {
  const changes = immutableChanges(umbrella(), umbrella('monitoring.prometheus.persistence.size=30Gi'));
  assert.equal(changes.map((c) => [c.object, c.field]), [['StatefulSet/balena-monitoring-prometheus', 'spec.volumeClaimTemplates']]);
});
gate('a changed Deployment selector, Service type ExternalName, PVC storage class are refused; hooks are not compared', () => {
  const before = umbrella('monitoring.grafana.persistence.enabled=true');
  const after = structuredClone(before).map((o) => {
    const spec = o.spec as Record<string, any>;
    if (o.kind === 'Deployment' && o.metadata.name === 'balena-ui') spec.selector.matchLabels.tier = 'web';
    if (o.kind === 'Service' && o.metadata.name === 'balena-api') Object.assign(spec, { type: 'ExternalName', externalName: 'api.example.com' });
    if (o.kind === 'PersistentVolumeClaim') spec.storageClassName = 'standard';
    if (o.kind === 'Job') spec.template.spec.containers[0].image = 'other';
    return o;
  });
  assert.equal(immutableChanges(before, after).map((c) => `${c.object} ${c.field}`).sort(), [
    'Deployment/balena-ui spec.selector',
    'PersistentVolumeClaim/balena-monitoring-grafana spec.storageClassName',
    'Service/balena-api spec.type (ExternalName)',
  ]);
});
// A fixed earlier revision, not HEAD (which a clean checkout compares with
// itself): the last commit before every pod moved to the one pod template, the
// largest change of the rendered objects so far. Move it forward at a release.
const UPGRADE_BASE = '5a1dc2a';
gate(`upgrade-check from ${UPGRADE_BASE} passes on this tree`, () => {
  const known = run('git', ['-C', ROOT, 'cat-file', '-e', `${UPGRADE_BASE}^{commit}`]);
  assert.is(known.code, 0, `${UPGRADE_BASE} is not in this clone (a shallow clone?): ${known.stderr}`);
  const result = run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'generator/src/cli.ts'), 'upgrade-check', '--from', UPGRADE_BASE, '--root', ROOT], { env: { HELM: tool('helm') } });
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, `upgrades in place from ${UPGRADE_BASE}`);
});
gate.run();

const size = suite('release size: what Helm stores for the umbrella fits well inside one Secret');
size('gzip of the release record (chart, values, manifest) stays under half of the 1 MiB Secret limit', () => {
  const result = helm(['install', 'balena', path.join(ROOT, 'charts/umbrella'), '--namespace', 'web', '--dry-run=client', '--output', 'json']);
  assert.is(result.code, 0, result.stderr);
  // Helm keeps base64(gzip(JSON of the release)) in the Secret's `release` key.
  const stored = Buffer.byteLength(gzipSync(Buffer.from(JSON.stringify(JSON.parse(result.stdout)))).toString('base64'));
  assert.ok(stored < 512 * 1024, `${stored} bytes`);
  console.log(`    umbrella release record as Helm stores it: ${stored} bytes (limit 1048576)`);
});
size.run();

const oci = suite('publishing: every chart to an OCI registry on loopback and back');
oci('publish.sh pushes all charts; the umbrella pulled back renders exactly like the local one', async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'balena-oci-'));
  const port = await freePort();
  writeFileSync(path.join(work, 'registry.yml'), stringify({
    version: 0.1,
    log: { level: 'error' },
    storage: { filesystem: { rootdirectory: path.join(work, 'storage') } },
    http: { addr: `127.0.0.1:${port}` },
  }));
  const registry = spawn(tool('registry'), ['serve', path.join(work, 'registry.yml')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => registry.once('exit', () => resolve()));
  try {
    await waitForHttp(`http://127.0.0.1:${port}/v2/`);
    const target = `oci://127.0.0.1:${port}/balena`;
    const publish = run('bash', [path.join(ROOT, 'scripts/publish.sh'), '--out', path.join(work, 'dist'), '--push', target, '--plain-http'], { env: { HELM: tool('helm') } });
    assert.is(publish.code, 0, publish.stdout + publish.stderr);
    const index = parse(readFileSync(path.join(work, 'dist/index.yaml'), 'utf8')) as { entries: Record<string, unknown> };
    assert.equal(Object.keys(index.entries).sort(), ['api', 'backup', 'ingress', 'monitoring', 'ui', 'umbrella']);
    const version = (parse(readFileSync(path.join(ROOT, 'charts/umbrella/Chart.yaml'), 'utf8')) as { version: string }).version;
    mkdirSync(path.join(work, 'pulled'));
    const pull = helm(['pull', `${target}/umbrella`, '--version', version, '--plain-http', '--destination', path.join(work, 'pulled')]);
    assert.is(pull.code, 0, pull.stderr);
    assert.ok(readFileSync(path.join(work, 'pulled', `umbrella-${version}.tgz`)).length > 1000);
    const remote = helm(['template', 'balena', `${target}/umbrella`, '--version', version, '--plain-http', '--namespace', 'web']);
    assert.is(remote.code, 0, remote.stderr);
    assert.equal(parseManifests(remote.stdout), parseManifests(template('umbrella')));
  } finally {
    registry.kill('SIGKILL');
    await exited;
    rmSync(work, { recursive: true, force: true });
  }
});
oci.run();
