package com.scalemodels.recs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.session.DecodeResult;
import com.scalemodels.recs.session.SessionDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichedRecordEncoderTest {

    private final SessionDecoder decoder = new SessionDecoder();
    private final EnrichedRecordEncoder encoder = new EnrichedRecordEncoder();

    private ObjectNode original(String json) {
        return ((DecodeResult.Valid) decoder.decode(json.getBytes(StandardCharsets.UTF_8))).original();
    }

    @Test
    void appendsTheThreeFieldsToTheUnchangedInputAsOneLine() {
        String input = "{\"zeta\":1,\"session_id\":\"a1\",\"customer_number\":103,\"credit_limit\":21000.0,"
                + "\"extra\":{\"n\":1e5,\"m\":-0,\"big\":123456789012345678901234567890,\"f\":0.10},"
                + "\"browse_history\":[{\"product_code\":\"S10_1678\",\"quantity\":2,\"in_shopping_cart\":true,"
                + "\"seen_at\":\"2026-11-21\"}],\"city\":\"München\",\"alpha\":[true,null]}";
        EnrichedRecord record = new EnrichedRecord(original(input),
                List.of(new Recommendation("S18_3232", 0.91)),
                new SimilarItems("S10_1678", List.of(new Recommendation("S12_1099", 0.88))),
                "classicmodels-2026-11-21-s42");

        String line = new String(encoder.encode(record), StandardCharsets.UTF_8);

        assertThat(line).isEqualTo(input.substring(0, input.length() - 1)
                + ",\"recommended_items\":[{\"product_code\":\"S18_3232\",\"score\":0.91}],"
                + "\"similar_items\":{\"product_code\":\"S10_1678\",\"similar_items\":"
                + "[{\"product_code\":\"S12_1099\",\"score\":0.88}]},"
                + "\"model_version\":\"classicmodels-2026-11-21-s42\"}\n");
    }

    @Test
    void writesNullSimilarItemsAndLeavesTheInputNodeUntouched() {
        ObjectNode node = original("{\"session_id\":\"a\",\"customer_number\":1,\"browse_history\":[]}");
        String before = node.toString();

        byte[] line = encoder.encode(new EnrichedRecord(node, List.of(), null, "v1"));

        assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo(
                "{\"session_id\":\"a\",\"customer_number\":1,\"browse_history\":[],"
                        + "\"recommended_items\":[],\"similar_items\":null,\"model_version\":\"v1\"}\n");
        assertThat(node.toString()).isEqualTo(before);
    }

    @Test
    void inputKeysNamedLikeOutputFieldsAreReplacedNotDuplicated() {
        ObjectNode node = original("{\"model_version\":\"old\",\"session_id\":\"a\",\"customer_number\":1,"
                + "\"browse_history\":[]}");

        String line = new String(encoder.encode(new EnrichedRecord(node, List.of(), null, "v2")),
                StandardCharsets.UTF_8);

        assertThat(line).isEqualTo("{\"session_id\":\"a\",\"customer_number\":1,\"browse_history\":[],"
                + "\"recommended_items\":[],\"similar_items\":null,\"model_version\":\"v2\"}\n");
    }

    @Test
    void multiLineInputBecomesOneLine() {
        ObjectNode node = original("{\n  \"session_id\": \"a\",\n  \"customer_number\": 1,\n"
                + "  \"note\": \"line1\\nline2\",\n  \"browse_history\": []\n}");

        String line = new String(encoder.encode(new EnrichedRecord(node, List.of(), null, "v")),
                StandardCharsets.UTF_8);

        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(line).contains("\"note\":\"line1\\nline2\"");
    }
}
