/* generated — do not edit: made by balena-charts from schemas/umbrella.schema.json; change the schema and run npm run generate */

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
 * The whole product on one release: ui, api, monitoring (Prometheus, Alertmanager, Grafana), the HTTPS ingress and database backups, wired together.
 */
export interface UmbrellaValues {
  global?: Global
  ui?: Ui
  api?: Api
  monitoring?: Monitoring
  ingress?: Ingress
  backup?: Backup
  /**
   * Condition key a parent chart uses to switch this chart on or off.
   */
  enabled?: boolean
}
/**
 * Values every component reads: set once here.
 */
export interface Global {
  /**
   * The product's public host name; the ingress routes it (wins over ingress.host).
   */
  domain?: string
  /**
   * Registry put in front of every image repository (a mirror, or Artifact Registry).
   */
  imageRegistry?: string
  /**
   * Pull secrets added to every pod.
   */
  imagePullSecrets?: {
    /**
     * Name of a kubernetes.io/dockerconfigjson Secret.
     */
    name: string
  }[]
  /**
   * Namespace of the ingress controller, admitted by the ui, api and Grafana NetworkPolicies (wins over each chart's own).
   */
  ingressControllerNamespace?: string
  /**
   * StorageClass for every PersistentVolumeClaim that does not name one.
   */
  storageClass?: string
  /**
   * Google Cloud project whose service accounts the pods use through Workload Identity (used by the backup chart and the bridge from Terraform).
   */
  workloadIdentityProject?: string
  /**
   * Secret holding DATABASE_URL, read by the api and the backup jobs alike (wins over their own database.existingSecret).
   */
  databaseSecret?: string
  [k: string]: unknown | undefined
}
/**
 * The web front end (charts/ui). Its values go here; enabled switches it off.
 */
export interface Ui {
  /**
   * Replicas when autoscaling is off (with autoscaling on, the HorizontalPodAutoscaler sets them).
   */
  replicaCount?: number
  image?: Image
  imagePullSecrets?: ImagePullSecrets
  nameOverride?: NameOverride
  fullnameOverride?: FullnameOverride
  serviceAccount?: ServiceAccount
  podAnnotations?: StringMap
  podLabels?: StringMap1
  podSecurityContext?: PodSecurityContext
  securityContext?: SecurityContext
  /**
   * Port the container serves HTTP on (named http).
   */
  containerPort?: number
  /**
   * Extra environment variables, as Kubernetes writes them (name/value or name/valueFrom).
   */
  env?: {
    [k: string]: unknown | undefined
  }[]
  service?: Service
  resources?: Resources
  livenessProbe?: Probe
  readinessProbe?: Probe1
  startupProbe?: Probe2
  autoscaling?: Autoscaling
  strategy?: Strategy
  lifecycle?: Lifecycle
  podDisruptionBudget?: PodDisruptionBudget
  topologySpread?: TopologySpread
  networkPolicy?: NetworkPolicy
  nodeSelector?: StringMap2
  /**
   * Tolerations for node taints.
   */
  tolerations?: {
    [k: string]: unknown | undefined
  }[]
  /**
   * Pod affinity and anti-affinity rules.
   */
  affinity?: {
    [k: string]: unknown | undefined
  }
  /**
   * The `helm test` hook that calls the Service.
   */
  tests?: {
    image?: TestImage
    /**
     * Path the test requests; it must answer 2xx.
     */
    path?: string
  }
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
export interface StringMap {
  [k: string]: string | undefined
}
/**
 * Labels added to every pod (never to the selector, which must not change between releases).
 */
export interface StringMap1 {
  [k: string]: string | undefined
}
/**
 * Pod-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface PodSecurityContext {
  [k: string]: unknown | undefined
}
/**
 * Container-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface SecurityContext {
  [k: string]: unknown | undefined
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
 * Container resource requests and limits. Requests drive the autoscaler's percentages.
 */
export interface Resources {
  /**
   * Resources the scheduler reserves for the container.
   */
  requests?: {
    [k: string]: string | number | undefined
  }
  /**
   * Most the container may use.
   */
  limits?: {
    [k: string]: string | number | undefined
  }
}
/**
 * Restarts the container when it stops accepting connections (a TCP check, unlike readiness, so a slow page does not restart nginx).
 */
export interface Probe {
  [k: string]: unknown | undefined
}
/**
 * Takes the pod out of the Service while it cannot serve.
 */
export interface Probe1 {
  [k: string]: unknown | undefined
}
/**
 * Holds the other probes until the container has started.
 */
export interface Probe2 {
  [k: string]: unknown | undefined
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
  behavior?: {
    [k: string]: unknown | undefined
  }
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
 * NetworkPolicy that admits traffic only from the release's namespace and the ingress controller, and optionally limits where the pods may connect.
 */
export interface NetworkPolicy {
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
  extraIngress?: {
    [k: string]: unknown | undefined
  }[]
}
/**
 * Node labels the pods must run on.
 */
export interface StringMap2 {
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
/**
 * The API (charts/api). Set api.database.existingSecret to the Secret holding DATABASE_URL.
 */
export interface Api {
  /**
   * Replicas when autoscaling is off (with autoscaling on, the HorizontalPodAutoscaler sets them).
   */
  replicaCount?: number
  image?: Image1
  imagePullSecrets?: ImagePullSecrets
  nameOverride?: NameOverride
  fullnameOverride?: FullnameOverride
  serviceAccount?: ServiceAccount
  podAnnotations?: StringMap3
  podLabels?: StringMap4
  podSecurityContext?: PodSecurityContext1
  securityContext?: SecurityContext1
  /**
   * Port the container serves HTTP on (named http).
   */
  containerPort?: number
  /**
   * Extra environment variables, as Kubernetes writes them (name/value or name/valueFrom).
   */
  env?: {
    [k: string]: unknown | undefined
  }[]
  /**
   * Where DATABASE_URL comes from. It is always read from a Secret, never written into the pod spec.
   */
  database?: {
    /**
     * Name of an existing Secret holding the URL; when set the chart creates none.
     */
    existingSecret?: string
    /**
     * Key in the Secret whose value is the URL.
     */
    secretKey?: string
    /**
     * Database URL for the Secret the chart creates when neither existingSecret nor global.databaseSecret names one. The default reaches the Cloud SQL Auth Proxy sidecar on localhost with IAM authentication (no password).
     */
    url?: string
  }
  /**
   * Prometheus metrics the api exposes, and where it finds Prometheus.
   */
  metrics?: {
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
  cloudSqlProxy?: CloudSqlProxy
  service?: Service
  resources?: Resources2
  livenessProbe?: Probe3
  readinessProbe?: Probe4
  startupProbe?: Probe5
  autoscaling?: Autoscaling
  strategy?: Strategy
  lifecycle?: Lifecycle
  podDisruptionBudget?: PodDisruptionBudget
  topologySpread?: TopologySpread
  networkPolicy?: NetworkPolicy
  nodeSelector?: StringMap5
  /**
   * Tolerations for node taints.
   */
  tolerations?: {
    [k: string]: unknown | undefined
  }[]
  /**
   * Pod affinity and anti-affinity rules.
   */
  affinity?: {
    [k: string]: unknown | undefined
  }
  /**
   * The `helm test` hook that calls the Service.
   */
  tests?: {
    image?: TestImage
    /**
     * Path the test requests; it must answer 2xx.
     */
    path?: string
  }
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
export interface Image1 {
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
 * Annotations added to every pod.
 */
export interface StringMap3 {
  [k: string]: string | undefined
}
/**
 * Labels added to every pod (never to the selector, which must not change between releases).
 */
export interface StringMap4 {
  [k: string]: string | undefined
}
/**
 * Pod-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface PodSecurityContext1 {
  [k: string]: unknown | undefined
}
/**
 * Container-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface SecurityContext1 {
  [k: string]: unknown | undefined
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
  image?: Image2
  resources?: Resources1
}
/**
 * Cloud SQL Auth Proxy image.
 */
export interface Image2 {
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
 * Proxy resource requests and limits.
 */
export interface Resources1 {
  /**
   * Resources the scheduler reserves for the container.
   */
  requests?: {
    [k: string]: string | number | undefined
  }
  /**
   * Most the container may use.
   */
  limits?: {
    [k: string]: string | number | undefined
  }
}
/**
 * Container resource requests and limits. Requests drive the autoscaler's percentages.
 */
export interface Resources2 {
  /**
   * Resources the scheduler reserves for the container.
   */
  requests?: {
    [k: string]: string | number | undefined
  }
  /**
   * Most the container may use.
   */
  limits?: {
    [k: string]: string | number | undefined
  }
}
/**
 * Restarts the container when it stops answering.
 */
export interface Probe3 {
  [k: string]: unknown | undefined
}
/**
 * Takes the pod out of the Service while it cannot serve.
 */
export interface Probe4 {
  [k: string]: unknown | undefined
}
/**
 * Holds the other probes until the container has started.
 */
export interface Probe5 {
  [k: string]: unknown | undefined
}
/**
 * Node labels the pods must run on.
 */
export interface StringMap5 {
  [k: string]: string | undefined
}
/**
 * Prometheus, Alertmanager, kube-state-metrics and Grafana (charts/monitoring). Grafana is served under /grafana on the domain.
 */
export interface Monitoring {
  nameOverride?: NameOverride
  fullnameOverride?: FullnameOverride
  imagePullSecrets?: ImagePullSecrets
  /**
   * Prometheus: scrapes the cluster and the product, evaluates the alert rules. Reachable only inside the cluster.
   */
  prometheus?: {
    image?: Image3
    /**
     * How long samples are kept.
     */
    retention?: string
    /**
     * Largest size of the stored blocks (e.g. 18GB); empty means no size limit. Keep it below persistence.size.
     */
    retentionSize?: string
    /**
     * How often targets are scraped.
     */
    scrapeInterval?: string
    /**
     * How often rules are evaluated.
     */
    evaluationInterval?: string
    /**
     * Storage for the time-series database (the pod is a StatefulSet: its ReadWriteOnce volume and TSDB lock cannot be shared by a surge rollout).
     */
    persistence?: {
      /**
       * Keep data on a PersistentVolumeClaim; false uses an emptyDir (data is lost with the pod; for development).
       */
      enabled?: boolean
      /**
       * Size of the volume.
       */
      size?: string
      /**
       * StorageClass of the claim; empty uses global.storageClass, then the cluster default.
       */
      storageClass?: string
    }
    /**
     * Port of the Prometheus Service (ClusterIP only; no ingress rule can reach it).
     */
    port?: number
    /**
     * What Prometheus scrapes.
     */
    scrape?: {
      /**
       * The Kubernetes API server.
       */
      apiServer?: boolean
      /**
       * Each node's kubelet (/metrics), including volume usage.
       */
      kubelet?: boolean
      /**
       * Each node's cAdvisor (/metrics/cadvisor): container CPU, memory and filesystem use.
       */
      cadvisor?: boolean
      /**
       * Each kubelet's probe results (/metrics/probes): readiness and liveness failures.
       */
      probes?: boolean
      /**
       * Pods annotated prometheus.io/scrape: "true" (with prometheus.io/port and prometheus.io/path).
       */
      annotatedPods?: boolean
      /**
       * Services annotated prometheus.io/scrape: "true".
       */
      annotatedServices?: boolean
    }
    /**
     * More scrape_configs entries, as Prometheus writes them.
     */
    extraScrapeConfigs?: {
      [k: string]: unknown | undefined
    }[]
    resources?: Resources3
    podSecurityContext?: PodSecurityContext2
    securityContext?: SecurityContext2
  }
  /**
   * The alert rules Prometheus evaluates. Thresholds are values; each rule can be switched off by name.
   */
  alerting?: {
    /**
     * Load the default alert rules.
     */
    enabled?: boolean
    /**
     * Default alerts to leave out, by name.
     */
    disabled?: ("KubePodCrashLooping" | "KubePodFrequentRestarts" | "KubePodEvicted" | "KubeDeploymentReplicasUnavailable" | "KubeHpaMaxedOut" | "ContainerNearMemoryLimit" | "PersistentVolumeAlmostFull" | "BackupMissing" | "RestoreDrillFailed" | "RestoreDrillMissing" | "PrometheusTargetDown")[]
    /**
     * Container restarts within an hour that raise KubePodFrequentRestarts.
     */
    restartsPerHour?: number
    /**
     * Share of the memory limit a container may use before ContainerNearMemoryLimit fires.
     */
    memoryLimitRatio?: number
    /**
     * Free share of a volume below which PersistentVolumeAlmostFull fires.
     */
    volumeFreeRatio?: number
    /**
     * How long an HPA must sit at maxReplicas before KubeHpaMaxedOut fires.
     */
    hpaMaxedFor?: string
    /**
     * Regular expression matching the backup CronJob's name (the backup chart names it <release>-backup).
     */
    backupCronJobPattern?: string
    /**
     * Hours without a successful backup before BackupMissing fires (it also fires for a CronJob that never succeeded, counted from its creation).
     */
    backupMaxAgeHours?: number
    /**
     * Regular expression matching the restore drill CronJob's name.
     */
    restoreDrillCronJobPattern?: string
    /**
     * Hours without a successful restore drill before RestoreDrillMissing fires (a week and a day by default).
     */
    restoreDrillMaxAgeHours?: number
    /**
     * More rule groups, as Prometheus rule files write them (name, rules).
     */
    extraRules?: {
      [k: string]: unknown | undefined
    }[]
  }
  /**
   * Alertmanager: groups alerts and sends them to people. ClusterIP only.
   */
  alertmanager?: {
    /**
     * Run Alertmanager and point Prometheus at it.
     */
    enabled?: boolean
    image?: Image4
    /**
     * Port of the Alertmanager Service.
     */
    port?: number
    /**
     * The routing tree, as alertmanager.yml's route writes it.
     */
    route?: {
      [k: string]: unknown | undefined
    }
    /**
     * Receivers (webhook_configs, email_configs, slack_configs, …), as alertmanager.yml writes them. The default receiver sends nowhere until configured.
     *
     * @minItems 1
     */
    receivers?: [{
      /**
       * Receiver name, referred to by routes.
       */
      name: string
      [k: string]: unknown | undefined
    }, ...({
      /**
       * Receiver name, referred to by routes.
       */
      name: string
      [k: string]: unknown | undefined
    })[]]
    /**
     * Inhibit rules, as alertmanager.yml writes them.
     */
    inhibitRules?: {
      [k: string]: unknown | undefined
    }[]
    resources?: Resources4
    podSecurityContext?: PodSecurityContext3
    securityContext?: SecurityContext3
  }
  /**
   * kube-state-metrics: metrics about Deployments, Pods, HPAs, CronJobs and resource requests.
   */
  kubeStateMetrics?: {
    /**
     * Run kube-state-metrics.
     */
    enabled?: boolean
    image?: Image5
    resources?: Resources5
    podSecurityContext?: PodSecurityContext4
    securityContext?: SecurityContext4
  }
  /**
   * Grafana: dashboards over Prometheus. The one user-facing part of this chart.
   */
  grafana?: {
    /**
     * Run Grafana.
     */
    enabled?: boolean
    image?: Image6
    /**
     * Grafana's admin login.
     */
    admin?: {
      /**
       * Secret holding the admin user and password. Empty: a hook Job creates <fullname>-grafana-admin once, inside the cluster, with a random password, and never changes it.
       */
      existingSecret?: string
      /**
       * Key of the user name in the Secret.
       */
      userKey?: string
      /**
       * Key of the password in the Secret.
       */
      passwordKey?: string
    }
    /**
     * Path Grafana is served under when it shares a host (e.g. /grafana); empty when it has its own host. Sets root_url and serve_from_sub_path together.
     */
    subPath?: string
    service?: Service1
    /**
     * Grafana's own database (users, edited dashboards). Provisioned dashboards and the datasource come back without it.
     */
    persistence?: {
      /**
       * Keep Grafana's database on a PersistentVolumeClaim.
       */
      enabled?: boolean
      /**
       * Size of the volume.
       */
      size?: string
      /**
       * StorageClass of the claim; empty uses global.storageClass, then the cluster default.
       */
      storageClass?: string
    }
    /**
     * Provision the deployments, pods, resources and container-health dashboards.
     */
    dashboards?: boolean
    resources?: Resources6
    podSecurityContext?: PodSecurityContext5
    securityContext?: SecurityContext5
  }
  /**
   * NetworkPolicies: Prometheus, Alertmanager and kube-state-metrics accept only in-namespace clients; Grafana also the ingress controller.
   */
  networkPolicy?: {
    /**
     * Create the NetworkPolicies.
     */
    enabled?: boolean
    /**
     * Namespace of the ingress controller allowed to reach Grafana.
     */
    ingressControllerNamespace?: string
    /**
     * CIDRs allowed to reach Grafana directly: a NodePort's clients, or GKE Gateway proxies (35.191.0.0/16, 130.211.0.0/22).
     */
    grafanaIpBlocks?: string[]
    /**
     * Where Prometheus and kube-state-metrics may reach the Kubernetes API server and kubelets; empty allows any address on the API and kubelet ports.
     */
    apiServerCidrs?: string[]
  }
  /**
   * The `helm test` hook that asks Prometheus whether it is ready.
   */
  tests?: {
    image?: TestImage
  }
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
 * Prometheus image (promtool in the tests is built from the same version).
 */
export interface Image3 {
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
 * Prometheus resource requests and limits.
 */
export interface Resources3 {
  /**
   * Resources the scheduler reserves for the container.
   */
  requests?: {
    [k: string]: string | number | undefined
  }
  /**
   * Most the container may use.
   */
  limits?: {
    [k: string]: string | number | undefined
  }
}
/**
 * Pod-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface PodSecurityContext2 {
  [k: string]: unknown | undefined
}
/**
 * Container-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface SecurityContext2 {
  [k: string]: unknown | undefined
}
/**
 * Alertmanager image.
 */
export interface Image4 {
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
 * Alertmanager resource requests and limits.
 */
export interface Resources4 {
  /**
   * Resources the scheduler reserves for the container.
   */
  requests?: {
    [k: string]: string | number | undefined
  }
  /**
   * Most the container may use.
   */
  limits?: {
    [k: string]: string | number | undefined
  }
}
/**
 * Pod-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface PodSecurityContext3 {
  [k: string]: unknown | undefined
}
/**
 * Container-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface SecurityContext3 {
  [k: string]: unknown | undefined
}
/**
 * kube-state-metrics image.
 */
export interface Image5 {
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
 * kube-state-metrics resource requests and limits.
 */
export interface Resources5 {
  /**
   * Resources the scheduler reserves for the container.
   */
  requests?: {
    [k: string]: string | number | undefined
  }
  /**
   * Most the container may use.
   */
  limits?: {
    [k: string]: string | number | undefined
  }
}
/**
 * Pod-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface PodSecurityContext4 {
  [k: string]: unknown | undefined
}
/**
 * Container-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface SecurityContext4 {
  [k: string]: unknown | undefined
}
/**
 * Grafana image (the admin-Secret hook uses it too: it needs its bash and curl).
 */
export interface Image6 {
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
 * The Service in front of the pods.
 */
export interface Service1 {
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
 * Grafana resource requests and limits.
 */
export interface Resources6 {
  /**
   * Resources the scheduler reserves for the container.
   */
  requests?: {
    [k: string]: string | number | undefined
  }
  /**
   * Most the container may use.
   */
  limits?: {
    [k: string]: string | number | undefined
  }
}
/**
 * Pod-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface PodSecurityContext5 {
  [k: string]: unknown | undefined
}
/**
 * Container-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface SecurityContext5 {
  [k: string]: unknown | undefined
}
/**
 * The HTTPS front door (charts/ingress).
 */
export interface Ingress {
  nameOverride?: NameOverride
  fullnameOverride?: FullnameOverride
  /**
   * How traffic gets in: an Ingress (NGINX) or a Gateway API HTTPRoute.
   */
  mode?: ("ingress" | "gateway")
  /**
   * Public host name of the product.
   */
  host?: string
  /**
   * What is routed where. Only ui, api and Grafana can be routed; there is no key for Prometheus.
   */
  routes?: {
    /**
     * The web front end, at / of host.
     */
    ui?: {
      /**
       * Route to the ui.
       */
      enabled?: boolean
      /**
       * Path prefix.
       */
      path?: string
      /**
       * The Service behind this route. Prometheus can never be one: it is internal only.
       */
      service?: {
        /**
         * Service name; empty means <release>-ui (the umbrella's name for it).
         */
        name?: string
        /**
         * Service port.
         */
        port?: number
      }
    }
    /**
     * The API.
     */
    api?: {
      /**
       * Route to the api.
       */
      enabled?: boolean
      /**
       * Path prefix of the API on host.
       */
      path?: string
      /**
       * The Service behind this route. Prometheus can never be one: it is internal only.
       */
      service?: {
        /**
         * Service name; empty means <release>-api.
         */
        name?: string
        /**
         * Service port.
         */
        port?: number
      }
    }
    /**
     * Grafana, on its own host or under a path of host.
     */
    grafana?: {
      /**
       * Route to Grafana.
       */
      enabled?: boolean
      /**
       * Grafana's own host name; empty serves it under path on host.
       */
      host?: string
      /**
       * Path prefix when Grafana shares host; must equal the monitoring chart's grafana.subPath.
       */
      path?: string
      /**
       * The Service behind this route. Prometheus can never be one: it is internal only.
       */
      service?: {
        /**
         * Service name; empty means <release>-monitoring-grafana.
         */
        name?: string
        /**
         * Service port.
         */
        port?: number
      }
    }
  }
  /**
   * HTTPS termination.
   */
  tls?: {
    /**
     * Terminate HTTPS (and redirect HTTP to it).
     */
    enabled?: boolean
    /**
     * TLS Secret with the certificate; empty means <fullname>-tls. With cert-manager it is created and renewed for you; without, it must exist.
     */
    secretName?: string
    /**
     * cert-manager issues the certificate.
     */
    certManager?: {
      /**
       * Ask cert-manager for the certificate (cert-manager.io/cluster-issuer annotation).
       */
      enabled?: boolean
      /**
       * ClusterIssuer to use.
       */
      clusterIssuer?: string
      /**
       * Create the ClusterIssuer with that name: ACME (HTTP-01 through this route) for real certificates, or self-signed for development.
       */
      createIssuer?: {
        /**
         * Create the ClusterIssuer.
         */
        enabled?: boolean
        /**
         * acme: a public CA such as Let's Encrypt; selfSigned: a certificate browsers will warn about (development).
         */
        type?: ("acme" | "selfSigned")
        /**
         * Account e-mail the ACME server sends expiry notices to (acme only).
         */
        email?: string
        /**
         * ACME directory URL.
         */
        server?: string
      }
    }
  }
  /**
   * Ingress mode settings.
   */
  ingress?: {
    /**
     * IngressClass of the controller.
     */
    className?: string
    /**
     * Which NGINX controller reads the annotations: community ingress-nginx (nginx.ingress.kubernetes.io/*, retired upstream) or F5 NGINX Ingress Controller (nginx.org/*).
     */
    controller?: ("community" | "f5")
    /**
     * HTTP Strict Transport Security. F5: set per Ingress. Community ingress-nginx: set controller-wide in its ConfigMap (on by default), so these values do not apply.
     */
    hsts?: {
      /**
       * Send Strict-Transport-Security.
       */
      enabled?: boolean
      /**
       * max-age of the header.
       */
      maxAgeSeconds?: number
      /**
       * Add includeSubDomains.
       */
      includeSubdomains?: boolean
    }
    /**
     * Largest request body accepted (e.g. 8m).
     */
    proxyBodySize?: string
    /**
     * Seconds to wait for a response from the backend.
     */
    proxyReadTimeoutSeconds?: number
    /**
     * Seconds to wait while sending a request to the backend.
     */
    proxySendTimeoutSeconds?: number
    annotations?: StringMap6
  }
  /**
   * Gateway API mode settings: HTTPRoutes attach to a Gateway, which terminates TLS on its listener.
   */
  gateway?: {
    /**
     * An existing Gateway to attach to (when the chart does not create one).
     */
    parentRef?: {
      /**
       * Gateway name.
       */
      name?: string
      /**
       * Gateway namespace; empty means the release namespace.
       */
      namespace?: string
      /**
       * Listener the routes attach to; empty attaches to every listener that allows them.
       */
      httpsSectionName?: string
      /**
       * Plain-HTTP listener that gets the redirect-to-HTTPS route; empty adds no redirect route.
       */
      httpSectionName?: string
    }
    /**
     * Create the Gateway, with an HTTPS listener using the TLS Secret and an HTTP listener that redirects.
     */
    create?: {
      /**
       * Create the Gateway.
       */
      enabled?: boolean
      /**
       * GatewayClass, e.g. gke-l7-global-external-managed or gke-l7-regional-external-managed.
       */
      className?: string
      annotations?: StringMap7
    }
  }
  /**
   * The namespace's default: deny all ingress traffic except what each component's own NetworkPolicy allows.
   */
  networkPolicy?: {
    /**
     * Create the default-deny ingress NetworkPolicy for the release namespace.
     */
    defaultDenyIngress?: boolean
  }
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
 * More annotations for the Ingress.
 */
export interface StringMap6 {
  [k: string]: string | undefined
}
/**
 * Annotations for the Gateway (e.g. networking.gke.io/certmap).
 */
export interface StringMap7 {
  [k: string]: string | undefined
}
/**
 * Nightly database backups to Cloud Storage and the restore drill (charts/backup). Off until backup.gcs.bucket is set; it reads global.databaseSecret like the api.
 */
export interface Backup {
  nameOverride?: NameOverride
  fullnameOverride?: FullnameOverride
  imagePullSecrets?: ImagePullSecrets
  /**
   * PostgreSQL major version of the Cloud SQL instance. It also picks the dump image's tag: pg_dump must be at least the server's version, so keep the two in step (the Terraform bridge writes both from one variable).
   */
  postgresVersion?: ("13" | "14" | "15" | "16" | "17" | "18")
  image?: Image7
  storageImage?: Image8
  /**
   * The database to back up: the same Secret the api reads (global.databaseSecret wins when set).
   */
  database?: {
    /**
     * Secret holding the database URL (libpq form). Required unless global.databaseSecret is set.
     */
    existingSecret?: string
    /**
     * Key of the URL in the Secret.
     */
    secretKey?: string
  }
  /**
   * Where backups go in Google Cloud Storage.
   */
  gcs?: {
    /**
     * Bucket name (Terraform's backup_bucket output). Required: there is no sensible default.
     */
    bucket?: string
    /**
     * Object prefix; dumps go to <prefix>/<YYYY>/<MM>/<DD>/<name>-<timestamp>.dump, with <prefix>/latest naming the newest verified one.
     */
    prefix?: string
    /**
     * Name part of each object; empty means the release's full name.
     */
    name?: string
    /**
     * Cloud Storage JSON API base URL (an emulator or a private endpoint can be given here).
     */
    baseUrl?: string
    /**
     * Where the job gets its OAuth token: the GKE metadata server hands out the Workload Identity token of the ServiceAccount's Google service account. Empty sends no token.
     */
    tokenUrl?: string
  }
  /**
   * When the backup runs (cron syntax, in timeZone).
   */
  schedule?: string
  /**
   * Time zone of the schedules.
   */
  timeZone?: string
  /**
   * Dumps to keep: older ones are deleted after each backup. 0 keeps all (the bucket's lifecycle rule still expires them by age).
   */
  keep?: number
  /**
   * How late a missed run may still start.
   */
  startingDeadlineSeconds?: number
  /**
   * Retries of a failed backup run.
   */
  backoffLimit?: number
  /**
   * Longest a run may take before it is stopped.
   */
  activeDeadlineSeconds?: number
  /**
   * Finished runs kept for inspection.
   */
  successfulJobsHistoryLimit?: number
  /**
   * Failed runs kept for inspection.
   */
  failedJobsHistoryLimit?: number
  serviceAccount?: ServiceAccount1
  cloudSqlProxy?: CloudSqlProxy
  /**
   * A one-off restore Job, off until asked for.
   */
  restore?: {
    /**
     * Render the restore Job (install or upgrade with this set runs it once).
     */
    enabled?: boolean
    /**
     * Object to restore, or latest.
     */
    object?: string
    /**
     * Secret holding the URL of the database to restore into. Required when enabled.
     */
    targetSecret?: string
    /**
     * Key of the URL in that Secret.
     */
    targetSecretKey?: string
    /**
     * Restore over existing tables (they are dropped first). Off: a database that has tables is refused.
     */
    force?: boolean
  }
  /**
   * The restore drill: restores the latest backup into a scratch database and compares every table with the checksums taken at backup time.
   */
  drill?: {
    /**
     * Run the drill on its schedule.
     */
    enabled?: boolean
    /**
     * When the drill runs (weekly by default).
     */
    schedule?: string
    /**
     * Secret holding the URL of the scratch database; it is overwritten every run, so never point it at real data. Required when enabled.
     */
    scratchSecret?: string
    /**
     * Key of the URL in that Secret.
     */
    scratchSecretKey?: string
  }
  resources?: Resources7
  podSecurityContext?: PodSecurityContext6
  securityContext?: SecurityContext6
  /**
   * NetworkPolicy for the job pods: nothing may connect to them.
   */
  networkPolicy?: {
    /**
     * Create it.
     */
    enabled?: boolean
  }
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
 * Image with pg_dump, pg_restore and psql (the official postgres image); an empty tag means <postgresVersion>-bookworm.
 */
export interface Image7 {
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
 * Image with curl and sha256sum for the Cloud Storage steps.
 */
export interface Image8 {
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
export interface ServiceAccount1 {
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
 * Resource requests and limits of each job container.
 */
export interface Resources7 {
  /**
   * Resources the scheduler reserves for the container.
   */
  requests?: {
    [k: string]: string | number | undefined
  }
  /**
   * Most the container may use.
   */
  limits?: {
    [k: string]: string | number | undefined
  }
}
/**
 * Pod-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface PodSecurityContext6 {
  [k: string]: unknown | undefined
}
/**
 * Container-level security context. The default meets the Kubernetes restricted Pod Security Standard.
 */
export interface SecurityContext6 {
  [k: string]: unknown | undefined
}
