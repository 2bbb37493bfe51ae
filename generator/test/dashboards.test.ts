import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { renderMonitoringFiles } from './support/monitoring.js';
import { startPrometheus, type RunningPrometheus } from './support/prometheus.js';
import { parseManifests, ROOT, template } from './support/tools.js';

interface Dashboard {
  title: string;
  panels: { title: string; targets: { expr: string }[] }[];
}

const dashboardDir = path.join(ROOT, 'charts/monitoring/dashboards');
const dashboards = readdirSync(dashboardDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, dashboard: JSON.parse(readFileSync(path.join(dashboardDir, name), 'utf8')) as Dashboard }));
const exporterMetrics = JSON.parse(readFileSync(path.join(ROOT, 'generator/test/fixtures/exporter-metrics.json'), 'utf8')) as Record<string, string[] | string>;
const knownMetrics = new Set(Object.entries(exporterMetrics).filter(([key]) => key !== '$comment').flatMap(([, names]) => names as string[]));

/** Grafana's variables, as Grafana would fill them in before sending the query. */
const asSent = (expr: string) => expr.replace(/\$namespace/g, '.*').replace(/\$__rate_interval/g, '5m');

/** Metric names a PromQL expression reads, from the AST Prometheus itself builds. */
function metricNames(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => metricNames(child, names));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if ((record.type === 'vectorSelector' || record.type === 'matrixSelector') && typeof record.name === 'string' && record.name !== '') names.add(record.name);
    Object.values(record).forEach((child) => metricNames(child, names));
  }
  return names;
}

const shape = suite('Grafana dashboards: JSON, one small ConfigMap each, the four groups');
shape('the four dashboards the design asks for exist and parse', () => {
  assert.equal(dashboards.map((d) => d.dashboard.title).sort(), ['Container health', 'Deployments', 'Resource utilisation', 'Running pods']);
  for (const { dashboard } of dashboards) assert.ok(dashboard.panels.length >= 4);
});
shape('each dashboard gets its own ConfigMap, well under the 256 KiB client-side apply can annotate', () => {
  const configMaps = parseManifests(template('monitoring')).filter((m) => m.kind === 'ConfigMap' && m.metadata.name.includes('-dashboard-'));
  assert.is(configMaps.length, dashboards.length);
  for (const configMap of configMaps) {
    const size = Buffer.byteLength(JSON.stringify(configMap));
    assert.ok(size < 256 * 1024 / 2, `${configMap.metadata.name} is ${size} bytes`);
  }
});
shape.run();

const queries = suite('every dashboard and alert query runs on the real Prometheus and reads only documented metrics');
let prometheus: RunningPrometheus;
let files: ReturnType<typeof renderMonitoringFiles>;
queries.before(async () => {
  files = renderMonitoringFiles();
  prometheus = await startPrometheus(path.join(files.dir, 'prometheus.yml'));
});
queries.after(async () => {
  await prometheus?.stop();
  files?.dispose();
});
for (const { name, dashboard } of dashboards) {
  queries(`${name}: no query is a parse error`, async () => {
    for (const panel of dashboard.panels) {
      for (const target of panel.targets) {
        const result = await prometheus.api('query', asSent(target.expr));
        assert.is(result.status, 'success', `${dashboard.title} / ${panel.title}: ${result.error ?? ''}\n${target.expr}`);
      }
    }
  });
  queries(`${name}: every metric is one the exporters document`, async () => {
    for (const panel of dashboard.panels) {
      for (const target of panel.targets) {
        const parsed = await prometheus.api('parse_query', asSent(target.expr));
        const names = metricNames(parsed.data);
        assert.ok(names.size > 0, `${panel.title}: no metric found in ${target.expr}`);
        for (const metric of names) assert.ok(knownMetrics.has(metric), `${dashboard.title} / ${panel.title}: ${metric} is not scraped by these charts`);
      }
    }
  });
}
queries('the default alert rules read only documented metrics too', async () => {
  const rules = readFileSync(path.join(files.dir, 'alerts.yml'), 'utf8');
  const exprs = [...rules.matchAll(/expr: \|\n((?: {14}.*\n)+)|expr: (.+)\n/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
  assert.is(exprs.length, 11);
  for (const expr of exprs) {
    for (const metric of metricNames((await prometheus.api('parse_query', expr)).data)) {
      assert.ok(knownMetrics.has(metric), `${metric} (in ${expr}) is not scraped by these charts`);
    }
  }
});
queries.run();
