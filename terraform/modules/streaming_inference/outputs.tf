output "recommendations_bucket" {
  description = "Bucket of the enriched records (recommendations/) and rejected ones (processing-failed/)."
  value       = module.recommendations_bucket.id
}

output "firehose_name" {
  description = "Name of the Firehose stream."
  value       = aws_kinesis_firehose_delivery_stream.recommendations.name
}

output "inference_function_name" {
  description = "Name of the batch inference function (invoked by the transformation function)."
  value       = aws_lambda_function.inference.function_name
}

output "inference_alias_arn" {
  description = "ARN of the batch inference function's live alias (what the transformation function invokes)."
  value       = aws_lambda_alias.inference_live.arn
}

output "inference_http_function_name" {
  description = "Name of the HTTP inference function (behind the Function URL)."
  value       = aws_lambda_function.inference_http.function_name
}

output "inference_function_url" {
  description = "Function URL of the inference HTTP routes (IAM auth: sign requests with SigV4)."
  value       = aws_lambda_function_url.inference.function_url
}

output "transformation_function_name" {
  description = "Name of the transformation function."
  value       = aws_lambda_function.transformation.function_name
}

output "transformation_alias_arn" {
  description = "ARN of the transformation function's live alias (what Firehose invokes)."
  value       = aws_lambda_alias.transformation_live.arn
}

output "live_alias_resources" {
  description = "<function>:<alias> of each function's live alias: the Resource dimension of per-alias Lambda metrics (provisioned concurrency)."
  value = {
    inference      = "${aws_lambda_alias.inference_live.function_name}:${aws_lambda_alias.inference_live.name}"
    inference_http = "${aws_lambda_alias.inference_http_live.function_name}:${aws_lambda_alias.inference_http_live.name}"
    transformation = "${aws_lambda_alias.transformation_live.function_name}:${aws_lambda_alias.transformation_live.name}"
  }
}

output "log_groups" {
  description = "Log groups by component."
  value       = { for k, g in aws_cloudwatch_log_group.this : k => g.name }
}
