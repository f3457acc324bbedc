package com.scalemodels.recs.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalemodels.recs.session.BrowseItem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The blend against the Python reference ({@code blend_query}, golden/session_blend.json made by
 * samples/training/make_session_blend_golden.py): every component must have the same float32 bits, or serving
 * ranks with another query than the one training evaluated.
 */
class SessionBlendTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode golden() throws IOException {
        try (InputStream in = SessionBlendTest.class.getResourceAsStream("/golden/session_blend.json")) {
            assertThat(in).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static float[] vector(JsonNode bits) {
        float[] v = new float[bits.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(bits.get(i).textValue(), 16));
        }
        return v;
    }

    private static String[] hex(float[] v) {
        String[] out = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = String.format("%08x", Float.floatToRawIntBits(v[i]));
        }
        return out;
    }

    @Test
    void everyGoldenCaseMatchesThePythonReferenceBitForBit() throws IOException {
        JsonNode golden = golden();
        assertThat(golden.get("cases").size()).isGreaterThanOrEqualTo(10);
        for (JsonNode c : golden.get("cases")) {
            JsonNode b = c.get("blend");
            SessionBlend blend = new SessionBlend(b.get("user_weight").doubleValue(),
                    b.get("browse_weight").doubleValue(), b.get("cart_weight").doubleValue(),
                    b.get("recency_decay").doubleValue());
            Map<String, float[]> items = new HashMap<>();
            c.get("items").properties().forEach(e -> items.put(e.getKey(), vector(e.getValue())));
            List<BrowseItem> history = new ArrayList<>();
            for (JsonNode h : c.get("history")) {
                history.add(new BrowseItem(h.get("product_code").textValue(), 1, h.get("in_shopping_cart").booleanValue()));
            }
            float[] user = vector(c.get("user"));
            assertThat(user).hasSize(golden.get("dim").intValue());

            float[] query = blend.query(user, history, items);

            assertThat(hex(query)).as(c.get("name").textValue())
                    .containsExactly(hex(vector(c.get("expected"))));
        }
    }

    @Test
    void theQueryIsANewArrayEvenWhenItFallsBackToTheUserVector() {
        float[] user = {0f, 0f};
        float[] query = new SessionBlend(1, 1, 2, 0.9).query(user, List.of(), Map.of());

        assertThat(query).containsExactly(0f, 0f).isNotSameAs(user);
    }

    @Test
    void anItemOfAnotherDimensionIsRefused() {
        assertThatThrownBy(() -> new SessionBlend(1, 1, 2, 0.9).query(new float[2],
                List.of(new BrowseItem("S10_1", 1, false)), Map.of("S10_1", new float[3])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S10_1");
    }

    @Test
    void weightsOutsideTheirRangesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new SessionBlend(-1, 1, 2, 0.9)).hasMessageStartingWith("user_weight:");
        assertThatThrownBy(() -> new SessionBlend(1, Double.NaN, 2, 0.9)).hasMessageStartingWith("browse_weight:");
        assertThatThrownBy(() -> new SessionBlend(1, 1, Double.POSITIVE_INFINITY, 0.9))
                .hasMessageStartingWith("cart_weight:");
        assertThatThrownBy(() -> new SessionBlend(1, 1, 2, 0)).hasMessageStartingWith("recency_decay:");
        assertThatThrownBy(() -> new SessionBlend(1, 1, 2, 1.01)).hasMessageStartingWith("recency_decay:");
        assertThat(new SessionBlend(0, 0, 0, 1).recencyDecay()).isEqualTo(1.0);
    }
}
