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
