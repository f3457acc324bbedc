package com.scalemodels.recs.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A few enriched records from the recommendations output, as sentences with product names: the quickest way to
 * see that the pipeline did something sensible.
 */
public final class ExampleRecommendations {

    private static final int ITEMS_SHOWN = 3;

    private final ProductNames names;

    public ExampleRecommendations(ProductNames names) {
        this.names = names;
    }

    public List<String> pick(List<Path> recommendationObjects, int count) throws IOException {
        List<String> examples = new ArrayList<>();
        for (Path object : recommendationObjects) {
            try (BufferedReader in = Files.newBufferedReader(object, StandardCharsets.UTF_8)) {
                String line;
                while (examples.size() < count && (line = in.readLine()) != null) {
                    JsonNode record = Json.read(line);
                    if (record.path("browse_history").size() > 0 && record.path("recommended_items").size() > 0) {
                        examples.add(describe(record));
                    }
                }
            }
            if (examples.size() >= count) {
                break;
            }
        }
        return examples;
    }

    String describe(JsonNode record) {
        JsonNode history = record.path("browse_history");
        String browsed = names.name(history.get(history.size() - 1).path("product_code").asText());
        StringBuilder s = new StringBuilder();
        s.append("customer ").append(record.path("customer_number").asText()).append(" (")
                .append(record.path("city").asText()).append(") browsed ").append(browsed);
        if (history.size() > 1) {
            s.append(" (+").append(history.size() - 1).append(" more)");
        }
        s.append("\n        → recommended: ").append(items(record.path("recommended_items")));
        JsonNode similar = record.path("similar_items");
        if (similar.isObject()) {
            s.append("\n        → similar to ").append(names.name(similar.path("product_code").asText()))
                    .append(": ").append(items(similar.path("similar_items")));
        }
        return s.toString();
    }

    private String items(JsonNode items) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(ITEMS_SHOWN, items.size()); i++) {
            shown.add(names.name(items.get(i).path("product_code").asText()));
        }
        return String.join(", ", shown) + (items.size() > ITEMS_SHOWN ? ", …" : "");
    }
}
