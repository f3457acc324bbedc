output "lambda_security_group_id" {
  description = "Security group of the in-VPC functions."
  value       = aws_security_group.lambda.id
}

output "database_security_group_id" {
  description = "Security group of the vector database."
  value       = aws_security_group.database.id
}

output "glue_security_group_id" {
  description = "Security group of the Glue connection."
  value       = aws_security_group.glue.id
}

# Functions and the Glue job must not start before their endpoints exist, or their first AWS call
# times out; depending on this output expresses that.
output "endpoints_ready" {
  description = "Ids of the endpoints this module created."
  value       = concat([for e in aws_vpc_endpoint.s3 : e.id], [for e in aws_vpc_endpoint.interface : e.id])
}

output "lambda_vpc_access_policy_arn" {
  description = "Managed policy that in-VPC function roles attach."
  value       = aws_iam_policy.lambda_vpc_access.arn
}
