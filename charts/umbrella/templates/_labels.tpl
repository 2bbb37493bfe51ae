{{- /* generated — do not edit: made by balena-charts from schemas/umbrella.schema.json; change the schema and run npm run generate */}}

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
Labels and selector labels of one component (adds app.kubernetes.io/component).
*/}}
{{- define "umbrella.componentLabels" -}}
{{ include "umbrella.labels" .context }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "umbrella.componentSelectorLabels" -}}
{{ include "umbrella.selectorLabels" .context }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
