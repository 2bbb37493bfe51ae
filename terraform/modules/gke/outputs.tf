output "name" {
  description = "Cluster name, for gcloud container clusters get-credentials."
  value       = google_container_cluster.this.name
}

output "location" {
  description = "Cluster location: the region, since the cluster is regional."
  value       = google_container_cluster.this.location
}

output "workload_pool" {
  description = "The Workload Identity pool (<project>.svc.id.goog); it exists once the cluster does, so IAM bindings that name it must wait for this output."
  value       = google_container_cluster.this.workload_identity_config[0].workload_pool
}

output "endpoint" {
  description = "Public endpoint of the control plane (reachable from the authorised networks only)."
  value       = google_container_cluster.this.endpoint
}

output "node_service_account_email" {
  description = "Service account the nodes run as."
  value       = google_service_account.nodes.email
}

output "gateway_api_channel" {
  description = "Gateway API channel of the cluster; CHANNEL_DISABLED means no GatewayClass, so the ingress chart must run in ingress mode."
  value       = var.gateway_api_channel
}

output "managed_prometheus" {
  description = "Whether Managed Service for Prometheus collects on the cluster."
  value       = var.managed_prometheus
}
