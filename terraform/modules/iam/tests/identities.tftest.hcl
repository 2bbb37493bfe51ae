# Contract of the iam module, planned against a mocked google provider
# (`tofu init && tofu test` in the module's folder; npm test runs it).

mock_provider "google" {
  mock_resource "google_service_account" {
    defaults = {
      email = "balena-sa@balena-test.iam.gserviceaccount.com"
      name  = "projects/balena-test/serviceAccounts/balena-sa@balena-test.iam.gserviceaccount.com"
    }
  }
}

variables {
  project_id                        = "balena-test"
  name                              = "balena"
  workload_pool                     = "balena-test.svc.id.goog"
  kubernetes_namespace              = "web"
  api_kubernetes_service_account    = "balena-api"
  backup_kubernetes_service_account = "balena-backup"
  backup_bucket                     = "balena-test-backups"
}

run "backup_account_may_only_touch_objects_of_the_backup_bucket" {
  command = plan

  assert {
    condition     = toset(google_project_iam_custom_role.backup_objects.permissions) == toset(["storage.objects.create", "storage.objects.delete", "storage.objects.get", "storage.objects.list"])
    error_message = "the backup role is create, read, list and delete of objects, nothing more"
  }

  assert {
    condition     = google_storage_bucket_iam_member.backup_objects.bucket == "balena-test-backups"
    error_message = "the role is granted on the backup bucket, not the project"
  }
}

run "kubernetes_service_accounts_are_bound_by_workload_identity" {
  command = plan

  assert {
    condition     = google_service_account_iam_member.api_workload_identity.member == "serviceAccount:balena-test.svc.id.goog[web/balena-api]"
    error_message = "the api's Kubernetes ServiceAccount must be bound to its Google service account"
  }

  assert {
    condition     = google_service_account_iam_member.backup_workload_identity.member == "serviceAccount:balena-test.svc.id.goog[web/balena-backup]"
    error_message = "the backup chart's Kubernetes ServiceAccount must be bound to its Google service account"
  }
}

run "cloud_sql_roles_follow_the_proxy" {
  command = plan

  assert {
    condition     = length(google_project_iam_member.cloudsql) == 4
    error_message = "api and backup both get cloudsql.client and cloudsql.instanceUser"
  }
}

run "without_the_proxy_in_the_backup_jobs_only_the_api_gets_cloud_sql_roles" {
  command = plan

  variables {
    backup_uses_cloud_sql_proxy = false
  }

  assert {
    condition     = length(google_project_iam_member.cloudsql) == 2 && alltrue([for key in keys(google_project_iam_member.cloudsql) : startswith(key, "api ")])
    error_message = "the backup account needs no Cloud SQL role when its jobs do not run the proxy"
  }
}

run "each_kubernetes_service_account_may_act_only_as_its_own_google_account" {
  command = plan

  override_resource {
    target = google_service_account.api
    values = {
      name = "projects/balena-test/serviceAccounts/balena-api@balena-test.iam.gserviceaccount.com"
    }
  }

  override_resource {
    target = google_service_account.backup
    values = {
      name = "projects/balena-test/serviceAccounts/balena-backup@balena-test.iam.gserviceaccount.com"
    }
  }

  assert {
    condition     = google_service_account_iam_member.api_workload_identity.service_account_id == "projects/balena-test/serviceAccounts/balena-api@balena-test.iam.gserviceaccount.com" && google_service_account_iam_member.api_workload_identity.role == "roles/iam.workloadIdentityUser"
    error_message = "the api's Kubernetes ServiceAccount must be a workload identity user of the api's Google account only"
  }

  assert {
    condition     = google_service_account_iam_member.backup_workload_identity.service_account_id == "projects/balena-test/serviceAccounts/balena-backup@balena-test.iam.gserviceaccount.com" && google_service_account_iam_member.backup_workload_identity.role == "roles/iam.workloadIdentityUser"
    error_message = "the backup chart's Kubernetes ServiceAccount must be a workload identity user of the backup's Google account only"
  }
}
