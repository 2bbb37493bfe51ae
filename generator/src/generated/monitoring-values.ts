/* generated — do not edit: made by balena-charts from schemas/monitoring.schema.json; change the schema and run npm run generate */

import type * as Kubernetes from './kubernetes.js';
import type * as Workload from './workload.js';

/**
 * Prometheus (internal only), Alertmanager, kube-state-metrics and Grafana with the product's dashboards and alerts.
 */
export interface MonitoringValues {
  /**
   * Labels added to every object the chart makes (never to a selector: those cannot change). The chart's own label keys cannot be replaced.
   */
  commonLabels?: Workload.StringMap
  /**
   * Annotations added to every object the chart installs (pods take podAnnotations; helm test pods take neither). An object's own annotations win over these.
   */
  commonAnnotations?: Workload.StringMap
  /**
   * More manifests to install with the chart (e.g. a BackendConfig or an ExternalSecret), as objects or as YAML text; each passes through tpl, so it may use {{ .Release.Name }} and the values.
   */
  extraObjects?: ({
    [k: string]: unknown | undefined
  } | string)[]
  /**
   * Replaces the chart name in resource names.
   */
  nameOverride?: Workload.NameOverride
  /**
   * Replaces the whole release-chart name of resources.
   */
  fullnameOverride?: Workload.FullnameOverride
  /**
   * Secrets for pulling images from a private registry.
   */
  imagePullSecrets?: Workload.ImagePullSecrets
  /**
   * Who collects the metrics and evaluates the alerts. prometheus: this chart's own Prometheus and Alertmanager. operator: your Prometheus Operator, through the ServiceMonitor, PodMonitor and PrometheusRule this chart renders (set global.metricsUrl and global.metricsCollectorNamespace). gmp: Google Cloud Managed Service for Prometheus, through PodMonitoring, Rules and ClusterRules, queried through the GMP frontend this chart runs (set gmp.projectId and global.metricsCollectorNamespace: gmp-system).
   */
  backend?: ("prometheus" | "operator" | "gmp")
  /**
   * Refuse to render when the cluster lacks the backend's CRDs (monitoring.coreos.com/v1 for operator, monitoring.googleapis.com/v1 for gmp), naming what to install. Set false for renders that pass no API versions: helm lint, kubeconform, helm template without --api-versions.
   */
  requireBackendCrds?: boolean
  /**
   * backend operator: how your Prometheus Operator finds this chart's monitors and rules.
   */
  operator?: {
    /**
     * Labels put on the ServiceMonitor, PodMonitor and PrometheusRule, to match your Prometheus's serviceMonitorSelector, podMonitorSelector and ruleSelector (kube-prometheus-stack selects release: <its release name> by default).
     */
    labels?: {
      [k: string]: string | undefined
    }
  }
  /**
   * backend gmp: Google Cloud Managed Service for Prometheus.
   */
  gmp?: {
    /**
     * Google Cloud project whose metrics the GMP frontend queries (the cluster's project). Required with backend gmp.
     */
    projectId?: string
    /**
     * Google service account the GMP frontend runs as through Workload Identity (annotated on its ServiceAccount); it needs roles/monitoring.viewer. Terraform's iam module makes it. Empty: the node's service account.
     */
    serviceAccountEmail?: string
  }
  /**
   * Prometheus: scrapes the cluster and the product, evaluates the alert rules. Reachable only inside the cluster.
   */
  prometheus?: {
    /**
     * Prometheus image (promtool in the tests is built from the same version).
     */
    image?: Workload.Image
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
     * Prometheus resource requests and limits.
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
     * Restarts the container when it stops answering; empty means none.
     */
    livenessProbe?: Workload.Probe
    /**
     * Takes the pod out of its Service while it cannot serve; empty means none.
     */
    readinessProbe?: Workload.Probe
    /**
     * Checks readiness until the TSDB is open: replaying a large write-ahead log can take minutes.
     */
    startupProbe?: Workload.Probe
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
     * Seconds Prometheus has to stop: it writes its head block to disk first.
     */
    terminationGracePeriodSeconds?: number
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
     * Labels Prometheus adds to every series and alert it sends out (remote_write, Alertmanager), e.g. cluster and environment, so one store can hold several clusters.
     */
    externalLabels?: {
      [k: string]: string | undefined
    }
    /**
     * remote_write entries as Prometheus writes them, so history outlives the one volume (Managed Service for Prometheus, Mimir, Thanos…). Credentials by file only: basic_auth.password_file, authorization.credentials_file or oauth2.client_secret_file under /etc/prometheus/secrets/<name>/ (see secretFiles).
     */
    remoteWrite?: {
      /**
       * Endpoint of the remote store; no user or password in it (use a *_file credential).
       */
      url: string
      [k: string]: unknown | undefined
    }[]
    /**
     * Secrets mounted read-only at /etc/prometheus/secrets/<name>/, for the *_file credentials of remoteWrite entries.
     */
    secretFiles?: string[]
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
      /**
       * What happens to the claim when the StatefulSet goes (helm uninstall, or a switch to backend operator or gmp): Retain keeps the data for a switch back; Delete removes it (persistentVolumeClaimRetentionPolicy).
       */
      whenDeleted?: ("Retain" | "Delete")
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
    /**
     * More rules for Prometheus's ClusterRole, for what extraScrapeConfigs discover (e.g. ingresses for role ingress); the chart's own allow only what its scrape jobs use.
     */
    extraClusterRoleRules?: Kubernetes.PolicyRule[]
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
     *
     * Items: A rule group, as a Prometheus rule file writes it.
     */
    extraRules?: {
      /**
       * Name of the group, unique among the groups.
       */
      name: string
      /**
       * How often the group is evaluated; empty means evaluationInterval.
       */
      interval?: string
      /**
       * How far in the past the group's queries look.
       */
      query_offset?: string
      /**
       * Most alerts or series a rule of the group may produce; 0 means no limit.
       */
      limit?: number
      /**
       * Labels added to every rule of the group.
       */
      labels?: {
        [k: string]: string | undefined
      }
      /**
       * Its rules.
       *
       * Items: A Prometheus alerting or recording rule, as a rule file writes it.
       */
      rules: {
        /**
         * Name of the alert (alerting rule).
         */
        alert?: string
        /**
         * Name of the series it records (recording rule).
         */
        record?: string
        /**
         * The PromQL expression.
         */
        expr: string
        /**
         * How long the expression must hold before the alert fires.
         */
        for?: string
        /**
         * How long the alert keeps firing after the expression stops holding.
         */
        keep_firing_for?: string
        /**
         * Labels added to the alert or series.
         */
        labels?: {
          [k: string]: string | undefined
        }
        /**
         * Annotations of the alert (summary, description, runbook_url).
         */
        annotations?: {
          [k: string]: string | undefined
        }
      }[]
    }[]
  }
  /**
   * Alertmanager: groups alerts and sends them to people. ClusterIP only.
   */
  alertmanager?: {
    /**
     * Alertmanager image.
     */
    image?: Workload.Image
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
     * Alertmanager resource requests and limits.
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
     * Restarts the container when it stops answering; empty means none.
     */
    livenessProbe?: Workload.Probe
    /**
     * Takes the pod out of its Service while it cannot serve; empty means none.
     */
    readinessProbe?: Workload.Probe
    /**
     * Holds the other probes until the container has started; empty means none.
     */
    startupProbe?: Workload.Probe
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
     * Run Alertmanager and point Prometheus at it.
     */
    enabled?: boolean
    /**
     * Port of the Alertmanager Service.
     */
    port?: number
    /**
     * A Secret of your own with the whole alertmanager.yml (key alertmanager.yml): the chart then writes no configuration, and route, receivers and inhibitRules are not used. Alertmanager reads it when its pod starts.
     */
    existingSecret?: string
    /**
     * Secrets mounted read-only at /etc/alertmanager/secrets/<name>/, so that receivers name their credentials by file (url_file, api_url_file, routing_key_file, auth_password_file) and no credential sits in values.
     */
    secretFiles?: string[]
    route?: AlertmanagerRoute
    /**
     * Receivers (webhook_configs, email_configs, slack_configs, …), as alertmanager.yml writes them. The default receiver sends nowhere until configured.
     *
     * @minItems 1
     *
     * Items: A receiver, as alertmanager.yml writes it: its name and its notification integrations (those of Alertmanager 0.35).
     */
    receivers?: [{
      /**
       * Receiver name, referred to by routes.
       */
      name: string
      /**
       * discord notifications.
       *
       * Items: One discord notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      discord_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * email notifications.
       *
       * Items: One email notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      email_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * incidentio notifications.
       *
       * Items: One incidentio notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      incidentio_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * pagerduty notifications.
       *
       * Items: One pagerduty notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      pagerduty_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * slack notifications.
       *
       * Items: One slack notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      slack_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * webhook notifications.
       *
       * Items: One webhook notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      webhook_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * opsgenie notifications.
       *
       * Items: One opsgenie notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      opsgenie_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * wechat notifications.
       *
       * Items: One wechat notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      wechat_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * pushover notifications.
       *
       * Items: One pushover notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      pushover_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * victorops notifications.
       *
       * Items: One victorops notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      victorops_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * sns notifications.
       *
       * Items: One sns notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      sns_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * telegram notifications.
       *
       * Items: One telegram notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      telegram_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * webex notifications.
       *
       * Items: One webex notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      webex_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * msteams notifications.
       *
       * Items: One msteams notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      msteams_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * msteamsv2 notifications.
       *
       * Items: One msteamsv2 notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      msteamsv2_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * jira notifications.
       *
       * Items: One jira notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      jira_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * rocketchat notifications.
       *
       * Items: One rocketchat notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      rocketchat_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * mattermost notifications.
       *
       * Items: One mattermost notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      mattermost_configs?: {
        [k: string]: unknown | undefined
      }[]
    }, ...({
      /**
       * Receiver name, referred to by routes.
       */
      name: string
      /**
       * discord notifications.
       *
       * Items: One discord notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      discord_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * email notifications.
       *
       * Items: One email notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      email_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * incidentio notifications.
       *
       * Items: One incidentio notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      incidentio_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * pagerduty notifications.
       *
       * Items: One pagerduty notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      pagerduty_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * slack notifications.
       *
       * Items: One slack notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      slack_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * webhook notifications.
       *
       * Items: One webhook notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      webhook_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * opsgenie notifications.
       *
       * Items: One opsgenie notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      opsgenie_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * wechat notifications.
       *
       * Items: One wechat notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      wechat_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * pushover notifications.
       *
       * Items: One pushover notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      pushover_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * victorops notifications.
       *
       * Items: One victorops notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      victorops_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * sns notifications.
       *
       * Items: One sns notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      sns_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * telegram notifications.
       *
       * Items: One telegram notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      telegram_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * webex notifications.
       *
       * Items: One webex notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      webex_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * msteams notifications.
       *
       * Items: One msteams notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      msteams_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * msteamsv2 notifications.
       *
       * Items: One msteamsv2 notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      msteamsv2_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * jira notifications.
       *
       * Items: One jira notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      jira_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * rocketchat notifications.
       *
       * Items: One rocketchat notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      rocketchat_configs?: {
        [k: string]: unknown | undefined
      }[]
      /**
       * mattermost notifications.
       *
       * Items: One mattermost notification, as alertmanager.yml writes it (credentials by *_file from alertmanager.secretFiles).
       */
      mattermost_configs?: {
        [k: string]: unknown | undefined
      }[]
    })[]]
    /**
     * Inhibit rules, as alertmanager.yml writes them.
     *
     * Items: An inhibit rule, as alertmanager.yml writes it.
     */
    inhibitRules?: {
      /**
       * Name of the rule.
       */
      name?: string
      /**
       * Matchers the inhibiting alert must meet.
       */
      source_matchers?: string[]
      /**
       * Matchers the inhibited alert must meet.
       */
      target_matchers?: string[]
      /**
       * Labels that must be equal in both alerts.
       */
      equal?: string[]
      /**
       * Deprecated: use source_matchers.
       */
      source_match?: {
        [k: string]: string | undefined
      }
      /**
       * Deprecated: use source_matchers.
       */
      source_match_re?: {
        [k: string]: string | undefined
      }
      /**
       * Deprecated: use target_matchers.
       */
      target_match?: {
        [k: string]: string | undefined
      }
      /**
       * Deprecated: use target_matchers.
       */
      target_match_re?: {
        [k: string]: string | undefined
      }
    }[]
  }
  /**
   * kube-state-metrics: metrics about Deployments, Pods, HPAs, CronJobs and resource requests.
   */
  kubeStateMetrics?: {
    /**
     * kube-state-metrics image.
     */
    image?: Workload.Image
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
     * kube-state-metrics resource requests and limits.
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
     * Restarts the container when it stops answering; empty means none.
     */
    livenessProbe?: Workload.Probe
    /**
     * Takes the pod out of its Service while it cannot serve; empty means none.
     */
    readinessProbe?: Workload.Probe
    /**
     * Holds the other probes until the container has started; empty means none.
     */
    startupProbe?: Workload.Probe
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
     * Run kube-state-metrics.
     */
    enabled?: boolean
  }
  /**
   * Grafana: dashboards over Prometheus. The one user-facing part of this chart.
   */
  grafana?: {
    /**
     * Grafana image (the admin-Secret hook uses it too: it needs its bash and curl).
     */
    image?: Workload.Image
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
     * Grafana resource requests and limits.
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
     * Restarts the container when it stops answering; empty means none.
     */
    livenessProbe?: Workload.Probe
    /**
     * Takes the pod out of its Service while it cannot serve; empty means none.
     */
    readinessProbe?: Workload.Probe
    /**
     * Holds the other probes until the container has started; empty means none.
     */
    startupProbe?: Workload.Probe
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
     * Run Grafana.
     */
    enabled?: boolean
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
      /**
       * Resources of the hook Job that makes the admin Secret.
       */
      resources?: Workload.Resources
    }
    /**
     * Path Grafana is served under when it shares a host (e.g. /grafana); empty when it has its own host. Sets root_url and serve_from_sub_path together.
     */
    subPath?: string
    /**
     * The Grafana Service. NodePort is allowed for clusters without an ingress.
     */
    service?: Workload.Service
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
    /**
     * ConfigMaps of your own whose keys are dashboard JSON files; each is mounted as a folder of dashboards named after it. Named here rather than found by label, so Grafana needs no permission to list ConfigMaps and the render says what it shows.
     */
    dashboardConfigMaps?: string[]
    /**
     * More datasources, as Grafana's provisioning files write them, after the chart's Prometheus. Put credentials in secureJsonData as $VARIABLE references to environment set from a Secret (envFrom), never the values themselves.
     */
    datasources?: {
      /**
       * Name Grafana shows.
       */
      name: string
      /**
       * Datasource type, e.g. prometheus, loki, postgres.
       */
      type: string
      [k: string]: unknown | undefined
    }[]
    /**
     * grafana.ini sections of your own, merged over the chart's (a key you set wins), e.g. auth.google for sign-in with Google accounts. A secret such as client_secret goes in a Secret, read through envFrom as GF_<SECTION>_<KEY>.
     */
    ini?: {
      [k: string]: {
        [k: string]: string | number | boolean | undefined
      } | undefined
    }
  }
  /**
   * backend operator or gmp: how the release's pods labelled as metrics targets (every pod whose metrics.enabled is on) are scraped. backend prometheus reads each pod's prometheus.io annotations instead.
   */
  workloadMetrics?: {
    /**
     * Name of the container port serving the metrics.
     */
    port?: string
    /**
     * Path of the metrics endpoint.
     */
    path?: string
  }
  /**
   * backend gmp: Google's Prometheus-compatible query frontend for Managed Service for Prometheus. Grafana and the api query it at the address the chart's own Prometheus has under backend prometheus.
   */
  gmpFrontend?: {
    /**
     * GMP frontend image.
     */
    image?: Workload.Image
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
     * GMP frontend resource requests and limits.
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
     * Restarts the container when it stops answering; empty means none.
     */
    livenessProbe?: Workload.Probe
    /**
     * Takes the pod out of its Service while it cannot serve; empty means none.
     */
    readinessProbe?: Workload.Probe
    /**
     * Holds the other probes until the container has started; empty means none.
     */
    startupProbe?: Workload.Probe
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
     * Where Prometheus, kube-state-metrics and the Grafana admin hook may reach the Kubernetes API server (and Prometheus the kubelets): the GKE control plane's range (master_ipv4_cidr_block of terraform/modules/gke) and the nodes'. Empty allows any address on those ports.
     */
    apiServerCidrs?: string[]
    /**
     * Let Grafana reach HTTPS endpoints outside the cluster: sign-in with Google, datasources elsewhere. Off: Grafana talks to Prometheus and DNS only.
     */
    grafanaExternalHttps?: boolean
  }
  /**
   * The `helm test` hook that asks Prometheus whether it is ready.
   */
  tests?: {
    image?: Workload.TestImage
    resources?: Workload.TestResources
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
 * The routing tree, as alertmanager.yml's route writes it.
 */
export interface AlertmanagerRoute {
  /**
   * Receiver the matching alerts go to (one of receivers).
   */
  receiver?: string
  /**
   * Labels alerts are grouped by; ["..."] groups by all.
   */
  group_by?: string[]
  /**
   * Go on matching sibling routes after this one.
   */
  continue?: boolean
  /**
   * Label matchers an alert must meet (e.g. severity="critical").
   */
  matchers?: string[]
  /**
   * How long to wait before the first notification of a new group (an Alertmanager duration: 30s, 5m).
   */
  group_wait?: string
  /**
   * How long to wait before notifying about new alerts of a group already notified.
   */
  group_interval?: string
  /**
   * How long to wait before sending a notification again.
   */
  repeat_interval?: string
  /**
   * Named time intervals during which the route is muted.
   */
  mute_time_intervals?: string[]
  /**
   * Named time intervals during which the route is active.
   */
  active_time_intervals?: string[]
  /**
   * Child routes.
   */
  routes?: AlertmanagerRoute1[]
}
/**
 * A route of Alertmanager's routing tree, as alertmanager.yml writes it.
 */
export interface AlertmanagerRoute1 {
  /**
   * Receiver the matching alerts go to (one of receivers).
   */
  receiver?: string
  /**
   * Labels alerts are grouped by; ["..."] groups by all.
   */
  group_by?: string[]
  /**
   * Go on matching sibling routes after this one.
   */
  continue?: boolean
  /**
   * Label matchers an alert must meet (e.g. severity="critical").
   */
  matchers?: string[]
  /**
   * How long to wait before the first notification of a new group (an Alertmanager duration: 30s, 5m).
   */
  group_wait?: string
  /**
   * How long to wait before notifying about new alerts of a group already notified.
   */
  group_interval?: string
  /**
   * How long to wait before sending a notification again.
   */
  repeat_interval?: string
  /**
   * Named time intervals during which the route is muted.
   */
  mute_time_intervals?: string[]
  /**
   * Named time intervals during which the route is active.
   */
  active_time_intervals?: string[]
  /**
   * Child routes.
   */
  routes?: AlertmanagerRoute1[]
}
