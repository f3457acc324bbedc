package com.scalemodels.recs.transformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.config.Environment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformationConfigTest {

    @Test
    void transformationConfigReadsTimeoutsAndBoundsAttempts() {
        Map<String, String> env = Map.of("INFERENCE_FUNCTION_NAME", "recs-inference:live",
                "INFERENCE_TIMEOUT_MS", "1500");

        TransformationConfig config = TransformationConfig.fromEnvironment(new Environment(env));

        assertThat(config.inferenceFunctionName()).isEqualTo("recs-inference:live");
        assertThat(config.inferenceTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.inferenceMaxAttempts()).isEqualTo(2);
        assertThat(config.metricsNamespace()).isEqualTo("Recommendations");

        assertThatThrownBy(() -> TransformationConfig.fromEnvironment(new Environment(
                Map.of("INFERENCE_FUNCTION_NAME", "f", "INFERENCE_MAX_ATTEMPTS", "9"))))
                .hasMessageContaining("INFERENCE_MAX_ATTEMPTS").hasMessageContaining("between 1 and 5");
    }

    @Test
    void itemsPerSessionComeFromRecsDefaultKAndRecsSimilarK() {
        assertThat(TransformationConfig.fromEnvironment(new Environment(Map.of("INFERENCE_FUNCTION_NAME", "f")))
                .perSession()).isEqualTo(new InferenceSettings(10, 5));
        assertThat(TransformationConfig.fromEnvironment(new Environment(Map.of("INFERENCE_FUNCTION_NAME", "f",
                "RECS_DEFAULT_K", "20", "RECS_SIMILAR_K", "0"))).perSession()).isEqualTo(new InferenceSettings(20, 0));

        assertThatThrownBy(() -> TransformationConfig.fromEnvironment(new Environment(
                Map.of("INFERENCE_FUNCTION_NAME", "f", "RECS_DEFAULT_K", "101"))))
                .hasMessageContaining("RECS_DEFAULT_K").hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> TransformationConfig.fromEnvironment(new Environment(
                Map.of("INFERENCE_FUNCTION_NAME", "f", "RECS_SIMILAR_K", "-1"))))
                .hasMessageContaining("RECS_SIMILAR_K").hasMessageContaining("between 0 and 100");
    }
}
