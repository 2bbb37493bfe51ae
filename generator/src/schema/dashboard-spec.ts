/**
 * A dashboard as we write it (generator/dashboards/<name>.json): titles and
 * PromQL only. render/dashboard.ts turns it into the JSON Grafana loads.
 */
export interface DashboardSpec {
  title: string;
  description: string;
  panels: PanelSpec[];
}

export interface PanelSpec {
  title: string;
  description?: string;
  type: 'timeseries' | 'stat';
  unit: string;
  queries: { expr: string; legend: string }[];
}

export const dashboardSpecSchema = {
  type: 'object',
  required: ['title', 'description', 'panels'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    panels: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['title', 'type', 'unit', 'queries'],
        additionalProperties: false,
        properties: {
          title: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          type: { enum: ['timeseries', 'stat'] },
          unit: { type: 'string', minLength: 1 },
          queries: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['expr', 'legend'],
              additionalProperties: false,
              properties: { expr: { type: 'string', minLength: 1 }, legend: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;
