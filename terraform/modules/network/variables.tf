variable "project_id" {
  description = "Google Cloud project the network is created in."
  type        = string
}

variable "name" {
  description = "Name of the VPC; its subnet, router, NAT and ranges are named after it."
  type        = string

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,40}[a-z0-9])?$", var.name))
    error_message = "name must be a lower-case RFC 1035 label of at most 42 characters (suffixes are added to it)."
  }
}

variable "region" {
  description = "Region of the subnet, router and NAT (the cluster's region)."
  type        = string
}

variable "nodes_cidr" {
  description = "Primary range of the subnet: one address per node."
  type        = string
  default     = "10.10.0.0/20"

  validation {
    condition     = can(cidrhost(var.nodes_cidr, 0))
    error_message = "nodes_cidr must be a CIDR block such as 10.10.0.0/20."
  }
}

variable "pods_cidr" {
  description = "Secondary range for pod IPs (GKE gives each node a /24 of it by default)."
  type        = string
  default     = "10.20.0.0/16"

  validation {
    condition     = can(cidrhost(var.pods_cidr, 0))
    error_message = "pods_cidr must be a CIDR block such as 10.20.0.0/16."
  }
}

variable "services_cidr" {
  description = "Secondary range for Service cluster IPs."
  type        = string
  default     = "10.30.0.0/20"

  validation {
    condition     = can(cidrhost(var.services_cidr, 0))
    error_message = "services_cidr must be a CIDR block such as 10.30.0.0/20."
  }
}

variable "private_services_cidr" {
  description = "Range reserved for private service access (Cloud SQL's private IP is taken from it); /24 or larger."
  type        = string
  default     = "10.40.0.0/20"

  validation {
    condition     = can(cidrhost(var.private_services_cidr, 0)) && tonumber(split("/", var.private_services_cidr)[1]) <= 24
    error_message = "private_services_cidr must be a CIDR block of /24 or larger, such as 10.40.0.0/20."
  }
}
