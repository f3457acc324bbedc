package com.scalemodels.recs.transformation;

import com.scalemodels.recs.config.Environment;
import java.time.Duration;

/** Settings of the Firehose transformation function, read once at init. */
public record TransformationConfig(String inferenceFunctionName, Duration inferenceTimeout, int inferenceMaxAttempts,
        String metricsNamespace) {

    public static TransformationConfig fromEnvironment(Environment env) {
        return new TransformationConfig(
                env.required("INFERENCE_FUNCTION_NAME"),
                env.millis("INFERENCE_TIMEOUT_MS", Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofMinutes(5)),
                env.integer("INFERENCE_MAX_ATTEMPTS", 2, 1, 5),
                env.optional("METRICS_NAMESPACE", "Recommendations"));
    }
}
