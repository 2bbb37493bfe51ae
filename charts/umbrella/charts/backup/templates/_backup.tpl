{{- /* generated — do not edit: made by balena-charts from schemas/backup.schema.json; change the schema and run npm run generate */}}

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
include "backup.step" (dict "name" "dump" "image" "..." "pullPolicy" "..." "script" "..." "env" "..." "pod" $pod "context" $)
where $pod holds the job's env, envFrom and resources (its own overrides or the shared values).
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
    {{- with .pod.env }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with .pod.envFrom }}
  envFrom:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml .context.Values.securityContext | nindent 4 }}
  resources:
    {{- toYaml .pod.resources | nindent 4 }}
  volumeMounts:
    - name: scripts
      mountPath: /scripts
      readOnly: true
    - name: work
      mountPath: /work
    - name: tmp
      mountPath: /tmp
    {{- with .context.Values.extraVolumeMounts }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}

{{/*
The volumes every job pod mounts besides /tmp (the pod partial's): the script and a shared work folder.
*/}}
{{- define "backup.volumes" -}}
- name: scripts
  configMap:
    name: {{ include "backup.fullname" . }}
- name: work
  emptyDir:
    sizeLimit: 10Gi
{{- end }}
