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
