# One CloudWatch dashboard for the whole pipeline. Every dimension comes from the resource it describes
# (function names, the live alias, the Firehose stream, the DB instance, the Glue job), so a rename moves
# the dashboard with it. Rows: streaming records and latency, Firehose, every function's Lambda metrics,
# the database, the batch side (Glue runs, live model version, rejected records).

locals {
  dashboard_name = "${local.name_prefix}-pipeline"
  region         = data.aws_region.current.name

  firehose_name  = module.streaming_inference.firehose_name
  db_instance_id = module.vector_db.instance_identifier

  function_labels = {
    inference      = "inference (batch)"
    inference_http = "inference (HTTP)"
    transformation = "transformation"
    loader         = "embeddings loader"
  }

  # The transformation function's EMF metrics (BatchMetrics): dimension FunctionName = its own name.
  emf = {
    for metric in ["RecordsOk", "RecordsProcessingFailed", "InferenceLatency", "InferenceUnavailable", "SimilarSeedShare",
    "Top1Share", "DistinctItemsRecommended", "DistinctSimilarItems"] :
    metric => [var.metrics_namespace, metric, "FunctionName", module.streaming_inference.transformation_function_name]
  }

  # Glue 5.0 observability metrics (--enable-observability-metrics): one data point per finished run.
  glue_run_dimensions = ["JobName", module.etl.glue_job_name, "JobRunId", "ALL", "Type", "count", "ObservabilityGroup", "error"]

  # Lambda metrics with the FunctionName dimension alone cover every version and alias of a function.
  lambda_widgets = [
    for metric in [
      { title = "Lambda errors", name = "Errors", stats = ["Sum"], width = 8 },
      { title = "Lambda throttles", name = "Throttles", stats = ["Sum"], width = 8 },
      { title = "Lambda duration p50 / p99 (ms)", name = "Duration", stats = ["p50", "p99"], width = 12 },
      { title = "Lambda concurrent executions (max)", name = "ConcurrentExecutions", stats = ["Maximum"], width = var.inference_provisioned_concurrency > 0 ? 6 : 12 },
      ] : {
      type  = "metric"
      width = metric.width
      title = metric.title
      metrics = [
        for pair in setproduct(keys(local.functions), metric.stats) :
        ["AWS/Lambda", metric.name, "FunctionName", local.functions[pair[0]], { label = length(metric.stats) > 1 ? "${local.function_labels[pair[0]]} ${pair[1]}" : local.function_labels[pair[0]], stat = pair[1] }]
      ]
    }
  ]

  # Provisioned concurrency is configured on the batch inference function's live alias, and its metrics
  # exist only per alias (the Resource dimension).
  provisioned_concurrency_widgets = [
    for alias in [module.streaming_inference.live_alias_resources["inference"]] : {
      type  = "metric"
      width = 6
      title = "Inference provisioned concurrency (${alias})"
      metrics = [
        ["AWS/Lambda", "ProvisionedConcurrencyUtilization", "FunctionName", local.functions.inference, "Resource", alias, { label = "utilization", stat = "Maximum" }],
        ["AWS/Lambda", "ProvisionedConcurrencySpilloverInvocations", "FunctionName", local.functions.inference, "Resource", alias, { label = "spillover invocations", stat = "Sum", yAxis = "right" }],
      ]
    } if var.inference_provisioned_concurrency > 0
  ]

  database_widgets = [
    for metric in [
      { title = "Vector database CPU (%)", name = "CPUUtilization", stats = ["Average", "Maximum"] },
      { title = "Vector database connections", name = "DatabaseConnections", stats = ["Maximum"] },
      { title = "Vector database free storage (bytes)", name = "FreeStorageSpace", stats = ["Minimum"] },
      ] : {
      type    = "metric"
      width   = 8
      title   = metric.title
      metrics = [for stat in metric.stats : ["AWS/RDS", metric.name, "DBInstanceIdentifier", local.db_instance_id, { label = lower(stat), stat = stat }]]
    }
  ]

  # Log widgets run a saved query over its log groups.
  log_widgets = {
    for k, title in {
      glue_runs                = "Last Glue runs: state (last event) and counts"
      live_model_version       = "Live model version (last served / loaded, per function)"
      failed_records_by_reason = "Rejected records by reason"
      } : k => {
      type  = "log"
      title = title
      view  = "table"
      query = join(" | ", concat([for g in local.logs_queries[k].log_groups : "SOURCE '${g}'"], [trimspace(local.logs_queries[k].query)]))
    }
  }

  # Each row: its height and its widgets, left to right. A widget is its type, width and properties.
  dashboard_rows = [
    {
      height = 2
      widgets = [{
        type  = "text"
        width = 24
        markdown = join("\n", [
          "## ${local.name_prefix}: Kinesis → Firehose → transformation → inference → S3; Glue ETL; embeddings loader",
          "Saved Logs Insights queries: `${join("`, `", [for q in aws_cloudwatch_query_definition.this : q.name])}` (correlation_id joins both sides of a batch).",
        ])
      }]
    },
    {
      height = 6
      widgets = [
        {
          type  = "metric"
          width = 8
          title = "Records: in / Ok / ProcessingFailed"
          stat  = "Sum"
          metrics = [
            ["AWS/Firehose", "DataReadFromKinesisStream.Records", "DeliveryStreamName", local.firehose_name, { label = "read from Kinesis" }],
            [{ expression = "FILL(ok, 0) + FILL(failed, 0)", label = "records in (transformation)", id = "recordsin" }],
            concat(local.emf["RecordsOk"], [{ id = "ok", label = "Ok" }]),
            concat(local.emf["RecordsProcessingFailed"], [{ id = "failed", label = "ProcessingFailed" }]),
          ]
        },
        {
          type  = "metric"
          width = 8
          title = "Inference latency per batch (ms) and batches failed for inference"
          metrics = [
            concat(local.emf["InferenceLatency"], [{ label = "p50", stat = "p50" }]),
            concat(local.emf["InferenceLatency"], [{ label = "p99", stat = "p99" }]),
            concat(local.emf["InferenceUnavailable"], [{ label = "inference unavailable (batches)", stat = "Sum", yAxis = "right" }]),
          ]
        },
        {
          type  = "metric"
          width = 8
          title = "Firehose: processing and S3 delivery success (share of attempts)"
          stat  = "Average"
          yAxis = { left = { min = 0, max = 1 } }
          metrics = [
            for metric in ["ExecuteProcessing.Success", "DeliveryToS3.Success"] :
            ["AWS/Firehose", metric, "DeliveryStreamName", local.firehose_name, { label = metric }]
          ]
        },
      ]
    },
    {
      # Recommendation quality per batch (BatchMetrics, from the Ok records): a drop in the seed share means
      # sessions browse products the live model does not know; a rising top-1 share or falling distinct counts
      # mean the recommendations collapse onto a few products. Distinct counts grow with the batch size.
      height = 6
      widgets = [
        {
          type  = "metric"
          width = 12
          title = "Quality per batch: sessions with a similar-items seed, top-1 share (%)"
          stat  = "Average"
          yAxis = { left = { min = 0, max = 100 } }
          metrics = [
            concat(local.emf["SimilarSeedShare"], [{ label = "sessions with a similar-items seed (%)" }]),
            concat(local.emf["Top1Share"], [{ label = "sessions whose first item is the batch's most common (%)" }]),
          ]
        },
        {
          type  = "metric"
          width = 12
          title = "Quality per batch: distinct products served"
          stat  = "Average"
          metrics = [
            concat(local.emf["DistinctItemsRecommended"], [{ label = "in recommended_items" }]),
            concat(local.emf["DistinctSimilarItems"], [{ label = "in similar_items" }]),
          ]
        },
      ]
    },
    {
      height = 6
      widgets = concat([{
        type        = "metric"
        width       = 8
        title       = "Firehose: age of the oldest record not yet in S3 (s)"
        stat        = "Maximum"
        metrics     = [["AWS/Firehose", "DeliveryToS3.DataFreshness", "DeliveryStreamName", local.firehose_name, { label = "DeliveryToS3.DataFreshness" }]]
        annotations = { horizontal = [{ label = "alarm", value = aws_cloudwatch_metric_alarm.delivery_freshness.threshold }] }
      }], slice(local.lambda_widgets, 0, 2))
    },
    { height = 6, widgets = concat(slice(local.lambda_widgets, 2, 4), local.provisioned_concurrency_widgets) },
    { height = 6, widgets = local.database_widgets },
    {
      height = 6
      widgets = [
        {
          type                 = "metric"
          width                = 6
          title                = "Glue runs in the time range"
          view                 = "singleValue"
          setPeriodToTimeRange = true
          stat                 = "Sum"
          metrics = [
            concat(["Glue", "glue.succeed.ALL"], local.glue_run_dimensions, [{ label = "succeeded" }]),
            concat(["Glue", "glue.error.ALL"], local.glue_run_dimensions, [{ label = "failed" }]),
          ]
        },
        merge(local.log_widgets["glue_runs"], { width = 18 }),
      ]
    },
    { height = 6, widgets = [merge(local.log_widgets["live_model_version"], { width = 12 }), merge(local.log_widgets["failed_records_by_reason"], { width = 12 })] },
  ]

  # Widget JSON: x and y from the rows (widgets side by side, rows one under the other); properties are
  # everything but type and width, over the region (metric and log widgets) and the time series defaults
  # (metric widgets).
  metric_defaults = { view = "timeSeries", stacked = false, period = 300 }
  dashboard_widgets = flatten([
    for r, row in local.dashboard_rows : [
      for i, w in row.widgets : {
        type   = w.type
        x      = sum(concat([0], slice([for v in row.widgets : v.width], 0, i)))
        y      = sum(concat([0], slice([for p in local.dashboard_rows : p.height], 0, r)))
        width  = w.width
        height = row.height
        properties = merge(concat(
          [for d in [{ region = local.region }] : d if w.type != "text"],
          [for d in [local.metric_defaults] : d if w.type == "metric"],
          [{ for k, v in w : k => v if !contains(["type", "width"], k) }],
        )...)
      }
    ]
  ])
}

resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = local.dashboard_name
  # A day: the Glue job and model loads are daily events; zoom in for the streaming side.
  dashboard_body = jsonencode({ start = "-P1D", periodOverride = "inherit", widgets = local.dashboard_widgets })
}
