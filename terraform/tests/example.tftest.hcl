# The root module with the values of terraform.tfvars.example, planned and applied against the mocked AWS
# provider. Run from terraform/: terraform test -var-file=terraform.tfvars.example
# (the required variables come only from that file, so this test always follows it).

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

override_data {
  target = module.network.data.aws_subnet.private["subnet-0123456789abcdef0"]
  values = { availability_zone = "us-east-1a" }
}

override_data {
  target = module.network.data.aws_subnet.private["subnet-0fedcba9876543210"]
  values = { availability_zone = "us-east-1b" }
}

override_resource {
  target = module.streaming_inference.aws_lambda_alias.inference_live
  values = { arn = "arn:aws:lambda:us-east-1:123456789012:function:de-c1w4-inference:live" }
}

override_resource {
  target = module.streaming_inference.aws_lambda_alias.transformation_live
  values = { arn = "arn:aws:lambda:us-east-1:123456789012:function:de-c1w4-transformation:live" }
}

run "plan" {
  command = plan

  assert {
    condition     = module.network.subnet_availability_zones == { "subnet-0123456789abcdef0" = "us-east-1a", "subnet-0fedcba9876543210" = "us-east-1b" }
    error_message = "the network module must report each subnet's availability zone"
  }
}

run "apply" {
  command = apply

  assert {
    condition     = output.function_names == { inference = "de-c1w4-inference", inference_http = "de-c1w4-inference-http", transformation = "de-c1w4-transformation", loader = "de-c1w4-embeddings-loader" }
    error_message = "function_names: ${jsonencode(output.function_names)}"
  }

  assert {
    condition     = alltrue([for b in values(output.buckets) : length(b) <= 63 && can(regex("^de-c1w4-[a-z-]+-123456789012-us-east-1$", b))])
    error_message = "every bucket is named <project>-<purpose>-<account>-<region> within 63 characters: ${jsonencode(output.buckets)}"
  }

  assert {
    condition     = output.log_groups["glue_job"] == "/aws-glue/jobs/de-c1w4-ratings-training/error" && output.log_groups["glue_job_output"] == "/aws-glue/jobs/de-c1w4-ratings-training/output"
    error_message = "the Glue log groups are the ones Glue 5.0 writes to with --custom-logGroup-prefix: ${jsonencode(output.log_groups)}"
  }

  assert {
    condition     = alltrue([for k, g in output.log_groups : output.tail_logs_commands[k] == "aws logs tail ${g} --follow --region us-east-1"])
    error_message = "every log group has its tail command"
  }

  assert {
    condition     = output.inference_function_url == "https://mock.lambda-url.us-east-1.on.aws/"
    error_message = "inference_function_url must be the HTTP function's URL"
  }

  assert {
    condition     = output.glue_start_job_run_command == "aws glue start-job-run --job-name de-c1w4-ratings-training --region us-east-1"
    error_message = "glue_start_job_run_command: ${output.glue_start_job_run_command}"
  }

  assert {
    condition     = module.streaming_inference.inference_alias_arn == "arn:aws:lambda:us-east-1:123456789012:function:de-c1w4-inference:live"
    error_message = "the transformation function's callee is the batch inference alias"
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.function)) == toset([for p in setproduct(keys(output.function_names), ["errors", "throttles"]) : join("-", p)])
    error_message = "every function has an Errors and a Throttles alarm: ${jsonencode(keys(aws_cloudwatch_metric_alarm.function))}"
  }

  assert {
    condition     = alltrue([for a in aws_cloudwatch_metric_alarm.function : length(a.alarm_actions) == 0])
    error_message = "without alarm_sns_topic_arn the alarms have no actions"
  }
}
