# Every input check of the root module fails the plan with its own message. The project name's checks
# plan only the region data source, which uses it (faster; Terraform warns that the plan is targeted).
# Needs -var-file=terraform.tfvars.example for the other required variables.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  deployables = {
    glue_job       = "tests/fixtures/deployable.placeholder"
    loader         = "tests/fixtures/deployable.placeholder"
    inference      = "tests/fixtures/deployable.placeholder"
    libtorch_layer = "tests/fixtures/deployable.placeholder"
    transformation = "tests/fixtures/deployable.placeholder"
  }
}

run "project_with_double_hyphen" {
  command = plan
  plan_options {
    target = [data.aws_region.current]
  }
  variables {
    project = "recs--prod"
  }
  expect_failures = [var.project]
}

# In ap-southeast-2, 44 characters of <project>-recommendations-<account>-<region> are not the project's:
# 19 is the most it can have.
run "project_too_long_for_the_region" {
  command = plan
  plan_options {
    target = [data.aws_region.current]
  }
  override_data {
    target = data.aws_region.current
    values = { name = "ap-southeast-2" }
  }
  variables {
    project = "scalemodels-recs-p12"
  }
  expect_failures = [data.aws_region.current]
}

run "project_at_the_limit_for_the_region" {
  command = plan
  plan_options {
    target = [data.aws_region.current]
  }
  override_data {
    target = data.aws_region.current
    values = { name = "ap-southeast-2" }
  }
  variables {
    project = "scalemodels-recs-p1"
  }
}

# One plan for the validations of variables only modules use (a targeted plan would not evaluate them).
run "malformed_arns_and_deployables" {
  command = plan
  variables {
    # IAM needs the complete ARN, with the 6-character suffix Secrets Manager appends to the name.
    source_mysql_secret_arn         = "arn:aws:secretsmanager:us-east-1:123456789012:secret:de-c1w4-source-mysql"
    ml_artifacts_kms_key_arn        = "arn:aws:kms:us-east-1:123456789012:alias/ml-artifacts"
    source_mysql_secret_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:alias/source-secret"
    kinesis_stream_kms_key_arn      = "alias/aws/kinesis"
    deployables                     = { inference_lambda = "tests/fixtures/deployable.placeholder" }
    embeddings_quality_gate         = { tolerance = 1.5 }
    inference_in_memory_catalog_mb  = 3000 # + 2048 is over the default 4096 MB of memory
  }
  expect_failures = [
    var.source_mysql_secret_arn,
    var.ml_artifacts_kms_key_arn,
    var.source_mysql_secret_kms_key_arn,
    var.kinesis_stream_kms_key_arn,
    var.deployables,
    var.embeddings_quality_gate,
    var.inference_in_memory_catalog_mb,
  ]
}
