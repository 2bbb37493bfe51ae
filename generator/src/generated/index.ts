/* generated — do not edit: made by balena-charts from schemas/*.schema.json; change the schema and run npm run generate */
export type { ApiValues } from './api-values.js';
export type { IngressValues } from './ingress-values.js';
export type { MonitoringValues } from './monitoring-values.js';
export type { UiValues } from './ui-values.js';
