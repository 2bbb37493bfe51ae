import type * as k8s from '@kubernetes/client-node';
import { clients } from './cluster.js';

/**
 * What a kubelet needs before it starts a pod's containers, checked against
 * the API server: the fake nodes of the local control plane turn a pod Ready
 * without looking, where a real node would hold it in
 * CreateContainerConfigError (a missing Secret, ConfigMap or key) or
 * ContainerCreating (a missing volume claim). One line per problem, naming the
 * pod and the missing object; optional references are allowed to be absent.
 * (A missing ServiceAccount needs no check: admission already refuses the pod.)
 */
export async function podReferenceProblems(namespace: string): Promise<string[]> {
  const { core } = clients();
  const [pods, secrets, configMaps, claims] = await Promise.all([
    core.listNamespacedPod({ namespace }),
    core.listNamespacedSecret({ namespace }),
    core.listNamespacedConfigMap({ namespace }),
    core.listNamespacedPersistentVolumeClaim({ namespace }),
  ]);
  const keysOf = (items: Array<{ metadata?: k8s.V1ObjectMeta; data?: Record<string, string>; binaryData?: Record<string, string>; stringData?: Record<string, string> }>) =>
    new Map(items.map((item) => [item.metadata!.name!, new Set([...Object.keys(item.data ?? {}), ...Object.keys(item.binaryData ?? {})])]));
  const stores = { Secret: keysOf(secrets.items), ConfigMap: keysOf(configMaps.items) };
  const claimNames = new Set(claims.items.map((c) => c.metadata!.name!));

  const problems: string[] = [];
  for (const pod of pods.items) {
    // A pod on its way out will not start again. A Job's pod that the fake
    // node marked Succeeded is checked like any other: a kubelet would not have run it.
    if (pod.metadata?.deletionTimestamp) continue;
    const where = `Pod/${pod.metadata!.name}`;
    const need = (kind: 'Secret' | 'ConfigMap', name: string | undefined, keys: readonly string[], optional: boolean | undefined, use: string) => {
      if (optional || !name) return;
      const found = stores[kind].get(name);
      if (!found) problems.push(`${where}: ${kind}/${name} (${use}) does not exist`);
      else for (const key of keys) if (!found.has(key)) problems.push(`${where}: ${kind}/${name} has no key ${key} (${use})`);
    };
    const spec = pod.spec!;
    for (const volume of spec.volumes ?? []) {
      const use = `volume ${volume.name}`;
      if (volume.secret) need('Secret', volume.secret.secretName, (volume.secret.items ?? []).map((i) => i.key), volume.secret.optional, use);
      if (volume.configMap) need('ConfigMap', volume.configMap.name, (volume.configMap.items ?? []).map((i) => i.key), volume.configMap.optional, use);
      if (volume.persistentVolumeClaim && !claimNames.has(volume.persistentVolumeClaim.claimName)) {
        problems.push(`${where}: PersistentVolumeClaim/${volume.persistentVolumeClaim.claimName} (${use}) does not exist`);
      }
      for (const source of volume.projected?.sources ?? []) {
        if (source.secret) need('Secret', source.secret.name, (source.secret.items ?? []).map((i) => i.key), source.secret.optional, use);
        if (source.configMap) need('ConfigMap', source.configMap.name, (source.configMap.items ?? []).map((i) => i.key), source.configMap.optional, use);
      }
    }
    for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      for (const env of container.env ?? []) {
        const use = `container ${container.name}, env ${env.name}`;
        const secret = env.valueFrom?.secretKeyRef;
        if (secret) need('Secret', secret.name, [secret.key], secret.optional, use);
        const configMap = env.valueFrom?.configMapKeyRef;
        if (configMap) need('ConfigMap', configMap.name, [configMap.key], configMap.optional, use);
      }
      for (const from of container.envFrom ?? []) {
        const use = `container ${container.name}, envFrom`;
        if (from.secretRef) need('Secret', from.secretRef.name, [], from.secretRef.optional, use);
        if (from.configMapRef) need('ConfigMap', from.configMapRef.name, [], from.configMapRef.optional, use);
      }
    }
  }
  return problems.sort();
}
