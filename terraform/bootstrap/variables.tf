variable "project_id" {
  description = "Google Cloud project of the product; the state bucket is named <project_id>-tfstate."
  type        = string

  validation {
    condition     = can(regex("^[a-z][-a-z0-9]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project id: 6-30 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  description = "Default region of the provider."
  type        = string
  default     = "europe-west1"
}

variable "state_bucket_location" {
  description = "Location of the state bucket; a multi-region (EU, US) keeps it readable when a region is down."
  type        = string
  default     = "EU"
}

variable "state_noncurrent_days" {
  description = "Days an overwritten state file is kept as a noncurrent version (how far back a state can be restored)."
  type        = number
  default     = 90

  validation {
    condition     = var.state_noncurrent_days >= 7
    error_message = "state_noncurrent_days must be at least 7."
  }
}
