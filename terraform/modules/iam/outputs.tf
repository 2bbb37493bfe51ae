output "api_service_account_email" {
  description = "Google service account of the api; the api's Kubernetes ServiceAccount is annotated with it."
  value       = google_service_account.api.email
}

output "backup_service_account_email" {
  description = "Google service account of the backup jobs; the backup chart's Kubernetes ServiceAccount is annotated with it."
  value       = google_service_account.backup.email
}

output "gmp_frontend_service_account_email" {
  description = "Google service account of the GMP query frontend (monitoring.gmp.serviceAccountEmail, the annotation of its Kubernetes ServiceAccount); null without gmp_frontend."
  value       = one(google_service_account.gmp_frontend[*].email)
}

output "api_kubernetes_service_account" {
  description = "Name of the Kubernetes ServiceAccount (in kubernetes_namespace) bound to the api's Google service account; known once the binding exists."
  value       = var.api_kubernetes_service_account

  depends_on = [google_service_account_iam_member.api_workload_identity]
}

output "backup_kubernetes_service_account" {
  description = "Name of the Kubernetes ServiceAccount (in kubernetes_namespace) bound to the backup jobs' Google service account; known once the binding exists."
  value       = var.backup_kubernetes_service_account

  depends_on = [google_service_account_iam_member.backup_workload_identity]
}

output "kubernetes_namespace" {
  description = "Namespace of the bound Kubernetes ServiceAccounts: the umbrella release must be installed there."
  value       = var.kubernetes_namespace
}
