import type { ChartValues } from './generated/index.js';

/** A values file written in TypeScript: which chart it is for, and the values, checked by tsc. */
export interface TypedValues<Chart extends keyof ChartValues = keyof ChartValues> {
  chart: Chart;
  values: ChartValues[Chart];
}

/**
 * Declares values for a chart with its generated type, so tsc rejects wrong
 * types and unknown keys; `balena-charts values` then checks the ranges and
 * patterns with the chart's values.schema.json and writes YAML.
 */
export function defineValues<Chart extends keyof ChartValues>(chart: Chart, values: ChartValues[Chart]): TypedValues<Chart> {
  return { chart, values };
}
