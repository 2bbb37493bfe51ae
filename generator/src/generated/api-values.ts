/* generated — do not edit: made by balena-charts from schemas/api.schema.json; change the schema and run npm run generate */

import type * as Kubernetes from './kubernetes.js';
import type * as Workload from './workload.js';

/**
 * The product's stateless HTTP API: reads its database URL from a Secret and exposes Prometheus metrics.
 */
export interface ApiValues {
  /**
   * Replicas when autoscaling is off (with autoscaling on, the HorizontalPodAutoscaler sets them).
   */
  replicaCount?: number
  /**
   * Container image. Point repository (and tag or digest) at the product's own image.
   */
  image?: Workload.Image
  /**
   * Secrets for pulling images from a private registry.
   */
  imagePullSecrets?: Workload.ImagePullSecrets
  /**
   * Replaces the chart name in resource names.
   */
  nameOverride?: Workload.NameOverride
  /**
   * Replaces the whole release-chart name of resources.
   */
  fullnameOverride?: Workload.FullnameOverride
  /**
   * Labels added to every object the chart makes (never to a selector: those cannot change). The chart's own label keys cannot be replaced.
   */
  commonLabels?: Workload.StringMap
  /**
   * Annotations added to every object the chart installs (pods take podAnnotations; helm test pods take neither). An object's own annotations win over these.
   */
  commonAnnotations?: Workload.StringMap
  /**
   * The pods' ServiceAccount.
   */
  serviceAccount?: Workload.ServiceAccount
  /**
   * Annotations added to every pod.
   */
  podAnnotations?: Workload.StringMap
  /**
   * Labels added to every pod (never to the selector, which must not change between releases).
   */
  podLabels?: Workload.StringMap
  /**
   * Pod-level security context. The default meets the Kubernetes restricted Pod Security Standard.
   */
  podSecurityContext?: Workload.PodSecurityContext
  /**
   * Container-level security context. The default meets the Kubernetes restricted Pod Security Standard.
   */
  securityContext?: Workload.SecurityContext
  /**
   * Port the container serves HTTP on (named http).
   */
  containerPort?: number
  /**
   * The container's entrypoint; empty keeps the image's own.
   */
  command?: string[]
  /**
   * Arguments to the entrypoint; empty keeps the image's own.
   */
  args?: string[]
  /**
   * Extra environment variables, as Kubernetes writes them (name/value or name/valueFrom).
   */
  env?: Kubernetes.EnvVar[]
  /**
   * Environment from whole ConfigMaps or Secrets, as Kubernetes writes it (configMapRef/secretRef, optional prefix).
   */
  envFrom?: Kubernetes.EnvFromSource[]
  /**
   * Where DATABASE_URL comes from. It is always read from a Secret, never written into the pod spec.
   */
  database?: Workload.Database
  /**
   * Prometheus metrics the api exposes, and where it finds Prometheus.
   */
  metrics?: Workload.Metrics
  /**
   * Cloud SQL Auth Proxy as a native sidecar (an init container with restartPolicy Always). It authenticates with GKE Workload Identity: annotate the ServiceAccount with iam.gke.io/gcp-service-account.
   */
  cloudSqlProxy?: Workload.CloudSqlProxy
  /**
   * The Service in front of the pods.
   */
  service?: Workload.Service
  /**
   * Container resource requests and limits. Requests drive the autoscaler's percentages.
   */
  resources?: Workload.Resources
  /**
   * More init containers, as Kubernetes writes them; they run before the workload's own containers and must meet the restricted Pod Security Standard too.
   */
  initContainers?: Workload.RestrictedContainer[]
  /**
   * More containers beside the workload's own, as Kubernetes writes them (not in hook or test pods).
   */
  sidecars?: Workload.RestrictedContainer[]
  /**
   * More volumes for the pods, as Kubernetes writes them (e.g. a Secret or ConfigMap).
   */
  extraVolumes?: Kubernetes.Volume[]
  /**
   * Mounts of extraVolumes into the workload's container, as Kubernetes writes them.
   */
  extraVolumeMounts?: Kubernetes.VolumeMount[]
  /**
   * Restarts the container when it stops answering.
   */
  livenessProbe?: Workload.Probe
  /**
   * Takes the pod out of the Service while it cannot serve.
   */
  readinessProbe?: Workload.Probe
  /**
   * Holds the other probes until the container has started.
   */
  startupProbe?: Workload.Probe
  /**
   * HorizontalPodAutoscaler (autoscaling/v2). When enabled the Deployment leaves replicas to it.
   */
  autoscaling?: Workload.Autoscaling
  /**
   * Rolling update settings: no pod is taken down before its replacement is ready.
   */
  strategy?: Workload.Strategy
  /**
   * Graceful shutdown: the pod keeps serving while endpoints are removed, then stops.
   */
  lifecycle?: Workload.Lifecycle
  /**
   * PodDisruptionBudget, created when more than one replica can run.
   */
  podDisruptionBudget?: Workload.PodDisruptionBudget
  /**
   * Spread pods across zones and nodes.
   */
  topologySpread?: Workload.TopologySpread
  /**
   * NetworkPolicy that admits traffic only from the release's namespace and the ingress controller, and optionally limits where the pods may connect.
   */
  networkPolicy?: {
    /**
     * Create the NetworkPolicy.
     */
    enabled?: boolean
    /**
     * Namespace of the ingress controller allowed to reach the pods; empty allows none outside the release namespace.
     */
    ingressControllerNamespace?: string
    /**
     * CIDRs allowed in directly, for traffic that does not come from ingress controller pods: NodePort clients, or GKE Gateway proxies (35.191.0.0/16, 130.211.0.0/22).
     */
    ipBlocks?: string[]
    /**
     * Limit outgoing connections to DNS, pods of the namespace and the listed networks (e.g. the Cloud SQL private range and Google APIs).
     */
    egress?: {
      /**
       * Restrict egress. Off by default: the database and Google API addresses depend on the project.
       */
      enabled?: boolean
      /**
       * Networks the pods may reach on egress.ports (e.g. the Cloud SQL private services range).
       */
      cidrs?: string[]
      /**
       * Ports allowed to those networks: 5432 PostgreSQL, 3307 the Cloud SQL Auth Proxy's server side, 443 Google APIs.
       */
      ports?: number[]
    }
    /**
     * More NetworkPolicy ingress rules, as Kubernetes writes them.
     */
    extraIngress?: Kubernetes.NetworkPolicyIngressRule[]
  }
  /**
   * Node labels the pods must run on.
   */
  nodeSelector?: Workload.StringMap
  /**
   * Tolerations for node taints.
   */
  tolerations?: Kubernetes.Toleration[]
  /**
   * Pod affinity and anti-affinity rules.
   */
  affinity?: Kubernetes.Affinity
  /**
   * More topology spread constraints, as Kubernetes writes them (after the chart's own, where it has topologySpread).
   */
  topologySpreadConstraints?: Kubernetes.TopologySpreadConstraint[]
  /**
   * PriorityClass of the pods; empty means the cluster's default.
   */
  priorityClassName?: string
  /**
   * The `helm test` hook that calls the Service.
   */
  tests?: Workload.Tests
  /**
   * More manifests to install with the chart (e.g. a BackendConfig or an ExternalSecret), as objects or as YAML text; each passes through tpl, so it may use {{ .Release.Name }} and the values.
   */
  extraObjects?: ({
    [k: string]: unknown | undefined
  } | string)[]
  /**
   * Values Helm shares with every chart of a release (set by a parent chart).
   */
  global?: {
    [k: string]: unknown | undefined
  }
  /**
   * Condition key a parent chart uses to switch this chart on or off.
   */
  enabled?: boolean
}
