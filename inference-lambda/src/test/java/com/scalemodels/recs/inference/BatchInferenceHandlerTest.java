package com.scalemodels.recs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.scalemodels.recs.inference.contract.InferenceCodec;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.inference.contract.SessionResult;
import com.scalemodels.recs.inference.recommend.RecommendationService;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.testing.LogCapture;
import com.scalemodels.recs.testing.LogSchemaCheck;
import com.scalemodels.recs.testing.TestLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The deployed batch path (the Lambda runtime hands {@link BatchInferenceHandler} the raw bytes) decodes exactly
 * like the {@link InProcessInferenceClient} the local runner and the integration tests use. The service is a mock:
 * what is under test is what reaches it.
 */
class BatchInferenceHandlerTest {

    private static final String SESSION = "{\"session_id\":\"a1\",\"customer_number\":103,\"city\":\"Nantes\","
            + "\"country\":\"France\",\"credit_limit\":%s,\"browse_history\":[{\"product_code\":\"S10_1678\","
            + "\"quantity\":2,\"in_shopping_cart\":true}]%s}";

    private final RecommendationService service = mock(RecommendationService.class);
    private final BatchInferenceHandler handler = new BatchInferenceHandler(service);

    private static byte[] request(String creditLimit, String extra) {
        return ("{\"request_id\":\"inv-1/0\",\"k\":10,\"similar_k\":5,\"sessions\":["
                + SESSION.formatted(creditLimit, extra) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] deployed(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toByteArray();
    }

    private InferenceRequest reachedTheService() {
        ArgumentCaptor<InferenceRequest> captor = ArgumentCaptor.forClass(InferenceRequest.class);
        verify(service, atLeastOnce()).recommend(captor.capture());
        return captor.getValue();
    }

    @Test
    void duplicateKeysAndTrailingContentFailTheInvocationBeforeTheServiceIsAsked() {
        // A default ObjectMapper keeps the last value, ignores what follows the object, and answers.
        assertThatThrownBy(() -> deployed(request("21000.0", ",\"credit_limit\":1")))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("JSON: duplicate key at line 1");
        byte[] twoValues = (new String(request("21000.0", ""), StandardCharsets.UTF_8) + " {}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> deployed(twoValues))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("JSON: trailing content");
        verifyNoInteractions(service);
    }

    @Test
    void logsTheSchemaWithTheTransformationsInvocationIdAsCorrelationId() throws Exception {
        when(service.recommend(any())).thenReturn(new InferenceResponse("m1",
                List.of(SessionResult.ok(0, "a1", List.of(), null))));
        TestLambdaContext context = new TestLambdaContext("recs-inference", "3", "req-9");

        List<JsonNode> lines = LogSchemaCheck.parse(LogCapture.run("logback.xml", () -> handler.handleRequest(
                new ByteArrayInputStream(request("21000.0", "")), new ByteArrayOutputStream(), context)).stdout());

        LogSchemaCheck.assertSchema(lines, "inference");
        JsonNode done = LogSchemaCheck.event(lines, "batch_done").get(0);
        LogSchemaCheck.assertInvocation(done, context, true);
        assertThat(done.path("correlation_id").asText()).isEqualTo("inv-1");
        assertThat(done.path("sessions").asInt()).isEqualTo(1);
        assertThat(done.path("sessions_failed").isIntegralNumber()).isTrue();
        assertThat(done.path("model_version").asText()).isEqualTo("m1");
        assertThat(done.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(done.toString()).doesNotContain("Nantes").doesNotContain("21000");
    }

    @Test
    void numbersReachTheServiceAsWrittenJustAsThroughTheInProcessClient() throws Exception {
        byte[] event = request("110200.00", ",\"basket_value\":1e5");
        InferenceRequest decoded = new InferenceCodec().readRequest(event);
        when(service.recommend(any())).thenReturn(new InferenceResponse("m1",
                List.of(SessionResult.ok(0, "a1", List.of(), null))));

        byte[] answer = deployed(event);
        InferenceRequest viaLambda = reachedTheService();
        new InProcessInferenceClient(service).recommend(decoded);
        InferenceRequest viaInProcessClient = reachedTheService();

        assertThat(viaLambda.sessions().get(0).creditLimit()).isEqualTo(110200.0);
        assertThat(viaInProcessClient).isEqualTo(viaLambda).isEqualTo(decoded);
        assertThat(new InferenceCodec().readResponse(answer).modelVersion()).isEqualTo("m1");
    }

    @Test
    void anIntegerFieldWrittenAsADecimalIsRejectedOnBothPaths() {
        byte[] event = new String(request("21000.0", ""), StandardCharsets.UTF_8)
                .replace("\"customer_number\":103", "\"customer_number\":103.0").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deployed(event)).isInstanceOf(InvalidFieldException.class)
                .hasMessage("sessions[0].customer_number: expected an integer");
        assertThatThrownBy(() -> new InferenceCodec().readRequest(event)).isInstanceOf(InvalidFieldException.class)
                .hasMessage("sessions[0].customer_number: expected an integer");
        verifyNoInteractions(service);
    }
}
