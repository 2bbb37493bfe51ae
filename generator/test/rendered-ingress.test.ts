import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { valuesCases } from './support/cases.js';
import { helm, parseManifests, ROOT, template, templateResult, type Manifest } from './support/tools.js';

type Json = Record<string, any>; // rendered objects are checked field by field below

const ci = (file: string) => [path.join(ROOT, 'charts/ingress/ci', file)];
const render = (valuesFiles: string[] = [], set: string[] = []) => parseManifests(template('ingress', { valuesFiles, set }));
const kinds = (manifests: Manifest[], kind: string) => manifests.filter((m) => m.kind === kind) as Json[];
const only = (manifests: Manifest[], kind: string): Json => {
  const [found, ...more] = kinds(manifests, kind);
  if (!found || more.length > 0) throw new Error(`expected one ${kind}, found ${more.length + (found ? 1 : 0)}`);
  return found;
};
const backends = (manifests: Manifest[]): string[] => [
  ...kinds(manifests, 'Ingress').flatMap((i) => i.spec.rules.flatMap((r: Json) => r.http.paths.map((p: Json) => p.backend.service.name))),
  ...kinds(manifests, 'HTTPRoute').flatMap((r) => r.spec.rules.flatMap((rule: Json) => (rule.backendRefs ?? []).map((b: Json) => b.name))),
];

const isolation = suite('ingress: Prometheus can never be routed to');
for (const c of valuesCases(['ingress'])) {
  isolation(`no Ingress or HTTPRoute backend names Prometheus (${c.name})`, () => {
    const names = backends(render(c.valuesFiles));
    assert.ok(names.length >= 2);
    for (const name of names) assert.not.match(name, /prometheus/);
  });
}
isolation('pointing a route at the Prometheus Service is refused by the schema, naming the value', () => {
  const result = templateResult('ingress', { set: ['routes.api.service.name=balena-monitoring-prometheus'] });
  assert.is.not(result.code, 0);
  assert.ok(result.stderr.includes("at '/routes/api/service/name': 'not' failed"), result.stderr);
});
isolation('the chart itself refuses it too, with the reason, when schema validation is skipped', () => {
  const result = helm(['template', 'balena', path.join(ROOT, 'charts/ingress'), '--skip-schema-validation', '--set', 'routes.ui.service.name=prom-prometheus-server']);
  assert.is.not(result.code, 0);
  assert.match(result.stderr, /routes\.ui\.service\.name: "prom-prometheus-server" is Prometheus, which is internal only; no route may point at it/);
});
isolation('there is no route key for Prometheus', () => {
  const result = templateResult('ingress', { set: ['routes.prometheus.enabled=true'] });
  assert.is.not(result.code, 0);
  assert.ok(result.stderr.includes("at '/routes': additional properties 'prometheus' not allowed"), result.stderr);
});
isolation.run();

const ingress = suite('ingress mode: NGINX Ingress with HTTPS termination');
ingress('routes / to ui, /api to api and /grafana to Grafana on the host, with TLS', () => {
  const resource = only(render(), 'Ingress');
  assert.is(resource.spec.ingressClassName, 'nginx');
  assert.equal(resource.spec.tls, [{ secretName: 'balena-ingress-tls', hosts: ['balena.example.com'] }]);
  const paths = resource.spec.rules[0].http.paths.map((p: Json) => [p.path, p.backend.service.name]);
  assert.equal(paths, [['/api', 'balena-api'], ['/grafana', 'balena-monitoring-grafana'], ['/', 'balena-ui']]);
});
ingress('F5 NGINX gets nginx.org annotations: redirect to HTTPS and HSTS', () => {
  const annotations = only(render(ci('existing-secret-values.yaml')), 'Ingress').metadata.annotations;
  assert.is(annotations['nginx.org/redirect-to-https'], 'true');
  assert.is(annotations['nginx.org/hsts'], 'true');
  assert.is(annotations['nginx.org/hsts-max-age'], '31536000');
  assert.is(annotations['nginx.org/client-max-body-size'], '20m');
  assert.is(annotations['nginx.org/proxy-read-timeout'], '120s');
  assert.not.ok(Object.keys(annotations).some((key) => key.startsWith('nginx.ingress.kubernetes.io/')));
});
ingress('community ingress-nginx gets its own annotations, cert-manager its issuer, Grafana its host', () => {
  const resource = only(render(ci('cert-manager-values.yaml')), 'Ingress');
  const annotations = resource.metadata.annotations;
  assert.is(annotations['nginx.ingress.kubernetes.io/force-ssl-redirect'], 'true');
  assert.is(annotations['cert-manager.io/cluster-issuer'], 'letsencrypt-prod');
  assert.not.ok(Object.keys(annotations).some((key) => key.startsWith('nginx.org/')));
  assert.equal(resource.spec.tls[0].hosts, ['shop.example.com', 'grafana.shop.example.com']);
  assert.equal(resource.spec.rules.map((r: Json) => r.host), ['shop.example.com', 'grafana.shop.example.com']);
  const issuer = only(render(ci('cert-manager-values.yaml')), 'ClusterIssuer');
  assert.is(issuer.spec.acme.solvers[0].http01.ingress.ingressClassName, 'nginx');
});
ingress.run();

const gateway = suite('gateway mode: HTTPRoutes, TLS on the Gateway listener');
gateway('the chart-made Gateway terminates TLS with the Secret; routes attach to its listeners', () => {
  const manifests = render(ci('gateway-values.yaml'));
  assert.is(kinds(manifests, 'Ingress').length, 0);
  const gw = only(manifests, 'Gateway');
  assert.is(gw.spec.gatewayClassName, 'gke-l7-regional-external-managed');
  const https = gw.spec.listeners.find((l: Json) => l.name === 'https');
  assert.equal(https.tls, { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'balena-ingress-tls' }] });
  const routes = Object.fromEntries(kinds(manifests, 'HTTPRoute').map((r) => [r.metadata.name, r]));
  assert.equal(routes['balena-ingress'].spec.parentRefs, [{ name: 'balena-ingress', sectionName: 'https' }]);
  assert.equal(routes['balena-ingress-grafana'].spec.parentRefs, [{ name: 'balena-ingress', sectionName: 'grafana' }]);
  assert.equal(routes['balena-ingress-https-redirect'].spec.rules[0].filters[0].requestRedirect, { scheme: 'https', statusCode: 301 });
  assert.is(gw.metadata.annotations['cert-manager.io/cluster-issuer'], 'letsencrypt');
});
gateway('routes attach to a platform Gateway by name, namespace and listener', () => {
  const manifests = render(ci('gateway-parent-values.yaml'));
  assert.is(kinds(manifests, 'Gateway').length, 0);
  const route = kinds(manifests, 'HTTPRoute').find((r) => r.metadata.name === 'balena-ingress');
  assert.equal(route?.spec.parentRefs, [{ name: 'shared-gateway', namespace: 'gateways', sectionName: 'https' }]);
});
gateway('gateway mode without a Gateway to attach to is refused with the value to set', () => {
  const result = templateResult('ingress', { set: ['mode=gateway'] });
  assert.is.not(result.code, 0);
  assert.match(result.stderr, /gateway\.parentRef\.name is required in gateway mode unless gateway\.create\.enabled is true/);
});
gateway.run();

const extra = suite('extra routes, the api on its own host, and TLS for every host');
extra('ingress mode: each host gets its rules and every host is in the TLS entry', () => {
  const resource = only(render(ci('extra-routes-values.yaml')), 'Ingress');
  const hosts = ['shop.example.com', 'api.shop.example.com', 'status.shop.example.com'];
  assert.equal(resource.spec.tls, [{ secretName: 'balena-ingress-tls', hosts }]);
  const rules = Object.fromEntries(resource.spec.rules.map((r: Json) => [r.host, r.http.paths.map((p: Json) => `${p.path} ${p.backend.service.name}:${p.backend.service.port.number}`)]));
  assert.equal(rules, {
    'shop.example.com': ['/grafana balena-monitoring-grafana:80', '/docs team-docs:8080', '/ balena-ui:80'],
    'api.shop.example.com': ['/ balena-api:80'],
    'status.shop.example.com': ['/ team-status:80'],
  });
});
extra('gateway mode: an HTTPS listener and an HTTPRoute per host, the redirect for all of them', () => {
  const manifests = render(ci('extra-routes-values.yaml'), ['mode=gateway', 'gateway.create.enabled=true']);
  const listeners = only(manifests, 'Gateway').spec.listeners.map((l: Json) => `${l.name} ${l.protocol} ${l.hostname ?? '*'} ${l.tls?.certificateRefs[0].name ?? '-'}`);
  assert.equal(listeners, [
    'https HTTPS shop.example.com balena-ingress-tls',
    'api HTTPS api.shop.example.com balena-ingress-tls',
    'extra-1 HTTPS status.shop.example.com balena-ingress-tls',
    'http HTTP * -',
  ]);
  const routes = Object.fromEntries(kinds(manifests, 'HTTPRoute').map((r) => [r.metadata.name, r.spec]));
  assert.equal(routes['balena-ingress-api'].hostnames, ['api.shop.example.com']);
  assert.equal(routes['balena-ingress-api'].parentRefs, [{ name: 'balena-ingress', sectionName: 'api' }]);
  assert.equal(routes['balena-ingress-extra-1'].rules[0].backendRefs, [{ name: 'team-status', port: 80 }]);
  assert.equal(routes['balena-ingress'].rules.map((r: Json) => r.matches[0].path.value), ['/grafana', '/docs', '/']);
  assert.equal(routes['balena-ingress-https-redirect'].hostnames, ['shop.example.com', 'api.shop.example.com', 'status.shop.example.com']);
});
extra('an extra route to Prometheus, without a port, or with a bad host is refused naming its values path', () => {
  for (const [set, at] of [
    [['routes.extra[0].service.name=balena-monitoring-prometheus', 'routes.extra[0].service.port=9090'], "at '/routes/extra/0/service/name'"],
    [['routes.extra[0].service.name=team-docs'], "at '/routes/extra/0/service': missing property 'port'"],
    [['routes.extra[0].service.name=team-docs', 'routes.extra[0].service.port=80', 'routes.extra[0].host=Status.Example.com'], "at '/routes/extra/0/host'"],
    [['routes.api.host=api_example'], "at '/routes/api/host'"],
  ] as const) {
    const result = templateResult('ingress', { set: [...set] });
    assert.is.not(result.code, 0, set.join(' '));
    assert.ok(result.stderr.includes(at), `expected ${at} in ${result.stderr}`);
  }
});
extra('the chart refuses an extra route to Prometheus when schema validation is skipped', () => {
  const result = helm(['template', 'balena', path.join(ROOT, 'charts/ingress'), '--skip-schema-validation', '--set', 'routes.extra[0].service.name=prom-prometheus-server', '--set', 'routes.extra[0].service.port=9090', '--set', 'routes.extra[0].path=/']);
  assert.is.not(result.code, 0);
  assert.match(result.stderr, /routes\.extra\[0\]\.service\.name: "prom-prometheus-server" is Prometheus/);
});
extra.run();
