{{- /* generated — do not edit: made by balena-charts from schemas/backup.schema.json; change the schema and run npm run generate */}}

{{/*
Chart name, or nameOverride. Usage: include "backup.name" .
*/}}
{{- define "backup.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name, release-chart unless the release name already holds the
chart name; cut to 63 characters (the DNS label limit).
Usage: include "backup.fullname" .
*/}}
{{- define "backup.fullname" -}}
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
rule as fullname. Usage: include "backup.siblingFullname" (dict "chart" "monitoring" "context" $)
*/}}
{{- define "backup.siblingFullname" -}}
{{- if contains .chart .context.Release.Name }}
{{- .context.Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .context.Release.Name .chart | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "backup.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

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
ServiceAccount the pods run as.
*/}}
{{- define "backup.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "backup.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference: registry (own, else global.imageRegistry) / repository, then
@digest when set, else :tag (default: the chart's appVersion).
Usage: include "backup.image" (dict "image" .Values.image "context" $)
*/}}
{{- define "backup.image" -}}
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
{{- define "backup.imagePullSecrets" -}}
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
{{- define "backup.ingressControllerNamespace" -}}
{{- $global := .Values.global | default dict }}
{{- $global.ingressControllerNamespace | default .Values.networkPolicy.ingressControllerNamespace }}
{{- end }}

{{/*
Secret with the source database URL: global.databaseSecret (the api's), else database.existingSecret.
*/}}
{{- define "backup.databaseSecretName" -}}
{{- $global := .Values.global | default dict }}
{{- $global.databaseSecret | default .Values.database.existingSecret | required "database.existingSecret (or global.databaseSecret) is required: the Secret holding the database URL" }}
{{- end }}

{{/*
The dump image: its tag defaults to the PostgreSQL major version, so pg_dump matches the server.
*/}}
{{- define "backup.dumpImage" -}}
{{- $image := deepCopy .Values.image }}
{{- if not $image.tag }}{{ $_ := set $image "tag" (printf "%s-bookworm" .Values.postgresVersion) }}{{ end }}
{{- include "backup.image" (dict "image" $image "context" .) }}
{{- end }}

{{/*
Environment every pgbackup.sh step reads.
*/}}
{{- define "backup.storageEnv" -}}
- name: GCS_BUCKET
  value: {{ required "gcs.bucket is required: the Cloud Storage bucket backups go to (Terraform output backup_bucket)" .Values.gcs.bucket | quote }}
- name: GCS_PREFIX
  value: {{ .Values.gcs.prefix | quote }}
- name: BACKUP_NAME
  value: {{ .Values.gcs.name | default (include "backup.fullname" .) | quote }}
- name: GCS_BASE_URL
  value: {{ .Values.gcs.baseUrl | quote }}
- name: GCS_TOKEN_URL
  value: {{ .Values.gcs.tokenUrl | quote }}
{{- end }}

{{/*
A job container running one pgbackup.sh step. Usage:
include "backup.step" (dict "name" "dump" "image" "..." "pullPolicy" "..." "args" (list ...) "env" "..." "context" $)
*/}}
{{- define "backup.step" -}}
- name: {{ .name }}
  image: {{ .image | quote }}
  imagePullPolicy: {{ .pullPolicy }}
  command: ["sh", "-c"]
  args:
    - {{ .script | quote }}
  env:
    {{- include "backup.storageEnv" .context | nindent 4 }}
    {{- with .env }}
    {{- . | nindent 4 }}
    {{- end }}
  securityContext:
    {{- toYaml .context.Values.securityContext | nindent 4 }}
  resources:
    {{- toYaml .context.Values.resources | nindent 4 }}
  volumeMounts:
    - name: scripts
      mountPath: /scripts
      readOnly: true
    - name: work
      mountPath: /work
    - name: tmp
      mountPath: /tmp
{{- end }}

{{/*
The volumes every job pod mounts: the script, a shared work folder, /tmp.
*/}}
{{- define "backup.volumes" -}}
- name: scripts
  configMap:
    name: {{ include "backup.fullname" . }}
- name: work
  emptyDir:
    sizeLimit: 10Gi
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- end }}
