package com.scalemodels.recs.enrichment;

import java.util.List;
import java.util.Objects;

/** Products similar to a seed product of the session. JSON: {@code product_code}, {@code similar_items}. */
public record SimilarItems(String productCode, List<Recommendation> similarItems) {

    public SimilarItems {
        Objects.requireNonNull(productCode, "productCode");
        similarItems = List.copyOf(Objects.requireNonNull(similarItems, "similarItems"));
    }
}
