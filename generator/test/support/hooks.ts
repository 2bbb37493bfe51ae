import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clients, clusterCa } from './cluster.js';
import { ROOT, run, type Manifest, type RunResult } from './tools.js';

/**
 * Hook Jobs whose work can run here for real. No container runs on the local
 * control plane's fake nodes, so a hook Job "succeeds" without doing anything;
 * the Grafana admin hook is bash and curl against the API server, so the
 * tests run its script themselves, as the hook's own ServiceAccount (a token
 * bound to the chart's Role), before Helm installs the release: the Secret it
 * makes then exists as it would on a real cluster.
 */

const ADMIN_SCRIPT = path.join(ROOT, 'charts/monitoring/files/ensure-admin-secret.sh');
const RBAC_KINDS = ['ServiceAccount', 'Role', 'RoleBinding'];

/** The Grafana admin hook's Job among rendered manifests: the Job that runs ensure-admin-secret.sh. */
export function adminHookJob(manifests: Manifest[]): Manifest | undefined {
  return manifests.find((m) => m.kind === 'Job' && JSON.stringify(m.spec).includes('ensure-admin-secret.sh'));
}

/** The literal environment of a Job's first container. */
export function jobEnv(job: Manifest): Record<string, string> {
  const spec = job.spec as { template: { spec: { containers: Array<{ env?: Array<{ name: string; value?: string }> }> } } };
  return Object.fromEntries((spec.template.spec.containers[0]!.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
}

export interface HookIdentity {
  token: string;
  /** Files the script reads in place of a pod's service-account mount. */
  files: { token: string; ca: string; namespace: string };
  /** Removes the RBAC objects made for the identity and the files. */
  remove(): Promise<void>;
}

/** The hook's ServiceAccount, Role and RoleBinding made in `namespace`, and a token of that ServiceAccount. */
export async function hookIdentity(namespace: string, manifests: Manifest[], job: Manifest): Promise<HookIdentity> {
  const { objects, core } = clients();
  const rbac = manifests.filter((m) => RBAC_KINDS.includes(m.kind) && m.metadata.name === job.metadata.name);
  if (rbac.length !== RBAC_KINDS.length) throw new Error(`${job.metadata.name}: expected its ${RBAC_KINDS.join(', ')}, found ${rbac.map((m) => m.kind).join(', ')}`);
  const placed = rbac.map((m) => ({ ...m, metadata: { ...m.metadata, namespace } }));
  for (const manifest of placed) await objects.create(manifest);
  const token = (await core.createNamespacedServiceAccountToken({ name: job.metadata.name, namespace, body: { spec: { audiences: [], expirationSeconds: 600 } } })).status!.token;
  const scratch = mkdtempSync(path.join(tmpdir(), 'balena-hook-'));
  const files = { token: path.join(scratch, 'token'), ca: path.join(scratch, 'ca.crt'), namespace: path.join(scratch, 'namespace') };
  writeFileSync(files.token, token);
  writeFileSync(files.namespace, namespace);
  writeFileSync(files.ca, clusterCa());
  return {
    token,
    files,
    async remove() {
      for (const manifest of placed.reverse()) await objects.delete(manifest).catch(() => undefined);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Runs the chart's ensure-admin-secret.sh with the Job's environment, as `identity`. */
export function runAdminSecretScript(job: Manifest, identity: HookIdentity): RunResult {
  return run('bash', [ADMIN_SCRIPT], {
    env: {
      ...jobEnv(job),
      KUBERNETES_API: clients().config.getCurrentCluster()!.server,
      TOKEN_FILE: identity.files.token,
      CA_FILE: identity.files.ca,
      NAMESPACE_FILE: identity.files.namespace,
    },
  });
}

/**
 * Does the Grafana admin hook's work ahead of `helm install` of the rendered
 * `manifests` into `namespace` (nothing when the render has no such hook):
 * its RBAC objects are made, the script runs with their token, and they are
 * removed again for Helm to make as hooks.
 */
export async function runAdminHookAhead(namespace: string, manifests: Manifest[]): Promise<void> {
  const job = adminHookJob(manifests);
  if (!job) return;
  const identity = await hookIdentity(namespace, manifests, job);
  try {
    // RBAC takes a moment to reach the authorizer's cache.
    let result = runAdminSecretScript(job, identity);
    for (let attempt = 0; result.code !== 0 && attempt < 20; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      result = runAdminSecretScript(job, identity);
    }
    if (result.code !== 0) throw new Error(`the Grafana admin hook's script failed: ${result.stderr}`);
  } finally {
    await identity.remove();
  }
}
