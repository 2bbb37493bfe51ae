{{- /* generated — do not edit: made by balena-charts from schemas/backup.schema.json; change the schema and run npm run generate */}}

{{/*
Labels on every object. Usage: include "backup.labels" . | nindent 4
*/}}
{{- define "backup.labels" -}}
helm.sh/chart: {{ include "backup.chart" . }}
{{ include "backup.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: balena
{{- end }}

{{/*
Selector labels. They never change between chart versions: a Deployment's
selector is immutable, so changing them would break upgrades.
*/}}
{{- define "backup.selectorLabels" -}}
app.kubernetes.io/name: {{ include "backup.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels and selector labels of one component (adds app.kubernetes.io/component).
*/}}
{{- define "backup.componentLabels" -}}
{{ include "backup.labels" .context }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "backup.componentSelectorLabels" -}}
{{ include "backup.selectorLabels" .context }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
