{{- /* generated — do not edit: made by balena-charts from schemas/umbrella.schema.json; change the schema and run npm run generate */}}

{{/*
Chart name, or nameOverride. Usage: include "umbrella.name" .
*/}}
{{- define "umbrella.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name, release-chart unless the release name already holds the
chart name; cut to 63 characters (the DNS label limit).
Usage: include "umbrella.fullname" .
*/}}
{{- define "umbrella.fullname" -}}
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
rule as fullname. Usage: include "umbrella.siblingFullname" (dict "chart" "monitoring" "context" $)
*/}}
{{- define "umbrella.siblingFullname" -}}
{{- if contains .chart .context.Release.Name }}
{{- .context.Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .context.Release.Name .chart | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "umbrella.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object. Usage: include "umbrella.labels" . | nindent 4
*/}}
{{- define "umbrella.labels" -}}
helm.sh/chart: {{ include "umbrella.chart" . }}
{{ include "umbrella.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: balena
{{- end }}

{{/*
Selector labels. They never change between chart versions: a Deployment's
selector is immutable, so changing them would break upgrades.
*/}}
{{- define "umbrella.selectorLabels" -}}
app.kubernetes.io/name: {{ include "umbrella.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}


{{/*
Image reference: registry (own, else global.imageRegistry) / repository, then
@digest when set, else :tag (default: the chart's appVersion).
Usage: include "umbrella.image" (dict "image" .Values.image "context" $)
*/}}
{{- define "umbrella.image" -}}
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
{{- define "umbrella.imagePullSecrets" -}}
{{- $global := .Values.global | default dict }}
{{- $secrets := concat (.Values.imagePullSecrets | default list) ($global.imagePullSecrets | default list) }}
{{- with $secrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

