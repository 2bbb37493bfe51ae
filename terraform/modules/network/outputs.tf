output "network_self_link" {
  description = "Self link of the VPC, for the GKE cluster."
  value       = google_compute_network.this.self_link
}

output "subnetwork_self_link" {
  description = "Self link of the nodes' subnet, for the GKE cluster."
  value       = google_compute_subnetwork.nodes.self_link
}

output "pods_range_name" {
  description = "Name of the subnet's secondary range for pods."
  value       = google_compute_subnetwork.nodes.secondary_ip_range[0].range_name
}

output "services_range_name" {
  description = "Name of the subnet's secondary range for Services."
  value       = google_compute_subnetwork.nodes.secondary_ip_range[1].range_name
}

output "private_network_id" {
  description = "ID of the VPC (projects/<project>/global/networks/<name>), known only once private service access is connected: Cloud SQL's private_network."
  value       = google_compute_network.this.id

  # A Cloud SQL instance with a private IP fails to create before the peering exists.
  depends_on = [google_service_networking_connection.private_services]
}
