# modules/etl on its own, applied against the mocked AWS provider: the Glue 5.0 job's logging, encryption,
# TLS to the source database and its role.

mock_provider "aws" {
  source = "./tests/mocks"
}

override_resource {
  target = aws_kms_key.glue
  values = { arn = "arn:aws:kms:us-east-1:123456789012:key/44444444-4444-4444-4444-444444444444" }
}

variables {
  name_prefix        = "t"
  glue_job_jar_path  = "tests/fixtures/deployable.placeholder"
  source_jdbc_url    = "jdbc:mysql://mysql.example:3306/classicmodels"
  source_secret_arn  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:t-source-AbCdEf"
  subnet_id          = "subnet-0123456789abcdef0"
  availability_zone  = "us-east-1a"
  security_group_id  = "sg-0123456789abcdef0"
  log_retention_days = 14
}

run "defaults" {
  command = apply

  module {
    source = "./modules/etl"
  }

  assert {
    condition     = aws_glue_job.ratings_training.default_arguments["--custom-logGroup-prefix"] == "/aws-glue/jobs/t-ratings-training"
    error_message = "Glue 5.0 takes its log groups from --custom-logGroup-prefix"
  }

  assert {
    condition     = { for k, g in aws_cloudwatch_log_group.job : k => g.name } == { error = "/aws-glue/jobs/t-ratings-training/error", output = "/aws-glue/jobs/t-ratings-training/output" } && output.glue_log_groups == { for k, g in aws_cloudwatch_log_group.job : k => g.name }
    error_message = "the groups created (and output) are the ones Glue 5.0 writes to with that prefix: <prefix>/error and <prefix>/output"
  }

  assert {
    condition     = aws_glue_job.ratings_training.default_arguments["--enable-observability-metrics"] == "true" && aws_glue_job.ratings_training.default_arguments["--enable-metrics"] == "true"
    error_message = "the dashboard's run outcomes (glue.succeed.ALL, glue.error.ALL) need Glue's observability metrics"
  }

  assert {
    condition     = length([for a in keys(aws_glue_job.ratings_training.default_arguments) : a if strcontains(a, "continuous")]) == 0
    error_message = "no Glue 4.0 continuous-logging argument: Glue 5.0 ignores them"
  }

  assert {
    condition     = alltrue([for g in aws_cloudwatch_log_group.job : g.retention_in_days == 14 && g.kms_key_id == aws_kms_key.glue.arn])
    error_message = "the job's log groups keep log_retention_days and are encrypted with the job's key"
  }

  assert {
    condition     = jsondecode(aws_kms_key.glue.policy).Statement[1].Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"] == "arn:aws:logs:us-east-1:123456789012:log-group:/aws-glue/jobs/t-ratings-training/*"
    error_message = "CloudWatch Logs may use the key for the job's log groups (and only those)"
  }

  assert {
    condition     = aws_glue_job.ratings_training.security_configuration == aws_glue_security_configuration.job.name
    error_message = "the job runs with the security configuration"
  }

  assert {
    condition = (
      aws_glue_security_configuration.job.encryption_configuration[0].s3_encryption[0].s3_encryption_mode == "SSE-S3" &&
      aws_glue_security_configuration.job.encryption_configuration[0].job_bookmarks_encryption[0].job_bookmarks_encryption_mode == "CSE-KMS" &&
      aws_glue_security_configuration.job.encryption_configuration[0].job_bookmarks_encryption[0].kms_key_arn == aws_kms_key.glue.arn
    )
    error_message = "the security configuration encrypts S3 writes and bookmarks"
  }

  assert {
    condition     = aws_glue_connection.source_mysql.connection_properties["JDBC_ENFORCE_SSL"] == "true" && !contains(keys(aws_glue_connection.source_mysql.connection_properties), "PASSWORD")
    error_message = "the Glue connection enforces TLS and takes the login from the secret"
  }

  assert {
    condition     = aws_glue_job.ratings_training.default_arguments["--source-jdbc-url"] == "jdbc:mysql://mysql.example:3306/classicmodels?sslMode=REQUIRED"
    error_message = "the job's own JDBC connection requires TLS: ${aws_glue_job.ratings_training.default_arguments["--source-jdbc-url"]}"
  }

  assert {
    condition     = alltrue([for r in [aws_iam_role.job, aws_iam_role.crawler] : jsondecode(r.assume_role_policy).Statement == [{ Effect = "Allow", Principal = { Service = "glue.amazonaws.com" }, Action = "sts:AssumeRole" }]])
    error_message = "the Glue roles trust glue.amazonaws.com without conditions Glue is not documented to satisfy"
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.job.policy).Statement : s.Resource if contains(flatten([s.Action]), "secretsmanager:GetSecretValue")] == ["arn:aws:secretsmanager:us-east-1:123456789012:secret:t-source-AbCdEf"]
    error_message = "the job may read exactly the source secret"
  }

  assert {
    condition     = length([for s in jsondecode(aws_iam_role_policy.job.policy).Statement : s if s.Action == "kms:Decrypt"]) == 0
    error_message = "no kms:Decrypt for the source secret without a customer managed key"
  }

  assert {
    condition     = aws_glue_connection.source_mysql.physical_connection_requirements[0].availability_zone == "us-east-1a"
    error_message = "the connection's AZ is its subnet's"
  }
}

run "source_secret_with_a_customer_managed_key" {
  command = apply

  module {
    source = "./modules/etl"
  }

  variables {
    source_jdbc_url           = "jdbc:mysql://mysql.example:3306/classicmodels?useCursorFetch=true"
    source_secret_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/11111111-1111-1111-1111-111111111111"
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.job.policy).Statement : s.Resource if s.Action == "kms:Decrypt"] == ["arn:aws:kms:us-east-1:123456789012:key/11111111-1111-1111-1111-111111111111"]
    error_message = "the job may decrypt the source secret's key"
  }

  assert {
    condition     = aws_glue_job.ratings_training.default_arguments["--source-jdbc-url"] == "jdbc:mysql://mysql.example:3306/classicmodels?useCursorFetch=true&sslMode=REQUIRED"
    error_message = "sslMode joins the URL's existing parameters"
  }
}
