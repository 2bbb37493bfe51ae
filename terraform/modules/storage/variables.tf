variable "project_id" {
  description = "Google Cloud project the bucket is created in."
  type        = string
}

variable "name" {
  description = "Bucket name: globally unique, so it usually starts with the project id."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be 3-63 lower-case letters, digits, hyphens or underscores, starting and ending with a letter or digit (no dots)."
  }
}

variable "location" {
  description = "Region or multi-region of the bucket (e.g. EU); a multi-region keeps backups when a whole region is lost."
  type        = string
}

variable "retention_days" {
  description = "Age in days after which live objects are deleted; null keeps them until deleted otherwise."
  type        = number
  default     = null

  validation {
    condition     = var.retention_days == null || try(var.retention_days >= 1, false)
    error_message = "retention_days must be at least 1, or null."
  }
}

variable "noncurrent_days" {
  description = "Days a noncurrent (overwritten or deleted) version is kept."
  type        = number
  default     = 30

  validation {
    condition     = var.noncurrent_days >= 1
    error_message = "noncurrent_days must be at least 1."
  }
}

variable "noncurrent_versions" {
  description = "Noncurrent versions kept per object at most."
  type        = number
  default     = 10

  validation {
    condition     = var.noncurrent_versions >= 1
    error_message = "noncurrent_versions must be at least 1."
  }
}

variable "soft_delete_days" {
  description = "Days a deleted object can still be restored (Cloud Storage soft delete; 0 turns it off, otherwise 7 to 90)."
  type        = number
  default     = 7

  validation {
    condition     = var.soft_delete_days == 0 || (var.soft_delete_days >= 7 && var.soft_delete_days <= 90)
    error_message = "soft_delete_days must be 0 or between 7 and 90."
  }
}

variable "labels" {
  description = "Labels put on the bucket."
  type        = map(string)
  default     = {}
}
