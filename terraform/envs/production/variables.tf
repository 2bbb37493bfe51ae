variable "project_id" {
  description = "Google Cloud project of the product (bootstrapped with terraform/bootstrap)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][-a-z0-9]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project id: 6-30 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  description = "Region of the cluster, Cloud SQL and the subnet."
  type        = string

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a region such as europe-west1, not a zone."
  }
}

variable "zones" {
  description = "Three zones of the region for the nodes."
  type        = list(string)

  validation {
    condition     = length(distinct(var.zones)) == 3
    error_message = "zones must list three different zones."
  }
}

variable "name" {
  description = "Name of the product's resources: VPC, cluster, Cloud SQL instance, and the prefix of service accounts and the backup bucket."
  type        = string
  default     = "balena"

  validation {
    condition     = can(regex("^[a-z][-a-z0-9]{3,21}[a-z0-9]$", var.name))
    error_message = "name must be 5-23 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "kubernetes_namespace" {
  description = "Namespace the umbrella release runs in; the Workload Identity bindings name it."
  type        = string
  default     = "web"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.kubernetes_namespace))
    error_message = "kubernetes_namespace must be a Kubernetes namespace name (RFC 1123 label)."
  }
}

variable "api_kubernetes_service_account" {
  description = "Kubernetes ServiceAccount of the api; the bridge sets api.serviceAccount.name to it."
  type        = string
  default     = "balena-api"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.api_kubernetes_service_account))
    error_message = "api_kubernetes_service_account must be a Kubernetes object name (lower-case RFC 1123 subdomain)."
  }
}

variable "backup_kubernetes_service_account" {
  description = "Kubernetes ServiceAccount of the backup jobs; the bridge sets backup.serviceAccount.name to it."
  type        = string
  default     = "balena-backup"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.backup_kubernetes_service_account))
    error_message = "backup_kubernetes_service_account must be a Kubernetes object name (lower-case RFC 1123 subdomain)."
  }
}

variable "gmp_frontend_kubernetes_service_account" {
  description = "Kubernetes ServiceAccount of the monitoring chart's GMP query frontend, bound with managed_prometheus on: the chart names it <release>-monitoring-gmp-frontend, so it must follow the umbrella's release name (balena)."
  type        = string
  default     = "balena-monitoring-gmp-frontend"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.gmp_frontend_kubernetes_service_account))
    error_message = "gmp_frontend_kubernetes_service_account must be a Kubernetes object name (lower-case RFC 1123 subdomain)."
  }
}

variable "authorized_networks" {
  description = "Networks that may reach the cluster's control plane (operators, CI runners)."
  type = list(object({
    cidr_block   = string
    display_name = string
  }))
  default = []

  validation {
    condition     = alltrue([for network in var.authorized_networks : can(cidrhost(network.cidr_block, 0))])
    error_message = "every authorized_networks entry needs a CIDR block, such as 203.0.113.0/24."
  }
}

variable "release_channel" {
  description = "GKE release channel of the cluster."
  type        = string
  default     = "REGULAR"

  validation {
    condition     = contains(["RAPID", "REGULAR", "STABLE", "EXTENDED"], var.release_channel)
    error_message = "release_channel must be RAPID, REGULAR, STABLE or EXTENDED."
  }
}

variable "gateway_api_channel" {
  description = "Gateway API channel of the cluster (the gke module checks it); CHANNEL_STANDARD provides the GatewayClasses of the ingress chart's gateway mode."
  type        = string
  default     = "CHANNEL_STANDARD"
}

variable "managed_prometheus" {
  description = "Managed Service for Prometheus collection on the cluster; off while the monitoring chart runs its own Prometheus. On: the GMP query frontend's Google service account is created too, and the bridge sets monitoring.backend to gmp."
  type        = bool
  default     = false
}

variable "node_pool" {
  description = "Machine type, disk size, autoscaling bounds (totals over the three zones) and surge of the node pool."
  type = object({
    machine_type = string
    disk_size_gb = number
    min_nodes    = number
    max_nodes    = number
    max_surge    = number
  })
  default = {
    machine_type = "e2-standard-4"
    disk_size_gb = 100
    min_nodes    = 3
    max_nodes    = 12
    max_surge    = 1
  }

  validation {
    condition     = var.node_pool.min_nodes >= 3 && var.node_pool.max_nodes >= var.node_pool.min_nodes
    error_message = "node_pool.min_nodes must be at least 3 (one per zone) and max_nodes at least min_nodes."
  }
}

variable "postgres_version" {
  description = "PostgreSQL major version of Cloud SQL; the bridge writes the same into backup.postgresVersion."
  type        = string
  default     = "17"

  validation {
    condition     = contains(["13", "14", "15", "16", "17", "18"], var.postgres_version)
    error_message = "postgres_version must be one of 13, 14, 15, 16, 17, 18."
  }
}

variable "sql_tier" {
  description = "Cloud SQL machine tier (Enterprise edition)."
  type        = string
  default     = "db-custom-2-7680"

  validation {
    condition     = can(regex("^db-", var.sql_tier))
    error_message = "sql_tier must be a Cloud SQL tier such as db-custom-2-7680."
  }
}

variable "backup_bucket_location" {
  description = "Location of the backup bucket; a multi-region (EU, US) keeps dumps when the region is lost."
  type        = string
  default     = "EU"
}

variable "backup_retention_days" {
  description = "Days a dump is kept in the bucket before its lifecycle rule deletes it (backup.keep may prune earlier)."
  type        = number
  default     = 90

  validation {
    condition     = var.backup_retention_days >= 7
    error_message = "backup_retention_days must be at least 7, so the weekly restore drill always finds a dump."
  }
}

variable "backup_uses_cloud_sql_proxy" {
  description = "The backup jobs connect through the Cloud SQL Auth Proxy (backup.cloudSqlProxy.enabled); grants their service account the Cloud SQL roles and an IAM database user."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Protect the cluster and the Cloud SQL instance from deletion."
  type        = bool
  default     = true
}

variable "labels" {
  description = "Extra labels for the cluster, nodes, instance and bucket."
  type        = map(string)
  default     = {}
}
