output "jdbc_url" {
  description = "JDBC URL of the vector database (TLS required)."
  value       = local.jdbc_url
}

output "address" {
  description = "Host name of the vector database."
  value       = aws_db_instance.this.address
}

output "instance_identifier" {
  description = "DB instance identifier of the vector database (the DBInstanceIdentifier dimension of its CloudWatch metrics)."
  value       = aws_db_instance.this.identifier
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed secret with the master credentials (the ARN only, never the value)."
  value       = local.secret_arn
}

output "artifacts_uri" {
  description = "s3:// URI of the ML artifacts folder."
  value       = local.artifacts_uri
}

output "loader_function_name" {
  description = "Name of the embeddings-loader function."
  value       = aws_lambda_function.loader.function_name
}

output "loader_log_group" {
  description = "Log group of the embeddings-loader function."
  value       = aws_cloudwatch_log_group.loader.name
}

# The loader's answer can name row counts and versions; it is marked sensitive anyway because it is
# free-form text from a function.
output "load_result" {
  description = "What the last load returned."
  value       = aws_lambda_invocation.load_embeddings.result
  sensitive   = true
}

output "loaded_manifest_etag" {
  description = "ETag of the manifest.json the last load used; known only once that load has succeeded."
  value       = aws_lambda_invocation.load_embeddings.triggers["manifest_etag"]
}
