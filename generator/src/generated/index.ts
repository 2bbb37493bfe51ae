/* generated — do not edit: made by balena-charts from schemas/*.schema.json; change the schema and run npm run generate */
import type { ApiValues } from './api-values.js';
import type { BackupValues } from './backup-values.js';
import type { IngressValues } from './ingress-values.js';
import type { MonitoringValues } from './monitoring-values.js';
import type { UiValues } from './ui-values.js';
import type { UmbrellaValues } from './umbrella-values.js';

export type { ApiValues, BackupValues, IngressValues, MonitoringValues, UiValues, UmbrellaValues };

export interface ChartValues {
  "api": ApiValues;
  "backup": BackupValues;
  "ingress": IngressValues;
  "monitoring": MonitoringValues;
  "ui": UiValues;
  "umbrella": UmbrellaValues;
}

/** Values for one chart, checked by tsc; `balena-charts values FILE.ts` checks them against the chart's schema and writes YAML. */
export interface TypedValues<Chart extends keyof ChartValues = keyof ChartValues> {
  chart: Chart;
  values: ChartValues[Chart];
}

export function defineValues<Chart extends keyof ChartValues>(chart: Chart, values: ChartValues[Chart]): TypedValues<Chart> {
  return { chart, values };
}
