# PostgreSQL + pgvector for the item and user embeddings, and the loader that fills it. The master
# password is generated and stored by RDS in Secrets Manager: it never exists in Terraform state, in
# outputs or in a function's environment (the functions get the secret's ARN).

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition

  identifier    = "${var.name_prefix}-vector-db"
  major_version = split(".", var.engine_version)[0]
  jdbc_url      = "jdbc:postgresql://${aws_db_instance.this.address}:${aws_db_instance.this.port}/${var.database_name}?sslmode=require"
  secret_arn    = aws_db_instance.this.master_user_secret[0].secret_arn

  loader_name      = "${var.name_prefix}-embeddings-loader"
  artifacts_prefix = trim(var.ml_artifacts_prefix, "/")
  artifacts_uri    = local.artifacts_prefix == "" ? "s3://${var.ml_artifacts_bucket}" : "s3://${var.ml_artifacts_bucket}/${local.artifacts_prefix}"
  manifest_key     = local.artifacts_prefix == "" ? "manifest.json" : "${local.artifacts_prefix}/manifest.json"
}

# --- Database ---------------------------------------------------------------------------------------------

resource "aws_db_subnet_group" "this" {
  name       = local.identifier
  subnet_ids = var.private_subnet_ids

  lifecycle {
    precondition {
      condition     = length(distinct(values(var.subnet_availability_zones))) >= 2
      error_message = "private_subnet_ids must be in at least two availability zones (an RDS subnet group needs two); all of them are in ${join(", ", distinct(values(var.subnet_availability_zones)))}."
    }
  }
}

# name_prefix: a major-version upgrade creates the new group before the old one is dropped.
# TLS is required without a parameter here: rds.force_ssl defaults to 1 from PostgreSQL 15 on (the only
# versions db_engine_version accepts), and setting it would only add its apply method to get right.
resource "aws_db_parameter_group" "this" {
  name_prefix = "${local.identifier}-pg${local.major_version}-"
  family      = "postgres${local.major_version}"

  # Statements slower than this are logged, which is how a missing HNSW index shows up.
  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "this" {
  identifier     = local.identifier
  engine         = "postgres"
  engine_version = var.engine_version
  instance_class = var.instance_class

  db_name                     = var.database_name
  username                    = var.master_username
  manage_master_user_password = true

  allocated_storage     = var.allocated_storage_gb
  max_allocated_storage = var.max_allocated_storage_gb
  storage_type          = "gp3"
  storage_encrypted     = true

  db_subnet_group_name   = aws_db_subnet_group.this.name
  parameter_group_name   = aws_db_parameter_group.this.name
  vpc_security_group_ids = [var.database_security_group_id]
  publicly_accessible    = false
  multi_az               = var.multi_az

  backup_retention_period    = var.backup_retention_days
  copy_tags_to_snapshot      = true
  deletion_protection        = var.deletion_protection
  skip_final_snapshot        = var.skip_final_snapshot
  final_snapshot_identifier  = var.skip_final_snapshot ? null : "${local.identifier}-final"
  auto_minor_version_upgrade = true
  apply_immediately          = var.apply_immediately

  # Raising engine_version's major moves the instance to the new family's parameter group in the same
  # modification; RDS refuses a major upgrade unless it is allowed.
  allow_major_version_upgrade = true

  enabled_cloudwatch_logs_exports = ["postgresql"]

  # RDS would create the export's log group itself, without retention.
  depends_on = [aws_cloudwatch_log_group.database]
}

resource "aws_cloudwatch_log_group" "database" {
  name              = "/aws/rds/instance/${local.identifier}/postgresql"
  retention_in_days = var.log_retention_days
}

# --- Embeddings loader ------------------------------------------------------------------------------------

resource "aws_s3_object" "loader_jar" {
  bucket      = var.code_bucket
  key         = "lambda/embeddings-loader.jar"
  source      = var.loader_jar_path
  source_hash = filemd5(var.loader_jar_path)
}

resource "aws_cloudwatch_log_group" "loader" {
  name              = "/aws/lambda/${local.loader_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "loader" {
  function_name    = local.loader_name
  description      = "Loads item and user embeddings from the ML artifacts into pgvector and swaps them in atomically"
  role             = aws_iam_role.loader.arn
  runtime          = "java21"
  architectures    = ["x86_64"]
  handler          = "com.scalemodels.recs.loader.EmbeddingsLoaderHandler::handleRequest"
  s3_bucket        = aws_s3_object.loader_jar.bucket
  s3_key           = aws_s3_object.loader_jar.key
  source_code_hash = filebase64sha256(var.loader_jar_path)
  memory_size      = var.loader_memory_mb
  timeout          = var.loader_timeout_seconds

  # Embedding CSVs are downloaded to ARTIFACT_CACHE_DIR before COPY.
  ephemeral_storage {
    size = var.loader_ephemeral_storage_mb
  }

  vpc_config {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [var.lambda_security_group_id]
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.loader.name
  }

  environment {
    variables = {
      ML_ARTIFACTS_URI               = local.artifacts_uri
      ARTIFACT_CACHE_DIR             = "/tmp/ml-artifacts"
      VECTOR_DB_JDBC_URL             = local.jdbc_url
      VECTOR_DB_SECRET_ID            = local.secret_arn
      VECTOR_DB_POOL_SIZE            = "1"
      VECTOR_DB_CONNECT_TIMEOUT_MS   = "10000"
      VECTOR_DB_STATEMENT_TIMEOUT_MS = tostring(max(1000, (var.loader_timeout_seconds - 30) * 1000))
      HNSW_M                         = tostring(var.hnsw_m)
      HNSW_EF_CONSTRUCTION           = tostring(var.hnsw_ef_construction)
      HNSW_MAINTENANCE_WORK_MEM_MB   = "512"
      HNSW_BUILD_WORKERS             = "2"
      LOG_LEVEL                      = var.log_level
    }
  }

  depends_on = [aws_iam_role_policy.loader, aws_iam_role_policy_attachment.loader_vpc]
}

# The load runs inside `terraform apply`: on the first apply, and again whenever manifest.json changes
# (a new model version was published) or model_version is bumped. A failed load fails the apply.
data "aws_s3_object" "manifest" {
  bucket = var.ml_artifacts_bucket
  key    = local.manifest_key
}

resource "aws_lambda_invocation" "load_embeddings" {
  function_name = aws_lambda_function.loader.function_name

  input = jsonencode({
    source           = "terraform"
    artifacts_uri    = local.artifacts_uri
    manifest_etag    = data.aws_s3_object.manifest.etag
    expected_version = var.model_version
  })

  triggers = {
    manifest_etag = data.aws_s3_object.manifest.etag
    model_version = coalesce(var.model_version, "from-manifest")
    database      = aws_db_instance.this.resource_id
    network       = join(",", var.network_dependencies)
  }
}
