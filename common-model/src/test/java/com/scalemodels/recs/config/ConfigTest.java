package com.scalemodels.recs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    private static Map<String, String> inferenceEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("ML_ARTIFACTS_URI", "s3://ml-artifacts/models/v1");
        env.put("VECTOR_DB_JDBC_URL", "jdbc:postgresql://db:5432/vectors");
        env.put("VECTOR_DB_SECRET_ID", "arn:aws:secretsmanager:us-east-1:123:secret:db");
        return env;
    }

    @Test
    void inferenceConfigAppliesDefaults() {
        InferenceConfig config = InferenceConfig.fromEnvironment(new Environment(inferenceEnv()));

        assertThat(config.artifactsUri()).isEqualTo(URI.create("s3://ml-artifacts/models/v1"));
        assertThat(config.artifactCacheDir()).isEqualTo(Path.of("/tmp/ml-artifacts"));
        assertThat(config.defaultK()).isEqualTo(10);
        assertThat(config.djlCacheDir()).isEqualTo(Path.of("/tmp/djl"));
        assertThat(config.vectorDb().poolSize()).isEqualTo(2);
        assertThat(config.vectorDb().credentials())
                .isEqualTo(new VectorDbConfig.Credentials.SecretsManager("arn:aws:secretsmanager:us-east-1:123:secret:db"));
    }

    @Test
    void missingVariableIsNamed() {
        Map<String, String> env = inferenceEnv();
        env.remove("ML_ARTIFACTS_URI");

        assertThatThrownBy(() -> InferenceConfig.fromEnvironment(new Environment(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ML_ARTIFACTS_URI")
                .hasMessageContaining("required");
    }

    @Test
    void missingCredentialsNameBothOptions() {
        Map<String, String> env = inferenceEnv();
        env.remove("VECTOR_DB_SECRET_ID");

        assertThatThrownBy(() -> InferenceConfig.fromEnvironment(new Environment(env)))
                .hasMessageContaining("VECTOR_DB_SECRET_ID")
                .hasMessageContaining("VECTOR_DB_USER");
    }

    @Test
    void outOfRangeIntegerNamesVariableAndLimits() {
        Map<String, String> env = inferenceEnv();
        env.put("RECS_DEFAULT_K", "1000");

        assertThatThrownBy(() -> InferenceConfig.fromEnvironment(new Environment(env)))
                .hasMessageContaining("RECS_DEFAULT_K")
                .hasMessageContaining("between 1 and 100");
    }

    @Test
    void nonIntegerIsRejectedWithoutEchoingTheValue() {
        Map<String, String> env = inferenceEnv();
        env.put("VECTOR_DB_POOL_SIZE", "two-secret");

        assertThatThrownBy(() -> InferenceConfig.fromEnvironment(new Environment(env)))
                .hasMessageContaining("VECTOR_DB_POOL_SIZE")
                .hasMessageNotContaining("two-secret");
    }

    @Test
    void artifactsUriMustBeS3OrAbsoluteFile() {
        Map<String, String> env = inferenceEnv();
        env.put("ML_ARTIFACTS_URI", "https://example.com/model");
        assertThatThrownBy(() -> InferenceConfig.fromEnvironment(new Environment(env)))
                .hasMessageContaining("ML_ARTIFACTS_URI").hasMessageContaining("s3://");

        env.put("ML_ARTIFACTS_URI", "file:relative/path");
        assertThatThrownBy(() -> InferenceConfig.fromEnvironment(new Environment(env)))
                .hasMessageContaining("absolute");

        env.put("ML_ARTIFACTS_URI", "file:///opt/artifacts");
        assertThat(InferenceConfig.fromEnvironment(new Environment(env)).artifactsUri().getPath())
                .isEqualTo("/opt/artifacts");
    }

    @Test
    void djlMustStayOffline() {
        Map<String, String> env = inferenceEnv();
        env.put("DJL_OFFLINE", "false");

        assertThatThrownBy(() -> InferenceConfig.fromEnvironment(new Environment(env)))
                .hasMessageContaining("DJL_OFFLINE");
    }

    @Test
    void staticCredentialsNeverPrintThePassword() {
        Map<String, String> env = inferenceEnv();
        env.remove("VECTOR_DB_SECRET_ID");
        env.put("VECTOR_DB_USER", "app");
        env.put("VECTOR_DB_PASSWORD", "hunter2");

        VectorDbConfig db = InferenceConfig.fromEnvironment(new Environment(env)).vectorDb();

        assertThat(db.credentials()).isEqualTo(new VectorDbConfig.Credentials.Static("app", "hunter2"));
        assertThat(db.toString()).doesNotContain("hunter2").contains("app");
    }

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
