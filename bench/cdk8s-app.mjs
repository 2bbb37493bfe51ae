// The objects the umbrella renders, written with cdk8s, for the benchmark's
// side-by-side comparison: ui and api (Deployments, Services, HPAs, PDBs) and
// the Ingress with TLS through cdk8s-plus's constructs; with OBJECTS (a JSON
// list), each other object as an ApiObject, the cheapest way cdk8s has to
// write one. Usage: node cdk8s-app.mjs OUTDIR [OBJECTS]
import { readFileSync } from 'node:fs';
import { ApiObject, App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';

const [outdir = 'dist', objectsFile] = process.argv.slice(2);
const app = new App({ outdir });
const chart = new Chart(app, 'balena');

const services = {};
for (const [name, image, port, health] of [
  ['ui', 'nginxinc/nginx-unprivileged:1.29.3-alpine', 8080, '/'],
  ['api', 'ghcr.io/stefanprodan/podinfo:6.9.2', 9898, '/readyz'],
]) {
  const deployment = new kplus.Deployment(chart, name, {
    strategy: kplus.DeploymentStrategy.rollingUpdate({ maxSurge: kplus.PercentOrAbsolute.percent(25), maxUnavailable: kplus.PercentOrAbsolute.absolute(0) }),
    securityContext: { ensureNonRoot: true, user: 10001, group: 10001, fsGroup: 10001 },
    containers: [{
      name,
      image,
      portNumber: port,
      securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, ensureNonRoot: true, user: 10001, group: 10001 },
      resources: {
        cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(500) },
        memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
      },
      readiness: kplus.Probe.fromHttpGet(health, { port }),
      liveness: kplus.Probe.fromHttpGet(health, { port }),
      startup: kplus.Probe.fromHttpGet(health, { port }),
    }],
  });
  services[name] = deployment.exposeViaService({ name: `balena-${name}`, ports: [{ port: 80, targetPort: port }] });
  new kplus.HorizontalPodAutoscaler(chart, `${name}-hpa`, {
    target: deployment,
    minReplicas: 2,
    maxReplicas: 10,
    metrics: [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(50))],
    scaleDown: { stabilizationWindow: Duration.minutes(5) },
  });
  new ApiObject(chart, `${name}-pdb`, {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: `balena-${name}` },
    spec: { maxUnavailable: 1, selector: { matchLabels: deployment.matchLabels } },
  });
}
const ingress = new kplus.Ingress(chart, 'ingress', { className: 'nginx' });
ingress.addHostRule('balena.example.com', '/api', kplus.IngressBackend.fromService(services.api));
ingress.addHostRule('balena.example.com', '/', kplus.IngressBackend.fromService(services.ui));
ingress.addTls([{ hosts: ['balena.example.com'], secret: kplus.Secret.fromSecretName(chart, 'tls', 'balena-tls') }]);
for (const object of objectsFile === undefined ? [] : JSON.parse(readFileSync(objectsFile, 'utf8'))) {
  new ApiObject(chart, `${object.kind}-${object.metadata.name}`, object);
}
app.synth();
