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
    condition     = [for s in jsondecode(aws_iam_role_policy.loader.policy).Statement : s.Resource if s.Action == "secretsmanager:GetSecretValue"] == [aws_db_instance.this.master_user_secret[0].secret_arn]
    error_message = "the loader may read exactly that secret"
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
