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
Every route as a JSON list of {name, host, path, service, port}, in the order
the rules list them: api, Grafana, the extra routes, then the ui (its "/" last).
A component on a host of its own is served at / of that host. Read with
include "ingress.routes" . | fromJsonArray
*/}}
{{- define "ingress.routes" -}}
{{- $main := include "ingress.host" . }}
{{- $routes := list }}
{{- with .Values.routes.api }}
{{- if .enabled }}
{{- $routes = append $routes (dict "name" "api" "host" (.host | default $main) "path" (ternary "/" .path (ne .host "")) "service" (include "ingress.backendName" (dict "route" "api" "context" $)) "port" .service.port) }}
{{- end }}
{{- end }}
{{- with .Values.routes.grafana }}
{{- if .enabled }}
{{- $routes = append $routes (dict "name" "grafana" "host" (.host | default $main) "path" (ternary "/" .path (ne .host "")) "service" (include "ingress.backendName" (dict "route" "grafana" "context" $)) "port" .service.port) }}
{{- end }}
{{- end }}
{{- range $index, $extra := .Values.routes.extra }}
{{- if contains "prometheus" $extra.service.name }}
{{- fail (printf "routes.extra[%d].service.name: %q is Prometheus, which is internal only; no route may point at it" $index $extra.service.name) }}
{{- end }}
{{- $routes = append $routes (dict "name" (printf "extra-%d" $index) "host" ($extra.host | default $main) "path" ($extra.path | default "/") "service" $extra.service.name "port" $extra.service.port) }}
{{- end }}
{{- with .Values.routes.ui }}
{{- if .enabled }}
{{- $routes = append $routes (dict "name" "ui" "host" $main "path" .path "service" (include "ingress.backendName" (dict "route" "ui" "context" $)) "port" .service.port) }}
{{- end }}
{{- end }}
{{- toJson $routes }}
{{- end }}

{{/*
The hosts the routes are on, each once, as a JSON list of {host, name}: the
main host first (named "https", the listener a Gateway of this chart gives it),
then each other host named after its first route ("grafana", "api", "extra-0").
Read with include "ingress.hosts" . | fromJsonArray
*/}}
{{- define "ingress.hosts" -}}
{{- $main := include "ingress.host" . }}
{{- $hosts := list }}
{{- $seen := list }}
{{- $routes := include "ingress.routes" . | fromJsonArray }}
{{- range $routes }}
{{- if and (eq .host $main) (not (has .host $seen)) }}
{{- $hosts = append $hosts (dict "host" .host "name" "https") }}
{{- $seen = append $seen .host }}
{{- end }}
{{- end }}
{{- range $routes }}
{{- if not (has .host $seen) }}
{{- $hosts = append $hosts (dict "host" .host "name" .name) }}
{{- $seen = append $seen .host }}
{{- end }}
{{- end }}
{{- toJson $hosts }}
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
A parentRef to the Gateway, on one listener. `listener` is "http", or the name
of an HTTPS listener ("https" for the main host, a route's name for another
host); for a Gateway this chart creates, those are its listener names.
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
