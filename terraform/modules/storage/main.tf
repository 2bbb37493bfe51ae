# One Cloud Storage bucket that keeps what it is given: object versioning (an
# overwritten or deleted object stays as a noncurrent version for a while),
# uniform bucket-level access (IAM only, no object ACLs), public access
# prevented, and lifecycle rules that bound how long anything is kept. The
# production root uses it for the database backups, the bootstrap root for
# Terraform's state.

resource "google_storage_bucket" "this" {
  project       = var.project_id
  name          = var.name
  location      = var.location
  storage_class = "STANDARD"
  labels        = var.labels

  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  versioning {
    enabled = true
  }

  # Deleted objects stay restorable for this long, on top of versioning.
  soft_delete_policy {
    retention_duration_seconds = var.soft_delete_days * 86400
  }

  # Live objects older than retention_days are deleted (with versioning they
  # become noncurrent first, and the rules below remove them later).
  dynamic "lifecycle_rule" {
    for_each = var.retention_days == null ? [] : [var.retention_days]
    content {
      condition {
        age        = lifecycle_rule.value
        with_state = "LIVE"
      }
      action {
        type = "Delete"
      }
    }
  }

  # Noncurrent versions (overwritten `latest` pointers, pruned dumps, old
  # state) are kept noncurrent_days, and never more than noncurrent_versions.
  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.noncurrent_days
    }
    action {
      type = "Delete"
    }
  }

  lifecycle_rule {
    condition {
      num_newer_versions = var.noncurrent_versions
      with_state         = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }
}
