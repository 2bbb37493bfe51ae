import type { ChartModel } from '../pipeline/normalize.js';

/** values.schema.json, the schema Helm checks values against on install, upgrade, lint and template. */
export function renderValuesSchema(chart: ChartModel): string {
  return `${JSON.stringify(chart.valuesSchema, null, 2)}\n`;
}
