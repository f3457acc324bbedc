output "datalake_bucket" {
  description = "Data-lake bucket; training data is under ratings-ml-training/."
  value       = module.bucket["datalake"].id
}

output "scripts_bucket" {
  description = "Bucket of the Glue job jar, placeholder script and temporary files."
  value       = module.bucket["scripts"].id
}

output "glue_job_name" {
  description = "Name of the Glue ETL job."
  value       = aws_glue_job.ratings_training.name
}

output "glue_crawler_name" {
  description = "Crawler that catalogs ratings-ml-training (started automatically after a successful job run)."
  value       = aws_glue_crawler.training.name
}

output "glue_catalog_database" {
  description = "Glue Data Catalog database of the training table."
  value       = aws_glue_catalog_database.recommendations.name
}

output "glue_log_groups" {
  description = "Log groups of the job: error (Glue, Spark and log4j logs, so the job's JSON events) and output (its stdout and stderr)."
  value       = { for k, g in aws_cloudwatch_log_group.job : k => g.name }
}
