# Contract of the cloudsql module, planned against a mocked google provider
# (`tofu init && tofu test` in the module's folder; npm test runs it).

mock_provider "google" {}

variables {
  project_id         = "balena-test"
  name               = "balena"
  region             = "europe-west1"
  private_network_id = "projects/balena-test/global/networks/balena"
  iam_service_accounts = {
    api = "balena-api@balena-test.iam.gserviceaccount.com"
  }
}

run "instance_is_regional_private_and_recoverable" {
  command = plan

  assert {
    condition     = google_sql_database_instance.this.settings[0].availability_type == "REGIONAL"
    error_message = "the instance must have a standby in another zone"
  }

  assert {
    condition     = google_sql_database_instance.this.settings[0].ip_configuration[0].ipv4_enabled == false
    error_message = "the instance must have no public IP"
  }

  assert {
    condition     = google_sql_database_instance.this.settings[0].ip_configuration[0].private_network == "projects/balena-test/global/networks/balena"
    error_message = "the instance's private IP must be on the cluster's VPC"
  }

  assert {
    condition     = google_sql_database_instance.this.settings[0].backup_configuration[0].enabled && google_sql_database_instance.this.settings[0].backup_configuration[0].point_in_time_recovery_enabled
    error_message = "automated backups and point-in-time recovery must be on"
  }

  assert {
    condition     = google_sql_database_instance.this.deletion_protection && google_sql_database_instance.this.settings[0].deletion_protection_enabled
    error_message = "the instance must be protected from deletion"
  }

  assert {
    condition     = google_sql_database_instance.this.database_version == "POSTGRES_17"
    error_message = "the default is PostgreSQL 17, like the backup chart's postgresVersion"
  }
}

run "service_accounts_log_in_as_iam_users" {
  command = plan

  assert {
    condition     = google_sql_user.iam["api"].name == "balena-api@balena-test.iam"
    error_message = "the IAM user name is the email without .gserviceaccount.com"
  }

  assert {
    condition     = google_sql_user.iam["api"].type == "CLOUD_IAM_SERVICE_ACCOUNT"
    error_message = "the api logs in with its service account, not a password"
  }
}

run "an_unknown_postgres_version_is_refused" {
  command = plan

  variables {
    postgres_version = "12"
  }

  expect_failures = [var.postgres_version]
}
