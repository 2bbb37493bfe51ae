# A regional GKE Standard cluster: the control plane and nodes span three zones,
# so losing a zone leaves the product serving. Private nodes (no public IPs)
# behind the network module's NAT; the control plane's public endpoint answers
# only the authorised networks. Dataplane V2 enforces the charts'
# NetworkPolicies; Workload Identity gives pods Google identities without keys.

resource "google_container_cluster" "this" {
  project        = var.project_id
  name           = var.name
  location       = var.region
  node_locations = var.zones

  network         = var.network_self_link
  subnetwork      = var.subnetwork_self_link
  networking_mode = "VPC_NATIVE"

  ip_allocation_policy {
    cluster_secondary_range_name  = var.pods_range_name
    services_secondary_range_name = var.services_range_name
  }

  # Node pools are managed below, so they can be changed without replacing the cluster.
  remove_default_node_pool = true
  initial_node_count       = 1

  deletion_protection = var.deletion_protection

  release_channel {
    channel = var.release_channel
  }

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }

  # Dataplane V2 (eBPF): NetworkPolicies are enforced without the Calico add-on.
  datapath_provider = "ADVANCED_DATAPATH"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = var.master_ipv4_cidr_block
  }

  master_authorized_networks_config {
    dynamic "cidr_blocks" {
      for_each = var.authorized_networks
      content {
        cidr_block   = cidr_blocks.value.cidr_block
        display_name = cidr_blocks.value.display_name
      }
    }
  }

  enable_shielded_nodes = true

  # The GatewayClasses (gke-l7-global-external-managed, …) the ingress chart's
  # gateway mode attaches to exist only when the Gateway API is on.
  gateway_api_config {
    channel = var.gateway_api_channel
  }

  # Google Cloud Managed Service for Prometheus: its collectors run on every
  # node when on. Off by default: the monitoring chart runs its own Prometheus.
  monitoring_config {
    managed_prometheus {
      enabled = var.managed_prometheus
    }
  }

  addons_config {
    horizontal_pod_autoscaling {
      disabled = false
    }
    http_load_balancing {
      disabled = false
    }
  }

  # Automatic upgrades happen inside this window only; surge settings on the
  # node pool and the charts' PodDisruptionBudgets keep the product serving.
  maintenance_policy {
    recurring_window {
      start_time = var.maintenance_window.start_time
      end_time   = var.maintenance_window.end_time
      recurrence = var.maintenance_window.recurrence
    }
  }

  resource_labels = var.labels
}

# The nodes' own identity: only what the kubelet and the logging and
# monitoring agents need, instead of the Compute Engine default account.
resource "google_service_account" "nodes" {
  project      = var.project_id
  account_id   = "${var.name}-nodes"
  display_name = "GKE nodes of ${var.name}"
}

resource "google_project_iam_member" "nodes" {
  for_each = toset([
    # Logging, monitoring and metadata writes: what GKE's own agents need.
    "roles/container.defaultNodeServiceAccount",
    # Pulling the product's images from Artifact Registry.
    "roles/artifactregistry.reader",
  ])

  project = var.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.nodes.email}"
}

resource "google_container_node_pool" "default" {
  project  = var.project_id
  name     = "${var.name}-default"
  cluster  = google_container_cluster.this.id
  location = var.region

  autoscaling {
    # Totals across the three zones; BALANCED keeps the zones even.
    total_min_node_count = var.node_pool.min_nodes
    total_max_node_count = var.node_pool.max_nodes
    location_policy      = "BALANCED"
  }

  initial_node_count = ceil(var.node_pool.min_nodes / length(var.zones))

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  # Surge upgrades: a new node joins before an old one is drained, so
  # capacity never drops during an upgrade.
  upgrade_settings {
    strategy        = "SURGE"
    max_surge       = var.node_pool.max_surge
    max_unavailable = 0
  }

  node_config {
    machine_type    = var.node_pool.machine_type
    disk_type       = "pd-balanced"
    disk_size_gb    = var.node_pool.disk_size_gb
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    labels          = var.labels

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }

  lifecycle {
    # The autoscaler owns the node count after creation.
    ignore_changes = [initial_node_count]
  }
}
