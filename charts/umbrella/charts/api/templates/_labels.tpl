{{- /* generated — do not edit: made by balena-charts from schemas/api.schema.json; change the schema and run npm run generate */}}

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
Labels and selector labels of one component (adds app.kubernetes.io/component).
*/}}
{{- define "api.componentLabels" -}}
{{ include "api.labels" .context }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "api.componentSelectorLabels" -}}
{{ include "api.selectorLabels" .context }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
