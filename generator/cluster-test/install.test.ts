import { readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import {
  clients,
  clusterHelm,
  createUserSecrets,
  deleteNamespace,
  failedCreates,
  mustHelm,
  namespaceContents,
  releaseManifests,
  restrictedNamespace,
  serverVersion,
  statusCode,
  userSecretNames,
  valueAt,
  waitFor,
  waitForWorkloads,
} from '../test/support/cluster.js';
import { runAdminHookAhead } from '../test/support/hooks.js';
import { podReferenceProblems } from '../test/support/pod-references.js';
import { parseManifests, ROOT, template, type Manifest } from '../test/support/tools.js';

// The umbrella installed with each environment's values into a namespace that
// enforces the restricted Pod Security Standard, on a real API server.

interface Hpa {
  min: number;
  max: number;
  cpu: number;
  memory?: number;
}

function readYaml(file: string): Record<string, unknown> {
  return parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
}


/** HPA bounds for a component: the environment's values over the chart's defaults. */
function expectedHpa(environment: Record<string, unknown>, component: 'ui' | 'api'): Hpa {
  const defaults = readYaml(`charts/${component}/values.yaml`);
  const pick = (key: string): number | undefined =>
    (valueAt(environment, component, 'autoscaling', key) ?? valueAt(defaults, 'autoscaling', key)) as number | undefined;
  return { min: pick('minReplicas')!, max: pick('maxReplicas')!, cpu: pick('targetCPUUtilizationPercentage')!, memory: pick('targetMemoryUtilizationPercentage') ?? undefined };
}

async function assertAllObjectsExist(manifests: Manifest[], namespace: string): Promise<void> {
  const { objects } = clients();
  for (const manifest of manifests) {
    const metadata = { name: manifest.metadata.name, namespace: manifest.metadata.namespace as string | undefined ?? namespace };
    await objects.read({ apiVersion: manifest.apiVersion, kind: manifest.kind, metadata }).catch((error: unknown) => {
      throw new Error(`${manifest.kind}/${manifest.metadata.name} is not in the cluster: ${String(error)}`);
    });
  }
}

async function assertHpas(namespace: string, environment: Record<string, unknown>): Promise<void> {
  const { autoscaling } = clients();
  for (const component of ['ui', 'api'] as const) {
    const want = expectedHpa(environment, component);
    const hpa = await autoscaling.readNamespacedHorizontalPodAutoscaler({ name: `balena-${component}`, namespace });
    assert.is(hpa.spec?.scaleTargetRef.name, `balena-${component}`, `${component} HPA target`);
    assert.is(hpa.spec?.minReplicas, want.min, `${component} minReplicas`);
    assert.is(hpa.spec?.maxReplicas, want.max, `${component} maxReplicas`);
    const utilisation = (name: string) => hpa.spec?.metrics?.find((m) => m.resource?.name === name)?.resource?.target.averageUtilization;
    assert.is(utilisation('cpu'), want.cpu, `${component} CPU target`);
    assert.is(utilisation('memory'), want.memory, `${component} memory target`);
    // The HPA controller raises the Deployment to minReplicas on its own.
    await waitFor(`${component} scaled to ${want.min}`, async () => {
      const deployment = await clients().apps.readNamespacedDeployment({ name: `balena-${component}`, namespace });
      return deployment.spec?.replicas === want.min && deployment.status?.availableReplicas === want.min;
    }, 90_000);
  }
}

function testInstall(environmentFile: string, namespace: string, check: (values: Record<string, unknown>) => Promise<void>): void {
  const install = suite(`cluster (Kubernetes ${serverVersion()}): helm install --wait with ${environmentFile}`);
  const environment = readYaml(environmentFile);
  let manifests: Manifest[] = [];

  install.before(async () => {
    await restrictedNamespace(namespace);
    await createUserSecrets(namespace, environment);
    await runAdminHookAhead(namespace, parseManifests(template('umbrella', { namespace, valuesFiles: [path.join(ROOT, environmentFile)] })));
  });
  install.after(async () => {
    clusterHelm(['uninstall', 'balena', '--namespace', namespace, '--wait']);
    await deleteNamespace(namespace);
  });

  install('every object is accepted and every pod admitted under the restricted standard', async () => {
    mustHelm(['install', 'balena', path.join(ROOT, 'charts/umbrella'), '--namespace', namespace, '--values', path.join(ROOT, environmentFile), '--wait', '--timeout', '5m']);
    manifests = releaseManifests('balena', namespace);
    assert.ok(manifests.length > 20, `release has ${manifests.length} objects`);
    await assertAllObjectsExist(manifests, namespace);
    assert.equal(await failedCreates(namespace), [], 'no pod was refused');
  });

  install('every pod\'s Secrets, ConfigMaps and their keys and volume claims exist, as a kubelet needs them', async () => {
    assert.equal(await podReferenceProblems(namespace), []);
  });

  install('the namespace really enforces restricted: a privileged pod is refused', async () => {
    const refused = await clients().core.createNamespacedPod({
      namespace,
      body: { metadata: { name: 'privileged-probe' }, spec: { containers: [{ name: 'probe', image: 'busybox', securityContext: { privileged: true } }] } },
    }).then(() => undefined, (error: unknown) => error);
    assert.ok(refused, 'the privileged pod was admitted');
    assert.is(statusCode(refused), 403, String(refused));
    const status = JSON.parse(String((refused as { body: unknown }).body)) as { message: string };
    assert.match(status.message, /violates PodSecurity "restricted:latest": privileged/);
  });

  install('Deployments and StatefulSets reach available', async () => {
    await waitForWorkloads(namespace);
    const { apps } = clients();
    const deployments = await apps.listNamespacedDeployment({ namespace });
    const names = deployments.items.map((d) => d.metadata!.name!).sort();
    assert.equal(names, manifests.filter((m) => m.kind === 'Deployment').map((m) => m.metadata.name).sort());
    for (const deployment of deployments.items) {
      const available = deployment.status?.conditions?.find((c) => c.type === 'Available');
      assert.is(available?.status, 'True', `${deployment.metadata!.name} Available`);
    }
  });

  install('NetworkPolicies are in place, with the namespace default-deny', async () => {
    const { networking } = clients();
    const policies = (await networking.listNamespacedNetworkPolicy({ namespace })).items.map((p) => p.metadata!.name!).sort();
    assert.equal(policies, manifests.filter((m) => m.kind === 'NetworkPolicy').map((m) => m.metadata.name).sort());
    assert.ok(policies.includes('balena-ingress-default-deny-ingress'), policies.join(', '));
  });

  install('environment specifics', async () => {
    await check(environment);
  });

  install('helm test runs every test hook to success', async () => {
    const result = mustHelm(['test', 'balena', '--namespace', namespace, '--timeout', '3m']);
    const ran = [...result.matchAll(/^TEST SUITE:\s+(\S+)\s*\n.*\n.*\nPhase:\s+(\S+)/gm)].map((m) => `${m[1]} ${m[2]}`);
    const declared = parseHooks(mustHelm(['get', 'hooks', 'balena', '--namespace', namespace]))
      .filter((hook) => /(^|,)test(-success)?(,|$)/.test(hook.annotations['helm.sh/hook'] ?? ''))
      .map((hook) => `${hook.name} Succeeded`);
    assert.ok(declared.length >= 3, `test hooks: ${declared.join(', ')}`);
    assert.equal(ran.sort(), declared.sort(), result);
  });

  install('helm uninstall leaves only what is meant to stay', async () => {
    mustHelm(['uninstall', 'balena', '--namespace', namespace, '--wait', '--timeout', '2m']);
    let left: string[] = [];
    // Endpoints and pods go a moment after their owners.
    await waitFor('uninstall to settle', async () => {
      left = namespaceContents(namespace).filter((id) => !keptByPolicy(id, environment));
      return left.length === 0;
    }, 60_000).catch(() => assert.unreachable(`left behind in ${namespace}: ${left.join(', ')}`));
    const clusterScoped = [
      ...(await clients().objects.list('rbac.authorization.k8s.io/v1', 'ClusterRole', undefined, undefined, undefined, undefined, undefined, 'app.kubernetes.io/instance=balena')).items,
      ...(await clients().objects.list('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', undefined, undefined, undefined, undefined, undefined, 'app.kubernetes.io/instance=balena')).items,
    ]
      // Other suites may run a release of the same name in their own namespace meanwhile.
      .filter((item) => item.metadata?.annotations?.['meta.helm.sh/release-namespace'] === namespace)
      .map((item) => `${item.kind}/${item.metadata?.name}`);
    assert.equal(clusterScoped, [], 'cluster-scoped objects of the release');
  });

  install.run();
}

interface Hook {
  name: string;
  annotations: Record<string, string>;
}

function parseHooks(text: string): Hook[] {
  return text
    .split(/^---$/m)
    .map((doc) => parse(doc) as { metadata?: { name: string; annotations?: Record<string, string> } } | null)
    .filter((doc): doc is { metadata: { name: string; annotations?: Record<string, string> } } => Boolean(doc?.metadata))
    .map((doc) => ({ name: doc.metadata.name, annotations: doc.metadata.annotations ?? {} }));
}

/**
 * What uninstall leaves on purpose (README, "Uninstalling"): the Prometheus
 * volume claim a StatefulSet made (Kubernetes never deletes those with the
 * StatefulSet), and the Grafana admin Secret the install hook created, so a
 * reinstall keeps the same password.
 */
function keptByPolicy(id: string, environment: Record<string, unknown>): boolean {
  // The user's own Secrets were never the release's.
  if (userSecretNames(environment).some((name) => id === `Secret/${name}`)) return true;
  const persistence = valueAt(environment, 'monitoring', 'prometheus', 'persistence', 'enabled') !== false;
  if (persistence && /^PersistentVolumeClaim\/data-balena-monitoring-prometheus-\d+$/.test(id)) return true;
  return id === 'Secret/balena-monitoring-grafana-admin';
}

testInstall('environments/dev.yaml', 'balena-dev', async () => {
  // Dev runs one replica of each and no autoscaling.
  const { apps, autoscaling } = clients();
  for (const component of ['ui', 'api']) {
    const deployment = await apps.readNamespacedDeployment({ name: `balena-${component}`, namespace: 'balena-dev' });
    assert.is(deployment.spec?.replicas, 1, `${component} replicas`);
  }
  assert.is((await autoscaling.listNamespacedHorizontalPodAutoscaler({ namespace: 'balena-dev' })).items.length, 0);
});

testInstall('environments/production.yaml', 'balena-prod', async (environment) => {
  await assertHpas('balena-prod', environment);
  const { batch } = clients();
  const backup = await batch.readNamespacedCronJob({ name: 'balena-backup', namespace: 'balena-prod' });
  assert.is(backup.spec?.schedule, '0 0 * * *');
  assert.is(backup.spec?.concurrencyPolicy, 'Forbid');
});
