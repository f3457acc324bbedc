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
}
