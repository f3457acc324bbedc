package com.scalemodels.recs.vectordb;

import com.scalemodels.recs.model.Distance;
import java.util.Objects;

/** An item id and its similarity score (higher is more similar; see {@link Distance}). */
public record ScoredItem(String id, double score) {

    public ScoredItem {
        Objects.requireNonNull(id, "id");
    }
}
