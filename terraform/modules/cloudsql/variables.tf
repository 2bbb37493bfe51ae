variable "project_id" {
  description = "Google Cloud project the instance is created in."
  type        = string
}

variable "name" {
  description = "Instance name; the Auth Proxy's connection name is <project>:<region>:<name>. A deleted name cannot be reused for a week."
  type        = string

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", var.name))
    error_message = "name must be lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "region" {
  description = "Region of the instance; the standby runs in another zone of it."
  type        = string
}

variable "postgres_version" {
  description = "PostgreSQL major version. The backup chart's postgresVersion must match it (its pg_dump may not be older); the bridge writes that value from this module's output."
  type        = string
  default     = "17"

  validation {
    condition     = contains(["13", "14", "15", "16", "17", "18"], var.postgres_version)
    error_message = "postgres_version must be one of 13, 14, 15, 16, 17, 18 (the versions the backup chart's dump image exists for)."
  }
}

variable "tier" {
  description = "Machine tier (Enterprise edition), e.g. db-custom-2-7680 for 2 vCPUs and 7.5 GB."
  type        = string
  default     = "db-custom-2-7680"
}

variable "disk_size_gb" {
  description = "Initial SSD size; it grows on its own (disk_autoresize) and never shrinks."
  type        = number
  default     = 20
}

variable "private_network_id" {
  description = "VPC whose private service access range the instance's IP comes from (network module's private_network_id)."
  type        = string
}

variable "database_name" {
  description = "The product's database on the instance."
  type        = string
  default     = "balena"
}

variable "iam_service_accounts" {
  description = "Google service accounts that get an IAM database user, by a fixed key (api, backup): the keys must be known at plan time, the emails need not be."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for email in values(var.iam_service_accounts) : endswith(email, ".iam.gserviceaccount.com")])
    error_message = "iam_service_accounts must be service account emails ending in .iam.gserviceaccount.com."
  }
}

variable "backup_start_time" {
  description = "UTC time (HH:MM) the daily automated backup starts; keep it clear of the nightly pg_dump."
  type        = string
  default     = "02:00"

  validation {
    condition     = can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]$", var.backup_start_time))
    error_message = "backup_start_time must be HH:MM in 24-hour UTC time."
  }
}

variable "retained_backups" {
  description = "Automated backups kept (one a day)."
  type        = number
  default     = 14

  validation {
    condition     = var.retained_backups >= 1 && var.retained_backups <= 365
    error_message = "retained_backups must be between 1 and 365."
  }
}

variable "point_in_time_recovery_days" {
  description = "Days of write-ahead log kept for point-in-time recovery (Enterprise edition allows 1 to 7)."
  type        = number
  default     = 7

  validation {
    condition     = var.point_in_time_recovery_days >= 1 && var.point_in_time_recovery_days <= 7
    error_message = "point_in_time_recovery_days must be between 1 and 7."
  }
}

variable "maintenance_window" {
  description = "When Cloud SQL may apply updates: day (1 = Monday … 7 = Sunday) and hour (UTC)."
  type = object({
    day  = number
    hour = number
  })
  default = {
    day  = 7
    hour = 3
  }

  validation {
    condition     = var.maintenance_window.day >= 1 && var.maintenance_window.day <= 7 && var.maintenance_window.hour >= 0 && var.maintenance_window.hour <= 23
    error_message = "maintenance_window.day must be 1-7 and maintenance_window.hour 0-23."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the instance, in Terraform and in the Cloud SQL API."
  type        = bool
  default     = true
}

variable "labels" {
  description = "Labels put on the instance."
  type        = map(string)
  default     = {}
}
