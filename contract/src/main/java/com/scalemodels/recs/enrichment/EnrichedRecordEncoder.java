package com.scalemodels.recs.enrichment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalemodels.recs.json.Json;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an {@link EnrichedRecord} as one line of UTF-8 JSON ending in {@code \n}: the input's keys in their
 * order with their number text, then {@code recommended_items}, {@code similar_items}, {@code model_version}.
 * If the input already carried one of those three keys, ours replaces it and moves to the end, so a reader
 * never sees two values for one key. Thread-safe.
 */
public final class EnrichedRecordEncoder {

    public static final String RECOMMENDED_ITEMS = "recommended_items";
    public static final String SIMILAR_ITEMS = "similar_items";
    public static final String MODEL_VERSION = "model_version";

    public byte[] encode(EnrichedRecord record) {
        // A shallow copy: children are shared read-only, the caller's node is never modified.
        ObjectNode out = Json.object();
        record.original().properties().forEach(e -> {
            if (!isEnrichmentKey(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        out.set(RECOMMENDED_ITEMS, items(record.recommendedItems()));
        if (record.similarItems() == null) {
            out.putNull(SIMILAR_ITEMS);
        } else {
            ObjectNode similar = out.putObject(SIMILAR_ITEMS);
            similar.put("product_code", record.similarItems().productCode());
            similar.set(SIMILAR_ITEMS, items(record.similarItems().similarItems()));
        }
        out.put(MODEL_VERSION, record.modelVersion());
        byte[] json = Json.write(out);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    /**
     * Items as the contract writes them, {@code [{"product_code": …, "score": …}, …]}; the HTTP routes answer
     * with the same. Built by hand rather than with valueToTree: exact-decimal settings would turn a double score
     * into its full binary expansion (0.91 → 0.910000000000000031…).
     */
    public static ArrayNode items(List<Recommendation> items) {
        ArrayNode array = Json.array();
        for (Recommendation r : items) {
            array.addObject().put("product_code", r.productCode()).put("score", r.score());
        }
        return array;
    }

    private static boolean isEnrichmentKey(String key) {
        return RECOMMENDED_ITEMS.equals(key) || SIMILAR_ITEMS.equals(key) || MODEL_VERSION.equals(key);
    }
}
