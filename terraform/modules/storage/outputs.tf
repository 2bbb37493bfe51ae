output "name" {
  description = "Bucket name (what gs:// URLs and the backup chart's gcs.bucket use)."
  value       = google_storage_bucket.this.name
}

output "url" {
  description = "gs:// URL of the bucket."
  value       = google_storage_bucket.this.url
}
