package com.scalemodels.recs.enrichment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One output record: the input object as received plus the three enrichment fields. {@code similarItems} is null
 * when no item of the history is known to the catalog.
 */
public record EnrichedRecord(ObjectNode original, List<Recommendation> recommendedItems, SimilarItems similarItems,
        String modelVersion) {

    public EnrichedRecord {
        Objects.requireNonNull(original, "original");
        recommendedItems = List.copyOf(Objects.requireNonNull(recommendedItems, "recommendedItems"));
        Objects.requireNonNull(modelVersion, "modelVersion");
    }
}
