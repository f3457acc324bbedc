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

# The first call from inside the VPC (the embeddings load during apply) must wait for the endpoints and
# for the security group rules that let the functions reach them and the database.
output "endpoints_ready" {
  description = "Ids of the endpoints and security group rules this module created."
  value = concat(
    [for e in aws_vpc_endpoint.s3 : e.id],
    [for e in aws_vpc_endpoint.interface : e.id],
    [for r in aws_vpc_security_group_egress_rule.lambda_https_s3 : r.id],
    [for r in aws_vpc_security_group_egress_rule.lambda_https_any : r.id],
    [for r in aws_vpc_security_group_ingress_rule.endpoints_https : r.id],
    [
      aws_vpc_security_group_egress_rule.lambda_https_endpoints.id,
      aws_vpc_security_group_egress_rule.lambda_to_database.id,
      aws_vpc_security_group_ingress_rule.database_from_lambda.id,
    ],
  )
}

output "lambda_vpc_access_policy_arn" {
  description = "Managed policy that in-VPC function roles attach."
  value       = aws_iam_policy.lambda_vpc_access.arn
}

output "subnet_availability_zones" {
  description = "Availability zone of each private subnet, by subnet id."
  value       = local.availability_zones
}
