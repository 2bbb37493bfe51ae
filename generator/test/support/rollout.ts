import * as k8s from '@kubernetes/client-node';
import { clients } from './cluster.js';

/** One observation of a Deployment during a rollout. */
export interface RolloutSample {
  ms: number;
  desired: number;
  available: number;
  updated: number;
  ready: number;
  /** Pods of every ReplicaSet, old and new (status.replicas). */
  total: number;
  generation: number;
  observedGeneration: number;
}

export interface RolloutRecorder {
  /** Stops watching and returns every sample, in order. */
  stop(): Promise<RolloutSample[]>;
}

/**
 * Watches one Deployment with the API's watch (no polling, so no change is
 * missed between two polls) and records its replica counts on every event.
 */
export async function recordRollout(namespace: string, name: string): Promise<RolloutRecorder> {
  const { config } = clients();
  const samples: RolloutSample[] = [];
  const started = Date.now();
  let failure: unknown;
  const watch = new k8s.Watch(config);
  const request = await watch.watch(
    `/apis/apps/v1/namespaces/${namespace}/deployments`,
    { fieldSelector: `metadata.name=${name}` },
    (_type: string, deployment: k8s.V1Deployment) => {
      samples.push({
        ms: Date.now() - started,
        desired: deployment.spec?.replicas ?? 0,
        available: deployment.status?.availableReplicas ?? 0,
        updated: deployment.status?.updatedReplicas ?? 0,
        ready: deployment.status?.readyReplicas ?? 0,
        total: deployment.status?.replicas ?? 0,
        generation: deployment.metadata?.generation ?? 0,
        observedGeneration: deployment.status?.observedGeneration ?? 0,
      });
    },
    (error: unknown) => {
      if (error && !(error instanceof Error && error.name === 'AbortError')) failure = error;
    },
  );
  return {
    async stop() {
      request.abort();
      if (failure) throw new Error(`watching deployment ${namespace}/${name} failed: ${String(failure)}`);
      return samples;
    },
  };
}

/** The record as a table for the test output. */
export function formatRollout(title: string, samples: readonly RolloutSample[]): string {
  const rows = samples.map((s) => `| ${(s.ms / 1000).toFixed(2).padStart(6)} | ${s.desired} | ${s.available} | ${s.updated} | ${s.ready} | ${s.total} |`);
  return [`${title}`, '| time s | desired | available | updated | ready | pods |', '| ---: | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}
