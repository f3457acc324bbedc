# One CloudWatch dashboard for the whole pipeline. Every dimension comes from the resource it describes
# (function names, the live alias, the Firehose stream, the DB instance, the Glue job), so a rename moves
# the dashboard with it. Rows: streaming records and latency, Firehose, every function's Lambda metrics,
# the database, the batch side (Glue runs, live model version, rejected records).

locals {
  dashboard_name = "${local.name_prefix}-pipeline"
  region         = data.aws_region.current.name

  transformation_name = module.streaming_inference.transformation_function_name
  firehose_name       = module.streaming_inference.firehose_name
  db_instance_id      = module.vector_db.instance_identifier
  glue_job_name       = module.etl.glue_job_name

  function_labels = {
    inference      = "inference (batch)"
    inference_http = "inference (HTTP)"
    transformation = "transformation"
    loader         = "embeddings loader"
  }

  # Lambda metrics with the FunctionName dimension alone cover every version and alias of a function.
  lambda_rows = {
    for metric, stat in { Errors = "Sum", Throttles = "Sum", ConcurrentExecutions = "Maximum" } : metric => [
      for k, name in local.functions : ["AWS/Lambda", metric, "FunctionName", name, { label = local.function_labels[k], stat = stat }]
    ]
  }
  lambda_duration_rows = [
    for pair in setproduct(keys(local.functions), ["p50", "p99"]) :
    ["AWS/Lambda", "Duration", "FunctionName", local.functions[pair[0]], { label = "${local.function_labels[pair[0]]} ${pair[1]}", stat = pair[1] }]
  ]

  # The transformation function's EMF metrics (BatchMetrics): dimension FunctionName = its own name.
  emf = { namespace = var.metrics_namespace, dimension = "FunctionName", value = local.transformation_name }

  # Glue 5.0 observability metrics (--enable-observability-metrics): one data point per finished run.
  glue_run_dimensions = ["JobName", local.glue_job_name, "JobRunId", "ALL", "Type", "count", "ObservabilityGroup", "error"]

  metric_widget_defaults = { region = local.region, view = "timeSeries", stacked = false, period = 300 }

  log_widget_queries = {
    for k in ["failed_records_by_reason", "live_model_version", "glue_runs"] :
    k => join(" | ", concat([for g in local.logs_queries[k].log_groups : "SOURCE '${g}'"], [trimspace(local.logs_queries[k].query)]))
  }

  dashboard_rows = [
    {
      height = 2
      widgets = [{
        type  = "text"
        width = 24
        properties = {
          markdown = join("\n", [
            "## ${local.name_prefix}: Kinesis → Firehose → transformation → inference → S3; Glue ETL; embeddings loader",
            "Saved Logs Insights queries: `${join("`, `", [for q in aws_cloudwatch_query_definition.this : q.name])}` (correlation_id joins both sides of a batch).",
          ])
        }
      }]
    },
    {
      height = 6
      widgets = [
        {
          type  = "metric"
          width = 8
          properties = merge(local.metric_widget_defaults, {
            title = "Records: in / Ok / ProcessingFailed"
            stat  = "Sum"
            metrics = [
              ["AWS/Firehose", "DataReadFromKinesisStream.Records", "DeliveryStreamName", local.firehose_name, { label = "read from Kinesis" }],
              [{ expression = "FILL(ok, 0) + FILL(failed, 0)", label = "records in (transformation)", id = "recordsin" }],
              [local.emf.namespace, "RecordsOk", local.emf.dimension, local.emf.value, { id = "ok", label = "Ok" }],
              [local.emf.namespace, "RecordsProcessingFailed", local.emf.dimension, local.emf.value, { id = "failed", label = "ProcessingFailed" }],
            ]
          })
        },
        {
          type  = "metric"
          width = 8
          properties = merge(local.metric_widget_defaults, {
            title = "Inference latency per batch (ms) and batches failed for inference"
            metrics = [
              [local.emf.namespace, "InferenceLatency", local.emf.dimension, local.emf.value, { label = "p50", stat = "p50" }],
              [local.emf.namespace, "InferenceLatency", local.emf.dimension, local.emf.value, { label = "p99", stat = "p99" }],
              [local.emf.namespace, "InferenceUnavailable", local.emf.dimension, local.emf.value, { label = "inference unavailable (batches)", stat = "Sum", yAxis = "right" }],
            ]
          })
        },
        {
          type  = "metric"
          width = 8
          properties = merge(local.metric_widget_defaults, {
            title = "Firehose: processing and S3 delivery success (share of attempts)"
            stat  = "Average"
            yAxis = { left = { min = 0, max = 1 } }
            metrics = [
              ["AWS/Firehose", "ExecuteProcessing.Success", "DeliveryStreamName", local.firehose_name, { label = "ExecuteProcessing.Success" }],
              ["AWS/Firehose", "DeliveryToS3.Success", "DeliveryStreamName", local.firehose_name, { label = "DeliveryToS3.Success" }],
            ]
          })
        },
      ]
    },
    {
      height = 6
      widgets = [
        {
          type  = "metric"
          width = 8
          properties = merge(local.metric_widget_defaults, {
            title = "Firehose: age of the oldest record not yet in S3 (s)"
            stat  = "Maximum"
            metrics = [
              ["AWS/Firehose", "DeliveryToS3.DataFreshness", "DeliveryStreamName", local.firehose_name, { label = "DeliveryToS3.DataFreshness" }],
            ]
            annotations = { horizontal = [{ label = "alarm", value = aws_cloudwatch_metric_alarm.delivery_freshness.threshold }] }
          })
        },
        {
          type  = "metric"
          width = 8
          properties = merge(local.metric_widget_defaults, {
            title   = "Lambda errors"
            metrics = local.lambda_rows["Errors"]
          })
        },
        {
          type  = "metric"
          width = 8
          properties = merge(local.metric_widget_defaults, {
            title   = "Lambda throttles"
            metrics = local.lambda_rows["Throttles"]
          })
        },
      ]
    },
    {
      height = 6
      widgets = concat(
        [
          {
            type  = "metric"
            width = 12
            properties = merge(local.metric_widget_defaults, {
              title   = "Lambda duration p50 / p99 (ms)"
              metrics = local.lambda_duration_rows
            })
          },
          {
            type  = "metric"
            width = var.inference_provisioned_concurrency > 0 ? 6 : 12
            properties = merge(local.metric_widget_defaults, {
              title   = "Lambda concurrent executions (max)"
              metrics = local.lambda_rows["ConcurrentExecutions"]
            })
          },
        ],
        # Provisioned concurrency is configured on the batch inference function's live alias, and its
        # metrics exist only per alias (the Resource dimension).
        [
          for pc in [module.streaming_inference.live_alias_resources["inference"]] : {
            type  = "metric"
            width = 6
            properties = merge(local.metric_widget_defaults, {
              title = "Inference provisioned concurrency (${pc})"
              metrics = [
                ["AWS/Lambda", "ProvisionedConcurrencyUtilization", "FunctionName", local.functions.inference, "Resource", pc, { label = "utilization", stat = "Maximum" }],
                ["AWS/Lambda", "ProvisionedConcurrencySpilloverInvocations", "FunctionName", local.functions.inference, "Resource", pc, { label = "spillover invocations", stat = "Sum", yAxis = "right" }],
              ]
            })
          } if var.inference_provisioned_concurrency > 0
        ],
      )
    },
    {
      height = 6
      widgets = [
        {
          type  = "metric"
          width = 8
          properties = merge(local.metric_widget_defaults, {
            title = "Vector database CPU (%)"
            yAxis = { left = { min = 0, max = 100 } }
            metrics = [
              ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", local.db_instance_id, { label = "average", stat = "Average" }],
              ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", local.db_instance_id, { label = "maximum", stat = "Maximum" }],
            ]
          })
        },
        {
          type  = "metric"
          width = 8
          properties = merge(local.metric_widget_defaults, {
            title = "Vector database connections"
            metrics = [
              ["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", local.db_instance_id, { label = "connections (max)", stat = "Maximum" }],
            ]
          })
        },
        {
          type  = "metric"
          width = 8
          properties = merge(local.metric_widget_defaults, {
            title = "Vector database free storage (bytes)"
            metrics = [
              ["AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier", local.db_instance_id, { label = "free storage (min)", stat = "Minimum" }],
            ]
          })
        },
      ]
    },
    {
      height = 6
      widgets = [
        {
          type  = "metric"
          width = 6
          properties = merge(local.metric_widget_defaults, {
            title                = "Glue runs in the time range"
            view                 = "singleValue"
            setPeriodToTimeRange = true
            stat                 = "Sum"
            metrics = [
              concat(["Glue", "glue.succeed.ALL"], local.glue_run_dimensions, [{ label = "succeeded" }]),
              concat(["Glue", "glue.error.ALL"], local.glue_run_dimensions, [{ label = "failed" }]),
            ]
          })
        },
        {
          type  = "log"
          width = 18
          properties = {
            title  = "Last Glue runs: state (last event) and counts"
            region = local.region
            view   = "table"
            query  = local.log_widget_queries["glue_runs"]
          }
        },
      ]
    },
    {
      height = 6
      widgets = [
        {
          type  = "log"
          width = 12
          properties = {
            title  = "Live model version (last served / loaded, per function)"
            region = local.region
            view   = "table"
            query  = local.log_widget_queries["live_model_version"]
          }
        },
        {
          type  = "log"
          width = 12
          properties = {
            title  = "Rejected records by reason"
            region = local.region
            view   = "table"
            query  = local.log_widget_queries["failed_records_by_reason"]
          }
        },
      ]
    },
  ]

  # x and y from the rows: widgets side by side, rows one under the other.
  dashboard_widgets = flatten([
    for r, row in local.dashboard_rows : [
      for i, w in row.widgets : merge(w, {
        x      = sum(concat([0], slice([for v in row.widgets : v.width], 0, i)))
        y      = sum(concat([0], slice([for p in local.dashboard_rows : p.height], 0, r)))
        height = row.height
      })
    ]
  ])
}

resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = local.dashboard_name
  # A day: the Glue job and model loads are daily events; zoom in for the streaming side.
  dashboard_body = jsonencode({ start = "-P1D", periodOverride = "inherit", widgets = local.dashboard_widgets })
}
