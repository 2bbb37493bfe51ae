variable "project_id" {
  description = "Google Cloud project the service accounts and the custom role live in."
  type        = string
}

variable "name" {
  description = "Prefix of the service account ids (<name>-api, <name>-backup) and the custom role."
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
