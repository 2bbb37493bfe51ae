# Contract of the storage module, planned against a mocked google provider
# (`tofu init && tofu test` in the module's folder; npm test runs it).

mock_provider "google" {}

variables {
  project_id     = "balena-test"
  name           = "balena-test-backups"
  location       = "EU"
  retention_days = 90
}

run "bucket_is_versioned_private_and_expires_old_objects" {
  command = plan

  assert {
    condition     = google_storage_bucket.this.versioning[0].enabled
    error_message = "the bucket must keep overwritten and deleted objects as versions"
  }

  assert {
    condition     = google_storage_bucket.this.uniform_bucket_level_access && google_storage_bucket.this.public_access_prevention == "enforced"
    error_message = "access must be IAM only and never public"
  }

  assert {
    condition     = length([for rule in google_storage_bucket.this.lifecycle_rule : rule if anytrue([for c in rule.condition : c.age == 90])]) == 1
    error_message = "live objects must expire after retention_days"
  }

  assert {
    condition     = google_storage_bucket.this.force_destroy == false
    error_message = "destroying the bucket must never delete its objects"
  }
}

run "without_retention_days_nothing_live_expires" {
  command = plan

  variables {
    retention_days = null
  }

  assert {
    condition     = length(google_storage_bucket.this.lifecycle_rule) == 2
    error_message = "only the two noncurrent-version rules remain"
  }
}

run "a_bucket_name_with_dots_is_refused" {
  command = plan

  variables {
    name = "backups.example.com"
  }

  expect_failures = [var.name]
}
