output "connection_name" {
  description = "Instance connection name (<project>:<region>:<name>) the Cloud SQL Auth Proxy connects to."
  value       = google_sql_database_instance.this.connection_name
}

output "postgres_version" {
  description = "PostgreSQL major version of the instance (as the backup chart's postgresVersion)."
  value       = trimprefix(google_sql_database_instance.this.database_version, "POSTGRES_")
}

output "database_name" {
  description = "Name of the product's database."
  value       = google_sql_database.this.name
}

output "private_ip_address" {
  description = "Private IP of the instance inside the VPC."
  value       = google_sql_database_instance.this.private_ip_address
}

output "iam_users" {
  description = "PostgreSQL user names of the IAM database users, by the keys of iam_service_accounts (the user part of each DATABASE_URL)."
  value       = { for key, user in google_sql_user.iam : key => user.name }
}
