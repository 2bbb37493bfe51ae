/**
 * Fields Kubernetes refuses to change on an existing object: an upgrade that
 * changes one fails with "field is immutable" and users must delete objects by
 * hand. Comparing the previous release's render with the new one finds them
 * before any cluster does.
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

export interface ImmutableChange {
  /** kind/name */
  object: string;
  field: string;
  before: unknown;
  after: unknown;
}

type FieldRule = (spec: Record<string, unknown>) => unknown;

/** Per kind, the spec fields that cannot change in place. */
const IMMUTABLE: Record<string, Record<string, FieldRule>> = {
  Deployment: { 'spec.selector': (s) => s.selector },
  DaemonSet: { 'spec.selector': (s) => s.selector },
  ReplicaSet: { 'spec.selector': (s) => s.selector },
  StatefulSet: {
    'spec.selector': (s) => s.selector,
    'spec.serviceName': (s) => s.serviceName,
    'spec.podManagementPolicy': (s) => s.podManagementPolicy,
    'spec.volumeClaimTemplates': (s) => s.volumeClaimTemplates,
  },
  Job: { 'spec.selector': (s) => s.selector, 'spec.template': (s) => s.template },
  PersistentVolumeClaim: {
    'spec.storageClassName': (s) => s.storageClassName,
    'spec.accessModes': (s) => s.accessModes,
  },
  Service: {
    'spec.clusterIP': (s) => s.clusterIP,
    // Switching to or from ExternalName replaces the Service's whole addressing.
    'spec.type (ExternalName)': (s) => s.type === 'ExternalName',
  },
};

export function immutableChanges(before: readonly KubeObject[], after: readonly KubeObject[]): ImmutableChange[] {
  const key = (o: KubeObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  const previous = new Map(before.filter(isLongLived).map((o) => [key(o), o]));
  const changes: ImmutableChange[] = [];
  for (const next of after.filter(isLongLived)) {
    const old = previous.get(key(next));
    const rules = IMMUTABLE[next.kind];
    if (old === undefined || rules === undefined) continue;
    for (const [field, read] of Object.entries(rules)) {
      const was = read(old.spec ?? {});
      const now = read(next.spec ?? {});
      if (was === undefined && field === 'spec.clusterIP') continue; // unset: the API server keeps the one it chose
      if (canonical(was) !== canonical(now)) changes.push({ object: `${next.kind}/${next.metadata.name}`, field, before: was, after: now });
    }
  }
  return changes;
}

/** Hooks are deleted and recreated by Helm, never updated in place. */
function isLongLived(o: KubeObject): boolean {
  return o.metadata.annotations?.['helm.sh/hook'] === undefined;
}

/** JSON with sorted keys, so key order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  ) ?? 'undefined';
}
