import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clients, deleteNamespace, restrictedNamespace } from '../test/support/cluster.js';
import { parseManifests, ROOT, run, template, type Manifest } from '../test/support/tools.js';

// The monitoring chart's install hook creates the Grafana admin Secret with
// the hook's own ServiceAccount. No container runs on the local control
// plane, so the test runs the chart's script itself, with a token of that
// ServiceAccount bound to the chart's Role: the Role must allow exactly what
// the script does, against the real API server.

const namespace = 'balena-grafana';
const grafana = suite('cluster: Grafana admin Secret hook with its own RBAC');
let scratch = '';
let hook: Manifest[] = [];

function envOf(job: Manifest): Record<string, string> {
  const spec = job.spec as { template: { spec: { containers: Array<{ env?: Array<{ name: string; value?: string }> }> } } };
  return Object.fromEntries((spec.template.spec.containers[0]!.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
}

function runScript(secretName?: string) {
  const job = hook.find((m) => m.kind === 'Job')!;
  const env = { ...envOf(job), ...(secretName ? { SECRET_NAME: secretName } : {}) };
  return run('bash', [path.join(ROOT, 'charts/monitoring/files/ensure-admin-secret.sh')], {
    env: {
      ...env,
      KUBERNETES_API: clients().config.getCurrentCluster()!.server,
      TOKEN_FILE: path.join(scratch, 'token'),
      CA_FILE: path.join(scratch, 'ca.crt'),
      NAMESPACE_FILE: path.join(scratch, 'namespace'),
    },
  });
}

grafana.before(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'balena-grafana-'));
  await restrictedNamespace(namespace);
  hook = parseManifests(template('monitoring', { namespace, release: 'balena', set: [] }))
    .filter((m) => m.metadata.name === 'balena-monitoring-grafana-admin-init');
  const { objects, core, config } = clients();
  for (const kind of ['ServiceAccount', 'Role', 'RoleBinding']) {
    const manifest = hook.find((m) => m.kind === kind);
    assert.ok(manifest, `the hook has a ${kind}`);
    await objects.create({ ...manifest, metadata: { ...manifest!.metadata, namespace } });
  }
  const token = await core.createNamespacedServiceAccountToken({
    name: 'balena-monitoring-grafana-admin-init',
    namespace,
    body: { spec: { audiences: [], expirationSeconds: 600 } },
  });
  writeFileSync(path.join(scratch, 'token'), token.status!.token);
  writeFileSync(path.join(scratch, 'namespace'), namespace);
  const cluster = config.getCurrentCluster()!;
  writeFileSync(path.join(scratch, 'ca.crt'), cluster.caData ? Buffer.from(cluster.caData, 'base64') : readFileSync(cluster.caFile!));
});

grafana.after(async () => {
  await deleteNamespace(namespace);
  rmSync(scratch, { recursive: true, force: true });
});

grafana('creates the Secret once with a random password', async () => {
  const result = runScript();
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /created/);
  const env = envOf(hook.find((m) => m.kind === 'Job')!);
  const secret = await clients().core.readNamespacedSecret({ name: env.SECRET_NAME!, namespace });
  const decode = (key: string) => Buffer.from(secret.data![key]!, 'base64').toString('utf8');
  assert.is(decode(env.USER_KEY!), 'admin');
  assert.match(decode(env.PASSWORD_KEY!), /^[0-9a-f]{48}$/);
});

grafana('leaves an existing Secret as it is', async () => {
  const env = envOf(hook.find((m) => m.kind === 'Job')!);
  const before = await clients().core.readNamespacedSecret({ name: env.SECRET_NAME!, namespace });
  const result = runScript();
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /exists: left as it is/);
  const after = await clients().core.readNamespacedSecret({ name: env.SECRET_NAME!, namespace });
  assert.equal(after.data, before.data);
  assert.is(after.metadata!.resourceVersion, before.metadata!.resourceVersion);
});

grafana('cannot read any other Secret', async () => {
  await clients().core.createNamespacedSecret({ namespace, body: { metadata: { name: 'someone-elses' }, stringData: { key: 'value' } } });
  const result = runScript('someone-elses');
  assert.is.not(result.code, 0);
  assert.match(result.stderr, /HTTP 403/);
});

grafana.run();
