# What the umbrella chart and the update playbook need from Google Cloud.
# `scripts/values-from-terraform.ts` maps each of these to umbrella values
# or knows it is not a value (see scripts/terraform-bridge/outputs.ts): an
# output added here without a mapping there is refused, so the two cannot drift.

output "project_id" {
  description = "Project of the Workload Identity service accounts (global.workloadIdentityProject)."
  value       = var.project_id
}

output "region" {
  description = "Region of the cluster and Cloud SQL."
  value       = var.region
}

output "cluster_name" {
  description = "GKE cluster name, for gcloud container clusters get-credentials."
  value       = module.gke.name
}

output "cluster_location" {
  description = "GKE cluster location (its region: the cluster is regional)."
  value       = module.gke.location
}

output "kubernetes_namespace" {
  description = "Namespace the umbrella must be installed in: the Workload Identity bindings name it."
  value       = module.iam.kubernetes_namespace
}

output "cloudsql_connection_name" {
  description = "Cloud SQL instance connection name for the Auth Proxy (api.cloudSqlProxy and backup.cloudSqlProxy instanceConnectionName)."
  value       = module.cloudsql.connection_name
}

output "cloudsql_postgres_version" {
  description = "PostgreSQL major version of the instance (backup.postgresVersion)."
  value       = module.cloudsql.postgres_version
}

output "cloudsql_database_name" {
  description = "The product's database on the instance (the path of DATABASE_URL)."
  value       = module.cloudsql.database_name
}

output "cloudsql_iam_users" {
  description = "PostgreSQL user names of the IAM database users (api, backup): the user part of DATABASE_URL for each."
  value       = module.cloudsql.iam_users
}

output "backup_bucket" {
  description = "Bucket the backup jobs write dumps to (backup.gcs.bucket)."
  value       = module.backup_bucket.name
}

output "backup_cloud_sql_proxy" {
  description = "Whether the backup jobs run the Auth Proxy (backup.cloudSqlProxy.enabled)."
  value       = var.backup_uses_cloud_sql_proxy
}

output "api_service_account_email" {
  description = "Google service account of the api (the iam.gke.io/gcp-service-account annotation of api.serviceAccount)."
  value       = module.iam.api_service_account_email
}

output "backup_service_account_email" {
  description = "Google service account of the backup jobs (the iam.gke.io/gcp-service-account annotation of backup.serviceAccount)."
  value       = module.iam.backup_service_account_email
}

output "api_kubernetes_service_account" {
  description = "Kubernetes ServiceAccount bound to the api's Google service account (api.serviceAccount.name)."
  value       = module.iam.api_kubernetes_service_account
}

output "backup_kubernetes_service_account" {
  description = "Kubernetes ServiceAccount bound to the backup jobs' Google service account (backup.serviceAccount.name)."
  value       = module.iam.backup_kubernetes_service_account
}

output "managed_prometheus" {
  description = "Whether Managed Service for Prometheus collects on the cluster; true makes the bridge set monitoring.backend to gmp and monitoring.gmp.projectId to project_id."
  value       = module.gke.managed_prometheus
}

output "gmp_frontend_service_account_email" {
  description = "Google service account of the monitoring chart's GMP query frontend (monitoring.gmp.serviceAccountEmail); \"\" without managed_prometheus."
  # "" rather than null: `output -json` leaves null outputs out, and the bridge refuses a missing one.
  value = module.iam.gmp_frontend_service_account_email == null ? "" : module.iam.gmp_frontend_service_account_email
}
