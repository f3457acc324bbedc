# Policies are jsonencode()d: the documents then exist at plan time, also under terraform test's mock
# provider, whose data sources return placeholders.
#
# The trust policy has no aws:SourceAccount condition: Glue's documentation never says that Glue sets that
# key when it assumes a job or crawler role, and a condition on a key the request lacks denies the
# AssumeRole, so every job run would fail.

locals {
  glue_assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "glue.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  glue_log_group_arns = [
    "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws-glue/*",
    "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws-glue/*:log-stream:*",
  ]
}

# --- Job role ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "job" {
  name               = "${var.name_prefix}-glue-job"
  assume_role_policy = local.glue_assume_role_policy
}

resource "aws_iam_role_policy" "job" {
  name = "glue-job"
  role = aws_iam_role.job.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        {
          Sid      = "ReadJobCode"
          Effect   = "Allow"
          Action   = "s3:GetObject"
          Resource = "${module.bucket["scripts"].arn}/glue/*"
        },
        {
          Sid      = "TempDir"
          Effect   = "Allow"
          Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
          Resource = "${module.bucket["scripts"].arn}/glue/tmp/*"
        },
        {
          Sid      = "ListBuckets"
          Effect   = "Allow"
          Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
          Resource = [module.bucket["scripts"].arn, module.bucket["datalake"].arn]
        },
        {
          Sid      = "WriteTrainingData"
          Effect   = "Allow"
          Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
          Resource = "${module.bucket["datalake"].arn}/*"
        },
        {
          Sid      = "SourceCredentials"
          Effect   = "Allow"
          Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
          Resource = var.source_secret_arn
        },
        {
          Sid    = "UseConnection"
          Effect = "Allow"
          Action = "glue:GetConnection"
          Resource = [
            "arn:${local.partition}:glue:${local.region}:${local.account_id}:catalog",
            aws_glue_connection.source_mysql.arn,
          ]
        },
        {
          Sid      = "Logs"
          Effect   = "Allow"
          Action   = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"]
          Resource = local.glue_log_group_arns
        },
        {
          Sid       = "Metrics"
          Effect    = "Allow"
          Action    = "cloudwatch:PutMetricData"
          Resource  = "*"
          Condition = { StringEquals = { "cloudwatch:namespace" = "Glue" } }
        },
        # ENIs in the VPC for the connection. EC2 Describe* calls do not support resource-level permissions.
        {
          Sid    = "VpcNetworkInterfaces"
          Effect = "Allow"
          Action = [
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeSubnets",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeVpcEndpoints",
            "ec2:DescribeRouteTables",
            "ec2:DescribeVpcAttribute",
            "ec2:CreateNetworkInterface",
            "ec2:DeleteNetworkInterface",
          ]
          Resource = "*"
        },
        {
          Sid       = "TagGlueNetworkInterfaces"
          Effect    = "Allow"
          Action    = ["ec2:CreateTags", "ec2:DeleteTags"]
          Resource  = "arn:${local.partition}:ec2:${local.region}:${local.account_id}:network-interface/*"
          Condition = { "ForAllValues:StringEquals" = { "aws:TagKeys" = ["aws-glue-service-resource"] } }
        },
        # Job bookmarks are client-side encrypted with the security configuration's key.
        {
          Sid      = "BookmarkKey"
          Effect   = "Allow"
          Action   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"]
          Resource = aws_kms_key.glue.arn
        },
      ],
      # A secret encrypted with a customer managed key is readable only with kms:Decrypt on that key.
      var.source_secret_kms_key_arn == null ? [] : [{
        Sid       = "DecryptSourceSecret"
        Effect    = "Allow"
        Action    = "kms:Decrypt"
        Resource  = var.source_secret_kms_key_arn
        Condition = { StringLike = { "kms:ViaService" = "secretsmanager.*.amazonaws.com" } }
      }],
    )
  })
}

# --- Crawler role -----------------------------------------------------------------------------------------

resource "aws_iam_role" "crawler" {
  name               = "${var.name_prefix}-glue-crawler"
  assume_role_policy = local.glue_assume_role_policy
}

resource "aws_iam_role_policy" "crawler" {
  name = "glue-crawler"
  role = aws_iam_role.crawler.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadTrainingData"
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "${module.bucket["datalake"].arn}/${local.training_table}/*"
      },
      {
        Sid       = "ListTrainingData"
        Effect    = "Allow"
        Action    = "s3:ListBucket"
        Resource  = module.bucket["datalake"].arn
        Condition = { StringLike = { "s3:prefix" = ["${local.training_table}/*", local.training_table] } }
      },
      {
        Sid    = "Catalog"
        Effect = "Allow"
        Action = [
          "glue:GetDatabase",
          "glue:GetTable",
          "glue:GetTables",
          "glue:CreateTable",
          "glue:UpdateTable",
          "glue:GetPartition",
          "glue:GetPartitions",
          "glue:BatchGetPartition",
          "glue:CreatePartition",
          "glue:BatchCreatePartition",
          "glue:UpdatePartition",
          "glue:BatchUpdatePartition",
        ]
        Resource = [
          "arn:${local.partition}:glue:${local.region}:${local.account_id}:catalog",
          aws_glue_catalog_database.recommendations.arn,
          "arn:${local.partition}:glue:${local.region}:${local.account_id}:table/${aws_glue_catalog_database.recommendations.name}/*",
        ]
      },
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = local.glue_log_group_arns
      },
    ]
  })
}
