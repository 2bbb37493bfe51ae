/* generated — do not edit: made by balena-charts from schemas/defs/workload.schema.json; change the schema and run npm run generate */

import type * as Kubernetes from './kubernetes.js';

export type WorkloadType = (Image | ImagePullSecrets | NameOverride | FullnameOverride | ServiceAccount | StringMap | PodSecurityContext | SecurityContext | Service | Resources | Probe | Autoscaling | PodDisruptionBudget | TopologySpread | Lifecycle | Strategy | TestImage | TestResources | CloudSqlProxy | RestrictedContainer | PodOverrides | Database | Metrics | Tests)
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
 * Pod-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export type PodSecurityContext = Kubernetes.PodSecurityContext
/**
 * Container-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export type SecurityContext = Kubernetes.SecurityContext
/**
 * Container resource requests and limits.
 */
export type Resources = Kubernetes.ResourceRequirements
/**
 * A Kubernetes probe (httpGet, tcpSocket, exec or grpc, with its timings).
 */
export type Probe = Kubernetes.Probe
/**
 * Resources of the helm test pod.
 */
export type TestResources = Resources
/**
 * A container as Kubernetes writes it, refused where it asks for what the restricted Pod Security Standard forbids (the chart's pods run where that standard is enforced).
 */
export type RestrictedContainer = Kubernetes.Container

/**
 * Container image. The digest, when set, wins over the tag.
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
 * A map of strings.
 */
export interface StringMap {
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
/**
 * Cloud SQL Auth Proxy as a native sidecar (an init container with restartPolicy Always). It authenticates with GKE Workload Identity: annotate the ServiceAccount with iam.gke.io/gcp-service-account.
 */
export interface CloudSqlProxy {
  /**
   * Run the proxy next to the api.
   */
  enabled?: boolean
  /**
   * Cloud SQL instance as project:region:instance. Required when enabled.
   */
  instanceConnectionName?: string
  /**
   * Local port the proxy listens on (the database URL's port).
   */
  port?: number
  /**
   * Connect over the instance's private IP.
   */
  privateIp?: boolean
  /**
   * Log in with the Workload Identity service account (IAM database authentication) instead of a password.
   */
  autoIamAuthn?: boolean
  /**
   * Cloud SQL Auth Proxy image.
   */
  image?: Image
  /**
   * Proxy resource requests and limits.
   */
  resources?: Resources
}
/**
 * One job's own pod settings, for a chart whose jobs share one pod block: each key set here replaces the shared value for this job; an empty one keeps the shared value.
 */
export interface PodOverrides {
  /**
   * This job's pod labels, instead of the shared podLabels.
   */
  podLabels?: StringMap
  /**
   * This job's pod annotations, instead of the shared podAnnotations.
   */
  podAnnotations?: StringMap
  /**
   * This job's environment variables, instead of the shared env.
   */
  env?: Kubernetes.EnvVar[]
  /**
   * This job's envFrom, instead of the shared one.
   */
  envFrom?: Kubernetes.EnvFromSource[]
  /**
   * This job's container resource requests and limits, instead of the shared ones.
   */
  resources?: Resources
  /**
   * Node labels this job's pods must run on, instead of the shared nodeSelector.
   */
  nodeSelector?: StringMap
  /**
   * This job's tolerations, instead of the shared ones.
   */
  tolerations?: Kubernetes.Toleration[]
  /**
   * This job's affinity, instead of the shared one.
   */
  affinity?: Kubernetes.Affinity
  /**
   * This job's topology spread constraints, instead of the shared ones.
   */
  topologySpreadConstraints?: Kubernetes.TopologySpreadConstraint[]
  /**
   * PriorityClass of this job's pods, instead of the shared one.
   */
  priorityClassName?: string
  /**
   * Seconds this job's pods have to stop, instead of the shared value; null keeps it.
   */
  terminationGracePeriodSeconds?: (number | null)
}
/**
 * Where DATABASE_URL comes from. It is always read from a Secret, never written into the pod spec.
 */
export interface Database {
  /**
   * Name of an existing Secret holding the URL; when set the chart creates none.
   */
  existingSecret?: string
  /**
   * Key in the Secret whose value is the URL.
   */
  secretKey?: string
  /**
   * Database URL for the Secret the chart creates when neither existingSecret nor global.databaseSecret names one. Never with a password (refused): the default reaches the Cloud SQL Auth Proxy sidecar on localhost with IAM authentication.
   */
  url?: string
  /**
   * Local development only: a database URL that may carry a password (e.g. a PostgreSQL in the cluster), written into the Secret the chart makes and so into Helm's release record. Wins over url. Never for a shared environment: use existingSecret there.
   */
  localDevelopmentUrl?: string
}
/**
 * Prometheus metrics the api exposes, and where it finds Prometheus.
 */
export interface Metrics {
  /**
   * Add prometheus.io/scrape annotations so Prometheus scrapes the pods.
   */
  enabled?: boolean
  /**
   * Path of the metrics endpoint.
   */
  path?: string
  /**
   * Port of the metrics endpoint; null means containerPort.
   */
  port?: (number | null)
  /**
   * METRICS_URL given to the api. Empty means the monitoring chart's in-cluster Prometheus Service: http://<release>-monitoring-prometheus.<namespace>.svc.cluster.local:9090.
   */
  prometheusUrl?: string
}
/**
 * The `helm test` hook that calls the Service.
 */
export interface Tests {
  image?: TestImage
  /**
   * Path the test requests; it must answer 2xx.
   */
  path?: string
  resources?: TestResources
}
