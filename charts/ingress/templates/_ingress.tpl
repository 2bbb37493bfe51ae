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

{{/*
The Ingress's own annotations for its controller (TLS redirect, body size,
timeouts, HSTS, cert-manager), as YAML lines; ingress.annotations go over them.
*/}}
{{- define "ingress.ingressAnnotations" -}}
{{- $i := .Values.ingress }}
{{- if and .Values.tls.enabled .Values.tls.certManager.enabled }}
cert-manager.io/cluster-issuer: {{ .Values.tls.certManager.clusterIssuer | quote }}
{{- end }}
{{- if eq $i.controller "community" }}
nginx.ingress.kubernetes.io/ssl-redirect: {{ .Values.tls.enabled | quote }}
nginx.ingress.kubernetes.io/force-ssl-redirect: {{ .Values.tls.enabled | quote }}
nginx.ingress.kubernetes.io/proxy-body-size: {{ $i.proxyBodySize | quote }}
nginx.ingress.kubernetes.io/proxy-read-timeout: {{ $i.proxyReadTimeoutSeconds | quote }}
nginx.ingress.kubernetes.io/proxy-send-timeout: {{ $i.proxySendTimeoutSeconds | quote }}
{{- else }}
nginx.org/redirect-to-https: {{ .Values.tls.enabled | quote }}
ingress.kubernetes.io/ssl-redirect: {{ .Values.tls.enabled | quote }}
nginx.org/client-max-body-size: {{ $i.proxyBodySize | quote }}
nginx.org/proxy-read-timeout: {{ printf "%ds" (int $i.proxyReadTimeoutSeconds) | quote }}
nginx.org/proxy-send-timeout: {{ printf "%ds" (int $i.proxySendTimeoutSeconds) | quote }}
{{- if and .Values.tls.enabled $i.hsts.enabled }}
nginx.org/hsts: "true"
nginx.org/hsts-max-age: {{ $i.hsts.maxAgeSeconds | int | toString | quote }}
nginx.org/hsts-include-subdomains: {{ $i.hsts.includeSubdomains | quote }}
{{- end }}
{{- end }}
{{- end }}
