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

  assert {
    condition     = one([for q in aws_cloudwatch_metric_alarm.records_processing_failed.metric_query : q.expression]) == "SELECT SUM(RecordsProcessingFailed) FROM \"Recommendations\" WHERE FunctionName = 'de-c1w4-transformation'"
    error_message = "the ProcessingFailed alarm sums the transformation function's EMF metric RecordsProcessingFailed: ${jsonencode(aws_cloudwatch_metric_alarm.records_processing_failed.metric_query)}"
  }

  # The dashboard and the saved queries (in this run: another apply would cost a whole plan): every widget
  # points at the real resources (names from the modules' outputs, never typed in), every query at the
  # right log groups.
  assert {
    condition     = aws_cloudwatch_dashboard.main.dashboard_name == "de-c1w4-pipeline" && output.dashboard_name == aws_cloudwatch_dashboard.main.dashboard_name && length(jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets) >= 15
    error_message = "the dashboard exists and its body is JSON with its widgets: ${aws_cloudwatch_dashboard.main.dashboard_name}"
  }

  assert {
    condition     = output.dashboard_url == "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=de-c1w4-pipeline" && !issensitive(output.dashboard_url)
    error_message = "dashboard_url is the console URL of the dashboard in the deployment's region, not sensitive: ${output.dashboard_url}"
  }

  assert {
    # Every Lambda metric row names one of the real functions, and each function has each metric.
    condition = (
      toset(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : try(m[3], "") if try(m[0] == "AWS/Lambda", false)]])) == toset(values(output.function_names)) &&
      alltrue([for pair in setproduct(values(output.function_names), ["Errors", "Throttles", "Duration", "ConcurrentExecutions"]) :
        anytrue(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : try(m[0] == "AWS/Lambda" && m[1] == pair[1] && m[2] == "FunctionName" && m[3] == pair[0], false)]]))
      ])
    )
    error_message = "every function (${join(", ", values(output.function_names))}) needs Errors, Throttles, Duration and ConcurrentExecutions rows, and no other function name: ${jsonencode(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : "${m[1]} ${m[3]}" if try(m[0] == "AWS/Lambda", false)]]))}"
  }

  assert {
    condition     = alltrue([for p in ["p50", "p99"] : anytrue(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : try(m[1] == "Duration" && m[4].stat == p, false)]]))])
    error_message = "Lambda duration is shown as p50 and p99"
  }

  assert {
    # The transformation function's EMF metrics: namespace METRICS_NAMESPACE, dimension FunctionName = its name.
    condition = alltrue([for metric in ["RecordsOk", "RecordsProcessingFailed", "InferenceLatency"] :
      anytrue(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : try(m[0] == "Recommendations" && m[1] == metric && m[2] == "FunctionName" && m[3] == output.function_names["transformation"], false)]]))
    ])
    error_message = "records Ok / ProcessingFailed and inference latency come from the transformation function's EMF metrics"
  }

  assert {
    condition     = alltrue([for p in ["p50", "p99"] : anytrue(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : try(m[1] == "InferenceLatency" && m[4].stat == p, false)]]))])
    error_message = "inference latency is shown as p50 and p99"
  }

  assert {
    condition = (
      toset(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : try(m[3], "") if try(m[0] == "AWS/Firehose", false)]])) == toset([output.firehose_name]) &&
      alltrue([for metric in ["DataReadFromKinesisStream.Records", "DeliveryToS3.DataFreshness", "ExecuteProcessing.Success", "DeliveryToS3.Success"] :
        anytrue(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : try(m[0] == "AWS/Firehose" && m[1] == metric && m[2] == "DeliveryStreamName", false)]]))
      ])
    )
    error_message = "Firehose records read, freshness and processing/delivery success, all of stream ${output.firehose_name}"
  }

  assert {
    condition = (
      module.vector_db.instance_identifier == "de-c1w4-vector-db" &&
      toset(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : try(m[3], "") if try(m[0] == "AWS/RDS", false)]])) == toset([module.vector_db.instance_identifier]) &&
      alltrue([for metric in ["CPUUtilization", "DatabaseConnections", "FreeStorageSpace"] :
        anytrue(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : try(m[0] == "AWS/RDS" && m[1] == metric && m[2] == "DBInstanceIdentifier", false)]]))
      ])
    )
    error_message = "RDS CPU, connections and free storage of the vector database instance ${module.vector_db.instance_identifier}"
  }

  assert {
    condition = alltrue([for metric in ["glue.succeed.ALL", "glue.error.ALL"] :
      anytrue(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for m in try(w.properties.metrics, []) : try(m[0] == "Glue" && m[1] == metric && m[2] == "JobName" && m[3] == output.glue_job_name, false)]]))
    ])
    error_message = "Glue run outcomes of job ${output.glue_job_name}"
  }

  assert {
    # Log widgets read only this deployment's log groups; the Glue runs widget reads the job's groups and
    # the model version widget the inference and loader groups.
    condition = (
      alltrue(flatten([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : [for g in regexall("SOURCE '([^']+)'", w.properties.query) : contains(values(output.log_groups), g[0])] if w.type == "log"])) &&
      anytrue([for q in [for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : w.properties.query if w.type == "log"] : strcontains(q, "SOURCE '${output.log_groups["glue_job"]}' | SOURCE '${output.log_groups["glue_job_output"]}' |") && strcontains(q, "job_succeeded")]) &&
      anytrue([for q in [for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : w.properties.query if w.type == "log"] : strcontains(q, "SOURCE '${output.log_groups["inference"]}'") && strcontains(q, "SOURCE '${output.log_groups["loader"]}'") && strcontains(q, "latest(model_version)")])
    )
    error_message = "log widgets: ${jsonencode([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : w.properties.query if w.type == "log"])}"
  }

  assert {
    condition     = length([for w in jsondecode(aws_cloudwatch_dashboard.main.dashboard_body).widgets : w if strcontains(jsonencode(w), "ProvisionedConcurrency")]) == 0
    error_message = "no provisioned concurrency widget without provisioned concurrency"
  }

  assert {
    condition = jsonencode({ for k, q in aws_cloudwatch_query_definition.this : k => q.log_group_names }) == jsonencode({
      failed_records_by_reason = ["/aws/lambda/de-c1w4-transformation"]
      slowest_batches          = ["/aws/lambda/de-c1w4-transformation", "/aws/lambda/de-c1w4-inference"]
      one_batch_end_to_end     = ["/aws/lambda/de-c1w4-transformation", "/aws/lambda/de-c1w4-inference"]
      cold_starts              = ["/aws/lambda/de-c1w4-inference", "/aws/lambda/de-c1w4-inference-http", "/aws/lambda/de-c1w4-embeddings-loader", "/aws/lambda/de-c1w4-transformation"]
      loader_runs              = ["/aws/lambda/de-c1w4-embeddings-loader"]
      live_model_version       = ["/aws/lambda/de-c1w4-inference", "/aws/lambda/de-c1w4-inference-http", "/aws/lambda/de-c1w4-embeddings-loader"]
      glue_runs                = ["/aws-glue/jobs/de-c1w4-ratings-training/error", "/aws-glue/jobs/de-c1w4-ratings-training/output"]
    })
    error_message = "saved queries and their log groups: ${jsonencode({ for k, q in aws_cloudwatch_query_definition.this : k => q.log_group_names })}"
  }

  assert {
    condition     = alltrue([for k, q in aws_cloudwatch_query_definition.this : q.name == "de-c1w4/${replace(k, "_", "-")}" && jsonencode(output.logs_insights_queries[k]) == jsonencode({ name = q.name, log_groups = q.log_group_names, query = q.query_string })])
    error_message = "each query is saved under de-c1w4/ and output with its log groups and text"
  }

  assert {
    condition     = strcontains(output.logs_insights_queries["one_batch_end_to_end"].query, "filter correlation_id = \"PASTE_CORRELATION_ID\"") && strcontains(output.logs_insights_queries["failed_records_by_reason"].query, "filter event = \"record_rejected\"")
    error_message = "the end-to-end query filters on the correlation_id placeholder the user replaces"
  }
}
