package com.scalemodels.recs.transformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

/** An EMF environment whose sink keeps the serialized lines instead of printing them. */
final class CapturingMetricsEnvironment implements Environment {

    final List<String> lines = new CopyOnWriteArrayList<>();

    private final ISink sink = new ISink() {
        @Override
        public void accept(MetricsContext context) {
            try {
                lines.addAll(context.serialize());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public CompletableFuture<Void> shutdown() {
            return CompletableFuture.completedFuture(null);
        }
    };

    JsonNode lastLine() {
        return TestEvents.tree(TestEvents.utf8(lines.get(lines.size() - 1)));
    }

    @Override
    public boolean probe() {
        return true;
    }

    @Override
    public String getName() {
        return "test-function";
    }

    @Override
    public String getType() {
        return "AWS::Lambda::Function";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/test-function";
    }

    @Override
    public void configureContext(MetricsContext context) {
    }

    @Override
    public ISink getSink() {
        return sink;
    }
}
