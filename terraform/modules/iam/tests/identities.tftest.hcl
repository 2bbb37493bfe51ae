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

run "without_gmp_frontend_there_is_no_gmp_identity" {
  command = plan

  assert {
    condition     = length(google_service_account.gmp_frontend) == 0 && length(google_project_iam_member.gmp_frontend_monitoring_viewer) == 0 && length(google_service_account_iam_member.gmp_frontend_workload_identity) == 0
    error_message = "gmp_frontend defaults to off: no account, no monitoring.viewer grant, no binding"
  }

  assert {
    condition     = output.gmp_frontend_service_account_email == null
    error_message = "without gmp_frontend there is no email to annotate with"
  }
}

run "gmp_frontend_may_read_monitoring_and_is_bound_by_workload_identity" {
  command = plan

  variables {
    gmp_frontend                            = true
    gmp_frontend_kubernetes_service_account = "balena-monitoring-gmp-frontend"
  }

  override_resource {
    target = google_service_account.gmp_frontend
    values = {
      email = "balena-gmp@balena-test.iam.gserviceaccount.com"
      name  = "projects/balena-test/serviceAccounts/balena-gmp@balena-test.iam.gserviceaccount.com"
    }
  }

  assert {
    condition     = google_service_account.gmp_frontend[0].account_id == "balena-gmp"
    error_message = "the frontend's account is <name>-gmp"
  }

  assert {
    condition     = google_project_iam_member.gmp_frontend_monitoring_viewer[0].role == "roles/monitoring.viewer" && google_project_iam_member.gmp_frontend_monitoring_viewer[0].project == "balena-test" && google_project_iam_member.gmp_frontend_monitoring_viewer[0].member == "serviceAccount:balena-gmp@balena-test.iam.gserviceaccount.com"
    error_message = "the frontend's account gets monitoring.viewer on the project, nothing more"
  }

  assert {
    condition     = google_service_account_iam_member.gmp_frontend_workload_identity[0].member == "serviceAccount:balena-test.svc.id.goog[web/balena-monitoring-gmp-frontend]" && google_service_account_iam_member.gmp_frontend_workload_identity[0].role == "roles/iam.workloadIdentityUser" && google_service_account_iam_member.gmp_frontend_workload_identity[0].service_account_id == "projects/balena-test/serviceAccounts/balena-gmp@balena-test.iam.gserviceaccount.com"
    error_message = "the frontend's Kubernetes ServiceAccount must be a workload identity user of the frontend's Google account only"
  }

  assert {
    condition     = length(google_project_iam_member.cloudsql) == 4 && alltrue([for grant in google_project_iam_member.cloudsql : grant.member != "serviceAccount:balena-gmp@balena-test.iam.gserviceaccount.com"])
    error_message = "the frontend gets no Cloud SQL role"
  }

  assert {
    condition     = output.gmp_frontend_service_account_email == "balena-gmp@balena-test.iam.gserviceaccount.com"
    error_message = "the output is the email the chart puts on the frontend's Kubernetes ServiceAccount"
  }
}

run "gmp_frontend_without_its_kubernetes_service_account_is_refused" {
  command = plan

  variables {
    gmp_frontend = true
  }

  expect_failures = [google_service_account_iam_member.gmp_frontend_workload_identity]
}
