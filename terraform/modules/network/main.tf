# Security groups and VPC endpoints. The functions and the Glue job live in private subnets with no NAT:
# every AWS API they call is reached through an endpoint created here. Lambda logs need no endpoint
# (the Lambda service ships them), but Glue's driver writes its logs and metrics itself.

data "aws_region" "current" {}

data "aws_vpc" "this" {
  id = var.vpc_id
}

data "aws_subnet" "private" {
  for_each = toset(var.private_subnet_ids)
  id       = each.value
}

# The S3 gateway endpoint goes on the route tables of the subnets: the one a subnet is explicitly
# associated with, else the VPC's main route table (which every other subnet uses implicitly).
data "aws_route_tables" "explicit" {
  for_each = var.create_vpc_endpoints ? toset(var.private_subnet_ids) : toset([])
  vpc_id   = var.vpc_id

  filter {
    name   = "association.subnet-id"
    values = [each.value]
  }
}

data "aws_route_tables" "main" {
  count  = var.create_vpc_endpoints ? 1 : 0
  vpc_id = var.vpc_id

  filter {
    name   = "association.main"
    values = ["true"]
  }
}

locals {
  route_table_ids = distinct(flatten([
    for id, explicit in data.aws_route_tables.explicit : length(explicit.ids) > 0 ? explicit.ids : data.aws_route_tables.main[0].ids
  ]))

  availability_zones = { for id, subnet in data.aws_subnet.private : id => subnet.availability_zone }

  # An interface endpoint takes at most one subnet per availability zone: the first subnet given in each.
  endpoint_subnet_ids = [for az, ids in { for id in var.private_subnet_ids : local.availability_zones[id] => id... } : ids[0]]
}

# --- Security groups --------------------------------------------------------------------------------------

resource "aws_security_group" "lambda" {
  name        = "${var.name_prefix}-lambda"
  description = "Inference and embeddings-loader functions"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "database" {
  name        = "${var.name_prefix}-vector-db"
  description = "PostgreSQL vector database: reachable only from the functions"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "glue" {
  name        = "${var.name_prefix}-glue"
  description = "Glue ETL job ENIs"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "endpoints" {
  name        = "${var.name_prefix}-vpc-endpoints"
  description = "Interface VPC endpoints: HTTPS from the functions and the Glue job"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "database_from_lambda" {
  security_group_id            = aws_security_group.database.id
  referenced_security_group_id = aws_security_group.lambda.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL from the functions"
}

resource "aws_vpc_security_group_egress_rule" "lambda_to_database" {
  security_group_id            = aws_security_group.lambda.id
  referenced_security_group_id = aws_security_group.database.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL"
}

# HTTPS egress goes to the interface endpoints (VPC CIDR) and to the S3 gateway endpoint, whose
# addresses are the S3 prefix list. Only these two destinations exist without a NAT anyway.
resource "aws_vpc_security_group_egress_rule" "lambda_https_endpoints" {
  security_group_id            = aws_security_group.lambda.id
  referenced_security_group_id = aws_security_group.endpoints.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  description                  = "AWS APIs through interface endpoints"
}

resource "aws_vpc_security_group_egress_rule" "lambda_https_s3" {
  count             = var.create_vpc_endpoints ? 1 : 0
  security_group_id = aws_security_group.lambda.id
  prefix_list_id    = aws_vpc_endpoint.s3[0].prefix_list_id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "S3 through the gateway endpoint"
}

# Without our own endpoints (the VPC already has them, or a NAT), allow HTTPS anywhere instead.
resource "aws_vpc_security_group_egress_rule" "lambda_https_any" {
  count             = var.create_vpc_endpoints ? 0 : 1
  security_group_id = aws_security_group.lambda.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "AWS APIs through existing VPC endpoints or a NAT gateway"
}

# Glue requires its security group to allow all TCP from itself: the driver and executors talk to
# each other on arbitrary ports.
resource "aws_vpc_security_group_ingress_rule" "glue_self" {
  security_group_id            = aws_security_group.glue.id
  referenced_security_group_id = aws_security_group.glue.id
  ip_protocol                  = "tcp"
  from_port                    = 0
  to_port                      = 65535
  description                  = "Glue driver and executors"
}

resource "aws_vpc_security_group_egress_rule" "glue_self" {
  security_group_id            = aws_security_group.glue.id
  referenced_security_group_id = aws_security_group.glue.id
  ip_protocol                  = "tcp"
  from_port                    = 0
  to_port                      = 65535
  description                  = "Glue driver and executors"
}

resource "aws_vpc_security_group_egress_rule" "glue_mysql" {
  security_group_id = aws_security_group.glue.id
  cidr_ipv4         = var.source_mysql_cidr != null ? var.source_mysql_cidr : data.aws_vpc.this.cidr_block
  ip_protocol       = "tcp"
  from_port         = var.source_mysql_port
  to_port           = var.source_mysql_port
  description       = "Source MySQL"
}

resource "aws_vpc_security_group_egress_rule" "glue_https" {
  security_group_id = aws_security_group.glue.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "S3, Secrets Manager, Glue, CloudWatch through the VPC endpoints"
}

# Opens the source database to the Glue job when its security group is given, so no console edit is
# needed; leave the variable null when the database's rules are managed elsewhere.
resource "aws_vpc_security_group_ingress_rule" "mysql_from_glue" {
  count                        = var.source_mysql_security_group_id == null ? 0 : 1
  security_group_id            = var.source_mysql_security_group_id
  referenced_security_group_id = aws_security_group.glue.id
  ip_protocol                  = "tcp"
  from_port                    = var.source_mysql_port
  to_port                      = var.source_mysql_port
  description                  = "${var.name_prefix} Glue ETL job"
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  for_each = {
    lambda = aws_security_group.lambda.id
    glue   = aws_security_group.glue.id
  }
  security_group_id            = aws_security_group.endpoints.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  description                  = "HTTPS from the ${each.key} security group"
}

# --- VPC endpoints ----------------------------------------------------------------------------------------

resource "aws_vpc_endpoint" "s3" {
  count             = var.create_vpc_endpoints ? 1 : 0
  vpc_id            = var.vpc_id
  service_name      = "com.amazonaws.${data.aws_region.current.name}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = local.route_table_ids
  tags = {
    Name = "${var.name_prefix}-s3"
  }
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = var.create_vpc_endpoints ? toset(var.interface_endpoint_services) : toset([])
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.${data.aws_region.current.name}.${each.value}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = local.endpoint_subnet_ids
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
  tags = {
    Name = "${var.name_prefix}-${each.value}"
  }

  lifecycle {
    # Private DNS names make the SDKs' default endpoints resolve to these interfaces; AWS refuses them
    # (after creating nothing useful) in a VPC without both attributes.
    precondition {
      condition     = data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames
      error_message = "VPC ${var.vpc_id} must have DNS resolution and DNS hostnames enabled for the interface endpoints' private DNS names: run aws ec2 modify-vpc-attribute --vpc-id ${var.vpc_id} --enable-dns-support Value=true, then the same with --enable-dns-hostnames Value=true. Or set create_vpc_endpoints = false when the VPC already reaches these services."
    }
  }
}

# --- IAM for in-VPC functions -----------------------------------------------------------------------------

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  ec2_arn = "arn:${data.aws_partition.current.partition}:ec2:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}"
}

# What Lambda needs to attach a function to the VPC, scoped to these subnets and this security group
# where EC2 supports resource-level permissions (Describe* does not).
resource "aws_iam_policy" "lambda_vpc_access" {
  name        = "${var.name_prefix}-lambda-vpc-access"
  description = "Attach ${var.name_prefix} functions to the private subnets"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DescribeNetworkInterfaces"
        Effect   = "Allow"
        Action   = ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"]
        Resource = "*"
      },
      {
        Sid    = "CreateNetworkInterfaces"
        Effect = "Allow"
        Action = "ec2:CreateNetworkInterface"
        Resource = concat(
          ["${local.ec2_arn}:network-interface/*", "${local.ec2_arn}:security-group/${aws_security_group.lambda.id}"],
          [for id in var.private_subnet_ids : "${local.ec2_arn}:subnet/${id}"],
        )
      },
      {
        Sid      = "ManageNetworkInterfaces"
        Effect   = "Allow"
        Action   = ["ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"]
        Resource = "${local.ec2_arn}:network-interface/*"
      },
    ]
  })
}
