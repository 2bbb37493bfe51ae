{{- /* generated — do not edit: made by balena-charts from schemas/ingress.schema.json; change the schema and run npm run generate */}}

{{/*
Chart name, or nameOverride. Usage: include "ingress.name" .
*/}}
{{- define "ingress.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name, release-chart unless the release name already holds the
chart name; cut to 63 characters (the DNS label limit).
Usage: include "ingress.fullname" .
*/}}
{{- define "ingress.fullname" -}}
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
rule as fullname. Usage: include "ingress.siblingFullname" (dict "chart" "monitoring" "context" $)
*/}}
{{- define "ingress.siblingFullname" -}}
{{- if contains .chart .context.Release.Name }}
{{- .context.Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .context.Release.Name .chart | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "ingress.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object. Usage: include "ingress.labels" . | nindent 4
*/}}
{{- define "ingress.labels" -}}
helm.sh/chart: {{ include "ingress.chart" . }}
{{ include "ingress.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: balena
{{- end }}

{{/*
Selector labels. They never change between chart versions: a Deployment's
selector is immutable, so changing them would break upgrades.
*/}}
{{- define "ingress.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ingress.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}


{{/*
Image reference: registry (own, else global.imageRegistry) / repository, then
@digest when set, else :tag (default: the chart's appVersion).
Usage: include "ingress.image" (dict "image" .Values.image "context" $)
*/}}
{{- define "ingress.image" -}}
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
{{- define "ingress.imagePullSecrets" -}}
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
{{- define "ingress.ingressControllerNamespace" -}}
{{- $global := .Values.global | default dict }}
{{- $global.ingressControllerNamespace | default .Values.networkPolicy.ingressControllerNamespace }}
{{- end }}

{{/*
Service name of a route: its own, else the name the umbrella gives that
component (<release>-ui, <release>-api, <release>-monitoring-grafana).
Usage: include "ingress.backendName" (dict "route" "grafana" "context" $)
*/}}
{{- define "ingress.backendName" -}}
{{- $route := index .context.Values.routes .route }}
{{- $sibling := dict "ui" "ui" "api" "api" "grafana" "monitoring" }}
{{- $default := include "ingress.siblingFullname" (dict "chart" (index $sibling .route) "context" .context) }}
{{- if eq .route "grafana" }}{{ $default = printf "%s-grafana" $default }}{{ end }}
{{- $name := $route.service.name | default $default }}
{{- if contains "prometheus" $name }}
{{- fail (printf "routes.%s.service.name: %q is Prometheus, which is internal only; no route may point at it" .route $name) }}
{{- end }}
{{- $name }}
{{- end }}

{{/*
The public host: global.domain (set once in the umbrella) wins over host.
*/}}
{{- define "ingress.host" -}}
{{- $global := .Values.global | default dict }}
{{- $global.domain | default .Values.host }}
{{- end }}

{{/*
TLS Secret name: tls.secretName, else <fullname>-tls.
*/}}
{{- define "ingress.tlsSecretName" -}}
{{- .Values.tls.secretName | default (printf "%s-tls" (include "ingress.fullname" .)) }}
{{- end }}

{{/*
Name of the Gateway the routes attach to: the one this chart creates, else gateway.parentRef.name.
*/}}
{{- define "ingress.gatewayName" -}}
{{- if .Values.gateway.create.enabled }}
{{- include "ingress.fullname" . }}
{{- else }}
{{- required "gateway.parentRef.name is required in gateway mode unless gateway.create.enabled is true" .Values.gateway.parentRef.name }}
{{- end }}
{{- end }}

{{/*
A parentRef to the Gateway, on one listener. `listener` is "https", "grafana"
or "http"; for a Gateway this chart creates, those are its listener names.
Usage: - {{ include "ingress.parentRef" (dict "listener" "https" "context" $) | indent 6 | trim }}
*/}}
{{- define "ingress.parentRef" -}}
{{- $g := .context.Values.gateway }}
name: {{ include "ingress.gatewayName" .context }}
{{- if $g.create.enabled }}
sectionName: {{ .listener }}
{{- else }}
{{- with $g.parentRef.namespace }}
namespace: {{ . }}
{{- end }}
{{- $section := ternary $g.parentRef.httpSectionName $g.parentRef.httpsSectionName (eq .listener "http") }}
{{- with $section }}
sectionName: {{ . }}
{{- end }}
{{- end }}
{{- end }}
