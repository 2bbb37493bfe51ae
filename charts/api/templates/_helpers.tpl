{{- /* generated — do not edit: made by balena-charts from schemas/api.schema.json; change the schema and run npm run generate */}}

{{/*
Chart name, or nameOverride. Usage: include "api.name" .
*/}}
{{- define "api.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name, release-chart unless the release name already holds the
chart name; cut to 63 characters (the DNS label limit).
Usage: include "api.fullname" .
*/}}
{{- define "api.fullname" -}}
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
rule as fullname. Usage: include "api.siblingFullname" (dict "chart" "monitoring" "context" $)
*/}}
{{- define "api.siblingFullname" -}}
{{- if contains .chart .context.Release.Name }}
{{- .context.Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .context.Release.Name .chart | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "api.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object. Usage: include "api.labels" . | nindent 4
*/}}
{{- define "api.labels" -}}
helm.sh/chart: {{ include "api.chart" . }}
{{ include "api.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: balena
{{- end }}

{{/*
Selector labels. They never change between chart versions: a Deployment's
selector is immutable, so changing them would break upgrades.
*/}}
{{- define "api.selectorLabels" -}}
app.kubernetes.io/name: {{ include "api.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
ServiceAccount the pods run as.
*/}}
{{- define "api.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "api.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference: registry (own, else global.imageRegistry) / repository, then
@digest when set, else :tag (default: the chart's appVersion).
Usage: include "api.image" (dict "image" .Values.image "context" $)
*/}}
{{- define "api.image" -}}
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
{{- define "api.imagePullSecrets" -}}
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
METRICS_URL: metrics.prometheusUrl, else the monitoring chart's Prometheus
Service in this release and namespace (the umbrella installs it as
<release>-monitoring).
*/}}
{{- define "api.prometheusUrl" -}}
{{- .Values.metrics.prometheusUrl | default (printf "http://%s-prometheus.%s.svc.cluster.local:9090" (include "api.siblingFullname" (dict "chart" "monitoring" "context" .)) .Release.Namespace) }}
{{- end }}
