# modules/streaming_inference on its own, applied against the mocked AWS provider: how Firehose, the
# transformation function and the two inference functions are wired, and what each may do.

mock_provider "aws" {
  source = "./tests/mocks"
}

# Each function and alias gets its own ARN, so a test can tell which one a reference points at.
override_resource {
  target = aws_lambda_function.inference
  values = { arn = "arn:aws:lambda:us-east-1:123456789012:function:t-inference", version = "7" }
}

override_resource {
  target = aws_lambda_alias.inference_live
  values = { arn = "arn:aws:lambda:us-east-1:123456789012:function:t-inference:live" }
}

override_resource {
  target = aws_lambda_function.inference_http
  values = { arn = "arn:aws:lambda:us-east-1:123456789012:function:t-inference-http", version = "4" }
}

override_resource {
  target = aws_lambda_alias.inference_http_live
  values = { arn = "arn:aws:lambda:us-east-1:123456789012:function:t-inference-http:live" }
}

override_resource {
  target = aws_lambda_function.transformation
  values = { arn = "arn:aws:lambda:us-east-1:123456789012:function:t-transformation", version = "3" }
}

override_resource {
  target = aws_lambda_alias.transformation_live
  values = { arn = "arn:aws:lambda:us-east-1:123456789012:function:t-transformation:live" }
}

variables {
  name_prefix                  = "t"
  private_subnet_ids           = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  lambda_security_group_id     = "sg-0123456789abcdef0"
  lambda_vpc_access_policy_arn = "arn:aws:iam::123456789012:policy/t-lambda-vpc-access"
  code_bucket                  = "t-code-123456789012-us-east-1"
  inference_jar_path           = "tests/fixtures/deployable.placeholder"
  libtorch_layer_zip_path      = "tests/fixtures/deployable.placeholder"
  transformation_jar_path      = "tests/fixtures/deployable.placeholder"
  kinesis_stream_arn           = "arn:aws:kinesis:us-east-1:123456789012:stream/sessions"
  ml_artifacts_uri             = "s3://t-ml-artifacts/ml-artifacts"
  model_manifest_etag          = "0123456789abcdef0123456789abcdef"
  vector_db_jdbc_url           = "jdbc:postgresql://db.example:5432/recs?sslmode=require"
  vector_db_secret_arn         = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1-AbCdEf"
  log_retention_days           = 30
}

run "defaults" {
  command = apply

  module {
    source = "./modules/streaming_inference"
  }

  assert {
    condition     = aws_lambda_function.inference.environment[0].variables["VECTOR_DB_SECRET_ID"] == var.vector_db_secret_arn && aws_lambda_function.inference_http.environment[0].variables["VECTOR_DB_SECRET_ID"] == var.vector_db_secret_arn && output.database_login_secret_arn == var.vector_db_secret_arn
    error_message = "both inference functions log in with the secret they are given (the reader's)"
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.inference.policy).Statement : s.Resource if contains(flatten([s.Action]), "secretsmanager:GetSecretValue")] == [var.vector_db_secret_arn] && length([for s in jsondecode(aws_iam_role_policy.inference.policy).Statement : s if strcontains(jsonencode(s.Action), "secretsmanager:")]) == 1
    error_message = "the inference functions may read exactly that secret, and do nothing else in Secrets Manager"
  }

  assert {
    condition     = output.live_alias_resources == { inference = "t-inference:live", inference_http = "t-inference-http:live", transformation = "t-transformation:live" }
    error_message = "live_alias_resources is <function>:<alias>, the Resource dimension of per-alias metrics: ${jsonencode(output.live_alias_resources)}"
  }

  assert {
    condition     = { for p in aws_kinesis_firehose_delivery_stream.recommendations.extended_s3_configuration[0].processing_configuration[0].processors[0].parameters : p.parameter_name => p.parameter_value }["LambdaArn"] == aws_lambda_alias.transformation_live.arn
    error_message = "Firehose must call the transformation function's live alias (SnapStart runs on published versions only)"
  }

  assert {
    condition     = flatten([for s in jsondecode(aws_iam_role_policy.firehose.policy).Statement : s.Resource if contains(flatten([s.Action]), "lambda:InvokeFunction")]) == [aws_lambda_alias.transformation_live.arn]
    error_message = "the Firehose role may invoke exactly the processor it is configured with: ${jsonencode(flatten([for s in jsondecode(aws_iam_role_policy.firehose.policy).Statement : s.Resource if contains(flatten([s.Action]), "lambda:InvokeFunction")]))}"
  }

  assert {
    condition     = { for p in aws_kinesis_firehose_delivery_stream.recommendations.extended_s3_configuration[0].processing_configuration[0].processors[0].parameters : p.parameter_name => p.parameter_value if p.parameter_name != "LambdaArn" } == { BufferSizeInMBs = "0.5" }
    error_message = "only processor parameters that differ from Firehose's defaults are set (a default is not read back and shows as a change in every plan): ${jsonencode({ for p in aws_kinesis_firehose_delivery_stream.recommendations.extended_s3_configuration[0].processing_configuration[0].processors[0].parameters : p.parameter_name => p.parameter_value })}"
  }

  assert {
    condition     = aws_lambda_function.transformation.environment[0].variables["INFERENCE_FUNCTION_NAME"] == aws_lambda_alias.inference_live.arn
    error_message = "the transformation function calls the batch inference alias"
  }

  assert {
    condition     = flatten([for s in jsondecode(aws_iam_role_policy.transformation.policy).Statement : s.Resource if contains(flatten([s.Action]), "lambda:InvokeFunction")]) == [aws_lambda_alias.inference_live.arn]
    error_message = "the transformation role may invoke exactly the inference alias it calls: ${jsonencode(flatten([for s in jsondecode(aws_iam_role_policy.transformation.policy).Statement : s.Resource if contains(flatten([s.Action]), "lambda:InvokeFunction")]))}"
  }

  assert {
    condition     = aws_lambda_function.inference.handler == "com.scalemodels.recs.inference.BatchInferenceHandler::handleRequest" && aws_lambda_function.inference_http.handler == "com.scalemodels.recs.inference.HttpInferenceHandler::handleRequest"
    error_message = "the batch function runs BatchInferenceHandler, the HTTP function HttpInferenceHandler"
  }

  assert {
    condition = alltrue([for a in ["role", "s3_bucket", "s3_key", "source_code_hash", "layers", "memory_size", "timeout", "runtime", "ephemeral_storage", "environment"] :
      aws_lambda_function.inference[a] == aws_lambda_function.inference_http[a]
    ]) && aws_lambda_function.inference.vpc_config[0].subnet_ids == aws_lambda_function.inference_http.vpc_config[0].subnet_ids && aws_lambda_function.inference.vpc_config[0].security_group_ids == aws_lambda_function.inference_http.vpc_config[0].security_group_ids
    error_message = "both inference functions run the same jar, layer, settings, role and environment"
  }

  assert {
    # The in-memory catalog is scored with the Vector API, which only C2 turns into SIMD; Lambda's java21 stops
    # at C1 unless JAVA_TOOL_OPTIONS says otherwise.
    condition     = aws_lambda_function.inference.environment[0].variables["RECS_IN_MEMORY_CATALOG_MB"] == "1024" && strcontains(aws_lambda_function.inference.environment[0].variables["JAVA_TOOL_OPTIONS"], "--add-modules=jdk.incubator.vector") && strcontains(aws_lambda_function.inference.environment[0].variables["JAVA_TOOL_OPTIONS"], "-XX:TieredStopAtLevel=4")
    error_message = "the inference functions run with the in-memory catalog budget, the Vector API module and C2: ${jsonencode(aws_lambda_function.inference.environment[0].variables)}"
  }

  assert {
    condition     = aws_lambda_function_url.inference.function_name == aws_lambda_function.inference_http.function_name && aws_lambda_function_url.inference.qualifier == "live" && aws_lambda_function_url.inference.authorization_type == "AWS_IAM"
    error_message = "the Function URL belongs to the HTTP function's live alias and needs SigV4"
  }

  assert {
    condition     = output.inference_function_url == aws_lambda_function_url.inference.function_url
    error_message = "inference_function_url is the HTTP function's URL"
  }

  assert {
    condition     = length(aws_lambda_function.transformation.vpc_config) == 0 && aws_lambda_function.inference.vpc_config[0].security_group_ids == toset(["sg-0123456789abcdef0"])
    error_message = "the transformation function runs outside the VPC, the inference functions in it"
  }

  assert {
    condition     = aws_lambda_function.inference.logging_config[0].log_group == "/aws/lambda/t-inference" && aws_lambda_function.inference_http.logging_config[0].log_group == "/aws/lambda/t-inference-http"
    error_message = "each inference function logs to its own group"
  }

  assert {
    condition     = length(aws_lambda_provisioned_concurrency_config.inference) == 0
    error_message = "no provisioned concurrency unless asked for"
  }

  assert {
    condition     = !strcontains(aws_iam_role_policy.inference.policy, "kms:") && !strcontains(aws_iam_role_policy.firehose.policy, "kms:")
    error_message = "no KMS permission without a customer managed key"
  }

  assert {
    condition     = jsondecode(aws_iam_role.firehose.assume_role_policy).Statement[0].Condition == { StringEquals = { "sts:ExternalId" = "123456789012" } }
    error_message = "only Firehose of this account may assume the Firehose role"
  }
}

run "tuned" {
  command = apply

  module {
    source = "./modules/streaming_inference"
  }

  variables {
    processor_buffer_size_mb          = 1
    processor_buffer_interval_seconds = 120
    processor_retries                 = 5
    inference_provisioned_concurrency = 3
    kinesis_stream_kms_key_arn        = "arn:aws:kms:us-east-1:123456789012:key/22222222-2222-2222-2222-222222222222"
    ml_artifacts_kms_key_arn          = "arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333"
  }

  assert {
    condition     = { for p in aws_kinesis_firehose_delivery_stream.recommendations.extended_s3_configuration[0].processing_configuration[0].processors[0].parameters : p.parameter_name => p.parameter_value if p.parameter_name != "LambdaArn" } == { BufferIntervalInSeconds = "120", NumberOfRetries = "5" }
    error_message = "non-default interval and retries are set, the default buffer size is not: ${jsonencode({ for p in aws_kinesis_firehose_delivery_stream.recommendations.extended_s3_configuration[0].processing_configuration[0].processors[0].parameters : p.parameter_name => p.parameter_value })}"
  }

  assert {
    condition     = aws_lambda_provisioned_concurrency_config.inference[0].function_name == aws_lambda_function.inference.function_name && aws_lambda_provisioned_concurrency_config.inference[0].qualifier == "live" && aws_lambda_provisioned_concurrency_config.inference[0].provisioned_concurrent_executions == 3
    error_message = "provisioned concurrency goes on the batch function's live alias"
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.firehose.policy).Statement : s.Resource if s.Action == "kms:Decrypt"] == ["arn:aws:kms:us-east-1:123456789012:key/22222222-2222-2222-2222-222222222222"]
    error_message = "Firehose may decrypt the stream's key"
  }

  assert {
    condition     = [for s in jsondecode(aws_iam_role_policy.inference.policy).Statement : s.Resource if s.Action == "kms:Decrypt"] == ["arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333"]
    error_message = "the inference functions may decrypt the artifacts bucket's key"
  }
}

run "timeouts_that_cannot_work" {
  command = plan

  module {
    source = "./modules/streaming_inference"
  }

  variables {
    transformation_timeout_seconds = 60
    inference_timeout_ms           = 20000
  }

  expect_failures = [aws_lambda_function.transformation]
}
