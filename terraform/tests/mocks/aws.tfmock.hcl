# Values the mocked AWS provider returns for computed attributes the configuration reads. Without them the
# mock makes up random strings, which the provider's own validation rejects where it expects an ARN. Test
# files override single resources where a test needs two of a kind to differ (the two aliases, the AZs).

mock_data "aws_caller_identity" {
  defaults = {
    account_id = "123456789012"
    arn        = "arn:aws:iam::123456789012:user/terraform"
  }
}

mock_data "aws_region" {
  defaults = { name = "us-east-1" }
}

mock_data "aws_partition" {
  defaults = {
    partition  = "aws"
    dns_suffix = "amazonaws.com"
  }
}

mock_data "aws_vpc" {
  defaults = {
    cidr_block           = "10.0.0.0/16"
    enable_dns_support   = true
    enable_dns_hostnames = true
  }
}

mock_data "aws_route_tables" {
  defaults = { ids = ["rtb-0123456789abcdef0"] }
}

mock_resource "aws_iam_role" {
  defaults = { arn = "arn:aws:iam::123456789012:role/mock" }
}

mock_resource "aws_iam_policy" {
  defaults = { arn = "arn:aws:iam::123456789012:policy/mock" }
}

mock_resource "aws_kms_key" {
  defaults = {
    arn    = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000"
    key_id = "00000000-0000-0000-0000-000000000000"
  }
}

mock_resource "aws_s3_bucket" {
  defaults = { arn = "arn:aws:s3:::mock-bucket" }
}

mock_resource "aws_cloudwatch_log_group" {
  defaults = { arn = "arn:aws:logs:us-east-1:123456789012:log-group:mock" }
}

mock_resource "aws_lambda_function" {
  defaults = {
    arn           = "arn:aws:lambda:us-east-1:123456789012:function:mock"
    qualified_arn = "arn:aws:lambda:us-east-1:123456789012:function:mock:1"
    invoke_arn    = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:mock/invocations"
    version       = "1"
  }
}

mock_resource "aws_lambda_alias" {
  defaults = {
    arn        = "arn:aws:lambda:us-east-1:123456789012:function:mock:live"
    invoke_arn = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:mock:live/invocations"
  }
}

mock_resource "aws_lambda_layer_version" {
  defaults = {
    arn       = "arn:aws:lambda:us-east-1:123456789012:layer:mock:1"
    layer_arn = "arn:aws:lambda:us-east-1:123456789012:layer:mock"
  }
}

mock_resource "aws_lambda_function_url" {
  defaults = { function_url = "https://mock.lambda-url.us-east-1.on.aws/" }
}

# The loader's answer: a canary value that no non-sensitive output may repeat (checked by deployment-checks).
mock_resource "aws_lambda_invocation" {
  defaults = { result = "{\"status\":\"loaded\",\"canary\":\"MOCK-LOADER-RESULT-NOT-FOR-OUTPUTS\"}" }
}

mock_resource "aws_glue_connection" {
  defaults = { arn = "arn:aws:glue:us-east-1:123456789012:connection/mock" }
}

mock_resource "aws_glue_catalog_database" {
  defaults = { arn = "arn:aws:glue:us-east-1:123456789012:database/mock" }
}

mock_resource "aws_kinesis_firehose_delivery_stream" {
  defaults = { arn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/mock" }
}

mock_resource "aws_vpc_endpoint" {
  defaults = { prefix_list_id = "pl-63a5400a" }
}

mock_resource "aws_db_instance" {
  defaults = {
    address     = "mock-vector-db.abcdefghijkl.us-east-1.rds.amazonaws.com"
    port        = 5432
    resource_id = "db-MOCKRESOURCEID"
    master_user_secret = [{
      secret_arn    = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-mock-AbCdEf"
      kms_key_id    = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000001"
      secret_status = "active"
    }]
  }
}

mock_resource "aws_secretsmanager_secret" {
  defaults = { arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:t-vector-db-reader-AbCdEf" }
}

mock_data "aws_secretsmanager_random_password" {
  defaults = { random_password = "mock-generated-reader-password-0123456789" }
}
