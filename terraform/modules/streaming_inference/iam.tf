data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  for_each = {
    inference      = local.inference_name
    transformation = local.transformation_name
  }

  name               = each.value
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

locals {
  artifacts_bucket = regex("^s3://([^/]+)", var.ml_artifacts_uri)[0]
  artifacts_prefix = trim(replace(var.ml_artifacts_uri, "s3://${local.artifacts_bucket}", ""), "/")
}

data "aws_iam_policy_document" "inference" {
  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this["inference"].arn}:*"]
  }

  statement {
    sid       = "ReadArtifacts"
    actions   = ["s3:GetObject"]
    resources = ["arn:${local.partition}:s3:::${local.artifacts_bucket}/${local.artifacts_prefix == "" ? "" : "${local.artifacts_prefix}/"}*"]
  }

  statement {
    sid       = "ListArtifacts"
    actions   = ["s3:ListBucket"]
    resources = ["arn:${local.partition}:s3:::${local.artifacts_bucket}"]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = [local.artifacts_prefix == "" ? "*" : "${local.artifacts_prefix}/*"]
    }
  }

  statement {
    sid       = "DatabaseCredentials"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.vector_db_secret_arn]
  }
}

# The transformation function only writes logs (its EMF metrics travel in them) and invokes inference.
data "aws_iam_policy_document" "transformation" {
  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this["transformation"].arn}:*"]
  }

  statement {
    sid       = "InvokeInference"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_alias.inference_live.arn]
  }
}

resource "aws_iam_role_policy" "function" {
  for_each = {
    inference      = data.aws_iam_policy_document.inference.json
    transformation = data.aws_iam_policy_document.transformation.json
  }

  name   = each.key
  role   = aws_iam_role.function[each.key].id
  policy = each.value
}

resource "aws_iam_role_policy_attachment" "inference_vpc" {
  role       = aws_iam_role.function["inference"].name
  policy_arn = var.lambda_vpc_access_policy_arn
}

# --- Firehose ---------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "firehose_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["firehose.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "firehose" {
  name               = local.firehose_name
  assume_role_policy = data.aws_iam_policy_document.firehose_assume.json
}

data "aws_iam_policy_document" "firehose" {
  statement {
    sid       = "ReadStream"
    actions   = ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards"]
    resources = [var.kinesis_stream_arn]
  }

  dynamic "statement" {
    for_each = var.kinesis_stream_kms_key_arn == null ? [] : [var.kinesis_stream_kms_key_arn]
    content {
      sid       = "DecryptStream"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }

  statement {
    sid = "WriteBucket"
    actions = [
      "s3:AbortMultipartUpload",
      "s3:GetBucketLocation",
      "s3:GetObject",
      "s3:ListBucket",
      "s3:ListBucketMultipartUploads",
      "s3:PutObject",
    ]
    resources = [module.recommendations_bucket.arn, "${module.recommendations_bucket.arn}/*"]
  }

  statement {
    sid       = "InvokeProcessor"
    actions   = ["lambda:InvokeFunction", "lambda:GetFunctionConfiguration"]
    resources = [aws_lambda_alias.transformation_live.arn]
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this["firehose"].arn}:*"]
  }
}

resource "aws_iam_role_policy" "firehose" {
  name   = "firehose"
  role   = aws_iam_role.firehose.id
  policy = data.aws_iam_policy_document.firehose.json
}
