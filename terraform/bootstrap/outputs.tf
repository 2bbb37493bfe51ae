output "state_bucket" {
  description = "Bucket for Terraform state: the bucket of envs/production's backend \"gcs\" block."
  value       = module.state_bucket.name
}
