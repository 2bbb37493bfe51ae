import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clients, deleteNamespace, restrictedNamespace } from '../test/support/cluster.js';
import { adminHookJob, hookIdentity, jobEnv, runAdminSecretScript, type HookIdentity } from '../test/support/hooks.js';
import { parseManifests, run, template, type Manifest } from '../test/support/tools.js';

// The monitoring chart's install hook creates the Grafana admin Secret with
// the hook's own ServiceAccount. No container runs on the local control
// plane, so the test runs the chart's script itself, with a token of that
// ServiceAccount bound to the chart's Role: the Role must allow exactly what
// the script does, against the real API server.

const namespace = 'balena-grafana';
const grafana = suite('cluster: Grafana admin Secret hook with its own RBAC');
let hook: Manifest[] = [];
let job: Manifest;
let identity: HookIdentity;
let hookToken = '';

/** One request to the API server with a bearer token; the HTTP status. */
async function api(token: string, method: string, urlPath: string, body?: string): Promise<number> {
  return (await apiResponse(token, method, urlPath, body)).status;
}

async function apiResponse(token: string, method: string, urlPath: string, body?: string): Promise<{ status: number; json: unknown }> {
  const args = ['--silent', '--show-error', '--cacert', identity.files.ca, '--header', `Authorization: Bearer ${token}`, '--header', 'Content-Type: application/json', '--request', method, '--write-out', '\\n%{http_code}', ...(body === undefined ? [] : ['--data-binary', body]), `${clients().config.getCurrentCluster()!.server}${urlPath}`];
  const result = run('curl', args);
  const lines = result.stdout.trimEnd().split('\n');
  const status = Number(lines.pop());
  const text = lines.join('\n');
  return { status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** GET a Secret as the token's identity: its status, or 'not yet' while `ready` says the Secret is not filled in. */
async function readSecretAs(token: string, name: string, ready?: (secret: { data?: Record<string, string> }) => boolean): Promise<number | 'not yet'> {
  const { status, json } = await apiResponse(token, 'GET', `/api/v1/namespaces/${namespace}/secrets/${name}`);
  if (status === 200 && ready !== undefined && !ready(json as { data?: Record<string, string> })) return 'not yet';
  return status;
}

/** RBAC takes a moment to reach the authorizer's cache. */
async function waitForAccess(token: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const status = await api(token, 'POST', `/api/v1/namespaces/${namespace}/secrets?dryRun=All`, JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'access-check' } }));
    if (status === 201) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

grafana.before(async () => {
  await restrictedNamespace(namespace);
  hook = parseManifests(template('monitoring', { namespace, release: 'balena', set: [] }))
    .filter((m) => m.metadata.name === 'balena-monitoring-grafana-admin-init');
  job = adminHookJob(hook)!;
  assert.ok(job, 'the monitoring chart has the admin hook Job');
  identity = await hookIdentity(namespace, hook, job);
  hookToken = identity.token;
});

grafana.after(async () => {
  await identity.remove();
  await deleteNamespace(namespace);
});

grafana('creates the Secret once with a random password', async () => {
  const result = runAdminSecretScript(job, identity);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /created/);
  const env = jobEnv(job);
  const secret = await clients().core.readNamespacedSecret({ name: env.SECRET_NAME!, namespace });
  const decode = (key: string) => Buffer.from(secret.data![key]!, 'base64').toString('utf8');
  assert.is(decode(env.USER_KEY!), 'admin');
  assert.match(decode(env.PASSWORD_KEY!), /^[0-9a-f]{48}$/);
});

grafana('leaves an existing Secret as it is', async () => {
  const env = jobEnv(job);
  const before = await clients().core.readNamespacedSecret({ name: env.SECRET_NAME!, namespace });
  const result = runAdminSecretScript(job, identity);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /exists: left as it is/);
  const after = await clients().core.readNamespacedSecret({ name: env.SECRET_NAME!, namespace });
  assert.equal(after.data, before.data);
  assert.is(after.metadata!.resourceVersion, before.metadata!.resourceVersion);
});

grafana('its token can read no Secret, not even the one it made', async () => {
  await clients().core.createNamespacedSecret({ namespace, body: { metadata: { name: 'someone-elses' }, stringData: { key: 'value' } } });
  const env = jobEnv(job);
  for (const name of ['someone-elses', env.SECRET_NAME!]) assert.is(await readSecretAs(hookToken, name), 403, name);
});

// The way around a create-anywhere, read-one-name Role: create a
// service-account-token Secret under the readable name for another
// ServiceAccount; the token controller fills in that identity's token.
async function tokenSecretTrick(token: string, name: string): Promise<number> {
  const body = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token', metadata: { name, annotations: { 'kubernetes.io/service-account.name': 'powerful' } } });
  const created = await api(token, 'POST', `/api/v1/namespaces/${namespace}/secrets`, body);
  assert.is(created, 201, 'the Role lets the hook create Secrets of any name');
  // The token controller fills the Secret in a moment; reading it is what the Role must prevent.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const status = await readSecretAs(token, name, (secret) => Boolean(secret.data?.token));
    if (status !== 'not yet') return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return 0;
}

grafana('the token-Secret trick works against a Role that can also get its Secret by name (the earlier one)', async () => {
  const { objects } = clients();
  await clients().core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: 'powerful' } } });
  const earlier = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'earlier-hook', namespace }, rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['stolen-token'], verbs: ['get'] }, { apiGroups: [''], resources: ['secrets'], verbs: ['create'] }] };
  await objects.create(earlier);
  await objects.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'earlier-hook', namespace }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'earlier-hook' }, subjects: [{ kind: 'ServiceAccount', name: 'earlier-hook', namespace }] });
  await clients().core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: 'earlier-hook' } } });
  const earlierToken = (await clients().core.createNamespacedServiceAccountToken({ name: 'earlier-hook', namespace, body: { spec: { audiences: [], expirationSeconds: 600 } } })).status!.token;
  await waitForAccess(earlierToken);
  assert.is(await tokenSecretTrick(earlierToken, 'stolen-token'), 200, 'another ServiceAccount\'s token was read');
});

grafana('the same trick fails against the chart\'s Role: it may create, never read', async () => {
  assert.is(await tokenSecretTrick(hookToken, 'stolen-by-hook'), 403);
});

grafana.run();
