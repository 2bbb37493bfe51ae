/* generated — do not edit: made by balena-charts from schemas/ui.schema.json; change the schema and run npm run generate */

import type * as Kubernetes from './kubernetes.js';

/**
 * Secrets for pulling images from a private registry.
 */
export type ImagePullSecrets = {
  /**
   * Name of a kubernetes.io/dockerconfigjson Secret.
   */
  name: string
}[]
/**
 * Replaces the chart name in resource names.
 */
export type NameOverride = string
/**
 * Replaces the whole release-chart name of resources.
 */
export type FullnameOverride = string
/**
 * A container as Kubernetes writes it, refused where it asks for what the restricted Pod Security Standard forbids (the chart's pods run where that standard is enforced).
 */
export type RestrictedContainer = Kubernetes.Container

/**
 * The product's web front end: a stateless HTTP server behind the ingress.
 */
export interface UiValues {
  /**
   * Replicas when autoscaling is off (with autoscaling on, the HorizontalPodAutoscaler sets them).
   */
  replicaCount?: number
  image?: Image
  imagePullSecrets?: ImagePullSecrets
  nameOverride?: NameOverride
  fullnameOverride?: FullnameOverride
  commonLabels?: StringMap
  commonAnnotations?: StringMap1
  serviceAccount?: ServiceAccount
  podAnnotations?: StringMap2
  podLabels?: StringMap3
  /**
   * Pod-level security context. The default meets the Kubernetes restricted Pod Security Standard.
   */
  podSecurityContext?: Kubernetes.PodSecurityContext
  /**
   * Container-level security context. The default meets the Kubernetes restricted Pod Security Standard.
   */
  securityContext?: Kubernetes.SecurityContext
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
  service?: Service
  /**
   * Container resource requests and limits. Requests drive the autoscaler's percentages.
   */
  resources?: Kubernetes.ResourceRequirements
  /**
   * More init containers, as Kubernetes writes them; they run before the workload's own containers and must meet the restricted Pod Security Standard too.
   */
  initContainers?: RestrictedContainer[]
  /**
   * More containers beside the workload's own, as Kubernetes writes them (not in hook or test pods).
   */
  sidecars?: RestrictedContainer[]
  /**
   * More volumes for the pods, as Kubernetes writes them (e.g. a Secret or ConfigMap).
   */
  extraVolumes?: Kubernetes.Volume[]
  /**
   * Mounts of extraVolumes into the workload's container, as Kubernetes writes them.
   */
  extraVolumeMounts?: Kubernetes.VolumeMount[]
  /**
   * Restarts the container when it stops accepting connections (a TCP check, unlike readiness, so a slow page does not restart nginx).
   */
  livenessProbe?: Kubernetes.Probe
  /**
   * Takes the pod out of the Service while it cannot serve.
   */
  readinessProbe?: Kubernetes.Probe
  /**
   * Holds the other probes until the container has started.
   */
  startupProbe?: Kubernetes.Probe
  autoscaling?: Autoscaling
  strategy?: Strategy
  lifecycle?: Lifecycle
  podDisruptionBudget?: PodDisruptionBudget
  topologySpread?: TopologySpread
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
  nodeSelector?: StringMap4
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
  tests?: {
    image?: TestImage
    /**
     * Path the test requests; it must answer 2xx.
     */
    path?: string
    /**
     * Resources of the helm test pod.
     */
    resources?: Kubernetes.ResourceRequirements
  }
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
/**
 * Container image. Point repository (and tag or digest) at the product's own image.
 */
export interface Image {
  /**
   * Registry host; empty means the one in repository (or global.imageRegistry when set).
   */
  registry?: string
  /**
   * Image repository.
   */
  repository: string
  /**
   * Image tag; empty means the chart's appVersion.
   */
  tag?: string
  /**
   * Image digest (sha256:...); pins the exact image and wins over the tag.
   */
  digest?: string
  /**
   * When the kubelet pulls the image.
   */
  pullPolicy?: ("Always" | "IfNotPresent" | "Never")
}
/**
 * Labels added to every object the chart makes (never to a selector: those cannot change). The chart's own label keys cannot be replaced.
 */
export interface StringMap {
  [k: string]: string | undefined
}
/**
 * Annotations added to every object the chart installs (pods take podAnnotations; helm test pods take neither). An object's own annotations win over these.
 */
export interface StringMap1 {
  [k: string]: string | undefined
}
/**
 * The pods' ServiceAccount.
 */
export interface ServiceAccount {
  /**
   * Create a ServiceAccount for the pods.
   */
  create?: boolean
  /**
   * Mount the ServiceAccount's API token into the pods (off: the workload does not call the Kubernetes API).
   */
  automount?: boolean
  /**
   * Annotations for the ServiceAccount, e.g. iam.gke.io/gcp-service-account for GKE Workload Identity.
   */
  annotations?: {
    [k: string]: string | undefined
  }
  /**
   * Name of the ServiceAccount to use; empty means the chart's full name.
   */
  name?: string
}
/**
 * Annotations added to every pod.
 */
export interface StringMap2 {
  [k: string]: string | undefined
}
/**
 * Labels added to every pod (never to the selector, which must not change between releases).
 */
export interface StringMap3 {
  [k: string]: string | undefined
}
/**
 * The Service in front of the pods.
 */
export interface Service {
  /**
   * Service type. ClusterIP keeps it in-cluster; the ingress chart routes to it.
   */
  type?: ("ClusterIP" | "NodePort" | "LoadBalancer")
  /**
   * Port the Service listens on.
   */
  port?: number
  /**
   * Fixed node port when type is NodePort or LoadBalancer; null lets Kubernetes pick.
   */
  nodePort?: (number | null)
  /**
   * Annotations for the Service.
   */
  annotations?: {
    [k: string]: string | undefined
  }
}
/**
 * HorizontalPodAutoscaler (autoscaling/v2). When enabled the Deployment leaves replicas to it.
 */
export interface Autoscaling {
  /**
   * Create the HorizontalPodAutoscaler.
   */
  enabled?: boolean
  /**
   * Fewest replicas; 2 or more keeps the service up while a node drains.
   */
  minReplicas?: number
  /**
   * Most replicas; must not be below minReplicas.
   */
  maxReplicas?: number
  /**
   * Average CPU use, as a percentage of the request, the autoscaler aims for; null turns the CPU metric off.
   */
  targetCPUUtilizationPercentage?: (number | null)
  /**
   * Average memory use, as a percentage of the request, the autoscaler aims for; null turns the memory metric off.
   */
  targetMemoryUtilizationPercentage?: (number | null)
  /**
   * HPA scaling behavior (scaleUp / scaleDown policies and stabilization windows).
   */
  behavior?: Kubernetes.HorizontalPodAutoscalerBehavior
}
/**
 * Rolling update settings: no pod is taken down before its replacement is ready.
 */
export interface Strategy {
  /**
   * Extra pods allowed during a rollout (a number or a percentage).
   */
  maxSurge?: (number | string)
  /**
   * Pods that may be unavailable during a rollout; 0 means zero-downtime updates.
   */
  maxUnavailable?: (number | string)
}
/**
 * Graceful shutdown: the pod keeps serving while endpoints are removed, then stops.
 */
export interface Lifecycle {
  /**
   * Pause before the container is asked to stop, so load balancers stop sending traffic first.
   */
  preStopSleepSeconds?: number
  /**
   * Time the pod has to finish in-flight requests; must exceed preStopSleepSeconds.
   */
  terminationGracePeriodSeconds?: number
}
/**
 * PodDisruptionBudget, created when more than one replica can run.
 */
export interface PodDisruptionBudget {
  /**
   * Create the PodDisruptionBudget (only when replicaCount or autoscaling.maxReplicas is above 1).
   */
  enabled?: boolean
  /**
   * Pods that may be down at once during voluntary disruptions (a number or a percentage).
   */
  maxUnavailable?: (number | string)
  /**
   * AlwaysAllow lets a node drain evict pods that run but are not Ready even when the budget is spent, so a crash-looping pod never blocks a node upgrade; IfHealthyBudget is Kubernetes' own default.
   */
  unhealthyPodEvictionPolicy?: ("AlwaysAllow" | "IfHealthyBudget")
}
/**
 * Spread pods across zones and nodes.
 */
export interface TopologySpread {
  /**
   * Add zone and node topologySpreadConstraints.
   */
  enabled?: boolean
  /**
   * Largest allowed difference in pod count between zones (or nodes).
   */
  maxSkew?: number
  /**
   * ScheduleAnyway lets clusters without zone labels (kind, minikube) still schedule.
   */
  whenUnsatisfiable?: ("ScheduleAnyway" | "DoNotSchedule")
}
/**
 * Node labels the pods must run on.
 */
export interface StringMap4 {
  [k: string]: string | undefined
}
/**
 * Image the `helm test` hook runs (needs wget).
 */
export interface TestImage {
  /**
   * Image repository.
   */
  repository?: string
  /**
   * Image tag.
   */
  tag?: string
}
