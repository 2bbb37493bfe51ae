// The worker's production values, checked by tsc against the generated types
// and by `npx balena-charts values values/production.ts` against the schema.
import { defineValues } from '../types/index.js';

export default defineValues('worker', {
  replicaCount: 3,
  env: [{ name: 'QUEUE', value: 'invoices' }],
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  networkPolicy: { egress: { enabled: true, cidrs: ['10.20.0.0/16'], ports: [5672] } },
});
