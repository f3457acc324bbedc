# Everything an operator needs after apply, including commands ready to paste. No output holds a
# secret: the database credentials are only referenced by their secret's ARN.

locals {
  log_groups = {
    inference       = module.streaming_inference.log_groups["inference"]
    inference_http  = module.streaming_inference.log_groups["inference_http"]
    transformation  = module.streaming_inference.log_groups["transformation"]
    firehose        = module.streaming_inference.log_groups["firehose"]
    loader          = module.vector_db.loader_log_group
    glue_job        = module.etl.glue_log_groups["error"]
    glue_job_output = module.etl.glue_log_groups["output"]
  }
}

output "buckets" {
  description = "Bucket names: data lake (ETL output), Glue scripts, function code, recommendations (Firehose output)."
  value = {
    datalake        = module.etl.datalake_bucket
    glue_scripts    = module.etl.scripts_bucket
    code            = module.code_bucket.id
    recommendations = module.streaming_inference.recommendations_bucket
  }
}

output "function_names" {
  description = "Lambda function names: inference (batch, called by transformation), inference_http (the Function URL), transformation (the Firehose processor), loader."
  value = {
    inference      = module.streaming_inference.inference_function_name
    inference_http = module.streaming_inference.inference_http_function_name
    transformation = module.streaming_inference.transformation_function_name
    loader         = module.vector_db.loader_function_name
  }
}

output "log_groups" {
  description = "CloudWatch log group of each component; glue_job holds the job's JSON events, glue_job_output its stdout."
  value       = local.log_groups
}

output "tail_logs_commands" {
  description = "Follow a component's logs."
  value       = { for k, g in local.log_groups : k => format("aws logs tail %s --follow --region %s", g, var.region) }
}

output "dashboard_name" {
  description = "CloudWatch dashboard of the pipeline."
  value       = aws_cloudwatch_dashboard.main.dashboard_name
}

output "dashboard_url" {
  description = "Console URL of the CloudWatch dashboard."
  value       = "https://${data.aws_region.current.name}.console.aws.amazon.com/cloudwatch/home?region=${data.aws_region.current.name}#dashboards:name=${aws_cloudwatch_dashboard.main.dashboard_name}"
}

output "logs_insights_queries" {
  description = "Saved Logs Insights queries: the saved name (under <project>/ in the console), the log groups each runs over and its text, ready to paste."
  value = {
    for k, q in aws_cloudwatch_query_definition.this : k => {
      name       = q.name
      log_groups = q.log_group_names
      query      = q.query_string
    }
  }
}

output "inference_function_url" {
  description = "Function URL of the HTTP routes; IAM auth, so sign requests with SigV4 (e.g. awscurl --service lambda)."
  value       = module.streaming_inference.inference_function_url
}

output "firehose_name" {
  description = "Firehose stream reading the Kinesis stream and writing recommendations/."
  value       = module.streaming_inference.firehose_name
}

output "glue_job_name" {
  description = "Glue ETL job name."
  value       = module.etl.glue_job_name
}

output "glue_start_job_run_command" {
  description = "Run the ETL job; a successful run starts the crawler that catalogs ratings-ml-training."
  value       = "aws glue start-job-run --job-name ${module.etl.glue_job_name} --region ${var.region}"
}

output "glue_catalog_database" {
  description = "Glue Data Catalog database of the training table."
  value       = module.etl.glue_catalog_database
}

output "vector_db_address" {
  description = "Host of the vector database (private subnets only)."
  value       = module.vector_db.address
}

output "vector_db_secret_arn" {
  description = "ARN of the RDS-managed secret holding the database credentials (read it with aws secretsmanager get-secret-value when needed)."
  value       = module.vector_db.master_user_secret_arn
}

output "reload_embeddings_command" {
  description = "Re-run the embeddings load by hand (terraform apply does it when manifest.json changes)."
  value       = "aws lambda invoke --function-name ${module.vector_db.loader_function_name} --cli-binary-format raw-in-base64-out --payload '{\"source\":\"cli\"}' --cli-read-timeout 900 --region ${var.region} /dev/stdout"
}

output "embeddings_load_result" {
  description = "Response of the last embeddings load."
  value       = module.vector_db.load_result
  sensitive   = true
}
