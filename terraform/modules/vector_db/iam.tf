resource "aws_iam_role" "loader" {
  name = local.loader_name
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "loader" {
  name = "embeddings-loader"
  role = aws_iam_role.loader.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        {
          Sid      = "Logs"
          Effect   = "Allow"
          Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
          Resource = "${aws_cloudwatch_log_group.loader.arn}:*"
        },
        {
          Sid      = "ReadArtifacts"
          Effect   = "Allow"
          Action   = "s3:GetObject"
          Resource = "arn:${local.partition}:s3:::${var.ml_artifacts_bucket}/${local.artifacts_prefix == "" ? "" : "${local.artifacts_prefix}/"}*"
        },
        {
          Sid       = "ListArtifacts"
          Effect    = "Allow"
          Action    = "s3:ListBucket"
          Resource  = "arn:${local.partition}:s3:::${var.ml_artifacts_bucket}"
          Condition = { StringLike = { "s3:prefix" = local.artifacts_prefix == "" ? "*" : "${local.artifacts_prefix}/*" } }
        },
        # Its own login (the master secret) and the reader's, whose password it sets in the database.
        {
          Sid      = "DatabaseCredentials"
          Effect   = "Allow"
          Action   = "secretsmanager:GetSecretValue"
          Resource = [local.secret_arn, local.reader_secret]
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

resource "aws_iam_role_policy_attachment" "loader_vpc" {
  role       = aws_iam_role.loader.name
  policy_arn = var.lambda_vpc_access_policy_arn
}
