#!/bin/sh
# generated — do not edit: made by balena-charts from templates/backup/files/pgbackup.sh; change the schema and run npm run generate
# Logical backups of a PostgreSQL database to Google Cloud Storage, and their
# restore. POSIX sh, so each step runs in the image that has its tools: the
# PostgreSQL steps in the official postgres image, the storage steps in a curl
# image (busybox). Outside Kubernetes it needs sh, the PostgreSQL client tools,
# curl and coreutils.
#
#   pgbackup.sh dump DIR     pg_dump (custom format), per-table checksums and sha256 into DIR
#   pgbackup.sh upload DIR   upload DIR's dump, read it back and verify it, then move `latest`
#   pgbackup.sh fetch DIR    download RESTORE_OBJECT (or the one `latest` names) into DIR, verified
#   pgbackup.sh load DIR     pg_restore DIR's dump into TARGET_DATABASE_URL (refuses a non-empty
#                            database unless RESTORE_FORCE=true)
#   pgbackup.sh check DIR    compare TARGET_DATABASE_URL's tables with DIR's checksums (the drill)
#   pgbackup.sh prune        keep only the newest BACKUP_KEEP dumps
#   pgbackup.sh backup | restore | drill    the steps above in one go (one machine with all tools)
#
# Configuration (environment):
#   DATABASE_URL         source database (libpq URL)      TARGET_DATABASE_URL  restore target
#   GCS_BUCKET           bucket                           GCS_PREFIX           object prefix (default backups)
#   BACKUP_NAME          name part of each object (default db)
#   GCS_BASE_URL         JSON API base (default https://storage.googleapis.com)
#   GCS_TOKEN_URL        where the OAuth token comes from (default: the GKE metadata server,
#                        i.e. the pod's Workload Identity); empty: send no token
#   RESTORE_OBJECT       object to restore, or latest (default)
#   RESTORE_FORCE        true: restore over existing tables
#   BACKUP_KEEP          dumps to keep when pruning (0: keep all; retention is also a bucket rule)
set -eu

BASE_URL="${GCS_BASE_URL:-https://storage.googleapis.com}"
PREFIX="${GCS_PREFIX:-backups}"
NAME="${BACKUP_NAME:-db}"
TOKEN_URL="${GCS_TOKEN_URL-http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token}"

log() { printf '%s pgbackup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
need() { eval "[ -n \"\${$1:-}\" ]" || die "$1 is not set"; }

# Every table's row count and an order-independent hash of its rows (as text,
# in UTC), so the same data gives the same lines on any server.
TABLE_CHECKSUMS_SQL="SET TIME ZONE 'UTC';
SELECT format(
  'SELECT %L || chr(9) || count(*) || chr(9) || coalesce(md5(string_agg(md5(t::text), '''' ORDER BY md5(t::text))), '''') FROM %I.%I t;',
  n.nspname || '.' || c.relname, n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY 1 \\gexec"

psql_run() { # URL: runs stdin as a script (a -c string cannot hold \gexec)
  psql --no-psqlrc --quiet --tuples-only --no-align --set ON_ERROR_STOP=1 --dbname "$1" --file -
}

table_checksums() { # URL [SNAPSHOT] → "schema.table<TAB>rows<TAB>md5", sorted
  if [ -n "${2:-}" ]; then
    printf "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\nSET TRANSACTION SNAPSHOT '%s';\n%s\nCOMMIT;\n" "$2" "$TABLE_CHECKSUMS_SQL"
  else
    printf '%s\n' "$TABLE_CHECKSUMS_SQL"
  fi | psql_run "$1" | sed '/^$/d' | LC_ALL=C sort
}

user_tables() { # URL → number of tables outside the system schemas
  printf '%s\n' "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r','p') AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%';" \
    | psql_run "$1"
}

# --- Google Cloud Storage, JSON API -------------------------------------------

TOKEN=""
token() {
  [ -n "$TOKEN_URL" ] || return 0
  [ -n "$TOKEN" ] && return 0
  TOKEN="$(curl --silent --show-error --fail --header 'Metadata-Flavor: Google' "$TOKEN_URL" \
    | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')" || die "no access token from $TOKEN_URL"
  [ -n "$TOKEN" ] || die "no access token from $TOKEN_URL"
}

gcs() { # curl with the token, failing on HTTP errors
  token
  if [ -n "$TOKEN" ]; then
    curl --silent --show-error --fail --retry 2 --header "Authorization: Bearer $TOKEN" "$@"
  else
    curl --silent --show-error --fail --retry 2 "$@"
  fi
}

# Object names are made of [A-Za-z0-9._/-] (the chart's schema allows no
# more), so encoding them for the URL only means encoding the slashes.
encode() { printf '%s' "$1" | sed 's|/|%2F|g'; }
gcs_put() { gcs --request POST --header 'Content-Type: application/octet-stream' --data-binary "@$2" \
  "$BASE_URL/upload/storage/v1/b/$GCS_BUCKET/o?uploadType=media&name=$(encode "$1")" >/dev/null; }
gcs_get() { gcs --output "$2" "$BASE_URL/storage/v1/b/$GCS_BUCKET/o/$(encode "$1")?alt=media"; }
gcs_delete() { gcs --request DELETE "$BASE_URL/storage/v1/b/$GCS_BUCKET/o/$(encode "$1")" >/dev/null; }
gcs_list() { gcs "$BASE_URL/storage/v1/b/$GCS_BUCKET/o?prefix=$(encode "$1")" \
  | grep -o '"name" *: *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/'; }

verify() { # DIR: the files listed in DIR/sha256 match it
  (cd "$1" && sha256sum -c sha256 >/dev/null 2>&1)
}

# --- steps ----------------------------------------------------------------------

cmd_dump() {
  dir="$1"
  need DATABASE_URL
  mkdir -p "$dir"
  pg_isready --dbname "$DATABASE_URL" --timeout 10 >/dev/null 2>&1 || die "database not reachable (pg_isready failed)"
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"
  object="$PREFIX/$(date -u +%Y/%m/%d)/$NAME-$stamp.dump"

  # One snapshot for the dump and the checksums: a session exports it and
  # keeps its transaction open (fed through a FIFO) until both have read it.
  mkfifo "$dir/session.in"
  psql --no-psqlrc --quiet --tuples-only --no-align --set ON_ERROR_STOP=1 --dbname "$DATABASE_URL" \
    <"$dir/session.in" >"$dir/session.out" 2>"$dir/session.err" &
  session=$!
  exec 3>"$dir/session.in"
  echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&3
  waited=0
  while [ ! -s "$dir/session.out" ] && [ "$waited" -lt 300 ] && kill -0 "$session" 2>/dev/null; do
    sleep 0.1
    waited=$((waited + 1))
  done
  snapshot="$(head -n1 "$dir/session.out")"
  case "$snapshot" in ''|*[!0-9A-F-]*) die "could not export a snapshot: $(cat "$dir/session.err")" ;; esac

  log "dumping to $object (snapshot $snapshot)"
  pg_dump --format=custom --compress=6 --no-owner --no-privileges --snapshot="$snapshot" \
    --dbname "$DATABASE_URL" --file "$dir/dump" || die "pg_dump failed"
  table_checksums "$DATABASE_URL" "$snapshot" >"$dir/tables" || die "table checksums failed"
  echo "COMMIT;" >&3
  exec 3>&-
  wait "$session" || true
  rm -f "$dir/session.in" "$dir/session.out" "$dir/session.err"

  (cd "$dir" && sha256sum dump tables >sha256)
  echo "$object" >"$dir/object"
  log "dump ready: $(wc -c <"$dir/dump") bytes, $(wc -l <"$dir/tables") tables"
}

cmd_upload() {
  dir="$1"
  need GCS_BUCKET
  [ -s "$dir/dump" ] && [ -s "$dir/sha256" ] && [ -s "$dir/object" ] || die "no complete dump in $dir"
  verify "$dir" || die "the dump in $dir does not match its checksum"
  object="$(cat "$dir/object")"
  gcs_put "$object" "$dir/dump" || die "upload of $object failed"
  gcs_put "$object.tables" "$dir/tables" || die "upload of $object.tables failed"
  gcs_put "$object.sha256" "$dir/sha256" || die "upload of $object.sha256 failed"

  # Only a copy read back that matches the checksum may become `latest`.
  check="$dir/readback"
  mkdir -p "$check"
  gcs_get "$object" "$check/dump" || die "reading back $object failed"
  gcs_get "$object.tables" "$check/tables" || die "reading back $object.tables failed"
  cp "$dir/sha256" "$check/sha256"
  verify "$check" || die "$object read back does not match its checksum"
  printf '%s\n' "$object" >"$dir/latest"
  gcs_put "$PREFIX/latest" "$dir/latest" || die "updating $PREFIX/latest failed"
  log "uploaded and verified gs://$GCS_BUCKET/$object; $PREFIX/latest points at it"
}

cmd_fetch() {
  dir="$1"
  need GCS_BUCKET
  mkdir -p "$dir"
  object="${RESTORE_OBJECT:-latest}"
  if [ "$object" = latest ]; then
    gcs_get "$PREFIX/latest" "$dir/latest" || die "no $PREFIX/latest in gs://$GCS_BUCKET"
    object="$(head -n1 "$dir/latest")"
  fi
  log "fetching gs://$GCS_BUCKET/$object"
  gcs_get "$object" "$dir/dump" || die "download of $object failed"
  gcs_get "$object.tables" "$dir/tables" || die "download of $object.tables failed"
  gcs_get "$object.sha256" "$dir/sha256" || die "download of $object.sha256 failed"
  verify "$dir" || die "checksum mismatch for $object: refusing to restore it"
  echo "$object" >"$dir/object"
}

cmd_load() {
  dir="$1"
  need TARGET_DATABASE_URL
  verify "$dir" || die "the dump in $dir does not match its checksum: refusing to restore it"
  tables="$(user_tables "$TARGET_DATABASE_URL")" || die "target database not reachable"
  if [ "$tables" != 0 ] && [ "${RESTORE_FORCE:-false}" != true ]; then
    die "the target database already has $tables tables; refusing to restore over them (set RESTORE_FORCE=true to replace them)"
  fi
  if [ "$tables" != 0 ]; then
    # Forced: empty the database first. pg_restore --clean only drops what the
    # dump itself contains, and fails on tables of another shape.
    log "RESTORE_FORCE: dropping every schema of the target database"
    printf '%s\n' "SELECT format('DROP SCHEMA %I CASCADE;', nspname) FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp%' \\gexec
      CREATE SCHEMA IF NOT EXISTS public;" | psql_run "$TARGET_DATABASE_URL" >/dev/null || die "emptying the target database failed (forcing a restore needs its owner)"
  fi
  pg_restore --no-owner --no-privileges --exit-on-error --dbname "$TARGET_DATABASE_URL" "$dir/dump" \
    || die "pg_restore failed"
  log "restored $(cat "$dir/object" 2>/dev/null || echo "$dir/dump") into the target database"
}

cmd_check() {
  dir="$1"
  need TARGET_DATABASE_URL
  table_checksums "$TARGET_DATABASE_URL" >"$dir/restored" || die "reading the restored tables failed"
  if ! diff -u "$dir/tables" "$dir/restored" >&2; then
    die "restore drill FAILED: the restored tables differ from the backup's checksums ($(cat "$dir/object"))"
  fi
  log "restore drill passed: $(wc -l <"$dir/tables") tables match $(cat "$dir/object")"
}

cmd_prune() {
  keep="${BACKUP_KEEP:-0}"
  [ "$keep" -gt 0 ] || { log "prune: BACKUP_KEEP is 0, keeping every dump"; return 0; }
  need GCS_BUCKET
  dumps="$(gcs_list "$PREFIX/" | grep '\.dump$' | LC_ALL=C sort)" || die "listing gs://$GCS_BUCKET/$PREFIX/ failed"
  count="$(printf '%s\n' "$dumps" | grep -c . || true)"
  [ "$count" -gt "$keep" ] || return 0
  for object in $(printf '%s\n' "$dumps" | head -n "$((count - keep))"); do
    log "prune: deleting $object"
    { gcs_delete "$object" && gcs_delete "$object.tables" && gcs_delete "$object.sha256"; } || die "deleting $object failed"
  done
}

with_work_dir() { # COMMAND...: run the steps in a scratch folder removed afterwards
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  "$@"
}

backup() { cmd_dump "$WORK" && cmd_upload "$WORK" && cmd_prune; }
restore() { cmd_fetch "$WORK" && cmd_load "$WORK"; }
drill() {
  [ "${TARGET_DATABASE_URL:-}" != "${DATABASE_URL:-}" ] || die "the drill's scratch database must not be the source database"
  cmd_fetch "$WORK" && RESTORE_FORCE=true cmd_load "$WORK" && cmd_check "$WORK"
}

case "${1:-}" in
  dump | upload | fetch | load | check) [ -n "${2:-}" ] || die "$1 needs a directory"; "cmd_$1" "$2" ;;
  prune) cmd_prune ;;
  backup | restore | drill) with_work_dir "$1" ;;
  *) echo "usage: pgbackup.sh dump|upload|fetch|load|check DIR | prune | backup | restore | drill" >&2; exit 2 ;;
esac
