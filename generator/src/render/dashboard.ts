import type { DashboardSpec, PanelSpec } from '../schema/dashboard-spec.js';
import type { ProjectConfig } from '../project/config.js';
import { banner } from './banner.js';

/** The Prometheus datasource's uid, as provisioned by the monitoring chart. */
export const DATASOURCE_UID = 'prometheus';
const PANEL_WIDTH = 12;
const PANEL_HEIGHT = 8;

/**
 * Grafana dashboard JSON from a spec: two panels a row, one Prometheus
 * datasource, a namespace variable every query filters on.
 */
export function renderDashboard(name: string, spec: DashboardSpec, source: string, grafana: ProjectConfig['grafana']): string {
  const dashboard = {
    __generated: banner(source),
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
          query: { query: 'label_values(kube_namespace_status_phase, namespace)', refId: 'namespaces' },
          definition: 'label_values(kube_namespace_status_phase, namespace)',
          includeAll: true,
          multi: true,
          allValue: '.*',
          current: { text: 'All', value: '$__all' },
          refresh: 2,
        },
      ],
    },
    panels: spec.panels.map((panel, index) => renderPanel(panel, index)),
  };
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

function renderPanel(panel: PanelSpec, index: number) {
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
      expr: query.expr,
      legendFormat: query.legend,
    })),
  };
}
