{{- /* generated — do not edit: made by balena-charts from schemas/api.schema.json; change the schema and run npm run generate */}}

{{/*
Namespace of the ingress controller: global.ingressControllerNamespace wins over networkPolicy.ingressControllerNamespace.
*/}}
{{- define "api.ingressControllerNamespace" -}}
{{- $global := .Values.global | default dict }}
{{- $global.ingressControllerNamespace | default .Values.networkPolicy.ingressControllerNamespace }}
{{- end }}

{{/*
Whether more than one replica can run (the PodDisruptionBudget is only useful then).
*/}}
{{- define "api.multipleReplicas" -}}
{{- if .Values.autoscaling.enabled }}
{{- if gt (int .Values.autoscaling.maxReplicas) 1 }}true{{ end }}
{{- else if gt (int .Values.replicaCount) 1 }}true{{ end }}
{{- end }}

{{/*
Secret that holds DATABASE_URL: global.databaseSecret, else the user's existingSecret, else the one this chart creates.
*/}}
{{- define "api.databaseSecretName" -}}
{{- $global := .Values.global | default dict }}
{{- $global.databaseSecret | default .Values.database.existingSecret | default (printf "%s-database" (include "api.fullname" .)) }}
{{- end }}

{{/*
METRICS_URL: metrics.prometheusUrl, else global.metricsUrl (the operator
backend's Prometheus), else the monitoring chart's query Service in this
release and namespace (the umbrella installs it as <release>-monitoring).
*/}}
{{- define "api.prometheusUrl" -}}
{{- $global := .Values.global | default dict }}
{{- .Values.metrics.prometheusUrl | default $global.metricsUrl | default (printf "http://%s-prometheus.%s.svc.cluster.local:9090" (include "api.siblingFullname" (dict "chart" "monitoring" "context" .)) .Release.Namespace) }}
{{- end }}
