package com.scalemodels.recs.transformation;

import java.util.Objects;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * Publishes one batch's figures as CloudWatch metrics in Embedded Metric Format: one JSON line on stdout, which
 * Lambda ships to CloudWatch Logs, where it becomes metrics. The environment is fixed rather than auto-detected:
 * detection would probe EC2/ECS metadata endpoints off Lambda, and {@link LambdaEnvironment}'s sink is stdout.
 */
public final class BatchMetrics {

    static final String DIMENSION = "FunctionName";

    private final Environment environment;
    private final String namespace;
    private final String functionName;

    public BatchMetrics(Environment environment, String namespace, String functionName) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
    }

    /** Metrics of the Lambda environment, dimensioned by {@code AWS_LAMBDA_FUNCTION_NAME} ("local" off Lambda). */
    public static BatchMetrics forLambda(String namespace) {
        String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        return new BatchMetrics(new LambdaEnvironment(), namespace, name == null || name.isBlank() ? "local" : name);
    }

    public void publish(BatchStats stats) {
        MetricsLogger metrics = new MetricsLogger(environment);
        metrics.setNamespace(namespace);
        metrics.setDimensions(DimensionSet.of(DIMENSION, functionName));
        metrics.putMetric("RecordsOk", stats.records().ok(), Unit.COUNT);
        metrics.putMetric("RecordsProcessingFailed", stats.records().processingFailed(), Unit.COUNT);
        metrics.putMetric("InferenceLatency", stats.inference().latencyMs(), Unit.MILLISECONDS);
        metrics.putMetric("BytesIn", stats.bytes().in(), Unit.BYTES);
        metrics.putMetric("BytesOut", stats.bytes().out(), Unit.BYTES);
        metrics.putMetric("InferenceChunks", stats.inference().chunks(), Unit.COUNT);
        // Quality drift, from the batch's Ok records only (a batch with none has no figures to report).
        BatchStats.Served served = stats.served();
        if (served.sessions() > 0) {
            metrics.putMetric("SimilarSeedShare", 100 * served.seedShare(), Unit.PERCENT);
            metrics.putMetric("Top1Share", 100 * served.top1Share(), Unit.PERCENT);
            metrics.putMetric("DistinctItemsRecommended", served.distinctRecommended(), Unit.COUNT);
            metrics.putMetric("DistinctSimilarItems", served.distinctSimilar(), Unit.COUNT);
        }
        metrics.putProperty("invocationId", stats.invocationId());
        metrics.flush();
    }

    /** Counts an invocation that failed because inference was unavailable (an alarm source). */
    public void publishInferenceUnavailable(String invocationId) {
        MetricsLogger metrics = new MetricsLogger(environment);
        metrics.setNamespace(namespace);
        metrics.setDimensions(DimensionSet.of(DIMENSION, functionName));
        metrics.putMetric("InferenceUnavailable", 1, Unit.COUNT);
        metrics.putProperty("invocationId", invocationId);
        metrics.flush();
    }
}
