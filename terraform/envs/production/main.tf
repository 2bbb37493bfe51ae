# Production on GKE: the network, a regional cluster, Cloud SQL, the backup
# bucket and the workload identities. Its outputs are what the umbrella chart
# needs from Google Cloud; `scripts/values-from-terraform.ts` turns them into
# a values file, checked against the umbrella's schema (see README).

locals {
  labels = merge({ product = var.name, environment = "production" }, var.labels)
}

module "network" {
  source = "../../modules/network"

  project_id = var.project_id
  name       = var.name
  region     = var.region
}

module "gke" {
  source = "../../modules/gke"

  project_id           = var.project_id
  name                 = var.name
  region               = var.region
  zones                = var.zones
  network_self_link    = module.network.network_self_link
  subnetwork_self_link = module.network.subnetwork_self_link
  pods_range_name      = module.network.pods_range_name
  services_range_name  = module.network.services_range_name
  authorized_networks  = var.authorized_networks
  release_channel      = var.release_channel
  gateway_api_channel  = var.gateway_api_channel
  managed_prometheus   = var.managed_prometheus
  node_pool            = var.node_pool
  deletion_protection  = var.deletion_protection
  labels               = local.labels
}

module "backup_bucket" {
  source = "../../modules/storage"

  project_id     = var.project_id
  name           = "${var.project_id}-${var.name}-backups"
  location       = var.backup_bucket_location
  retention_days = var.backup_retention_days
  # Pruned dumps and replaced `latest` pointers stay restorable for a week.
  noncurrent_days     = 7
  noncurrent_versions = 7
  labels              = local.labels
}

module "iam" {
  source = "../../modules/iam"

  project_id                        = var.project_id
  name                              = var.name
  workload_pool                     = module.gke.workload_pool
  kubernetes_namespace              = var.kubernetes_namespace
  api_kubernetes_service_account    = var.api_kubernetes_service_account
  backup_kubernetes_service_account = var.backup_kubernetes_service_account
  backup_bucket                     = module.backup_bucket.name
  backup_uses_cloud_sql_proxy       = var.backup_uses_cloud_sql_proxy
  # Follows managed collection rather than a variable of its own: the bridge
  # switches the monitoring chart to gmp exactly when managed_prometheus is
  # on, so the frontend's identity must exist exactly then.
  gmp_frontend                            = module.gke.managed_prometheus
  gmp_frontend_kubernetes_service_account = var.gmp_frontend_kubernetes_service_account
}

module "cloudsql" {
  source = "../../modules/cloudsql"

  project_id          = var.project_id
  name                = var.name
  region              = var.region
  postgres_version    = var.postgres_version
  tier                = var.sql_tier
  private_network_id  = module.network.private_network_id
  deletion_protection = var.deletion_protection
  labels              = local.labels
  iam_service_accounts = merge(
    { api = module.iam.api_service_account_email },
    var.backup_uses_cloud_sql_proxy ? { backup = module.iam.backup_service_account_email } : {},
  )
}
