import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { findKind, parseManifests, ROOT, template, type Manifest, WORKLOAD_CHARTS } from './support/tools.js';

type Json = Record<string, any>; // rendered objects are checked field by field below

const render = (chart: string, options: { values?: string; set?: string[] } = {}) =>
  parseManifests(template(chart, {
    valuesFiles: options.values ? [path.join(ROOT, 'charts', chart, 'ci', options.values)] : [],
    set: options.set,
  }));
const spec = (m: Manifest): Json => (m as Json).spec;
const podSpec = (manifests: Manifest[]): Json => spec(findKind(manifests, 'Deployment')).template.spec;
const mainContainer = (manifests: Manifest[]): Json => podSpec(manifests).containers[0];

for (const chart of WORKLOAD_CHARTS) {
  const rollout = suite(`${chart}: zero-downtime rollouts`);
  rollout('RollingUpdate never takes a pod down before its replacement is ready', () => {
    const strategy = spec(findKind(render(chart), 'Deployment')).strategy;
    assert.is(strategy.type, 'RollingUpdate');
    assert.is(strategy.rollingUpdate.maxUnavailable, 0);
    assert.is(strategy.rollingUpdate.maxSurge, '25%');
  });
  rollout('readiness, liveness and startup probes check the http port, readiness and liveness differently', () => {
    const container = mainContainer(render(chart));
    for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
      assert.is((container[probe].httpGet ?? container[probe].tcpSocket).port, 'http', probe);
    }
    assert.is.not(JSON.stringify(container.readinessProbe), JSON.stringify(container.livenessProbe));
    assert.is(container.ports[0].name, 'http');
  });
  rollout('a preStop pause shorter than the grace period lets in-flight requests drain', () => {
    const manifests = render(chart);
    const pause = mainContainer(manifests).lifecycle.preStop.sleep.seconds;
    assert.ok(pause > 0);
    assert.ok(podSpec(manifests).terminationGracePeriodSeconds > pause);
  });
  rollout('Kubernetes 1.29 gets an exec sleep (the sleep action is alpha there)', () => {
    const manifests = parseManifests(template(chart, { kubeVersion: 'v1.29.15' }));
    const preStop = mainContainer(manifests).lifecycle.preStop;
    assert.is(preStop.sleep, undefined);
    assert.equal(preStop.exec.command, ['sleep', '10']);
  });
  rollout('pods spread over zones and nodes but still schedule without zone labels', () => {
    const constraints = podSpec(render(chart)).topologySpreadConstraints as Json[];
    assert.equal(constraints.map((c) => c.topologyKey), ['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    for (const c of constraints) assert.is(c.whenUnsatisfiable, 'ScheduleAnyway');
  });
  rollout.run();

  const scaling = suite(`${chart}: autoscaling and disruption budget`);
  scaling('an autoscaling/v2 HPA targets 50 % CPU and the Deployment leaves replicas to it', () => {
    const manifests = render(chart);
    const hpa = findKind(manifests, 'HorizontalPodAutoscaler');
    assert.is(hpa.apiVersion, 'autoscaling/v2');
    const metrics = spec(hpa).metrics as Json[];
    assert.equal(metrics, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    assert.is(spec(hpa).scaleTargetRef.name, findKind(manifests, 'Deployment').metadata.name);
    assert.is(spec(findKind(manifests, 'Deployment')).replicas, undefined);
    assert.is(spec(hpa).behavior.scaleDown.stabilizationWindowSeconds, 300);
  });
  scaling('a memory target adds a second metric', () => {
    const hpa = findKind(render(chart, { set: ['autoscaling.targetMemoryUtilizationPercentage=80'] }), 'HorizontalPodAutoscaler');
    assert.equal((spec(hpa).metrics as Json[]).map((m) => [m.resource.name, m.resource.target.averageUtilization]), [['cpu', 50], ['memory', 80]]);
  });
  scaling('with autoscaling off the Deployment sets replicas and no HPA is made', () => {
    const manifests = render(chart, { set: ['autoscaling.enabled=false', 'replicaCount=4'] });
    assert.is(spec(findKind(manifests, 'Deployment')).replicas, 4);
    assert.not.ok(manifests.some((m) => m.kind === 'HorizontalPodAutoscaler'));
  });
  scaling('a PodDisruptionBudget exists when more than one replica can run, and not for one', () => {
    const pdb = findKind(render(chart), 'PodDisruptionBudget');
    assert.is(spec(pdb).maxUnavailable, 1);
    const single = render(chart, { set: ['autoscaling.enabled=false', 'replicaCount=1'] });
    assert.not.ok(single.some((m) => m.kind === 'PodDisruptionBudget'));
  });
  scaling.run();

  const security = suite(`${chart}: restricted security by default`);
  security('the pod runs as a numeric non-root user with seccomp RuntimeDefault', () => {
    const pod = podSpec(render(chart)).securityContext;
    assert.is(pod.runAsNonRoot, true);
    assert.type(pod.runAsUser, 'number');
    assert.ok(pod.runAsUser > 0);
    assert.type(pod.runAsGroup, 'number');
    assert.is(pod.seccompProfile.type, 'RuntimeDefault');
  });
  security('the container cannot escalate, drops every capability and has a read-only root with /tmp writable', () => {
    const manifests = render(chart);
    const container = mainContainer(manifests);
    assert.is(container.securityContext.allowPrivilegeEscalation, false);
    assert.is(container.securityContext.readOnlyRootFilesystem, true);
    assert.equal(container.securityContext.capabilities.drop, ['ALL']);
    assert.equal(container.volumeMounts, [{ name: 'tmp', mountPath: '/tmp' }]);
    assert.ok(podSpec(manifests).volumes.some((v: Json) => v.name === 'tmp' && v.emptyDir));
  });
  security('resource requests and limits are set', () => {
    const resources = mainContainer(render(chart)).resources;
    assert.ok(resources.requests.cpu && resources.requests.memory);
    assert.ok(resources.limits.memory);
  });
  security('the ServiceAccount token is not mounted', () => {
    const manifests = render(chart);
    assert.is((findKind(manifests, 'ServiceAccount') as Json).automountServiceAccountToken, false);
    assert.is(podSpec(manifests).automountServiceAccountToken, false);
  });
  security('a NetworkPolicy admits the release namespace and the ingress controller only', () => {
    const policy = spec(findKind(render(chart), 'NetworkPolicy'));
    assert.equal(policy.policyTypes, ['Ingress']);
    assert.equal(policy.ingress.map((rule: Json) => rule.from), [
      [{ podSelector: {} }],
      [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
    ]);
  });
  security('the helm test pod is restricted too', () => {
    const test = render(chart).find((m) => (m.metadata.annotations as Json | undefined)?.['helm.sh/hook'] === 'test') as Json;
    assert.ok(test, 'a helm test hook');
    assert.is(test.spec.securityContext.runAsNonRoot, true);
    assert.is(test.spec.containers[0].securityContext.allowPrivilegeEscalation, false);
  });
  security.run();

  const service = suite(`${chart}: Service and image`);
  service('the Service is ClusterIP by default and may be NodePort', () => {
    assert.is(spec(findKind(render(chart), 'Service')).type, 'ClusterIP');
    const nodePort = spec(findKind(render(chart, { set: ['service.type=NodePort', 'service.nodePort=30090'] }), 'Service'));
    assert.is(nodePort.type, 'NodePort');
    assert.is(nodePort.ports[0].nodePort, 30090);
  });
  service('an image digest wins over the tag', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const image = mainContainer(render(chart, { set: ['image.repository=product/web', 'image.tag=1.0.0', `image.digest=${digest}`] })).image;
    assert.is(image, `product/web@${digest}`);
  });
  service('global.imageRegistry and global.imagePullSecrets reach the pod', () => {
    const manifests = render(chart, { set: ['global.imageRegistry=mirror.example.com', 'global.imagePullSecrets[0].name=pull'] });
    assert.match(mainContainer(manifests).image, /^mirror\.example\.com\//);
    assert.equal(podSpec(manifests).imagePullSecrets, [{ name: 'pull' }]);
  });
  service('selector labels are only the stable name and instance labels', () => {
    const selector = spec(findKind(render(chart), 'Deployment')).selector.matchLabels;
    assert.equal(Object.keys(selector).sort(), ['app.kubernetes.io/instance', 'app.kubernetes.io/name']);
  });
  service.run();
}

const api = suite('api: database, metrics and Cloud SQL');
api('DATABASE_URL comes from a Secret the chart makes, never a literal', () => {
  const manifests = render('api');
  const env = mainContainer(manifests).env as Json[];
  const database = env.find((e) => e.name === 'DATABASE_URL');
  assert.equal(database, { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'balena-api-database', key: 'DATABASE_URL' } } });
  const secret = manifests.find((m) => m.kind === 'Secret') as Json;
  assert.is(secret.metadata.name, 'balena-api-database');
  assert.ok(secret.stringData.DATABASE_URL.startsWith('postgresql://'));
});
api('existingSecret is used as is and the chart makes no Secret', () => {
  const manifests = render('api', { values: 'production-values.yaml' });
  const database = (mainContainer(manifests).env as Json[]).find((e) => e.name === 'DATABASE_URL');
  assert.equal(database?.valueFrom.secretKeyRef, { name: 'api-database', key: 'DATABASE_URL' });
  assert.not.ok(manifests.some((m) => m.kind === 'Secret'));
});
api('global.databaseSecret is used as is and the chart makes no Secret over it', () => {
  const manifests = render('api', { set: ['global.databaseSecret=balena-database'] });
  const database = (mainContainer(manifests).env as Json[]).find((e) => e.name === 'DATABASE_URL');
  assert.equal(database?.valueFrom.secretKeyRef, { name: 'balena-database', key: 'DATABASE_URL' });
  assert.not.ok(manifests.some((m) => m.kind === 'Secret'), 'a Secret rendered over the one the user made');
});
api('METRICS_URL defaults to the monitoring chart Prometheus Service of the release', () => {
  const env = mainContainer(render('api')).env as Json[];
  assert.equal(env.find((e) => e.name === 'METRICS_URL'), { name: 'METRICS_URL', value: 'http://balena-monitoring-prometheus.web.svc.cluster.local:9090' });
  const custom = mainContainer(render('api', { values: 'production-values.yaml' })).env as Json[];
  assert.is(custom.find((e) => e.name === 'METRICS_URL')?.value, 'http://prometheus.monitoring.svc.cluster.local:9090');
});
api('pods carry Prometheus scrape annotations for the metrics path and port', () => {
  const annotations = spec(findKind(render('api'), 'Deployment')).template.metadata.annotations;
  assert.is(annotations['prometheus.io/scrape'], 'true');
  assert.is(annotations['prometheus.io/port'], '9898');
  assert.is(annotations['prometheus.io/path'], '/metrics');
});
api('the Cloud SQL Auth Proxy runs as a native sidecar with Workload Identity', () => {
  const manifests = render('api', { values: 'production-values.yaml' });
  const proxy = podSpec(manifests).initContainers[0];
  assert.is(proxy.name, 'cloud-sql-proxy');
  assert.is(proxy.restartPolicy, 'Always');
  assert.ok(proxy.args.includes('example-project:europe-west1:balena'));
  assert.ok(proxy.args.includes('--private-ip'));
  assert.is(proxy.securityContext.readOnlyRootFilesystem, true);
  const account = findKind(manifests, 'ServiceAccount') as Json;
  assert.is(account.metadata.annotations['iam.gke.io/gcp-service-account'], 'api@example-project.iam.gserviceaccount.com');
});
api('egress can be limited to DNS, the namespace and the database and Google API ranges', () => {
  const policy = spec(findKind(render('api', { values: 'production-values.yaml' }), 'NetworkPolicy'));
  assert.equal(policy.policyTypes, ['Ingress', 'Egress']);
  const toNetworks = policy.egress.find((rule: Json) => rule.to?.[0]?.ipBlock);
  assert.equal(toNetworks.to.map((peer: Json) => peer.ipBlock.cidr), ['10.20.0.0/16', '199.36.153.8/30']);
  assert.equal(toNetworks.ports.map((port: Json) => port.port), [443, 3307, 5432]);
  assert.equal(spec(findKind(render('api'), 'NetworkPolicy')).policyTypes, ['Ingress']);
});
api('the proxy is off by default', () => {
  assert.is(podSpec(render('api')).initContainers, undefined);
});
api.run();
