package com.scalemodels.recs.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the repository's own template.yaml: what `invoke` runs is what SAM would run. */
class SamTemplateTest {

    private final Path repo = Path.of(System.getProperty("recs.repo.dir", "..")).toAbsolutePath().normalize();
    private final SamTemplate template = SamTemplate.read(repo);

    @Test
    void parametersTakeTheOverrideElseTheirDefaultAndLiteralsStay() {
        FunctionDefinition f = template.function("TransformationFunction",
                Map.of("LambdaEndpointUrl", "http://127.0.0.1:1234")).orElseThrow();

        assertThat(f.environment()).containsEntry("AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:1234")
                .containsEntry("INFERENCE_FUNCTION_NAME", "InferenceFunction")
                .containsEntry("INFERENCE_TIMEOUT_MS", "35000");
        assertThat(f.handler()).isEqualTo(
                "com.scalemodels.recs.transformation.FirehoseTransformationHandler::handleRequest");
        assertThat(f.code()).isEqualTo(repo.resolve("transformation-lambda/target/deploy/transformation-lambda.jar"));
        assertThat(f.timeoutSeconds()).isEqualTo(120);
        assertThat(f.memoryMb()).isEqualTo(1024);
    }

    @Test
    void layersAreTheirContentUris() {
        FunctionDefinition f = template.function("InferenceFunction", Map.of()).orElseThrow();

        assertThat(f.layers()).containsExactly(repo.resolve("inference-lambda/target/deploy/libtorch-layer.zip"));
        assertThat(f.environment()).containsEntry("VECTOR_DB_CONNECT_TIMEOUT_MS", "5000")
                .containsEntry("VECTOR_DB_POOL_SIZE", "2");
    }

    @Test
    void everyInvokedFunctionIsInTheTemplate() {
        for (InvokedFunction f : InvokedFunction.values()) {
            assertThat(template.function(f.logicalId(), Map.of())).as(f.logicalId()).isPresent();
        }
        assertThat(template.function("LibtorchLayer", Map.of())).isEmpty();
    }
}
