import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { clients, clusterHelm, deleteNamespace, mustHelm, restrictedNamespace, waitFor } from '../test/support/cluster.js';
import { runAdminHookAhead } from '../test/support/hooks.js';
import { podReferenceProblems } from '../test/support/pod-references.js';
import { parseManifests, ROOT, template } from '../test/support/tools.js';

/**
 * The check the install suites make after every install, shown to fail: the
 * fake nodes turn the Grafana pod Ready although the admin Secret it reads its
 * credentials from was never made (its hook "succeeded" without running), where
 * a kubelet would hold it in CreateContainerConfigError.
 */

const namespace = 'balena-references';
const SET = ['prometheus.persistence.enabled=false'];
const ADMIN_SECRET = 'balena-monitoring-grafana-admin';
const references = suite('cluster: what a kubelet needs before it starts a pod is checked, not assumed');

references.before(async () => {
  await restrictedNamespace(namespace);
  mustHelm(['install', 'balena', path.join(ROOT, 'charts/monitoring'), '--namespace', namespace, ...SET.flatMap((s) => ['--set', s]), '--timeout', '3m']);
  await waitFor('the Grafana pod', async () => {
    const pods = await clients().core.listNamespacedPod({ namespace, labelSelector: 'app.kubernetes.io/component=grafana' });
    return pods.items.length > 0;
  });
});
references.after(async () => {
  clusterHelm(['uninstall', 'balena', '--namespace', namespace, '--wait']);
  await deleteNamespace(namespace);
});

references('without the admin hook\'s work, the Grafana pod is reported for the missing Secret, naming pod, Secret and use', async () => {
  const problems = await podReferenceProblems(namespace);
  assert.ok(problems.length > 0, 'nothing was reported');
  for (const problem of problems) {
    assert.match(problem, new RegExp(`^Pod/balena-monitoring-grafana-[a-z0-9-]+: Secret/${ADMIN_SECRET} \\(container grafana, env GF_SECURITY_ADMIN_(USER|PASSWORD)\\) does not exist$`));
  }
});

references('after the hook\'s script ran for real with its own token, nothing is missing', async () => {
  await runAdminHookAhead(namespace, parseManifests(template('monitoring', { namespace, set: SET })));
  assert.equal(await podReferenceProblems(namespace), []);
});

references('a Secret without the key a pod reads is reported', async () => {
  const { core } = clients();
  const secret = await core.readNamespacedSecret({ name: ADMIN_SECRET, namespace });
  const keys = Object.keys(secret.data ?? {});
  assert.ok(keys.includes('admin-password'), keys.join(', '));
  delete secret.data!['admin-password'];
  await core.replaceNamespacedSecret({ name: ADMIN_SECRET, namespace, body: secret });
  const problems = await podReferenceProblems(namespace);
  assert.ok(problems.length > 0);
  for (const problem of problems) assert.match(problem, `Secret/${ADMIN_SECRET} has no key admin-password (container grafana, env GF_SECURITY_ADMIN_PASSWORD)`);
});

references('a missing volume claim is reported; optional references are not', async () => {
  const { core } = clients();
  await core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name: 'claims-and-options' },
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [{
          name: 'main',
          image: 'busybox:1.37',
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          envFrom: [{ secretRef: { name: 'maybe-later', optional: true } }],
        }],
        volumes: [
          { name: 'data', persistentVolumeClaim: { claimName: 'never-made' } },
          { name: 'settings', configMap: { name: 'maybe-later', optional: true } },
        ],
      },
    },
  }).catch((error: unknown) => assert.unreachable(`the pod was refused: ${String(error)}`));
  const problems = (await podReferenceProblems(namespace)).filter((p) => p.startsWith('Pod/claims-and-options:'));
  assert.equal(problems, [
    'Pod/claims-and-options: PersistentVolumeClaim/never-made (volume data) does not exist',
  ]);
});

references.run();
