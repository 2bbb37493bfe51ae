/* generated — do not edit: made by balena-charts from schemas/umbrella.schema.json; change the schema and run npm run generate */

import type { UiValues } from './ui-values.js';
import type { ApiValues } from './api-values.js';
import type { MonitoringValues } from './monitoring-values.js';
import type { IngressValues } from './ingress-values.js';
import type { BackupValues } from './backup-values.js';

/**
 * The whole product on one release: ui, api, monitoring (Prometheus, Alertmanager, Grafana), the HTTPS ingress and database backups, wired together.
 */
export interface UmbrellaValues {
  /**
   * More manifests to install with the chart (e.g. a BackendConfig or an ExternalSecret), as objects or as YAML text; each passes through tpl, so it may use {{ .Release.Name }} and the values.
   */
  extraObjects?: ({
    [k: string]: unknown | undefined
  } | string)[]
  global?: Global
  /**
   * The web front end (charts/ui). Its values go here; enabled switches it off.
   */
  ui?: UiValues
  /**
   * The API (charts/api). Set api.database.existingSecret to the Secret holding DATABASE_URL.
   */
  api?: ApiValues
  /**
   * Prometheus, Alertmanager, kube-state-metrics and Grafana (charts/monitoring). Grafana is served under /grafana on the domain.
   */
  monitoring?: MonitoringValues
  /**
   * The HTTPS front door (charts/ingress).
   */
  ingress?: IngressValues
  /**
   * Nightly database backups to Cloud Storage and the restore drill (charts/backup). Off until backup.gcs.bucket is set; it reads global.databaseSecret like the api.
   */
  backup?: BackupValues
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
  /**
   * Prometheus query URL for the api's METRICS_URL and Grafana's datasource. Empty: the monitoring chart's Service <release>-monitoring-prometheus (its own Prometheus, or the GMP frontend). Required with monitoring.backend operator: the address of your Prometheus.
   */
  metricsUrl?: string
  /**
   * Namespace of the Prometheus that scrapes the release from outside it (monitoring.backend operator: your Prometheus's namespace; gmp: gmp-system). The NetworkPolicies of every scraped pod admit it; under operator, Grafana and the api may query it there.
   */
  metricsCollectorNamespace?: string
  [k: string]: unknown | undefined
}
