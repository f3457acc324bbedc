package com.scalemodels.recs.etl;

import com.scalemodels.recs.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/**
 * Glue 5.0 / local entry point: classicmodels (customers ⋈ ratings ⋈ products) over JDBC → Snappy Parquet under
 * {@code <target>/ratings-ml-training/customerNumber=N/}, rejects under {@code <target>/ratings-ml-training-rejected/}.
 *
 * <p>Glue: {@code --job-language scala --class com.scalemodels.recs.etl.RatingsTrainingJob}. Locally: add
 * {@code --master local[*]}. A failure (bad arguments, source down, too many bad rows) is thrown out of
 * {@code main}, which makes Glue mark the run failed and a local JVM exit non-zero.
 */
public final class RatingsTrainingJob {

    private final SparkSession spark;
    private final EventLog log;

    public RatingsTrainingJob(SparkSession spark, EventLog log) {
        this.spark = spark;
        this.log = log;
    }

    public static void main(String[] args) {
        JobArgumentsParser.Parsed parsed = new JobArgumentsParser().parseWithIgnored(args);
        JobArguments arguments = parsed.arguments();
        EventLog log = EventLog.install(arguments.glueRunId().orElseGet(() -> "local-" + UUID.randomUUID()));
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("source_jdbc_url", arguments.redactedJdbcUrl());
        started.put("credentials", arguments.sourceSecretId().isPresent() ? "secrets_manager" : "arguments");
        started.put("target_path", arguments.targetPath());
        started.put("read_partitions", arguments.readPartitions());
        started.put("fetch_size", arguments.fetchSize());
        started.put("max_bad_row_fraction", arguments.maxBadRowFraction());
        started.put("ignored_arguments", String.join(",", parsed.ignoredNames()));
        log.event("job_started", started);

        DbCredentials credentials = CredentialsResolver.withSecretsManager().resolve(arguments);
        SparkSession.Builder builder = SparkSession.builder().appName("ratings-training-job");
        arguments.master().ifPresent(builder::master);
        SparkSession spark = builder.getOrCreate();
        try {
            new RatingsTrainingJob(spark, log).run(arguments, credentials);
        } catch (RuntimeException e) {
            log.error("job_failed", EventLog.fields("error", e.getClass().getSimpleName(), "error_message",
                    String.valueOf(e.getMessage())));
            throw e;
        } finally {
            // On Glue the platform owns the session; locally nothing else will stop it and the JVM would linger.
            if (arguments.master().isPresent()) {
                spark.stop();
            }
        }
    }

    public JobReport run(JobArguments args, DbCredentials credentials) {
        long start = System.nanoTime();
        SourceTables source = new JdbcSourceReader(spark, args, credentials).read();
        QualityResult quality = new RatingsQualityCheck().check(source);
        QualityCounts counts = quality.counts();
        double readSeconds = secondsSince(start);
        log.event("phase_done", EventLog.fields("phase", "read_and_check", "seconds", readSeconds,
                "ratings_read", counts.ratingsRead()));
        logQuality(counts);

        long writeStart = System.nanoTime();
        try {
            TrainingTableWriter writer = new TrainingTableWriter(spark);
            // Rejects are written even when the job then fails: they are what someone needs to look at.
            writer.writeRejected(quality.rejected(), args.rejectedPath());
            if (counts.badRowFraction() > args.maxBadRowFraction()) {
                DataQualityException failure = new DataQualityException(counts, args.maxBadRowFraction());
                log.error("quality_threshold_exceeded", EventLog.fields("bad_row_fraction", counts.badRowFraction(),
                        "max_bad_row_fraction", args.maxBadRowFraction(), "rejected", counts.rejected(),
                        "ratings_read", counts.ratingsRead()));
                throw failure;
            }
            writer.invalidateMarkers(args.trainingPath());
            int stale = writer.writeTraining(quality.accepted(), args.trainingPath());
            double writeSeconds = secondsSince(writeStart);
            JobReport report = new JobReport(log.runId(), counts, readSeconds, writeSeconds, stale);
            writer.writeSummary(args.trainingPath(), summaryJson(report, args));
            log.event("phase_done", EventLog.fields("phase", "write", "seconds", writeSeconds,
                    "rows_written", counts.accepted(), "customers", counts.customers(),
                    "stale_partitions_deleted", stale));
            log.event("job_succeeded", EventLog.fields("seconds", secondsSince(start)));
            return report;
        } finally {
            quality.release();
        }
    }

    private void logQuality(QualityCounts counts) {
        for (RejectReason reason : RejectReason.values()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("check", reason.code());
            fields.put("rejected", counts.rejected(reason));
            fields.put("ratings_read", counts.ratingsRead());
            if (reason == RejectReason.NULL_FEATURE) {
                fields.put("null_by_column", inOrder(TrainingColumns.REQUIRED_FEATURES, counts.nullFeatureByColumn()));
            }
            log.event("quality_check", fields);
        }
        log.event("quality_check", EventLog.fields("check", "null_optional_column_kept",
                "null_by_column", inOrder(TrainingColumns.OPTIONAL_FEATURES, counts.nullOptionalByColumn())));
        log.event("quality_summary", EventLog.fields("ratings_read", counts.ratingsRead(), "accepted", counts.accepted(),
                "rejected", counts.rejected(), "bad_row_fraction", counts.badRowFraction()));
    }

    private static Map<String, Long> inOrder(java.util.List<String> columns, Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        columns.forEach(c -> out.put(c, counts.getOrDefault(c, 0L)));
        return out;
    }

    static String summaryJson(JobReport report, JobArguments args) {
        QualityCounts counts = report.counts();
        Map<String, Object> rejected = new LinkedHashMap<>();
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason.code(), counts.rejected(reason));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("format_version", 1);
        summary.put("run_id", report.runId());
        summary.put("completed_at", Instant.now().toString());
        summary.put("ratings_read", counts.ratingsRead());
        summary.put("rows_written", counts.accepted());
        summary.put("customers", counts.customers());
        summary.put("rejected", counts.rejected());
        summary.put("rejected_by_reason", rejected);
        summary.put("bad_row_fraction", counts.badRowFraction());
        summary.put("rejected_path", args.rejectedPath());
        summary.put("read_seconds", report.readSeconds());
        summary.put("write_seconds", report.writeSeconds());
        return Json.writeString(summary);
    }

    private static double secondsSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3;
    }
}
