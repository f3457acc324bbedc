package com.scalemodels.recs.enrichment;

import java.util.Objects;

/** One recommended product and its similarity score (higher is better). JSON: {@code product_code}, {@code score}. */
public record Recommendation(String productCode, double score) {

    public Recommendation {
        Objects.requireNonNull(productCode, "productCode");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite for " + productCode);
        }
    }
}
