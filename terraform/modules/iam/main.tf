# Google identities for the product's pods, used through Workload Identity:
# a Kubernetes ServiceAccount annotated with iam.gke.io/gcp-service-account
# acts as the Google service account bound to it here. No key files exist.
#
#   api     Cloud SQL Auth Proxy sidecar: cloudsql.client to connect,
#           cloudsql.instanceUser to log in as its IAM database user.
#   backup  the backup chart's jobs: create, read, list and delete objects in
#           the backup bucket and nothing else (moving `latest` overwrites an
#           object, and pruning deletes), plus the two Cloud SQL roles when its
#           jobs run the Auth Proxy.
#   gmp     only with gmp_frontend: the monitoring chart's GMP query frontend
#           (backend gmp), which serves PromQL from Managed Service for
#           Prometheus; monitoring.viewer lets it read the project's metrics.

resource "google_service_account" "api" {
  project      = var.project_id
  account_id   = "${var.name}-api"
  display_name = "${var.name} api (Cloud SQL Auth Proxy)"
}

resource "google_service_account" "backup" {
  project      = var.project_id
  account_id   = "${var.name}-backup"
  display_name = "${var.name} database backups"
}

# "-gmp", not "-gmp-frontend": ids end at 30 characters and var.name may take 23.
resource "google_service_account" "gmp_frontend" {
  count = var.gmp_frontend ? 1 : 0

  project      = var.project_id
  account_id   = "${var.name}-gmp"
  display_name = "${var.name} GMP query frontend (monitoring)"
}

locals {
  cloudsql_roles = toset(["roles/cloudsql.client", "roles/cloudsql.instanceUser"])
  # Which identities run the Auth Proxy, by a key known at plan time.
  proxy_members = merge(
    { api = "serviceAccount:${google_service_account.api.email}" },
    var.backup_uses_cloud_sql_proxy ? { backup = "serviceAccount:${google_service_account.backup.email}" } : {},
  )
  proxy_grants = {
    for pair in setproduct(keys(local.proxy_members), local.cloudsql_roles) :
    "${pair[0]} ${pair[1]}" => { member = local.proxy_members[pair[0]], role = pair[1] }
  }
}

resource "google_project_iam_member" "cloudsql" {
  for_each = local.proxy_grants

  project = var.project_id
  role    = each.value.role
  member  = each.value.member
}

# Exactly the object permissions the backup script uses, on the backup bucket
# only: uploads (create; overwriting `latest` also needs delete), reads and
# listings for verification, restore and pruning, deletes for pruning.
resource "google_project_iam_custom_role" "backup_objects" {
  project     = var.project_id
  role_id     = "${replace(var.name, "-", "_")}_backup_objects"
  title       = "${var.name} backup objects"
  description = "Create, read, list and delete objects; bound on the backup bucket only."
  permissions = [
    "storage.objects.create",
    "storage.objects.delete",
    "storage.objects.get",
    "storage.objects.list",
  ]
}

# Read-only: the frontend only queries; managed collection writes with the nodes' account (gke module).
resource "google_project_iam_member" "gmp_frontend_monitoring_viewer" {
  count = var.gmp_frontend ? 1 : 0

  project = var.project_id
  role    = "roles/monitoring.viewer"
  member  = "serviceAccount:${google_service_account.gmp_frontend[0].email}"
}

resource "google_storage_bucket_iam_member" "backup_objects" {
  bucket = var.backup_bucket
  role   = google_project_iam_custom_role.backup_objects.id
  member = "serviceAccount:${google_service_account.backup.email}"
}

# Workload Identity: the Kubernetes ServiceAccount <namespace>/<name> may act
# as the Google service account. The pool only exists once a cluster with
# Workload Identity does, hence var.workload_pool from the gke module.
resource "google_service_account_iam_member" "api_workload_identity" {
  service_account_id = google_service_account.api.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.workload_pool}[${var.kubernetes_namespace}/${var.api_kubernetes_service_account}]"
}

resource "google_service_account_iam_member" "backup_workload_identity" {
  service_account_id = google_service_account.backup.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.workload_pool}[${var.kubernetes_namespace}/${var.backup_kubernetes_service_account}]"
}

resource "google_service_account_iam_member" "gmp_frontend_workload_identity" {
  count = var.gmp_frontend ? 1 : 0

  service_account_id = google_service_account.gmp_frontend[0].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.workload_pool}[${var.kubernetes_namespace}/${var.gmp_frontend_kubernetes_service_account}]"

  lifecycle {
    precondition {
      condition     = var.gmp_frontend_kubernetes_service_account != null
      error_message = "gmp_frontend needs gmp_frontend_kubernetes_service_account: the monitoring chart names it <release>-monitoring-gmp-frontend."
    }
  }
}
