variable "project_id" {
  description = "Google Cloud project the cluster is created in; its Workload Identity pool is <project_id>.svc.id.goog."
  type        = string
}

variable "name" {
  description = "Cluster name; the node pool and the nodes' service account are named after it."
  type        = string

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,22}[a-z0-9])?$", var.name))
    error_message = "name must be a lower-case RFC 1035 label of at most 24 characters (the nodes' service account id adds -nodes and may not exceed 30)."
  }
}

variable "region" {
  description = "Region of the cluster: a regional cluster has its control plane replicated across the region's zones."
  type        = string

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a region such as europe-west1, not a zone: the cluster is regional."
  }
}

variable "zones" {
  description = "The three zones of the region the nodes run in."
  type        = list(string)

  validation {
    condition     = length(var.zones) == 3 && length(distinct(var.zones)) == 3
    error_message = "zones must list three different zones."
  }
}

variable "network_self_link" {
  description = "VPC the cluster is attached to (network module)."
  type        = string
}

variable "subnetwork_self_link" {
  description = "Subnet the nodes get their addresses from (network module)."
  type        = string
}

variable "pods_range_name" {
  description = "Secondary range of the subnet for pod IPs."
  type        = string
}

variable "services_range_name" {
  description = "Secondary range of the subnet for Service IPs."
  type        = string
}

variable "master_ipv4_cidr_block" {
  description = "A /28 for the control plane's private endpoint, for a cluster that reaches it by VPC peering; null (the default) lets GKE use Private Service Connect, which needs none."
  type        = string
  default     = null

  validation {
    # try(): both sides of || are evaluated, and a null CIDR makes the right one an error.
    condition     = var.master_ipv4_cidr_block == null || try(can(cidrhost(var.master_ipv4_cidr_block, 0)) && endswith(var.master_ipv4_cidr_block, "/28"), false)
    error_message = "master_ipv4_cidr_block must be a /28, such as 172.16.0.0/28, or null."
  }
}

variable "authorized_networks" {
  description = "Networks allowed to reach the control plane's public endpoint (kubectl, helm, CI); an empty list admits nobody from outside Google Cloud."
  type = list(object({
    cidr_block   = string
    display_name = string
  }))
  default = []

  validation {
    condition     = alltrue([for network in var.authorized_networks : can(cidrhost(network.cidr_block, 0))])
    error_message = "every authorized_networks entry needs a CIDR block, such as 203.0.113.0/24."
  }
}

variable "release_channel" {
  description = "GKE release channel: how early the cluster gets new Kubernetes versions."
  type        = string
  default     = "REGULAR"

  validation {
    condition     = contains(["RAPID", "REGULAR", "STABLE", "EXTENDED"], var.release_channel)
    error_message = "release_channel must be RAPID, REGULAR, STABLE or EXTENDED."
  }
}

variable "gateway_api_channel" {
  description = "Gateway API on the cluster: CHANNEL_STANDARD installs the standard CRDs and GKE's GatewayClasses, which the ingress chart's gateway mode needs; CHANNEL_DISABLED leaves them out."
  type        = string
  default     = "CHANNEL_STANDARD"

  validation {
    condition     = contains(["CHANNEL_STANDARD", "CHANNEL_EXPERIMENTAL", "CHANNEL_DISABLED"], var.gateway_api_channel)
    error_message = "gateway_api_channel must be CHANNEL_STANDARD, CHANNEL_EXPERIMENTAL or CHANNEL_DISABLED."
  }
}

variable "managed_prometheus" {
  description = "Managed collection of Google Cloud Managed Service for Prometheus (collectors on every node, reading PodMonitoring objects). Off: the monitoring chart runs its own Prometheus."
  type        = bool
  default     = false
}

variable "maintenance_window" {
  description = "When GKE may upgrade the control plane and nodes (RFC 3339 times, RFC 5545 recurrence); at least 48 hours in any 32 days."
  type = object({
    start_time = string
    end_time   = string
    recurrence = string
  })
  default = {
    start_time = "2026-01-03T02:00:00Z"
    end_time   = "2026-01-03T08:00:00Z"
    recurrence = "FREQ=WEEKLY;BYDAY=SA,SU"
  }
}

variable "node_pool" {
  description = "The node pool: machine type, disk size, autoscaling bounds (totals across the three zones) and how many extra nodes a surge upgrade may add."
  type = object({
    machine_type = string
    disk_size_gb = number
    min_nodes    = number
    max_nodes    = number
    max_surge    = number
  })
  default = {
    machine_type = "e2-standard-4"
    disk_size_gb = 100
    min_nodes    = 3
    max_nodes    = 12
    max_surge    = 1
  }

  validation {
    condition     = var.node_pool.min_nodes >= 3 && var.node_pool.max_nodes >= var.node_pool.min_nodes
    error_message = "node_pool.min_nodes must be at least 3 (one per zone) and max_nodes at least min_nodes."
  }

  validation {
    condition     = var.node_pool.max_surge >= 1
    error_message = "node_pool.max_surge must be at least 1: with max_unavailable 0, a surge upgrade needs room for a new node."
  }
}

variable "deletion_protection" {
  description = "Refuse `destroy` and replacements of the cluster."
  type        = bool
  default     = true
}

variable "labels" {
  description = "Labels put on the cluster and its nodes."
  type        = map(string)
  default     = {}
}
