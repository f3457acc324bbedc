# Saved CloudWatch Logs Insights queries, written against the one JSON log schema every component writes
# (Powertools key names: level, message, service, function_name, cold_start, correlation_id, event and
# snake_case event fields). The transformation function's correlation_id is its Firehose invocation id and
# the batch inference function logs the same value, so one query sees both sides of a batch.
# Each query is saved under <project>/ in the Logs Insights console, printed by `terraform output
# logs_insights_queries`, and repeated word for word in the README files (deployment-checks compares them).

locals {
  logs_queries = {
    # Records the transformation function returned as ProcessingFailed, counted by reason (field and rule).
    failed_records_by_reason = {
      log_groups = [local.log_groups.transformation]
      query      = <<-EOT
        filter event = "record_rejected"
        | stats count(*) as records, latest(correlation_id) as last_batch by reason
        | sort records desc
        | limit 50
      EOT
    }

    # Slowest Firehose batches: the transformation's time, the inference call it waited for, and the inference
    # side. Both functions log batch_done with the same correlation_id, so grouping by it joins them. Fields
    # only one side writes (records_in, inference_ms on the transformation's line; sessions, model_version on
    # the inference function's) aggregate that side alone. The transformation's duration_ms covers its
    # inference calls, so the maximum is the batch's own time.
    slowest_batches = {
      log_groups = [local.log_groups.transformation, local.log_groups.inference]
      query      = <<-EOT
        filter event = "batch_done"
        | stats max(duration_ms) as batch_ms, max(inference_ms) as inference_call_ms, max(records_in) as records_in, max(records_failed) as records_failed, count(sessions) as inference_calls, sum(sessions) as sessions, latest(model_version) as model_version by correlation_id
        | sort batch_ms desc
        | limit 20
      EOT
    }

    # Every line both functions wrote for one batch: replace PASTE_CORRELATION_ID with a correlation_id (from
    # slowest_batches or failed_records_by_reason).
    one_batch_end_to_end = {
      log_groups = [local.log_groups.transformation, local.log_groups.inference]
      query      = <<-EOT
        fields @timestamp, service, level, event, message, duration_ms, records_in, records_failed, sessions, reason, model_version
        | filter correlation_id = "PASTE_CORRELATION_ID"
        | sort @timestamp asc
        | limit 1000
      EOT
    }

    # Invocations, cold starts and init time of every function, from Lambda's own REPORT lines: Init Duration
    # on a cold start; a SnapStart restore (the transformation function) reports Restore Duration instead.
    cold_starts = {
      log_groups = [for k in keys(local.functions) : local.log_groups[k]]
      query      = <<-EOT
        filter @type = "REPORT"
        | parse @message /Restore Duration: (?<restore_ms>[0-9.]+) ms/
        | stats count(*) as invocations, count(@initDuration) as cold_starts, avg(@initDuration) as avg_init_ms, max(@initDuration) as max_init_ms, count(restore_ms) as snapstart_restores, max(restore_ms) as max_restore_ms by @log
        | sort cold_starts desc
      EOT
    }

    # Embeddings loads, refusals (quality gate, version pin) and rollbacks, newest first, with every error the
    # loader logged.
    loader_runs = {
      log_groups = [local.log_groups.loader]
      query      = <<-EOT
        fields @timestamp, event, level, model_version, correlation_id, duration_ms, message
        | filter event like /^(load|rollback)_/ or level = "ERROR"
        | sort @timestamp desc
        | limit 50
      EOT
    }

    # The model version each function last served (inference batch_done) or loaded (loader load_done).
    live_model_version = {
      log_groups = [local.log_groups.inference, local.log_groups.inference_http, local.log_groups.loader]
      query      = <<-EOT
        filter event in ["batch_done", "load_done"] and ispresent(model_version)
        | stats latest(model_version) as model_version, max(@timestamp) as last_seen by service, function_name
        | sort last_seen desc
      EOT
    }

    # Last Glue job runs by run id: state and counts (ratings read, accepted, rejected). The last event of a
    # run is its state: job_succeeded, job_failed, or an earlier one while it runs (or if it died without a
    # word). The job's events may reach either group, with or without a log4j prefix before the JSON, so the
    # fields are parsed from the text instead of relying on JSON discovery.
    glue_runs = {
      log_groups = [local.log_groups.glue_job, local.log_groups.glue_job_output]
      query      = <<-EOT
        parse @message /"event"\s*:\s*"(?<run_event>[a-z_]+)"/
        | parse @message /"correlation_id"\s*:\s*"(?<run_id>[^"]+)"/
        | filter run_event in ["job_started", "quality_summary", "quality_threshold_exceeded", "job_succeeded", "job_failed"]
        | parse @message /"ratings_read"\s*:\s*(?<n_read>[0-9]+)/
        | parse @message /"accepted"\s*:\s*(?<n_accepted>[0-9]+)/
        | parse @message /"rejected"\s*:\s*(?<n_rejected>[0-9]+)/
        | stats latest(run_event) as state, max(n_read) as ratings_read, max(n_accepted) as accepted, max(n_rejected) as rejected, min(@timestamp) as started, max(@timestamp) as last_event_at by run_id
        | sort last_event_at desc
        | limit 5
      EOT
    }
  }
}

resource "aws_cloudwatch_query_definition" "this" {
  for_each = local.logs_queries

  name            = "${local.name_prefix}/${replace(each.key, "_", "-")}"
  log_group_names = each.value.log_groups
  query_string    = trimspace(each.value.query)
}
