package com.scalemodels.recs.inference.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.enrichment.SimilarItems;
import com.scalemodels.recs.json.InvalidFieldException;
import com.scalemodels.recs.session.BrowseItem;
import com.scalemodels.recs.session.SessionEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceCodecTest {

    private final InferenceCodec codec = new InferenceCodec();

    private static final SessionEvent SESSION = new SessionEvent("a1", 103, "Nantes", "France", 21000.0,
            List.of(new BrowseItem("S10_1678", 2, true)));

    @Test
    void writesTheContractRequestShape() {
        InferenceRequest request = new InferenceRequest("inv-1/0", 10, 5, List.of(SESSION));

        String json = new String(codec.writeRequest(request), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"request_id\":\"inv-1/0\",\"k\":10,\"similar_k\":5,\"sessions\":["
                + "{\"session_id\":\"a1\",\"customer_number\":103,\"city\":\"Nantes\",\"country\":\"France\","
                + "\"credit_limit\":21000.0,\"browse_history\":[{\"product_code\":\"S10_1678\",\"quantity\":2,"
                + "\"in_shopping_cart\":true}]}]}");
        assertThat(codec.readRequest(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(request);
    }

    @Test
    void theCorrelationIdIsTheFirehoseInvocationIdTheRequestIsAChunkOf() {
        assertThat(new InferenceRequest("49f1-inv/3", 10, 5, List.of()).correlationId()).isEqualTo("49f1-inv");
        assertThat(new InferenceRequest("a/b/12", 10, 5, List.of()).correlationId()).isEqualTo("a/b");
        assertThat(new InferenceRequest("standalone", 10, 5, List.of()).correlationId()).isEqualTo("standalone");
    }

    @Test
    void readsTheContractResponseExample() {
        String json = """
                {"model_version": "classicmodels-2026-11-21-s42",
                 "results": [{"index": 0, "session_id": "a1",
                              "recommended_items": [{"product_code": "S18_3232", "score": 0.91}],
                              "similar_items": {"product_code": "S10_1678", "similar_items": [{"product_code": "S12_1099", "score": 0.88}]},
                              "error": null},
                             {"index": 1, "session_id": "b2", "recommended_items": [], "similar_items": null,
                              "error": "customer 7: no embedding"}]}
                """;

        InferenceResponse response = codec.readResponse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(response).isEqualTo(new InferenceResponse("classicmodels-2026-11-21-s42", List.of(
                SessionResult.ok(0, "a1", List.of(new Recommendation("S18_3232", 0.91)),
                        new SimilarItems("S10_1678", List.of(new Recommendation("S12_1099", 0.88)))),
                SessionResult.failed(1, "b2", "customer 7: no embedding"))));
        assertThat(codec.readResponse(codec.writeResponse(response))).isEqualTo(response);
    }

    @Test
    void responseMustAnswerEverySessionInOrder() {
        InferenceRequest request = new InferenceRequest("r", 10, 5, List.of(SESSION));
        InferenceResponse none = new InferenceResponse("v", List.of());
        InferenceResponse wrongId = new InferenceResponse("v", List.of(SessionResult.ok(0, "zz", List.of(), null)));

        assertThatThrownBy(() -> none.requireMatches(request)).isInstanceOf(InferenceUnavailableException.class);
        assertThatThrownBy(() -> wrongId.requireMatches(request)).isInstanceOf(InferenceUnavailableException.class);
    }

    @Test
    void malformedResponseIsAnOutageNotACrash() {
        assertThatThrownBy(() -> codec.readResponse("{\"results\": 3}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InferenceUnavailableException.class);
        assertThatThrownBy(() -> codec.readResponse("<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InferenceUnavailableException.class);
    }

    @Test
    void rejectsBadRequestsNamingTheField() {
        assertThatThrownBy(() -> codec.readRequest(
                "{\"request_id\":\"r\",\"k\":0,\"similar_k\":5,\"sessions\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidFieldException.class).hasMessage("k: out of range (limit 1..100)");
        assertThatThrownBy(() -> codec.readRequest(("{\"request_id\":\"r\",\"k\":5,\"similar_k\":5,"
                + "\"sessions\":[{\"session_id\":\"a\",\"customer_number\":\"1\",\"browse_history\":[]}]}")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("sessions[0].customer_number: expected an integer");
    }
}
