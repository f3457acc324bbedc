package com.scalemodels.recs.transformation;

import com.scalemodels.recs.config.Environment;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import java.time.Duration;

/**
 * Settings of the Firehose transformation function, read once at init.
 *
 * @param perSession {@code RECS_DEFAULT_K} recommendations and {@code RECS_SIMILAR_K} similar items asked for each
 *     session (the inference function reads its own {@code RECS_DEFAULT_K}, for its HTTP routes)
 */
public record TransformationConfig(String inferenceFunctionName, Duration inferenceTimeout, int inferenceMaxAttempts,
        String metricsNamespace, InferenceSettings perSession) {

    public static TransformationConfig fromEnvironment(Environment env) {
        return new TransformationConfig(
                env.required("INFERENCE_FUNCTION_NAME"),
                env.millis("INFERENCE_TIMEOUT_MS", Duration.ofSeconds(20), Duration.ofMillis(100), Duration.ofMinutes(5)),
                env.integer("INFERENCE_MAX_ATTEMPTS", 2, 1, 5),
                env.optional("METRICS_NAMESPACE", "Recommendations"),
                new InferenceSettings(
                        env.integer("RECS_DEFAULT_K", InferenceSettings.DEFAULT.k(), 1, InferenceRequest.MAX_K),
                        env.integer("RECS_SIMILAR_K", InferenceSettings.DEFAULT.similarK(), 0, InferenceRequest.MAX_K)));
    }
}
