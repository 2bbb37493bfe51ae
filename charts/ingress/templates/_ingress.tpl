{{- /* generated — do not edit: made by balena-charts from schemas/ingress.schema.json; change the schema and run npm run generate */}}

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
