{{- /* generated — do not edit: made by balena-charts from schemas/monitoring.schema.json; change the schema and run npm run generate */}}

{{/*
Chart name, or nameOverride. Usage: include "monitoring.name" .
*/}}
{{- define "monitoring.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name, release-chart unless the release name already holds the
chart name; cut to 63 characters (the DNS label limit).
Usage: include "monitoring.fullname" .
*/}}
{{- define "monitoring.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Full name another chart of the same release gets by default (the umbrella
installs each component as a subchart named after it), following the same
rule as fullname. Usage: include "monitoring.siblingFullname" (dict "chart" "monitoring" "context" $)
*/}}
{{- define "monitoring.siblingFullname" -}}
{{- if contains .chart .context.Release.Name }}
{{- .context.Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .context.Release.Name .chart | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "monitoring.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object. Usage: include "monitoring.labels" . | nindent 4
*/}}
{{- define "monitoring.labels" -}}
helm.sh/chart: {{ include "monitoring.chart" . }}
{{ include "monitoring.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: balena
{{- end }}

{{/*
Selector labels. They never change between chart versions: a Deployment's
selector is immutable, so changing them would break upgrades.
*/}}
{{- define "monitoring.selectorLabels" -}}
app.kubernetes.io/name: {{ include "monitoring.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}


{{/*
Image reference: registry (own, else global.imageRegistry) / repository, then
@digest when set, else :tag (default: the chart's appVersion).
Usage: include "monitoring.image" (dict "image" .Values.image "context" $)
*/}}
{{- define "monitoring.image" -}}
{{- $global := .context.Values.global | default dict }}
{{- $registry := .image.registry | default $global.imageRegistry | default "" }}
{{- $repository := ternary .image.repository (printf "%s/%s" $registry .image.repository) (empty $registry) }}
{{- if .image.digest }}
{{- printf "%s@%s" $repository .image.digest }}
{{- else }}
{{- printf "%s:%s" $repository (.image.tag | default .context.Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/*
Pull secrets: the chart's own plus global.imagePullSecrets.
*/}}
{{- define "monitoring.imagePullSecrets" -}}
{{- $global := .Values.global | default dict }}
{{- $secrets := concat (.Values.imagePullSecrets | default list) ($global.imagePullSecrets | default list) }}
{{- with $secrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}


{{/*
Namespace of the ingress controller: global.ingressControllerNamespace wins over networkPolicy.ingressControllerNamespace.
*/}}
{{- define "monitoring.ingressControllerNamespace" -}}
{{- $global := .Values.global | default dict }}
{{- $global.ingressControllerNamespace | default .Values.networkPolicy.ingressControllerNamespace }}
{{- end }}

{{/*
Name of one component of this chart, e.g. <fullname>-prometheus.
Usage: include "monitoring.componentName" (dict "context" $ "component" "prometheus")
*/}}
{{- define "monitoring.componentName" -}}
{{- printf "%s-%s" (include "monitoring.fullname" .context) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels and selector labels of one component (adds app.kubernetes.io/component).
*/}}
{{- define "monitoring.componentLabels" -}}
{{ include "monitoring.labels" .context }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "monitoring.componentSelectorLabels" -}}
{{ include "monitoring.selectorLabels" .context }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

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
