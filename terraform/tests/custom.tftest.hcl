# The root module with a non-default variable set, planned and applied against the mocked AWS provider:
# another region and a project name of the longest length it allows, the VPC's own endpoints instead of
# ours, provisioned concurrency, customer managed keys on the stream, the artifacts bucket and the source
# secret, artifacts at the bucket root, a pinned model version, alarms with a topic. Every variable is set
# here, so the values of -var-file=terraform.tfvars.example do not matter to this file.

mock_provider "aws" {
  source = "./tests/mocks"

  mock_data "aws_region" {
    defaults = { name = "ap-southeast-2" }
  }
}

variables {
  # 19 characters: the most ap-southeast-2 leaves for <project>-recommendations-<account>-<region>.
  project = "scalemodels-recs-p1"
  region  = "ap-southeast-2"
  tags    = { CostCenter = "recs" }

  vpc_id               = "vpc-0aaaaaaaaaaaaaaaa"
  private_subnet_ids   = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2", "subnet-0aaaaaaaaaaaaaaa3"]
  create_vpc_endpoints = false

  source_mysql_host               = "10.20.3.4"
  source_mysql_port               = 3307
  source_mysql_database           = "classicmodels_prod"
  source_mysql_secret_arn         = "arn:aws:secretsmanager:ap-southeast-2:123456789012:secret:prod/classicmodels-Xy12Ab"
  source_mysql_secret_kms_key_arn = "arn:aws:kms:ap-southeast-2:123456789012:key/11111111-1111-1111-1111-111111111111"
  source_mysql_cidr               = "10.20.0.0/16"
  glue_worker_type                = "G.2X"
  glue_number_of_workers          = 4

  kinesis_stream_arn         = "arn:aws:kinesis:ap-southeast-2:123456789012:stream/sessions"
  kinesis_stream_kms_key_arn = "arn:aws:kms:ap-southeast-2:123456789012:key/22222222-2222-2222-2222-222222222222"

  ml_artifacts_bucket      = "scalemodels-ml-artifacts"
  ml_artifacts_prefix      = ""
  ml_artifacts_kms_key_arn = "arn:aws:kms:ap-southeast-2:123456789012:key/33333333-3333-3333-3333-333333333333"
  model_version            = "classicmodels-2026-11-21-s42"

  db_engine_version      = "17"
  db_instance_class      = "db.r7g.large"
  db_multi_az            = true
  db_deletion_protection = false
  db_skip_final_snapshot = true

  inference_provisioned_concurrency = 2
  inference_memory_mb               = 4096
  inference_in_memory_catalog_mb    = 0
  processor_buffer_size_mb          = 1
  recommendations_expiration_days   = 30

  alarm_sns_topic_arn   = "arn:aws:sns:ap-southeast-2:123456789012:recs-alarms"
  log_level             = "DEBUG"
  log_retention_days    = 90
  force_destroy_buckets = true

  deployables = {
    glue_job       = "tests/fixtures/deployable.placeholder"
    loader         = "tests/fixtures/deployable.placeholder"
    inference      = "tests/fixtures/deployable.placeholder"
    libtorch_layer = "tests/fixtures/deployable.placeholder"
    transformation = "tests/fixtures/deployable.placeholder"
  }
}

# Two of the three subnets share an AZ: RDS is satisfied by two.
override_data {
  target = module.network.data.aws_subnet.private["subnet-0aaaaaaaaaaaaaaa1"]
  values = { availability_zone = "ap-southeast-2a" }
}

override_data {
  target = module.network.data.aws_subnet.private["subnet-0aaaaaaaaaaaaaaa2"]
  values = { availability_zone = "ap-southeast-2b" }
}

override_data {
  target = module.network.data.aws_subnet.private["subnet-0aaaaaaaaaaaaaaa3"]
  values = { availability_zone = "ap-southeast-2b" }
}

# Without our endpoints the VPC's DNS settings are not ours to require.
override_data {
  target = module.network.data.aws_vpc.this
  values = { cidr_block = "10.10.0.0/16", enable_dns_support = false, enable_dns_hostnames = false }
}

run "plan" {
  command = plan

  assert {
    condition     = module.network.subnet_availability_zones["subnet-0aaaaaaaaaaaaaaa3"] == "ap-southeast-2b"
    error_message = "subnet AZs come from the subnets themselves"
  }
}

run "apply" {
  command = apply

  assert {
    condition     = alltrue([for b in values(output.buckets) : length(b) <= 63 && can(regex("^scalemodels-recs-p1-[a-z-]+-123456789012-ap-southeast-2$", b))])
    error_message = "bucket names: ${jsonencode(output.buckets)}"
  }

  assert {
    condition     = length(output.buckets["recommendations"]) == 63
    error_message = "the longest bucket name is exactly at S3's limit with this project name"
  }

  assert {
    condition     = alltrue([for a in aws_cloudwatch_metric_alarm.function : a.alarm_actions == toset(["arn:aws:sns:ap-southeast-2:123456789012:recs-alarms"]) && a.ok_actions == toset(["arn:aws:sns:ap-southeast-2:123456789012:recs-alarms"])])
    error_message = "every function alarm notifies alarm_sns_topic_arn"
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.firehose_processing.alarm_actions == toset(["arn:aws:sns:ap-southeast-2:123456789012:recs-alarms"])
    error_message = "the Firehose alarm notifies alarm_sns_topic_arn"
  }

  assert {
    condition     = output.tail_logs_commands["inference_http"] == "aws logs tail /aws/lambda/scalemodels-recs-p1-inference-http --follow --region ap-southeast-2"
    error_message = "tail command of the HTTP function: ${output.tail_logs_commands["inference_http"]}"
  }

  assert {
    condition     = module.vector_db.artifacts_uri == "s3://scalemodels-ml-artifacts"
    error_message = "an empty ml_artifacts_prefix is the bucket root: ${module.vector_db.artifacts_uri}"
  }

  assert {
    condition     = output.dashboard_url == "https://ap-southeast-2.console.aws.amazon.com/cloudwatch/home?region=ap-southeast-2#dashboards:name=scalemodels-recs-p1-pipeline" && !issensitive(output.dashboard_url)
    error_message = "dashboard_url follows the region and the project: ${output.dashboard_url}"
  }

  assert {
    condition     = alltrue([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : try(w.properties.region, "ap-southeast-2") == "ap-southeast-2"])
    error_message = "every widget reads the deployment's region"
  }

  assert {
    # Provisioned concurrency is on the batch inference function's live alias: its metrics exist per alias only.
    condition = (
      anytrue(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : try(m[1] == "ProvisionedConcurrencyUtilization" && m[3] == "scalemodels-recs-p1-inference" && m[4] == "Resource" && m[5] == "scalemodels-recs-p1-inference:live", false)]])) &&
      module.streaming_inference.live_alias_resources["inference"] == "scalemodels-recs-p1-inference:live"
    )
    error_message = "with inference_provisioned_concurrency the dashboard shows the live alias's provisioned concurrency"
  }

  assert {
    condition     = alltrue([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : w.x + w.width <= 24 && w.x >= 0 && w.y >= 0])
    error_message = "every widget fits the dashboard's 24 columns: ${jsonencode([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [w.x, w.y, w.width]])}"
  }

  assert {
    condition     = alltrue([for q in aws_cloudwatch_query_definition.this : startswith(q.name, "scalemodels-recs-p1/") && alltrue([for g in q.log_group_names : contains(values(output.log_groups), g)])])
    error_message = "saved queries belong to this project and read its log groups only"
  }
}
