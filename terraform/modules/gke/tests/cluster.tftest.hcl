# Contract of the gke module, planned against a mocked google provider
# (`tofu init && tofu test` in the module's folder; npm test runs it).

mock_provider "google" {}

variables {
  project_id           = "balena-test"
  name                 = "balena"
  region               = "europe-west1"
  zones                = ["europe-west1-b", "europe-west1-c", "europe-west1-d"]
  network_self_link    = "projects/balena-test/global/networks/balena"
  subnetwork_self_link = "projects/balena-test/regions/europe-west1/subnetworks/balena-nodes"
  pods_range_name      = "balena-pods"
  services_range_name  = "balena-services"
  authorized_networks  = [{ cidr_block = "203.0.113.0/24", display_name = "operators" }]
}

run "cluster_is_regional_across_three_zones" {
  command = plan

  assert {
    condition     = google_container_cluster.this.location == "europe-west1"
    error_message = "the cluster's location must be the region (a regional cluster), not a zone"
  }

  assert {
    condition     = length(google_container_cluster.this.node_locations) == 3
    error_message = "the nodes must run in three zones"
  }
}

run "workload_identity_and_dataplane_v2_are_on" {
  command = plan

  assert {
    condition     = google_container_cluster.this.workload_identity_config[0].workload_pool == "balena-test.svc.id.goog"
    error_message = "Workload Identity must use the project's pool"
  }

  assert {
    condition     = google_container_node_pool.default.node_config[0].workload_metadata_config[0].mode == "GKE_METADATA"
    error_message = "nodes must serve the GKE metadata server, or pods get the node's identity"
  }

  assert {
    condition     = google_container_cluster.this.datapath_provider == "ADVANCED_DATAPATH"
    error_message = "Dataplane V2 enforces the charts' NetworkPolicies"
  }
}

run "nodes_are_private_shielded_and_upgrade_by_surge" {
  command = plan

  assert {
    condition     = google_container_cluster.this.private_cluster_config[0].enable_private_nodes
    error_message = "nodes must have no public IPs"
  }

  assert {
    condition     = length(google_container_cluster.this.master_authorized_networks_config[0].cidr_blocks) == 1
    error_message = "only the authorised networks may reach the control plane"
  }

  assert {
    condition     = google_container_cluster.this.enable_shielded_nodes
    error_message = "shielded nodes must be on"
  }

  assert {
    condition     = google_container_node_pool.default.node_config[0].shielded_instance_config[0].enable_secure_boot
    error_message = "nodes must boot with secure boot"
  }

  assert {
    condition     = google_container_node_pool.default.upgrade_settings[0].strategy == "SURGE" && google_container_node_pool.default.upgrade_settings[0].max_unavailable == 0
    error_message = "upgrades must add a node before draining one"
  }

  assert {
    condition     = google_container_node_pool.default.autoscaling[0].total_min_node_count == 3
    error_message = "the pool autoscales from one node per zone"
  }
}

run "gateway_api_is_on_and_managed_collection_off_by_default" {
  command = plan

  assert {
    condition     = google_container_cluster.this.gateway_api_config[0].channel == "CHANNEL_STANDARD"
    error_message = "the Gateway API's standard channel must be on: the ingress chart's gateway mode needs GKE's GatewayClasses"
  }

  assert {
    condition     = google_container_cluster.this.monitoring_config[0].managed_prometheus[0].enabled == false
    error_message = "managed collection must be off by default: the monitoring chart runs its own Prometheus"
  }
}

run "managed_collection_and_the_gateway_channel_follow_their_variables" {
  command = plan

  variables {
    gateway_api_channel = "CHANNEL_DISABLED"
    managed_prometheus  = true
  }

  assert {
    condition     = google_container_cluster.this.gateway_api_config[0].channel == "CHANNEL_DISABLED"
    error_message = "gateway_api_channel must reach the cluster's gateway_api_config"
  }

  assert {
    condition     = google_container_cluster.this.monitoring_config[0].managed_prometheus[0].enabled
    error_message = "managed_prometheus must reach the cluster's monitoring_config"
  }
}

run "an_unknown_gateway_channel_is_refused" {
  command = plan

  variables {
    gateway_api_channel = "STANDARD"
  }

  expect_failures = [var.gateway_api_channel]
}

run "a_zone_is_refused_as_the_location" {
  command = plan

  variables {
    region = "europe-west1-b"
  }

  expect_failures = [var.region]
}

run "two_zones_are_refused" {
  command = plan

  variables {
    zones = ["europe-west1-b", "europe-west1-c"]
  }

  expect_failures = [var.zones]
}
