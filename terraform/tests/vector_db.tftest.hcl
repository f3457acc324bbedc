# modules/vector_db on its own, applied against the mocked AWS provider: the RDS instance, its parameter
# group, and the loader's access.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name_prefix                  = "t"
  private_subnet_ids           = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  subnet_availability_zones    = { "subnet-0123456789abcdef0" = "us-east-1a", "subnet-0fedcba9876543210" = "us-east-1b" }
  database_security_group_id   = "sg-0aaaaaaaaaaaaaaaa"
  lambda_security_group_id     = "sg-0bbbbbbbbbbbbbbbb"
  lambda_vpc_access_policy_arn = "arn:aws:iam::123456789012:policy/t-lambda-vpc-access"
  code_bucket                  = "t-code-123456789012-us-east-1"
  loader_jar_path              = "tests/fixtures/deployable.placeholder"
  ml_artifacts_bucket          = "t-ml-artifacts"
  ml_artifacts_prefix          = "ml-artifacts/"
  log_retention_days           = 30
  quality_gate = {
    min_ndcg_at_10     = 0.005
    min_recall_at_10   = 0.005
    min_mrr            = 0.005
    min_coverage_at_10 = 0.25
    max_top1_share     = 0.3
    tolerance          = 0.1
  }
}

run "defaults" {
  command = apply

  module {
    source = "./modules/vector_db"
  }

  assert {
    condition     = output.instance_identifier == "t-vector-db" && output.instance_identifier == aws_db_instance.this.identifier
    error_message = "instance_identifier is the DB instance's identifier (its metrics' DBInstanceIdentifier)"
  }

  assert {
    condition     = aws_db_instance.this.manage_master_user_password && aws_db_instance.this.storage_encrypted && !aws_db_instance.this.publicly_accessible && aws_db_instance.this.password == null
    error_message = "RDS generates and keeps the password, storage is encrypted, the instance is private"
  }

  assert {
    condition     = aws_db_instance.this.allow_major_version_upgrade && aws_db_parameter_group.this.family == "postgres16" && aws_db_instance.this.parameter_group_name == aws_db_parameter_group.this.name
    error_message = "a new major engine_version moves to the new family's parameter group, which RDS allows only with allow_major_version_upgrade"
  }

  assert {
    # Parameters known to be dynamic. A static one needs apply_method = "pending-reboot", or RDS refuses
    # the default "immediate" and the apply fails.
    condition     = alltrue([for p in aws_db_parameter_group.this.parameter : contains(["log_min_duration_statement"], p.name)])
    error_message = "a parameter not known to be dynamic: check its apply type and add it here: ${jsonencode(aws_db_parameter_group.this.parameter)}"
  }

  assert {
    condition     = endswith(output.jdbc_url, "/recs?sslmode=require")
    error_message = "the functions connect over TLS: ${output.jdbc_url}"
  }

  assert {
    condition     = aws_lambda_function.loader.environment[0].variables["VECTOR_DB_SECRET_ID"] == aws_db_instance.this.master_user_secret[0].secret_arn
    error_message = "the loader gets the RDS-managed secret's ARN"
  }

  assert {
    condition     = aws_lambda_function.loader.environment[0].variables["QUALITY_GATE_MIN_COVERAGE_AT_10"] == "0.25" && aws_lambda_function.loader.environment[0].variables["QUALITY_GATE_MAX_TOP1_SHARE"] == "0.3" && aws_lambda_function.loader.environment[0].variables["QUALITY_GATE_TOLERANCE"] == "0.1"
    error_message = "the loader's quality gate gets its floors, ceiling and tolerance: ${jsonencode(aws_lambda_function.loader.environment[0].variables)}"
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.loader.policy).Statement : s.Resource if s.Action == "secretsmanager:GetSecretValue"] == [[aws_db_instance.this.master_user_secret[0].secret_arn, aws_secretsmanager_secret.reader.arn]]
    error_message = "the loader may read exactly its own login and the reader's (whose password it sets in the database)"
  }

  assert {
    condition     = aws_lambda_function.loader.environment[0].variables["VECTOR_DB_READER_ROLE"] == "recs_reader" && aws_lambda_function.loader.environment[0].variables["VECTOR_DB_READER_SECRET_ID"] == aws_secretsmanager_secret.reader.arn
    error_message = "the loader is told the reader role and where its password lives"
  }

  assert {
    condition     = output.reader_secret_arn == aws_secretsmanager_secret.reader.arn && output.reader_secret_arn != output.master_user_secret_arn && output.reader_username == "recs_reader"
    error_message = "the reader's login is a secret of its own"
  }

  assert {
    # Write-only: the generated password is in neither state nor plan, and is written again only when its
    # version changes, so a plan never rotates it.
    condition     = aws_secretsmanager_secret_version.reader.secret_string == null && aws_secretsmanager_secret_version.reader.secret_string_wo == null && aws_secretsmanager_secret_version.reader.secret_string_wo_version == 1 && aws_secretsmanager_secret_version.reader.secret_id == aws_secretsmanager_secret.reader.id
    error_message = "the reader's password reaches the secret write-only, at version 1"
  }

  assert {
    condition     = aws_lambda_invocation.load_embeddings.triggers["reader_password"] == "recs_reader:1"
    error_message = "a new reader password version re-runs the load, which sets it in the database"
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.loader.policy).Statement : s.Resource if s.Action == "s3:GetObject"] == ["arn:aws:s3:::t-ml-artifacts/ml-artifacts/*"] && output.artifacts_uri == "s3://t-ml-artifacts/ml-artifacts"
    error_message = "the loader reads the artifacts folder only"
  }

  assert {
    condition     = !strcontains(aws_iam_role_policy.loader.policy, "kms:")
    error_message = "no KMS permission without a customer managed key"
  }

  assert {
    condition     = jsondecode(aws_lambda_invocation.load_embeddings.input).artifacts_uri == output.artifacts_uri && aws_lambda_invocation.load_embeddings.triggers["database"] == aws_db_instance.this.resource_id
    error_message = "the apply loads the artifacts into this database"
  }
}

run "rotating_the_reader_password" {
  command = plan

  module {
    source = "./modules/vector_db"
  }

  variables {
    reader_username         = "inference_ro"
    reader_password_version = 2
  }

  assert {
    condition     = aws_secretsmanager_secret_version.reader.secret_string_wo_version == 2 && aws_lambda_invocation.load_embeddings.triggers["reader_password"] == "inference_ro:2" && aws_lambda_function.loader.environment[0].variables["VECTOR_DB_READER_ROLE"] == "inference_ro"
    error_message = "a new version writes a new password and re-runs the load"
  }
}

run "a_reader_name_that_would_need_quoting" {
  command = plan

  module {
    source = "./modules/vector_db"
  }

  variables {
    reader_username = "Reader; DROP"
  }

  expect_failures = [var.reader_username]
}

run "engine_17_and_a_customer_managed_key_at_the_bucket_root" {
  command = apply

  module {
    source = "./modules/vector_db"
  }

  variables {
    engine_version           = "17.2"
    ml_artifacts_prefix      = ""
    ml_artifacts_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333"
  }

  assert {
    condition     = aws_db_parameter_group.this.family == "postgres17" && startswith(aws_db_parameter_group.this.name_prefix, "t-vector-db-pg17-")
    error_message = "the parameter group follows the engine's major version"
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.loader.policy).Statement : s.Resource if s.Action == "kms:Decrypt"] == ["arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333"]
    error_message = "the loader may decrypt the artifacts bucket's key"
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.loader.policy).Statement : s.Resource if s.Action == "s3:GetObject"] == ["arn:aws:s3:::t-ml-artifacts/*"] && aws_lambda_invocation.load_embeddings.triggers["manifest_etag"] != null
    error_message = "artifacts at the bucket root"
  }
}

run "subnets_in_one_availability_zone" {
  command = plan

  module {
    source = "./modules/vector_db"
  }

  variables {
    subnet_availability_zones = { "subnet-0123456789abcdef0" = "us-east-1a", "subnet-0fedcba9876543210" = "us-east-1a" }
  }

  expect_failures = [aws_db_subnet_group.this]
}
