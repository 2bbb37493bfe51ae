import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { parseManifests, ROOT, template } from './support/tools.js';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const metricsDoc = read('docs/metrics.md');
/** Every name the exporters document (the dashboards and rules may use no other). */
const exporterMetrics = new Set(
  Object.entries(JSON.parse(read('generator/test/fixtures/exporter-metrics.json')) as Record<string, string[] | string>)
    .filter(([key]) => key !== '$comment')
    .flatMap(([, names]) => names as string[]),
);
const metricsIn = (expr: string) => [...expr.matchAll(/[a-z_][a-z0-9_]*/g)].map((m) => m[0]).filter((name) => exporterMetrics.has(name));

interface Dashboard {
  title: string;
  panels: { title: string; queries: { expr: string }[] }[];
}
const dashboards: Dashboard[] = readdirSync(path.join(ROOT, 'dashboards'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(read(path.join('dashboards', file))) as Dashboard);
// The alerts as the chart renders them by default (one source feeds every backend).
const alertsYaml = (parseManifests(template('monitoring')).find((m) => m.metadata.name === 'balena-monitoring-prometheus-rules') as unknown as { data: Record<string, string> }).data['alerts.yml'] ?? '';
const alerts = (parse(alertsYaml).groups as { rules: { alert: string; expr: string }[] }[]).flatMap((g) => g.rules).map((r) => ({ name: r.alert, expr: r.expr }));

const metrics = suite('docs/metrics.md names what the dashboards and alerts really use');
metrics('every dashboard and every panel, by its title', () => {
  assert.ok(dashboards.length >= 4);
  for (const dashboard of dashboards) {
    assert.ok(metricsDoc.includes(`**${dashboard.title}**`), `dashboard ${dashboard.title}`);
    for (const panel of dashboard.panels) assert.ok(metricsDoc.includes(`| ${panel.title} |`), `panel "${panel.title}" of ${dashboard.title}`);
  }
});
metrics('every metric a panel queries', () => {
  for (const dashboard of dashboards) {
    for (const query of dashboard.panels.flatMap((p) => p.queries)) {
      for (const name of metricsIn(query.expr)) assert.ok(metricsDoc.includes(`\`${name}`), `${name} (${dashboard.title})`);
    }
  }
});
metrics('every default alert and the metrics it reads', () => {
  assert.ok(alerts.length >= 10, `found ${alerts.length} alerts in the rendered rules`);
  for (const alert of alerts) {
    assert.ok(metricsDoc.includes(`\`${alert.name}\``), `alert ${alert.name}`);
    for (const name of metricsIn(alert.expr)) assert.ok(metricsDoc.includes(`\`${name}`), `${name} (${alert.name})`);
  }
});
metrics.run();

const readme = suite('README links the operations docs');
readme('architecture, metrics and disaster recovery are linked from the README', () => {
  const text = read('README.md');
  for (const doc of ['docs/architecture.md', 'docs/metrics.md', 'docs/disaster-recovery.md']) assert.ok(text.includes(`](${doc})`), doc);
});
readme.run();
