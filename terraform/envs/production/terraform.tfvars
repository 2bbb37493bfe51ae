# Production (environments/production.ts uses the same project and region).
project_id = "balena-prod"
region     = "europe-west1"
zones      = ["europe-west1-b", "europe-west1-c", "europe-west1-d"]

# Who may reach the control plane: replace with the operators' and CI's ranges.
authorized_networks = [
  { cidr_block = "203.0.113.0/24", display_name = "operators" },
]
