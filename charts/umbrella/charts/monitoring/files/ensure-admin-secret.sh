#!/usr/bin/env bash
# generated — do not edit: made by balena-charts from templates/monitoring/files/ensure-admin-secret.sh; change the schema and run npm run generate
# Creates the Grafana admin Secret, with a random password, unless it exists.
# Never changes or reads an existing Secret: it only asks to create one, and
# "already exists" means done, so its ServiceAccount needs no right to read
# Secrets at all. Talks to the Kubernetes API with curl, so it runs in the
# Grafana image (bash, curl) with no kubectl.
#
# Environment: SECRET_NAME, USER_KEY, PASSWORD_KEY (required); ADMIN_USER
# (default admin); KUBERNETES_API, TOKEN_FILE, CA_FILE, NAMESPACE_FILE
# (default: the in-cluster API and the mounted service account).
set -euo pipefail

: "${SECRET_NAME:?}" "${USER_KEY:?}" "${PASSWORD_KEY:?}"
sa=/var/run/secrets/kubernetes.io/serviceaccount
api="${KUBERNETES_API:-https://kubernetes.default.svc}"
namespace="$(cat "${NAMESPACE_FILE:-$sa/namespace}")"
token="$(cat "${TOKEN_FILE:-$sa/token}")"
secrets="$api/api/v1/namespaces/$namespace/secrets"

request() { # METHOD URL [BODY]: prints the HTTP status
  curl --silent --show-error --output /dev/null --write-out '%{http_code}' \
    --cacert "${CA_FILE:-$sa/ca.crt}" --header "Authorization: Bearer $token" \
    --header 'Content-Type: application/json' --request "$1" ${3:+--data-binary "$3"} "$2"
}

# 24 random bytes as hex: no pipeline that can end early.
password="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
body="$(printf '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"%s","labels":{"app.kubernetes.io/part-of":"%s","app.kubernetes.io/component":"grafana"}},"type":"Opaque","stringData":{"%s":"%s","%s":"%s"}}' \
  "$SECRET_NAME" "$PART_OF" "$USER_KEY" "${ADMIN_USER:-admin}" "$PASSWORD_KEY" "$password")"
status="$(request POST "$secrets" "$body")"
case "$status" in
  201) echo "Secret $namespace/$SECRET_NAME created" ;;
  409) echo "Secret $namespace/$SECRET_NAME exists: left as it is" ;;
  *) echo "creating Secret $namespace/$SECRET_NAME failed: HTTP $status" >&2; exit 1 ;;
esac
