variable "project_id" {
  description = "Google Cloud project the service accounts and the custom role live in."
  type        = string
}

variable "name" {
  description = "Prefix of the service account ids (<name>-api, <name>-backup, <name>-gmp) and the custom role."
  type        = string

  validation {
    condition     = can(regex("^[a-z][-a-z0-9]{3,21}[a-z0-9]$", var.name))
    error_message = "name must be 5-23 lower-case letters, digits or hyphens, starting with a letter (service account ids are 6-30 characters and get -backup appended)."
  }
}

variable "workload_pool" {
  description = "Workload Identity pool of the cluster (<project>.svc.id.goog, the gke module's workload_pool output)."
  type        = string
}

variable "kubernetes_namespace" {
  description = "Namespace the umbrella release is installed in."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.kubernetes_namespace))
    error_message = "kubernetes_namespace must be a Kubernetes namespace name (RFC 1123 label)."
  }
}

variable "api_kubernetes_service_account" {
  description = "Name of the api's Kubernetes ServiceAccount (the api chart's serviceAccount.name)."
  type        = string
}

variable "backup_kubernetes_service_account" {
  description = "Name of the backup jobs' Kubernetes ServiceAccount (the backup chart's serviceAccount.name)."
  type        = string
}

variable "backup_bucket" {
  description = "Name of the bucket the backup jobs write to."
  type        = string
}

variable "backup_uses_cloud_sql_proxy" {
  description = "The backup jobs reach Cloud SQL through the Auth Proxy (backup.cloudSqlProxy.enabled), so their service account needs the Cloud SQL roles too."
  type        = bool
  default     = true
}

variable "gmp_frontend" {
  description = "Create the Google service account of the monitoring chart's GMP query frontend (monitoring.backend gmp): roles/monitoring.viewer on the project, bound by Workload Identity to gmp_frontend_kubernetes_service_account. Off: none of it exists."
  type        = bool
  default     = false
}

variable "gmp_frontend_kubernetes_service_account" {
  description = "Name of the GMP query frontend's Kubernetes ServiceAccount: the monitoring chart names it <release>-monitoring-gmp-frontend. Needed with gmp_frontend only."
  type        = string
  default     = null

  validation {
    # can() rather than a guard: both sides of || are evaluated, and regex() fails on null.
    condition     = var.gmp_frontend_kubernetes_service_account == null || can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.gmp_frontend_kubernetes_service_account))
    error_message = "gmp_frontend_kubernetes_service_account must be a Kubernetes object name (lower-case RFC 1123 subdomain), or null without gmp_frontend."
  }
}
