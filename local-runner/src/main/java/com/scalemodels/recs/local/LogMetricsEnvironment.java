package com.scalemodels.recs.local;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/**
 * Where the transformation function's EMF metric lines go locally: the log file (logger {@code metrics}), instead
 * of stdout, which on Lambda is CloudWatch Logs and here is the user's console.
 */
final class LogMetricsEnvironment implements Environment {

    private static final Logger METRICS = LoggerFactory.getLogger("metrics");

    private final ISink sink = new ISink() {
        @Override
        public void accept(MetricsContext context) {
            try {
                context.serialize().forEach(METRICS::info);
            } catch (Exception e) {
                METRICS.warn("cannot serialize metrics: {}", e.toString());
            }
        }

        @Override
        public CompletableFuture<Void> shutdown() {
            return CompletableFuture.completedFuture(null);
        }
    };

    @Override
    public boolean probe() {
        return true;
    }

    @Override
    public String getName() {
        return "de-c1w4-transformation";
    }

    @Override
    public String getType() {
        return "AWS::Lambda::Function";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/de-c1w4-transformation";
    }

    @Override
    public void configureContext(MetricsContext context) {
    }

    @Override
    public ISink getSink() {
        return sink;
    }
}
