# Alarms: every function's errors and throttles, records Firehose could not process, and deliveries
# falling behind. With alarm_sns_topic_arn unset they still show state in the console and the CLI.

locals {
  alarm_actions = var.alarm_sns_topic_arn == null ? [] : [var.alarm_sns_topic_arn]

  functions = {
    inference      = module.streaming_inference.inference_function_name
    inference_http = module.streaming_inference.inference_http_function_name
    transformation = module.streaming_inference.transformation_function_name
    loader         = module.vector_db.loader_function_name
  }

  function_alarms = {
    for pair in setproduct(keys(local.functions), ["Errors", "Throttles"]) :
    join("-", [pair[0], lower(pair[1])]) => { function = local.functions[pair[0]], metric = pair[1] }
  }
}

resource "aws_cloudwatch_metric_alarm" "function" {
  for_each = local.function_alarms

  alarm_name          = "${local.name_prefix}-${each.key}"
  alarm_description   = "${each.value.metric} of Lambda function ${each.value.function}"
  namespace           = "AWS/Lambda"
  metric_name         = each.value.metric
  dimensions          = { FunctionName = each.value.function }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# A failed processor invocation sends the whole batch to processing-failed/ after its retries.
resource "aws_cloudwatch_metric_alarm" "firehose_processing" {
  alarm_name          = "${local.name_prefix}-firehose-processing-failures"
  alarm_description   = "Firehose invocations of the transformation function that failed (batches end in processing-failed/)"
  namespace           = "AWS/Firehose"
  metric_name         = "ExecuteProcessing.Success"
  dimensions          = { DeliveryStreamName = module.streaming_inference.firehose_name }
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# Records the transformation function rejected one by one (bad input or a session inference could not
# answer): its EMF metric RecordsProcessingFailed (BatchMetrics), for this deployment's function. Alarms
# cannot use SEARCH(), but they can use a Metrics Insights query.
resource "aws_cloudwatch_metric_alarm" "records_processing_failed" {
  alarm_name          = "${local.name_prefix}-records-processing-failed"
  alarm_description   = "Session records returned ProcessingFailed by the transformation function"
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "failed"
    expression  = "SELECT SUM(RecordsProcessingFailed) FROM \"${var.metrics_namespace}\" WHERE FunctionName = '${module.streaming_inference.transformation_function_name}'"
    period      = 300
    label       = "ProcessingFailed"
    return_data = true
  }
}

resource "aws_cloudwatch_metric_alarm" "delivery_freshness" {
  alarm_name          = "${local.name_prefix}-firehose-delivery-freshness"
  alarm_description   = "Oldest record in Firehose is older than 15 minutes: S3 delivery is falling behind"
  namespace           = "AWS/Firehose"
  metric_name         = "DeliveryToS3.DataFreshness"
  dimensions          = { DeliveryStreamName = module.streaming_inference.firehose_name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = 900
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}
