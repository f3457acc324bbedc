package com.scalemodels.recs.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalemodels.recs.enrichment.Recommendation;
import com.scalemodels.recs.enrichment.ServedItems;
import com.scalemodels.recs.enrichment.SimilarItems;
import com.scalemodels.recs.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a run served, counted from the recommendation objects it wrote (what a user of the bucket would see). */
final class ServedOutputs {

    private ServedOutputs() {
    }

    static ServedItems read(List<Path> recommendationObjects) throws IOException {
        ServedItems served = new ServedItems();
        for (Path object : recommendationObjects) {
            try (BufferedReader in = Files.newBufferedReader(object, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    JsonNode record = Json.read(line.getBytes(StandardCharsets.UTF_8));
                    JsonNode similar = record.path("similar_items");
                    served.add(items(record.path("recommended_items")), similar.isObject()
                            ? new SimilarItems(similar.path("product_code").asText(), items(similar.path("similar_items")))
                            : null);
                }
            }
        }
        return served;
    }

    private static List<Recommendation> items(JsonNode list) {
        List<Recommendation> items = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            items.add(new Recommendation(item.path("product_code").asText(), item.path("score").asDouble()));
        }
        return items;
    }
}
