/* generated — do not edit: made by balena-charts from schemas/backup.schema.json; change the schema and run npm run generate */

import type * as Kubernetes from './kubernetes.js';
import type * as Workload from './workload.js';

/**
 * Nightly logical backups of the Cloud SQL PostgreSQL database to Cloud Storage, a restore Job and a weekly restore drill.
 */
export interface BackupValues {
  /**
   * Image with pg_dump, pg_restore and psql (the official postgres image); an empty tag means <postgresVersion>-bookworm.
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
   * The jobs' ServiceAccount: annotate it with iam.gke.io/gcp-service-account for Workload Identity (no key files).
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
   * Extra environment variables, as Kubernetes writes them (name/value or name/valueFrom).
   */
  env?: Kubernetes.EnvVar[]
  /**
   * Environment from whole ConfigMaps or Secrets, as Kubernetes writes it (configMapRef/secretRef, optional prefix).
   */
  envFrom?: Kubernetes.EnvFromSource[]
  /**
   * Resource requests and limits of each job container.
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
   * When the backup runs (cron syntax, in timeZone).
   */
  schedule?: string
  /**
   * Time zone of the schedules.
   */
  timeZone?: string
  /**
   * How late a missed run may still start.
   */
  startingDeadlineSeconds?: number
  /**
   * Finished runs kept for inspection.
   */
  successfulJobsHistoryLimit?: number
  /**
   * Failed runs kept for inspection.
   */
  failedJobsHistoryLimit?: number
  /**
   * Retries of a failed backup run.
   */
  backoffLimit?: number
  /**
   * Longest a run may take before it is stopped.
   */
  activeDeadlineSeconds?: number
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
   * Seconds the pods have to stop after being asked to (a workload with lifecycle values has it there, beside the preStop pause).
   */
  terminationGracePeriodSeconds?: number
  /**
   * More manifests to install with the chart (e.g. a BackendConfig or an ExternalSecret), as objects or as YAML text; each passes through tpl, so it may use {{ .Release.Name }} and the values.
   */
  extraObjects?: ({
    [k: string]: unknown | undefined
  } | string)[]
  /**
   * PostgreSQL major version of the Cloud SQL instance. It also picks the dump image's tag: pg_dump must be at least the server's version, so keep the two in step (the Terraform bridge writes both from one variable).
   */
  postgresVersion?: ("13" | "14" | "15" | "16" | "17" | "18")
  /**
   * Image with curl and sha256sum for the Cloud Storage steps.
   */
  storageImage?: Workload.Image
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
   * Dumps to keep: older ones are deleted after each backup. 0 keeps all (the bucket's lifecycle rule still expires them by age).
   */
  keep?: number
  /**
   * Cloud SQL Auth Proxy as a native sidecar (an init container with restartPolicy Always). It authenticates with GKE Workload Identity: annotate the ServiceAccount with iam.gke.io/gcp-service-account.
   */
  cloudSqlProxy?: Workload.CloudSqlProxy
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
    /**
     * The restore Job's own pod settings, over the shared ones at the chart's root (e.g. more memory or another node pool for it alone).
     */
    pod?: Workload.PodOverrides
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
    /**
     * The drill CronJob's own pod settings, over the shared ones at the chart's root (e.g. more memory or another node pool for it alone).
     */
    pod?: Workload.PodOverrides
  }
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
