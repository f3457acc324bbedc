package com.scalemodels.recs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.inference.contract.InferenceCodec;
import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.contract.InferenceResponse;
import com.scalemodels.recs.session.SessionEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two handlers as Lambda calls them: raw JSON in, raw JSON out. */
class InferenceHandlerIT {

    @TempDir
    static Path work;
    private static SampleInference sample;
    private static InferenceRuntime runtime;
    private static BatchInferenceHandler batch;
    private static HttpInferenceHandler handler;
    private static Map<String, float[]> itemCsv;
    private static Map<String, float[]> userCsv;

    @BeforeAll
    static void start() throws Exception {
        sample = SampleInference.start("handler_it", work);
        runtime = sample.runtime;
        batch = new BatchInferenceHandler(runtime.service());
        handler = new HttpInferenceHandler(runtime);
        itemCsv = sample.itemCsv;
        userCsv = sample.userCsv;
    }

    @AfterAll
    static void stop() throws Exception {
        sample.close();
    }

    @Test
    void batchRequestOverTheWireGetsTheServiceAnswer() throws Exception {
        List<SessionEvent> sessions = SampleModelIT.sampleSessions().subList(0, 25);
        InferenceRequest request = new InferenceRequest("batch-1", 10, 5, sessions);
        InferenceCodec codec = new InferenceCodec();

        JsonNode raw = Events.invoke(batch, codec.writeRequest(request));
        InferenceResponse response = codec.readResponse(Events.bytes(raw)).requireMatches(request);

        assertThat(response).isEqualTo(runtime.service().recommend(request));
        assertThat(raw.get("results").get(0).has("recommended_items")).isTrue();
    }

    @Test
    void itemsFromItemAnswersKnownItemsAndNamesUnknownOnes() throws Exception {
        JsonNode ok = Events.invoke(handler, Events.http("GET", "/items_from_item",
                Map.of("item_id", "S10_1264", "limit", "3"), null));
        assertThat(ok.get("statusCode").asInt()).isEqualTo(200);
        JsonNode body = Events.JSON.readTree(ok.get("body").asText());
        assertThat(body.get("model_version").asText()).isEqualTo(runtime.artifacts().manifest().modelVersion());
        // The sample manifest's item_distance is cosine.
        assertThat(codes(body.get("similar_items"))).isEqualTo(sample.bruteForceCosine(itemCsv.get("S10_1264"),
                Set.of("S10_1264"), 3).stream().map(Recommendation::productCode).toList());

        JsonNode missing = Events.invoke(handler, Events.http("GET", "/items_from_item", Map.of("item_id", "S99_0000"), null));
        assertThat(missing.get("statusCode").asInt()).isEqualTo(404);
        assertThat(missing.get("body").asText()).contains("item_id").contains("S99_0000");
    }

    @Test
    void badInputIs400NamingTheFieldAndTheLimit() throws Exception {
        JsonNode limit = Events.invoke(handler, Events.http("GET", "/items_from_item",
                Map.of("item_id", "S10_1264", "limit", "1000"), null));
        assertThat(limit.get("statusCode").asInt()).isEqualTo(400);
        assertThat(limit.get("body").asText()).contains("limit").contains("100");

        JsonNode credit = Events.invoke(handler, Events.http("POST", "/user_embeddings", Map.of(),
                "{\"city\":\"Nantes\",\"country\":\"France\",\"credit_limit\":\"lots\"}"));
        assertThat(credit.get("statusCode").asInt()).isEqualTo(400);
        assertThat(credit.get("body").asText()).contains("credit_limit");

        JsonNode notJson = Events.invoke(handler, Events.http("POST", "/items_from_user", Map.of(), "{oops"));
        assertThat(notJson.get("statusCode").asInt()).isEqualTo(400);
        assertThat(notJson.get("body").asText()).contains("body").doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void wrongMethodAndUnknownRoute() throws Exception {
        assertThat(Events.invoke(handler, Events.http("POST", "/items_from_item", Map.of("item_id", "S10_1264"), "{}"))
                .get("statusCode").asInt()).isEqualTo(405);
        assertThat(Events.invoke(handler, Events.http("GET", "/nope", Map.of(), null))
                .get("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void userEmbeddingsForOneOrManyUsers() throws Exception {
        // Customer 103 of the sample data: Tokyo, Japan, 110200.00.
        JsonNode one = Events.invoke(handler, Events.http("POST", "/user_embeddings", Map.of(),
                "{\"city\":\"Tokyo\",\"country\":\"Japan\",\"credit_limit\":110200.00}"));
        assertThat(one.get("statusCode").asInt()).isEqualTo(200);
        JsonNode embeddings = Events.JSON.readTree(one.get("body").asText()).get("embeddings");
        assertThat(floats(embeddings.get(0))).containsExactly(userCsv.get("103"), within(1e-5f));

        JsonNode many = Events.invoke(handler, Events.http("POST", "/user_embeddings", Map.of(),
                "{\"users\":[{\"city\":\"Tokyo\",\"country\":\"Japan\",\"credit_limit\":110200.00},"
                        + "{\"city\":\"Nowhere\",\"country\":null,\"credit_limit\":null}]}"));
        assertThat(Events.JSON.readTree(many.get("body").asText()).get("embeddings")).hasSize(2);
    }

    @Test
    void itemsFromUserByStoredEmbeddingExcludesWhatItIsTold() throws Exception {
        JsonNode answer = Events.invoke(handler, Events.http("POST", "/items_from_user", Map.of("limit", "5"),
                "{\"customer_number\":103,\"exclude\":[\"S10_1264\"]}"));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        JsonNode items = Events.JSON.readTree(answer.get("body").asText()).get("items");
        assertThat(codes(items)).isEqualTo(bruteForce(userCsv.get("103"), Set.of("S10_1264"), 5));

        JsonNode unknown = Events.invoke(handler, Events.http("POST", "/items_from_user", Map.of(),
                "{\"customer_number\":999999}"));
        assertThat(unknown.get("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void anEventThatIsNotABatchRequestFailsTheBatchInvocationNamingTheField() {
        assertThatThrownBy(() -> Events.invoke(batch, "{\"hello\":1}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request_id");
        assertThatThrownBy(() -> Events.invoke(batch, Events.http("GET", "/nope", Map.of(), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request_id");
    }

    private static List<String> codes(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("product_code").asText()));
        return out;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).floatValue();
        }
        return out;
    }

    private static List<String> bruteForce(float[] query, Set<String> exclude, int k) {
        return sample.bruteForce(query, exclude, k).stream().map(Recommendation::productCode).toList();
    }
}
