/**
 * Schema-only component charts for the scale benchmark, of differing shapes:
 * Deployments with or without a Service, CronJobs, different features, env
 * lists and own values, drawn from a seeded generator so every run (and every
 * machine) builds the same set.
 */

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OWN_VALUE_DESCRIPTION = 'Read by a tool outside Helm.';

/** One component's values schema, stating only what differs from the shared workload definition. */
export function syntheticSchema(name: string, random: () => number): object {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const kind = pick(['Deployment', 'Deployment', 'CronJob'] as const);
  const service = kind === 'Deployment' && random() < 0.6;
  const features = ['serviceAccount', 'networkPolicy', ...(service ? ['autoscaling', 'podDisruptionBudget', 'tests'].filter(() => random() < 0.7) : [])];
  const env = Array.from({ length: Math.floor(random() * 5) }, (_, k) => ({ name: `SETTING_${k}`, value: String(Math.floor(random() * 1000)) }));
  const own: Record<string, object> = {};
  for (let k = 0; k < Math.floor(random() * 4); k++) {
    const type = pick(['string', 'integer', 'boolean', 'object'] as const);
    own[`setting${k}`] = type === 'object'
      ? {
          type: 'object',
          additionalProperties: false,
          'x-passthrough': true,
          description: OWN_VALUE_DESCRIPTION,
          properties: {
            host: { type: 'string', description: 'Host the tool calls.', default: 'example.com' },
            port: { type: 'integer', description: 'Port the tool calls.', default: 8080 },
          },
        }
      : { type, 'x-passthrough': true, description: OWN_VALUE_DESCRIPTION, default: type === 'string' ? 'on' : type === 'integer' ? 3 : true };
  }
  const description = `Synthetic component ${name}: a ${kind}${service ? ' with a Service' : ''}.`;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${name} chart values`,
    description,
    'x-chart': { name, version: '0.1.0', appVersion: '1.0.0', description, workloads: [{ kind }], ...(service ? { service: true } : {}), features },
    type: 'object',
    additionalProperties: false,
    properties: {
      image: { default: { repository: 'busybox', tag: '1.37.0', pullPolicy: 'IfNotPresent' } },
      ...(kind === 'CronJob' ? { schedule: { default: `${Math.floor(random() * 60)} 2 * * *` } } : {}),
      ...(service ? {} : { command: { default: ['sh', '-c', 'sleep 3600'] } }),
      ...(env.length > 0 ? { env: { default: env } } : {}),
      ...own,
    },
  };
}
