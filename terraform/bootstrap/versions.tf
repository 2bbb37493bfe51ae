terraform {
  required_version = ">= 1.7.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 7.0.0, < 8.0.0"
    }
  }

  # Local state: the bucket this root creates cannot hold the state that
  # creates it. Run it once per project, then move its state into the bucket
  # (add a backend "gcs" block with prefix "bootstrap" and run
  # `tofu init -migrate-state`) or keep it with the project's admins.
}

provider "google" {
  project = var.project_id
  region  = var.region
}
