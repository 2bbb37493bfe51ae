terraform {
  required_version = ">= 1.7.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 7.0.0, < 8.0.0"
    }
  }

  # The bucket terraform/bootstrap creates (<project_id>-tfstate). Another
  # project's bucket: tofu init -backend-config=bucket=<project>-tfstate
  backend "gcs" {
    bucket = "balena-prod-tfstate"
    prefix = "envs/production"
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}
