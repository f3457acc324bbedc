# Batch ETL: MySQL classicmodels → Glue 5.0 (the glue-job jar) → Parquet in the data lake → crawled into
# the Glue Data Catalog. The job class and its arguments are the ones glue-job's JobArgumentsParser reads.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition

  job_name       = "${var.name_prefix}-ratings-training"
  crawler_name   = "${var.name_prefix}-ratings-training"
  jar_key        = "glue/jars/glue-job.jar"
  script_key     = "glue/scripts/placeholder.scala"
  catalog_db     = replace("${var.name_prefix}_recommendations", "-", "_")
  training_table = "ratings-ml-training"

  # Glue 5.0 writes the job's stdout/stderr to <prefix>/output and its Spark and system logs to
  # <prefix>/error (--custom-logGroup-prefix); both groups are created here, with retention.
  log_group_prefix = "/aws-glue/jobs/${local.job_name}"
  log_groups       = { output = "${local.log_group_prefix}/output", error = "${local.log_group_prefix}/error" }

  # The job's own JDBC connection (the Glue connection only places its network interfaces): TLS required.
  job_jdbc_url = "${var.source_jdbc_url}${strcontains(var.source_jdbc_url, "?") ? "&" : "?"}sslMode=REQUIRED"
}

# --- Buckets ----------------------------------------------------------------------------------------------

module "bucket" {
  source = "../secure_bucket"
  for_each = {
    datalake = { name = "${var.name_prefix}-datalake-${local.account_id}-${local.region}", versioning = false }
    scripts  = { name = "${var.name_prefix}-glue-scripts-${local.account_id}-${local.region}", versioning = true }
  }

  name          = each.value.name
  versioning    = each.value.versioning
  force_destroy = var.force_destroy_buckets
}

# source_hash makes a rebuilt jar re-upload on the next apply even when its size does not change.
resource "aws_s3_object" "job_jar" {
  bucket      = module.bucket["scripts"].id
  key         = local.jar_key
  source      = var.glue_job_jar_path
  source_hash = filemd5(var.glue_job_jar_path)

  depends_on = [module.bucket]
}

# Glue requires a script location even for a JVM job whose entry point is --class in --extra-jars.
resource "aws_s3_object" "placeholder_script" {
  bucket  = module.bucket["scripts"].id
  key     = local.script_key
  content = "// The job runs com.scalemodels.recs.etl.RatingsTrainingJob from --extra-jars; this file is never executed.\n"

  depends_on = [module.bucket]
}

# --- Connection to the source database --------------------------------------------------------------------

# SECRET_ID instead of USERNAME/PASSWORD: the credentials stay in Secrets Manager and never reach state.
# JDBC_ENFORCE_SSL: Glue connects to the source over TLS only, with host name matching.
resource "aws_glue_connection" "source_mysql" {
  name            = "${var.name_prefix}-source-mysql"
  connection_type = "JDBC"

  connection_properties = {
    JDBC_CONNECTION_URL = var.source_jdbc_url
    JDBC_ENFORCE_SSL    = "true"
    SECRET_ID           = var.source_secret_arn
  }

  physical_connection_requirements {
    availability_zone      = var.availability_zone
    subnet_id              = var.subnet_id
    security_group_id_list = [var.security_group_id]
  }
}

# --- Job --------------------------------------------------------------------------------------------------

# One key for the job's logs and bookmarks. The log groups are encrypted with it directly rather than
# through the security configuration's CloudWatch encryption, which makes Glue write to groups named after
# the role and the configuration (see JobRun.LogGroupName) instead of the ones created here with retention.
resource "aws_kms_key" "glue" {
  description             = "${var.name_prefix} Glue job logs and bookmarks"
  enable_key_rotation     = true
  deletion_window_in_days = 7
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "LogsEncryptTheJobLogGroups"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnLike = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.log_group_prefix}/*"
          }
        }
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "job" {
  for_each = local.log_groups

  name              = each.value
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.glue.arn
}

# S3 writes with SSE-S3 (the buckets' default too), bookmarks client-side encrypted with the key.
resource "aws_glue_security_configuration" "job" {
  name = "${var.name_prefix}-glue-job"

  encryption_configuration {
    s3_encryption {
      s3_encryption_mode = "SSE-S3"
    }

    cloudwatch_encryption {
      cloudwatch_encryption_mode = "DISABLED"
    }

    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "CSE-KMS"
      kms_key_arn                   = aws_kms_key.glue.arn
    }
  }
}

resource "aws_glue_job" "ratings_training" {
  name                   = local.job_name
  description            = "classicmodels customers, products and ratings → ratings-ml-training Parquet"
  role_arn               = aws_iam_role.job.arn
  glue_version           = "5.0"
  worker_type            = var.worker_type
  number_of_workers      = var.number_of_workers
  timeout                = var.job_timeout_minutes
  max_retries            = 0
  connections            = [aws_glue_connection.source_mysql.name]
  security_configuration = aws_glue_security_configuration.job.name

  command {
    name            = "glueetl"
    script_location = "s3://${module.bucket["scripts"].id}/${local.script_key}"
  }

  execution_property {
    max_concurrent_runs = 1
  }

  default_arguments = {
    "--job-language"           = "scala"
    "--class"                  = "com.scalemodels.recs.etl.RatingsTrainingJob"
    "--extra-jars"             = "s3://${module.bucket["scripts"].id}/${local.jar_key}"
    "--source-jdbc-url"        = local.job_jdbc_url
    "--source-secret-id"       = var.source_secret_arn
    "--target-path"            = "s3://${module.bucket["datalake"].id}"
    "--TempDir"                = "s3://${module.bucket["scripts"].id}/glue/tmp/"
    "--custom-logGroup-prefix" = local.log_group_prefix
    "--enable-metrics"         = "true"
    # Run outcomes as metrics (glue.succeed.ALL / glue.error.ALL in the Glue namespace) for the dashboard.
    "--enable-observability-metrics" = "true"
    "--job-bookmark-option"          = "job-bookmark-disable"
  }

  depends_on = [aws_s3_object.job_jar, aws_s3_object.placeholder_script, aws_cloudwatch_log_group.job]
}

# --- Catalog ----------------------------------------------------------------------------------------------

resource "aws_glue_catalog_database" "recommendations" {
  name        = local.catalog_db
  description = "Training data of the recommendation model"
}

resource "aws_glue_crawler" "training" {
  name          = local.crawler_name
  role          = aws_iam_role.crawler.arn
  database_name = aws_glue_catalog_database.recommendations.name

  s3_target {
    path = "s3://${module.bucket["datalake"].id}/${local.training_table}/"
  }

  # customerNumber=<N>/ folders become one partitioned table instead of one table per folder.
  configuration = jsonencode({
    Version = 1
    Grouping = {
      TableGroupingPolicy = "CombineCompatibleSchemas"
    }
    CrawlerOutput = {
      Partitions = { AddOrUpdateBehavior = "InheritFromTable" }
    }
  })

  schema_change_policy {
    update_behavior = "UPDATE_IN_DATABASE"
    delete_behavior = "LOG"
  }
}

# A successful job run refreshes the catalog by itself: nobody has to start the crawler by hand.
resource "aws_glue_trigger" "crawl_after_job" {
  name = "${var.name_prefix}-crawl-after-training-job"
  type = "CONDITIONAL"

  predicate {
    conditions {
      job_name = aws_glue_job.ratings_training.name
      state    = "SUCCEEDED"
    }
  }

  actions {
    crawler_name = aws_glue_crawler.training.name
  }
}
