import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse, stringify } from 'yaml';
import { copyFixtures, fixtureFiles } from './support/monitoring.js';
import { parseManifests, ROOT, run, template, templateResult, tool, type Manifest } from './support/tools.js';

type Json = Record<string, any>; // rendered objects are checked field by field below

const OPERATOR_API = 'monitoring.coreos.com/v1';
const GMP_API = 'monitoring.googleapis.com/v1';
const ci = (file: string) => path.join(ROOT, 'charts/monitoring/ci', file);
// The ci files switch the CRD check off for offline renders; these renders say
// which API versions the cluster serves instead, so the check stays on.
const live = ['requireBackendCrds=true'];
/** Each backend's render, made once (the tests only read it). */
const once = (render: () => Manifest[]) => {
  let manifests: Manifest[] | undefined;
  return () => (manifests ??= render());
};
const backends = {
  prometheus: once(() => parseManifests(template('monitoring'))),
  operator: once(() => parseManifests(template('monitoring', { valuesFiles: [ci('operator-values.yaml')], set: live, apiVersions: [OPERATOR_API] }))),
  gmp: once(() => parseManifests(template('monitoring', { valuesFiles: [ci('gmp-values.yaml')], set: live, apiVersions: [GMP_API] }))),
};
const kinds = (manifests: Manifest[]) => new Set(manifests.map((m) => m.kind));
const named = (manifests: Manifest[], kind: string, name: string): Json => {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} (have ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')})`);
  return found;
};
const datasourceUrl = (manifests: Manifest[]): string =>
  parse(named(manifests, 'ConfigMap', 'balena-monitoring-grafana').data['datasources.yaml']).datasources[0].url;
/** Every alert name of the rule groups a backend renders, whatever object carries them. */
const alertNames = (manifests: Manifest[]): string[] => {
  const groups: Json[] = manifests.flatMap((m: Json) => {
    if (m.kind === 'ConfigMap' && m.data?.['alerts.yml']) return parse(m.data['alerts.yml']).groups;
    if (['PrometheusRule', 'Rules', 'ClusterRules'].includes(m.kind)) return m.spec.groups;
    return [];
  });
  return groups.flatMap((g) => g.rules.map((r: Json) => r.alert)).sort();
};

const objects = suite('monitoring.backend: each backend renders its own objects and none of another');
objects('prometheus: our Prometheus and Alertmanager, no operator or GMP object', () => {
  const k = kinds(backends.prometheus());
  for (const kind of ['StatefulSet', 'ConfigMap']) assert.ok(k.has(kind));
  for (const kind of ['ServiceMonitor', 'PodMonitor', 'PrometheusRule', 'PodMonitoring', 'Rules', 'ClusterRules']) assert.not.ok(k.has(kind), kind);
});
objects('operator: ServiceMonitor, PodMonitor and PrometheusRule with the selector labels; no Prometheus or Alertmanager of ours', () => {
  const manifests = backends.operator();
  const names = manifests.map((m) => `${m.kind}/${m.metadata.name}`);
  for (const gone of ['StatefulSet/balena-monitoring-prometheus', 'Deployment/balena-monitoring-alertmanager', 'Service/balena-monitoring-prometheus', 'ConfigMap/balena-monitoring-prometheus-rules', 'NetworkPolicy/balena-monitoring-prometheus'])
    assert.not.ok(names.includes(gone), gone);
  for (const [kind, name] of [['ServiceMonitor', 'balena-monitoring-kube-state-metrics'], ['PodMonitor', 'balena-monitoring-workloads'], ['PrometheusRule', 'balena-monitoring-alerts']] as const) {
    assert.is(named(manifests, kind, name).metadata.labels.release, 'kps', `${kind} carries operator.labels`);
  }
  const ksm = named(manifests, 'ServiceMonitor', 'balena-monitoring-kube-state-metrics');
  assert.is(ksm.spec.endpoints[0].honorLabels, true);
  const pods = named(manifests, 'PodMonitor', 'balena-monitoring-workloads');
  assert.equal(pods.spec.selector.matchLabels, { 'app.kubernetes.io/instance': 'balena', 'balena.io/metrics': 'true' });
  assert.is(datasourceUrl(manifests), 'http://kps-kube-prometheus-stack-prometheus.monitoring.svc.cluster.local:9090');
});
objects('gmp: PodMonitorings, Rules and ClusterRules, and the frontend behind the query Service', () => {
  const manifests = backends.gmp();
  const ksm = named(manifests, 'PodMonitoring', 'balena-monitoring-kube-state-metrics');
  assert.equal(ksm.spec.targetLabels.metadata, [], "kube-state-metrics keeps the pod and container labels it reports");
  named(manifests, 'PodMonitoring', 'balena-monitoring-workloads');
  named(manifests, 'Rules', 'balena-monitoring-alerts');
  named(manifests, 'ClusterRules', 'balena-monitoring-alerts-web');
  assert.not.ok(kinds(manifests).has('StatefulSet'));
  const frontend = named(manifests, 'Deployment', 'balena-monitoring-gmp-frontend');
  assert.ok(frontend.spec.template.spec.containers[0].args.includes('--query.project-id=balena-prod-1'));
  assert.is(frontend.spec.template.spec.serviceAccountName, 'balena-monitoring-gmp-frontend');
  const account = named(manifests, 'ServiceAccount', 'balena-monitoring-gmp-frontend');
  assert.is(account.metadata.annotations['iam.gke.io/gcp-service-account'], 'balena-gmp-frontend@balena-prod-1.iam.gserviceaccount.com');
  const service = named(manifests, 'Service', 'balena-monitoring-prometheus');
  assert.is(service.spec.selector['app.kubernetes.io/component'], 'gmp-frontend');
  assert.is(datasourceUrl(manifests), 'http://balena-monitoring-prometheus:9090');
});
objects.run();

const rules = suite('alert rules: declared once, the same alerts on every backend');
rules('every backend carries the same eleven alerts', () => {
  const expected = alertNames(backends.prometheus());
  assert.is(expected.length, 11);
  assert.equal(alertNames(backends.operator()), expected);
  assert.equal(alertNames(backends.gmp()), expected);
});
rules('gmp: kubelet and cAdvisor joins go to ClusterRules; the kube-state-metrics ones group by exported_namespace', () => {
  const manifests = backends.gmp();
  const cluster = named(manifests, 'ClusterRules', 'balena-monitoring-alerts-web').spec.groups.flatMap((g: Json) => g.rules.map((r: Json) => r.alert));
  assert.equal(cluster.sort(), ['ContainerNearMemoryLimit', 'PersistentVolumeAlmostFull']);
  const backup = named(manifests, 'Rules', 'balena-monitoring-alerts').spec.groups.find((g: Json) => g.name === 'backups').rules[0];
  assert.match(backup.expr, /max by \(exported_namespace, cronjob\)/);
});
rules('alerting.disabled and alerting.extraRules reach the operator and GMP objects too', () => {
  const extra = ['alerting.disabled[0]=KubeHpaMaxedOut', 'alerting.extraRules[0].name=team', 'alerting.extraRules[0].rules[0].alert=TeamAlert', 'alerting.extraRules[0].rules[0].expr=vector(1)'];
  const op = parseManifests(template('monitoring', { valuesFiles: [ci('operator-values.yaml')], set: extra }));
  const names = alertNames(op);
  assert.not.ok(names.includes('KubeHpaMaxedOut'));
  assert.ok(names.includes('TeamAlert'));
  const gmp = alertNames(parseManifests(template('monitoring', { valuesFiles: [ci('gmp-values.yaml')], set: extra })));
  assert.not.ok(gmp.includes('KubeHpaMaxedOut'));
  assert.ok(gmp.includes('TeamAlert'));
});
rules.run();

const checks = suite('monitoring.backend: a render for a cluster without the backend fails, naming what to install');
checks('operator without monitoring.coreos.com/v1 served: fails naming the CRDs', () => {
  const result = templateResult('monitoring', { valuesFiles: [ci('operator-values.yaml')], set: live });
  assert.is.not(result.code, 0);
  assert.match(result.stderr, /backend: operator needs monitoring\.coreos\.com\/v1, which this cluster does not serve: install the Prometheus Operator's CRDs/);
});
checks('gmp without monitoring.googleapis.com/v1 served: fails naming managed collection', () => {
  const result = templateResult('monitoring', { valuesFiles: [ci('gmp-values.yaml')], set: live });
  assert.is.not(result.code, 0);
  assert.match(result.stderr, /backend: gmp needs monitoring\.googleapis\.com\/v1.*managed collection/);
});
checks('operator without global.metricsUrl, gmp without gmp.projectId: each refused by name', () => {
  const op = templateResult('monitoring', { valuesFiles: [ci('operator-values.yaml')], set: ['global.metricsUrl='] });
  assert.match(op.stderr, /global\.metricsUrl: backend operator needs the query address/);
  const gmp = templateResult('monitoring', { valuesFiles: [ci('gmp-values.yaml')], set: ['gmp.projectId='] });
  assert.match(gmp.stderr, /gmp\.projectId: backend gmp needs/);
});
checks('a bad backend name is refused by the schema, naming the path, in the chart and the umbrella', () => {
  const chart = templateResult('monitoring', { set: ['backend=thanos'] });
  assert.match(chart.stderr, /at '\/backend': value must be one of 'prometheus', 'operator', 'gmp'/);
  const umbrella = templateResult('umbrella', { set: ['monitoring.backend=thanos'] });
  assert.match(umbrella.stderr, /at '\/monitoring\/backend': value must be one of/);
});
checks.run();

const policies = suite('monitoring.backend: NetworkPolicies admit the backend\'s collector and nothing that Prometheus reached before');
policies('operator and gmp: kube-state-metrics admits only the collector namespace', () => {
  for (const [backend, namespace] of [['operator', 'monitoring'], ['gmp', 'gmp-system']] as const) {
    const policy = named(backends[backend](), 'NetworkPolicy', 'balena-monitoring-kube-state-metrics');
    assert.equal(policy.spec.ingress[0].from, [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } }], backend);
  }
});
policies('gmp: the frontend is reachable from Prometheus clients only; Grafana may reach the frontend, not a Prometheus pod', () => {
  const manifests = backends.gmp();
  const frontend = named(manifests, 'NetworkPolicy', 'balena-monitoring-gmp-frontend');
  assert.equal(frontend.spec.ingress[0].from, [{ podSelector: { matchLabels: { 'balena.io/prometheus-client': 'true' } } }]);
  const grafana = named(manifests, 'NetworkPolicy', 'balena-monitoring-grafana');
  const selectors = JSON.stringify(grafana.spec.egress);
  assert.match(selectors, /gmp-frontend/);
  assert.not.match(selectors, /"app.kubernetes.io\/component":"prometheus"/);
});
policies('the api admits the collector namespace on its metrics port when global.metricsCollectorNamespace is set', () => {
  const manifests = parseManifests(template('umbrella', { set: ['global.metricsCollectorNamespace=gmp-system'] }));
  const api = named(manifests, 'NetworkPolicy', 'balena-api');
  assert.ok(api.spec.ingress.some((rule: Json) =>
    rule.from?.[0]?.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'gmp-system' && rule.ports[0].port === 'http'));
  const before = named(parseManifests(template('umbrella')), 'NetworkPolicy', 'balena-api');
  assert.not.ok(JSON.stringify(before.spec.ingress).includes('namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"gmp-system'));
});
policies.run();

const wiring = suite('global.metricsUrl: the api and Grafana query the same address');
wiring('set in the umbrella, it is the api\'s METRICS_URL and Grafana\'s datasource', () => {
  const url = 'http://prometheus-operated.monitoring.svc.cluster.local:9090';
  const manifests = parseManifests(template('umbrella', { set: [`global.metricsUrl=${url}`, 'global.metricsCollectorNamespace=monitoring', 'monitoring.backend=operator'], apiVersions: [OPERATOR_API] }));
  const api = named(manifests, 'Deployment', 'balena-api');
  assert.is(api.spec.template.spec.containers[0].env.find((e: Json) => e.name === 'METRICS_URL').value, url);
  assert.is(datasourceUrl(manifests), url);
});
wiring.run();

const promtool = suite('promtool test rules: every alert fires on each backend, over series labelled the way that backend stores them');
const ruleFiles = {
  operator: (manifests: Manifest[]) => ({ 'prometheusrule.yml': named(manifests, 'PrometheusRule', 'balena-monitoring-alerts').spec.groups }),
  gmp: (manifests: Manifest[]) => ({
    'rules.yml': named(manifests, 'Rules', 'balena-monitoring-alerts').spec.groups,
    'clusterrules.yml': named(manifests, 'ClusterRules', 'balena-monitoring-alerts-web').spec.groups,
  }),
};
for (const backend of ['operator', 'gmp'] as const) {
  promtool(`${backend}: generator/test/fixtures/alerts-${backend}{,-hourly}.test.yml pass against the rendered rules`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), `balena-rules-${backend}-`));
    try {
      for (const [file, groups] of Object.entries(ruleFiles[backend](backends[backend]()))) writeFileSync(path.join(dir, file), stringify({ groups }));
      const result = run(tool('promtool'), ['test', 'rules', ...copyFixtures(`alerts-${backend}`, dir)], { cwd: dir });
      assert.is(result.code, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /SUCCESS/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  promtool(`${backend}: every alert of the backend has a test there`, () => {
    const tested = fixtureFiles(`alerts-${backend}`).map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const name of alertNames(backends[backend]())) assert.ok(tested.includes(`alertname: ${name}`), `${name} has no promtool test`);
  });
}
promtool('the same fixture fails against the prometheus backend\'s rules on gmp series: equal text is not equal behaviour', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'balena-rules-cross-'));
  try {
    const groups = parse((named(backends.prometheus(), 'ConfigMap', 'balena-monitoring-prometheus-rules') as Json).data['alerts.yml']).groups;
    writeFileSync(path.join(dir, 'rules.yml'), stringify({ groups }));
    writeFileSync(path.join(dir, 'clusterrules.yml'), stringify({ groups: [] }));
    const result = run(tool('promtool'), ['test', 'rules', ...copyFixtures('alerts-gmp', dir)], { cwd: dir });
    assert.is.not(result.code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
promtool.run();

// What PromQL on GMP accepts (its PromQL compatibility page): classic metric
// and label names, exact metric names only (no matcher on __name__), and the
// functions of Prometheus 2.44.
const PROMQL_2_44 = new Set([
  'abs', 'absent', 'absent_over_time', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'avg_over_time', 'ceil', 'changes', 'clamp', 'clamp_max',
  'clamp_min', 'cos', 'cosh', 'count_over_time', 'day_of_month', 'day_of_week', 'day_of_year', 'days_in_month', 'deg', 'delta', 'deriv', 'exp',
  'floor', 'histogram_count', 'histogram_fraction', 'histogram_quantile', 'histogram_sum', 'holt_winters', 'hour', 'idelta', 'increase', 'irate',
  'label_join', 'label_replace', 'last_over_time', 'ln', 'log10', 'log2', 'max_over_time', 'min_over_time', 'minute', 'month', 'pi',
  'predict_linear', 'present_over_time', 'quantile_over_time', 'rad', 'rate', 'resets', 'round', 'scalar', 'sgn', 'sin', 'sinh', 'sort',
  'sort_desc', 'sqrt', 'stddev_over_time', 'stdvar_over_time', 'sum_over_time', 'tan', 'tanh', 'time', 'timestamp', 'vector', 'year',
  // aggregations and the keywords written like calls
  'sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk', 'quantile',
  'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'or', 'and', 'unless',
]);
type Dashboard = { panels: { targets: { expr: string; legendFormat: string }[] }[]; templating: { list: { query: { query: string } }[] } };
const dashboardFiles = (dir: string) => readdirSync(path.join(ROOT, 'charts/monitoring', dir)).filter((f) => f.endsWith('.json')).sort();
const readDashboard = (dir: string, file: string) => JSON.parse(readFileSync(path.join(ROOT, 'charts/monitoring', dir, file), 'utf8')) as Dashboard;
const queries = (dashboard: Dashboard) => dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
// Every identifier that is not a label name, a function or a keyword: the metric names.
const metricNames = (expr: string) => [...expr.replace(/\{[^}]*\}/g, '{}').replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '')
  .replace(/"[^"]*"/g, '').matchAll(/(?<![A-Za-z0-9_:$.])([A-Za-z_:][A-Za-z0-9_:]*)(?!\s*\()(?![A-Za-z0-9_:])/g)]
  .map((m) => m[1]!).filter((name) => !/^(bool|offset|inf|nan|[0-9].*|[smhdwy])$/i.test(name) && !PROMQL_2_44.has(name));

const dashboards = suite('dashboards: the same metric names on every backend, within what PromQL on GMP accepts');
dashboards('the gmp dashboards query exactly the metric names of the others, file by file', () => {
  assert.equal(dashboardFiles('dashboards/gmp'), dashboardFiles('dashboards'));
  for (const file of dashboardFiles('dashboards')) {
    const names = (dir: string) => [...new Set(queries(readDashboard(dir, file)).flatMap(metricNames))].sort();
    assert.ok(names('dashboards').length > 3, file);
    assert.equal(names('dashboards/gmp'), names('dashboards'), file);
  }
});
dashboards('on gmp, kube-state-metrics queries read exported_namespace and the others keep namespace', () => {
  for (const file of dashboardFiles('dashboards/gmp')) {
    const dashboard = readDashboard('dashboards/gmp', file);
    for (const expr of queries(dashboard)) {
      const ksm = /\bkube_/.test(expr);
      assert.not.ok(ksm && /\b(container|kubelet|prober)_/.test(expr), `${file}: ${expr} mixes kube-state-metrics with kubelet series, which GMP labels differently`);
      if (ksm) assert.not.match(expr, /(?<![A-Za-z0-9_$])namespace\b/, `${file}: ${expr}`);
      else assert.not.match(expr, /exported_namespace/, `${file}: ${expr}`);
    }
    assert.match(dashboard.templating.list[0]!.query.query, /exported_namespace/);
  }
});
dashboards('the gmp backend loads the gmp dashboards, the others the plain ones', () => {
  const loaded = (manifests: Manifest[]) => manifests.filter((m) => m.kind === 'ConfigMap' && m.metadata.name.includes('-dashboard-'))
    .map((m: Json) => Object.values(m.data as Record<string, string>)[0]!).join('\n');
  assert.match(loaded(backends.gmp()), /exported_namespace/);
  assert.not.match(loaded(backends.prometheus()), /exported_namespace/);
  assert.not.match(loaded(backends.operator()), /exported_namespace/);
});
dashboards('every dashboard query and every rule of every backend uses classic names, no __name__ matcher, and PromQL functions of Prometheus 2.44', () => {
  const rules = Object.values(backends).flatMap((render) => render().flatMap((m: Json) => {
    if (m.kind === 'ConfigMap' && m.data?.['alerts.yml']) return parse(m.data['alerts.yml']).groups;
    if (['PrometheusRule', 'Rules', 'ClusterRules'].includes(m.kind)) return m.spec.groups;
    return [];
  })).flatMap((g: Json) => g.rules.map((r: Json) => String(r.expr)));
  const all = [...['dashboards', 'dashboards/gmp'].flatMap((dir) => dashboardFiles(dir).flatMap((f) => queries(readDashboard(dir, f)))), ...rules];
  assert.ok(all.length > 40);
  for (const expr of all) {
    assert.not.match(expr, /__name__/, expr);
    for (const [, fn] of expr.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) assert.ok(PROMQL_2_44.has(fn!), `${fn} in ${expr} is not PromQL of Prometheus 2.44`);
    for (const name of metricNames(expr)) assert.match(name, /^[a-zA-Z_][a-zA-Z0-9_]*$/, `${name} in ${expr}`);
  }
});
dashboards.run();
