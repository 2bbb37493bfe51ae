import type { DashboardSpec, PanelSpec } from '../schema/dashboard-spec.js';
import type { ProjectConfig } from '../project/config.js';
import { banner, regenerate } from './banner.js';
import { readsKubeStateMetrics, withExportedNamespace } from './gmp-labels.js';

/** The Prometheus datasource's uid, as provisioned by the monitoring chart. */
export const DATASOURCE_UID = 'prometheus';
const PANEL_WIDTH = 12;
const PANEL_HEIGHT = 8;

/** How the series a dashboard queries are labelled: as Prometheus scrapes them, or as GMP stores them. */
export type SeriesLabels = 'prometheus' | 'gmp';

/**
 * Grafana dashboard JSON from a spec: two panels a row, one Prometheus
 * datasource, a namespace variable every query filters on. With `gmp` labels,
 * the queries over kube-state-metrics read the namespace from
 * exported_namespace (gmp-labels.ts); metric names do not change.
 */
export function renderDashboard(name: string, spec: DashboardSpec, source: string, config: Pick<ProjectConfig, 'grafana' | 'generateCommand'>, labels: SeriesLabels = 'prometheus'): string {
  const { grafana } = config;
  const variable = labels === 'gmp' ? 'label_values(kube_namespace_status_phase, exported_namespace)' : 'label_values(kube_namespace_status_phase, namespace)';
  const dashboard = {
    __generated: banner(source, regenerate(config.generateCommand)),
    uid: `${grafana.uidPrefix}${name}`,
    title: spec.title,
    description: spec.description,
    tags: grafana.tags,
    editable: false,
    schemaVersion: 39,
    version: 1,
    refresh: '1m',
    time: { from: 'now-6h', to: 'now' },
    timezone: 'utc',
    templating: {
      list: [
        {
          name: 'namespace',
          label: 'Namespace',
          type: 'query',
          datasource: { type: 'prometheus', uid: DATASOURCE_UID },
          query: { query: variable, refId: 'namespaces' },
          definition: variable,
          includeAll: true,
          multi: true,
          allValue: '.*',
          current: { text: 'All', value: '$__all' },
          refresh: 2,
        },
      ],
    },
    panels: spec.panels.map((panel, index) => renderPanel(panel, index, labels)),
  };
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

function renderPanel(panel: PanelSpec, index: number, labels: SeriesLabels) {
  const relabel = (expr: string, text: string) => (labels === 'gmp' && readsKubeStateMetrics(expr) ? withExportedNamespace(text) : text);
  return {
    id: index + 1,
    title: panel.title,
    ...(panel.description ? { description: panel.description } : {}),
    type: panel.type,
    datasource: { type: 'prometheus', uid: DATASOURCE_UID },
    gridPos: { x: (index % 2) * PANEL_WIDTH, y: Math.floor(index / 2) * PANEL_HEIGHT, w: PANEL_WIDTH, h: PANEL_HEIGHT },
    fieldConfig: { defaults: { unit: panel.unit }, overrides: [] },
    options: panel.type === 'stat' ? { reduceOptions: { calcs: ['lastNotNull'] } } : { legend: { displayMode: 'table', placement: 'bottom' } },
    targets: panel.queries.map((query, q) => ({
      refId: String.fromCharCode(65 + q),
      datasource: { type: 'prometheus', uid: DATASOURCE_UID },
      expr: relabel(query.expr, query.expr),
      legendFormat: relabel(query.expr, query.legend),
    })),
  };
}
