# Once per project, before envs/production: the APIs the production root uses
# and the versioned bucket that keeps Terraform state (envs/production's
# backend "gcs"). Noncurrent state versions are kept long enough to roll back
# a bad apply.

resource "google_project_service" "this" {
  for_each = toset([
    "compute.googleapis.com",
    "container.googleapis.com",
    "sqladmin.googleapis.com",
    "servicenetworking.googleapis.com",
    "iam.googleapis.com",
    "storage.googleapis.com",
    "cloudresourcemanager.googleapis.com",
  ])

  project = var.project_id
  service = each.value
  # Destroying this root must never switch the product's APIs off.
  disable_on_destroy = false
}

module "state_bucket" {
  source = "../modules/storage"

  project_id          = var.project_id
  name                = "${var.project_id}-tfstate"
  location            = var.state_bucket_location
  retention_days      = null
  noncurrent_days     = var.state_noncurrent_days
  noncurrent_versions = 50
  labels              = { purpose = "terraform-state" }

  depends_on = [google_project_service.this]
}
