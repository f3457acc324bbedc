package com.scalemodels.recs.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The encoder against vectors computed by scikit-learn itself (golden/make_golden.py): every value must have the
 * same float32 bits, because the towers were trained on exactly those.
 */
class GoldenVectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenVectorTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<Map<String, Object>> rows() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : JSON.readTree(resource("rows.json")).get("rows")) {
            Map<String, Object> values = new LinkedHashMap<>();
            row.fields().forEachRemaining(e -> values.put(e.getKey(),
                    e.getValue().isNull() ? null : e.getValue().isTextual() ? e.getValue().textValue()
                            : (Object) e.getValue().doubleValue()));
            rows.add(values);
        }
        return rows;
    }

    private static int[][] expectedBits(String testCase) throws IOException {
        JsonNode vectors = JSON.readTree(resource(testCase + ".expected.json")).get("vectors");
        int[][] bits = new int[vectors.size()][];
        for (int r = 0; r < vectors.size(); r++) {
            bits[r] = new int[vectors.get(r).size()];
            for (int c = 0; c < bits[r].length; c++) {
                bits[r][c] = Integer.parseUnsignedInt(vectors.get(r).get(c).textValue(), 16);
            }
        }
        return bits;
    }

    private static int[] bitsOf(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard", "no_mean", "no_std"})
    void everyRowMatchesScikitLearnBitForBit(String testCase) throws IOException {
        FeatureEncoder encoder = FeatureEncoder.of(new PreprocessingReader()
                .read(resource(testCase + ".preprocessing.json"), testCase + ".preprocessing.json"));
        List<Map<String, Object>> rows = rows();
        int[][] expected = expectedBits(testCase);
        assertThat(rows).hasSize(expected.length);

        for (int r = 0; r < rows.size(); r++) {
            assertThat(bitsOf(encoder.encode(rows.get(r)))).as("%s row %d", testCase, r).containsExactly(expected[r]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"standard", "no_mean", "no_std"})
    void batchEncodingIsTheRowsConcatenated(String testCase) throws IOException {
        FeatureEncoder encoder = FeatureEncoder.of(new PreprocessingReader()
                .read(resource(testCase + ".preprocessing.json"), testCase));
        List<FeatureRow> rows = rows().stream().map(FeatureRow::of).toList();
        int[][] expected = expectedBits(testCase);

        float[] batch = encoder.encodeBatch(rows);

        int[] flat = java.util.Arrays.stream(expected).flatMapToInt(java.util.Arrays::stream).toArray();
        assertThat(bitsOf(batch)).containsExactly(flat);
    }
}
