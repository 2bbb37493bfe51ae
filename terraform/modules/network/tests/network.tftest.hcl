# Contract of the network module, planned against a mocked google provider
# (`tofu init && tofu test` in the module's folder; npm test runs it).

mock_provider "google" {}

variables {
  project_id = "balena-test"
  name       = "balena"
  region     = "europe-west1"
}

run "subnet_has_pod_and_service_ranges_and_private_google_access" {
  command = plan

  assert {
    condition     = [for range in google_compute_subnetwork.nodes.secondary_ip_range : range.range_name] == ["balena-pods", "balena-services"]
    error_message = "the subnet needs secondary ranges for pods and Services (VPC-native GKE)"
  }

  assert {
    condition     = google_compute_subnetwork.nodes.private_ip_google_access
    error_message = "private nodes must reach Google APIs"
  }
}

run "private_nodes_get_out_through_nat_and_cloud_sql_through_peering" {
  command = plan

  assert {
    condition     = google_compute_router_nat.this.source_subnetwork_ip_ranges_to_nat == "ALL_SUBNETWORKS_ALL_IP_RANGES"
    error_message = "every range of the subnet must be NATed"
  }

  assert {
    condition     = google_compute_global_address.private_services.purpose == "VPC_PEERING" && google_compute_global_address.private_services.prefix_length == 20
    error_message = "private service access needs a VPC_PEERING range"
  }

  assert {
    condition     = google_service_networking_connection.private_services.service == "servicenetworking.googleapis.com"
    error_message = "Cloud SQL's private IP comes through the service networking peering"
  }
}

run "a_range_smaller_than_24_is_refused_for_private_services" {
  command = plan

  variables {
    private_services_cidr = "10.40.0.0/28"
  }

  expect_failures = [var.private_services_cidr]
}
