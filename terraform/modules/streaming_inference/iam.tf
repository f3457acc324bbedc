# Policies are jsonencode()d: the documents then exist at plan time, also under terraform test's mock
# provider, whose data sources return placeholders.

locals {
  lambda_assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  artifacts_bucket = regex("^s3://([^/]+)", var.ml_artifacts_uri)[0]
  artifacts_prefix = trim(replace(var.ml_artifacts_uri, "s3://${local.artifacts_bucket}", ""), "/")
}

resource "aws_iam_role" "function" {
  for_each = {
    inference      = local.inference_name
    transformation = local.transformation_name
  }

  name               = each.value
  assume_role_policy = local.lambda_assume_role_policy
}

# Both inference functions (batch and HTTP) run the same code with the same needs, so they share a role.
resource "aws_iam_role_policy" "inference" {
  name = "inference"
  role = aws_iam_role.function["inference"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        {
          Sid      = "Logs"
          Effect   = "Allow"
          Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
          Resource = [for k in ["inference", "inference_http"] : "${aws_cloudwatch_log_group.this[k].arn}:*"]
        },
        {
          Sid      = "ReadArtifacts"
          Effect   = "Allow"
          Action   = "s3:GetObject"
          Resource = "arn:${local.partition}:s3:::${local.artifacts_bucket}/${local.artifacts_prefix == "" ? "" : "${local.artifacts_prefix}/"}*"
        },
        {
          Sid       = "ListArtifacts"
          Effect    = "Allow"
          Action    = "s3:ListBucket"
          Resource  = "arn:${local.partition}:s3:::${local.artifacts_bucket}"
          Condition = { StringLike = { "s3:prefix" = local.artifacts_prefix == "" ? "*" : "${local.artifacts_prefix}/*" } }
        },
        {
          Sid      = "DatabaseCredentials"
          Effect   = "Allow"
          Action   = "secretsmanager:GetSecretValue"
          Resource = var.vector_db_secret_arn
        },
      ],
      # Objects encrypted with a customer managed key are readable only with kms:Decrypt on that key.
      var.ml_artifacts_kms_key_arn == null ? [] : [{
        Sid       = "DecryptArtifacts"
        Effect    = "Allow"
        Action    = "kms:Decrypt"
        Resource  = var.ml_artifacts_kms_key_arn
        Condition = { StringLike = { "kms:ViaService" = "s3.*.amazonaws.com" } }
      }],
    )
  })
}

# The transformation function only writes logs (its EMF metrics travel in them) and invokes the batch
# inference alias. A policy of its own: it names that alias, which the inference function's policy must
# not wait for (the inference function is created after its own policy).
resource "aws_iam_role_policy" "transformation" {
  name = "transformation"
  role = aws_iam_role.function["transformation"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.this["transformation"].arn}:*"
      },
      {
        Sid      = "InvokeInference"
        Effect   = "Allow"
        Action   = "lambda:InvokeFunction"
        Resource = aws_lambda_alias.inference_live.arn
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "inference_vpc" {
  role       = aws_iam_role.function["inference"].name
  policy_arn = var.lambda_vpc_access_policy_arn
}

# --- Firehose ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "firehose" {
  name = local.firehose_name
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "firehose.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = local.account_id } }
    }]
  })
}

resource "aws_iam_role_policy" "firehose" {
  name = "firehose"
  role = aws_iam_role.firehose.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [{
        Sid      = "ReadStream"
        Effect   = "Allow"
        Action   = ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards"]
        Resource = var.kinesis_stream_arn
      }],
      var.kinesis_stream_kms_key_arn == null ? [] : [{
        Sid       = "DecryptStream"
        Effect    = "Allow"
        Action    = "kms:Decrypt"
        Resource  = var.kinesis_stream_kms_key_arn
        Condition = { StringLike = { "kms:ViaService" = "kinesis.*.amazonaws.com" } }
      }],
      [
        {
          Sid    = "WriteBucket"
          Effect = "Allow"
          Action = [
            "s3:AbortMultipartUpload",
            "s3:GetBucketLocation",
            "s3:GetObject",
            "s3:ListBucket",
            "s3:ListBucketMultipartUploads",
            "s3:PutObject",
          ]
          Resource = [module.recommendations_bucket.arn, "${module.recommendations_bucket.arn}/*"]
        },
        {
          Sid      = "InvokeProcessor"
          Effect   = "Allow"
          Action   = ["lambda:InvokeFunction", "lambda:GetFunctionConfiguration"]
          Resource = aws_lambda_alias.transformation_live.arn
        },
        {
          Sid      = "Logs"
          Effect   = "Allow"
          Action   = "logs:PutLogEvents"
          Resource = "${aws_cloudwatch_log_group.this["firehose"].arn}:*"
        },
      ],
    )
  })
}
