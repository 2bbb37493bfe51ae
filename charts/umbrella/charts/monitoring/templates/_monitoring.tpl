{{- /* generated — do not edit: made by balena-charts from schemas/monitoring.schema.json; change the schema and run npm run generate */}}

{{/*
StorageClass line for a claim: the component's own, else global.storageClass, else none (the cluster default).
Usage: include "monitoring.storageClass" (dict "persistence" .Values.prometheus.persistence "context" $)
*/}}
{{- define "monitoring.storageClass" -}}
{{- $global := .context.Values.global | default dict }}
{{- with (.persistence.storageClass | default $global.storageClass) }}
storageClassName: {{ . | quote }}
{{- end }}
{{- end }}

{{/*
Name of the Secret with Grafana's admin login.
*/}}
{{- define "monitoring.grafanaAdminSecret" -}}
{{- .Values.grafana.admin.existingSecret | default (printf "%s-admin" (include "monitoring.componentName" (dict "context" . "component" "grafana"))) }}
{{- end }}

{{/*
secretFiles: each Secret mounted read-only at <dir>/<name>/, for the *_file
credentials of a configuration. Usage:
{{- with include "monitoring.secretFileMounts" (dict "names" $p.secretFiles "dir" "/etc/prometheus/secrets") }}{{ . | trim | nindent 8 }}{{ end }}
and the same with "monitoring.secretFileVolumes" (dict "names" $p.secretFiles) for the pod's volumes.
*/}}
{{- define "monitoring.secretFileMounts" -}}
{{- range .names }}
- name: {{ include "monitoring.secretFileVolume" . }}
  mountPath: {{ $.dir }}/{{ . }}
  readOnly: true
{{- end }}
{{- end }}

{{- define "monitoring.secretFileVolumes" -}}
{{- range .names }}
- name: {{ include "monitoring.secretFileVolume" . }}
  secret:
    secretName: {{ . }}
{{- end }}
{{- end }}

{{/* A volume name for a Secret's name: no dots, at most 63 characters with the prefix. */}}
{{- define "monitoring.secretFileVolume" -}}
secret-{{ . | replace "." "-" | trunc 56 | trimSuffix "-" }}
{{- end }}

{{/*
The backend's API group must be served when the chart renders for a cluster
(requireBackendCrds): a missing CRD fails the install before anything is
created, naming what to install, instead of leaving a half install.
*/}}
{{- define "monitoring.backendCheck" -}}
{{- $crds := dict "operator" (list "monitoring.coreos.com/v1" "the Prometheus Operator's CRDs (ServiceMonitor, PodMonitor, PrometheusRule), e.g. from kube-prometheus-stack") "gmp" (list "monitoring.googleapis.com/v1" "Google Cloud Managed Service for Prometheus (managed collection on the GKE cluster: terraform managed_prometheus = true)") }}
{{- with get $crds .Values.backend }}
{{- if and $.Values.requireBackendCrds (not ($.Capabilities.APIVersions.Has (index . 0))) }}
{{- fail (printf "backend: %s needs %s, which this cluster does not serve: install %s first (requireBackendCrds=false skips this check for offline renders)" $.Values.backend (index . 0) (index . 1)) }}
{{- end }}
{{- end }}
{{- if and (eq .Values.backend "operator") (not (.Values.global | default dict).metricsUrl) }}
{{- fail "global.metricsUrl: backend operator needs the query address of your Prometheus (Grafana's datasource and the api's METRICS_URL)" }}
{{- end }}
{{- if and (eq .Values.backend "gmp") (not .Values.gmp.projectId) }}
{{- fail "gmp.projectId: backend gmp needs the Google Cloud project whose metrics the GMP frontend queries" }}
{{- end }}
{{- end }}

{{/*
Where Grafana's datasource and the test pod query: global.metricsUrl, else the
chart's own query Service (its Prometheus, or the GMP frontend).
*/}}
{{- define "monitoring.queryUrl" -}}
{{- (.Values.global | default dict).metricsUrl | default (printf "http://%s:%v" (include "monitoring.componentName" (dict "context" . "component" "prometheus")) .Values.prometheus.port) }}
{{- end }}

{{/* Labels of the operator's objects: the chart's, then operator.labels (your Prometheus's selectors). */}}
{{- define "monitoring.operatorLabels" -}}
{{- include "monitoring.componentLabels" (dict "context" .context "component" .component) }}
{{- with .context.Values.operator.labels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The alert rules, declared once: the `groups` list every backend renders
(alerts.yml, PrometheusRule, GMP Rules and ClusterRules).
Usage: include "monitoring.alertGroups" (dict "context" $ "backend" "gmp" "scope" "namespace")
backend gmp stores kube-state-metrics' own `namespace` label as
`exported_namespace` (GMP sets `namespace` to the scraping PodMonitoring's),
so those rules group and print by it. scope (gmp only): "namespace" for the
rules that read kube-state-metrics and `up` alone (a namespaced Rules object
sees only its namespace, which is where kube-state-metrics runs), "cluster" for
the ones that join kubelet series of every namespace (ClusterRules).
*/}}
{{- define "monitoring.alertGroups" -}}
{{- $a := .context.Values.alerting }}
{{- $off := $a.disabled }}
{{- $gmp := eq .backend "gmp" }}
{{- $scope := .scope | default "all" }}
{{- $ns := ternary "exported_namespace" "namespace" $gmp }}
{{- $ksm := or (not $gmp) (eq $scope "namespace") }}
{{- $kubelet := or (not $gmp) (eq $scope "cluster") }}
{{- $workloads := list }}
{{- if and $ksm (not (has "KubePodCrashLooping" $off)) }}
{{- $workloads = append $workloads (dict "alert" "KubePodCrashLooping" "expr" `max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"}[5m]) >= 1` "for" "15m" "summary" (printf "{{ $labels.%s }}/{{ $labels.pod }} ({{ $labels.container }}) is crash-looping" $ns)) }}
{{- end }}
{{- if and $ksm (not (has "KubePodFrequentRestarts" $off)) }}
{{- $workloads = append $workloads (dict "alert" "KubePodFrequentRestarts" "expr" (printf "increase(kube_pod_container_status_restarts_total[1h]) > %v" $a.restartsPerHour) "summary" (printf "{{ $labels.%s }}/{{ $labels.pod }} restarted {{ $value | humanize }} times in an hour" $ns)) }}
{{- end }}
{{- if and $ksm (not (has "KubePodEvicted" $off)) }}
{{- $workloads = append $workloads (dict "alert" "KubePodEvicted" "expr" `kube_pod_status_reason{reason="Evicted"} > 0` "summary" (printf "{{ $labels.%s }}/{{ $labels.pod }} was evicted" $ns)) }}
{{- end }}
{{- if and $ksm (not (has "KubeDeploymentReplicasUnavailable" $off)) }}
{{- $workloads = append $workloads (dict "alert" "KubeDeploymentReplicasUnavailable" "expr" "kube_deployment_status_replicas_unavailable > 0" "for" "15m" "summary" (printf "{{ $labels.%s }}/{{ $labels.deployment }} has {{ $value }} unavailable replicas" $ns)) }}
{{- end }}
{{- if and $ksm (not (has "KubeHpaMaxedOut" $off)) }}
{{- $workloads = append $workloads (dict "alert" "KubeHpaMaxedOut" "expr" "kube_horizontalpodautoscaler_status_current_replicas >= kube_horizontalpodautoscaler_spec_max_replicas" "for" $a.hpaMaxedFor "summary" (printf "{{ $labels.%s }}/{{ $labels.horizontalpodautoscaler }} has run at its maximum replicas" $ns)) }}
{{- end }}
{{- if and $kubelet (not (has "ContainerNearMemoryLimit" $off)) }}
{{- $limits := ternary `label_replace(kube_pod_container_resource_limits{resource="memory"}, "namespace", "$1", "exported_namespace", "(.+)")` `kube_pod_container_resource_limits{resource="memory"}` $gmp }}
{{- $workloads = append $workloads (dict "alert" "ContainerNearMemoryLimit" "expr" (printf "max by (namespace, pod, container) (container_memory_working_set_bytes{container!=\"\"})\n  / on (namespace, pod, container)\nmax by (namespace, pod, container) (%s)\n  > %v\n" $limits $a.memoryLimitRatio) "for" "15m" "summary" "{{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.container }}) uses {{ $value | humanizePercentage }} of its memory limit") }}
{{- end }}
{{- if and $kubelet (not (has "PersistentVolumeAlmostFull" $off)) }}
{{- $workloads = append $workloads (dict "alert" "PersistentVolumeAlmostFull" "expr" (printf "kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes < %v" $a.volumeFreeRatio) "for" "15m" "summary" "{{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} has {{ $value | humanizePercentage }} free") }}
{{- end }}
{{- $backups := list }}
{{- if $ksm }}
{{- $age := `(
  time() - max by (%[1]s, cronjob) (kube_cronjob_status_last_successful_time{cronjob=~"%[2]s"})
  or
  time() - max by (%[1]s, cronjob) (kube_cronjob_created{cronjob=~"%[2]s"})
) > %[3]v
` }}
{{- if not (has "BackupMissing" $off) }}
{{- $backups = append $backups (dict "comment" "kube_cronjob_status_last_successful_time only exists after a first\nsuccess, so a CronJob that never succeeded is judged by its creation time." "alert" "BackupMissing" "expr" (printf $age $ns $a.backupCronJobPattern (mul $a.backupMaxAgeHours 3600)) "severity" "critical" "summary" (printf "{{ $labels.%s }}/{{ $labels.cronjob }}: no successful backup for {{ $value | humanizeDuration }}" $ns)) }}
{{- end }}
{{- if not (has "RestoreDrillFailed" $off) }}
{{- $backups = append $backups (dict "alert" "RestoreDrillFailed" "expr" (printf `max by (%s, job_name) (kube_job_status_failed{job_name=~"%s-.*"}) > 0` $ns $a.restoreDrillCronJobPattern) "severity" "critical" "summary" (printf "{{ $labels.%s }}/{{ $labels.job_name }}: the restore drill failed" $ns)) }}
{{- end }}
{{- if not (has "RestoreDrillMissing" $off) }}
{{- $backups = append $backups (dict "alert" "RestoreDrillMissing" "expr" (printf $age $ns $a.restoreDrillCronJobPattern (mul $a.restoreDrillMaxAgeHours 3600)) "severity" "critical" "summary" (printf "{{ $labels.%s }}/{{ $labels.cronjob }}: no successful restore drill for {{ $value | humanizeDuration }}" $ns)) }}
{{- end }}
{{- end }}
{{- $monitoring := list }}
{{- if and $ksm (not (has "PrometheusTargetDown" $off)) }}
{{- $monitoring = append $monitoring (dict "alert" "PrometheusTargetDown" "expr" "up == 0" "for" "10m" "summary" "{{ $labels.job }} target {{ $labels.instance }} is down") }}
{{- end }}
{{- range $group := list (list "workloads" $workloads) (list "backups" $backups) (list "monitoring" $monitoring) }}
{{- with index $group 1 }}
- name: {{ index $group 0 }}
  rules:
    {{- range . }}
    {{- range splitList "\n" (.comment | default "") }}{{ if . }}
    # {{ . }}
    {{- end }}{{ end }}
    - alert: {{ .alert }}
      {{- if contains "\n" .expr }}
      expr: |
        {{- .expr | trimSuffix "\n" | nindent 8 }}
      {{- else }}
      expr: {{ .expr }}
      {{- end }}
      {{- with .for }}
      for: {{ . }}
      {{- end }}
      labels:
        severity: {{ .severity | default "warning" }}
      annotations:
        summary: {{ .summary | quote }}
    {{- end }}
{{- end }}
{{- end }}
{{- end }}
