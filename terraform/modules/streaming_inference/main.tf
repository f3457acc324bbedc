# Streaming path: Kinesis → Firehose → transformation function (SnapStart, outside the VPC) → one
# synchronous invoke per batch of the batch inference function (DJL + libtorch, in the VPC next to the
# database) → enriched JSON lines in the recommendations bucket. A second function from the same jar
# serves the HTTP routes behind a Function URL.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition

  inference_name      = "${var.name_prefix}-inference"
  inference_http_name = "${var.name_prefix}-inference-http"
  transformation_name = "${var.name_prefix}-transformation"
  firehose_name       = "${var.name_prefix}-recommendations"

  # Worst-case wall time of one inference call as the transformation function sees it; the function's
  # own timeout must exceed it so a slow dependency fails the batch cleanly (Firehose then retries it)
  # instead of timing the processor out mid-response.
  inference_budget_seconds = ceil(var.inference_timeout_ms * var.inference_max_attempts / 1000) + 10

  inference_java_tool_options = "--add-modules=jdk.incubator.vector -XX:+TieredCompilation -XX:TieredStopAtLevel=4"

  # Both inference functions run the same jar with the same configuration.
  inference_environment = {
    ML_ARTIFACTS_URI               = var.ml_artifacts_uri
    ARTIFACT_CACHE_DIR             = "/tmp/ml-artifacts"
    VECTOR_DB_JDBC_URL             = var.vector_db_jdbc_url
    VECTOR_DB_SECRET_ID            = var.vector_db_secret_arn
    VECTOR_DB_POOL_SIZE            = tostring(var.vector_db_pool_size)
    VECTOR_DB_CONNECT_TIMEOUT_MS   = "5000"
    VECTOR_DB_STATEMENT_TIMEOUT_MS = "10000"
    RECS_DEFAULT_K                 = tostring(var.recs_default_k)
    RECS_IN_MEMORY_CATALOG_MB      = tostring(var.inference_in_memory_catalog_mb)
    # The JVM's own: the Vector API scores the in-memory catalog, and only C2 compiles it to SIMD (Lambda stops
    # java21 at C1 unless told otherwise).
    JAVA_TOOL_OPTIONS = local.inference_java_tool_options
    DJL_CACHE_DIR     = "/tmp/djl"
    DJL_OFFLINE       = "true"
    LOG_LEVEL         = var.log_level
  }

  # A new model changes the functions' description, which publishes a new version and moves the alias, so
  # every instance reloads the towers right after the loader swapped in the matching embeddings. (The
  # description, not an environment variable: the code reads every variable it is given.)
  model_description = var.model_manifest_etag == "" ? "" : "; model manifest ETag ${var.model_manifest_etag}"

  # Firehose processor parameters other than LambdaArn, sent only when they differ from Firehose's
  # defaults: Firehose does not return a default back, so setting one would show as a change in every plan.
  processor_defaults = { BufferSizeInMBs = 1, BufferIntervalInSeconds = 60, NumberOfRetries = 3 }
  processor_settings = {
    BufferSizeInMBs         = var.processor_buffer_size_mb
    BufferIntervalInSeconds = var.processor_buffer_interval_seconds
    NumberOfRetries         = var.processor_retries
  }
  processor_parameters = { for k, v in local.processor_settings : k => tostring(v) if v != local.processor_defaults[k] }

  # Each function's deployable, uploaded to the code bucket; a new build changes the hash and re-uploads.
  code = {
    inference      = { key = "lambda/inference-lambda.jar", path = var.inference_jar_path }
    transformation = { key = "lambda/transformation-lambda.jar", path = var.transformation_jar_path }
    libtorch_layer = { key = "lambda/libtorch-layer.zip", path = var.libtorch_layer_zip_path }
  }
}

# --- Bucket -----------------------------------------------------------------------------------------------

module "recommendations_bucket" {
  source = "../secure_bucket"

  name            = "${var.name_prefix}-recommendations-${local.account_id}-${local.region}"
  expiration_days = var.recommendations_expiration_days
  force_destroy   = var.force_destroy_buckets
}

# --- Code -------------------------------------------------------------------------------------------------

# The layer zip is ~120 MB: above the 50 MB limit of a direct upload, so everything goes through S3.
resource "aws_s3_object" "code" {
  for_each = local.code

  bucket      = var.code_bucket
  key         = each.value.key
  source      = each.value.path
  source_hash = filemd5(each.value.path)
}

resource "aws_lambda_layer_version" "libtorch" {
  layer_name               = "${var.name_prefix}-libtorch"
  description              = "PyTorch native CPU jars for DJL (java/lib), kept compressed"
  s3_bucket                = aws_s3_object.code["libtorch_layer"].bucket
  s3_key                   = aws_s3_object.code["libtorch_layer"].key
  source_code_hash         = filebase64sha256(var.libtorch_layer_zip_path)
  compatible_runtimes      = ["java21"]
  compatible_architectures = ["x86_64"]
}

# --- Log groups (created before the functions, with retention) --------------------------------------------

resource "aws_cloudwatch_log_group" "this" {
  for_each = {
    inference      = "/aws/lambda/${local.inference_name}"
    inference_http = "/aws/lambda/${local.inference_http_name}"
    transformation = "/aws/lambda/${local.transformation_name}"
    firehose       = "/aws/kinesisfirehose/${local.firehose_name}"
  }

  name              = each.value
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_stream" "firehose" {
  name           = "DestinationDelivery"
  log_group_name = aws_cloudwatch_log_group.this["firehose"].name
}

# --- Batch inference function -----------------------------------------------------------------------------

resource "aws_lambda_function" "inference" {
  function_name = local.inference_name
  description   = "Two-tower inference (DJL + libtorch) and item retrieval (in-memory or pgvector) for the transformation function's batches${local.model_description}"
  role          = aws_iam_role.function["inference"].arn
  # libtorch 2.7.1 needs glibc >= 2.29, which java17 (Amazon Linux 2) lacks.
  runtime          = "java21"
  architectures    = ["x86_64"]
  handler          = "com.scalemodels.recs.inference.BatchInferenceHandler::handleRequest"
  s3_bucket        = aws_s3_object.code["inference"].bucket
  s3_key           = aws_s3_object.code["inference"].key
  source_code_hash = filebase64sha256(var.inference_jar_path)
  layers           = [aws_lambda_layer_version.libtorch.arn]
  memory_size      = var.inference_memory_mb
  timeout          = var.inference_function_timeout_seconds
  publish          = true

  # DJL extracts libtorch (~430 MB) into DJL_CACHE_DIR under /tmp; the default 512 MB is too small.
  ephemeral_storage {
    size = var.inference_ephemeral_storage_mb
  }

  vpc_config {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [var.lambda_security_group_id]
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this["inference"].name
  }

  environment {
    variables = local.inference_environment
  }

  depends_on = [aws_iam_role_policy.inference, aws_iam_role_policy_attachment.inference_vpc]
}

resource "aws_lambda_alias" "inference_live" {
  name             = "live"
  function_name    = aws_lambda_function.inference.function_name
  function_version = aws_lambda_function.inference.version
}

# On the batch function: it is on the streaming path, where a cold start (libtorch extraction) delays a
# whole Firehose batch.
resource "aws_lambda_provisioned_concurrency_config" "inference" {
  count                             = var.inference_provisioned_concurrency > 0 ? 1 : 0
  function_name                     = aws_lambda_alias.inference_live.function_name
  qualifier                         = aws_lambda_alias.inference_live.name
  provisioned_concurrent_executions = var.inference_provisioned_concurrency
}

# --- HTTP inference function ------------------------------------------------------------------------------

# The original HTTP routes (POST /user_embeddings, POST /items_from_user, GET /items_from_item): same jar,
# layer, configuration and role as the batch function, its own handler, log group and alias.
resource "aws_lambda_function" "inference_http" {
  function_name    = local.inference_http_name
  description      = "Two-tower inference (DJL + libtorch) and item retrieval (in-memory or pgvector) behind the HTTP routes${local.model_description}"
  role             = aws_iam_role.function["inference"].arn
  runtime          = "java21"
  architectures    = ["x86_64"]
  handler          = "com.scalemodels.recs.inference.HttpInferenceHandler::handleRequest"
  s3_bucket        = aws_s3_object.code["inference"].bucket
  s3_key           = aws_s3_object.code["inference"].key
  source_code_hash = filebase64sha256(var.inference_jar_path)
  layers           = [aws_lambda_layer_version.libtorch.arn]
  memory_size      = var.inference_memory_mb
  timeout          = var.inference_function_timeout_seconds
  publish          = true

  ephemeral_storage {
    size = var.inference_ephemeral_storage_mb
  }

  vpc_config {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [var.lambda_security_group_id]
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this["inference_http"].name
  }

  environment {
    variables = local.inference_environment
  }

  depends_on = [aws_iam_role_policy.inference, aws_iam_role_policy_attachment.inference_vpc]
}

resource "aws_lambda_alias" "inference_http_live" {
  name             = "live"
  function_name    = aws_lambda_function.inference_http.function_name
  function_version = aws_lambda_function.inference_http.version
}

# Signed with SigV4: no unauthenticated access to customer recommendations.
resource "aws_lambda_function_url" "inference" {
  function_name      = aws_lambda_alias.inference_http_live.function_name
  qualifier          = aws_lambda_alias.inference_http_live.name
  authorization_type = "AWS_IAM"
}

# --- Transformation function ------------------------------------------------------------------------------

resource "aws_lambda_function" "transformation" {
  function_name    = local.transformation_name
  description      = "Firehose processor: validates sessions and enriches them with one inference call per batch"
  role             = aws_iam_role.function["transformation"].arn
  runtime          = "java21"
  architectures    = ["x86_64"]
  handler          = "com.scalemodels.recs.transformation.FirehoseTransformationHandler::handleRequest"
  s3_bucket        = aws_s3_object.code["transformation"].bucket
  s3_key           = aws_s3_object.code["transformation"].key
  source_code_hash = filebase64sha256(var.transformation_jar_path)
  memory_size      = var.transformation_memory_mb
  timeout          = var.transformation_timeout_seconds

  # SnapStart applies to published versions only; Firehose calls the `live` alias, never $LATEST.
  publish = true
  snap_start {
    apply_on = "PublishedVersions"
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this["transformation"].name
  }

  environment {
    variables = {
      INFERENCE_FUNCTION_NAME = aws_lambda_alias.inference_live.arn
      INFERENCE_TIMEOUT_MS    = tostring(var.inference_timeout_ms)
      INFERENCE_MAX_ATTEMPTS  = tostring(var.inference_max_attempts)
      METRICS_NAMESPACE       = var.metrics_namespace
      RECS_DEFAULT_K          = tostring(var.recs_default_k)
      RECS_SIMILAR_K          = tostring(var.recs_similar_k)
      LOG_LEVEL               = var.log_level
    }
  }

  lifecycle {
    precondition {
      condition     = var.transformation_timeout_seconds >= local.inference_budget_seconds
      error_message = "transformation_timeout_seconds must cover inference_timeout_ms x inference_max_attempts plus 10 s."
    }
    precondition {
      condition     = var.inference_timeout_ms >= var.inference_function_timeout_seconds * 1000
      error_message = "inference_timeout_ms must be at least the inference function's timeout, or the caller gives up on calls that would still succeed."
    }
  }

  depends_on = [aws_iam_role_policy.transformation]
}

resource "aws_lambda_alias" "transformation_live" {
  name             = "live"
  function_name    = aws_lambda_function.transformation.function_name
  function_version = aws_lambda_function.transformation.version
}

# --- Firehose ---------------------------------------------------------------------------------------------

resource "aws_kinesis_firehose_delivery_stream" "recommendations" {
  name        = local.firehose_name
  destination = "extended_s3"

  kinesis_source_configuration {
    kinesis_stream_arn = var.kinesis_stream_arn
    role_arn           = aws_iam_role.firehose.arn
  }

  extended_s3_configuration {
    role_arn            = aws_iam_role.firehose.arn
    bucket_arn          = module.recommendations_bucket.arn
    prefix              = "recommendations/!{timestamp:yyyy/MM/dd/HH}/"
    error_output_prefix = "processing-failed/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/"
    buffering_size      = var.s3_buffering_size_mb
    buffering_interval  = var.s3_buffering_interval_seconds
    compression_format  = var.s3_compression_format

    cloudwatch_logging_options {
      enabled         = true
      log_group_name  = aws_cloudwatch_log_group.this["firehose"].name
      log_stream_name = aws_cloudwatch_log_stream.firehose.name
    }

    # Processor buffer: Firehose hands the function base64 records and takes base64 records back, and
    # both must fit Lambda's 6 MB payload limit. Enrichment adds ~1 KB of JSON to a ~300-byte session,
    # so output is ~4.3x input, and base64 adds 4/3 on top: 1 MB in → 1 x 4.3 x 4/3 ≈ 5.8 MB out,
    # too close to 6 MB. 0.5 MB in → ≈ 2.9 MB out, which still fits with sessions down to ~150 bytes
    # (~7.7x growth → ≈ 5.1 MB). The function still guards the limit itself for pathological batches.
    processing_configuration {
      enabled = true

      processors {
        type = "Lambda"

        parameters {
          parameter_name  = "LambdaArn"
          parameter_value = aws_lambda_alias.transformation_live.arn
        }

        dynamic "parameters" {
          for_each = local.processor_parameters
          content {
            parameter_name  = parameters.key
            parameter_value = parameters.value
          }
        }
      }
    }

    s3_backup_mode = "Disabled"
  }

  depends_on = [aws_iam_role_policy.firehose]
}
