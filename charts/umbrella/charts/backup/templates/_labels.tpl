{{- /* generated — do not edit: made by balena-charts from schemas/backup.schema.json; change the schema and run npm run generate */}}

{{/*
Labels on every object, then commonLabels (the chart's own keys win; never in
a selector, which cannot change). Usage: include "backup.labels" . | nindent 4
*/}}
{{- define "backup.labels" -}}
helm.sh/chart: {{ include "backup.chart" . }}
{{ include "backup.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: balena
{{- include "backup.commonLabels" . }}
{{- end }}

{{/*
The user's commonLabels, each on a line of its own after a newline, but none
of the chart's own keys. Usage: after the chart's labels, {{- include ... . }}
*/}}
{{- define "backup.commonLabels" -}}
{{- $own := list "helm.sh/chart" "app.kubernetes.io/name" "app.kubernetes.io/instance" "app.kubernetes.io/version" "app.kubernetes.io/managed-by" "app.kubernetes.io/part-of" "app.kubernetes.io/component" }}
{{- range $key, $value := .Values.commonLabels }}
{{- if not (has $key $own) }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The object's own annotations over the user's commonAnnotations, as an
`annotations:` block, or nothing when there are none; the object's own keys
win. Not for pod templates (podAnnotations are theirs). Usage:
{{- with include "backup.annotations" (dict "context" $ "own" $own) }}{{ . | nindent 2 }}{{- end }}
*/}}
{{- define "backup.annotations" -}}
{{- $all := mustMergeOverwrite (dict) (.context.Values.commonAnnotations | default dict) (.own | default dict) }}
{{- with $all -}}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
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
